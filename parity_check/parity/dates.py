"""Dates written the kk, ru and en ways, read as one calendar date, so items can be compared across languages.

    12.03.2024 · 2024-03-12 · 12 наурыз 2024 ж. · 2024 жылғы 12 наурыз · 12 марта 2024 г. · March 12, 2024 ·
    12 March 2024 · 12 naýryz 2024 (Latin-script Kazakh)

Numeric dates are read day first (the convention of all three versions of Kazakh state sites); a US-style
03/12/2024 is read month first only when the day-first reading is impossible.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

# Month stems by month number. A stem matches the start of a word, so inflected forms ("наурызда",
# "наурыздағы", "марта", "Mar.") are read too. Order inside a tuple does not matter.
_MONTH_STEMS: dict[int, tuple[str, ...]] = {
    1: ("қаңтар", "qańtar", "qantar", "январ", "january", "jan"),
    2: ("ақпан", "aqpan", "феврал", "february", "feb"),
    3: ("наурыз", "naýryz", "nauryz", "март", "march", "mar"),
    4: ("сәуір", "sáýir", "sauir", "сауир", "апрел", "april", "apr"),
    5: ("мамыр", "mamyr", "мая", "май", "may"),
    6: ("маусым", "maýsym", "mausym", "июн", "june", "jun"),
    7: ("шілде", "shilde", "июл", "july", "jul"),
    8: ("тамыз", "tamyz", "август", "august", "aug"),
    9: ("қыркүйек", "qyrkúiek", "qyrkuiek", "сентябр", "september", "sept", "sep"),
    10: ("қазан", "qazan", "октябр", "october", "oct"),
    11: ("қараша", "qarasha", "ноябр", "november", "nov"),
    12: ("желтоқсан", "jeltoqsan", "декабр", "december", "dec"),
}
# Longest stems first, so "sept" wins over "sep" and "мая" is not read as a prefix of something longer.
_STEMS = sorted(((stem, m) for m, stems in _MONTH_STEMS.items() for stem in stems), key=lambda s: -len(s[0]))
# Short English abbreviations and "май"/"мая" must be whole words (or the abbreviation with a dot):
# "mar" must not match "market", "may" must not match "mayor".
_WHOLE_WORD = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
               "мая", "май", "qazan", "қазан"}

_WORD = r"[^\W\d_]+\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:-?(?:st|nd|rd|th|ші|шы|сі|сы|і|ы|го|е))?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_PATTERNS = [
    # 12.03.2024, 12/03/2024, 12-03-2024
    re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)[./-](?P<b>[0-3]?\d)[./-]" + _YEAR + r"(?![\d])"),
    # 2024-03-12, 2024.03.12
    re.compile(r"(?<![\d.])" + _YEAR + r"[-./](?P<m>[01]?\d)[-./](?P<d>[0-3]?\d)(?![\d])"),
    # 2024 жылғы 12 наурыз, 2024 ж. 12 наурызда
    re.compile(r"(?<!\d)" + _YEAR + r"\s*(?:жылғы|жылы|ж\.?)?\s*" + _DAY + r"\s+(?P<mon>" + _WORD + r")", re.I),
    # 12 наурыз 2024, 12 марта 2024 г., 12 March 2024, 12-ші наурыз 2024
    re.compile(r"(?<!\d)" + _DAY + r"\s+(?P<mon>" + _WORD + r")\s*,?\s*" + _YEAR, re.I),
    # March 12, 2024; Mar. 12 2024
    re.compile(r"(?P<mon>" + _WORD + r")\s+" + _DAY + r",?\s+" + _YEAR, re.I),
]


def month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for stem, month in _STEMS:
        if stem in _WHOLE_WORD:
            if w == stem:
                return month
        elif w.startswith(stem):
            return month
    return None


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def iter_dates(text: str) -> Iterator[tuple[dt.date, tuple[int, int]]]:
    """Every date in `text` with its (start, end) span; spans never overlap (earlier patterns win)."""
    taken: list[tuple[int, int]] = []
    found = []
    for i, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            span = m.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            g = m.groupdict()
            y = int(g["y"])
            if i == 0:
                a, b = int(g["a"]), int(g["b"])
                date = _make(y, b, a) or _make(y, a, b)  # day first; month first only if that is impossible
            elif i == 1:
                date = _make(y, int(g["m"]), int(g["d"]))
            else:
                month = month_of(g["mon"])
                date = _make(y, month, int(g["d"])) if month else None
            if date:
                taken.append(span)
                found.append((span[0], date, span))
    for _, date, span in sorted(found, key=lambda f: f[0]):
        yield date, span


def find_dates(text: str) -> list[dt.date]:
    return [d for d, _ in iter_dates(text or "")]
