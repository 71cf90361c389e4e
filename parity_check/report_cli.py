"""`parity-check report ...`: work on saved runs and reports, with no browser.

    parity-check report rank reports/*/report.json      the ranking of state bodies (html, json, md)
    parity-check report merge OUT SHARD_DIR...          merge the shards of one site and check them as one
    parity-check report merge-shards DIR... --out OUT   merge the shards of every site found under DIR
    parity-check report render RUN_DIR --format sarif   write reports again (another language, format)

Exit codes as the main command: 0 clean, 1 violations at or above --fail-on (merge only), 2 an error.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from .baseline import gate_exit_code

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


@report_group.command("merge", epilog="Exit codes: 0 clean; 1 violations at or above --fail-on; 2 an error "
                                      "(a shard refused, no page audited).")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "formats", default="json,html", show_default=True, help="Report formats, comma-separated.")
@click.option("--profile", "profile_ref", metavar="FILE|NAME", help="Profile (thresholds, suppressions).")
@click.option("--report-lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of the HTML report.")
@click.option("--baseline", type=click.Path(path_type=Path), help="An older report.json to compare with.")
@click.option("--fail-on", type=click.Choice(IMPACTS), default="serious", show_default=True)
@click.option("--fail-on-new", is_flag=True, help="Fail only on findings the baseline does not have.")
def merge_cmd(out_dir, shards, formats, profile_ref, report_lang, baseline, fail_on, fail_on_new):
    """Merge the run folders of the shards of one site (--shard i/n) into OUT_DIR and run every check over
    the whole. A symbolic link or a stray file in a shard refuses the merge."""
    try:
        fmt_list = _formats(formats)
        profile = _profile(profile_ref)
        _check_baseline(baseline)
        result, written = _merge_one(list(shards), out_dir, fmt_list, profile, report_lang, baseline)
    except _errors() as e:
        raise _fail(str(e))
    _said_merged(len(shards), result, written)
    _require_audited(result)
    sys.exit(gate_exit_code(result, fail_on, fail_on_new))


@report_group.command("merge-shards", epilog="Exit codes: 0 clean; 1 violations at or above --fail-on on any "
                                             "site; 2 an error (a shard refused, a site with no page audited).")
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for one merged report folder per site (OUT/<site>/).")
@click.option("--format", "formats", default="json,html,sarif,markdown", show_default=True,
              help="Report formats, comma-separated.")
@click.option("--report-lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of the HTML report.")
@click.option("--fail-on", type=click.Choice(IMPACTS), default="none", show_default=True)
def merge_shards_cmd(folders, out_dir, formats, report_lang, fail_on):
    """Find every shard run under FOLDERS (downloaded artifacts, in any layout), group them by site, and
    merge each site's shards into OUT/<site>/ with the reports of --format: what a nightly matrix of
    sites x shards needs before `parity-check report rank OUT/*/report.json`."""
    from .report.merge import find_runs, group_by_target
    from .report.sarif_report import entity_label

    try:
        fmt_list = _formats(formats)
        groups = group_by_target(find_runs(list(folders)))
        if not groups:
            raise _fail(f"no shard run (a folder with artifacts/run.json) under {', '.join(map(str, folders))}")
        codes = []
        for target, runs in sorted(groups.items()):
            label = re.sub(r"[^a-zA-Z0-9.-]+", "-", entity_label(target)).strip("-") or "site"
            result, written = _merge_one(runs, out_dir / label, fmt_list, None, report_lang, None)
            _said_merged(len(runs), result, written)
            codes.append(2 if result.coverage["pages_audited"] == 0 else gate_exit_code(result, fail_on, False))
            if codes[-1] == 2:
                click.echo(f"parity-check: error: {label}: no page could be audited", err=True)
    except _errors() as e:
        raise _fail(str(e))
    sys.exit(2 if 2 in codes else max(codes))


def _merge_one(runs: list[Path], out_dir: Path, fmt_list: list[str], profile, report_lang: str, baseline):
    from . import pipeline
    from .report import write_reports
    from .report.finalise import finalise_result
    from .report.merge import merge_runs
    from .report.sarif_report import sarif_category

    store = merge_runs(runs, out_dir)
    result = pipeline.check(store, profile, dict(getattr(profile, "thresholds", {}) or {}))
    result = finalise_result(result, profile, baseline)
    written = write_reports(result, out_dir, fmt_list, {"report_lang": report_lang,
                                                         "sarif_category": sarif_category(result.target)})
    return result, written


def _said_merged(n: int, result, written: dict) -> None:
    click.echo(f"merged {n} shard(s) of {result.target}: {result.coverage['pages_audited']} page views, "
               f"{len(result.findings)} findings")
    for fmt, path in written.items():
        click.echo(f"{fmt:8} report: {path}")


def _check_baseline(baseline) -> None:
    if baseline is not None:
        from .baseline import load_baseline

        load_baseline(Path(baseline))


def _require_audited(result) -> None:
    from .pipeline import NothingAudited, require_audited

    try:
        require_audited(result)
    except NothingAudited as e:
        raise _fail(str(e))


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
