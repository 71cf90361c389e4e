"""The views gatherer on small pages set in a tab of the shared browser (no crawl): what each view flags,
that a clean page is not flagged, and that the page is given back as it was (styles, viewport, globals)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "fixed-height": "<style>.box{font-size:22px;line-height:26px;max-height:60px;overflow:hidden}</style>"
                    "<p class=box>A box of fixed height that cuts off these words as soon as the text grows.</p>",
    "wide": "<main><p style='width:50em'>A paragraph fifty ems wide that a narrow window cannot hold, so each "
            "of its lines runs off to the right.</p></main>",
    "cramped-label": "<style>.tag{display:inline-block;width:120px;height:20px;overflow:hidden;white-space:nowrap;"
                     "font:14px Arial}</style><span class=tag>Popular services</span>",
    "overlap": "<style>.row{position:relative;height:24px}.a{position:absolute;left:0;width:200px}"
               ".b{position:absolute;left:210px}</style><div class=row><span class=a>A label on the left side</span>"
               "<span class=b>Right</span></div><p>Text under the row of labels.</p>",
    "clean": "<header><a href='#'>Home</a></header><main><h1>Apply for a licence</h1><p>You need a licence to fish."
             "</p><table><tr><td>2025</td><td>2,000 tenge</td></tr></table></main>",
    "carousel": "<style>.track{overflow:hidden;width:300px}.slides{display:flex;width:900px}"
                ".slides p{width:300px;margin:0}</style><div class=track><div class=slides><p>First slide</p>"
                "<p>Second slide</p><p>Third slide</p></div></div>",
}


@pytest.fixture(scope="module")
def views(shared_browser):
    from parity_check.gather.gatherers.v_views import gather_views
    from parity_check.gather.registry import Visit

    loop, browser = shared_browser.loop, shared_browser.session.browser

    async def measure_all():
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        out = {}
        try:
            for name, body in PAGES.items():
                await page.set_content(f"<!doctype html><html lang=en><body>{body}</body></html>")
                before = await page.evaluate("document.body.innerHTML")
                result = await gather_views(page, Visit("http://x/", "en", "normal", False, 0))
                after = await page.evaluate("document.body.innerHTML")
                left = await page.evaluate("[!!window.__parityViews, !!document.getElementById('__parity_spacing'),"
                                           " scrollX, scrollY]")
                out[name] = (result, before, after, page.viewport_size, left)
        finally:
            await page.close()
        return out

    return loop.run_until_complete(measure_all())


def kinds(result, view):
    return sorted(f["kind"] for f in result[view].get("flags", []))


def test_each_view_flags_its_barrier(views):
    assert kinds(views["fixed-height"][0], "text200") == ["clipped"]
    assert kinds(views["wide"][0], "narrow") == ["offscreen"]
    assert views["wide"][0]["narrow"]["scrolls"] and views["wide"][0]["narrow"]["scroll_width"] > 320
    assert kinds(views["cramped-label"][0], "spacing") == ["clipped"]
    assert "overlap" in kinds(views["overlap"][0], "text200")


def test_clean_pages_and_clipping_by_design_are_not_flagged(views):
    for name in ("clean", "carousel"):
        result = views[name][0]
        assert {v: kinds(result, v) for v in ("text200", "spacing", "narrow")} == \
            {"text200": [], "spacing": [], "narrow": []}, name


def test_flags_carry_crops_and_selectors(views):
    result = views["fixed-height"][0]
    flag = result["text200"]["flags"][0]
    assert flag["selector"] == "body > p.box" and flag["crop"] in result["images"]
    image = result["images"][flag["crop"]]
    assert image["png"] and 0 < image["w"] <= 400


def test_the_page_is_given_back_as_it_was(views):
    for name, (result, before, after, viewport, left) in views.items():
        assert viewport == {"width": 1280, "height": 900}, name
        assert left == [False, False, 0, 0], name
        # inline styles are re-serialised by the browser ("a:b" -> "a: b;"), so compare without those
        assert re.sub(r"[\s;]", "", before) == re.sub(r"[\s;]", "", after), name
        assert set(result["timing_ms"]) >= {"baseline", "text200", "spacing", "narrow", "total"}
