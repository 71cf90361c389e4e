"""report.html: the accessibility officer's report. One self-contained file in one language.

- Self-contained: inline CSS, screenshots as data: URIs, charts as inline SVG, no script at all; the
  Content-Security-Policy meta forbids scripts, so even an escaping bug could not run one.
- One language per file, chosen with the `report_lang` option (kk, ru or en): the headings come from the
  i18n catalogue and the findings' messages from the checks' `messages` (axe-core rules from axe-core's
  locale files); a text with no translation stays English and is marked lang="en".
- Itself accessible (tests/browser/test_report_html.py runs axe on it in a normal and a high-contrast,
  enlarged view): landmarks, a skip link, headings in order, tables with headers, details/summary for long
  lists (keyboard-operable with no script), visible focus.
- Readable and bounded at any size: the summary, what to fix first, the template findings and a section per
  check come first; a defect of a template is one entry whatever its page count; every list is folded and
  cut (the *_SHOWN limits below) with a count and a pointer to report.json / findings.csv, which keep every
  instance. Its text does not grow with the site and its screenshots stop at SCREENSHOT_BUDGET: a 4,701-URL
  site in both modes gives 0.61 MB (bench/report_bench.py).
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
from .digest import (CATEGORIES, TEMPLATE_MIN_PAGES, TemplateFinding, check_anchor, coverage_by_language,
                     defect_count, findings_by_category_and_lang, fix_first, impact_rank, site_score,
                     template_findings, worst_impact)
from .notes import active, is_suppressed, note
from .text import Text, axe_untranslated, check_title, finding_message, how_to_fix, why

_env = Environment(loader=PackageLoader("parity_check.report", "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)

_DATA_URI = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$")
_IMAGE_TYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp"}
MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024
# What keeps the report readable and its size bounded whatever the size of the site: the rest of every
# list is in report.json (every finding, every page) and findings.csv, and the report says so where it cuts.
SCREENSHOT_BUDGET = 1536 * 1024  # characters of data: URIs in all
FIXES_SHOWN = 8
TEMPLATES_SHOWN = 60
EXAMPLES_SHOWN = 3
FINDINGS_SHOWN = 25  # per check, and in the review, suppressed and fixed lists
PAGES_SHOWN = 50
PAGE_FINDINGS_SHOWN = 15
PAGE_ROWS_SHOWN = 200


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
class TemplateView:
    t: TemplateFinding
    title: Text
    why: Text
    first: FindingView  # its first instance: the message, the fix and the screenshot stand for all


@dataclass
class CheckGroup:
    check: str
    anchor: str
    title: Text
    why: Text
    fix: Text | None
    help_url: str | None
    impact: str
    findings: int  # all its violations
    defects: int  # its template findings once each, its other findings each
    pages: int
    items: list[FindingView] = field(default_factory=list)  # the first of its findings outside templates
    more: int = 0  # its findings outside templates not shown
    templates: list[TemplateFinding] = field(default_factory=list)  # the first of its template findings
    templates_total: int = 0


@dataclass
class PageView:
    url: str
    items: list[tuple[FindingView, str, bool]]  # (finding, where its link goes, of a template finding)
    total: int


class HtmlReporter(Reporter):
    format = "html"
    filename = "report.html"

    def finish(self) -> Path:
        lang = check_lang(self.options.get("report_lang") or DEFAULT_LANG)
        run_dir = Path(self.options.get("run_dir") or self.out_dir)
        context = build_context(self.result, self.findings, lang, run_dir,
                                int(self.options.get("template_min_pages") or TEMPLATE_MIN_PAGES),
                                data_files(self.options.get("formats")))
        html = _env.get_template("report.html").render(**context)
        self.path.write_text(html, encoding="utf-8")
        return self.path


def data_files(formats) -> str:
    """The files a reader is sent to for what the HTML leaves out: the run's JSON and CSV reports."""
    written = [name for fmt, name in (("json", "report.json"), ("csv", "findings.csv")) if fmt in (formats or ())]
    return ", ".join(written) or "report.json"


class _Views:
    """FindingViews made on demand (a view of each of 50,000 findings would cost more than the report
    shows), with the screenshots inlined until their budget is spent."""

    def __init__(self, lang: str, run_dir: Path, template_anchor: dict[int, str]):
        self.lang, self.run_dir, self.template_anchor = lang, run_dir, template_anchor
        self.made: dict[int, FindingView] = {}
        self.shots: dict[str, str | None] = {}
        self.budget = SCREENSHOT_BUDGET

    def __call__(self, f: Finding, screenshot: bool = True) -> FindingView:
        if id(f) not in self.made:
            self.made[id(f)] = FindingView(
                f=f, anchor="f-" + f.fingerprint, message=finding_message(f, self.lang),
                fix=how_to_fix(f, self.lang), screenshot=self._shot(f) if screenshot else None,
                url_href=http_url(f.url), template_anchor=self.template_anchor.get(id(f)))
        return self.made[id(f)]

    def _shot(self, f: Finding) -> str | None:
        raw = (f.evidence or {}).get("screenshot") if isinstance(f.evidence, dict) else None
        key = raw if isinstance(raw, str) else ""
        if key not in self.shots:
            self.shots[key] = screenshot_uri(raw, self.run_dir)
        uri = self.shots[key]
        if uri is None or len(uri) > self.budget:
            return None
        self.budget -= len(uri)
        return uri


def _check_groups(violations, templates, views: _Views, lang: str) -> list[CheckGroup]:
    in_template = {id(f) for t in templates for f in t.findings}
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in violations:
        by_check[f.check].append(f)
    groups = []
    for check, fs in by_check.items():
        first = fs[0]
        own = [f for f in fs if id(f) not in in_template]
        own.sort(key=lambda f: (-impact_rank(f.impact), f.sort_key()))
        mine = [t for t in templates if t.check == check]
        # A template finding's instances are listed once, under it: a platform header that fails on 500
        # pages is one entry here, not 500; and no check lists more than FINDINGS_SHOWN of its own.
        groups.append(CheckGroup(
            check=check, anchor=check_anchor(check), title=check_title(first, lang), why=why(first, lang),
            fix=how_to_fix(first, lang) if first.source != "axe" else None, help_url=http_url(first.help_url),
            impact=worst_impact(fs), findings=len(fs), defects=len(mine) + len(own),
            pages=len({(f.url, f.lang) for f in fs}), items=[views(f) for f in own[:FINDINGS_SHOWN]],
            more=max(0, len(own) - FINDINGS_SHOWN), templates=mine[:TEMPLATES_SHOWN], templates_total=len(mine)))
    groups.sort(key=lambda g: (-impact_rank(g.impact), -g.defects, g.check))
    return groups


def _page_views(violations, views: _Views, shown: set[str], in_template: set[int]) -> tuple[list[PageView], int]:
    """The pages with the most findings first, each with the first of its findings; a finding links to its
    template finding, to itself where the report shows it, or else to its check's section."""
    by_page: dict[str, list[Finding]] = defaultdict(list)
    for f in violations:
        by_page[f.url].append(f)
    ordered = sorted(by_page.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    out = []
    for url, fs in ordered[:PAGES_SHOWN]:
        fs = sorted(fs, key=lambda f: (-impact_rank(f.impact), f.sort_key()))
        items = []
        for f in fs[:PAGE_FINDINGS_SHOWN]:
            v = views(f, screenshot=False)
            target = v.template_anchor or (v.anchor if v.anchor in shown else check_anchor(f.check))
            items.append((v, target, id(f) in in_template))
        out.append(PageView(url=url, items=items, total=len(fs)))
    return out, len(ordered)


def build_context(result, findings: list[Finding], lang: str, run_dir: Path, min_pages: int,
                  files: str = "report.json") -> dict[str, Any]:
    t = translator(lang)
    counted = active(findings)
    violations = [f for f in counted if f.outcome == "violation"]
    review_all = [f for f in counted if f.outcome == "incomplete"]
    templates = template_findings(counted, min_pages)
    fail_templates = [tf for tf in templates if tf.outcome == "violation"]
    review_templates = [tf for tf in templates if tf.outcome != "violation"]
    fix_items = fix_first(result, FIXES_SHOWN, min_pages, fail_templates)
    # The template findings the report shows: the first ones, and any that "what to fix first" names.
    shown_templates = fail_templates[:TEMPLATES_SHOWN]
    shown_templates += [i.template for i in fix_items if i.template and i.template not in shown_templates]
    shown_anchors = {tf.anchor for tf in shown_templates + review_templates[:TEMPLATES_SHOWN]}
    in_template = {id(f) for tf in templates for f in tf.findings}
    views = _Views(lang, run_dir, {id(f): tf.anchor for tf in templates if tf.anchor in shown_anchors
                                   for f in tf.findings})

    def template_view(tf: TemplateFinding) -> TemplateView:
        first = tf.findings[0]
        return TemplateView(t=tf, title=check_title(first, lang), why=why(first, lang), first=views(first))

    template_views = [template_view(tf) for tf in shown_templates]
    groups = _check_groups(violations, fail_templates, views, lang)
    shown = {v.anchor for g in groups for v in g.items}
    pages_groups, pages_with_findings = _page_views(violations, views, shown, in_template)

    score = site_score(result, min_pages)
    fixes = [{"item": item, "title": check_title(item.findings[0], lang),
              "message": finding_message(item.findings[0], lang)} for item in fix_items]
    review_own = [f for f in review_all if id(f) not in in_template]

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

    suppressed = [f for f in findings if is_suppressed(f)]
    # Failed and skipped pages first: they are what a reader looks for in this table.
    pages = sorted(result.pages, key=lambda p: (p.outcome == "audited", p.url, p.lang or "", p.mode))
    baseline = getattr(result, "baseline", None)
    texts_in = {v.message.lang for v in views.made.values()} | {g.why.lang for g in groups}

    def modes_label(modes) -> str:
        """The modes a finding was seen in; a finding of the VI mode alone says so."""
        if len(modes) > 1:
            return t("modes_both")
        if tuple(modes) == ("vi",):
            return t("mode_vi_only")
        return t(f"mode_{modes[0]}") if modes and modes[0] in ("normal", "vi") else t("mode_none")

    def where(f: Finding) -> str:
        return f"{lang_label(f.lang) if f.lang else t('lang_none')}, {modes_label(f.seen_in)}"

    return {
        "lang": lang, "t": t, "r": result, "lang_label": lang_label, "where": where, "modes_label": modes_label,
        "files": files,
        "mode_label": lambda m: t(f"mode_{m}") if m in ("normal", "vi") else t("mode_none"),
        "impact_label": lambda i: t(f"impact_{i}"), "impacts": list(reversed(IMPACT_ORDER)),
        "score": score, "fixes": fixes, "groups": groups,
        "templates": template_views, "templates_total": len(fail_templates), "examples_shown": EXAMPLES_SHOWN,
        "shown_anchors": shown_anchors,
        "summary": {"defects": defect_count(violations, fail_templates), "templates": len(fail_templates),
                    "pages": len({(f.url, f.lang) for f in violations}), "findings": len(violations),
                    "instances": sum(len(f.seen_in) or 1 for f in violations), "review": len(review_all)},
        "pages_groups": pages_groups, "pages_with_findings": pages_with_findings,
        "coverage": coverage, "any_not_found": any_not_found, "coverage_chart": coverage_chart,
        "category_chart": category_chart, "by_cat": by_cat, "cat_langs": cat_langs, "categories": CATEGORIES,
        "matrix": matrix_view,
        "review_templates": review_templates[:TEMPLATES_SHOWN], "review_templates_total": len(review_templates),
        "review": [views(f) for f in review_own[:FINDINGS_SHOWN]], "review_total": len(review_own),
        "suppressed": [views(f) for f in suppressed[:FINDINGS_SHOWN]], "suppressed_total": len(suppressed),
        "expired": {id(f) for f in findings if note(f, "suppression_expired")},
        "baseline": baseline,
        "fixed_shown": (baseline or {}).get("fixed_findings", [])[:FINDINGS_SHOWN],
        "pages": pages[:PAGE_ROWS_SHOWN], "pages_total": len(pages),
        "http_url": http_url, "note": note,
        "show_fallback_note": lang != "en" and "en" in texts_in,
        "show_axe_note": axe_untranslated(findings, lang),
    }
