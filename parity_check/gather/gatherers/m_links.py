"""Every link target and image the audited pages point to, checked once: does it answer, and with what.

Runs after the crawl (a site gatherer; before `documents`, which imports this module). Targets the crawl
already rendered reuse the crawl's answer, images the page itself loaded need no request; the rest get a
HEAD (confirmed with GET when HEAD fails with a status: many servers mishandle HEAD) through Playwright's
request API, a few at a time, within a time budget. Out-of-scope targets are only asked whether they answer, never crawled. Addresses
on private or loopback networks are never requested unless the audited site itself is on one, and then only
those of its own kind (so a public page cannot make the checker probe the network it runs in): the rule of
the crawl and the browser, the session's NetworkGuard. Redirects are followed by hand so each hop is held
to that rule.

The helpers here (`PoliteFetcher`, `fetch_guard`, `add_targets`) are shared with m_documents.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

from ...models import normalise_url
from ...urls import host_of, in_scope, is_document
from ..registry import site_gatherer
from ..session import NetworkGuard, guard_for

MAX_TARGETS = 2000
CONCURRENCY = 4
TIMEOUT_MS = 15000
MAX_RETRIES = 2  # after the first try, on 429 and 5xx only
MAX_BACKOFF_S = 8.0
MAX_REDIRECTS = 10
MAX_REFERRERS = 10
MAX_SECONDS = 300  # the whole link check; targets not reached by then are listed as not checked
# Other sites failing at the network level this many times with none answering: the checker is offline (a
# sandbox, a firewall), not the links broken; the rest are not asked and the checks leave them alone.
OFFLINE_AFTER = 3
HOST_FAILURES = 3  # a host that failed to answer this many times running is not asked again
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# Asked with GET, a link check needs only the first bytes; servers that ignore Range send it all anyway.
PROBE_RANGE = "bytes=0-65535"
# Stronger kinds win when one URL is used several ways (a thumbnail that links to its PDF).
KIND_RANK = {"link": 0, "image": 1, "document": 2}


def short_error(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return f"{type(e).__name__}: {msg}"[:300]


def target_of(href: str | None) -> str | None:
    """The URL a link or image points to, as requested: http(s) only, no fragment."""
    if not href:
        return None
    parts = urlsplit(href.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts._replace(fragment="").geturl()


async def fetch_guard(session, plan) -> NetworkGuard:
    """The guard the crawl and the browser use (set_target made it for this run's target at its start);
    one built from the plan's target when the session has none for it."""
    guard = getattr(session, "guard", None)
    if guard is not None and getattr(session, "guard_target", None) == plan.target:
        return guard
    return await guard_for(plan.target)


class PoliteFetcher:
    """Requests through one Playwright APIRequestContext: bounded concurrency, a timeout per request,
    back-off retries on 429/5xx, redirects followed by hand with the guard's address rule at each hop."""

    def __init__(self, request: Any, guard: NetworkGuard, concurrency: int = CONCURRENCY,
                 timeout_ms: int = TIMEOUT_MS, sleep=asyncio.sleep, pacer: Any = None):
        self.request = request
        self.pacer = pacer  # crawl.HostPacer: the crawl's per-host request rate holds for us too
        self.guard = guard  # session.NetworkGuard: which non-public addresses this run may reach
        self.timeout_ms = timeout_ms
        self.sleep = sleep
        self.semaphore = asyncio.Semaphore(concurrency)
        self._failures: dict[str, int] = {}  # host -> network failures in a row

    async def fetch(self, url: str, method: str = "HEAD", headers: dict | None = None,
                    want_body: bool = False) -> dict:
        """One request with redirects and retries. Returns {status, error, content_type, content_length,
        final_url, redirects, headers, body?}; never raises."""
        hops: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            why = await self.guard.refuses(current)
            if why:
                return {"status": None, "error": f"not requested: {why}",
                        "final_url": current, "redirects": hops, "blocked": True}
            result = await self._with_retries(current, method, headers, want_body)
            location = (result.get("headers") or {}).get("location")
            if result.get("status") in REDIRECT_STATUSES and location:
                hops.append(current)
                current = urljoin(current, location)
                continue
            result.update(final_url=current, redirects=hops)
            return result
        return {"status": None, "error": f"more than {MAX_REDIRECTS} redirects", "final_url": current,
                "redirects": hops}

    async def _with_retries(self, url: str, method: str, headers: dict | None, want_body: bool) -> dict:
        attempt = 0
        while True:
            result = await self._once(url, method, headers, want_body)
            status = result.get("status")
            if status is None or not (status == 429 or status >= 500) or attempt >= MAX_RETRIES:
                result["attempts"] = attempt + 1
                return result
            attempt += 1
            await self.sleep(_backoff(attempt, (result.get("headers") or {}).get("retry-after")))

    async def _once(self, url: str, method: str, headers: dict | None, want_body: bool) -> dict:
        call = self.request.head if method == "HEAD" else self.request.get
        host = host_of(url)
        async with self.semaphore:
            if self._failures.get(host, 0) >= HOST_FAILURES:
                # one dead host must not eat the time budget, one timeout per link
                return {"status": None, "error": f"not requested: {host} stopped answering", "method": method}
            if self.pacer is not None:
                await self.pacer.wait(url)
            try:
                resp = await call(url, headers=headers or None, timeout=self.timeout_ms,
                                  fail_on_status_code=False, max_redirects=0)
            except Exception as e:
                self._failures[host] = self._failures.get(host, 0) + 1
                return {"status": None, "error": short_error(e), "method": method}
            self._failures[host] = 0
            try:
                head = {k.lower(): v for k, v in (resp.headers or {}).items()}
                out = {"status": resp.status, "error": None, "method": method, "headers": head,
                       "content_type": (head.get("content-type") or "").split(";")[0].strip().lower() or None,
                       "content_length": _int(head.get("content-length"))}
                if want_body and resp.status < 300:
                    out["body"] = await resp.body()
                return out
            except Exception as e:
                return {"status": None, "error": short_error(e), "method": method}
            finally:
                try:
                    await resp.dispose()
                except Exception:
                    pass

    async def probe(self, url: str) -> dict:
        """Does `url` answer? HEAD first; a HEAD that fails (405/501 and, as often, a mishandled 4xx/5xx)
        is asked again with a short GET before the target is called broken."""
        result = await self.fetch(url, "HEAD")
        if result.get("blocked"):
            return result
        status, error = result.get("status"), result.get("error") or ""
        # a timeout or an unresolvable name will not change with the method; a refused HEAD may
        if (status is not None and status >= 400) or (status is None and not _unreachable(error)):
            again = await self.fetch(url, "GET", headers={"Range": PROBE_RANGE})
            if not again.get("blocked"):
                result = again
        if result.get("status") == 206:  # answered a ranged GET: the target is fine
            result["content_length"] = _range_total(result.get("headers") or {}) or result.get("content_length")
        return result


_UNREACHABLE = ("timeout", "err_name_not_resolved", "enotfound", "eai_again", "getaddrinfo", "stopped answering",
                "err_internet_disconnected", "enetunreach", "ehostunreach", "err_address_unreachable")


def _unreachable(error: str) -> bool:
    e = error.lower()
    return any(word in e for word in _UNREACHABLE)


def _backoff(attempt: int, retry_after: str | None) -> float:
    try:
        wait = float(retry_after) if retry_after else 0.5 * 2 ** attempt
    except ValueError:  # an HTTP date: honour it no more than our own cap
        wait = MAX_BACKOFF_S
    return max(0.0, min(wait, MAX_BACKOFF_S))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _range_total(headers: dict) -> int | None:
    value = headers.get("content-range") or ""
    return _int(value.rsplit("/", 1)[-1]) if "/" in value else None


def add_status(out: dict[str, dict], p: Any) -> None:
    """Notes what the crawl learnt of one page: normalised URL -> {status, error, final_url}."""
    if p.mode != "normal" or p.status is None:
        return
    known = {"status": p.status, "error": p.error, "final_url": p.final_url or p.url}
    for u in (p.url, p.final_url):
        if u:
            out.setdefault(normalise_url(u), known)


def add_targets(targets: dict[str, dict], page: Any) -> None:
    """Adds what one audited page links to and shows: url -> {kind, referrers, langs, loaded_in_page,
    broken_in_page}. Only these facts are kept, never the record."""
    if page.outcome != "audited":
        return

    def add(url: str, kind: str) -> dict:
        t = targets.setdefault(url, {"kind": kind, "referrers": [], "langs": set()})
        if KIND_RANK[kind] > KIND_RANK[t["kind"]]:
            t["kind"] = kind
        if page.url not in t["referrers"] and len(t["referrers"]) < MAX_REFERRERS:
            t["referrers"].append(page.url)
        if page.lang:
            t["langs"].add(page.lang)
        return t

    dom = page.get("dom") or {}
    for link in dom.get("links", []):
        url = target_of(link.get("href"))
        if url:
            add(url, "document" if is_document(url) else "link")
    for img in dom.get("images", []):
        url = target_of(img.get("src"))
        if not url:
            continue
        t = add(url, "image")
        if img.get("complete") and img.get("natural_width"):
            t["loaded_in_page"] = True
        elif img.get("complete"):
            t["broken_in_page"] = True


def targets_and_statuses(pages: Iterable[Any]) -> tuple[dict[str, dict], dict[str, dict]]:
    """What the pages link to and show (add_targets) and what the crawl learnt of each (add_status), in one
    pass over a stream of records (store.iter_pages()), keeping only those facts: the run's memory must not
    grow with the number of pages."""
    targets: dict[str, dict] = {}
    statuses: dict[str, dict] = {}
    for page in pages:
        add_targets(targets, page)
        add_status(statuses, page)
    return targets, statuses


def _offline(outside: dict) -> bool:
    return outside["answered"] == 0 and outside["unreachable"] >= OFFLINE_AFTER


async def each_in_turn(items: list, work, workers: int = CONCURRENCY) -> None:
    """`work(item)` for every item, `workers` at a time, in order: a deadline checked inside `work` then
    cuts the tail of the list, not a random half of it."""
    pending = iter(items)

    async def worker():
        for item in pending:
            await work(item)

    await asyncio.gather(*(worker() for _ in range(workers)))


def _order(targets: dict[str, dict], hosts) -> list[str]:
    """Own pages and documents first, then images, then other sites: what the cap keeps matters most."""
    def rank(url: str) -> tuple:
        t = targets[url]
        return (0 if in_scope(url, hosts) else 1, -KIND_RANK[t["kind"]], url)
    return sorted(targets, key=rank)


async def check_targets(targets: dict[str, dict], fetcher: PoliteFetcher, hosts, crawl: dict[str, dict],
                        max_targets: int = MAX_TARGETS, max_seconds: float = MAX_SECONDS) -> dict:
    started = time.monotonic()
    ordered = _order(targets, hosts)
    kept, over = ordered[:max_targets], ordered[max_targets:]
    results: dict[str, dict] = {}
    late: list[str] = []
    outside = {"answered": 0, "unreachable": 0}

    async def one(url: str) -> None:
        t = targets[url]
        entry = {"kind": t["kind"], "referrers": t["referrers"], "langs": sorted(t["langs"]),
                 "in_scope": in_scope(url, hosts)}
        known = crawl.get(normalise_url(url)) if t["kind"] == "link" else None
        if known:
            entry.update(known, source="crawl")
        elif t["kind"] == "image" and t.get("loaded_in_page") and not t.get("broken_in_page"):
            entry.update(status=None, error=None, final_url=url, loaded=True, source="page")
        elif time.monotonic() - started > max_seconds:
            late.append(url)
            entry.update(status=None, error=None, not_checked="time budget spent")
        elif not entry["in_scope"] and _offline(outside):
            entry.update(status=None, error=None, not_checked="other sites unreachable from the checker")
        else:
            probe = await fetcher.probe(url)
            entry.update({k: probe.get(k) for k in ("status", "error", "content_type", "content_length",
                                                   "final_url", "redirects", "method", "attempts")},
                         source="request")
            if probe.get("blocked"):
                entry["blocked"] = True
            elif not entry["in_scope"]:
                outside["answered" if probe.get("status") is not None else "unreachable"] += 1
        if t.get("broken_in_page"):
            entry["broken_in_page"] = True
        results[url] = entry

    await each_in_turn(kept, one)
    return {"targets": dict(sorted(results.items())), "max_targets": max_targets,
            "limit_hit": bool(over), "over_limit": len(over), "not_checked_sample": (over + sorted(late))[:50],
            "max_seconds": max_seconds, "time_budget_hit": bool(late), "not_checked_in_time": len(late),
            "external_unreachable": _offline(outside),
            "seconds": round(time.monotonic() - started, 2)}


def host_pacer(plan) -> Any:
    from ..crawl import HostPacer  # here, not at the top: crawl loads this package's modules

    return HostPacer(getattr(plan, "rate_limit", 4.0))


@site_gatherer("links")
async def gather_links(session, store, plan) -> dict:
    targets, crawl = targets_and_statuses(store.iter_pages())
    ctx = await session.context(None, "probe")
    fetcher = PoliteFetcher(ctx.request, await fetch_guard(session, plan), pacer=host_pacer(plan))
    return await check_targets(targets, fetcher, plan.hosts, crawl)
