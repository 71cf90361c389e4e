"""The command line. Thin: it parses, builds RunSettings from defaults < profile < options, calls the
pipeline and turns the result into an exit code.

Exit codes: 0 clean (no violation at or above --fail-on), 1 findings at or above the threshold,
2 the tool, its configuration or its input failed.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import traceback
from pathlib import Path

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
IMPACTS = ["critical", "serious", "moderate", "minor", "none"]
KNOWN_LANGS = {"kk", "ru", "en"}


class DefaultGroup(click.Group):
    """`parity-check TARGET ...` runs the check; `parity-check profiles ...` etc. run subcommands."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


def fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"parity-check: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parity-check")
def main():
    """Check the websites of Kazakhstan's state bodies for accessibility (axe-core, WCAG 2.2 AA) and for
    parity between their Kazakh, Russian and English versions, in the normal and the visually-impaired mode.

    \b
      parity-check akimvko.gov.kz                 a shipped profile's site
      parity-check https://example.gov.kz/kz/     any site, profile inferred
      parity-check demo                           the bundled demo site (see `make demo`)
      parity-check --from-artifacts reports/X     re-run the checks on saved records, no browser

    \b
    Exit codes: 0 no violation at or above --fail-on; 1 violations at or above it;
                2 the tool, its input or the site failed (bad option, profile or
                baseline, no browser, no page could be audited).
    """


def _parse_shard(value: str | None) -> tuple[int, int]:
    if not value:
        return (1, 1)
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", value)
    if not m or not (1 <= int(m.group(1)) <= int(m.group(2))):
        raise click.BadParameter(f"{value!r}: write I/N with 1 <= I <= N, e.g. 2/3")
    return int(m.group(1)), int(m.group(2))


def _skip_names(value: str | None) -> tuple[str, ...]:
    names = tuple(_split_csv(value))
    if not names:
        return ()
    from .gather.registry import GATHERERS, SITE_GATHERERS, load_gatherers

    load_gatherers()
    known = {g.name for g in GATHERERS} | {g.name for g in SITE_GATHERERS}
    unknown = sorted(set(names) - known)
    if unknown:
        raise click.BadParameter(f"unknown gatherer(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}",
                                 param_hint="--skip")
    return names


def _split_csv(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _default_out(target: str) -> Path:
    slug = re.sub(r"[^a-zA-Z0-9.-]+", "-", re.sub(r"^https?://", "", target)).strip("-")[:60] or "run"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path("reports") / f"{slug}-{stamp}"


EXIT_CODES_HELP = ("Exit codes: 0 no violation at or above --fail-on; 1 violations at or above it (with --fail-on-new, "
                   "new ones only); 2 the tool, its input or the site failed (bad option, profile or baseline, "
                   "no browser, no page could be audited).")


@main.command("check", epilog=EXIT_CODES_HELP)
@click.argument("target", required=False)
@click.option("--profile", "profile_ref", metavar="FILE|NAME", help="Profile YAML file or shipped profile name.")
@click.option("--langs", metavar="kk,ru,en", help="Languages to check (default: the profile's, else kk,ru,en).")
@click.option("--max-pages", type=click.IntRange(1), help="Most URLs (pages x languages) to visit [200].")
@click.option("--max-depth", type=click.IntRange(0), help="Most clicks from the start page [5].")
@click.option("--concurrency", type=click.IntRange(1, 16), help="Browser tabs working at once [2].")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Run folder [reports/<site>-<time>].")
@click.option("--format", "formats", default="json,html", show_default=True,
              help="Report formats, comma-separated: json, html, sarif, junit, markdown, csv.")
@click.option("--fail-on", type=click.Choice(IMPACTS), help="Lowest impact that makes the exit code 1 [serious].")
@click.option("--from-artifacts", "from_artifacts", type=click.Path(path_type=Path),
              help="Re-run the checks on a saved run folder with no browser.")
@click.option("--resume", "resume_dir", type=click.Path(path_type=Path),
              help="Finish a run that was killed midway, in its folder; pages already recorded are kept.")
@click.option("--shard", metavar="I/N", callback=lambda c, p, v: _parse_shard(v),
              help="Audit only shard I of N of the pages (merge with `parity-check report merge`).")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="An earlier report.json: findings are marked new or persisting, and fixed ones listed.")
@click.option("--fail-on-new", is_flag=True, help="Exit 1 only for findings the baseline does not have.")
@click.option("--report-lang", type=click.Choice(["kk", "ru", "en"]), default="en", show_default=True,
              help="Language of the HTML report and the Markdown summary.")
@click.option("--skip", "skip", metavar="NAMES",
              help="Gatherers not to run, comma-separated (views, crops, generated_text, links, documents, "
                   "vi_keyboard, vi_persistence): a faster run that leaves their checks silent.")
@click.option("--no-vi", is_flag=True, help="Skip the visually-impaired mode (normal mode only).")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path),
              help="Reuse the records of pages unchanged since an earlier run [the user's cache folder: "
                   "~/.cache/parity-check/<site>, or $PARITY_CHECK_CACHE/<site>].")
@click.option("--no-cache", is_flag=True, help="Render and audit every page again.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def check_cmd(target, profile_ref, langs, max_pages, max_depth, concurrency, out_dir, formats, fail_on,
              from_artifacts, resume_dir, shard, baseline, fail_on_new, report_lang, skip, no_vi, cache_dir,
              no_cache, quiet):
    """Render TARGET (a domain, a URL or a profile name) in every language and both modes, audit it,
    and write the report."""
    try:
        code = _run_check(target, profile_ref, langs, max_pages, max_depth, concurrency, out_dir, formats,
                          fail_on, from_artifacts, no_vi, quiet, resume_dir, shard, baseline, fail_on_new,
                          report_lang, cache_dir=cache_dir, no_cache=no_cache, skip=_skip_names(skip))
    except tool_errors() as e:
        raise fail(str(e))
    except KeyboardInterrupt:
        raise fail("interrupted; the pages finished so far are saved under the run folder's artifacts/")
    sys.exit(code)


def tool_errors() -> tuple[type[Exception], ...]:
    """What the user can fix (input, profile, saved runs, browser): one line on stderr and exit 2."""
    from .artifacts import ArtifactError
    from .baseline import BaselineError
    from .config import ProfileError
    from .gather.browser import BrowserNotFound
    from .pipeline import InputError, NothingAudited
    from .report.loader import ReportError

    return (ProfileError, InputError, NothingAudited, ArtifactError, BrowserNotFound, BaselineError, ReportError,
            ValueError, OSError)


def check_formats(formats: str | None) -> list[str]:
    from .report import reporter_class

    fmt_list = _split_csv(formats)
    for fmt in fmt_list:
        reporter_class(fmt)  # an unknown format fails before any browser work
    return fmt_list


def check_baseline(baseline: Path | None) -> None:
    """A baseline that cannot be read fails now, not after an hour of crawling."""
    if baseline is not None:
        from .baseline import load_baseline

        load_baseline(Path(baseline))


def _run_check(target, profile_ref, langs, max_pages, max_depth, concurrency, out_dir, formats, fail_on,
               from_artifacts, no_vi, quiet, resume_dir=None, shard=(1, 1), baseline=None, fail_on_new=False,
               report_lang="en", cache_dir=None, no_cache=False, skip=()) -> int:
    """Every input is checked (formats, languages, options, baseline, profile, output folder, browser)
    before a browser starts; then gather, check, report."""
    from dataclasses import replace

    from . import pipeline
    from .artifacts import ArtifactStore
    from .progress import progress_for
    from .settings import build_settings

    target = (target or "").strip() or None  # a blank argument (an unset CI variable) is no target
    fmt_list = check_formats(formats)
    lang_list = _split_csv(langs)
    bad = [lang for lang in lang_list if lang not in KNOWN_LANGS]
    if bad:
        hint = " (Kazakh is kk; kz is only how some URLs write it)" if "kz" in bad else ""
        raise pipeline.InputError(f"unknown language(s) {', '.join(bad)}{hint}; use kk, ru, en")
    if sum(bool(x) for x in (target, from_artifacts, resume_dir)) > 1:
        raise pipeline.InputError("give one of TARGET, --from-artifacts and --resume")
    if cache_dir and no_cache:
        raise pipeline.InputError("give --cache DIR or --no-cache, not both")
    if from_artifacts and (cache_dir or no_cache):
        raise pipeline.InputError("--from-artifacts renders nothing, so --cache and --no-cache do not apply")
    check_baseline(baseline)
    progress = progress_for(quiet)

    if from_artifacts:
        store = ArtifactStore.locate(from_artifacts)
        run = store.read_run()
        settings = build_settings(run["target"], profile_ref or run.get("profile"), langs=lang_list,
                                  fail_on=fail_on, out_dir=out_dir or Path(from_artifacts),
                                  formats=fmt_list)
        settings = replace(settings, shard=tuple((run.get("settings") or {}).get("shard") or (1, 1)))
    else:
        if resume_dir:
            saved = ArtifactStore.locate(resume_dir).read_run().get("settings")
            if not saved:
                raise pipeline.InputError(f"{resume_dir} was not written by a run that can be resumed")
            settings = build_settings(saved["target"], profile_ref or saved.get("profile_ref"),
                                      langs=lang_list or saved["languages"], max_pages=saved["max_pages"],
                                      max_depth=saved["max_depth"], concurrency=concurrency or saved["concurrency"],
                                      fail_on=fail_on or saved["fail_on"], out_dir=Path(resume_dir),
                                      formats=fmt_list, no_vi="vi" not in saved["modes"])
            saved_cache = None if no_cache else cache_dir or saved.get("cache_dir")
            settings = replace(settings, resume=True, skip=tuple(saved.get("skip", ())),
                               shard=tuple(saved.get("shard", (1, 1))),
                               cache_dir=Path(saved_cache) if saved_cache else None)
            opening = f"parity-check {__version__}: resuming {settings.target} in {settings.out_dir}"
        else:
            if not target and not profile_ref:
                raise pipeline.InputError("no TARGET: give a domain (akimvko.gov.kz), a URL or a profile name; "
                                          "see parity-check --help")
            settings = build_settings(target, profile_ref, langs=lang_list, max_pages=max_pages,
                                      max_depth=max_depth, concurrency=concurrency, fail_on=fail_on,
                                      out_dir=out_dir, formats=fmt_list, no_vi=no_vi,
                                      default_out=_default_out)
            from .gather.cache import default_cache_dir
            from .settings import user_cache_dir

            settings = replace(settings, shard=shard, skip=tuple(skip))
            if not no_cache:
                settings = replace(settings, cache_dir=cache_dir or default_cache_dir(settings.target, user_cache_dir()))
            if settings.out_dir.exists() and any(settings.out_dir.iterdir()):
                raise pipeline.InputError(f"{settings.out_dir} exists and is not empty; choose another --out")
            opening = (f"parity-check {__version__}: {settings.target} in {','.join(settings.languages)}, "
                       f"modes {'normal' if no_vi else 'normal+vi'}, up to {settings.max_pages} pages"
                       f"{_shard_words(settings.shard)} -> {settings.out_dir}")
        pipeline.find_browser()  # no browser: exit 2 with a hint, before any folder is written
        progress(opening)
        try:
            store = pipeline.gather(settings, progress)
        finally:
            progress.close()
        if settings.profile_name is None and not resume_dir:
            _write_inferred_profile(settings, store)

    result, written, code = pipeline.finish_run(store, settings, baseline=baseline, report_lang=report_lang,
                                                fail_on_new=fail_on_new)
    echo_summary(result, written)
    pipeline.require_audited(result, settings.shard)  # reports are written, but a run that audited nothing failed: exit 2
    return code


def _shard_words(shard: tuple[int, int]) -> str:
    return f", shard {shard[0]} of {shard[1]}" if tuple(shard) != (1, 1) else ""


def _write_inferred_profile(settings, store) -> None:
    """No profile was given: say what one would say (language URLs, VI switch), for the user to keep."""
    from .infer import inferred_profile_yaml

    path = settings.out_dir / "inferred-profile.yaml"
    path.write_text(inferred_profile_yaml(settings.target, store.iter_pages()), encoding="utf-8")
    click.echo(f"no profile was given; the one inferred from this run: {path} (edit it, then --profile {path})")


def echo_summary(result, written) -> None:
    """The run in two lines on stdout: coverage; violations by impact (most severe first), then what needs
    a person to review, apart; then where the reports are."""
    from .models import IMPACT_ORDER
    from .progress import neutral
    from .report.notes import active

    cov = result.coverage
    counted = active(result.findings)

    def by_impact(outcome: str) -> str:
        counts = [(i, sum(1 for f in counted if f.outcome == outcome and f.impact == i)) for i in reversed(IMPACT_ORDER)]
        return ", ".join(f"{i} {n}" for i, n in counts if n)

    violations = sum(1 for f in counted if f.outcome == "violation")
    review = sum(1 for f in counted if f.outcome == "incomplete")
    suppressed = len(result.findings) - len(counted)
    click.echo(f"{cov['pages_audited']} page views audited, {cov['pages_failed']} failed, "
               f"{cov['pages_skipped']} skipped"
               f"{', %d not found' % cov['pages_not_found'] if cov.get('pages_not_found') else ''}"
               f"{' (TRUNCATED by a limit)' if cov['truncated'] else ''}")
    click.echo(f"{violations} violations" + (f" ({by_impact('violation')})" if violations else "")
               + f"; {review} to review" + (f" ({by_impact('incomplete')})" if review else "")
               + (f"; {suppressed} suppressed" if suppressed else ""))
    baseline = getattr(result, "baseline", None) or {}
    ours = result.tool.get("axe_version")
    if baseline.get("axe_version") and ours and baseline["axe_version"] != ours:
        click.echo(f"note: the baseline was made with axe-core {baseline['axe_version']}, this run used {ours}: "
                   f"some new or fixed findings may come from axe-core's rules, not from the site", err=True)
    for fmt, path in written.items():
        click.echo(f"{fmt:8} report: {path}")
    for err in result.check_errors:
        click.echo(f"warning: check {err.check} could not run: {neutral(err.error)}", err=True)


@main.command("demo")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Run folder [reports/demo-<time>].")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port for the demo site [a free one].")
@click.option("--format", "formats", default="json,html", show_default=True, help="Report formats.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def demo_cmd(out_dir, port, formats, quiet):
    """Serve the bundled demo site (a fictional trilingual akimat with planted defects) on 127.0.0.1 and
    check it. Exits 0 whatever it finds: the findings are the point of the demo."""
    from .demo import demo_site
    from .sites.server import SiteServer

    out_dir = out_dir or Path("reports") / f"demo-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}"
    with SiteServer(demo_site(), port=port) as base:
        click.echo(f"demo site: {base}/ (a fictional regional akimat; defects planted on purpose)", err=True)
        try:
            code = _run_check(f"{base}/", "demo", None, None, None, None, out_dir, formats, "none", None,
                              False, quiet, no_cache=True)  # a new port every time: nothing to reuse
        except tool_errors() as e:
            raise fail(str(e))
    click.echo(f"Open {out_dir / 'report.html'} in a browser; the planted defects are listed in "
               f"parity_check/demo/DEFECTS.md.")
    sys.exit(code)


@main.group("profiles")
def profiles_group():
    """The site profiles: list the shipped ones, show one merged with the defaults, validate a file, print
    their JSON Schema."""


@profiles_group.command("list")
def profiles_list():
    """The profiles shipped with parity-check."""
    from .config import list_profiles

    for name, title, _path in list_profiles():
        click.echo(f"{name:14} {title}")


@profiles_group.command("show")
@click.argument("ref")
def profiles_show(ref):
    """A profile (name or file) as the run would use it: merged with _defaults.yaml."""
    from .config import ProfileError, load_profile, profile_to_yaml

    try:
        click.echo(profile_to_yaml(load_profile(ref)), nl=False)
    except ProfileError as e:
        raise fail(str(e))


@profiles_group.command("data")
@click.argument("name", required=False)
@click.option("--profile", "ref", metavar="FILE|NAME", help="Show the data as this profile extends it.")
def profiles_data(name, ref):
    """The data sets a profile extends (switch names, ...): list them, or print one as YAML."""
    import yaml

    from .config import ProfileError, did_you_mean, load_profile
    from .config.datasets import DATASETS, describe

    try:
        data = load_profile(ref).data
    except ProfileError as e:
        raise fail(str(e))
    if name is None:
        for data_name, what in describe():
            click.echo(f"{data_name:22} {what}")
        return
    if name not in DATASETS:
        guess = did_you_mean(name, DATASETS)
        raise fail(f"no data set {name!r}" + (f" (did you mean {guess!r}?)" if guess else ""))
    click.echo(yaml.safe_dump(data.get(name), allow_unicode=True, sort_keys=False, width=110), nl=False)


@profiles_group.command("schema")
def profiles_schema():
    """The profiles' JSON Schema (for editors: `# yaml-language-server: $schema=profile.schema.json`)."""
    from .config.json_schema import profile_json_schema_text

    click.echo(profile_json_schema_text(), nl=False)


@profiles_group.command("validate")
@click.argument("files", nargs=-1, required=True)
def profiles_validate(files):
    """Check profile files: unknown keys, wrong types, invalid actions. Exit 2 on the first error."""
    from .config import ProfileError, load_profile

    for ref in files:
        try:
            load_profile(ref)
        except ProfileError as e:
            raise fail(str(e))
        click.echo(f"{ref}: valid")


@main.command("checks")
def checks_cmd():
    """List every check parity-check runs besides axe-core's rules: id, impact, scope and why it matters."""
    from .checks import load_all

    for check_id, cls in load_all().items():
        if check_id == "axe":
            continue
        click.echo(f"{check_id:26} {cls.impact:9} {cls.scope:9} {cls.why}")


def _register_subcommands() -> None:
    from .ci import ci_cmd
    from .report_cli import report_group

    main.add_command(report_group, "report")
    main.add_command(ci_cmd, "ci")


_register_subcommands()


def run() -> None:
    """The console entry point (`parity-check`, `python -m parity_check`). A crash is the tool failing, so it
    exits 2, never 1 (which says "findings")."""
    try:
        main(prog_name="parity-check")
    except Exception:  # click handles its own errors and exits; anything else is a bug
        traceback.print_exc()
        click.echo("parity-check: internal error (the traceback above); please report it", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    run()
