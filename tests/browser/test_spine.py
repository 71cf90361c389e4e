"""The spine end to end, with the real Chromium and axe-core, on an older-style akimat replica served on
127.0.0.1 with NO profile: /kz/ /ru/ /en/ prefixes, the root redirecting to Russian, a bvi-style VI widget
kept in cookies on the Kazakh and Russian pages and none on the English ones."""
import json
from importlib.resources import files

import jsonschema
import pytest

from parity_check import pipeline
from parity_check.artifacts import ArtifactStore
from parity_check.report import write_reports
from parity_check.urls import page_key
from tests.sites.akimat_replica import PLANTED, akimat_replica_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def replica(audit_site):
    return audit_site(akimat_replica_site(), "/", name="akimat-replica")


def _path(url):
    return "/" + url.split("/", 3)[3]


def test_every_page_in_every_language_has_a_normal_and_a_vi_entry(replica):
    _, result = replica
    entries = {(page_key(p.url), p.lang, p.mode) for p in result.pages}
    keys = {page_key(p.url) for p in result.pages}
    for key in keys:
        for lang in ("kk", "ru", "en"):
            assert (key, lang, "normal") in entries, (key, lang)
            assert (key, lang, "vi") in entries, (key, lang)
    assert len(keys) >= 5
    assert result.coverage["pages_failed"] == 0 and not result.coverage["truncated"]


def test_vi_mode_switched_on_in_kazakh_and_russian_absent_in_english(replica):
    _, result = replica
    vi = {(p.lang, p.vi_state) for p in result.pages if p.mode == "vi"}
    assert vi == {("kk", "active"), ("ru", "active"), ("en", "absent")}


def test_planted_axe_defects_are_reported_where_they_are(replica):
    _, result = replica
    axe = {(f.check, _path(f.url), f.lang, f.mode) for f in result.findings if f.source == "axe"
           and f.outcome == "violation"}
    for planted in PLANTED:
        if planted["check"] not in ("image-alt", "color-contrast", "label"):
            continue
        modes = ("normal", "vi") if planted["mode"] == "both" else (planted["mode"],)
        for mode in modes:
            assert (planted["check"], planted["path"], planted["lang"], mode) in axe, planted
    # the notice whose contrast fails only in the VI mode is not reported in the normal mode
    assert ("color-contrast", "/kz/about", "kk", "normal") not in axe


def test_nothing_is_reported_from_a_vi_mode_that_never_switched_on(replica):
    _, result = replica
    inactive = {(p.url, p.lang) for p in result.pages if p.mode == "vi" and p.vi_state != "active"}
    assert inactive
    leaked = [f for f in result.findings if f.mode == "vi" and (f.url, f.lang) in inactive
              and f.check not in ("vi-mode-missing", "vi-mode-ineffective", "vi-mode-keyboard")]
    assert leaked == []


def test_root_redirect_to_russian_is_a_default_language_finding(replica):
    _, result = replica
    assert [f.check for f in result.findings if f.check == "default-language"] == ["default-language"]


def test_report_json_is_valid_deterministic_and_replayable(replica, tmp_path):
    store, result = replica
    write_reports(result, tmp_path / "a", ["json"])
    data = json.loads((tmp_path / "a" / "report.json").read_text())
    schema = json.loads(files("parity_check.report").joinpath("schema/report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    prints = [f["fingerprint"] for f in data["findings"]]
    assert len(prints) == len(set(prints))
    assert data["tool"]["axe_version"] != "unknown" and data["tool"]["browser"].startswith("Chromium")
    # --from-artifacts: the same records give the same findings, with no browser
    replay = pipeline.check(ArtifactStore.locate(store.root))
    assert [f.fingerprint for f in replay.findings] == [f.fingerprint for f in result.findings]
