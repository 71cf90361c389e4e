"""Bad input never starts a browser: malformed domains and URLs, unknown profiles, broken YAML and
conflicting options end with a message that names the problem and exit code 2."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from parity_check import pipeline
from parity_check.cli import main


@pytest.fixture(autouse=True)
def no_browser(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("bad input reached the browser phase")

    monkeypatch.setattr(pipeline, "gather", refuse)


def run(*args: str, cwd=None):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("target, fragment", [
    ("exa mple.kz", "is not a domain or URL"),
    ("http://", "is not a domain or URL"),
    ("bad-.gov.kz", "is not a domain or URL"),
    ("a..b.kz", "is not a domain or URL"),
    ("https://x.kz:abc/", "the port is not a number"),
    ("https://x.kz:99999/", "the port is not a number"),
    ("ftp://x.kz", "only http and https"),
    ("javascript:alert(1)", "only http and https"),
    ("   ", "no TARGET"),
    ("https://[::1/", "is not a domain or URL"),
])
def test_malformed_targets(target, fragment):
    code, out = run(target)
    assert code == 2 and fragment in out, out


def test_unknown_profiles():
    code, out = run("--profile", "no-such-profile", "x.kz")
    assert code == 2 and "no-such-profile" in out
    code, out = run("nosuchbody")  # looks like a profile name, is none
    assert code == 2 and "neither a domain, a URL nor a shipped profile" in out


def test_broken_yaml_profile(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("target: https://x.kz\nlanguages: [kk, ru\n", encoding="utf-8")
    code, out = run("--profile", str(bad))
    assert code == 2 and "bad.yaml:3" in out and "YAML" in out  # the file, the line, what is wrong


@pytest.mark.parametrize("args, fragment", [
    (["x.kz", "--from-artifacts", "somewhere"], "give one of TARGET, --from-artifacts and --resume"),
    (["x.kz", "--resume", "somewhere"], "give one of TARGET, --from-artifacts and --resume"),
    (["--from-artifacts", "a", "--resume", "b"], "give one of TARGET, --from-artifacts and --resume"),
    (["x.kz", "--cache", "c", "--no-cache"], "--cache DIR or --no-cache, not both"),
    (["--from-artifacts", "a", "--no-cache"], "--from-artifacts renders nothing"),
    (["x.kz", "--langs", "kk,de"], "unknown language(s) de"),
    (["x.kz", "--langs", "kz"], "Kazakh is kk"),
    (["x.kz", "--format", "json,pdf"], "unknown report format 'pdf'"),
    (["x.kz", "--shard", "3/2"], "1 <= I <= N"),
    (["x.kz", "--shard", "two"], "1 <= I <= N"),
    (["x.kz", "--max-pages", "0"], "--max-pages"),
    (["x.kz", "--concurrency", "99"], "--concurrency"),
    (["x.kz", "--fail-on", "everything"], "--fail-on"),
    ([], "no TARGET"),
])
def test_conflicting_and_invalid_options(args, fragment):
    code, out = run(*args)
    assert code == 2 and fragment in out, out


def test_an_output_folder_in_use_is_not_overwritten(tmp_path):
    (tmp_path / "old.txt").write_text("keep me")
    code, out = run("x.kz", "--out", str(tmp_path))
    assert code == 2 and "exists and is not empty" in out
    assert (tmp_path / "old.txt").read_text() == "keep me"


def test_resume_and_replay_need_a_run_folder(tmp_path):
    code, out = run("--resume", str(tmp_path))
    assert code == 2 and "no saved artifacts" in out
    code, out = run("--from-artifacts", str(tmp_path / "missing"))
    assert code == 2 and "no saved artifacts" in out
    store = tmp_path / "old" / "artifacts"
    store.mkdir(parents=True)
    (store / "run.json").write_text(json.dumps({"schema_version": 1, "target": "https://x.kz/"}))
    code, out = run("--resume", str(tmp_path / "old"))
    assert code == 2 and "not written by a run that can be resumed" in out
    (store / "run.json").write_text("{not json")
    code, out = run("--resume", str(tmp_path / "old"))
    assert code == 2 and "not valid JSON" in out
