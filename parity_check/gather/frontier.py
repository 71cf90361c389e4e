"""Which URLs the crawl visits: in scope, allowed by robots.txt, once each, within the limits, and not into
crawler traps (endless calendars and paging). No browser here: the frontier is plain bookkeeping.

A page is admitted together with its counterparts in the other languages (by the URL pattern the site
uses), so when the page limit cuts a crawl short it cuts whole pages, not one language of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit, parse_qsl

from ..models import normalise_url
from ..urls import in_scope, is_document, language_of_url, page_key, url_for_language

MAX_URL_LENGTH = 400
MAX_QUERY_VARIANTS = 30  # distinct query strings for one path and one set of parameter names
MAX_SEGMENT_REPEATS = 3  # /a/b/a/b/a/b/... is a relative-link loop, not content


@dataclass
class Admitted:
    url: str
    lang: str | None
    depth: int
    parent: str | None


@dataclass
class Frontier:
    languages: tuple[str, ...]
    hosts: frozenset[str]
    max_pages: int
    max_depth: int
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    url_codes: dict[str, str] = field(default_factory=dict)
    allowed: Callable[[str], bool] = lambda url: True  # robots.txt
    admitted: dict[tuple[str, str | None], Admitted] = field(default_factory=dict)
    over_limit: set[str] = field(default_factory=set)
    trapped: set[str] = field(default_factory=set)
    disallowed: set[str] = field(default_factory=set)
    _variants: dict[tuple, set[str]] = field(default_factory=dict)

    @staticmethod
    def key(url: str, lang: str | None) -> tuple[str, str | None]:
        # page_key drops the language part, so /kz/x and /kk/x (or ?lang=kz and ?lang=kk) are one page
        return (page_key(url) if lang else normalise_url(url), lang)

    def lang_for(self, url: str, fallback: str | None) -> str | None:
        found = language_of_url(url)
        return found.lang if found and found.lang in self.languages else fallback

    def wants(self, url: str) -> bool:
        return in_scope(url, self.hosts, self.include, self.exclude) and not is_document(url)

    def _is_trap(self, url: str) -> bool:
        if len(url) > MAX_URL_LENGTH:
            return True
        parts = urlsplit(normalise_url(url))
        segments = [s for s in parts.path.split("/") if s]
        if any(segments.count(s) > MAX_SEGMENT_REPEATS for s in set(segments)):
            return True
        if parts.query:
            names = tuple(sorted({k for k, _ in parse_qsl(parts.query)} - {"lang", "language", "locale"}))
            if names:
                seen = self._variants.setdefault((parts.netloc, parts.path, names), set())
                seen.add(parts.query)
                return len(seen) > MAX_QUERY_VARIANTS
        return False

    def admit(self, url: str, lang: str | None, depth: int, parent: str | None) -> list[Admitted]:
        """Returns the URLs newly admitted: the page and its language counterparts."""
        url = url.split("#")[0]
        if depth > self.max_depth:
            return []
        if not self.allowed(url):
            self.disallowed.add(normalise_url(url))
            return []
        if self._is_trap(url):
            self.trapped.add(normalise_url(url))
            return []
        group = [(url, lang)]
        for other in self.languages:
            if other != lang:
                twin = url_for_language(url, other, self.url_codes)
                if twin and self.allowed(twin):
                    group.append((twin, other))
        fresh = [(u, l) for u, l in group if self.key(u, l) not in self.admitted]
        if not fresh:
            return []
        if len(self.admitted) + len(fresh) > self.max_pages:
            self.over_limit.update(normalise_url(u) for u, _ in fresh)
            return []
        out = []
        for u, l in fresh:
            entry = Admitted(u, l, depth, parent)
            self.admitted[self.key(u, l)] = entry
            out.append(entry)
        return out
