"""Find the pages of a site in every language and record each one in the normal and the VI mode.

The frontier admits a page together with its counterparts in the other languages (by the URL pattern the
site uses), so when `--max-pages` cuts a crawl short it cuts whole pages, not one language of them, and the
language checks are not misled by a truncated crawl.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ..artifacts import ArtifactStore, PageRecord
from ..models import normalise_url
from ..urls import language_of_url, url_for_language, in_scope, is_document, host_of
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
    settle_ms: int = 300
    timeout_ms: int = 30000


@dataclass
class CrawlState:
    admitted: dict[str, tuple[str, str | None, int, str | None]] = field(default_factory=dict)
    found_over_limit: set[str] = field(default_factory=set)
    root: dict[str, Any] = field(default_factory=dict)
    done: int = 0
    failed: int = 0


class Crawler:
    def __init__(self, plan: CrawlPlan, session: BrowserSession, store: ArtifactStore,
                 progress: Callable[[str], None] | None = None):
        self.plan = plan
        self.session = session
        self.store = store
        self.progress = progress or (lambda _msg: None)
        self.state = CrawlState()
        self.queue: asyncio.Queue = asyncio.Queue()
        self.normal_metrics: dict[tuple[str, str | None], dict] = {}

    # -- the frontier ---------------------------------------------------------------------------------
    def _lang_for(self, url: str, fallback: str | None) -> str | None:
        found = language_of_url(url)
        if found and found.lang in self.plan.languages:
            return found.lang
        return fallback

    def admit(self, url: str, lang: str | None, depth: int, parent: str | None) -> None:
        """Admit a page and its counterparts in the other languages, within the limit."""
        group = [(url, lang)]
        for other in self.plan.languages:
            if other != lang:
                twin = url_for_language(url, other, self.plan.url_codes)
                if twin:
                    group.append((twin, other))
        fresh = [(u, l) for u, l in group if normalise_url(u) not in self.state.admitted]
        if not fresh:
            return
        if len(self.state.admitted) + len(fresh) > self.plan.max_pages:
            self.state.found_over_limit.update(normalise_url(u) for u, _ in fresh)
            return
        for u, l in fresh:
            self.state.admitted[normalise_url(u)] = (u, l, depth, parent)
            self.queue.put_nowait(("normal", u, l, depth, parent))

    def _follow_links(self, record: PageRecord) -> None:
        if record.depth >= self.plan.max_depth:
            return
        dom = record.get("dom") or {}
        for link in dom.get("links", []):
            href = link.get("href") or ""
            if not in_scope(href, self.plan.hosts, self.plan.include, self.plan.exclude) or is_document(href):
                continue
            self.admit(href.split("#")[0], self._lang_for(href, record.lang), record.depth + 1, record.url)

    # -- visiting pages -------------------------------------------------------------------------------
    async def run(self) -> CrawlState:
        load_gatherers()
        await self._probe_root()
        for url in self.plan.start_urls or (self.state.root.get("final_url") or self.plan.target,):
            self.admit(url, self._lang_for(url, self.state.root.get("lang_guess")), 0, None)
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

    async def _probe_root(self) -> None:
        """Open the target as a visitor would (Kazakh preferred) to learn where the root leads."""
        page = await self.session.fresh_tab(None, "probe")
        root: dict[str, Any] = {"url": self.plan.target}
        try:
            response = await page.goto(self.plan.target, wait_until="load", timeout=self.plan.timeout_ms)
            await self._wait_rendered(page)
            root.update(status=response.status if response else None, final_url=page.url,
                        declared_lang=await page.evaluate("document.documentElement.getAttribute('lang')"),
                        redirected=normalise_url(page.url) != normalise_url(self.plan.target))
            url_lang = language_of_url(page.url)
            root["url_lang"] = url_lang.lang if url_lang else None
            root["lang_guess"] = root["url_lang"]
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
                self.store.write_page(record)
                self.state.done += 1
                if record.outcome == "failed":
                    self.state.failed += 1
                total = len(self.state.admitted) * len(self.plan.modes)
                extra = f" vi={record.get('vi', {}).get('state')}" if mode == "vi" else ""
                self.progress(f"[{self.state.done}/{total}] {record.outcome:8} {lang or '-':2} {mode:6}"
                              f"{extra} {url}" + (f"  ({record.error})" if record.error else ""))
                if mode == "normal":
                    if record.outcome == "audited":
                        self._follow_links(record)
                    if "vi" in self.plan.modes:
                        self.queue.put_nowait(("vi", url, lang, depth, parent))
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
        response = await page.goto(record.url, wait_until="load", timeout=self.plan.timeout_ms)
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
            self.normal_metrics[(normalise_url(record.url), record.lang)] = metrics
        visit = Visit(record.url, record.lang, record.mode, vi_active, worker)
        for g in GATHERERS:
            if record.mode in g.modes:
                record.artifacts[g.name] = await g.run(page, visit)
        record.outcome = "audited"

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


def _short_error(e: Exception) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return f"{type(e).__name__}: {msg}"[:300]


def scope_hosts(target: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    host = host_of(target)
    hosts = {host, *extra}
    # www.example and example are the same site to a visitor
    hosts.add(host[4:] if host.startswith("www.") else f"www.{host}")
    return frozenset(h for h in hosts if h)
