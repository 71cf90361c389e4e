"""`parity-check ci`: what the GitHub Action runs. Checks one or more sites or gov.kz entities, writes every
report format per site, and speaks the runner's language: the job summary ($GITHUB_STEP_SUMMARY), step
outputs ($GITHUB_OUTPUT) and annotations (workflow commands on stdout), all within GitHub's limits.

It always writes its outputs, even when findings fail the gate, so the Action can upload the reports first
and fail the job last (the `exit-code` output).
"""
from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import click

from .report.notes import is_suppressed, note

SUMMARY_LIMIT = 1024 * 1024 - 4096  # GitHub refuses a step summary over 1 MiB; keep room for the footer
MAX_ANNOTATIONS = {"error": 10, "warning": 10}  # GitHub shows 10 of each kind per step
LEVEL = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "warning"}
GOVKZ_ENTITY = "https://www.gov.kz/memleket/entities/{slug}?lang=kk"


def _words(value: str | None) -> list[str]:
    return [w for w in re.split(r"[\s,]+", value or "") if w]


def _label(target: str) -> str:
    return re.sub(r"[^a-zA-Z0-9.-]+", "-", re.sub(r"^https?://", "", target)).strip("-")[:80] or "site"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


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
        lines.append(f"::{level} title={title}::{_escape_data(f'{f.message} at {where}')}")
    return lines


def _append(path_var: str, text: str) -> None:
    path = os.environ.get(path_var)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)


def _outputs(values: dict) -> str:
    return "".join(f"{k}={v}\n" for k, v in values.items())


@click.command("ci")
@click.option("--targets", envvar="PARITY_TARGETS", help="Domains, URLs or profile names (space/comma separated).")
@click.option("--entities", envvar="PARITY_ENTITIES", help="gov.kz entity slugs (e.g. edu mz almaty).")
@click.option("--profile", "profile_ref", envvar="PARITY_PROFILE", help="Profile for every target.")
@click.option("--langs", envvar="PARITY_LANGUAGES", help="Languages [the profile's, else kk,ru,en].")
@click.option("--fail-on", envvar="PARITY_FAIL_ON", default="serious", show_default=True,
              type=click.Choice(["critical", "serious", "moderate", "minor", "none"]))
@click.option("--fail-on-new", envvar="PARITY_FAIL_ON_NEW", default="false", help="true: fail only on new findings.")
@click.option("--baseline", envvar="PARITY_BASELINE",
              help="A report.json, or a folder with <site>/report.json per target, from an earlier run.")
@click.option("--shard", envvar="PARITY_SHARD", default="", help="I/N: audit one shard of the pages.")
@click.option("--max-pages", envvar="PARITY_MAX_PAGES", type=int, default=None)
@click.option("--report-lang", envvar="PARITY_REPORT_LANG", default="en", type=click.Choice(["kk", "ru", "en"]))
@click.option("--out", "out_dir", envvar="PARITY_OUT_DIR", default="parity-reports", show_default=True)
def ci_cmd(targets, entities, profile_ref, langs, fail_on, fail_on_new, baseline, shard, max_pages, report_lang,
           out_dir):
    """Run as a GitHub Action step: check each target, write reports under OUT, the job summary, outputs
    and annotations. Exit 0 or 1 by --fail-on (also given as the `exit-code` output), 2 if the tool failed."""
    from . import pipeline
    from .cli import _parse_shard, _split_csv
    from .settings import build_settings

    jobs = [(t, profile_ref) for t in _words(targets)]
    jobs += [(GOVKZ_ENTITY.format(slug=s), profile_ref or "govkz") for s in _words(entities)]
    if not jobs:
        click.echo("parity-check ci: error: give --targets or --entities (inputs `targets` / `entities`)", err=True)
        sys.exit(2)
    out = Path(out_dir)
    sarif_dir = out / "sarif"
    sarif_dir.mkdir(parents=True, exist_ok=True)
    results, codes, summaries = [], [], []
    try:
        shard_t = _parse_shard(shard)
    except click.BadParameter as e:
        click.echo(f"parity-check ci: error: {e.message}", err=True)
        sys.exit(2)
    for target, ref in jobs:
        label = _label(target) + (f"-shard{shard_t[0]}of{shard_t[1]}" if shard_t != (1, 1) else "")
        try:
            settings = build_settings(target, ref, langs=_split_csv(langs), max_pages=max_pages, fail_on=fail_on,
                                      out_dir=out / label,
                                      formats=["json", "html", "sarif", "markdown", "junit", "csv"])
            settings = replace(settings, shard=shard_t)
            click.echo(f"::group::parity-check {target}")
            store = pipeline.gather(settings, lambda m: click.echo(m))
            click.echo("::endgroup::")
            result, written, code = pipeline.finish_run(
                store, settings, baseline=_baseline_for(baseline, label), report_lang=report_lang,
                fail_on_new=str(fail_on_new).lower() == "true")
        except Exception as e:  # one site failing must not hide the others' reports
            click.echo("::endgroup::")
            click.echo(f"::error title=parity-check failed::{_escape_data(f'{target}: {e}')}")
            codes.append(2)
            summaries.append(f"## {target}\n\nparity-check could not check this site: {e}\n")
            continue
        results.append(result)
        codes.append(code)
        shutil.copy(written["sarif"], sarif_dir / f"{label}.sarif")
        summaries.append(Path(written["markdown"]).read_text(encoding="utf-8"))
    for line in annotations(results):
        click.echo(line)
    _append("GITHUB_STEP_SUMMARY", _bounded_summary(summaries))
    exit_code = 2 if 2 in codes else max(codes, default=0)
    _append("GITHUB_OUTPUT", _outputs(_output_values(results, out, sarif_dir, exit_code)))
    sys.exit(exit_code)


def _baseline_for(baseline: str | None, label: str) -> Path | None:
    if not baseline:
        return None
    path = Path(baseline)
    if path.is_dir():
        candidate = path / label / "report.json"
        return candidate if candidate.exists() else None  # a new site has no baseline yet: all findings new
    return path


def _bounded_summary(parts: list[str]) -> str:
    text = "\n\n".join(parts)
    if len(text.encode("utf-8")) <= SUMMARY_LIMIT:
        return text
    cut = text.encode("utf-8")[:SUMMARY_LIMIT].decode("utf-8", "ignore")
    return cut + "\n\n…the summary was cut at GitHub's 1 MiB limit; the full reports are in the uploaded artifact.\n"


def _output_values(results, out: Path, sarif_dir: Path, exit_code: int) -> dict:
    from .report.digest import site_score

    scores = [site_score(r).value for r in results]
    findings = [f for r in results for f in r.findings]
    return {
        "score": min(scores) if scores else "",
        "scores": ",".join(str(s) for s in scores),
        "violations": sum(1 for f in findings if f.outcome == "violation"),
        "incomplete": sum(1 for f in findings if f.outcome == "incomplete"),
        "new": sum(1 for f in findings if note(f, "baseline") == "new"),
        "report-path": str(out),
        "sarif-path": str(sarif_dir),
        "exit-code": exit_code,
    }
