"""Small PNG crops of the elements a check will report, taken in the state in which they fail (a zoomed or
narrow view, or the page as rendered), so a finding can show what the reader sees.

Registers no gatherer: v_crops and v_views use it. Crops go into the page's artifact as base64 (a page
gatherer cannot reach the artifact folder); the `crop_files` site gatherer (v_crops.py) moves them to
`artifacts/crops/<sha>.png` after the crawl. A crop is taken by scrolling the element into the viewport
and capturing that region: Chromium's capture-beyond-viewport resizes the window, which fires `resize` and
can make a responsive page re-render under the crawl.
"""
from __future__ import annotations

import base64
import hashlib

MARGIN = 8  # CSS px of surroundings, so the crop shows where the element sits
MAX_REGION = (1000, 600)  # a huge element is shown by its top-left part
MAX_SIDE = 400  # downscaled to at most this many px on the longer side

_SCROLL = """([x, y]) => {
  scrollTo(x, y);
  const root = document.documentElement;
  return [scrollX, scrollY, root.clientWidth || innerWidth, root.clientHeight || innerHeight];
}"""


class Cropper:
    """Takes up to `limit` crops on one page; `images` maps sha -> {png (base64), w, h}."""

    def __init__(self, page, limit: int):
        self.page = page
        self.limit = limit
        self.images: dict[str, dict] = {}
        self.taken = 0
        self._cdp = None
        self._scroll = None

    async def shoot(self, bbox) -> str | None:
        """A crop of the region [x, y, w, h] (document CSS px); None when it cannot be seen or the page's
        allowance is spent. Never raises: a missing picture must not lose the finding."""
        if self.taken >= self.limit or not bbox or len(bbox) != 4:
            return None
        x, y, w, h = (float(v) for v in bbox)
        if w < 1 or h < 1:
            return None
        try:
            if self._cdp is None:
                self._scroll = await self.page.evaluate("[scrollX, scrollY]")
                self._cdp = await self.page.context.new_cdp_session(self.page)
            left, top = max(0.0, x - MARGIN), max(0.0, y - MARGIN)
            sx, sy, vw, vh = await self.page.evaluate(_SCROLL, [left, top])
            # what of the wanted region is on screen now (a page that cannot scroll far enough shows less)
            x0, y0 = max(left, sx), max(top, sy)
            x1 = min(x + w + MARGIN, sx + vw, x0 + MAX_REGION[0])
            y1 = min(y + h + MARGIN, sy + vh, y0 + MAX_REGION[1])
            if x1 - x0 < 4 or y1 - y0 < 4:
                return None
            scale = min(1.0, MAX_SIDE / max(x1 - x0, y1 - y0))
            shot = await self._cdp.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": False,
                "clip": {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0, "scale": scale}})
        except Exception:
            return None
        data = shot.get("data") or ""
        sha = hashlib.sha1(base64.b64decode(data)).hexdigest()[:16]
        self.images.setdefault(sha, {"png": data, "w": round((x1 - x0) * scale), "h": round((y1 - y0) * scale)})
        self.taken += 1
        return sha

    async def close(self) -> None:
        """Puts the scroll position back and lets go of the DevTools session."""
        try:
            if self._scroll is not None:
                await self.page.evaluate("([x, y]) => scrollTo(x, y)", self._scroll)
            if self._cdp is not None:
                await self._cdp.detach()
        except Exception:
            pass
