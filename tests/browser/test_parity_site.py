"""The parity checks on a replica site with planted defects: recall and precision of what they find, and
silence on the sections that are in step. Set PARITY_RECORD=1 to copy the run's artifacts into
tests/artifacts/parity/ for the offline unit tests."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.sites.parity_site import IN_STEP, PLANTED, ParitySite

PARITY_CHECKS = {"missing-item", "missing-document", "number-mismatch", "stale-language", "truncated-text",
                 "copied-text", "hreflang-error"}
RECORDED = Path(__file__).resolve().parents[1] / "artifacts" / "parity"


def matches(finding, planted) -> bool:
    return (finding.check == planted["check"] and urlsplit(finding.url).path == planted["path"]
            and finding.lang == planted["lang"])


def score(findings):
    """(recall, precision, missed planted, unexpected findings) over the parity findings of a run."""
    parity = [f for f in findings if f.check in PARITY_CHECKS]
    found = [p for p in PLANTED if any(matches(f, p) for f in parity)]
    unexpected = [f for f in parity if not any(matches(f, p) for p in PLANTED)]
    recall = len(found) / len(PLANTED)
    precision = (len(parity) - len(unexpected)) / len(parity) if parity else 0.0
    return recall, precision, [p for p in PLANTED if p not in found], unexpected


@pytest.fixture(scope="module")
def parity_run(audit_site):
    store, result = audit_site(ParitySite(), path="/kz/", modes=("normal",), max_pages=120, concurrency=2)
    if os.environ.get("PARITY_RECORD"):
        if RECORDED.exists():
            shutil.rmtree(RECORDED)
        shutil.copytree(store.root, RECORDED)
    return store, result


@pytest.mark.browser
def test_planted_parity_defects_are_found_with_recall_and_precision_of_90_percent(parity_run):
    _, result = parity_run
    recall, precision, missed, unexpected = score(result.findings)
    detail = "missed: %s\nunexpected: %s" % (
        [p["what"] for p in missed],
        [(f.check, urlsplit(f.url).path, f.lang, f.message) for f in unexpected])
    print(f"parity recall {recall:.0%} precision {precision:.0%}")
    assert recall >= 0.9, detail
    assert precision >= 0.9, detail


@pytest.mark.browser
def test_no_parity_finding_on_sections_in_step(parity_run):
    _, result = parity_run
    noisy = [(f.check, f.url, f.message) for f in result.findings
             if f.check in PARITY_CHECKS and urlsplit(f.url).path in IN_STEP]
    assert noisy == []


@pytest.mark.browser
def test_every_parity_finding_says_why_and_names_its_counterpart(parity_run):
    _, result = parity_run
    for f in result.findings:
        if f.check in PARITY_CHECKS:
            assert f.related, f
            assert f.evidence, f
            if f.check in ("missing-item", "missing-document", "number-mismatch", "copied-text"):
                assert any(k in f.evidence for k in ("pairing_score", "pairing_score_among_present", "why",
                                                     "matched", "why_absent")), f
