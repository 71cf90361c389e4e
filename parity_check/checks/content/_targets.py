"""What the `links` site artifact (and, without it, the crawl) says about a link or image target, and
whether that makes it broken. Shared by broken-link, broken-image and scanned-document."""
from __future__ import annotations

from urllib.parse import urlsplit

from ...models import normalise_url
from ...not_found import OUTCOME as NOT_FOUND
from ...urls import in_scope
from ._sections import page_index

# Answers that may be the checker's problem, not the visitor's: log-ins, bot walls, rate limits.
_MAYBE_FOR_US_ONLY = (401, 403, 407, 429, 451)


def target_of(href: str | None) -> str | None:
    """As the links gatherer keys its targets: http(s) only, no fragment."""
    if not href:
        return None
    parts = urlsplit(href.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts._replace(fragment="").geturl()


def site_data(ctx, name: str, key: str) -> dict:
    data = (ctx.site or {}).get(name) or {}
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


class Targets:
    """Looks targets up in the links artifact, falling back on the crawl's own page statuses."""

    def __init__(self, ctx):
        self.checked = site_data(ctx, "links", "targets")
        links = (ctx.site or {}).get("links")
        self.offline = bool(isinstance(links, dict) and links.get("external_unreachable"))
        self.crawl = page_index(ctx)
        self.index = ctx.index
        self.hosts = _site_hosts(ctx)

    def entry(self, url: str) -> dict | None:
        rec = self.crawl.get(normalise_url(url))
        if rec is not None and rec.outcome == NOT_FOUND:  # answered 200, says it does not exist (not_found.py)
            if self._other_version_exists(rec):
                return None  # a missing language version: reported once, on its page (parity/absence.py)
            return {"status": rec.status, "error": rec.error, "final_url": rec.final_url, "source": "crawl",
                    "in_scope": True, "soft_404": True}
        if url in self.checked:
            return self.checked[url]
        if rec is not None and rec.status is not None:
            return {"status": rec.status, "error": rec.error, "final_url": rec.final_url, "source": "crawl",
                    "in_scope": True}
        return None

    def _other_version_exists(self, record) -> bool:
        group = self.index.group_by_key.get(self.index.root_of(record))
        return bool(group) and any(v.outcome == "audited" for v in group.versions.values())

    def network_failure(self, entry: dict | None, internal: bool) -> bool:
        """Another site not answering while the checker could reach no other site: our network, not a finding."""
        return bool(entry and not internal and entry.get("status") is None
                    and (self.offline or entry.get("not_checked")))

    def internal(self, url: str, entry: dict | None) -> bool:
        if entry and "in_scope" in entry:
            return bool(entry["in_scope"])
        return in_scope(url, self.hosts)


def _site_hosts(ctx) -> set[str]:
    hosts = set(ctx.index.hosts)
    target = urlsplit(str((ctx.run or {}).get("target") or "")).hostname
    if target:
        hosts.add(target.lower())
    return hosts | {h[4:] for h in hosts if h.startswith("www.")} | {f"www.{h}" for h in hosts}


def verdict(entry: dict | None, internal: bool) -> tuple[str, str] | None:
    """(outcome, reason) when the target is broken or may be; None when it answered or was not asked.
    Own pages failing are violations; other sites failing in ways that may only concern an automated
    visitor (bot walls, our own network) are left for a person."""
    if not entry or entry.get("blocked") or entry.get("loaded") or entry.get("not_checked"):
        return None
    if entry.get("soft_404"):
        return "violation", "soft_404"
    status, error = entry.get("status"), entry.get("error")
    if status is None:
        if not error:
            return None
        return ("violation" if internal else "incomplete"), "no_answer"
    if status < 400:
        return None
    if status in _MAYBE_FOR_US_ONLY:
        return "incomplete", "status"
    if internal or status in (404, 410):
        return "violation", "status"
    return "incomplete", "status"
