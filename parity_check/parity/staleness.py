"""Which language version of a page lags: its newest dated item much older than the other versions'."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .alignment import GroupAlignment

MIN_LEADER_ITEMS = 2  # the leading version must show a run of dated items, not one stray date
# A lag is a run of newer items the lagging version lacks; one newer item is a missing item, not a lag.
MIN_NEWER_ITEMS = 2


@dataclass(frozen=True)
class Lag:
    lang: str
    newest: dt.date
    leader: str
    leader_newest: dt.date
    dated_items: int

    @property
    def days(self) -> int:
        return (self.leader_newest - self.newest).days


def newest_dates(ga: GroupAlignment, today: dt.date | None) -> dict[str, tuple[dt.date, int]]:
    """lang -> (newest item date, number of dated items); dates after the capture day are ignored
    (a date in the future is an event's date, not a publication's)."""
    limit = (today + dt.timedelta(days=1)) if today else None
    out = {}
    for lang, page in ga.pages.items():
        dates = [max(d for d in it.dates if not limit or d <= limit) for it in page.items
                 if any(not limit or d <= limit for d in it.dates)]
        if dates:
            out[lang] = (max(dates), len(dates))
    return out


def lagging_versions(ga: GroupAlignment, days: int, today: dt.date | None) -> dict[str, Lag]:
    newest = newest_dates(ga, today)
    limit = (today + dt.timedelta(days=1)) if today else None
    leaders = [(d, n, lang) for lang, (d, n) in newest.items() if n >= MIN_LEADER_ITEMS]
    if not leaders:
        return {}
    lead_date, _, lead_lang = max(leaders)
    out = {}
    for lang, (d, n) in newest.items():
        newer = [it for it in ga.pages[lead_lang].items
                 if any(x > d and (not limit or x <= limit) for x in it.dates)]
        if (lead_date - d).days > days and len(newer) >= MIN_NEWER_ITEMS:
            out[lang] = Lag(lang, d, lead_lang, lead_date, n)
    return out
