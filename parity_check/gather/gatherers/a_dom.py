"""The page as a reader meets it: text segments, links, images, alternates (see extract.js)."""
from ..registry import Visit, gatherer, load_js

_EXTRACT = load_js("extract.js")


@gatherer("dom")
async def gather_dom(page, visit: Visit) -> dict:
    return await page.evaluate(_EXTRACT, {"maxSegments": 3000})
