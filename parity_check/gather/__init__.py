"""The browser phase: the only package that imports Playwright. It records what the browser saw as plain
data (the artifacts); every check runs offline on those records."""
from __future__ import annotations

import asyncio
from typing import Callable

from ..artifacts import ArtifactStore
from .axe import WCAG_TAGS
from .browser import BrowserSettings, BrowserNotFound, load_settings
from .crawl import CrawlPlan, Crawler, scope_hosts
from .session import BrowserSession

__all__ = ["gather_site", "gather_async", "BrowserSession", "CrawlPlan", "BrowserSettings", "BrowserNotFound", "load_settings", "scope_hosts"]


async def gather_async(plan: CrawlPlan, store: ArtifactStore, settings: BrowserSettings, version: str,
                       progress: Callable[[str], None] | None = None,
                       session: BrowserSession | None = None) -> dict:
    """As gather_site, on the caller's event loop; a caller that runs many sites (the test suite) passes
    one running BrowserSession, whose contexts are renewed so no state crosses from one run to the next."""
    owned = session is None
    if owned:
        try:
            session = await BrowserSession(settings, version).start()
        except Exception as e:  # Playwright's error is a 70-line text with install advice for its own build
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            raise BrowserNotFound(f"the browser could not be started ({first[:300]})") from None
    else:
        await session.reset()
    try:
        crawler = Crawler(plan, session, store, progress)
        await crawler.run()
        return {"browser": session.browser_version, "browser_source": settings.source,
                "browser_relaunches": session.relaunches, "axe_tags": WCAG_TAGS, **crawler.facts()}
    finally:
        if owned:
            await session.close()


def gather_site(plan: CrawlPlan, store: ArtifactStore, settings: BrowserSettings, version: str,
                progress: Callable[[str], None] | None = None) -> dict:
    """Renders the site and writes one record per page, language and mode into `store`; returns the
    facts about the run (browser, root redirect, limits) for run.json."""
    return asyncio.run(gather_async(plan, store, settings, version, progress))
