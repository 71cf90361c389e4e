"""The parity checks on a replica site with planted defects: recall and precision of what they find, and
silence on the sections that are in step. Two replicas of different shape: an akimat site with
/kz/ /ru/ /en/ paths and a gov.kz-like one with ?lang=. Set PARITY_RECORD=1 to copy each run's artifacts into
tests/artifacts/parity/<site>/ for the offline unit tests and the benchmark."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.sites.parity_site import GOV, IN_STEP, IN_STEP_GOV, PLANTED, PLANTED_GOV, GovParitySite, ParitySite

PARITY_CHECKS = {"missing-item", "missing-document", "number-mismatch", "stale-language", "truncated-text",
                 "copied-text", "hreflang-error", "missing-language-version"}
RECORDED = Path(__file__).resolve().parents[1] / "artifacts" / "parity"
SITES = {  # name -> (site factory, start path, planted defects, paths in step)
    "akimat": (ParitySite, "/kz/", PLANTED, IN_STEP),
    "gov": (GovParitySite, f"{GOV}?lang=kk", PLANTED_GOV, IN_STEP_GOV),
}


def matches(finding, planted) -> bool:
    return (finding.check == planted["check"] and urlsplit(finding.url).path == planted["path"]
            and finding.lang == planted["lang"])


def score(findings, planted=PLANTED):
    """(recall, precision, missed planted, unexpected findings) over the parity findings of a run."""
    parity = [f for f in findings if f.check in PARITY_CHECKS]
    found = [p for p in planted if any(matches(f, p) for f in parity)]
    unexpected = [f for f in parity if not any(matches(f, p) for p in planted)]
    recall = len(found) / len(planted)
    precision = (len(parity) - len(unexpected)) / len(parity) if parity else 0.0
    return recall, precision, [p for p in planted if p not in found], unexpected


def in_step_paths(name):
    return SITES[name][3]


@pytest.fixture(scope="module", params=sorted(SITES))
def parity_run(request, audit_site):
    factory, start, planted, _ = SITES[request.param]
    store, result = audit_site(factory(), path=start, modes=("normal",), max_pages=120, concurrency=2)
    if os.environ.get("PARITY_RECORD"):
        target = RECORDED / request.param
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(store.root, target)
    return request.param, planted, result


@pytest.mark.browser
def test_planted_parity_defects_are_found_with_recall_and_precision_of_90_percent(parity_run):
    name, planted, result = parity_run
    recall, precision, missed, unexpected = score(result.findings, planted)
    detail = "missed: %s\nunexpected: %s" % (
        [p["what"] for p in missed],
        [(f.check, urlsplit(f.url).path, f.lang, f.message) for f in unexpected])
    print(f"{name}: parity recall {recall:.0%} precision {precision:.0%}")
    assert recall >= 0.9, detail
    assert precision >= 0.9, detail


@pytest.mark.browser
def test_no_parity_finding_on_sections_in_step(parity_run):
    name, _, result = parity_run
    noisy = [(f.check, f.url, f.message) for f in result.findings
             if f.check in PARITY_CHECKS and urlsplit(f.url).path in in_step_paths(name)]
    assert noisy == []


@pytest.mark.browser
def test_every_parity_finding_says_why_and_names_its_counterpart(parity_run):
    _, _, result = parity_run
    for f in result.findings:
        if f.check in PARITY_CHECKS:
            assert f.related, f
            assert f.evidence, f
            if f.check in ("missing-item", "missing-document", "number-mismatch", "copied-text"):
                assert any(k in f.evidence for k in ("pairing_score", "pairing_score_among_present", "why",
                                                     "matched", "why_absent")), f
