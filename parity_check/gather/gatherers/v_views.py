"""The page as three low-vision readers get it, measured against the page as rendered:
- `text200`: text at 200% (WCAG 1.4.4): every font size and line height doubled, as a text-only zoom does;
- `spacing`: the WCAG 1.4.12 overrides (line height 1.5, paragraph spacing 2em, letter 0.12em, word 0.16em);
- `narrow`: a 320 CSS px wide viewport, what a 1280 px screen shows at 400% zoom (WCAG 1.4.10).
Each view records the text it clips, hides or makes overlap (only what the page did not already do), or for
the narrow view the text that runs past the right edge, with a screenshot crop of the first few. Every change
is undone before the next gatherer: inline styles restored, the spacing sheet removed, the viewport reset.

Artifact `views`: {baseline: {owners, scroll_width, client_width, ...}, text200|spacing: {flags[], more,
scroll_width, client_width, ms}, narrow: {flags[], more, scrolls, scroll_width, client_width, ms},
images: {sha: {png|file, w, h}}, timing_ms: {baseline, text200, spacing, narrow, total}}; a flag is
{kind (clipped|ellipsis|hidden|overlap|offscreen|cut-off), selector, tag, text, bbox, crop (sha) ...}.
"""
from __future__ import annotations

import asyncio
import time

from ..registry import page_script, Visit, gatherer
from .v_cropper import Cropper

_JS = page_script("v_views.js", __package__)
NARROW = {"width": 320, "height": 256}  # 1280 x 1024 at 400%
CROPS_PER_VIEW = 3
MAX_FLAGS = 30
SETTLE_S = 0.05  # lets a responsive page's resize handlers run; layout itself is brought up to date by reading it


def _ms(since: float) -> int:
    return int((time.monotonic() - since) * 1000)


def _short(e: Exception) -> str:
    return f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"[:200]


async def _crop_flags(cropper: Cropper, flags: list[dict]) -> None:
    for flag in flags[:CROPS_PER_VIEW]:
        box = flag.get("bbox")
        if flag.get("kind") == "overlap" and flag.get("other_bbox"):
            a, b = box, flag["other_bbox"]
            x0, y0 = min(a[0], b[0]), min(a[1], b[1])
            box = [x0, y0, max(a[0] + a[2], b[0] + b[2]) - x0, max(a[1] + a[3], b[1] + b[3]) - y0]
        sha = await cropper.shoot(box)
        if sha:
            flag["crop"] = sha


async def _styled_view(page, name: str, cropper: Cropper) -> dict:
    started = time.monotonic()
    try:
        result = await page.evaluate(_JS, {"op": name, "factor": 2, "maxFlags": MAX_FLAGS})
        await _crop_flags(cropper, result.get("flags", []))
    except Exception as e:  # the page's own problem (navigated away, script error): recorded, not raised
        result = {"error": _short(e)}
    finally:
        try:
            await page.evaluate(_JS, {"op": "restore"})
        except Exception:
            pass
    result["ms"] = _ms(started)
    return result


async def _narrow_view(page, cropper: Cropper) -> dict:
    started = time.monotonic()
    size = page.viewport_size
    steps: dict[str, int] = {}  # where the time goes, for the benchmark
    try:
        await page.set_viewport_size(NARROW)
        await asyncio.sleep(SETTLE_S)
        steps["resize"] = _ms(started)
        result = await page.evaluate(_JS, {"op": "narrow", "maxFlags": MAX_FLAGS})
        steps["measure"] = _ms(started) - steps["resize"]
        result["width"] = NARROW["width"]
        await _crop_flags(cropper, result.get("flags", []))
    except Exception as e:
        result = {"error": _short(e)}
    finally:
        if size:
            restore = time.monotonic()
            try:
                # no wait after: whatever reads the page next brings its layout up to date
                await page.set_viewport_size(size)
            except Exception:
                pass
            steps["restore"] = _ms(restore)
    result["ms"] = _ms(started)
    result["steps_ms"] = steps
    return result


@gatherer("views")
async def gather_views(page, visit: Visit) -> dict:
    started = time.monotonic()
    try:
        baseline = await page.evaluate(_JS, {"op": "baseline"})
    except Exception as e:
        return {"error": _short(e)}
    out: dict = {"baseline": baseline, "timing_ms": {"baseline": _ms(started)}}
    cropper = Cropper(page, limit=3 * CROPS_PER_VIEW)
    try:
        for name in ("text200", "spacing"):
            out[name] = await _styled_view(page, name, cropper)
        out["narrow"] = await _narrow_view(page, cropper)
    finally:
        await cropper.close()
        try:
            await page.evaluate(_JS, {"op": "forget"})
        except Exception:
            pass
    out["images"] = cropper.images
    out["timing_ms"].update({name: out[name].get("ms") for name in ("text200", "spacing", "narrow")})
    out["timing_ms"]["total"] = _ms(started)
    return out
