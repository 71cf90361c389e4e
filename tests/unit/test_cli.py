"""The command line without a browser: exit codes over saved artifacts, and input errors (exit 2)."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity_check.cli import main

RECORDED = Path(__file__).resolve().parents[1] / "artifacts" / "content"


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def saved_run(tmp_path):
    run = tmp_path / "run"
    shutil.copytree(RECORDED, run / "artifacts")
    return run


def test_findings_at_or_above_the_threshold_exit_1(saved_run):
    result = invoke("--from-artifacts", str(saved_run), "--fail-on", "minor", "-q")
    assert result.exit_code == 1, result.output
    report = json.loads((saved_run / "report.json").read_text())
    assert report["summary"]["violations"] > 0


def test_fail_on_none_exits_0_and_writes_every_format(saved_run, tmp_path):
    out = tmp_path / "out"
    result = invoke("--from-artifacts", str(saved_run), "--out", str(out), "--fail-on", "none",
                    "--format", "json,html,sarif,junit,markdown,csv")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {"report.json", "report.html", "report.sarif", "report.junit.xml",
                                              "summary.md", "findings.csv"}


def test_replay_is_deterministic(saved_run, tmp_path):
    invoke("--from-artifacts", str(saved_run), "--out", str(tmp_path / "a"), "--fail-on", "none")
    invoke("--from-artifacts", str(saved_run), "--out", str(tmp_path / "b"), "--fail-on", "none")
    a, b = (json.loads((tmp_path / x / "report.json").read_text()) for x in "ab")
    assert a["findings"] == b["findings"] and a["summary"] == b["summary"]


def test_baseline_of_the_same_run_has_no_new_findings(saved_run, tmp_path):
    invoke("--from-artifacts", str(saved_run), "--out", str(tmp_path / "old"), "--fail-on", "none")
    result = invoke("--from-artifacts", str(saved_run), "--out", str(tmp_path / "new"), "--fail-on", "minor",
                    "--baseline", str(tmp_path / "old" / "report.json"), "--fail-on-new")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args, says", [
    (["bad..domain"], "not a domain or URL"),
    (["ftp://x.kz/"], "only http and https"),
    (["x.kz", "--langs", "kz,ru"], "Kazakh is kk"),
    (["x.kz", "--format", "pdf"], "unknown report format"),
    (["x.kz", "--profile", "no-such-profile"], "no-such-profile"),
    (["x.kz", "--shard", "3/2"], "I/N"),
    (["--from-artifacts", "/nonexistent/run"], "no saved artifacts"),
    (["x.kz", "--from-artifacts", "/tmp"], "one of TARGET"),
    ([], "no TARGET"),
])
def test_bad_input_is_a_clear_message_and_exit_2(args, says):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert says in result.output


def test_broken_profile_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nlanguages: [kk, ru]\nvi_mod: {}\n")
    result = CliRunner().invoke(main, ["x.kz", "--profile", str(bad)])
    assert result.exit_code == 2 and "bad.yaml:3" in result.output and "vi" in result.output


def test_help_documents_exit_codes():
    out = invoke("--help").output
    assert "Exit codes" in out and "2 the tool" in out
