"""The content checks replayed offline on a recorded crawl of tests/sites/content_site.py
(tests/artifacts/content; re-record with `python -m tests.sites.content_site tests/artifacts/content`):
the same planted findings as the live browser test, and nothing on the clean pages."""
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from parity_check import pipeline
from parity_check.artifacts import ArtifactStore
from tests.sites.content_site import CONTENT_CHECKS, EXPECTED, PLANTED_PAGES, reported

RECORDED = Path(__file__).resolve().parents[1] / "artifacts" / "content"


@pytest.fixture(scope="module")
def result():
    return pipeline.check(ArtifactStore.locate(RECORDED), only=set(CONTENT_CHECKS))


def test_every_planted_defect_and_nothing_else(result):
    assert result.check_errors == []
    assert reported(result.findings) == EXPECTED


def test_clean_pages_have_no_content_finding(result):
    audited = {urlsplit(p.url).path for p in result.pages if p.outcome == "audited"}
    assert len(audited - PLANTED_PAGES) >= 25
    assert [f for f in result.findings if urlsplit(f.url).path not in PLANTED_PAGES] == []


def test_recorded_site_artifacts():
    site = ArtifactStore.locate(RECORDED).site_artifacts()
    docs = {urlsplit(u).path: d for u, d in site["documents"]["documents"].items()}
    assert docs["/files/order-scan.pdf"]["has_text_layer"] is False
    assert docs["/files/order-text.pdf"]["has_text_layer"] is True
    assert docs["/files/budget.xlsx"]["status"] == 200  # its server refuses HEAD
    assert docs["/files/missing-report.pdf"]["status"] == 404
    assert docs["/files/download"]["type"] == "pdf"  # no extension: found by the crawl's visit
    assert not site["links"]["limit_hit"]
