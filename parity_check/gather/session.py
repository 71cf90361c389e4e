"""One Chromium for the whole run; one browser context per language and display mode; one tab per worker in
each context, reused from page to page (about twice as fast as a new tab per page).

A context per language and mode keeps state apart: a VI mode stored in cookies or localStorage would
otherwise leak into the next page of the normal mode, and `Accept-Language` (which some sites choose the
language by) is a property of the context.

Pages are hostile input. Every tab carries a network guard (NetworkGuard): a page, a redirect or an
iframe cannot make the browser request a private or loopback address unless the target itself is on one.
Service workers, whose requests no tab's guard sees, are blocked in every context.
A browser that dies (crash, OOM kill) is relaunched by ensure_alive(); `generation` counts launches so a
worker can tell that its page died with the old browser.
"""
from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from playwright.async_api import async_playwright, Browser, BrowserContext, Page

from .axe import axe_source
from .browser import BrowserSettings
from .frontier import address_class, refused_address

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
  // when the DOM last changed, from the start of the document: a page quiet since it loaded needs no wait
  window.__parityLastChange = Date.now();
  new MutationObserver(() => { window.__parityLastChange = Date.now(); })
    .observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
"""


# A tab is replaced after this many pages: a long-lived renderer accumulates memory (detached DOM, caches)
# that a fresh tab gives back, and the run's memory stays flat however large the site is.
TAB_RECYCLE_AFTER = 50
DNS_TIMEOUT_S = 5.0
MAX_REFUSED = 200


class NetworkGuard:
    """Refuses requests to private and loopback addresses unless the target is on one (`allowed_class`).

    Chrome DevTools' Fetch domain pauses only the requests matching its patterns: every document request
    (navigations, redirect hops, iframes), whose host name is resolved here before it may go, and any
    request to a literal non-public IP. Everything else is never paused, and, unlike Playwright's
    page.route, the HTTP cache stays on.
    """

    # Literal IPs that may be non-public; the exact decision is address_class's.
    LITERAL_PATTERNS = ("*://10.*", "*://127.*", "*://172.*", "*://192.168.*", "*://169.254.*", "*://100.*",
                        "*://0.*", "*://localhost*", "*://[*")

    def __init__(self, allowed_class: str | None):
        self.allowed_class = allowed_class
        self.refused: dict[str, str] = {}  # url -> why, the first MAX_REFUSED
        self.refused_count = 0
        self._resolved: dict[str, str | None] = {}

    def patterns(self) -> list[dict]:
        out = [{"urlPattern": "*", "resourceType": "Document", "requestStage": "Request"}]
        for pattern in self.LITERAL_PATTERNS:
            if self.allowed_class == "loopback" and pattern in ("*://127.*", "*://localhost*"):
                continue  # the local test site's own requests need no pause
            out.append({"urlPattern": pattern, "requestStage": "Request"})
        return out

    async def refuses(self, url: str) -> str | None:
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            return None  # the browser will not get far with it either
        if parts.scheme not in ("http", "https", "ws", "wss") or not host:
            return None
        why = refused_address(host, self.allowed_class)
        if why is None and address_class(host) is None and not _is_ip(host):
            why = await self._resolved_refusal(host)
        return why

    async def _resolved_refusal(self, host: str) -> str | None:
        """A public-looking name that resolves to a private address (DNS rebinding, split horizon)."""
        found = await self.resolved_class(host)
        return None if found is None or found == self.allowed_class else f"{found} address (resolved from {host})"

    async def resolved_class(self, host: str) -> str | None:
        """The address_class of what `host` resolves to: any non-public address makes it non-public, since
        the browser may connect to any of them. Unresolvable names are None: their requests fail anyway."""
        if host not in self._resolved:
            found = None
            try:
                infos = await asyncio.wait_for(asyncio.get_running_loop().getaddrinfo(host, None), DNS_TIMEOUT_S)
                for info in infos:
                    found = found or address_class(str(info[4][0]).split("%")[0])
            except Exception:
                found = None
            self._resolved[host] = found
        return self._resolved[host]

    def note(self, url: str, why: str) -> None:
        self.refused_count += 1
        if len(self.refused) < MAX_REFUSED:
            self.refused[url] = why

    async def install(self, page: Page) -> None:
        cdp = await page.context.new_cdp_session(page)

        async def on_paused(event: dict) -> None:
            url = event.get("request", {}).get("url", "")
            try:
                why = await self.refuses(url)
                if why:
                    self.note(url, why)
                    await cdp.send("Fetch.failRequest", {"requestId": event["requestId"],
                                                         "errorReason": "BlockedByClient"})
                else:
                    await cdp.send("Fetch.continueRequest", {"requestId": event["requestId"]})
            except Exception:
                pass  # the tab closed under the request

        cdp.on("Fetch.requestPaused", on_paused)
        await cdp.send("Fetch.enable", {"patterns": self.patterns()})


async def guard_for(target: str) -> NetworkGuard:
    """The guard of a run on `target`: it allows the non-public addresses of the target's own kind (its
    literal address, or what its name resolves to), no others."""
    try:
        host = urlsplit(target).hostname or ""
    except ValueError:
        host = ""
    allowed = address_class(host)
    if allowed is None and host and not _is_ip(host):
        allowed = await NetworkGuard(None).resolved_class(host)  # an intranet name
    return NetworkGuard(allowed)


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]").split("%")[0])
        return True
    except ValueError:
        return False


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
        self._tab_uses: dict[tuple[int, str | None, str], int] = {}
        self._lock = asyncio.Lock()
        self.relaunches = 0
        self.generation = 0  # launches so far: a page opened under an older generation died with its browser
        self.guard = NetworkGuard(allowed_class=None)
        self.guard_target: str | None = None  # the target set_target made `guard` for (None: not yet)

    async def set_target(self, target: str) -> NetworkGuard:
        """A new run: the guard allows the non-public addresses of the target's own kind (its literal
        address, or what its name resolves to), no others. Call before the first tab of the run (reset()
        drops the tabs of the last one)."""
        self.guard = await guard_for(target)
        self.guard_target = target
        return self.guard

    async def start(self) -> "BrowserSession":
        self._pw = await async_playwright().start()
        await self._launch()
        return self

    async def _launch(self) -> None:
        self.browser = await self._pw.chromium.launch(
            executable_path=self.settings.executable, headless=self.settings.headless,
            args=list(self.settings.args))
        self.generation += 1
        self._contexts.clear()
        self._tabs.clear()
        self._tab_uses.clear()

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
            self._tab_uses.clear()
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
                    # A service worker runs outside the tab: the guard's CDP Fetch interception (per tab)
                    # never pauses its requests, so a hostile page could use one to reach addresses the
                    # guard refuses. No audit needs one; Playwright makes registration a no-op.
                    service_workers="block",
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
        if page is not None and self._tab_uses.get(key, 0) >= TAB_RECYCLE_AFTER:
            await self.discard_tab(worker, lang, mode)
            page = None
        if page is None or page.is_closed():
            page = await self.fresh_tab(lang, mode)
            self._tabs[key] = page
            self._tab_uses[key] = 0
        self._tab_uses[key] += 1
        return page

    async def discard_tab(self, worker: int, lang: str | None, mode: str) -> None:
        """Closes a worker's tab after a failure (a crashed renderer, a page still streaming, a hung
        script), so the next page gets a clean one."""
        key = (worker, lang, mode)
        page = self._tabs.pop(key, None)
        self._tab_uses.pop(key, None)
        if page is not None:
            await close_quietly(page)

    async def fresh_tab(self, lang: str | None, mode: str) -> Page:
        ctx = await self.context(lang, mode)
        page = await ctx.new_page()
        try:
            await self.guard.install(page)
        except Exception:
            await close_quietly(page)
            raise
        return page

    async def request_context(self, lang: str | None, mode: str = "normal"):
        """The APIRequestContext of a (language, mode) context: its cookies, headers and user agent."""
        return (await self.context(lang, mode)).request

    async def close(self) -> None:
        try:
            if self.browser and self.browser.is_connected():
                await self.browser.close()
        finally:
            if self._pw:
                await self._pw.stop()


async def close_quietly(page: Page, timeout_s: float = 5.0) -> None:
    """Closes a tab without waiting on a hung renderer or raising for one that is already gone."""
    try:
        await asyncio.wait_for(page.close(run_before_unload=False), timeout_s)
    except Exception:
        pass
