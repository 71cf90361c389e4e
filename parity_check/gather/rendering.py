"""When a page has rendered (wait_rendered.js): one definition for the crawl, the VI switch and the probes."""
from __future__ import annotations

from .registry import load_js

WAIT_RENDERED = load_js("wait_rendered.js")
CAP_MS = 8000  # a page that never goes quiet (a ticker, a clock) is taken as it is after this


async def wait_rendered(page, quiet_ms: int, after_action: bool = False, max_bytes: int | None = None) -> int:
    """Waits; returns the document's size in bytes (0 when unknown)."""
    size = await page.evaluate(WAIT_RENDERED, {"quiet": quiet_ms, "cap": CAP_MS, "maxBytes": max_bytes or 0,
                                               "afterAction": after_action})
    return int(size) if isinstance(size, (int, float)) else 0
