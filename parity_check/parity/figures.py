"""Figures stated in a text (amounts, counts, percentages, phone numbers), read the same way in kk, ru and en.

    "1 234,5 млн теңге" (kk/ru: space thousands, decimal comma) == "1,234.5 million tenge" (en) -> 1234500000
    "+7 (7232) 12-34-56" == "8 7232 123456" -> tel:7232123456

Dates are taken out first (dates.py compares them), and so are times of day, URLs, e-mails and view
counters: a "Просмотров: 120" that differs between versions is not a translation defect.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from .dates import iter_dates

_URL_OR_MAIL = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_TIME = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?!\d)")
_PHONE = re.compile(r"(?<![\d\w])(?:\+7|8)[\s\u00a0-]*\(?\d{3,5}\)?(?:[\s\u00a0-]*\d){5,7}(?!\d)")
# Counters and update stamps that legitimately differ per language version.
_COUNTER = re.compile(r"(просмотр\w*|қаралым\w*|қаралды|көрілді|views?|viewed|hits?|👁)\s*:?\s*[\d\s\u00a0]+",
                      re.I)
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)*")
_SCALE_WORDS = {
    "млрд": 10**9, "миллиард": 10**9, "billion": 10**9, "bn": 10**9,
    "млн": 10**6, "миллион": 10**6, "million": 10**6, "mln": 10**6,
    "тыс": 10**3, "мың": 10**3, "thousand": 10**3, "тысяч": 10**3,
}
_SCALE = re.compile(r"\s*(" + "|".join(sorted(_SCALE_WORDS, key=len, reverse=True)) + r")", re.I)


def _value(raw: str, lang: str | None) -> Decimal | None:
    s = raw.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in s and "." in s:  # both marks: the last one is the decimal mark
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(",", ".")
    elif s.count(",") > 1 or s.count(".") > 1:  # 1,234,567 or 1.234.567: grouping
        s = s.replace(",", "").replace(".", "")
    elif "," in s:
        whole, frac = s.split(",")
        # English writes thousands with a comma; kk and ru write a decimal comma.
        s = whole + frac if lang == "en" and len(frac) == 3 else f"{whole}.{frac}"
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _canonical(v: Decimal) -> str:
    text = format(v.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _blank(text: str, spans) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def find_figures(text: str, lang: str | None = None) -> list[str]:
    """The figures of `text` as canonical strings ("1500000", "12.5", "tel:7232123456"), in order."""
    if not text:
        return []
    text = _blank(text, [span for _, span in iter_dates(text)])
    text = _blank(text, [m.span() for p in (_URL_OR_MAIL, _TIME, _COUNTER) for m in p.finditer(text)])
    out = []
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        out.append("tel:" + digits[-10:])
    text = _blank(text, [m.span() for m in _PHONE.finditer(text)])
    for m in _NUMBER.finditer(text):
        raw = m.group().rstrip(".,")
        value = _value(raw, lang)
        if value is None:
            continue
        scale = _SCALE.match(text, m.end())
        if scale:
            value *= _SCALE_WORDS[scale.group(1).lower()]
        out.append(_canonical(value))
    return out


def differing(a: list[str], b: list[str]) -> tuple[list[str], list[str]] | None:
    """The figures each side states that the other does not, when BOTH sides have some: a substitution
    ("15" here, "12" there). A figure merely left out (a shorter translation, a number written in words)
    is not a difference in figures. None when the figures agree."""
    ca, cb = Counter(a), Counter(b)
    only_a, only_b = sorted((ca - cb).elements()), sorted((cb - ca).elements())
    return (only_a, only_b) if only_a and only_b else None
