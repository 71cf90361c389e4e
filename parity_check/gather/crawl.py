"""Visit the pages of a site in every language and record each one in the normal and the VI mode.

Which pages: frontier.py (scope, robots.txt, limits, traps) fed by discovery.py (robots, sitemaps) and by
the links of every audited page. Each normal-mode visit queues the VI-mode visit of the same URL, which
compares its text with the normal one to tell whether the mode really switched on.
"""
from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ..artifacts import ArtifactStore, PageRecord
from ..artifacts.store import record_key
from ..models import normalise_url
from ..urls import language_of_url, host_of, page_key
from .discovery import discover
from .frontier import Frontier
from .registry import GATHERERS, SITE_GATHERERS, Visit, load_gatherers, load_js
from .session import BrowserSession

_VI_PROBE = load_js("vi_probe.js")

# Resolves once the page has no fetch/XHR in flight and its DOM has been quiet for `quiet` ms: what
# "rendered" means for a single-page app fed by a JSON API, where `load` fires on an empty shell.
_WAIT_RENDERED = """
async ({quiet, cap}) => {
  let last = Date.now();
  const obs = new MutationObserver(() => { last = Date.now(); });
  obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  const start = Date.now();
  while (Date.now() - start < cap) {
    await new Promise((r) => setTimeout(r, 50));
    if ((window.__parityInflight || 0) === 0 && Date.now() - last >= quiet) break;
  }
  obs.disconnect();
}
"""


@dataclass(frozen=True)
class CrawlPlan:
    target: str
    start_urls: tuple[str, ...]
    languages: tuple[str, ...]
    hosts: frozenset[str]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_pages: int = 200
    max_depth: int = 5
    concurrency: int = 2
    modes: tuple[str, ...] = ("normal", "vi")
    vi_steps: tuple[Any, ...] = ()  # vi_actions.Action
    vi_active_selector: str | None = None
    wait_for: str | None = None
    url_codes: dict[str, str] = field(default_factory=dict)
    settle_ms: int = 250
    timeout_ms: int = 30000
    rate_limit: float = 4.0  # page loads a second on one remote host
    resume: bool = False  # skip what artifacts/pages already holds (a run killed midway)
    shard: tuple[int, int] = (1, 1)  # (i, n): audit only the pages whose page_key hashes to shard i of n


@dataclass
class CrawlState:
    root: dict[str, Any] = field(default_factory=dict)
    discovery: dict[str, Any] = field(default_factory=dict)
    done: int = 0
    failed: int = 0


class HostPacer:
    """Politeness: at most `rate` page loads a second on one host. The state's servers are slow and
    shared; a local test site (loopback) is the operator's own and is not paced."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = asyncio.Lock()

    async def wait(self, url: str) -> None:
        host = host_of(url)
        if not self.interval or _is_loopback(host):
            return
        async with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, now))
            self._next[host] = at + self.interval
        if at > now:
            await asyncio.sleep(at - now)


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


RETRY_STATUSES = (429, 500, 502, 503, 504)
RETRY_DELAYS = (0.5, 2.0)  # seconds; a Retry-After header is honoured up to MAX_RETRY_AFTER
MAX_RETRY_AFTER = 10.0


class Crawler:
    def __init__(self, plan: CrawlPlan, session: BrowserSession, store: ArtifactStore,
                 progress: Callable[[str], None] | None = None):
        self.plan = plan
        self.session = session
        self.store = store
        self.progress = progress or (lambda _msg: None)
        self.state = CrawlState()
        self.frontier = Frontier(languages=plan.languages, hosts=plan.hosts, max_pages=plan.max_pages,
                                 max_depth=plan.max_depth, include=plan.include, exclude=plan.exclude,
                                 url_codes=plan.url_codes)
        self.pacer = HostPacer(plan.rate_limit)
        self.queue: asyncio.Queue = asyncio.Queue()
        self.normal_metrics: dict[tuple[str, str | None], dict] = {}
        # Resuming: what the journal already holds is not visited again.
        self.journal = {r.key: r for r in store.iter_pages()} if plan.resume else {}
        self._replay: list[PageRecord] = []
        self._replaying = False

    def admit(self, url: str, lang: str | None, depth: int, parent: str | None) -> None:
        for entry in self.frontier.admit(url, lang, depth, parent):
            done = self.journal.get(record_key(entry.url, entry.lang, "normal"))
            if done is not None:
                self._replay.append(done)
            else:
                self.queue.put_nowait(("normal", entry.url, entry.lang, entry.depth, entry.parent))
        self._drain_replays()

    def _drain_replays(self) -> None:
        """Resuming: pages already in the journal are not visited again, but their links are followed as
        if they had just been visited, so the frontier grows back to where the killed run left it.
        A loop, not recursion: a long chain of recorded pages must not exhaust the stack."""
        if self._replaying:
            return
        self._replaying = True
        try:
            while self._replay:
                self._after_visit(self._replay.pop(), replayed=True)
        finally:
            self._replaying = False

    def _after_visit(self, record: PageRecord, replayed: bool = False) -> None:
        self.state.done += 1
        if record.outcome == "failed":
            self.state.failed += 1
        if record.mode != "normal":
            return
        if record.outcome == "audited":
            self.normal_metrics[(normalise_url(record.url), record.lang)] = record.get("text_metrics") or {}
            if record.depth < self.plan.max_depth:
                self._follow_links(record)
        if "vi" in self.plan.modes:
            done_vi = self.journal.get(record_key(record.url, record.lang, "vi")) if replayed else None
            if done_vi is not None:
                self._after_visit(done_vi, replayed=True)
            else:
                self.queue.put_nowait(("vi", record.url, record.lang, record.depth, record.discovered_from))

    def _follow_links(self, record: PageRecord) -> None:
        dom = record.get("dom") or {}
        for link in dom.get("links", []):
            href = (link.get("href") or "").split("#")[0]
            if self.frontier.wants(href):
                self.admit(href, self.frontier.lang_for(href, record.lang), record.depth + 1, record.url)

    # -- visiting pages -------------------------------------------------------------------------------
    async def run(self) -> CrawlState:
        load_gatherers()
        await self._probe_root()
        root_lang = self.state.root.get("url_lang")
        for url in self.plan.start_urls or (self.state.root.get("final_url") or self.plan.target,):
            self.admit(url, self.frontier.lang_for(url, root_lang), 0, None)
        for url in self._sitemap_urls:
            if self.frontier.wants(url):
                self.admit(url, self.frontier.lang_for(url, None), 1, "sitemap")
        workers = [asyncio.create_task(self._worker(i)) for i in range(max(1, self.plan.concurrency))]
        await self.queue.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        for g in SITE_GATHERERS:
            self.progress(f"site: {g.name}")
            try:
                self.store.write_site_artifact(g.name, await g.run(self.session, self.store, self.plan))
            except Exception as e:  # recorded: the checks needing it report a check error, not a crash
                self.store.write_site_artifact(g.name, {"error": _short_error(e)})
        return self.state

    def facts(self) -> dict[str, Any]:
        f = self.frontier
        return {"root": self.state.root, "discovery": self.state.discovery,
                "pages_admitted": len(f.admitted), "pages_over_limit": len(f.over_limit),
                "over_limit_sample": sorted(f.over_limit)[:50], "pages_trapped": len(f.trapped),
                "trapped_sample": sorted(f.trapped)[:20], "pages_disallowed": len(f.disallowed)}

    async def _probe_root(self) -> None:
        """Open the target as a visitor would (Kazakh preferred) to learn where the root leads, and read
        robots.txt and the sitemaps."""
        page = await self.session.fresh_tab(None, "probe")
        root: dict[str, Any] = {"url": self.plan.target}
        self._sitemap_urls: list[str] = []
        try:
            found = await discover(page.context.request, self.plan.target)
            self.frontier.allowed = found.allowed
            self._sitemap_urls = found.sitemap_urls
            self.state.discovery = found.facts()
            response = await page.goto(self.plan.target, wait_until="load", timeout=self.plan.timeout_ms)
            await self._wait_rendered(page)
            root.update(status=response.status if response else None, final_url=page.url,
                        declared_lang=await page.evaluate("document.documentElement.getAttribute('lang')"),
                        redirected=normalise_url(page.url) != normalise_url(self.plan.target))
            url_lang = language_of_url(page.url)
            root["url_lang"] = url_lang.lang if url_lang else None
        except Exception as e:  # the root failing is recorded; the start URLs may still work
            root.update(error=_short_error(e))
        finally:
            await page.close()
        self.state.root = root

    async def _worker(self, worker: int) -> None:
        while True:
            mode, url, lang, depth, parent = await self.queue.get()
            try:
                record = await self._visit(worker, mode, url, lang, depth, parent)
                if record.artifacts.pop("discovery_only", False):
                    # another shard audits this page; it was rendered here only to find its links
                    if record.outcome == "audited" and record.depth < self.plan.max_depth:
                        self._follow_links(record)
                    continue
                self.store.write_page(record)
                self._after_visit(record)
                self._drain_replays()
                total = len(self.frontier.admitted) * len(self.plan.modes)
                extra = f" vi={record.get('vi', {}).get('state')}" if mode == "vi" else ""
                self.progress(f"[{self.state.done}/{total}] {record.outcome:8} {lang or '-':2} {mode:6}"
                              f"{extra} {url}" + (f"  ({record.error})" if record.error else ""))
            finally:
                self.queue.task_done()

    async def _visit(self, worker, mode, url, lang, depth, parent) -> PageRecord:
        record = PageRecord(url=url, lang=lang, mode=mode, outcome="failed", discovered_from=parent, depth=depth)
        if mode == "vi":
            normal = self.normal_metrics.get((normalise_url(url), lang))
            if normal is None:
                record.outcome = "skipped"
                record.error = "the page failed in the normal mode"
                record.artifacts["vi"] = {"state": None, "method": None}
                return record
        started = time.monotonic()
        for attempt in (1, 2):
            try:
                await self._load_and_gather(worker, record)
                break
            except Exception as e:
                record.error = _short_error(e)
                record.outcome = "failed"
                if attempt == 1 and await self.session.ensure_alive():
                    record.error = None
                    continue  # the browser died under this page: once more on a fresh one
                break
        record.timing_ms = int((time.monotonic() - started) * 1000)
        return record

    async def _load_and_gather(self, worker: int, record: PageRecord) -> None:
        page = await self.session.tab(worker, record.lang, record.mode)
        response = await self._goto_with_retries(page, record)
        record.status = response.status if response else None
        record.final_url = page.url
        if response is not None:
            chain, req = [], response.request.redirected_from
            while req is not None:
                chain.append(req.url)
                req = req.redirected_from
            if chain:
                record.artifacts["redirects"] = list(reversed(chain))
        if record.status is not None and record.status >= 400:
            record.error = f"HTTP {record.status}"
            if record.mode == "vi":
                record.artifacts["vi"] = {"state": None, "method": None}
            return
        await self._wait_rendered(page)
        if record.mode == "normal" and not in_shard(record.url, self.plan.shard):
            record.artifacts["dom"] = await self._dom_only(page, record, worker)
            record.artifacts["discovery_only"] = True
            record.outcome = "audited"
            return
        vi_active = False
        if record.mode == "vi":
            vi = await self._switch_vi_on(page, record)
            record.artifacts["vi"] = vi
            record.final_url = page.url
            vi_active = vi["state"] == "active"
            if not vi_active:
                record.outcome = "skipped"
                return
        else:
            metrics = await page.evaluate(_VI_PROBE, {"probe": "measure",
                                                      "activeSelector": self.plan.vi_active_selector})
            record.artifacts["text_metrics"] = metrics
        visit = Visit(record.url, record.lang, record.mode, vi_active, worker)
        for g in GATHERERS:
            if record.mode in g.modes:
                record.artifacts[g.name] = await g.run(page, visit)
        record.outcome = "audited"

    async def _goto_with_retries(self, page, record: PageRecord):
        """Loads the page; a 429 or 5xx answer is tried again after a pause (the server may be busy)."""
        for attempt, delay in enumerate((*RETRY_DELAYS, None)):
            await self.pacer.wait(record.url)
            response = await page.goto(record.url, wait_until="load", timeout=self.plan.timeout_ms)
            if response is None or response.status not in RETRY_STATUSES or delay is None:
                if attempt:
                    record.artifacts["retries"] = attempt
                return response
            retry_after = response.headers.get("retry-after", "")
            wait = min(float(retry_after), MAX_RETRY_AFTER) if retry_after.isdigit() else delay
            await asyncio.sleep(wait)
        return response

    async def _dom_only(self, page, record: PageRecord, worker: int) -> dict:
        dom = next(g for g in GATHERERS if g.name == "dom")
        return await dom.run(page, Visit(record.url, record.lang, record.mode, False, worker))

    async def _wait_rendered(self, page) -> None:
        await page.evaluate(_WAIT_RENDERED, {"quiet": self.plan.settle_ms, "cap": 8000})
        if self.plan.wait_for:
            await page.wait_for_selector(self.plan.wait_for, timeout=self.plan.timeout_ms)

    async def _measure(self, page) -> dict:
        return await page.evaluate(_VI_PROBE, {"probe": "measure", "activeSelector": self.plan.vi_active_selector})

    async def _switch_vi_on(self, page, record: PageRecord) -> dict:
        from .vi import switch_vi_on

        normal = self.normal_metrics[(normalise_url(record.url), record.lang)]
        return await switch_vi_on(page, self.plan, normal, self._measure, self._wait_rendered)


def in_shard(url: str, shard: tuple[int, int]) -> bool:
    """Every language version of a page falls in the same shard (page_key has no language), so the
    shards' artifacts merge into exactly the records of an unsharded run."""
    i, n = shard
    if n <= 1:
        return True
    digest = hashlib.sha1(page_key(url).encode("utf-8")).hexdigest()
    return int(digest[:12], 16) % n == i - 1


def _short_error(e: Exception) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return f"{type(e).__name__}: {msg}"[:300]


def scope_hosts(target: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    host = host_of(target)
    hosts = {host, *extra}
    # www.example and example are the same site to a visitor
    hosts.add(host[4:] if host.startswith("www.") else f"www.{host}")
    return frozenset(h for h in hosts if h)
