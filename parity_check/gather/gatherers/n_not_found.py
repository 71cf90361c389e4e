"""How the site says "not found", learned once per language: the page it shows for an address that cannot
exist, made from the shallowest audited page of that language (`<its path>/parity-check-no-such-page-<hash>`,
its query kept, so `?lang=` still chooses the language). not_found.py then knows the site's own not-found
view by its main region, whatever its wording.

Site artifact `not_found`: {templates: {lang: {url, base_url, status, final_url, redirected, title,
main_text, echoes_base (the page shows what its base page shows: no template), api, error?}}}.
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from ...models import normalise_url
from ...not_found import TEMPLATE_MAX_CHARS, main_text, same_view
from ..registry import page_script, site_gatherer
from ..rendering import wait_rendered
from ..session import close_quietly
from .a_api import API_CALLS, MAX_CALLS

_EXTRACT = page_script("extract.js")
PROBE_SEGMENT = "parity-check-no-such-page-"


def impossible_url(base: str) -> str:
    """An address under `base` that no site has: a path segment of ours, the query (the language) kept."""
    parts = urlsplit(base)
    token = hashlib.sha1(base.encode("utf-8")).hexdigest()[:8]
    path = parts.path.rstrip("/") + "/" + PROBE_SEGMENT + token + ("/" if parts.path.endswith("/") and parts.path != "/" else "")
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def base_pages(store, languages) -> dict[str, tuple[str, str]]:
    """lang -> (URL, main text) of the shallowest audited normal page of each language."""
    best: dict[str, tuple] = {}
    for r in store.iter_pages():
        if r.mode != "normal" or r.outcome != "audited" or r.lang not in languages or not r.get("dom"):
            continue
        key = (r.depth, len(r.url), r.url)
        if r.lang not in best or key < best[r.lang][0]:
            best[r.lang] = (key, r.url, main_text(r.get("dom")))
    return {lang: (url, text) for lang, (_, url, text) in best.items()}


async def _learn(session, plan, lang: str, base: str, base_text: str) -> dict:
    url = impossible_url(base)
    out = {"url": url, "base_url": base}
    page = None
    try:
        page = await session.fresh_tab(lang, "normal")
        response = await page.goto(url, wait_until="load", timeout=plan.timeout_ms)
        await wait_rendered(page, plan.settle_ms)
        if plan.wait_for:
            try:  # a not-found view may lack what a rendered page shows; wait a little, then take it as it is
                await page.wait_for_selector(plan.wait_for, timeout=min(plan.timeout_ms, 5000))
            except Exception:
                pass
        dom = await page.evaluate(_EXTRACT, {"maxSegments": 500})
        text = main_text(dom)
        out.update(status=response.status if response else None, final_url=page.url,
                   redirected=normalise_url(page.url) != normalise_url(url), title=(dom.get("title") or "")[:200],
                   main_text=text[:TEMPLATE_MAX_CHARS + 1], echoes_base=same_view(text, base_text),
                   api=await page.evaluate(API_CALLS, {"max": MAX_CALLS}))
    except Exception as e:  # recorded: without a template the other two signs still work
        out["error"] = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300]
    finally:
        if page is not None:
            await close_quietly(page)
    return out


@site_gatherer("not_found")
async def learn_not_found(session, store, plan) -> dict:
    templates = {}
    for lang, (base, text) in sorted(base_pages(store, plan.languages).items()):
        templates[lang] = await _learn(session, plan, lang, base, text)
    return {"templates": templates}
