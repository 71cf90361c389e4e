"""The content checks on a live crawl of tests/sites/content_site.py: every planted defect is found, and no
content finding lands on a clean page. Normal mode only (the VI mode is other checks' business); one run
shared by the tests here."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.sites.content_site import CONTENT_CHECKS, EXPECTED, PLANTED_PAGES, ContentSite, reported

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def run(audit_site):
    return audit_site(ContentSite(), modes=("normal",), max_pages=90)


def test_content_checks_ran(run):
    _, result = run
    assert [e for e in result.check_errors if e.check in CONTENT_CHECKS] == []


def test_every_planted_defect_is_found_and_nothing_else(run):
    _, result = run
    assert reported(result.findings) == EXPECTED


def test_nothing_reported_on_clean_pages(run):
    _, result = run
    audited = {urlsplit(p.url).path for p in result.pages if p.outcome == "audited"}
    assert len(audited - PLANTED_PAGES) >= 25
    stray = [(f.check, f.url, f.selector, f.message) for f in result.findings
             if f.check in CONTENT_CHECKS and urlsplit(f.url).path not in PLANTED_PAGES]
    assert stray == []


def test_site_artifacts_recorded(run):
    store, _ = run
    site = store.site_artifacts()
    targets = {urlsplit(u).path: t for u, t in site["links"]["targets"].items()}
    docs = {urlsplit(u).path: d for u, d in site["documents"]["documents"].items()}
    assert targets["/img/missing.png"]["status"] == 404 and targets["/img/corrupt.png"]["broken_in_page"]
    assert (docs["/files/budget.xlsx"]["status"], docs["/files/budget.xlsx"]["type"]) == (200, "xlsx")  # GET fallback
    assert docs["/files/order-scan.pdf"]["has_text_layer"] is False
    assert docs["/files/order-text.pdf"]["has_text_layer"] is True
    assert docs["/files/order-scan.pdf"]["languages_seen_by_page"] == ["en", "kk", "ru"]
    assert (docs["/files/download"]["type"], docs["/files/download"]["has_text_layer"]) == ("pdf", True)
