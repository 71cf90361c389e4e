"""What the VI-mode probes (v_keyboard, v_persistence) share: picking the pages to probe from the crawl's
records, opening one in a context of its own, finding the switch again, and telling whether the mode is on.
Registers no gatherer.

"On" means what the crawl means by it (vi._changed): the mode's markers are present, text grew clearly
larger than on the normal page, or much more text reaches 7:1 contrast.
"""
from __future__ import annotations

from ...models import normalise_url
from ..registry import load_js
from ..rendering import wait_rendered
from ..vi import _changed

VI_PROBE = load_js("vi_probe.js")
MARK = "[data-parity-check-vi]"


def normal_metrics(store, wanted: set[tuple[str, str | None]] | None = None) -> dict[tuple[str, str | None], dict]:
    """text_metrics of the audited normal pages, by (normalised URL, language): only those in `wanted`
    (the few pages a probe visits) when it is given, so memory does not grow with the site."""
    out = {}
    for r in store.iter_pages():
        if r.mode == "normal" and r.outcome == "audited" and r.get("text_metrics"):
            key = (normalise_url(r.url), r.lang)
            if wanted is None or key in wanted:
                out[key] = r.get("text_metrics")
    return out


def note_switch_page(best: dict[str | None, object], r) -> None:
    """Keeps `r` in `best` if it is the VI record to probe for its language (see switch_pages)."""
    vi = r.get("vi") or {}
    method = vi.get("method") or ""
    if r.mode != "vi" or vi.get("state") not in ("active", "ineffective") or method == "persisted":
        return
    if not (vi.get("switch") or method.startswith("profile")):
        return
    if r.lang not in best or (r.depth, r.url) < (best[r.lang].depth, best[r.lang].url):
        best[r.lang] = r


def switch_pages(store) -> dict[str | None, object]:
    """For each language, the VI record to probe: one where the crawl found and used a switch (so it is
    known to be there), the shallowest first; languages with no switch are left out. One record per
    language is kept, however many pages the store holds."""
    best: dict[str | None, object] = {}
    for r in store.iter_pages():
        note_switch_page(best, r)
    return best




async def settle(page, plan, navigation: bool = True) -> None:
    """Waits for the page to finish what a key press or click started (a reload, a restyle)."""
    for attempt in (1, 2):
        if navigation:
            try:
                await page.wait_for_load_state("load", timeout=plan.timeout_ms)
            except Exception:
                pass
        try:
            await wait_rendered(page, max(plan.settle_ms, 150), after_action=True)
            return
        except Exception:
            pass  # a navigation replaced the document mid-wait: wait for the new one once more


async def measure(page, plan) -> dict:
    return await page.evaluate(VI_PROBE, {"probe": "measure", "activeSelector": plan.vi_active_selector})


def is_on(metrics: dict, normal: dict) -> bool:
    return bool(metrics) and _changed(normal or {}, metrics, normal or {})


async def mark_switch(page, plan) -> dict | None:
    """Marks the VI switch with data-parity-check-vi and describes it; the profile's first click target
    when the site has a profile, else what vi_probe.js finds. None when there is none."""
    first = plan.vi_steps[0] if plan.vi_steps else None
    if first is not None and first.verb == "click":
        loc = page.locator(first.target).first
        if not await loc.count():
            return None
        await loc.evaluate("el => el.setAttribute('data-parity-check-vi', '1')")
        return {"how": "profile", "selector": first.target}
    if first is not None:
        return None  # switched by cookies or a URL: there is no control to operate
    found = await page.evaluate(VI_PROBE, {"probe": "find", "activeSelector": plan.vi_active_selector,
                                           "names": plan.vi_switch_names()})
    return found[0] if found else None


async def open_fresh(session, lang, purpose: str, url: str, plan):
    """A tab in a context of its own (no cookie or storage of the crawl), on `url`."""
    page = await session.fresh_tab(lang, purpose)
    await page.context.clear_cookies()
    await page.goto(url, wait_until="load", timeout=plan.timeout_ms)
    await settle(page, plan, navigation=False)
    return page


def short_error(e: Exception) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg}"[:200]
