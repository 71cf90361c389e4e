"""The page as a reader meets it: text segments, links, images, alternates (see extract.js)."""
from ..registry import Visit, gatherer, page_script

_EXTRACT = page_script("extract.js")


@gatherer("dom")
async def gather_dom(page, visit: Visit) -> dict:
    return await page.evaluate(_EXTRACT, {"maxSegments": 3000})
