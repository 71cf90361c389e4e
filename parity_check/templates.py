"""Which pages share a template, and which element of a template a selector names.

A site is built from a few templates: every news item is the same page with other words in it. A defect of a
template shows on every page built from it, and is one thing to fix, so the reports group findings by
template (report/digest.py). This module is the one place that says what a template is; it needs no browser.

For now a page's template is known from its URL alone: the path and query with the parts that name one item
(numbers, dates, long hexadecimal or UUID keys, long slugs) replaced by a placeholder, so `/kz/news/123` and
`/kz/news/124/` are both pages of `/kz/news/:id`. The language stays part of the pattern (`/kz/` and `/ru/`,
`?lang=kk` and `?lang=ru` are different templates): each language version is its own set of pages, with its
own texts to fix. Issue 17 (whole-site sampling) will pass a DOM skeleton of the rendered page as well, for
sites whose URLs say nothing (`/index.php?p=17`); callers already go through `template_of`, so that changes
nothing else.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from .models import normalise_url, stable_locator

ITEM = ":id"
SLUG = ":slug"
_NUMBERED = re.compile(r"^(?=.*\d)[\d._,-]+$")  # 123, 2025-05-01, 1.2.3
_HEX_KEY = re.compile(r"^(?=.*\d)(?=.*[a-f])[0-9a-f-]{8,}$", re.I)  # 5f3a9c1e..., UUIDs
_ENDS_IN_NUMBER = re.compile(r"^[^\W\d_]+[-_](?=.*\d)[\d-]+$")  # news-123, item_42
_SLUG_MIN_WORDS = 4  # "efficiency-evaluation" is a section; "v-regione-postroyat-shkoly" is one item's title


def _segment(part: str) -> str:
    if _NUMBERED.match(part) or _HEX_KEY.match(part) or _ENDS_IN_NUMBER.match(part):
        return ITEM
    words = [w for w in re.split(r"[-_+]|%20", part) if w]
    if len(words) >= _SLUG_MIN_WORDS:
        return SLUG
    return part


def template_of(url: str, skeleton: str | None = None) -> str:
    """The template a page is built from, as a URL pattern: `https://host/kz/news/:id`,
    `https://www.gov.kz/memleket/entities/edu/press/news/details/:id?lang=kk`.

    `skeleton` is reserved for issue 17 (a digest of the rendered page's structure); it is not used yet."""
    del skeleton  # the URL is all a template is known by until pages bring their skeleton
    parts = urlsplit(normalise_url(url))
    path = "/".join(_segment(p) if p else p for p in parts.path.split("/"))
    query = "&".join(f"{k}={_segment(v) if v else v}" for k, v in parse_qsl(parts.query, keep_blank_values=True))
    return f"{parts.scheme}://{parts.netloc}{path}" + (f"?{query}" if query else "")


_ATTRIBUTE_VALUE = re.compile(r"""\[\s*([\w:-]+)\s*[~|^$*]?=\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\]\s]+)\s*(?:[is]\s*)?\]""")
_NUMBERED_NAME = re.compile(r"(?<=[-_])\d+\b")


def element_of(selector: str | None) -> str:
    """The element of a template a selector names, the same on every page built from it: the selector
    without list positions (as the fingerprint's locator), attribute values (axe-core names an image by
    its `src`, which differs on every news item) and numbers in ids and classes (`#news-123`)."""
    base = stable_locator(selector)
    base = _ATTRIBUTE_VALUE.sub(lambda m: f"[{m.group(1)}]", base)
    return _NUMBERED_NAME.sub("", base)
