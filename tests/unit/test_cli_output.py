"""What the command line and `ci` say: the run's summary lines, the progress sink a terminal or a log gets,
the SARIF category, the user's cache folder, what `ci` counts as new and notes in the job summary."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from parity_check import cli, progress
from parity_check.baseline import apply_baseline, gate_exit_code
from parity_check.ci import Job, _new_count, _notes
from parity_check.progress import BarProgress, Line, PlainProgress, QuietProgress, progress_for
from parity_check.report.notes import with_notes
from parity_check.report.sample import sample_result
from parity_check.report.sarif_report import entity_label, sarif_category
from parity_check.settings import user_cache_dir


def test_the_summary_orders_impacts_by_severity_and_keeps_reviews_and_suppressed_apart():
    result = sample_result()
    result = replace(result, findings=[*result.findings, with_notes(result.findings[0], suppressed={"reason": "x"})])
    runner = CliRunner()

    @cli.click.command()
    def show():
        cli.echo_summary(result, {"json": Path("r/report.json")})

    out = runner.invoke(show).stdout.splitlines()
    assert out[0].startswith(f"{result.coverage['pages_audited']} page views audited")
    violations, review, suppressed = out[1].split("; ")
    impacts = [part.split()[0] for part in violations[violations.index("(") + 1:-1].split(", ")]
    order = ["critical", "serious", "moderate", "minor"]
    assert impacts == sorted(impacts, key=order.index), impacts
    assert review.endswith(")") and "to review (" in review and suppressed == "1 suppressed"
    assert out[2] == "json     report: r/report.json"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_counts_and_a_log_plain_lines(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    tty = _Tty()
    monkeypatch.setattr(progress.sys, "stderr", tty)
    sink = progress_for(quiet=False)
    assert isinstance(sink, BarProgress)
    for done in (1, 2, 3):
        sink(Line(f"[{done}/4] audited  kk normal", f"http://x/{done}", done, 4))
    sink(Line("[4/4] failed   kk normal", "http://x/4  (HTTP 500)", 4, 4))
    sink("site: links")
    sink.close()
    shown = tty.getvalue()
    assert "4/4" in shown and "view" in shown, "tqdm's bar: counts and unit"
    assert "failed   kk normal http://x/4" in shown and "site: links" in shown
    assert "audited  kk normal http://x/1\n" not in shown, "audited pages are the bar, not lines"

    monkeypatch.setenv("CI", "true")
    assert type(progress_for(quiet=False)) is PlainProgress
    monkeypatch.delenv("CI")
    monkeypatch.setattr(progress.sys, "stderr", io.StringIO())  # a log file
    assert type(progress_for(quiet=False)) is PlainProgress
    assert isinstance(progress_for(quiet=True), QuietProgress)


def test_progress_goes_to_stderr_and_results_to_stdout(tmp_path):
    from parity_check.artifacts import ArtifactStore  # noqa: F401 (the saved run below)
    import shutil

    run = tmp_path / "run"
    shutil.copytree(Path(__file__).resolve().parents[1] / "artifacts" / "content", run / "artifacts")
    res = CliRunner().invoke(cli.main, ["--from-artifacts", str(run), "--format", "json"])
    assert res.exit_code in (0, 1)
    assert all(not line.startswith(("[", "site:")) for line in res.stdout.splitlines())
    assert "json     report:" in res.stdout and "json     report:" not in res.stderr


def test_the_sarif_category_names_the_entity_and_the_shard_never_a_port():
    assert entity_label("http://127.0.0.1:8123/memleket/entities/edu?lang=kk") == "127.0.0.1/memleket/entities/edu"
    assert sarif_category("https://akimvko.gov.kz:8443/kz/") == "parity-check/akimvko.gov.kz/"
    assert sarif_category("https://www.gov.kz/memleket/entities/mz?lang=ru", (2, 3)) == \
        "parity-check/www.gov.kz/memleket/entities/mz/shard-2-of-3/"
    assert sarif_category("https://a.kz/", (1, 1)) == "parity-check/a.kz/"


def test_the_cache_lives_in_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("PARITY_CHECK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "parity-check"
    monkeypatch.setenv("PARITY_CHECK_CACHE", str(tmp_path / "own"))
    assert user_cache_dir() == tmp_path / "own"


def test_new_agrees_with_the_gate():
    result = sample_result()
    counted = [f for f in result.findings if f.outcome in ("violation", "incomplete")]
    # no baseline, first run: the gate counts every finding as new, and so does `new`
    assert gate_exit_code(result, "serious", fail_on_new=True) == 1
    assert _new_count(result, Job("t", None, baseline=None)) == len(counted)
    # a site adopting this run as its baseline: nothing is new
    assert _new_count(result, Job("t", None, baseline=None, adopted=True)) == 0
    # against itself: nothing new, and the gate passes
    same = apply_baseline(result, {"findings": [{"fingerprint": f.fingerprint} for f in result.findings]})
    assert _new_count(same, Job("t", None, baseline=Path("b.json"))) == 0
    assert gate_exit_code(same, "serious", fail_on_new=True) == 0


def test_a_baseline_of_another_axe_core_is_named_in_the_summary():
    result = sample_result()
    old = {"findings": [], "tool": {"axe_version": "4.9.0"}}
    compared = apply_baseline(result, old)
    notes = _notes(Job("t", None, baseline=Path("b.json")), compared)
    assert any("axe-core 4.9.0" in n and result.tool["axe_version"] in n for n in notes), notes
    same = apply_baseline(result, {"findings": [], "tool": {"axe_version": result.tool["axe_version"]}})
    assert _notes(Job("t", None, baseline=Path("b.json")), same) == []
