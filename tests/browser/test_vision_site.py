"""The vision checks on a real crawl of tests/sites/vision_site.py (both modes): each planted VI-mode defect
is found where it was planted, no vision finding lands on a clean template, the probes and views record
what they saw, and the crawl's tabs are left as they were (viewport restored)."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.sites.vision_site import VisionSite

pytestmark = pytest.mark.browser

VISION_CHECKS = {"vi-mode-missing", "vi-mode-keyboard", "vi-mode-ineffective", "vi-mode-not-persistent",
                 "resize-clipping", "reflow-scroll", "spacing-clipping", "tiny-text", "tight-line-height",
                 "long-lines", "justified-text", "all-caps-text", "italic-text"}


@pytest.fixture(scope="module")
def run(audit_site):
    store, result = audit_site(VisionSite(), max_pages=12)
    return store, result, [f for f in result.findings if f.check in VISION_CHECKS]


def _where(findings):
    return {(f.check, f.lang, urlsplit(f.url).path, (f.message_key or "").split(".")[-1]) for f in findings}


def test_no_vision_check_failed(run):
    _, result, _ = run
    assert [e for e in result.check_errors if e.check in VISION_CHECKS] == []


def test_planted_defects_are_found_and_nothing_else(run):
    _, _, findings = run
    assert _where(findings) == {
        ("vi-mode-missing", "en", "/en/", "language"),
        ("vi-mode-keyboard", "kk", "/kz/", "unreachable"),
        ("vi-mode-keyboard", "kk", "/kz/", "no_name"),
        ("vi-mode-ineffective", "kk", "/kz/services", "not_larger"),
        ("vi-mode-ineffective", "ru", "/ru/services", "not_larger"),
        ("vi-mode-ineffective", "kk", "/kz/about", "low_contrast_part"),
        ("vi-mode-ineffective", "ru", "/ru/about", "low_contrast_part"),
        # the badge also keeps its small size (bvi-no-styles): the same planted element
        ("vi-mode-ineffective", "kk", "/kz/about", "small_part"),
        ("vi-mode-ineffective", "ru", "/ru/about", "small_part"),
    }
    badge = next(f for f in findings if f.message_key.endswith("low_contrast_part") and f.lang == "ru")
    assert "badge" in badge.selector and badge.evidence["contrast"] < 2
    assert badge.evidence["screenshot"].startswith("artifacts/crops/")


def test_clean_templates_have_no_vision_finding(run):
    _, _, findings = run
    paths = {urlsplit(f.url).path for f in findings if f.check != "vi-mode-missing" and f.check != "vi-mode-keyboard"}
    for code in ("kz", "ru", "en"):
        assert f"/{code}/" not in paths and f"/{code}/news" not in paths


def test_probes_record_what_a_keyboard_user_meets(run):
    store, _, _ = run
    site = store.site_artifacts()
    probes = {p["lang"]: p for p in site["vi_keyboard"]["probes"]}
    assert set(probes) == {"kk", "ru"}  # en has no switch to probe
    assert probes["ru"]["reached"] and probes["ru"]["activated_by"] == "Enter"
    assert probes["ru"]["accessible_name"] == "Версия для слабовидящих"
    assert probes["kk"]["tag"] == "div" and not probes["kk"]["reached"]
    persistence = {p["lang"]: p for p in site["vi_persistence"]["probes"]}
    assert persistence["ru"]["switched"] and persistence["ru"]["link"]["on"]
    assert persistence["ru"]["link"]["how"] == "click"
    changes = {s["lang"]: s["on"] for p in persistence.values() for s in p["languages"]}
    assert changes["kk"] is True  # bvi's cookies cross the language switch
    assert changes.get("en") is False  # en has no mode: reported as vi-mode-missing, not here


def test_views_were_measured_and_crops_stored_as_files(run):
    store, _, _ = run
    audited = [p for p in store.iter_pages() if p.outcome == "audited"]
    assert audited and all("views" in p.artifacts and "crops" in p.artifacts for p in audited)
    for p in audited:
        views = p.get("views")
        assert not any(views[v].get("error") for v in ("text200", "spacing", "narrow")), p.url
        assert views["narrow"]["client_width"] == 320
        for img in list(views["images"].values()) + list(p.get("crops")["images"].values()):
            assert "png" not in img and (store.root / img["file"]).is_file()
        # the page was given back as it was: the dom gatherer's viewport is the crawl's
        assert p.get("dom")["viewport"]["width"] == 1280


def test_a_mode_lost_on_every_page_is_found(audit_site):
    _, result = audit_site(VisionSite(forgets_mode=True), name="vision-site-forgetful", max_pages=6,
                           languages=("ru", "kk"))
    lost = {(f.lang, (f.message_key or "").split(".")[-1], f.outcome)
            for f in result.findings if f.check == "vi-mode-not-persistent"}
    assert ("ru", "link", "violation") in lost and ("kk", "link", "violation") in lost
    assert ("ru", "language", "violation") in lost or ("kk", "language", "violation") in lost


class SlowSwitchSite:
    """One Kazakh page, quiet long before the crawl looks at it, whose VI switch applies the mode only
    after a pause (as widgets that load a style sheet or animate do)."""

    PAGE = """<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Әкімдік</title>
<style>body { font: 16px/1.5 sans-serif; color: #555; } body.vi { font-size: 28px; color: #000; background: #fff; }</style>
</head><body><header><button id="vi">Көзі нашар көретіндерге арналған нұсқа</button></header>
<main><h1>Облыс әкімдігі</h1><p>{text}</p></main>
<script>document.getElementById('vi').addEventListener('click', () =>
  setTimeout(() => document.body.classList.add('vi'), 150));</script></body></html>"""

    def handle(self, method, path, query, headers):
        from parity_check.sites.server import html_response, not_found

        text = "Облыс әкімдігі тұрғындарға мемлекеттік қызметтер көрсетеді және өңірдің дамуы туралы хабарлайды. " * 4
        return html_response(self.PAGE.replace("{text}", text)) if path == "/kz/" else not_found()


def test_a_switch_that_reacts_after_a_pause_is_seen_on(audit_site):
    store, _ = audit_site(SlowSwitchSite(), path="/kz/", languages=("kk",), max_pages=1,
                          skip=("views", "crops", "links", "documents", "vi_keyboard", "vi_persistence"))
    vi = [r for r in store.iter_pages() if r.mode == "vi"]
    assert [r.get("vi")["state"] for r in vi] == ["active"], [r.get("vi") for r in vi]
