"""One Chromium for the whole run; one browser context per language and display mode; one tab per worker in
each context, reused from page to page (about twice as fast as a new tab per page).

A context per language and mode keeps state apart: a VI mode stored in cookies or localStorage would
otherwise leak into the next page of the normal mode, and `Accept-Language` (which some sites choose the
language by) is a property of the context.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import async_playwright, Browser, BrowserContext, Page

from .axe import axe_source
from .browser import BrowserSettings

LOCALES = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}
USER_AGENT_SUFFIX = "parity-check/{version} (+accessibility and language parity audit)"

# Counts a page's fetch/XHR requests in flight, so "rendered" can mean "the app has its data" on
# single-page apps, not merely "the load event fired".
INFLIGHT_SCRIPT = """
(() => {
  if (window.__parityInflight !== undefined) return;
  window.__parityInflight = 0;
  const origFetch = window.fetch;
  if (origFetch) window.fetch = function () {
    window.__parityInflight++;
    return origFetch.apply(this, arguments).finally(() => { window.__parityInflight--; });
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function () {
    window.__parityInflight++;
    this.addEventListener("loadend", () => { window.__parityInflight--; }, { once: true });
    return send.apply(this, arguments);
  };
})();
"""


def accept_language(lang: str | None) -> str:
    if not lang:
        return "kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.7"
    locale = LOCALES.get(lang, lang)
    return f"{locale},{lang};q=0.9"


class BrowserSession:
    def __init__(self, settings: BrowserSettings, version: str):
        self.settings = settings
        self.version = version
        self._pw = None
        self.browser: Browser | None = None
        self._contexts: dict[tuple[str | None, str], BrowserContext] = {}
        self._tabs: dict[tuple[int, str | None, str], Page] = {}
        self._lock = asyncio.Lock()
        self.relaunches = 0

    async def start(self) -> "BrowserSession":
        self._pw = await async_playwright().start()
        await self._launch()
        return self

    async def _launch(self) -> None:
        self.browser = await self._pw.chromium.launch(
            executable_path=self.settings.executable, headless=self.settings.headless,
            args=list(self.settings.args))
        self._contexts.clear()
        self._tabs.clear()

    async def reset(self) -> None:
        """Closes every context, so the next run starts with no cookies, storage or tabs of the last."""
        async with self._lock:
            for ctx in self._contexts.values():
                try:
                    await ctx.close()
                except Exception:
                    pass  # a context of a browser that died closes with it
            self._contexts.clear()
            self._tabs.clear()
        await self.ensure_alive()

    @property
    def browser_version(self) -> str:
        return f"Chromium {self.browser.version}" if self.browser else "unknown"

    async def ensure_alive(self) -> bool:
        """Relaunches the browser if it died (crash, OOM kill); returns True if it had to."""
        async with self._lock:
            if self.browser is not None and self.browser.is_connected():
                return False
            self.relaunches += 1
            await self._launch()
            return True

    async def context(self, lang: str | None, mode: str) -> BrowserContext:
        key = (lang, mode)
        async with self._lock:
            if key not in self._contexts:
                width, height = self.settings.viewport
                ctx = await self.browser.new_context(
                    locale=LOCALES.get(lang or "", "kk-KZ"),
                    extra_http_headers={"Accept-Language": accept_language(lang)},
                    viewport={"width": width, "height": height},
                    ignore_https_errors=False,
                    user_agent=await self._user_agent(),
                )
                await ctx.add_init_script(script=INFLIGHT_SCRIPT)
                await ctx.add_init_script(script=axe_source())
                self._contexts[key] = ctx
            return self._contexts[key]

    async def _user_agent(self) -> str:
        base = await self.browser.new_browser_cdp_session()
        try:
            info = await base.send("Browser.getVersion")
        finally:
            await base.detach()
        ua = info.get("userAgent", "").replace("HeadlessChrome", "Chrome")
        return f"{ua} {USER_AGENT_SUFFIX.format(version=self.version)}"

    async def tab(self, worker: int, lang: str | None, mode: str) -> Page:
        key = (worker, lang, mode)
        page = self._tabs.get(key)
        if page is None or page.is_closed():
            ctx = await self.context(lang, mode)
            page = await ctx.new_page()
            self._tabs[key] = page
        return page

    async def fresh_tab(self, lang: str | None, mode: str) -> Page:
        ctx = await self.context(lang, mode)
        return await ctx.new_page()

    async def close(self) -> None:
        try:
            if self.browser and self.browser.is_connected():
                await self.browser.close()
        finally:
            if self._pw:
                await self._pw.stop()
