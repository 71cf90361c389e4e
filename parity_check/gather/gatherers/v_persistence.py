"""Does the VI mode stay on when the reader moves on? The crawl cannot tell reliably: its VI visits run in
parallel, and each language has a context (cookie jar) of its own, so it never changes language. So, for
each language whose pages have a switch, in a tab of its own: switch the mode on as the crawl does, follow a
link to another page of the same language (clicking the link on the page when there is one, as a reader
would, so a mode carried in the URL counts), then change language to the counterpart of that page in every
language not yet tested, each time measuring whether the mode is still on.

Site artifact `vi_persistence`: {probes: [{lang, url, switched, link: {to, how (click|goto), on} | null,
languages: [{lang, to, how, on}], error}]}. A step made with `goto` (no link on the page) is weaker
evidence: a mode kept in the URL is lost by it.
"""
from __future__ import annotations

from typing import NamedTuple

from ...models import normalise_url
from ...urls import page_key
from ..registry import site_gatherer
from ..vi import switch_vi_on
from .v_probing import is_on, measure, normal_metrics, note_switch_page, open_fresh, settle, short_error

_LINKS = "() => Array.from(document.querySelectorAll('a[href]')).map((a) => a.href)"


async def _go(page, url: str, plan) -> str:
    """Follows the page's own link to `url` if it has one, else opens it; says which."""
    want = normalise_url(url)
    try:
        hrefs = await page.evaluate(_LINKS)
        index = next((i for i, h in enumerate(hrefs) if normalise_url(h.split("#")[0]) == want), None)
    except Exception:
        index = None
    if index is not None:
        link = page.locator("a[href]").nth(index)
        try:
            await link.evaluate("a => a.removeAttribute('target')")  # stay in this tab
            await link.click(timeout=5000)
            await settle(page, plan)
            if normalise_url(page.url) == want:
                return "click"
        except Exception:
            pass  # hidden in a collapsed menu, covered: open it directly
    await page.goto(url, wait_until="load", timeout=plan.timeout_ms)
    await settle(page, plan, navigation=False)
    return "goto"


async def _switch(page, plan, normal: dict) -> str | None:
    result = await switch_vi_on(page, plan, normal, lambda p: measure(p, plan),
                                lambda p: settle(p, plan, navigation=False))
    return result.get("state")


class Seen(NamedTuple):
    """What the probe needs of an audited normal page; the records themselves stay on disk."""

    url: str
    lang: str | None
    depth: int
    discovered_from: str | None
    key: str  # page_key(url): the page whatever its language


def _next_page(pages, lang: str, start) -> Seen | None:
    """Another audited page of the same language, preferably one linked from the start page."""
    same = [p for p in pages if p.lang == lang and normalise_url(p.url) != normalise_url(start.url)]
    same.sort(key=lambda p: (p.discovered_from != start.url, p.depth, p.url))
    return same[0] if same else None


def _twins(pages, here: str, lang: str | None) -> dict[str | None, Seen]:
    """The other language versions of the page at `here`."""
    key = page_key(here)
    return {p.lang: p for p in pages if p.key == key and p.lang != lang}


def _wanted_normals(pages, starts: dict) -> set[tuple[str, str | None]]:
    """The (normalised URL, language) of every page a probe may compare with its normal rendering."""
    wanted = set()
    for lang, record in starts.items():
        heres = [record.url]
        nxt = _next_page(pages, lang, record)
        if nxt is not None:
            heres.append(nxt.url)
        wanted.update((normalise_url(u), lang) for u in heres)
        for here in heres:
            wanted.update((normalise_url(t.url), t.lang) for t in _twins(pages, here, lang).values())
    return wanted


async def probe(session, record, plan, pages, normals, languages_left: set) -> dict:
    lang = record.lang
    out = {"lang": lang, "url": record.url, "switched": False, "link": None, "languages": []}
    normal = lambda url, lg: normals.get((normalise_url(url), lg), {})  # noqa: E731
    page = await open_fresh(session, lang, "persistence", record.url, plan)
    try:
        if await _switch(page, plan, normal(record.url, lang)) != "active":
            return out
        out["switched"] = True
        here = record.url
        nxt = _next_page(pages, lang, record)
        if nxt is not None:
            how = await _go(page, nxt.url, plan)
            on = is_on(await measure(page, plan), normal(nxt.url, lang))
            out["link"] = {"to": nxt.url, "how": how, "on": on}
            if on or await _switch(page, plan, normal(nxt.url, lang)) == "active":
                here = nxt.url
            else:
                return out
        twins = _twins(pages, here, lang)
        for other in sorted(languages_left & set(twins)):
            target = twins[other]
            how = await _go(page, target.url, plan)
            on = is_on(await measure(page, plan), normal(target.url, other))
            out["languages"].append({"lang": other, "to": target.url, "how": how, "on": on})
            languages_left.discard(other)
            # back to where the mode is on, for the next language
            await page.goto(here, wait_until="load", timeout=plan.timeout_ms)
            await settle(page, plan, navigation=False)
            if not is_on(await measure(page, plan), normal(here, lang)) and \
                    await _switch(page, plan, normal(here, lang)) != "active":
                break
    finally:
        await page.close()
    return out


@site_gatherer("vi_persistence", reusable=True)  # it follows the site's own links
async def probe_persistence(session, store, plan) -> dict:
    if "vi" not in plan.modes:
        return {"probes": [], "skipped": "the run has no VI mode"}
    # One pass keeps a record per language to start from and a few facts of each audited normal page;
    # a second keeps the normal text metrics of only the pages the probes may visit.
    starts: dict = {}
    pages: list[Seen] = []
    for r in store.iter_pages():
        note_switch_page(starts, r)
        if r.mode == "normal" and r.outcome == "audited":
            pages.append(Seen(r.url, r.lang, r.depth, r.discovered_from, page_key(r.url)))
    normals = normal_metrics(store, _wanted_normals(pages, starts))
    # each language is a target of one language change only: enough to show the mode is lost, and the
    # probe stays a few page loads long
    left = {lang for lang in plan.languages}
    probes = []
    for lang, record in sorted(starts.items(), key=lambda kv: (kv[0] != "ru", kv[0] or "")):
        try:
            probes.append(await probe(session, record, plan, pages, normals, left - {lang}))
        except Exception as e:
            probes.append({"lang": lang, "url": record.url, "error": short_error(e)})
        for step in probes[-1].get("languages", []):
            left.discard(step["lang"])
    return {"probes": probes}
