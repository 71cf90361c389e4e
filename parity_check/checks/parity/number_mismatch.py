"""The same item (or the same page's text) states different figures or dates in two language versions."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding
from ...parity import ACCEPT, CONFIDENT, align
from ...parity.dates import find_dates
from ...parity.figures import differing, find_figures
from ...parity.matching import shape
from ...parity.staleness import lagging_versions
from ..base import Check, CheckContext, register
from .common import SOURCE_ORDER, item_facts, kind_args, lang_args, odd_one_out

REVIEW_FROM = ACCEPT + 0.15  # weaker pairings are not worth a reviewer's time
# "Updated 15.01.2016": when a version was last edited differs legitimately (and stale-content judges it).
_UPDATE_STAMP = re.compile(r"обновл|изменен|актуализ|жаңарт|өзгерт|updated|modified|last edit", re.I)


@register
class NumberMismatch(Check):
    """Figures (amounts, counts, percentages, phone numbers) and dates are read in each language's own
    notation (1 234,5 млн = 1,234.5 million; 12 наурыз 2024 = 12 марта 2024 = March 12, 2024) and compared
    between paired items, and between the running texts of paired pages. Only a substitution counts (15
    here, 12 there): a figure left out or written in words is not a different figure. With three versions
    the one outvoted by the other two is reported; with two, the one less likely to be the source text.
    A difference between weakly paired items is for review only."""

    id = "number-mismatch"
    tags = ("kz:order-124", "kz:law-access-to-information-art16")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("Readers of different language versions are told different facts (sums, counts, dates, phone "
           "numbers); at least one version misinforms them.")
    messages = {
        "figures": {
            "en": "The {kind} '{label}' states {here} in this {lang_name} version but {there} in the {other_name} version.",
            "ru": "{Kind_ru} «{label}»: в версии «{lang_ru}» указано {here}, а в версии «{other_ru}» — {there}.",
            "kk": "«{label}» ({kind_kk}): {lang_kk} нұсқасында {here}, ал {other_kk} нұсқасында {there} көрсетілген.",
        },
        "page": {
            "en": "The text of this {lang_name} version states {here} where the {other_name} version states {there}.",
            "ru": "В тексте версии «{lang_ru}» указано {here}, а в версии «{other_ru}» — {there}.",
            "kk": "{lang_kk} нұсқасының мәтінінде {here}, ал {other_kk} нұсқасында {there} көрсетілген.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        alignment = align(ctx)
        days = int(ctx.threshold("stale_language_days", 30))
        for ga in alignment.groups:
            if len(ga.pages) < 2:
                continue
            lagging = set(lagging_versions(ga, days, alignment.captured))
            shifted = _shifted_lists(ga)
            for cluster in ga.clusters:
                yield from self._cluster(ga, cluster, lagging, shifted)
            yield from self._page_text(ga)

    def _cluster(self, ga, cluster, lagging: set[str], shifted: set) -> Iterable[Finding]:
        diffs = {}
        for pair in cluster.pairs:
            if pair.score < REVIEW_FROM:
                continue
            # Dates of a lagging version, or of lists whose dates disagree throughout, belong to other items
            # in the same places, not to the same item misdated.
            langs = frozenset((pair.a.lang, pair.b.lang))
            trust_dates = not (langs & lagging) and (langs, shape(pair.a.container)) not in shifted
            d = _difference(pair.a.figures, pair.b.figures, pair.a.dates if trust_dates else (),
                            pair.b.dates if trust_dates else ())
            if d:
                diffs[frozenset((pair.a.lang, pair.b.lang))] = (pair, d)
        if not diffs:
            return
        for lang in odd_one_out(sorted(cluster.langs), set(diffs)):
            mine = [(k, v) for k, v in diffs.items() if lang in k]
            if not mine:
                continue
            # name the likeliest source as the other side (Russian, then Kazakh), among the surest pairings
            key, (pair, (only_a, only_b)) = min(mine, key=lambda kv: (
                kv[1][0].score < CONFIDENT, _source_rank(next(iter(kv[0] - {lang}))), -kv[1][0].score))
            here, there = (only_a, only_b) if pair.a.lang == lang else (only_b, only_a)
            other = next(iter(key - {lang}))
            item = pair.a if pair.a.lang == lang else pair.b
            yield self.finding(
                page=ga.pages[lang].record, key="figures", selector=item.selector,
                content_key=f"{item.kind}:{'/'.join(there)}",
                outcome="violation" if pair.score >= CONFIDENT else "incomplete",
                related=[ga.pages[l].record.url for l in cluster.langs if l != lang],
                args={**kind_args(item.kind), **lang_args(lang=lang, other=other), "label": item.label[:100],
                      "here": shown(here), "there": shown(there)},
                evidence={"pairing_score": pair.score, "matched": pair.evidence, "item": item_facts(item),
                          "differs": {lang: here, other: there},
                          "pages_paired_by": ga.group.linked_by.get(lang)})

    def _page_text(self, ga) -> Iterable[Finding]:
        facts = {}
        for lang, page in ga.pages.items():
            texts = [s["text"] for s in page.body if s.get("kind") in ("text", "heading")]
            facts[lang] = ([f for t in texts for f in find_figures(t, lang)],
                           [d for t in texts if not _UPDATE_STAMP.search(t) for d in find_dates(t)])
        diffs = {}
        langs = sorted(facts)
        for i, a in enumerate(langs):
            for b in langs[i + 1:]:
                d = _difference(facts[a][0], facts[b][0], facts[a][1], facts[b][1])
                if d:
                    diffs[frozenset((a, b))] = (a, b, d)
        for lang in odd_one_out(langs, set(diffs)):
            mine = [v for k, v in diffs.items() if lang in k]
            if not mine:
                continue
            a, b, (only_a, only_b) = min(mine, key=lambda v: _source_rank(v[1] if v[0] == lang else v[0]))
            other = b if a == lang else a
            here, there = (only_a, only_b) if a == lang else (only_b, only_a)
            yield self.finding(
                page=ga.pages[lang].record, key="page", content_key=f"page:{'/'.join(there)}",
                related=[ga.pages[l].record.url for l in langs if l != lang],
                args={**lang_args(lang=lang, other=other), "here": shown(here), "there": shown(there)},
                evidence={"pages_paired_by": ga.group.linked_by.get(lang) or "url-pattern",
                          "pairing_score": 1.0, "matched": ["page: the versions of one page"],
                          "differs": {lang: here, other: there}})


def _source_rank(lang: str) -> int:
    return SOURCE_ORDER.index(lang) if lang in SOURCE_ORDER else len(SOURCE_ORDER)


def _shifted_lists(ga) -> set:
    """(language pair, list) where most paired dated items disagree on their date (two or more): the lists
    hold different items in the same places."""
    out = set()
    for (la, lb), pp in ga.pairs.items():
        by_list: dict[str, list[bool]] = {}
        for p in pp.pairs:
            if p.a.dates and p.b.dates:
                by_list.setdefault(shape(p.a.container), []).append(set(p.a.dates) != set(p.b.dates))
        for key, disagree in by_list.items():
            if sum(disagree) >= 2 and 2 * sum(disagree) > len(disagree):
                out.add((frozenset((la, lb)), key))
    return out


def shown(figures: list[str]) -> str:
    """Figures as a reader writes them: phone numbers with their country code."""
    return ", ".join(f"+7 {f[4:]}" if f.startswith("tel:") else f for f in figures)


def _difference(fig_a, fig_b, dates_a, dates_b):
    """(what a states, what b states) where they substitute one figure or date for another; else None."""
    figures = differing(list(fig_a), list(fig_b))
    dates = differing([d.isoformat() for d in dates_a], [d.isoformat() for d in dates_b])
    if not figures and not dates:
        return None
    only_a = (figures[0] if figures else []) + (dates[0] if dates else [])
    only_b = (figures[1] if figures else []) + (dates[1] if dates else [])
    return only_a, only_b
