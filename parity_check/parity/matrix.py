"""The parity matrix: per section of the site and per language, the share of items present in that
language out of all the items any language has (the union of the aligned items)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .alignment import SiteAlignment, align

# Used when the run had no profile; a profile's sections (their url_patterns) take precedence.
DEFAULT_SECTIONS = {
    "news": [r"/news(/|$|\?)", r"/novost", r"/zhanalyk", r"/jan[ae]lyk", r"/press"],
    "documents": [r"/documents?", r"/dokument", r"/kuzhat", r"/qujat", r"/npa(/|$|\?)", r"/legal", r"/normativ"],
    "contacts": [r"/contacts?(/|$|\?)", r"/kontakt", r"/baylanys", r"/bailanys"],
    "structure": [r"/structure", r"/struktur", r"/kurylym"],
    "leadership": [r"/leadership", r"/management", r"/rukovodstvo", r"/basshylyk"],
    "statistics": [r"/stat", r"/indicator", r"/pokazatel", r"/korsetkish"],
    "appeals": [r"/appeals?", r"/obrashch", r"/otinish"],
}


def section_patterns(profile) -> dict[str, list[str]]:
    sections = getattr(profile, "sections", None) or {}
    from_profile = {name: list(getattr(rule, "url_patterns", ()) or ()) for name, rule in sections.items()}
    merged = {k: v for k, v in from_profile.items() if v}
    for name, patterns in DEFAULT_SECTIONS.items():
        merged.setdefault(name, patterns)
    return merged


def section_of(url: str, patterns: dict[str, list[str]]) -> str:
    """The section a page belongs to: the first whose URL pattern matches, else the first path segment."""
    path = urlsplit(url).path.lower() + ("?" + urlsplit(url).query if urlsplit(url).query else "")
    for name, pats in patterns.items():
        if any(re.search(p, path) for p in pats):
            return name
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return segments[0].lower() if segments else "home"


class ParityMatrix:
    """Counts items per section and language, one alignment at a time (the pipeline aligns one page group
    at a time), then gives {section: {lang: coverage %}}."""

    def __init__(self, languages: tuple[str, ...], profile=None):
        self.languages = tuple(languages)
        self.patterns = section_patterns(profile)
        self.union: dict[str, int] = {}
        self.present: dict[str, dict[str, int]] = {}

    def add(self, alignment: SiteAlignment) -> None:
        for ga in alignment.groups:
            section = section_of(ga.group.key, self.patterns)
            for cluster in ga.clusters:
                self.union[section] = self.union.get(section, 0) + 1
                counts = self.present.setdefault(section, {})
                for lang in cluster.langs:
                    counts[lang] = counts.get(lang, 0) + 1

    def table(self) -> dict[str, dict[str, float]]:
        return {section: {lang: round(100.0 * self.present.get(section, {}).get(lang, 0) / total, 1)
                          for lang in self.languages}
                for section, total in sorted(self.union.items()) if total}


def matrix_from_alignment(alignment: SiteAlignment, profile=None) -> dict[str, dict[str, float]]:
    matrix = ParityMatrix(alignment.languages, profile)
    matrix.add(alignment)
    return matrix.table()


def parity_matrix(ctx) -> dict[str, dict[str, float]]:
    """{section: {lang: coverage %}} for a check run (a checks.CheckContext)."""
    return matrix_from_alignment(align(ctx), ctx.profile)
