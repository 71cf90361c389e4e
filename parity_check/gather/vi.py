"""Switching a site's mode for the visually impaired on, the way a profile says or by finding the widget.

The result is recorded for every VI page: `active` (the mode is on: its markers are present, or text grew
clearly larger or contrast rose), `absent` (no switch was found) or `ineffective` (switched, nothing changed).
Judging how good the mode is belongs to the offline checks; they get the before/after measurements.
"""
from __future__ import annotations

import asyncio
from urllib.parse import urljoin

from .registry import load_js

_VI_PROBE = load_js("vi_probe.js")
GROWTH_THAT_COUNTS = 1.15  # median body text 15% larger: the mode did something a reader would notice


def _changed(before: dict, after: dict, normal: dict) -> bool:
    if after.get("markers"):
        return True
    base = normal.get("median_font_px") or before.get("median_font_px")
    grown = (after.get("median_font_px") or 0) >= (base or 1e9) * GROWTH_THAT_COUNTS
    contrast_up = (after.get("share_contrast_7") or 0) >= (before.get("share_contrast_7") or 0) + 0.2
    return grown or contrast_up


async def _perform(page, action, wait_rendered) -> None:
    verb, target, value = action.verb, action.target, action.value
    if verb == "click":
        await page.locator(target).first.click(timeout=5000)
    elif verb == "click text":
        await page.get_by_text(target, exact=False).first.click(timeout=5000)
    elif verb == "set cookie":
        await page.context.add_cookies([{"name": target, "value": value, "url": page.url}])
    elif verb == "set localStorage":
        await page.evaluate("([k, v]) => localStorage.setItem(k, v)", [target, value])
    elif verb == "open":
        await page.goto(urljoin(page.url, target), wait_until="load")
    elif verb == "wait":
        await asyncio.sleep(int(target) / 1000)
    elif verb == "wait for":
        await page.wait_for_selector(target, timeout=10000)
    elif verb == "press":
        await page.keyboard.press(target)
    else:  # the profile loader validates actions; reaching this is a bug in it
        raise ValueError(f"unknown VI action {verb!r}")
    await wait_rendered(page)


async def switch_vi_on(page, plan, normal: dict, measure, wait_rendered) -> dict:
    before = await measure(page)
    result = {"state": None, "method": None, "switch": None, "before": before, "after": None,
              "normal": normal}
    if _changed(normal, before, normal):
        # The mode carried over from an earlier page of this context (a cookie or localStorage):
        # that is the persistence a reader expects, so it is not switched again (it would toggle off).
        result.update(state="active", method="persisted", after=before)
        return result

    if plan.vi_steps:
        result["method"] = "profile: " + "; ".join(str(a) for a in plan.vi_steps)
        for action in plan.vi_steps:
            await _perform(page, action, wait_rendered)
    else:
        found = await page.evaluate(_VI_PROBE, {"probe": "find", "activeSelector": plan.vi_active_selector,
                                                "names": plan.vi_switch_names()})
        if not found:
            result.update(state="absent", after=before)
            return result
        switch = found[0]
        result["switch"] = switch
        result["method"] = f"click {switch['how']}"
        locator = page.locator("[data-parity-check-vi]").first
        try:
            await locator.click(timeout=5000)
        except Exception:
            # Hidden or covered switches still count as present; a script click tells whether they work.
            await locator.evaluate("el => el.click()")
            result["method"] += " (script click: the switch was not clickable)"
        try:
            await page.wait_for_load_state("load", timeout=plan.timeout_ms)
        except Exception:
            pass
        await wait_rendered(page)
    after = await measure(page)
    result["after"] = after
    result["state"] = "active" if _changed(before, after, normal) else "ineffective"
    return result
