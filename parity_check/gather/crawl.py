"""Visit the pages of a site in every language and record each one in the normal and the VI mode.

Which pages: frontier.py (scope, robots.txt, limits, traps, private addresses) fed by discovery.py (robots,
sitemaps) and by the links of every audited page. Each normal-mode visit queues the VI-mode visit of the
same URL, which compares its text with the normal one to tell whether the mode really switched on.

Real sites are slow, flaky and hostile, and a run must finish and lose nothing: every admitted page ends
as a record, `audited`, `skipped` or `failed` with the reason. A page has a time budget; a page too heavy
to render is refused after its headers; a tab that failed is replaced; a browser that died is relaunched
and the page tried once more; a gatherer that raises loses only its own artifact. Unchanged pages of an
earlier run are taken from the cache (cache.py) instead of being rendered again.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time
from urllib.parse import urlsplit
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..artifacts import ArtifactStore, PageRecord
from ..artifacts.store import record_key
from ..models import normalise_url
from ..urls import language_of_url, host_of, page_key
from .cache import PageCache, ResponseRecorder, SiteState, content_key, document_digest, fingerprint
from .discovery import discover
from .frontier import Frontier
from .registry import GATHERERS, SITE_GATHERERS, Visit, load_gatherers, load_js
from .rendering import wait_rendered
from .session import BrowserSession, close_quietly

_VI_PROBE = load_js("vi_probe.js")

# Resolves once the page has no fetch/XHR in flight and its DOM has been quiet for `quiet` ms: what
# "rendered" means for a single-page app fed by a JSON API, where `load` fires on an empty shell.


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
    skip: frozenset[str] = frozenset()  # gatherers not to run (by name), e.g. the low-vision views
    cache_dir: Path | None = None  # reuse the records of unchanged pages stored here (None: no cache)
    max_page_bytes: int = 10 * 1024 * 1024  # a main document heavier than this is not rendered
    page_budget_ms: int | None = None  # load + every gatherer; None: max(60 s, 4 x timeout_ms)
    data: dict[str, Any] = field(default_factory=dict)  # the profile's data sets (config/datasets.py)

    def dataset(self, name: str) -> Any:
        """A data set as the profile extends it; the shipped one when the plan was built without."""
        if name in self.data:
            return self.data[name]
        from ..config.datasets import shipped
        return shipped(name)

    def vi_switch_names(self) -> list[str]:
        """Every language's names for the VI switch: a Kazakh page may well name it in Russian."""
        return [n for names in self.dataset("vi_switch_names").values() for n in names]

    @property
    def budget_s(self) -> float:
        return (self.page_budget_ms or max(60000, 4 * self.timeout_ms)) / 1000


@dataclass
class CrawlState:
    root: dict[str, Any] = field(default_factory=dict)
    discovery: dict[str, Any] = field(default_factory=dict)
    done: int = 0
    failed: int = 0
    reused: int = 0  # records taken from the cache
    retried_after_relaunch: int = 0
    internal_errors: int = 0


class PageRefused(Exception):
    """The page answered but is not rendered (too heavy); the message is the reason recorded."""


# Gatherers whose artifact is the page's audit: without them the page failed. Others, when they raise,
# lose only their own artifact (listed in the record's `gather_errors`).
CORE_GATHERERS = ("dom", "axe")
SITE_GATHERER_BUDGET_S = 900


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
        # text metrics of a normal page until its VI visit has used them (then dropped: memory stays flat)
        self.normal_metrics: dict[tuple[str, str | None], dict] = {}
        # Resuming: what the journal already holds is not visited again. Only the keys are held; a
        # record is read back when its links are replayed, so a resumed large run does not hold them all.
        self.journal: set[str] = ({p.stem for p in store.pages_dir.glob("*.json")}
                                  if plan.resume and store.pages_dir.is_dir() else set())
        self._replay: list[str] = []
        self._replaying = False
        self.cache: PageCache | None = None
        # (url, lang) -> content key of the normal record, for the VI record of the same page
        self._content_keys: dict[tuple[str, str | None], str] = {}
        self.site_state = SiteState()  # every record written, as fetched: is the whole site unchanged?

    def admit(self, url: str, lang: str | None, depth: int, parent: str | None) -> None:
        for entry in self.frontier.admit(url, lang, depth, parent):
            key = record_key(entry.url, entry.lang, "normal")
            if key in self.journal:
                self._replay.append(key)
            else:
                self.queue.put_nowait(("normal", entry.url, entry.lang, entry.depth, entry.parent))
        self._drain_replays()

    def _journal_record(self, key: str) -> PageRecord | None:
        try:
            data = json.loads((self.store.pages_dir / f"{key}.json").read_text(encoding="utf-8"))
            return PageRecord.from_dict(data)
        except Exception:  # unreadable (cut short by the kill): the page is visited again
            self.journal.discard(key)
            return None

    def _drain_replays(self) -> None:
        """Resuming: pages already in the journal are not visited again, but their links are followed as
        if they had just been visited, so the frontier grows back to where the killed run left it.
        A loop, not recursion: a long chain of recorded pages must not exhaust the stack."""
        if self._replaying:
            return
        self._replaying = True
        try:
            while self._replay:
                key = self._replay.pop()
                record = self._journal_record(key)
                if record is None:
                    self._requeue_lost(key)
                else:
                    self._after_visit(record, replayed=True)
        finally:
            self._replaying = False

    def _requeue_lost(self, key: str) -> None:
        for entry in self.frontier.admitted.values():
            if record_key(entry.url, entry.lang, "normal") == key:
                self.queue.put_nowait(("normal", entry.url, entry.lang, entry.depth, entry.parent))
                return

    def _after_visit(self, record: PageRecord, replayed: bool = False) -> None:
        self.state.done += 1
        if record.outcome == "failed":
            self.state.failed += 1
        page = (normalise_url(record.url), record.lang)
        if record.mode != "normal":
            self.normal_metrics.pop(page, None)
            self._content_keys.pop(page, None)
            return
        if record.outcome == "audited":
            if "vi" in self.plan.modes:
                self.normal_metrics[page] = record.get("text_metrics") or {}
            if record.depth < self.plan.max_depth:
                self._follow_links(record)
        if "vi" in self.plan.modes:
            vi_key = record_key(record.url, record.lang, "vi")
            done_vi = self._journal_record(vi_key) if replayed and vi_key in self.journal else None
            if done_vi is not None:
                self._after_visit(done_vi, replayed=True)
            else:
                self.queue.put_nowait(("vi", record.url, record.lang, record.depth, record.discovered_from))
        else:
            self._content_keys.pop(page, None)

    def _follow_links(self, record: PageRecord) -> None:
        dom = record.get("dom") or {}
        for link in dom.get("links", []):
            href = (link.get("href") or "").split("#")[0] if isinstance(link, dict) else ""
            if href and self.frontier.wants(href):
                self.admit(href, self.frontier.lang_for(href, record.lang), record.depth + 1, record.url)

    # -- visiting pages -------------------------------------------------------------------------------
    async def run(self) -> CrawlState:
        load_gatherers()
        guard = await self.session.set_target(self.plan.target)
        self.frontier.target_class = guard.allowed_class
        if self.plan.cache_dir is not None:
            self.cache = PageCache(Path(self.plan.cache_dir), self._fingerprint()).create()
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
        # The crawl's tabs still hold the renderers of their last pages; the site gatherers open contexts
        # of their own, so these go now rather than sit in memory through the rest of the run.
        await self.session.reset()
        site_key = self._site_key()
        # Independent of one another (the link and document checks wait on the network, the VI probes on
        # their own tabs), so they share the crawl's workers.
        slots = asyncio.Semaphore(max(1, self.plan.concurrency))

        async def in_turn(g) -> None:
            async with slots:
                await self._run_site_gatherer(g, site_key)

        await asyncio.gather(*(in_turn(g) for g in SITE_GATHERERS if g.name not in self.plan.skip))
        return self.state

    async def _run_site_gatherer(self, g, site_key: str | None) -> None:
        reusable = g.reusable and site_key is not None
        data = self.cache.site_artifact(g.name, site_key) if reusable else None
        if data is not None:
            self.progress(f"site: {g.name} (site unchanged: cached)")
            self.store.write_site_artifact(g.name, data)
            return
        self.progress(f"site: {g.name}")
        try:
            await self.session.ensure_alive()
            data = await asyncio.wait_for(g.run(self.session, self.store, self.plan), SITE_GATHERER_BUDGET_S)
            if reusable and not (isinstance(data, dict) and data.get("error")):
                self.cache.put_site_artifact(g.name, site_key, data)
        except asyncio.TimeoutError:
            data = {"error": f"gave up after {SITE_GATHERER_BUDGET_S} s"}
        except Exception as e:  # recorded: the checks needing it report a check error, not a crash
            data = {"error": _short_error(e)}
        self.store.write_site_artifact(g.name, data)

    def _site_key(self) -> str | None:
        """The state of the whole site as this run fetched it, when the cache vouches for every page (not
        for a resumed run: the records of its first part were not fetched by this one; not for a shard)."""
        if self.cache is None or self.plan.resume or self.plan.shard != (1, 1):
            return None  # a shard's probes may visit pages another shard audits and keys
        return self.site_state.key(self.cache.fingerprint)

    def facts(self) -> dict[str, Any]:
        f = self.frontier
        guard = self.session.guard
        return {"root": self.state.root, "discovery": self.state.discovery,
                "pages_admitted": len(f.admitted), "pages_over_limit": len(f.over_limit),
                "over_limit_sample": sorted(f.over_limit)[:50], "pages_trapped": len(f.trapped),
                "trapped_sample": sorted(f.trapped)[:20], "pages_disallowed": len(f.disallowed),
                "links_refused": f.refused_links, "hosts_refused": dict(sorted(f.refused_hosts.items())),
                "requests_refused": guard.refused_count, "requests_refused_sample": dict(guard.refused),
                "pages_reused": self.state.reused, "pages_retried_after_relaunch": self.state.retried_after_relaunch,
                "cache": self.cache.facts() if self.cache else None}

    def _fingerprint(self) -> str:
        """What a record depends on besides the page's own content: a change here invalidates the cache."""
        from .. import __version__
        from .axe import axe_version

        p = self.plan
        return fingerprint({"tool": __version__, "axe": axe_version(), "browser": self.session.browser_version,
                            "viewport": self.session.settings.viewport,
                            "gatherers": [(g.name, g.modes) for g in GATHERERS if g.name not in p.skip],
                            "modes": p.modes, "vi_steps": [str(a) for a in p.vi_steps],
                            "vi_active_selector": p.vi_active_selector, "wait_for": p.wait_for,
                            "settle_ms": p.settle_ms, "max_page_bytes": p.max_page_bytes})

    async def _probe_root(self) -> None:
        """Open the target as a visitor would (Kazakh preferred) to learn where the root leads, and read
        robots.txt and the sitemaps."""
        root: dict[str, Any] = {"url": self.plan.target}
        self._sitemap_urls: list[str] = []
        page = None
        try:
            page = await self.session.fresh_tab(None, "probe")
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
            root.update(error=self._describe(e))
        finally:
            if page is not None:
                await close_quietly(page)
        await self.session.ensure_alive()
        self.state.root = root

    async def _worker(self, worker: int) -> None:
        while True:
            mode, url, lang, depth, parent = await self.queue.get()
            try:
                await self._process(worker, mode, url, lang, depth, parent)
            except Exception as e:  # a bug or a full disk must cost one page, never the run
                self.state.internal_errors += 1
                record = PageRecord(url=url, lang=lang, mode=mode, outcome="failed", discovered_from=parent,
                                    depth=depth, error=f"internal error: {_short_error(e)}")
                try:
                    self._write(record)
                    self._after_visit(record)
                except Exception:
                    self.progress(f"could not record {url} ({lang} {mode}): {_short_error(e)}")
            finally:
                self.queue.task_done()

    async def _process(self, worker, mode, url, lang, depth, parent) -> None:
        record = await self._from_cache(mode, url, lang, depth, parent)
        if record is None:
            record = await self._visit(worker, mode, url, lang, depth, parent)
        if record.artifacts.pop("discovery_only", False):
            # another shard audits this page; it was rendered here only to find its links
            if record.outcome == "audited" and record.depth < self.plan.max_depth:
                self._follow_links(record)
            return
        self._write(record)
        self._after_visit(record)
        self._drain_replays()
        total = len(self.frontier.admitted) * len(self.plan.modes)
        extra = f" vi={record.get('vi', {}).get('state')}" if mode == "vi" else ""
        reused = " (unchanged: cached)" if "cached" in record.artifacts else ""
        self.progress(f"[{self.state.done}/{total}] {record.outcome:8} {lang or '-':2} {mode:6}"
                      f"{extra} {url}{reused}" + (f"  ({record.error})" if record.error else ""))

    def _write(self, record: PageRecord) -> None:
        if self.cache is not None:
            key = self._content_keys.get((normalise_url(record.url), record.lang))
            self.site_state.add(record.url, record.lang, record.mode, record.outcome, record.status, key)
        try:
            self.store.write_page(record)
        except UnicodeEncodeError:
            # a page's text carried lone surrogates (&#xD800;): kept as U+FFFD, the record still written
            record.artifacts = _scrub(record.artifacts)
            record.error = _scrub(record.error)
            self.store.write_page(record)

    # -- the cache ------------------------------------------------------------------------------------
    async def _from_cache(self, mode, url, lang, depth, parent) -> PageRecord | None:
        """The stored record of an unchanged page, or None (no cache, no entry, or the page changed)."""
        if self.cache is None:
            return None
        page = (normalise_url(url), lang)
        key = record_key(url, lang, mode)
        entry = self.cache.lookup(key)
        current = None
        if mode == "vi":
            current = self._content_keys.get(page)  # the normal record's key: same document, same APIs
        elif entry is not None:
            await self.pacer.wait(url)
            try:
                request = await self.session.request_context(lang, "normal")
                current = await self.cache.current_key(entry, request, self.plan.timeout_ms)
            except Exception:  # e.g. the browser died: the page is rendered, where that is handled
                current = None
            if current is not None:
                self._content_keys[page] = current
        if entry is None or current is None or entry.get("content_key") != current:
            self.cache.misses += 1
            return None
        try:
            record = self.cache.record_of(entry)
        except Exception:
            self.cache.misses += 1
            return None
        self.cache.hits += 1
        self.state.reused += 1
        record.depth, record.discovered_from = depth, parent
        record.artifacts["cached"] = {"stored_at": entry.get("stored_at"), "content_key": current[:16]}
        vi = record.artifacts.get("vi")
        if isinstance(vi, dict):
            # wall-clock stamps order the VI visits of one run (vi-mode-not-persistent); this page was not
            # visited in this run, so its stamps from an earlier one would order it wrongly
            vi.pop("load_started", None)
            vi.pop("active_since", None)
        if mode == "normal" and not in_shard(url, self.plan.shard):
            record.artifacts["discovery_only"] = True
        return record

    def _store_in_cache(self, record: PageRecord, recorder: ResponseRecorder | None, document: dict) -> None:
        page = (normalise_url(record.url), record.lang)
        try:
            if record.mode == "normal":
                digests = recorder.digests() if recorder else None
                if digests is None or "body" not in document or record.outcome != "audited":
                    return
                key = content_key(self.cache.fingerprint,
                                  document_digest(document["url"], document["status"], document["body"]), digests)
                self._content_keys[page] = key
                self.cache.put(record, key, record.url, recorder.resources)
            else:
                key = self._content_keys.get(page)
                if key:
                    self.cache.put(record, key, record.url, {})
        except Exception as e:  # the cache is an optimisation: a failure to store costs only the next run
            self.progress(f"cache: could not store {record.url}: {_short_error(e)}")

    # -- visiting pages -------------------------------------------------------------------------------
    async def _visit(self, worker, mode, url, lang, depth, parent) -> PageRecord:
        def fresh() -> PageRecord:
            return PageRecord(url=url, lang=lang, mode=mode, outcome="failed", discovered_from=parent, depth=depth)

        record = fresh()
        if mode == "vi" and (normalise_url(url), lang) not in self.normal_metrics:
            record.outcome = "skipped"
            record.error = "the page failed in the normal mode"
            record.artifacts["vi"] = {"state": None, "method": None}
            return record
        started = time.monotonic()
        budget = self.plan.budget_s
        for attempt in (1, 2):
            generation = self.session.generation
            try:
                await asyncio.wait_for(self._load_and_gather(worker, record), budget)
                break
            except asyncio.TimeoutError:
                record.outcome, record.error = "failed", f"gave up after {budget:.0f} s (the page's time budget)"
                await self.session.discard_tab(worker, lang, mode)
                break
            except PageRefused as e:
                record.outcome, record.error = "failed", str(e)
                await self.session.discard_tab(worker, lang, mode)
                break
            except Exception as e:
                error = self._describe(e)
                await self.session.discard_tab(worker, lang, mode)
                relaunched = await self.session.ensure_alive() or self.session.generation != generation
                if not relaunched and _browser_gone(error):
                    await asyncio.sleep(0.5)  # the disconnect may be reported just after the page's error
                    relaunched = await self.session.ensure_alive() or self.session.generation != generation
                if attempt == 1 and (relaunched or "crash" in error.lower()):
                    # the browser died under this page: once more on a fresh one
                    self.state.retried_after_relaunch += 1
                    record = fresh()
                    continue
                record.outcome, record.error = "failed", error + (" (the browser died)" if relaunched else "")
                break
        record.timing_ms = int((time.monotonic() - started) * 1000)
        return record

    def _describe(self, e: Exception) -> str:
        text = _short_error(e)
        if "ERR_BLOCKED_BY_CLIENT" in text:
            refused = list(self.session.guard.refused.items())
            if refused:
                url, why = refused[-1]
                return f"not requested: {url} is a {why} (a page may not lead the checker into private networks)"
        return text

    async def _load_and_gather(self, worker: int, record: PageRecord) -> None:
        page = await self.session.tab(worker, record.lang, record.mode)
        keyed = self.cache is not None and record.mode == "normal"
        recorder = ResponseRecorder(page, self.cache.memo) if keyed else None
        document: dict[str, Any] = {}  # the main document as fetched, for the cache key
        try:
            await self._gather(page, worker, record, document if keyed else None)
        finally:
            if recorder is not None:
                await recorder.finish()
        if self.cache is not None and record.outcome != "failed" and not record.artifacts.get("discovery_only"):
            self._store_in_cache(record, recorder, document)

    async def _gather(self, page, worker: int, record: PageRecord, document: dict | None) -> None:
        load_started = time.time()
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
        if document is not None and response is not None:
            try:
                document.update(url=response.url, status=response.status, body=await response.body())
            except Exception:
                pass  # not kept by the browser: this page is not cached
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
            # wall-clock stamps let vi-mode-not-persistent order the VI visits of one language (workers
            # run in parallel, so the journal's order is not the order the mode was seen in)
            vi["load_started"] = load_started
            if vi_active:
                vi["active_since"] = time.time()
            if not vi_active:
                record.outcome = "skipped"
                return
        else:
            metrics = await page.evaluate(_VI_PROBE, {"probe": "measure",
                                                      "activeSelector": self.plan.vi_active_selector})
            record.artifacts["text_metrics"] = metrics
        visit = Visit(record.url, record.lang, record.mode, vi_active, worker, record.artifacts)
        errors = {}
        for g in GATHERERS:
            if record.mode not in g.modes or g.name in self.plan.skip:
                continue
            generation = self.session.generation
            try:
                record.artifacts[g.name] = await g.run(page, visit)
            except Exception as e:
                if g.name in CORE_GATHERERS or page.is_closed() or self.session.generation != generation \
                        or not self.session.browser.is_connected():
                    raise
                errors[g.name] = _short_error(e)  # this artifact is missing; the page's others stand
        if errors:
            record.artifacts["gather_errors"] = errors
        record.outcome = "audited"

    async def _goto_with_retries(self, page, record: PageRecord):
        """Loads the page: headers first (a 429 or 5xx is tried again after a pause, the server may be
        busy; a document heavier than max_page_bytes is refused before its body is read), then the load
        event, all within timeout_ms."""
        for attempt, delay in enumerate((*RETRY_DELAYS, None)):
            await self.pacer.wait(record.url)
            started = time.monotonic()
            try:
                response = await page.goto(record.url, wait_until="commit", timeout=self.plan.timeout_ms)
            except Exception as e:
                if _is_timeout(e):
                    raise PageTimeout(f"no answer within {self.plan.timeout_ms} ms (timeout_ms)") from None
                raise
            if response is not None and response.status in RETRY_STATUSES and delay is not None:
                retry_after = response.headers.get("retry-after", "")
                wait = min(float(retry_after), MAX_RETRY_AFTER) if retry_after.isdigit() else delay
                await asyncio.sleep(wait)
                continue
            if attempt:
                record.artifacts["retries"] = attempt
            if response is not None:
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.plan.max_page_bytes:
                    raise PageRefused(_too_heavy(int(length), self.plan.max_page_bytes))
            left = self.plan.timeout_ms - (time.monotonic() - started) * 1000
            try:
                await page.wait_for_load_state("load", timeout=max(1000, left))
            except Exception as e:
                if _is_timeout(e):
                    raise PageTimeout(f"the page did not finish loading within {self.plan.timeout_ms} ms "
                                      f"(timeout_ms)") from None
                raise
            return response
        return response

    async def _dom_only(self, page, record: PageRecord, worker: int) -> dict:
        dom = next(g for g in GATHERERS if g.name == "dom")
        return await dom.run(page, Visit(record.url, record.lang, record.mode, False, worker))

    async def _wait_rendered(self, page, after_action: bool = False) -> None:
        """Until the page has rendered (rendering.py). Refuses a document heavier than max_page_bytes (one
        sent without Content-Length is only measured here)."""
        size = await wait_rendered(page, self.plan.settle_ms, after_action, self.plan.max_page_bytes)
        if size > self.plan.max_page_bytes:
            raise PageRefused(_too_heavy(size, self.plan.max_page_bytes))
        if self.plan.wait_for:
            await page.wait_for_selector(self.plan.wait_for, timeout=self.plan.timeout_ms)

    async def _measure(self, page) -> dict:
        return await page.evaluate(_VI_PROBE, {"probe": "measure", "activeSelector": self.plan.vi_active_selector})

    async def _switch_vi_on(self, page, record: PageRecord) -> dict:
        from .vi import switch_vi_on

        normal = self.normal_metrics.get((normalise_url(record.url), record.lang)) or {}
        return await switch_vi_on(page, self.plan, normal, self._measure,
                                  lambda p: self._wait_rendered(p, after_action=True))


def in_shard(url: str, shard: tuple[int, int]) -> bool:
    """Every language version of a page falls in the same shard (page_key has no language), so the
    shards' artifacts merge into exactly the records of an unsharded run. The host is left out of the hash:
    the same site split on another machine, port or www-alias splits the same way."""
    i, n = shard
    if n <= 1:
        return True
    parts = urlsplit(page_key(url))
    digest = hashlib.sha1(f"{parts.path}?{parts.query}".encode("utf-8")).hexdigest()
    return int(digest[:12], 16) % n == i - 1


class PageTimeout(Exception):
    pass


def _is_timeout(e: Exception) -> bool:
    return type(e).__name__ == "TimeoutError" or "Timeout " in str(e)


def _browser_gone(error: str) -> bool:
    text = error.lower()
    return any(w in text for w in ("has been closed", "target closed", "browser closed", "disconnected",
                                   "connection closed"))


def _too_heavy(size: int, limit: int) -> str:
    return (f"not rendered: the page weighs {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB "
            f"limit (max_page_bytes)")


def _scrub(value: Any) -> Any:
    """The value with lone surrogates replaced by U+FFFD, so it can be written as UTF-8."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _has_surrogate(value) else value
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def _short_error(e: Exception) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return f"{type(e).__name__}: {msg}"[:300]


def scope_hosts(target: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    host = host_of(target)
    hosts = {host, *extra}
    # www.example and example are the same site to a visitor
    hosts.add(host[4:] if host.startswith("www.") else f"www.{host}")
    return frozenset(h for h in hosts if h)
