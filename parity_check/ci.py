"""`parity-check ci`: what the GitHub Action runs. Checks one or more sites or gov.kz entities, writes every
report format per site, and speaks the runner's language: the job summary ($GITHUB_STEP_SUMMARY), step
outputs ($GITHUB_OUTPUT) and annotations, all within GitHub's limits.

- Every input (targets, shard, baseline, profiles, the browser) is checked before a browser starts.
- Progress and workflow commands go to stderr, in order; while pages speak (the crawl) the runner's command
  processing is stopped (`::stop-commands::<random token>`) and page-controlled text is neutralised.
- The summary carries parity-check's own words only: a site that failed says how (no browser, no page
  audited, an internal error), never an exception's text, which goes to the log.
- It always writes its outputs, even when findings fail the gate or a site failed, so the Action uploads
  the reports first and fails the job last (the `exit-code` output: 0 clean, 1 findings, 2 failed).
- `new` counts what the gate counts as new: with no baseline every finding is new, unless
  --adopt-baseline says a site without one makes this run its baseline (then nothing is new and the
  new-findings gate passes for it).
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from .progress import GithubProgress, neutral
from .report.notes import active, is_suppressed, note

SUMMARY_LIMIT = 1024 * 1024 - 4096  # GitHub refuses a step summary over 1 MiB; keep room for the footer
MAX_ANNOTATIONS = {"error": 10, "warning": 10}  # GitHub shows 10 of each kind per step
LEVEL = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "warning"}
PLATFORM = "https://www.gov.kz"
ENTITY_PATH = "/memleket/entities/{slug}?lang=kk"
FORMATS = ["json", "html", "sarif", "markdown", "junit", "csv"]
EXIT_CODES = ("Exit codes: 0 no violation at or above --fail-on; 1 violations at or above it (with "
              "--fail-on-new, new ones only); 2 an input, the browser, a site (no page audited) or the tool "
              "failed.")


def _words(value: str | None) -> list[str]:
    return [w for w in re.split(r"[\s,]+", value or "") if w]


def _true(value: Any) -> bool:
    return str(value or "").strip().lower() in ("true", "1", "yes", "on")


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9.-]+", "-", text).strip("-")[:80] or "site"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Job:
    target: str
    profile_ref: str | None
    label: str = ""
    settings: Any = None
    baseline: Path | None = None
    adopted: bool = False  # no baseline for this site, and --adopt-baseline: this run becomes it


def annotations(results: list) -> list[str]:
    """Workflow commands for the most severe violations, within GitHub's per-step limits."""
    lines, used = [], {"error": 0, "warning": 0}
    order = ["critical", "serious", "moderate", "minor"]
    findings = [f for r in results for f in r.findings if f.outcome == "violation" and not is_suppressed(f)]
    for f in sorted(findings, key=lambda f: (order.index(f.impact), f.check, f.url)):
        level = LEVEL[f.impact]
        if used[level] >= MAX_ANNOTATIONS[level]:
            continue
        used[level] += 1
        title = _escape_property(f"{f.check} ({f.impact}, {f.lang or '-'}, {f.mode or '-'})")
        where = f"{f.url} {f.selector}" if f.selector else f.url
        lines.append(f"::{level} title={title}::{_escape_data(neutral(f'{f.message} at {where}'))}")
    return lines


def _append(path_var: str, text: str) -> None:
    path = os.environ.get(path_var)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)


def _outputs(values: dict) -> str:
    return "".join(f"{k}={v}\n" for k, v in values.items())


@click.command("ci", epilog=EXIT_CODES)
@click.option("--targets", envvar="PARITY_TARGETS", help="Domains, URLs or profile names (space/comma separated).")
@click.option("--entities", envvar="PARITY_ENTITIES", help="gov.kz entity slugs (e.g. edu mz almaty).")
@click.option("--platform-url", envvar="PARITY_PLATFORM_URL", default=PLATFORM, show_default=True,
              help="Where the entities live: the unified platform, or a staging copy of it.")
@click.option("--demo", envvar="PARITY_DEMO", default="false",
              help="true: also check the bundled demo site, served on 127.0.0.1 for the run (a self-test).")
@click.option("--profile", "profile_ref", envvar="PARITY_PROFILE", help="Profile for every target.")
@click.option("--langs", envvar="PARITY_LANGUAGES", help="Languages [the profile's, else kk,ru,en].")
@click.option("--fail-on", envvar="PARITY_FAIL_ON", default="serious", show_default=True,
              type=click.Choice(["critical", "serious", "moderate", "minor", "none"]))
@click.option("--fail-on-new", envvar="PARITY_FAIL_ON_NEW", default="false", help="true: fail only on new findings.")
@click.option("--baseline", envvar="PARITY_BASELINE",
              help="A report.json, or a folder with <site>/report.json per target, from an earlier run.")
@click.option("--adopt-baseline", envvar="PARITY_ADOPT_BASELINE", default="false",
              help="true: a site with no baseline (a first run, a missing folder) passes the new-findings "
                   "gate, and this run's reports become its baseline.")
@click.option("--shard", envvar="PARITY_SHARD", default="", help="I/N: audit one shard of the pages.")
@click.option("--max-pages", envvar="PARITY_MAX_PAGES", type=click.IntRange(1), default=None)
@click.option("--report-lang", envvar="PARITY_REPORT_LANG", default="en", type=click.Choice(["kk", "ru", "en"]))
@click.option("--out", "out_dir", envvar="PARITY_OUT_DIR", default="parity-reports", show_default=True)
def ci_cmd(targets, entities, platform_url, demo, profile_ref, langs, fail_on, fail_on_new, baseline,
           adopt_baseline, shard, max_pages, report_lang, out_dir):
    """Run as a GitHub Action step: check each target, write reports under OUT (one folder per site), the
    job summary, outputs and annotations. The exit code is also the `exit-code` output."""
    from .cli import _parse_shard, tool_errors

    progress = GithubProgress()
    out = Path(out_dir)
    sarif_dir = out / "sarif"
    with contextlib.ExitStack() as stack:
        try:
            shard_t = _parse_shard(shard)
            demo_base = stack.enter_context(_demo_site()) if _true(demo) else None
            jobs = _plan(targets, entities, platform_url, demo_base, profile_ref, langs, fail_on, max_pages,
                         shard_t, out, baseline, _true(adopt_baseline))
            from .pipeline import find_browser

            find_browser()
        except (click.BadParameter, *tool_errors()) as e:
            message = e.message if isinstance(e, click.BadParameter) else str(e)
            _fail_early(progress, message, out, sarif_dir)
            sys.exit(2)
        sarif_dir.mkdir(parents=True, exist_ok=True)
        results, codes, summaries, news = [], [], [], []
        for job in jobs:
            outcome = _run_job(job, progress, report_lang, _true(fail_on_new), sarif_dir)
            codes.append(outcome["code"])
            summaries.append(outcome["summary"])
            if outcome.get("result") is not None:
                results.append(outcome["result"])
                news.append(outcome["new"])
    for line in annotations(results):
        progress.command(line)
    _append("GITHUB_STEP_SUMMARY", _bounded_summary(summaries))
    exit_code = 2 if 2 in codes else max(codes, default=0)
    _append("GITHUB_OUTPUT", _outputs(_output_values(results, sum(news), out, sarif_dir, exit_code)))
    sys.exit(exit_code)


@contextlib.contextmanager
def _demo_site():
    from .demo import demo_site
    from .sites.server import SiteServer

    with SiteServer(demo_site()) as base:
        yield base


def _plan(targets, entities, platform_url, demo_base, profile_ref, langs, fail_on, max_pages, shard, out: Path,
          baseline, adopt: bool) -> list[Job]:
    """The sites to check, each with its settings, folder and baseline, all checked before any browser."""
    from .cli import _split_csv
    from .config import find_profile_for
    from .pipeline import InputError, target_url
    from .report.sarif_report import entity_label
    from .settings import build_settings

    platform = target_url(platform_url).rstrip("/")
    jobs = [Job(t, profile_ref) for t in _words(targets)]
    for slug in _words(entities):
        if not re.fullmatch(r"[A-Za-z0-9][\w.-]*", slug):
            raise InputError(f"{slug!r} is not a gov.kz entity slug (letters, digits, '.', '_', '-')")
        # the entity's own shipped profile if it has one (as on the platform itself), else the platform's
        ref = profile_ref or find_profile_for(PLATFORM + ENTITY_PATH.format(slug=slug)) or f"govkz?slug={slug}"
        jobs.append(Job(platform + ENTITY_PATH.format(slug=slug), ref))
    if demo_base:
        jobs.append(Job(f"{demo_base}/", "demo", label="demo"))
    if not jobs:
        raise InputError("give --targets, --entities or --demo true (inputs `targets`, `entities`, `demo`)")
    base = Path(baseline) if baseline else None
    if base is not None and not base.exists() and not adopt:
        raise InputError(f"baseline {base} does not exist (a first run with no baseline: adopt-baseline: true)")
    if base is not None and base.is_file():
        from .baseline import load_baseline

        load_baseline(base)  # unreadable: fail now, not after the crawl
    seen: set[str] = set()
    for job in jobs:
        settings = build_settings(job.target, job.profile_ref, langs=_split_csv(langs), max_pages=max_pages,
                                  fail_on=fail_on, formats=FORMATS, out_dir=out / "_")
        label = job.label or _slug(entity_label(settings.target))
        label += f"-shard{shard[0]}of{shard[1]}" if shard != (1, 1) else ""
        while label in seen:  # two targets of one site: keep both
            label += "-2"
        seen.add(label)
        job.label = label
        job.settings = replace(settings, shard=shard, out_dir=out / label)
        if job.settings.out_dir.exists() and any(job.settings.out_dir.iterdir()):
            raise InputError(f"{job.settings.out_dir} exists and is not empty")
        job.baseline = _baseline_for(base, label)
        job.adopted = adopt and job.baseline is None
    return jobs


def _baseline_for(baseline: Path | None, label: str) -> Path | None:
    if baseline is None or not baseline.exists():
        return None
    if baseline.is_dir():
        for name in (label, re.sub(r"-shard\d+of\d+$", "", label)):
            candidate = baseline / name / "report.json"
            if candidate.is_file():
                return candidate
        return None  # a new site has no baseline yet
    return baseline


def _fail_early(progress: GithubProgress, message: str, out: Path, sarif_dir: Path) -> None:
    progress.command(f"::error title=parity-check could not start::{_escape_data(neutral(message))}")
    from .report.markdown_report import md

    _append("GITHUB_STEP_SUMMARY", f"# parity-check\n\nparity-check could not start: {md(message)}\n")
    _append("GITHUB_OUTPUT", _outputs(_output_values([], 0, out, sarif_dir, 2)))


def _run_job(job: Job, progress: GithubProgress, report_lang: str, fail_on_new: bool, sarif_dir: Path) -> dict:
    from . import pipeline
    from .gather.browser import BrowserNotFound
    from .report.markdown_report import md
    from .report.sarif_report import sarif_category

    settings = job.settings
    progress.command(f"::group::parity-check {job.label}")
    try:
        with progress.guarded():
            progress(f"parity-check: {neutral(settings.target)} -> {settings.out_dir}")
            store = pipeline.gather(settings, progress)
    except BrowserNotFound as e:
        return _job_failed(progress, job, str(e), "no browser could be started (the step log says why)")
    except Exception as e:  # one site failing must not hide the others' reports
        return _job_failed(progress, job, f"{type(e).__name__}: {e}", "an internal error stopped the check "
                           "(the step log has the details)")
    finally:
        progress.command("::endgroup::")
    result, written, code = pipeline.finish_run(
        store, settings, baseline=job.baseline, report_lang=report_lang, fail_on_new=fail_on_new,
        report_options={"sarif_category": sarif_category(settings.target, settings.shard)})
    shutil.copy(written["sarif"], sarif_dir / f"{job.label}.sarif")
    notes = _notes(job, result)
    try:
        pipeline.require_audited(result, settings.shard)
    except pipeline.NothingAudited as e:
        progress.command(f"::error title=parity-check: no page audited::{_escape_data(neutral(e))}")
        notes.append(f"**parity-check could not audit any page of {md(job.label)}**: the site is down, refuses "
                     f"this runner or is not reachable from it; the failed pages are listed in the report.")
        code = 2
    if job.adopted:
        code = 0 if fail_on_new else code
    summary = Path(written["markdown"]).read_text(encoding="utf-8")
    if notes:
        summary += "\n" + "\n\n".join(f"> {n}" for n in notes) + "\n"
    return {"code": code, "summary": summary, "result": result, "new": _new_count(result, job)}


def _job_failed(progress: GithubProgress, job: Job, detail: str, said: str) -> dict:
    from .report.markdown_report import md

    progress.command(f"::error title=parity-check failed::{_escape_data(neutral(f'{job.label}: {detail}'))}")
    return {"code": 2, "summary": f"## {md(job.label)}\n\nparity-check could not check this site: {md(said)}.\n"}


def _notes(job: Job, result) -> list[str]:
    from .report.markdown_report import md

    notes = []
    if job.adopted:
        notes.append("No baseline for this site yet: this run's report becomes its baseline, so no finding "
                     "counts as new.")
    base_axe = (getattr(result, "baseline", None) or {}).get("axe_version")
    ours = result.tool.get("axe_version")
    if base_axe and ours and base_axe != ours:
        notes.append(f"The baseline was made with axe-core {md(base_axe)}; this run used axe-core {md(ours)}. "
                     f"Some new or fixed findings may come from the change of axe-core's rules, not from the site.")
    return notes


def _new_count(result, job: Job) -> int:
    """What the gate counts as new: with a baseline, the findings it does not have; with none, every
    finding (the gate's reading of a first run), unless the site adopts this run as its baseline."""
    if job.adopted:
        return 0
    counted = [f for f in active(result.findings) if f.outcome in ("violation", "incomplete")]
    if job.baseline is None:
        return len(counted)
    return sum(1 for f in counted if note(f, "baseline") == "new")


def _bounded_summary(parts: list[str]) -> str:
    text = "\n\n".join(parts)
    if len(text.encode("utf-8")) <= SUMMARY_LIMIT:
        return text
    cut = text.encode("utf-8")[:SUMMARY_LIMIT].decode("utf-8", "ignore")
    return cut + "\n\n…the summary was cut at GitHub's 1 MiB limit; the full reports are in the uploaded artifact.\n"


def _output_values(results, new: int, out: Path, sarif_dir: Path, exit_code: int) -> dict:
    from .report.digest import site_score

    scores = [site_score(r).value for r in results]
    findings = [f for r in results for f in active(r.findings)]
    return {
        "score": min(scores) if scores else "",
        "scores": ",".join(str(s) for s in scores),
        "violations": sum(1 for f in findings if f.outcome == "violation"),
        "incomplete": sum(1 for f in findings if f.outcome == "incomplete"),
        "new": new,
        "report-path": str(out),
        "sarif-path": str(sarif_dir) if results else "",
        "exit-code": exit_code,
    }
