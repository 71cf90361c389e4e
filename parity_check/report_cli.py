"""`parity-check report ...`: work on saved runs and reports, with no browser.

    parity-check report rank reports/*/report.json      the ranking of state bodies (html, json, md)
    parity-check report merge OUT SHARD_DIR...          merge sharded runs and check them as one
    parity-check report render RUN_DIR --format sarif   write reports again (another language, format)

Exit codes as the main command: 0 clean, 1 violations at or above --fail-on (merge only), 2 an error.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_ERROR = 2
LANG_CHOICE = click.Choice(["kk", "ru", "en"])
IMPACTS = ["critical", "serious", "moderate", "minor", "none"]


def _fail(message: str) -> click.exceptions.Exit:
    click.echo(f"parity-check: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _formats(value: str) -> list[str]:
    from .report import reporter_class

    formats = [v.strip() for v in (value or "").split(",") if v.strip()]
    for fmt in formats:
        reporter_class(fmt)
    return formats


def _profile(ref: str | None):
    if not ref:
        return None
    from .config import load_profile

    return load_profile(ref)


def _errors():
    from .artifacts import ArtifactError
    from .baseline import BaselineError
    from .report.loader import ReportError

    errors = (ArtifactError, BaselineError, ReportError, ValueError, OSError)
    try:
        from .config import ProfileError
    except ImportError:  # config is optional for these commands
        return errors
    return errors + (ProfileError,)


@click.group("report", context_settings={"help_option_names": ["-h", "--help"]})
def report_group():
    """Rank, merge and re-render saved runs (no browser)."""


@report_group.command("rank")
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("reports/ranking"),
              show_default=True, help="Folder for ranking.html, ranking.json and ranking.md.")
@click.option("--lang", "lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of ranking.html/.md.")
@click.option("--platform-min-sites", type=click.IntRange(1), default=2, show_default=True,
              help="A template issue on this many sites is listed as a platform issue.")
def rank_cmd(reports, out_dir, lang, platform_min_sites):
    """Rank sites by score from their report.json files (the score's formula is stated in the output)."""
    from .report.loader import load_report
    from .report.ranking import build_ranking, write_ranking

    try:
        loaded = [(str(p), load_report(p)) for p in reports]
        paths = write_ranking(build_ranking(loaded, platform_min_sites), out_dir, lang)
    except _errors() as e:
        raise _fail(str(e))
    for kind, path in paths.items():
        click.echo(f"{kind:5} ranking: {path}")


@report_group.command("merge")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "formats", default="json,html", show_default=True, help="Report formats, comma-separated.")
@click.option("--profile", "profile_ref", metavar="FILE|NAME", help="Profile (thresholds, suppressions).")
@click.option("--report-lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of the HTML report.")
@click.option("--baseline", type=click.Path(path_type=Path), help="An older report.json to compare with.")
@click.option("--fail-on", type=click.Choice(IMPACTS), default="serious", show_default=True)
@click.option("--fail-on-new", is_flag=True, help="Fail only on findings the baseline does not have.")
def merge_cmd(out_dir, shards, formats, profile_ref, report_lang, baseline, fail_on, fail_on_new):
    """Merge the run folders of shards (--shard i/n) into OUT_DIR and run every check over the whole."""
    from . import pipeline
    from .baseline import gate_exit_code
    from .report import write_reports
    from .report.finalise import finalise_result
    from .report.merge import merge_runs

    try:
        fmt_list = _formats(formats)
        profile = _profile(profile_ref)
        store = merge_runs(list(shards), out_dir)
        result = pipeline.check(store, profile, dict(getattr(profile, "thresholds", {}) or {}))
        result = finalise_result(result, profile, baseline)
        written = write_reports(result, out_dir, fmt_list, {"report_lang": report_lang})
    except _errors() as e:
        raise _fail(str(e))
    click.echo(f"merged {len(shards)} shard(s): {result.coverage['pages_audited']} page views, "
               f"{len(result.findings)} findings")
    for fmt, path in written.items():
        click.echo(f"{fmt:8} report: {path}")
    sys.exit(gate_exit_code(result, fail_on, fail_on_new))


@report_group.command("render")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "formats", default="html", show_default=True, help="Report formats, comma-separated.")
@click.option("--lang", "report_lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of HTML/Markdown.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Where to write [RUN_DIR].")
@click.option("--profile", "profile_ref", metavar="FILE|NAME", help="Profile (thresholds, suppressions).")
@click.option("--baseline", type=click.Path(path_type=Path), help="An older report.json to compare with.")
@click.option("--from-json", is_flag=True, help="Use RUN_DIR/report.json as it is instead of re-running the checks.")
def render_cmd(run_dir, formats, report_lang, out_dir, profile_ref, baseline, from_json):
    """Write reports again from a run folder: the checks re-run over its artifacts/ (or, with --from-json
    or when there are no artifacts, its report.json is read as it is)."""
    from . import pipeline
    from .report import write_reports
    from .report.finalise import finalise_result
    from .report.loader import load_report

    try:
        fmt_list = _formats(formats)
        profile = _profile(profile_ref)
        if not from_json and (run_dir / "artifacts" / "run.json").is_file():
            from .artifacts import ArtifactStore

            store = ArtifactStore.locate(run_dir)
            result = pipeline.check(store, profile, dict(getattr(profile, "thresholds", {}) or {}))
            result = finalise_result(result, profile, baseline)
        else:
            # finalised even with no profile or baseline: a report written before schema 1.2 has a
            # finding per mode, which this merges into one per defect
            result = finalise_result(load_report(run_dir / "report.json"), profile, baseline)
        written = write_reports(result, out_dir or run_dir, fmt_list,
                                {"report_lang": report_lang, "run_dir": run_dir})
    except _errors() as e:
        raise _fail(str(e))
    for fmt, path in written.items():
        click.echo(f"{fmt:8} report: {path}")
