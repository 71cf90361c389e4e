"""A news item, table row, contact entry or section present in one language version of a page and absent
from another."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ...parity import CONFIDENT, align
from ...parity.absence import own_page_missing
from ...parity.alignment import Cluster, GroupAlignment
from ...parity.items import Item, PageItems
from ...parity.matching import shape
from ...parity.staleness import lagging_versions
from ..base import Check, CheckContext, register
from .common import SOURCE_ORDER, item_facts, kind_args, lang_args


@register
class MissingItem(Check):
    """Items are paired across the language versions of a page on language-neutral evidence (link targets,
    dates, figures, images, e-mails, position in the list). An item left with no counterpart in a version
    that exists is reported on that version. Attachments are `missing-document`'s; items newer than a
    lagging version's newest item are `stale-language`'s (one cause, one finding); an item older than every
    entry of a list at least as long is on that list's next page, not missing. Where the item has
    no language-neutral facts to look for (a section with only translated text), the finding is for review.
    A row whose own page is missing in that language too (404, or "not found") is one missing thing, reported
    on that page (missing-language-version or missing-document), which links this list."""

    id = "missing-item"
    tags = ("kz:order-124", "kz:law-access-to-information-art16", "kz:constitution-art7")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("Readers of one language get less information than readers of another: the rules require every "
           "language version of a state body's site to carry the same content, updated at the same time.")
    messages = {"default": {
        "en": "The {kind} '{label}' of the {source_name} version has no counterpart in this {lang_name} version.",
        "ru": "{Kind_ru} «{label}» есть в версии «{source_ru}», но отсутствует в версии «{lang_ru}».",
        "kk": "«{label}» ({kind_kk}) {source_kk} нұсқасында бар, ал {lang_kk} нұсқасында жоқ.",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        alignment = align(ctx)
        days = int(ctx.threshold("stale_language_days", 30))
        for ga in alignment.groups:
            if len(ga.pages) < 2:
                continue
            lags = lagging_versions(ga, days, alignment.captured)
            for cluster in ga.clusters:
                sample = _representative(cluster)
                if any(it.documents for items in cluster.items.values() for it in items):
                    continue  # an attachment: missing-document reports it
                for lang, page in ga.pages.items():
                    if lang in cluster.langs:
                        continue
                    outcome = self._outcome(sample, page, ga, lags.get(lang))
                    if outcome is None or any(own_page_missing(it, lang, ctx.index)
                                              for items in cluster.items.values() for it in items):
                        continue
                    related = [ga.pages[l].record.url for l in cluster.langs]
                    best = max(cluster.pairs, key=lambda p: p.score, default=None)
                    yield self.finding(
                        page=page.record, selector=None, content_key=f"{sample.lang}:{sample.label[:80]}",
                        outcome=outcome, related=related,
                        args={**kind_args(sample.kind), **lang_args(lang=lang, source=sample.lang),
                              "label": sample.label[:100]},
                        evidence={"pages_paired_by": ga.group.linked_by.get(lang), "item": item_facts(sample),
                                  "present_in": sorted(cluster.langs),
                                  "pairing_score_among_present": best.score if best else None,
                                  "why_absent": self._why_absent(sample, page)})

    @staticmethod
    def _outcome(sample: Item, page: PageItems, ga: GroupAlignment, lag) -> str | None:
        if not sample.texts or len(sample.text.strip()) < 3:
            return None
        if lag is not None and sample.dates and min(sample.dates) > lag.newest:
            return None  # newer than everything the lagging version has: stale-language says so
        same_list = [it for it in page.items if shape(it.container) == shape(sample.container)]
        source_list = [it for it in ga.pages[sample.lang].items if shape(it.container) == shape(sample.container)]
        if sample.dates and same_list and len(same_list) >= len(source_list) and all(it.dates for it in same_list):
            if min(d for it in same_list for d in it.dates) > max(sample.dates):
                return None  # past the end of a list as long and all newer: on that list's next page
        if _found_elsewhere(sample, page):
            return None  # its link, image or e-mail is on the page, only not in a paired item
        strong = bool(sample.link_ids or sample.images or sample.emails)
        if strong:
            return "violation"
        if sample.has_identity:
            others_paired = any(p.score >= CONFIDENT for pp in ga.pairs.values() for p in pp.pairs
                                if shape(p.a.container) == shape(sample.container))
            return "violation" if others_paired else "incomplete"
        return "incomplete"

    @staticmethod
    def _why_absent(sample: Item, page: PageItems) -> str:
        facts = []
        if sample.link_ids:
            facts.append("no link to the same target")
        if sample.images:
            facts.append("no same image")
        if sample.emails:
            facts.append("no same e-mail")
        if sample.dates:
            facts.append("no item with the same date")
        if sample.figures:
            facts.append("no item with the same figures")
        return ", ".join(facts) or "no item left to pair it with (structure only)"


def _representative(cluster: Cluster) -> Item:
    for lang in SOURCE_ORDER:
        if lang in cluster.items:
            return cluster.items[lang][0]
    return cluster.first()


def _found_elsewhere(sample: Item, page: PageItems) -> bool:
    links = set().union(*(it.link_ids for it in page.items)) if page.items else set()
    images = set().union(*(it.images for it in page.items)) if page.items else set()
    mails = set().union(*(it.emails for it in page.items)) if page.items else set()
    return bool(sample.link_ids & links or sample.images & images or sample.emails & mails)
