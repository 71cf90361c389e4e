"""Dates on the demo's pages are written relative to the day they are served, so the demo never goes stale.

The built HTML holds tokens: `{{date:-6}}` (ISO, for <time datetime>) and `{{date:-6:kk}}` (as the page's
language writes dates); DemoSite replaces them with the date 6 days before `today`.
"""
from __future__ import annotations

import datetime as dt
import re

TOKEN = re.compile(r"\{\{date:(-?\d+)(?::(kk|ru|en))?\}\}")
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def format_date(d: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
    return d.strftime("%d.%m.%Y")


def token(days_ago: int, lang: str | None = None) -> str:
    return "{{date:%d%s}}" % (-days_ago, f":{lang}" if lang else "")


def fill(text: str, today: dt.date) -> str:
    def sub(m: re.Match) -> str:
        d = today + dt.timedelta(days=int(m.group(1)))
        return format_date(d, m.group(2)) if m.group(2) else d.isoformat()

    return TOKEN.sub(sub, text)
