"""What the page's own API calls answered: the evidence a single-page app leaves when an item does not exist in
a language (its API call answered 404 or nothing, and the app drew its "not found" view). Read by
not_found.py. Artifact `api`: {total, calls: [{url, type (fetch|xmlhttprequest), status, bytes}]}."""
from ..registry import Visit, gatherer, load_js

API_CALLS = load_js("api_calls.js")
MAX_CALLS = 100


@gatherer("api")
async def gather_api(page, visit: Visit) -> dict:
    return await page.evaluate(API_CALLS, {"max": MAX_CALLS})
