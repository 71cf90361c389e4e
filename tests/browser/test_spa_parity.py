"""Parity on a single-page platform, in real Chromium: the gov.kz SPA replica (tests/sites/govkz_spa.py) answers
every URL with its app shell; a missing language version of a news item or document is a "not found" view
over an API that answered 404 or nothing. Each missing thing must be found, once, and the pages that do not
exist must never be audited; the portals every state body must link to are checked per language.
bench/spa_parity_bench.py prints the same figures for every variant and every link removal."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from parity_check.config import load_profile
from tests.sites import govkz_spa

pytestmark = pytest.mark.browser
# The portals are real hosts: the links gatherer must not ask them (test traffic stays on loopback).
SKIP = ("links", "documents", "views", "crops", "generated_text", "vi_keyboard", "vi_persistence", "crop_files")
PROFILE = load_profile(f"govkz?slug={govkz_spa.SLUG}")


def spa_run(audit_site, name, max_depth=5, **site_options):
    return audit_site(govkz_spa.govkz_spa_site(**site_options), path=govkz_spa.ENTRY, name=name,
                      modes=("normal",), skip=SKIP, max_pages=120, max_depth=max_depth,
                      wait_for=PROFILE.wait_for, timeout_ms=20000)


@pytest.fixture(scope="module", params=[("404", "platform"), ("empty", "other")], ids=["404-platform", "empty-other"])
def variant(request, audit_site):
    api, wording = request.param
    store, result = spa_run(audit_site, f"spa-{api}-{wording}", missing_api=api, wording=wording)
    return request.param, store, result


def test_every_missing_version_is_found_once(variant):
    (api, wording), _, result = variant
    s = govkz_spa.score_missing(result)
    print(f"\napi={api} wording={wording}: recall {s['recall']:.0%} precision {s['precision']:.0%} "
          f"({s['findings']} findings for {s['things']} missing things; not found by {s['told_by']})")
    assert s["recall"] >= 0.95 and s["precision"] >= 0.95, (s["missed"], s["unexpected"])
    assert s["duplicates"] == 0
    for planted in govkz_spa.PLANTED:
        if planted["check"].startswith("missing-"):
            assert any(f.check == planted["check"] and f.lang == planted["lang"]
                       and urlsplit(f.url).path == planted["path"].split("?")[0] for f in result.findings), planted


def test_pages_that_do_not_exist_are_not_audited(variant):
    (_, wording), _, result = variant
    s = govkz_spa.score_missing(result)
    assert s["missing_pages_not_found"] == s["things"] and s["truncated_on_missing"] == 0
    gone = {(urlsplit(p.url).path, p.lang) for p in result.pages if p.outcome == "not_found"}
    for f in result.findings:  # nothing is reported about a page that does not exist but its absence
        if (urlsplit(f.url).path, f.lang) in gone:
            assert f.check in ("missing-language-version", "missing-document"), f
    assert result.coverage["pages_not_found"] == len(gone) >= s["things"]
    if wording == "other":  # a wording no data knows: the API answers and the learned not-found page tell
        assert set(s["told_by"]) <= {"api", "template"}


def test_the_evidence_the_gatherers_recorded(variant):
    (api, wording), store, _ = variant
    templates = store.site_artifacts()["not_found"]["templates"]
    assert sorted(templates) == ["en", "kk", "ru"]
    expected = govkz_spa.ENTITY["kk"]["not_found"] if wording == "platform" else govkz_spa.OTHER_NOT_FOUND["kk"]
    assert templates["kk"]["status"] == 200 and expected in templates["kk"]["main_text"]
    assert not templates["kk"]["echoes_base"] and not templates["kk"]["redirected"]
    page = next(p for p in store.iter_pages() if "/press/news/details/204" in p.url and p.lang == "en")
    calls = {urlsplit(c["url"]).path: c for c in page.get("api")["calls"]}
    call = calls[f"/api/v1/entities/{govkz_spa.SLUG}/press/news/204"]
    assert (call["status"], call["bytes"] if api == "empty" else None) == ((404, None) if api == "404" else (200, 4))


def test_required_portal_links(audit_site):
    def findings(**options):
        name = "spa-links-" + "-".join(f"{k}={v}" for k, v in sorted(options.items()))
        _, result = spa_run(audit_site, name, max_depth=0, portals=True, **options)
        return sorted((f.evidence["portal"], f.lang, f.message_key) for f in result.findings
                      if f.check == "missing-required-link")

    assert findings() == []
    assert findings(drop_portal=("open_budgets", "kk")) == [("open_budgets", "kk", "missing-required-link.missing")]
    assert findings(wrong_version=("egov", "en")) == [("egov", "en", "missing-required-link.wrong_version")]
