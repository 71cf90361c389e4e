"""Can a keyboard user switch the VI mode on? For each language whose pages have a switch, in a tab of its
own (the crawl's VI tabs keep their mode and cookies): Tab through the page, at most MAX_TABS presses, until
the switch (or an element around or inside it) has focus; press Enter, and if the mode does not come on, load
the page afresh and try Space; and read the switch's accessible name as Chromium's accessibility tree
computes it.

Site artifact `vi_keyboard`: {probes: [{lang, url, found, how, tag, role, accessible_name, ax_role,
ax_ignored, focusable (static), tab_order (reached|cycled|budget), reached (true|false|null: presses ran
out), presses, activated_by (Enter|Space|null), error}]}.
"""
from __future__ import annotations

from ...models import normalise_url
from ..registry import site_gatherer
from .v_probing import MARK, is_on, mark_switch, measure, normal_metrics, open_fresh, settle, short_error, switch_pages

MAX_TABS = 150  # a state body's header and mega-menu can hold a hundred links before the switch

# Where focus is relative to the switch: on it, inside it, around it (a link wrapping a labelled span).
_FOCUS = f"""() => {{
  const a = document.activeElement, s = document.querySelector('{MARK}');
  if (!a || !s || a === document.body) return a === document.body ? 'body' : null;
  if (a === s) return 'self';
  if (s.contains(a)) return 'inside';
  if (a.contains(s)) return 'around';
  return 'other:' + a.tagName + (a.id ? '#' + a.id : '') + ':' + (a.getAttribute('href') || a.textContent || '').slice(0, 40);
}}"""


async def _accessible_name(page) -> dict:
    """Name and role from Chromium's accessibility tree: what a screen reader announces."""
    cdp = await page.context.new_cdp_session(page)
    try:
        doc = await cdp.send("DOM.getDocument", {"depth": 0})
        found = await cdp.send("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": MARK})
        if not found.get("nodeId"):
            return {}
        tree = await cdp.send("Accessibility.getPartialAXTree", {"nodeId": found["nodeId"], "fetchRelatives": False})
        node = (tree.get("nodes") or [{}])[0]
        return {"accessible_name": (node.get("name") or {}).get("value") or "",
                "ax_role": (node.get("role") or {}).get("value"), "ax_ignored": bool(node.get("ignored"))}
    finally:
        await cdp.detach()


async def _tab_to_switch(page) -> tuple[str, int]:
    """Presses Tab until focus reaches the switch: ("reached", presses); ("cycled", n) when focus came round
    to an element it had already visited, so the switch is not in the tab order; ("budget", MAX_TABS)
    when the presses ran out first (a very long tab order: nothing is known)."""
    await page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); scrollTo(0, 0); }")
    seen = set()
    for n in range(1, MAX_TABS + 1):
        await page.keyboard.press("Tab")
        where = await page.evaluate(_FOCUS)
        if where in ("self", "inside", "around"):
            return "reached", n
        if where is not None and where.startswith("other:"):
            if where in seen and len(seen) > 2:
                return "cycled", n
            seen.add(where)
    return "budget", MAX_TABS


async def _try_key(session, record, plan, normal, key: str) -> bool:
    page = await open_fresh(session, record.lang, "keyboard", record.url, plan)
    try:
        if not await mark_switch(page, plan):
            return False
        before = await measure(page, plan)
        status, _ = await _tab_to_switch(page)
        if status != "reached":
            return False
        await page.keyboard.press(key)
        await settle(page, plan)
        after = await measure(page, plan)
        return is_on(after, normal) and not is_on(before, normal)
    finally:
        await page.close()


async def probe(session, record, plan, normal: dict) -> dict:
    out = {"lang": record.lang, "url": record.url, "found": False}
    page = await open_fresh(session, record.lang, "keyboard", record.url, plan)
    try:
        switch = await mark_switch(page, plan)
        if not switch:
            return out
        out.update(found=True, **{k: switch.get(k) for k in ("how", "tag", "role", "text", "focusable", "visible")})
        out.update(await _accessible_name(page))
        status, out["presses"] = await _tab_to_switch(page)
        # reached: True, False (focus went all round the page without meeting it) or None (not known)
        out["tab_order"] = status
        out["reached"] = {"reached": True, "cycled": False}.get(status)
    finally:
        await page.close()
    out["activated_by"] = None
    if out["reached"]:
        for key in ("Enter", "Space"):
            if await _try_key(session, record, plan, normal, key):
                out["activated_by"] = key
                break
    return out


@site_gatherer("vi_keyboard", reusable=True)  # it presses keys on the site's own pages
async def probe_keyboard(session, store, plan) -> dict:
    if "vi" not in plan.modes:
        return {"probes": [], "skipped": "the run has no VI mode"}
    starts = switch_pages(store)
    normals = normal_metrics(store, {(normalise_url(r.url), lang) for lang, r in starts.items()})
    probes = []
    for lang, record in sorted(starts.items(), key=lambda kv: kv[0] or ""):
        try:
            probes.append(await probe(session, record, plan, normals.get((normalise_url(record.url), lang), {})))
        except Exception as e:  # a probe that fails says so; the check treats it as unknown
            probes.append({"lang": lang, "url": record.url, "error": short_error(e)})
    return {"probes": probes, "max_tabs": MAX_TABS}
