"""The ranking of state bodies: many report.json files in one comparison table, as the source study
compared six sites by hand, with the score's formula stated beside it.

Template issues that recur on several of the ranked sites are listed apart as platform issues: on the
unified gov.kz platform they come from the shared templates, so they are fixed once by the operator and
say nothing about one body's own care.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..i18n import DEFAULT_LANG, check_lang, translator
from ..models import IMPACT_ORDER, RunResult
from .digest import site_label, site_score, template_findings
from .markdown_report import md
from .notes import active

PLATFORM_MIN_SITES = 2

_env = Environment(loader=PackageLoader("parity_check.report", "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def build_ranking(reports: list[tuple[str, RunResult]], platform_min_sites: int = PLATFORM_MIN_SITES) -> dict[str, Any]:
    rows = []
    platform: dict[tuple[str, str], dict[str, Any]] = defaultdict(lambda: {"sites": set(), "pages": 0, "impact": "minor"})
    for source, result in reports:
        score = site_score(result)
        violations = [f for f in active(result.findings) if f.outcome == "violation"]
        views = score.audited_views
        label = site_label(result.target)
        rows.append({
            "site": label, "target": result.target, "source": source, "score": score.value,
            "components": score.to_dict()["components"],
            "pages_audited": result.coverage.get("pages_audited", 0),
            "complete": not result.coverage.get("truncated", False),
            "violations": len(violations),
            "by_impact": {i: sum(1 for f in violations if f.impact == i) for i in reversed(IMPACT_ORDER)},
            "per_view": round(len(violations) / views, 2) if views else None,
            "captured_at": result.captured_at,
        })
        for issue in template_findings(violations):
            entry = platform[(issue.check, issue.locator)]
            entry["sites"].add(label)
            entry["pages"] += issue.pages
            if IMPACT_ORDER.index(issue.impact) > IMPACT_ORDER.index(entry["impact"]):
                entry["impact"] = issue.impact
    rows.sort(key=lambda r: (-r["score"], r["per_view"] if r["per_view"] is not None else float("inf"), r["site"]))
    for i, row in enumerate(rows, 1):
        row["rank"] = i
    issues = [{"check": check, "locator": loc, "impact": e["impact"], "sites": sorted(e["sites"]), "pages": e["pages"]}
              for (check, loc), e in platform.items() if len(e["sites"]) >= platform_min_sites]
    issues.sort(key=lambda x: (-len(x["sites"]), -IMPACT_ORDER.index(x["impact"]), x["check"], x["locator"]))
    return {"schema_version": "1.0",
            "formula": "score = round(50*A + 30*L + 20*V); without V: round((50*A + 30*L) / 0.8)",
            "sites": rows, "platform_issues": issues, "platform_min_sites": platform_min_sites}


def write_ranking(ranking: dict[str, Any], out_dir: Path, lang: str = DEFAULT_LANG) -> dict[str, Path]:
    lang = check_lang(lang)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    t = translator(lang)
    paths = {"json": out_dir / "ranking.json", "md": out_dir / "ranking.md", "html": out_dir / "ranking.html"}
    paths["json"].write_text(json.dumps(ranking, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths["md"].write_text(ranking_markdown(ranking, t), encoding="utf-8")
    html = _env.get_template("ranking.html").render(rk=ranking, t=t, lang=lang,
                                                    impact_label=lambda i: t(f"impact_{i}"))
    paths["html"].write_text(html, encoding="utf-8")
    return paths


def _pct(value) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def ranking_markdown(ranking: dict[str, Any], t) -> str:
    lines = [f"# {md(t('ranking_title'))}", "", md(t("ranking_intro")), "",
             f"| {md(t('rank'))} | {md(t('site'))} | {md(t('score_heading'))} | A | L | V | "
             f"{md(t('violations'))} | {md(t('per_view'))} | {md(t('complete'))} |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in ranking["sites"]:
        c = r["components"]
        lines.append(f"| {r['rank']} | {md(r['site'])} | {r['score']} | {_pct(c['A'])} | {_pct(c['L'])} | "
                     f"{_pct(c['V'])} | {r['violations']} | {'' if r['per_view'] is None else r['per_view']} | "
                     f"{md(t('yes') if r['complete'] else t('no'))} |")
    lines += ["", md(t("score_formula")), ""]
    if ranking["platform_issues"]:
        lines += [f"## {md(t('platform_heading'))}", "", md(t("platform_intro", n=ranking["platform_min_sites"])), "",
                  f"| {md(t('check'))} | {md(t('element'))} | {md(t('impact'))} | {md(t('sites'))} |", "|---|---|---|---:|"]
        for x in ranking["platform_issues"]:
            lines.append(f"| {md(x['check'])} | {md(x['locator'])} | {md(t('impact_' + x['impact']))} | {len(x['sites'])} |")
        lines.append("")
    return "\n".join(lines)
