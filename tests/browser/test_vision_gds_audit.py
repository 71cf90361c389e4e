"""The GDS accessibility tool audit replicas (tests/sites/gds_audit): how many of the barriers of the CSS,
Typography and Page layout categories the checker finds, and nothing on the clean control page. Normal mode
only; one run for the whole module."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.sites.gds_audit import BARRIERS, CONTROL, GdsAuditSite

pytestmark = pytest.mark.browser

# The barriers these checks are built to find (the others need a screen-reader view of the page).
EXPECTED = {
    "css-content-is-not-readable-and-functional-when-text-is-increased",
    "css-page-zoom-boxes-that-dont-expand-with-the-text",
    "css-non-decorative-content-inserted-using-css",
    "typography-inadequate-line-height-used",
    "typography-all-caps-text-found",
    "typography-italics-used-on-long-sections-of-text",
    "typography-long-lines-of-text",
    "typography-very-small-text-found",
    "typography-justified-text-found",
    "page-layout-wide-page-forces-users-to-scroll-horizontally",
}


@pytest.fixture(scope="module")
def run(audit_site):
    return audit_site(GdsAuditSite(), modes=("normal",), max_pages=20, max_depth=1)


@pytest.fixture(scope="module")
def by_page(run):
    out: dict[str, set] = {}
    for f in run[1].findings:
        out.setdefault(urlsplit(f.url).path, set()).add(f.check)
    return out


def _record_state(store, slug):
    """What the crawl recorded for a page, to explain a miss."""
    for r in store.iter_pages():
        if urlsplit(r.url).path == f"/tests/{slug}.html":
            views = r.get("views") or {}
            return {"outcome": r.outcome, "error": r.error, "gather_errors": r.get("gather_errors"),
                    "views": {v: (views.get(v) or {}).get("flags") or (views.get(v) or {}).get("error")
                              for v in ("text200", "spacing", "narrow")}}
    return "not crawled"


def test_barriers_found(run, by_page):
    found = {b.slug for b in BARRIERS if by_page.get(f"/tests/{b.slug}.html", set()) & set(b.found_by)}
    print(f"\nGDS audit barriers found: {len(found)} of {len(BARRIERS)} pages "
          f"(the audit counts 12 in these categories)")
    assert found == EXPECTED, {slug: (by_page.get(f"/tests/{slug}.html"), _record_state(run[0], slug))
                               for slug in EXPECTED - found}
    assert len(found) >= 8


def test_nothing_on_the_control_page(by_page):
    assert by_page.get(f"/tests/{CONTROL.slug}.html", set()) == set()
