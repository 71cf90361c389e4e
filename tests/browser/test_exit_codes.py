"""The exit codes table, as a CI gate meets it: 0 clean, 1 findings at or above the gate, 2 the tool, its
input or the site failed (unreachable site, no browser, a bad baseline path), each 2 with a one-line
reason on stderr and no traceback. Inputs are checked before any browser starts."""
from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from parity_check.cli import main
from parity_check.sites.server import SiteServer, html_response, not_found

PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<main><h1>{title}</h1><p>A small page for the exit codes.</p>{extra}</main></body></html>')


class TinySite:
    """One English page; with `broken_image`, an image with no alt (axe: image-alt, critical)."""

    def __init__(self, broken_image: bool):
        self.extra = '<img src="/logo.png" width="10" height="10">' if broken_image else ""

    def handle(self, method, path, query, headers):
        if path == "/":
            return html_response(PAGE.format(title="Exit codes", extra=self.extra))
        return not_found()


QUICK = ["--langs", "en", "--no-vi", "--no-cache", "--max-pages", "1", "-q",
         "--skip", "views,crops,generated_text,links,documents,vi_keyboard,vi_persistence"]


def _run(args, **env):
    return CliRunner().invoke(main, [str(a) for a in args], env=env or None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nothing listens there


@pytest.mark.browser
def test_clean_is_0_and_findings_are_1(tmp_path):
    with SiteServer(TinySite(broken_image=False)) as base:
        clean = _run([f"{base}/", "--out", tmp_path / "clean", "--fail-on", "critical", *QUICK])
    with SiteServer(TinySite(broken_image=True)) as base:
        found = _run([f"{base}/", "--out", tmp_path / "found", "--fail-on", "critical", *QUICK])
    assert clean.exit_code == 0, clean.output
    assert found.exit_code == 1, found.output
    assert "violations (critical 1" in found.stdout


@pytest.mark.browser
def test_an_unreachable_site_is_2_with_the_reason(tmp_path):
    res = _run([f"http://127.0.0.1:{_free_port()}/", "--out", tmp_path / "down", *QUICK])
    assert res.exit_code == 2
    assert "no page could be audited" in res.stderr and "Traceback" not in res.output
    assert (tmp_path / "down" / "report.json").is_file(), "the report still lists the failed page"


@pytest.mark.browser
def test_no_browser_is_2_with_a_one_line_hint(tmp_path, monkeypatch):
    from parity_check.gather import browser

    # a machine with no Chromium at all: no system one, no configured one, no Playwright download
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", ())
    monkeypatch.setattr(browser, "_config_file", lambda: None)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "no-browsers"))
    monkeypatch.delenv("PARITY_CHECK_CHROMIUM", raising=False)
    res = _run(["http://127.0.0.1:9/", "--out", tmp_path / "run", *QUICK])
    assert res.exit_code == 2, res.output
    errors = [line for line in res.stderr.splitlines() if line.startswith("parity-check: error:")]
    assert len(errors) == 1 and "ensure-browser.sh" in errors[0] and "playwright install chromium" in errors[0]
    assert "Traceback" not in res.output and len(res.stderr.splitlines()) <= 3


def test_a_bad_baseline_path_is_2_before_any_browser(tmp_path, monkeypatch):
    from parity_check import pipeline

    monkeypatch.setattr(pipeline, "gather", lambda *a, **k: pytest.fail("a browser was started"))
    res = _run(["http://127.0.0.1:9/", "--out", tmp_path / "run", "--baseline", tmp_path / "nope.json", *QUICK])
    assert res.exit_code == 2 and "baseline" in res.stderr and "does not exist" in res.stderr
    assert not (tmp_path / "run").exists()
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    res = _run(["http://127.0.0.1:9/", "--out", tmp_path / "run", "--baseline", tmp_path / "bad.json", *QUICK])
    assert res.exit_code == 2 and "not a JSON report" in res.stderr


@pytest.mark.parametrize("args, said", [
    (["--shard", "3/2"], "I <= N"),
    (["--format", "json,pdf"], "unknown report format"),
    (["--profile", "no-such-profile"], "no profile named"),
    (["--langs", "kz"], "Kazakh is kk"),
    (["--skip", "viewz"], "unknown gatherer"),
])
def test_other_bad_inputs_are_2_before_any_browser(tmp_path, monkeypatch, args, said):
    from parity_check import pipeline

    monkeypatch.setattr(pipeline, "gather", lambda *a, **k: pytest.fail("a browser was started"))
    res = _run(["http://127.0.0.1:9/", "--out", tmp_path / "run", *args])
    assert res.exit_code == 2 and said in res.output, res.output
    assert not (tmp_path / "run").exists()


def test_help_lists_the_exit_codes():
    for args in ([], ["check"], ["ci"], ["report", "merge"]):
        text = _run([*args, "--help"]).output
        assert "Exit codes" in text and " 2 " in text.replace(";", " ").replace(":", " "), args


@pytest.mark.browser
def test_ci_summary_says_what_failed_without_exception_text(tmp_path):
    config = tmp_path / "browser.toml"
    config.write_text('[browser]\nexecutable = "/bin/false"\n', encoding="utf-8")  # there, but no browser
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    res = _run(["ci", "--targets", "http://127.0.0.1:9/", "--out", tmp_path / "out"],
               GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(output),
               PARITY_CHECK_BROWSER_CONFIG=str(config))
    assert res.exit_code == 2
    text = summary.read_text(encoding="utf-8")
    assert "no browser could be started" in text
    for raw in ("BrowserType", "Traceback", "launch", "Error:", "/bin/false"):
        assert raw not in text, raw
    assert "exit-code=2" in output.read_text()
    assert "::error title=parity-check failed::" in res.stderr
