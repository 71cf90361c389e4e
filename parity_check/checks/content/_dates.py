"""Dates as the sites write them, in Kazakh, Russian and English:
12.03.2024, 12/03/2024, 2024-03-12, 12 наурыз 2024, 2024 жылғы 12 наурыз, 12 марта 2024, March 12, 2024,
12 March 2024. Numeric dates are day first (the convention of all three language versions on these sites).
"""
from __future__ import annotations

import datetime as dt
import re

# Month stems; Kazakh and Russian inflect the month (наурыздың, марта), so a stem may take an ending.
_MONTHS = {
    1: ("қаңтар", "январ", "january", "jan"), 2: ("ақпан", "феврал", "february", "feb"),
    3: ("наурыз", "март", "march", "mar"), 4: ("сәуір", "апрел", "april", "apr"),
    5: ("мамыр", "мая", "май", "may"), 6: ("маусым", "июн", "june", "jun"),
    7: ("шілде", "июл", "july", "jul"), 8: ("тамыз", "август", "august", "aug"),
    9: ("қыркүйек", "сентябр", "september", "sept", "sep"), 10: ("қазан", "октябр", "october", "oct"),
    11: ("қараша", "ноябр", "november", "nov"), 12: ("желтоқсан", "декабр", "december", "dec"),
}
_STEM_TO_MONTH = {stem: m for m, stems in _MONTHS.items() for stem in stems}
_MONTH = "(" + "|".join(sorted(map(re.escape, _STEM_TO_MONTH), key=len, reverse=True)) + r")\w*\.?"

_PATTERNS = (
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")),
    ("ymd", re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")),
    # 2024 жылғы 12 наурыз / 2024 ж. 12 наурыз
    ("y_d_month", re.compile(r"(?<!\d)(\d{4})\s*(?:ж\.|жыл\w*)?\s+(\d{1,2})\s*[-‑]?\s*" + _MONTH, re.I)),
    ("d_month_y", re.compile(r"(?<!\d)(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})(?!\d)", re.I)),
    ("month_d_y", re.compile(r"(?<![\w])" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.I)),
)


def _month(word: str) -> int | None:
    w = word.casefold().rstrip(".")
    for stem in sorted(_STEM_TO_MONTH, key=len, reverse=True):
        if w.startswith(stem):
            return _STEM_TO_MONTH[stem]
    return None


def _make(y: int, m: int | None, d: int) -> dt.date | None:
    if m is None or not 1990 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str | None) -> list[tuple[dt.date, int, int]]:
    """Every date in `text`, with its span, in order of position; overlapping readings keep the first."""
    found: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text or ""):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groups()
            if kind == "dmy":
                date = _make(int(g[2]), int(g[1]), int(g[0]))
            elif kind == "ymd":
                date = _make(int(g[0]), int(g[1]), int(g[2]))
            elif kind == "y_d_month":
                date = _make(int(g[0]), _month(g[2]), int(g[1]))
            elif kind == "d_month_y":
                date = _make(int(g[2]), _month(g[1]), int(g[0]))
            else:
                date = _make(int(g[2]), _month(g[0]), int(g[1]))
            if date:
                found.append((date, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


def parse_dates(text: str | None) -> list[dt.date]:
    return [d for d, _, _ in find_dates(text)]


# "Updated", in the words the three versions use, followed closely by the date it names.
_UPDATED = re.compile(
    r"(обновлено|обновлен[аы]?|дата обновления|последнее обновление|дата изменения|изменено|"
    r"жаңартылды|жаңартылған күні|жаңартылған|соңғы жаңарту|жаңарту күні|өзгертілген күні|"
    r"last updated|updated|last modified|modified|date of update)", re.I)


def updated_dates(text: str | None) -> list[dt.date]:
    out = []
    for m in _UPDATED.finditer(text or ""):
        window = text[m.end(): m.end() + 60]
        dates = find_dates(window)
        if dates:
            out.append(dates[0][0])
    return out


def run_date(run: dict | None) -> dt.date | None:
    """The day the site was captured (run.json captured_at), the reference for every age."""
    raw = (run or {}).get("captured_at") or (run or {}).get("started_at")
    if not raw:
        return None
    try:
        return dt.datetime.fromisoformat(str(raw).replace("Z", "+00:00")).date()
    except ValueError:
        return None
