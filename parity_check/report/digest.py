"""What a person reads before the list of findings: the site score, template findings, what to fix first,
coverage per language. Computed from a RunResult alone, so the HTML and Markdown reports and the ranking of
many sites all say the same thing.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..models import MODES, Finding, IMPACT_ORDER, RunResult, stable_locator
from ..templates import element_of, template_of
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


# -- template findings -------------------------------------------------------------------------------------
LAYOUT = "layout"  # the same element on pages of several templates: a header, a menu, a footer
PATTERN = "pattern"  # the same element of one template (templates.template_of) on many of its pages


@dataclass
class TemplateFinding:
    """One check failing on the same element of many pages: one fix in a template, however many pages show
    it. `kind` LAYOUT: the element is the same (same stable locator, its content included) on pages of
    several templates; PATTERN: the same element of one template (templates.element_of) on pages of it,
    whose content may differ (each news item's photo). `findings` are its instances: one per page and
    language, each seen in one mode or both. A LAYOUT finding may span languages (the same header in kk and
    ru); a PATTERN finding has the language of its URL template."""

    kind: str
    check: str
    outcome: str
    locator: str
    template: str | None  # the URL pattern of a PATTERN finding
    findings: list[Finding]
    templates: dict[str, int] = field(default_factory=dict)  # URL pattern -> pages, for a LAYOUT finding

    @functools.cached_property
    def id(self) -> str:
        basis = "\x1f".join([self.kind, self.check, self.outcome, self.locator, self.template or ""])
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]

    @property
    def anchor(self) -> str:
        return "t-" + self.id

    @functools.cached_property
    def urls(self) -> list[str]:
        return sorted({f.url for f in self.findings})

    @property
    def pages(self) -> int:
        return len(self.urls)

    @property
    def impact(self) -> str:
        return worst_impact(self.findings)

    @functools.cached_property
    def languages(self) -> dict[str, int]:
        """Pages per language ("-" for pages of no known language)."""
        pages: dict[str, set[str]] = defaultdict(set)
        for f in self.findings:
            pages[f.lang or "-"].add(f.url)
        return {lang: len(urls) for lang, urls in sorted(pages.items())}

    @functools.cached_property
    def modes(self) -> list[str]:
        return [m for m in MODES if any(m in f.seen_in for f in self.findings)]

    @property
    def instances(self) -> int:
        """Findings per mode it stands for, as a per-mode report would have counted them."""
        return sum(len(f.seen_in) or 1 for f in self.findings)

    def examples(self, n: int = 3) -> list[str]:
        """A few of its pages: the first of each language, then the next ones."""
        by_lang: dict[str, list[str]] = defaultdict(list)
        for f in self.findings:
            if f.url not in by_lang[f.lang or "-"]:
                by_lang[f.lang or "-"].append(f.url)
        picked: list[str] = []
        for depth in range(n):
            for lang in sorted(by_lang):
                if len(picked) < n and depth < len(by_lang[lang]) and by_lang[lang][depth] not in picked:
                    picked.append(by_lang[lang][depth])
        return picked

    def to_dict(self, examples: int = 5) -> dict:
        d = {"id": self.id, "kind": self.kind, "check": self.check, "outcome": self.outcome,
             "locator": self.locator, "template": self.template, "impact": self.impact, "pages": self.pages,
             "languages": self.languages, "modes": self.modes, "instances": self.instances,
             "examples": self.examples(examples), "fingerprints": [f.fingerprint for f in self.findings]}
        if self.kind == LAYOUT:
            d["templates"] = self.templates
        return d


def _locator(f: Finding) -> str:
    return f.locator if f.locator is not None else stable_locator(f.selector)


def template_findings(findings, min_pages: int = TEMPLATE_MIN_PAGES) -> list[TemplateFinding]:
    """The template findings among `findings` (page-scope findings with a selector, on at least
    `min_pages` pages): LAYOUT ones first, then PATTERN ones from what is left, most severe and widest
    first. Deterministic: the same findings give the same list, ids and order."""
    pattern_of: dict[str, str] = {}

    def template(url: str) -> str:
        if url not in pattern_of:
            pattern_of[url] = template_of(url)
        return pattern_of[url]

    candidates = [f for f in findings if f.scope == "page" and f.selector and f.url]
    out: list[TemplateFinding] = []
    taken: set[int] = set()
    by_element: dict[tuple, list[Finding]] = defaultdict(list)
    for f in candidates:
        by_element[(f.check, f.outcome, _locator(f))].append(f)
    for (check, outcome, locator), fs in by_element.items():
        pages: dict[str, set[str]] = defaultdict(set)
        for f in fs:
            pages[template(f.url)].add(f.url)
        # On pages of several templates of one language: the kk, ru and en versions of one page are pages
        # of three templates (/kz/news/:id, /ru/news/:id...) but one page's defect, not a layout's.
        templates_per_lang = Counter(f.lang for f in {(f.lang, template(f.url)): f for f in fs}.values())
        if max(templates_per_lang.values()) >= 2 and sum(map(len, pages.values())) >= min_pages:
            out.append(TemplateFinding(LAYOUT, check, outcome, locator, None, sorted(fs, key=Finding.sort_key),
                                       {p: len(u) for p, u in sorted(pages.items())}))
            taken.update(id(f) for f in fs)
    by_pattern: dict[tuple, list[Finding]] = defaultdict(list)
    for f in candidates:
        if id(f) not in taken:
            by_pattern[(f.check, f.outcome, element_of(f.selector), template(f.url))].append(f)
    for (check, outcome, element, pattern), fs in by_pattern.items():
        if len({f.url for f in fs}) >= min_pages:
            out.append(TemplateFinding(PATTERN, check, outcome, element, pattern, sorted(fs, key=Finding.sort_key)))
    return sorted(out, key=lambda t: (t.outcome != "violation", -impact_rank(t.impact), -t.pages, t.check,
                                      t.locator, t.template or ""))


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


def views_of(f: Finding) -> set[tuple]:
    """The page views (URL, language, mode) a finding was seen in."""
    return {(f.url, f.lang, m) for m in f.seen_in} or {(f.url, f.lang, f.mode)}


def site_score(result: RunResult, min_pages: int = TEMPLATE_MIN_PAGES) -> Score:
    findings = [f for f in active(result.findings) if f.outcome == "violation"]
    audited = {(p.url, p.lang, p.mode) for p in result.pages if p.outcome == "audited"}
    # A template finding is one defect: it counts against the first page it was seen on only.
    excused = set()
    for tf in template_findings(findings, min_pages):
        excused.update(id(f) for f in tf.findings[1:])
    dirty = set()
    for f in findings:
        if f.scope == "page" and impact_rank(f.impact) >= impact_rank("serious") and id(f) not in excused:
            dirty |= views_of(f)
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
    """A thing to fix: a template finding (one defect on many pages) or the other findings of one check
    (each a defect of its own). Ranked by impact times the pages affected, never by raw instances."""

    check: str
    impact: str
    findings: list[Finding] = field(default_factory=list)
    template: TemplateFinding | None = None

    @property
    def defects(self) -> int:
        return 1 if self.template else len(self.findings)

    @functools.cached_property
    def pages(self) -> int:
        return len({(f.url, f.lang) for f in self.findings})

    @property
    def priority(self) -> int:
        return IMPACT_WEIGHT.get(self.impact, 1) * self.pages

    @property
    def anchor(self) -> str:
        return self.template.anchor if self.template else check_anchor(self.check)


def check_anchor(check_id: str) -> str:
    return "c-" + re.sub(r"[^a-z0-9-]+", "-", check_id.lower())


def fix_first(result: RunResult, n: int = 8, min_pages: int = TEMPLATE_MIN_PAGES,
              templates: list[TemplateFinding] | None = None) -> list[FixItem]:
    findings = [f for f in active(result.findings) if f.outcome == "violation"]
    if templates is None:
        templates = template_findings(findings, min_pages)
    templates = [t for t in templates if t.outcome == "violation"]
    in_template = {id(f) for t in templates for f in t.findings}
    items = [FixItem(t.check, t.impact, t.findings, t) for t in templates]
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if id(f) not in in_template:
            by_check[f.check].append(f)
    for check, fs in by_check.items():
        items.append(FixItem(check, worst_impact(fs), fs))
    items.sort(key=lambda i: (-i.priority, -impact_rank(i.impact), i.check, i.anchor))
    return items[:n]


def defect_count(findings, templates: list[TemplateFinding]) -> int:
    """Things to fix: each template finding once, every other finding once."""
    in_template = {id(f) for t in templates for f in t.findings}
    return len(templates) + sum(1 for f in findings if id(f) not in in_template)


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
