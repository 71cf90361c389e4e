"""What a person reads before the list of findings: the site score, template issues, what to fix first,
coverage per language. Computed from a RunResult alone, so the HTML and Markdown reports and the ranking of
many sites all say the same thing.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..models import Finding, IMPACT_ORDER, RunResult, stable_locator
from .notes import active

IMPACT_WEIGHT = {"critical": 10, "serious": 5, "moderate": 2, "minor": 1}
SCORE_WEIGHTS = {"a": 50, "l": 30, "v": 20}
TEMPLATE_MIN_PAGES = 3
CATEGORIES = ("a11y", "language", "parity", "content", "vision", "other")


def impact_rank(impact: str) -> int:
    return IMPACT_ORDER.index(impact) if impact in IMPACT_ORDER else 0


def worst_impact(findings) -> str:
    return max((f.impact for f in findings), key=impact_rank, default="minor")


@functools.lru_cache(maxsize=1)
def _registry() -> dict:
    from ..checks import load_all

    try:
        return load_all()
    except Exception:  # a half-written check elsewhere must not stop a report from being written
        from ..checks import REGISTRY

        return dict(REGISTRY)


def check_class(check_id: str):
    return _registry().get(check_id)


def category_of(finding_or_check) -> str:
    """The check's group (its sub-package under checks/); axe-core's rules are accessibility."""
    if isinstance(finding_or_check, Finding):
        if finding_or_check.source == "axe":
            return "a11y"
        check_id = finding_or_check.check
    else:
        check_id = finding_or_check
    cls = check_class(check_id)
    if cls is None:
        return "other"
    parts = cls.__module__.split(".")
    group = parts[2] if len(parts) > 3 and parts[1] == "checks" else "other"
    return group if group in CATEGORIES else "other"


# -- template issues ---------------------------------------------------------------------------------------
@dataclass
class TemplateIssue:
    """One check failing on the same element (same stable locator) of many pages: one fix in a template."""

    check: str
    locator: str
    findings: list[Finding]

    @property
    def urls(self) -> list[str]:
        return sorted({f.url for f in self.findings})

    @property
    def impact(self) -> str:
        return worst_impact(self.findings)

    @property
    def anchor(self) -> str:
        return "t-" + self.findings[0].fingerprint.split("-")[0]

    @property
    def views(self) -> int:
        return len({(f.url, f.lang, f.mode) for f in self.findings})


def template_key(f: Finding) -> tuple[str, str] | None:
    if f.scope != "page" or not f.selector:
        return None
    return f.check, stable_locator(f.selector)


def template_issues(findings, min_pages: int = TEMPLATE_MIN_PAGES) -> list[TemplateIssue]:
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        key = template_key(f)
        if key and f.outcome == "violation":
            groups[key].append(f)
    issues = [TemplateIssue(check, loc, sorted(fs, key=Finding.sort_key))
              for (check, loc), fs in groups.items() if len({f.url for f in fs}) >= min_pages]
    return sorted(issues, key=lambda t: (-impact_rank(t.impact), -len(t.urls), t.check, t.locator))


# -- score -------------------------------------------------------------------------------------------------
@dataclass
class Score:
    value: int
    a: float
    l: float  # noqa: E741 - the formula's own letter
    v: float | None
    audited_views: int
    clean_views: int

    def to_dict(self) -> dict:
        return {"value": self.value, "formula": "round(50*A + 30*L + 20*V); without V: round((50*A + 30*L) / 0.8)",
                "components": {"A": round(self.a, 4), "L": round(self.l, 4),
                               "V": None if self.v is None else round(self.v, 4)},
                "audited_views": self.audited_views, "clean_views": self.clean_views}


def language_coverage(result: RunResult) -> float:
    matrix = result.site.get("parity_matrix") if isinstance(result.site, dict) else None
    cells = [float(v) for row in (matrix or {}).values() if isinstance(row, dict)
             for v in row.values() if isinstance(v, (int, float))]
    if cells:
        return max(0.0, min(1.0, sum(cells) / len(cells) / 100))
    counts = {lang: len({p.url for p in result.pages if p.lang == lang and p.mode == "normal"
                         and p.outcome == "audited"}) for lang in result.languages}
    top = max(counts.values(), default=0)
    if not top:
        return 0.0
    return sum(n / top for n in counts.values()) / len(counts)


def site_score(result: RunResult, min_pages: int = TEMPLATE_MIN_PAGES) -> Score:
    findings = active(result.findings)
    audited = {(p.url, p.lang, p.mode) for p in result.pages if p.outcome == "audited"}
    # A template issue counts against the first page it was seen on only: a platform defect is one fix.
    excused = set()
    for issue in template_issues(findings, min_pages):
        excused.update(id(f) for f in issue.findings[1:])
    dirty = {(f.url, f.lang, f.mode) for f in findings
             if f.outcome == "violation" and f.scope == "page" and impact_rank(f.impact) >= impact_rank("serious")
             and id(f) not in excused}
    clean = len(audited - dirty)
    a = clean / len(audited) if audited else 0.0
    lang = language_coverage(result)
    vi_views = [p for p in result.pages if p.mode == "vi"]
    v = (sum(1 for p in vi_views if p.vi_state == "active") / len(vi_views)) if vi_views else None
    if v is None:
        value = (SCORE_WEIGHTS["a"] * a + SCORE_WEIGHTS["l"] * lang) / 0.8
    else:
        value = SCORE_WEIGHTS["a"] * a + SCORE_WEIGHTS["l"] * lang + SCORE_WEIGHTS["v"] * v
    return Score(value=int(round(value)), a=a, l=lang, v=v, audited_views=len(audited), clean_views=clean)


# -- what to fix first -------------------------------------------------------------------------------------
@dataclass
class FixItem:
    check: str
    impact: str
    views: int
    findings: list[Finding] = field(default_factory=list)
    template: TemplateIssue | None = None

    @property
    def priority(self) -> int:
        return IMPACT_WEIGHT.get(self.impact, 1) * self.views

    @property
    def anchor(self) -> str:
        return self.template.anchor if self.template else check_anchor(self.check)


def check_anchor(check_id: str) -> str:
    return "c-" + re.sub(r"[^a-z0-9-]+", "-", check_id.lower())


def fix_first(result: RunResult, n: int = 5, min_pages: int = TEMPLATE_MIN_PAGES) -> list[FixItem]:
    findings = [f for f in active(result.findings) if f.outcome == "violation"]
    issues = template_issues(findings, min_pages)
    in_template = {id(f) for t in issues for f in t.findings}
    items = [FixItem(t.check, t.impact, t.views, t.findings, t) for t in issues]
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if id(f) not in in_template:
            by_check[f.check].append(f)
    for check, fs in by_check.items():
        items.append(FixItem(check, worst_impact(fs), len({(f.url, f.lang, f.mode) for f in fs}), fs))
    items.sort(key=lambda i: (-i.priority, -impact_rank(i.impact), i.check, i.anchor))
    return items[:n]


# -- coverage and counts -----------------------------------------------------------------------------------
def coverage_by_language(result: RunResult) -> dict[str, dict[str, int]]:
    langs = list(result.languages) + sorted({p.lang for p in result.pages if p.lang and p.lang not in result.languages})
    out = {lang: {"audited": 0, "failed": 0, "skipped": 0, "not_found": 0} for lang in langs}
    for p in result.pages:
        if p.lang in out and p.outcome in out[p.lang]:
            out[p.lang][p.outcome] += 1
    return out


def findings_by_category_and_lang(result: RunResult) -> dict[str, dict[str, int]]:
    langs = list(result.languages) + ["-"]
    out: dict[str, dict[str, int]] = {}
    for f in active(result.findings):
        cat = category_of(f)
        row = out.setdefault(cat, {lang: 0 for lang in langs})
        key = f.lang if f.lang in row else "-"
        row[key] += 1
    return {c: out[c] for c in CATEGORIES if c in out}


def site_label(target: str) -> str:
    """The site or the gov.kz entity a run is about: `akimvko.gov.kz`, `www.gov.kz/memleket/entities/edu`.
    Names the SARIF category and the ranking's rows."""
    parts = urlsplit(target if "://" in target else f"https://{target}")
    host = (parts.hostname or target).lower()
    if parts.port:
        host = f"{host}:{parts.port}"
    m = re.match(r"^(/memleket/entities/[^/?#]+)", parts.path or "")
    return host + m.group(1) if m else host
