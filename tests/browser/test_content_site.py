"""The content checks on a real crawl of tests/sites/content_site.py: every planted defect is found, and no
content finding lands on a clean page. Normal mode only (the VI mode is other checks' business), one run
shared by every test here."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.sites.content_site import ContentSite

pytestmark = pytest.mark.browser

CONTENT_CHECKS = {"missing-section", "missing-contact", "broken-link", "broken-image", "scanned-document",
                  "small-font", "stale-content", "deep-section"}


@pytest.fixture(scope="module")
def run(audit_site):
    store, result = audit_site(ContentSite(), modes=("normal",), max_pages=90)
    findings = [f for f in result.findings if f.check in CONTENT_CHECKS]
    return store, result, findings


def _path(url: str) -> str:
    return urlsplit(url).path


def _where(findings, check):
    return sorted({(_path(f.url), f.lang, f.outcome, (f.evidence or {}).get("target") or
                    (f.evidence or {}).get("src") or (f.evidence or {}).get("section") or
                    (f.evidence or {}).get("missing") or "") for f in findings if f.check == check})


def test_no_check_failed(run):
    _, result, _ = run
    assert [e for e in result.check_errors if e.check in CONTENT_CHECKS] == []


def test_site_artifacts_recorded(run):
    store, _, _ = run
    site = store.site_artifacts()
    targets = site["links"]["targets"]
    docs = site["documents"]["documents"]
    assert any(u.endswith("/img/missing.png") and t["status"] == 404 for u, t in targets.items())
    budget = next(d for u, d in docs.items() if u.endswith("/files/budget.xlsx"))
    assert budget["status"] == 200 and budget["type"] == "xlsx"  # HEAD was refused: GET fallback
    scan = next(d for u, d in docs.items() if u.endswith("/files/order-scan.pdf"))
    text = next(d for u, d in docs.items() if u.endswith("/files/order-text.pdf"))
    assert scan["has_text_layer"] is False and text["has_text_layer"] is True
    assert sorted(scan["languages_seen_by_page"]) == ["en", "kk", "ru"]


def test_planted_defects_are_found(run):
    _, _, findings = run
    broken_links = {(p, t.rsplit("/", 1)[-1]) for p, _, o, t in _where(findings, "broken-link") if o == "violation"}
    for code in ("kz", "ru", "en"):
        assert (f"/{code}/services", "old-page") in broken_links
        assert (f"/{code}/services", "reports-fails") in broken_links
    assert ("/ru/services", "missing-report.pdf") in broken_links

    broken_images = {(p, t.rsplit("/", 1)[-1]) for p, _, o, t in _where(findings, "broken-image") if o == "violation"}
    for code in ("kz", "ru", "en"):
        assert (f"/{code}/gallery", "missing.png") in broken_images
        assert (f"/{code}/gallery", "corrupt.png") in broken_images

    scanned = _where(findings, "scanned-document")
    assert {(p, o) for p, _, o, _ in scanned if p.endswith("order-scan.pdf")} == {("/files/order-scan.pdf", "violation")}
    assert ("/ru/announcement", "ru", "incomplete") in {(p, l, o) for p, l, o, _ in scanned}

    assert {(p, l) for p, l, _, _ in _where(findings, "small-font")} == {("/kz/about", "kk")}
    assert [(l, o, s) for _, l, o, s in _where(findings, "missing-section")] == [("en", "violation", "efficiency")]
    assert [(p, l, o, s) for p, l, o, s in _where(findings, "missing-contact")] == [
        ("/en/contacts", "en", "violation", "email")]
    stale = {(p, o) for p, _, o, _ in _where(findings, "stale-content")}
    assert stale == {("/kz/news", "violation"), ("/ru/statistics", "violation")}
    assert [(p, l, o, s) for p, l, o, s in _where(findings, "deep-section")] == [
        ("/ru/appeals", "ru", "violation", "appeals")]


PLANTED_PAGES = {"/kz/services", "/ru/services", "/en/services", "/kz/gallery", "/ru/gallery", "/en/gallery",
                 "/files/order-scan.pdf", "/ru/announcement", "/kz/about", "/en/", "/en/contacts", "/kz/news",
                 "/ru/statistics", "/ru/appeals"}


def test_nothing_reported_on_clean_pages(run):
    _, result, findings = run
    audited = {_path(p.url) for p in result.pages if p.outcome == "audited"}
    clean = audited - PLANTED_PAGES
    assert len(clean) >= 30
    stray = [(f.check, f.url, f.selector, f.message) for f in findings if _path(f.url) in clean]
    assert stray == []
    # and on the planted pages, only the planted checks
    assert {f.check for f in findings if _path(f.url) == "/en/"} == {"missing-section"}
