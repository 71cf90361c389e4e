"""Which URLs the crawl visits: in scope, allowed by robots.txt, once each, within the limits, not into
crawler traps (endless calendars and paging), and never on a private or loopback address unless the target
itself is on one. No browser here: the frontier is plain bookkeeping.

A page is admitted together with its counterparts in the other languages (by the URL pattern the site
uses), so when the page limit cuts a crawl short it cuts whole pages, not one language of them.

Links come from hostile pages: a URL that cannot even be parsed (`http://[::1`, a port of 99999) is
refused here, not allowed to raise inside the crawl.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit, parse_qsl

from ..models import normalise_url
from ..urls import LANG_PARAMS, host_of, in_scope, is_document, language_of_url, page_key, url_for_language

MAX_URL_LENGTH = 400
MAX_QUERY_VARIANTS = 30  # distinct query strings for one path and one set of parameter names
MAX_SEGMENT_REPEATS = 3  # /a/b/a/b/a/b/... is a relative-link loop, not content
MAX_REFUSED_HOSTS = 100  # hosts remembered with the reason they were refused (the run's facts)


def address_class(host: str) -> str | None:
    """"loopback", "private" (any address that is not globally routable: RFC 1918, link-local, CGNAT,
    unique-local, reserved, multicast) or None (a public address, or a name other than localhost). Names are not
    resolved here; the browser's guard (session.py) resolves the hosts of the pages it navigates to."""
    host = (host or "").strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return None
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    # is_global calls multicast (224.0.0.0/4, ff00::/8) global; no page has business there either
    return None if ip.is_global and not ip.is_multicast else "private"


def refused_address(url_or_host: str, allowed_class: str | None) -> str | None:
    """Why a URL's host must not be requested (None: it may be). A loopback target may reach loopback
    hosts and a private one private hosts: the operator's own network, not a page's choice."""
    host = host_of(url_or_host) if "/" in url_or_host else url_or_host
    found = address_class(host)
    if found is None or found == allowed_class:
        return None
    return f"{found} address"


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
    target_class: str | None = None  # address_class of the target: which non-public hosts it may reach
    refused_hosts: dict[str, str] = field(default_factory=dict)  # host -> why (outside scope, private address)
    refused_links: int = 0
    _variants: dict[tuple, set[str]] = field(default_factory=dict)

    @staticmethod
    def key(url: str, lang: str | None) -> tuple[str, str | None]:
        # page_key drops the language part, so /kz/x and /kk/x (or ?lang=kz and ?lang=kk) are one page
        return (page_key(url) if lang else normalise_url(url), lang)

    def lang_for(self, url: str, fallback: str | None) -> str | None:
        found = language_of_url(url)
        return found.lang if found and found.lang in self.languages else fallback

    def wants(self, url: str) -> bool:
        """Should a link be followed? Refused hosts are remembered with the reason (facts of the run)."""
        try:
            normalise_url(url)  # raises for what no request could be made from (a port of 99999)
            web = urlsplit(url).scheme in ("http", "https")
            why = refused_address(url, self.target_class) if web else None
            if why is None and web and host_of(url) not in self.hosts:
                why = "outside the site's scope"
            if why:
                self._refuse(url, why)
                return False
            return in_scope(url, self.hosts, self.include, self.exclude) and not is_document(url)
        except ValueError:  # unparseable (a bad port, a broken IPv6 literal): nothing to visit
            self.refused_links += 1
            return False

    def _refuse(self, url: str, why: str) -> None:
        self.refused_links += 1
        host = host_of(url)
        if host in self.refused_hosts or len(self.refused_hosts) < MAX_REFUSED_HOSTS:
            self.refused_hosts[host] = why

    def _is_trap(self, url: str) -> bool:
        if len(url) > MAX_URL_LENGTH:
            return True
        parts = urlsplit(normalise_url(url))
        segments = [s for s in parts.path.split("/") if s]
        if any(segments.count(s) > MAX_SEGMENT_REPEATS for s in set(segments)):
            return True
        if parts.query:
            # the language versions of one page are one variant, not three
            pairs = tuple(sorted((k, v) for k, v in parse_qsl(parts.query) if k.lower() not in LANG_PARAMS))
            names = tuple(sorted({k for k, _ in pairs}))
            if names:
                seen = self._variants.setdefault((parts.netloc, parts.path, names), set())
                if pairs in seen:
                    return False
                if len(seen) >= MAX_QUERY_VARIANTS:
                    return True
                seen.add(pairs)
        return False

    def admit(self, url: str, lang: str | None, depth: int, parent: str | None) -> list[Admitted]:
        """Returns the URLs newly admitted: the page and its language counterparts."""
        url = url.split("#")[0]
        if depth > self.max_depth:
            return []
        try:
            normalise_url(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"not a web page address: {url!r}")
        except ValueError:
            self.refused_links += 1
            return []
        why = refused_address(url, self.target_class)
        if why:
            self._refuse(url, why)
            return []
        if self.key(url, lang) in self.admitted:
            return []  # seen before: neither a new page nor a new trap variant
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
