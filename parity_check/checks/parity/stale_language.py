"""One language version of a page lags: its newest dated item is much older than the other versions'."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ...parity import align
from ...parity.staleness import lagging_versions
from ..base import Check, CheckContext, register
from .common import lang_args


@register
class StaleLanguage(Check):
    """For each page in several languages, the newest dated item of each version (news, announcements,
    documents; dates read in kk, ru and en notation; dates after the capture day ignored) is compared with
    the newest of the leading version, which must show at least two dated items. A version whose newest
    item is more than `stale_language_days` (default 30) older is reported once; the items it lacks that
    are newer than its newest are counted here, not reported one by one as missing items."""

    id = "stale-language"
    tags = ("kz:order-124", "kz:law-access-to-information-art16")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("The rules require news to be updated daily and all language versions at once; a version left "
           "months behind tells its readers nothing new and hides recent decisions from them.")
    messages = {"default": {
        "en": "The newest item of this {lang_name} version is dated {newest}, {days} days behind the {leader_name} version ({leader_newest}).",
        "ru": "Самый новый материал версии «{lang_ru}» датирован {newest}, и отстаёт на {days} дн. от версии «{leader_ru}» ({leader_newest}).",
        "kk": "{lang_kk} нұсқасындағы ең жаңа материал {newest} күнгі, {leader_kk} нұсқасынан ({leader_newest}) {days} күнге артта қалған.",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        alignment = align(ctx)
        days = int(ctx.threshold("stale_language_days", 30))
        for ga in alignment.groups:
            if len(ga.pages) < 2:
                continue
            for lang, lag in sorted(lagging_versions(ga, days, alignment.captured).items()):
                leader = ga.pages[lag.leader]
                newer = [it for it in leader.items if it.dates and min(it.dates) > lag.newest]
                yield self.finding(
                    page=ga.pages[lang].record, related=[leader.record.url],
                    outcome="violation" if lag.dated_items >= 2 else "incomplete",
                    args={**lang_args(lang=lang, leader=lag.leader), "newest": lag.newest.isoformat(),
                          "leader_newest": lag.leader_newest.isoformat(), "days": lag.days},
                    evidence={"newest": lag.newest.isoformat(), "leader": lag.leader,
                              "leader_newest": lag.leader_newest.isoformat(), "lag_days": lag.days,
                              "threshold_days": days, "dated_items_here": lag.dated_items,
                              "newer_items_in_leader": len(newer),
                              "newer_items_sample": [it.label for it in newer[:5]],
                              "pages_paired_by": ga.group.linked_by.get(lang) or "url-pattern"})
