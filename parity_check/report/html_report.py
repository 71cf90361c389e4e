"""report.html: the accessibility officer's report. One self-contained file in one language.

- Self-contained: inline CSS, screenshots as data: URIs, charts as inline SVG, no script at all; the
  Content-Security-Policy meta forbids scripts, so even an escaping bug could not run one.
- One language per file, chosen with the `report_lang` option (kk, ru or en): the headings come from the
  i18n catalogue and the findings' messages from the checks' `messages` (axe-core rules from axe-core's
  locale files); a text with no translation stays English and is marked lang="en".
- Itself accessible (tests/browser/test_report_html.py runs axe on it in a normal and a high-contrast,
  enlarged view): landmarks, a skip link, headings in order, tables with headers, details/summary for long
  lists (keyboard-operable with no script), visible focus.
"""
from __future__ import annotations

import base64
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..i18n import DEFAULT_LANG, check_lang, translator
from ..models import Finding, IMPACT_ORDER
from . import Reporter
from .charts import grouped_bars
from .digest import (CATEGORIES, TemplateIssue, check_anchor, coverage_by_language, findings_by_category_and_lang,
                     fix_first, impact_rank, site_score, template_issues, template_key, worst_impact,
                     TEMPLATE_MIN_PAGES)
from .notes import active, is_suppressed, note
from .text import Text, axe_untranslated, check_title, finding_message, how_to_fix, why

_env = Environment(loader=PackageLoader("parity_check.report", "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)

_DATA_URI = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$")
_IMAGE_TYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp"}
MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024
TEMPLATE_URLS_SHOWN = 20


def http_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a `javascript:` URL from a hostile page must stay text."""
    return url if url and re.match(r"^https?://", url, re.I) else None


def screenshot_uri(value: Any, run_dir: Path) -> str | None:
    """The evidence's screenshot as a data: URI: kept if it already is a well-formed image data URI, read
    from a file inside the run folder if it is a relative path; anything else is dropped."""
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("data:"):
        return value if _DATA_URI.match(value) else None
    kind = _IMAGE_TYPES.get(Path(value).suffix.lower())
    if kind is None:
        return None
    root = run_dir.resolve()
    path = (root / value).resolve()
    if root not in path.parents or not path.is_file() or path.stat().st_size > MAX_SCREENSHOT_BYTES:
        return None  # outside the run folder (../../etc), missing, or too big to inline
    return f"data:image/{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@dataclass
class FindingView:
    f: Finding
    anchor: str
    message: Text
    fix: Text | None
    screenshot: str | None
    url_href: str | None
    template_anchor: str | None = None


@dataclass
class CheckGroup:
    check: str
    anchor: str
    title: Text
    why: Text
    fix: Text | None
    help_url: str | None
    impact: str
    items: list[FindingView] = field(default_factory=list)  # findings outside template issues
    templates: list[TemplateIssue] = field(default_factory=list)  # this check's template issues
    total: int = 0

    @property
    def urls(self) -> int:
        return len({v.f.url for v in self.items})


class HtmlReporter(Reporter):
    format = "html"
    filename = "report.html"

    def finish(self) -> Path:
        lang = check_lang(self.options.get("report_lang") or DEFAULT_LANG)
        run_dir = Path(self.options.get("run_dir") or self.out_dir)
        context = build_context(self.result, self.findings, lang, run_dir,
                                int(self.options.get("template_min_pages") or TEMPLATE_MIN_PAGES))
        html = _env.get_template("report.html").render(**context)
        self.path.write_text(html, encoding="utf-8")
        return self.path


def build_context(result, findings: list[Finding], lang: str, run_dir: Path, min_pages: int) -> dict[str, Any]:
    t = translator(lang)
    counted = active(findings)
    violations = [f for f in counted if f.outcome == "violation"]
    issues = template_issues(counted, min_pages)
    template_of = {id(f): issue.anchor for issue in issues for f in issue.findings}
    shots: dict[str, str | None] = {}

    def view(f: Finding) -> FindingView:
        raw = (f.evidence or {}).get("screenshot") if isinstance(f.evidence, dict) else None
        key = raw if isinstance(raw, str) else ""
        if key not in shots:
            shots[key] = screenshot_uri(raw, run_dir)
        return FindingView(f=f, anchor="f-" + f.fingerprint, message=finding_message(f, lang),
                           fix=how_to_fix(f, lang), screenshot=shots[key], url_href=http_url(f.url),
                           template_anchor=template_of.get(id(f)))

    views = {id(f): view(f) for f in findings}

    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in violations:
        by_check[f.check].append(f)
    groups = []
    for check, fs in by_check.items():
        first = fs[0]
        group_fix = how_to_fix(first, lang) if first.source != "axe" else None
        # A template issue's findings are listed once, under the template issue: a platform header that
        # fails on 500 pages is one entry here, not 500.
        groups.append(CheckGroup(check=check, anchor=check_anchor(check), title=check_title(first, lang),
                                 why=why(first, lang), fix=group_fix, help_url=http_url(first.help_url),
                                 impact=worst_impact(fs), total=len(fs),
                                 items=[views[id(f)] for f in fs if id(f) not in template_of],
                                 templates=[i for i in issues if i.check == check]))
    groups.sort(key=lambda g: (-impact_rank(g.impact), -g.total, g.check))

    by_page: dict[str, list[FindingView]] = defaultdict(list)
    for f in violations:
        by_page[f.url or result.target].append(views[id(f)])
    pages_groups = sorted(by_page.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    score = site_score(result, min_pages)
    fixes = [{"item": item, "title": check_title(item.findings[0], lang),
              "message": finding_message(item.findings[0], lang)} for item in fix_first(result, 5, min_pages)]
    template_views = [{"issue": issue, "title": check_title(issue.findings[0], lang),
                       "why": why(issue.findings[0], lang), "urls": issue.urls[:TEMPLATE_URLS_SHOWN],
                       "more": max(0, len(issue.urls) - TEMPLATE_URLS_SHOWN),
                       "first": views[id(issue.findings[0])]} for issue in issues]

    coverage = coverage_by_language(result)
    any_not_found = any(c["not_found"] for c in coverage.values())  # its column only where there are some
    lang_label = lambda code: t(f"lang_{code}") if code in ("kk", "ru", "en") else (code or t("lang_none"))  # noqa: E731
    coverage_chart = grouped_bars("chart-coverage", t("coverage_chart"), t("coverage_chart_desc"), [
        (lang_label(code), [(t("audited"), c["audited"]), (t("failed"), c["failed"]), (t("skipped"), c["skipped"])]
         + ([(t("outcome_not_found"), c["not_found"])] if any_not_found else []))
        for code, c in coverage.items()])
    by_cat = findings_by_category_and_lang(result)
    cat_langs = list(result.languages) + ["-"]
    category_chart = grouped_bars("chart-category", t("chart_category"), t("chart_category_desc"), [
        (t(f"cat_{cat}"), [(lang_label(code) if code != "-" else t("lang_none"), row.get(code, 0))
                           for code in cat_langs if row.get(code, 0) or code != "-"])
        for cat, row in by_cat.items()])

    matrix = result.site.get("parity_matrix") if isinstance(result.site, dict) else None
    matrix_view = None
    if isinstance(matrix, dict) and matrix:
        mlangs = list(result.languages) or sorted({k for row in matrix.values() for k in row})
        matrix_view = {"langs": mlangs, "rows": [(section, [row.get(code) for code in mlangs])
                                                 for section, row in sorted(matrix.items())]}

    texts_in = {v.message.lang for v in views.values()} | {g.why.lang for g in groups}
    return {
        "lang": lang, "t": t, "r": result, "lang_label": lang_label,
        "mode_label": lambda m: t(f"mode_{m}") if m in ("normal", "vi") else t("mode_none"),
        "impact_label": lambda i: t(f"impact_{i}"), "impacts": list(reversed(IMPACT_ORDER)),
        "score": score, "fixes": fixes, "templates": template_views, "groups": groups,
        "pages_groups": pages_groups, "coverage": coverage, "any_not_found": any_not_found, "coverage_chart": coverage_chart,
        "category_chart": category_chart, "by_cat": by_cat, "cat_langs": cat_langs, "categories": CATEGORIES,
        "matrix": matrix_view,
        "review": [views[id(f)] for f in counted if f.outcome == "incomplete"],
        "suppressed": [views[id(f)] for f in findings if is_suppressed(f)],
        "expired": {id(f) for f in findings if note(f, "suppression_expired")},
        "baseline": getattr(result, "baseline", None),
        "violations": violations,
        "pages": sorted(result.pages, key=lambda p: (p.url, p.lang or "", p.mode)),
        "http_url": http_url, "note": note,
        "show_fallback_note": lang != "en" and "en" in texts_in,
        "show_axe_note": axe_untranslated(findings, lang),
        "template_key": template_key,
    }
