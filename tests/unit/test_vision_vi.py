"""The VI-mode checks on page records and probe artifacts built in code."""
from parity_check.artifacts import PageRecord
from parity_check.checks import CheckContext, load_all

CHECKS = load_all()
NORMAL = {"median_font_px": 14, "min_font_px": 12, "share_contrast_7": 0.5, "markers": []}
BIG = {"median_font_px": 21, "min_font_px": 18, "share_contrast_7": 0.97, "markers": ["body.bvi-active"]}
SWITCH = {"how": "named-switch", "tag": "a", "role": None, "href": "#", "text": "Версия для слабовидящих",
          "accessible_name": "Версия для слабовидящих", "tabindex": None, "focusable": True, "visible": True}


def vi_page(lang="ru", state="active", method="click named-switch", after=BIG, url=None, depth=0, switch=SWITCH,
            dom=None, **vi_extra):
    vi = {"state": state, "method": method, "switch": switch if method.startswith("click") else None,
          "before": NORMAL, "after": after, "normal": NORMAL, **vi_extra}
    arts = {"vi": vi}
    if dom is not None:
        arts["dom"] = {"segments": dom}
    outcome = "audited" if state == "active" else "skipped"
    return PageRecord(url=url or f"http://x/{lang}/", lang=lang, mode="vi", outcome=outcome, depth=depth, artifacts=arts)


def normal_page(lang="ru", url=None, dom=None):
    return PageRecord(url=url or f"http://x/{lang}/", lang=lang, mode="normal", outcome="audited",
                      artifacts={"dom": {"segments": dom or []}, "text_metrics": NORMAL})


def run(check_id, pages, site=None, **thresholds):
    ctx = CheckContext(pages=list(pages), run={}, languages=("kk", "ru", "en"), site=site or {}, thresholds=thresholds)
    return list(CHECKS[check_id]().run(ctx))


# -- vi-mode-missing -------------------------------------------------------------------------------------
def test_missing_in_a_whole_language_is_one_language_finding():
    pages = [vi_page("ru"), vi_page("kk", "absent", method=""), vi_page("kk", "absent", method="", url="http://x/kz/a")]
    found = run("vi-mode-missing", pages)
    assert len(found) == 1 and found[0].lang == "kk" and found[0].scope == "language"
    assert found[0].related == ("http://x/kz/a",) and "ru" in found[0].message_args["elsewhere_ru"]
    assert "Kazakh" in found[0].message


def test_missing_on_some_pages_is_reported_per_page():
    pages = [vi_page("ru"), vi_page("ru", "absent", method="", url="http://x/ru/a")]
    found = run("vi-mode-missing", pages)
    assert [(f.url, f.scope, f.message_key) for f in found] == [("http://x/ru/a", "page", "vi-mode-missing.page")]


def test_missing_passes_and_is_inapplicable_without_vi_records():
    assert run("vi-mode-missing", [vi_page("ru"), vi_page("kk", "ineffective")]) == []
    assert run("vi-mode-missing", [normal_page("ru")]) == []
    # a VI page skipped because its normal page failed says nothing about the switch
    assert run("vi-mode-missing", [vi_page("ru", state=None, method="")]) == []


# -- vi-mode-keyboard ------------------------------------------------------------------------------------
def probe(lang="ru", **kw):
    base = {"lang": lang, "url": f"http://x/{lang}/", "found": True, "how": "named-switch", "tag": "a",
            "text": "Для слабовидящих", "accessible_name": "Для слабовидящих", "ax_role": "link",
            "ax_ignored": False, "focusable": True, "reached": True, "presses": 3, "activated_by": "Enter"}
    base.update(kw)
    return base


def test_keyboard_probe_failures():
    site = {"vi_keyboard": {"probes": [probe("ru", reached=False), probe("kk", activated_by=None),
                                       probe("en", accessible_name="")]}}
    pages = [vi_page(lang) for lang in ("ru", "kk", "en")]
    keys = sorted((f.lang, f.message_key) for f in run("vi-mode-keyboard", pages, site))
    assert keys == [("en", "vi-mode-keyboard.no_name"), ("kk", "vi-mode-keyboard.inoperable"),
                    ("ru", "vi-mode-keyboard.unreachable")]


def test_keyboard_passes_and_is_inapplicable():
    assert run("vi-mode-keyboard", [vi_page("ru")], {"vi_keyboard": {"probes": [probe("ru")]}}) == []
    assert run("vi-mode-keyboard", [vi_page("ru", "absent", method="")]) == []
    assert run("vi-mode-keyboard", [normal_page()]) == []


def test_keyboard_falls_back_on_the_crawled_switch():
    div = dict(SWITCH, tag="div", focusable=False, accessible_name="")
    found = run("vi-mode-keyboard", [vi_page("ru", switch=div)])
    assert sorted(f.message_key for f in found) == ["vi-mode-keyboard.no_name", "vi-mode-keyboard.unreachable"]
    # a probe for the language overrides the static description
    assert run("vi-mode-keyboard", [vi_page("ru", switch=div)], {"vi_keyboard": {"probes": [probe("ru")]}}) == []


def test_keyboard_inoperable_only_when_a_click_works():
    site = {"vi_keyboard": {"probes": [probe("ru", activated_by=None)]}}
    assert run("vi-mode-keyboard", [vi_page("ru", "ineffective", after=NORMAL)], site) == []


# -- vi-mode-ineffective ---------------------------------------------------------------------------------
def text_seg(selector, text, size, color="rgb(0, 0, 0)", background="rgb(255, 255, 255)"):
    return {"selector": selector, "tag": "p", "kind": "text", "region": "main", "text": text,
            "bbox": [0, 0, 500, 30], "font_size": size, "color": color, "background": background}


def test_ineffective_whole_page():
    keys = [f.message_key for f in run("vi-mode-ineffective", [vi_page("ru", "ineffective", after=NORMAL)])]
    assert keys == ["vi-mode-ineffective.no_change"]
    weak = {"median_font_px": 15, "share_contrast_7": 0.5, "markers": ["body.bvi-active"]}
    keys = sorted(f.message_key for f in run("vi-mode-ineffective", [vi_page("ru", after=weak, dom=[])]))
    assert keys == ["vi-mode-ineffective.low_contrast", "vi-mode-ineffective.not_larger"]
    assert run("vi-mode-ineffective", [vi_page("ru", after=weak, dom=[])], vi_min_font_ratio=1.0,
               vi_min_share_contrast_7=0.4) == []


def test_ineffective_parts_small_and_faint():
    normal = normal_page("ru", dom=[text_seg("main > p.a", "Жаңалықтар мұрағаты", 14),
                                    text_seg("main > span.badge", "Жаңа", 14, color="rgb(255, 255, 255)",
                                             background="rgb(0, 90, 200)")])
    vi = vi_page("ru", dom=[text_seg("main > p.a", "Жаңалықтар мұрағаты", 14),
                            text_seg("main > span.badge", "Жаңа", 21, color="rgb(255, 255, 255)",
                                     background="rgb(230, 230, 230)")])
    found = run("vi-mode-ineffective", [normal, vi])
    assert sorted((f.message_key, f.selector) for f in found) == [
        ("vi-mode-ineffective.low_contrast_part", "main > span.badge"),
        ("vi-mode-ineffective.small_part", "main > p.a")]
    faint = next(f for f in found if f.selector == "main > span.badge")
    assert faint.evidence["contrast"] < 4.5 and faint.evidence["normal_contrast"] > 4.5


def test_ineffective_passes_and_is_inapplicable():
    normal = normal_page("ru", dom=[text_seg("main > p.a", "Жаңалықтар мұрағаты", 14)])
    vi = vi_page("ru", dom=[text_seg("main > p.a", "Жаңалықтар мұрағаты", 21)])
    assert run("vi-mode-ineffective", [normal, vi]) == []
    assert run("vi-mode-ineffective", [vi_page("ru", "absent", method="")]) == []
    assert run("vi-mode-ineffective", [normal]) == []


def test_parts_are_matched_by_text_when_the_mode_wraps_the_page():
    normal = normal_page("ru", dom=[text_seg("main > p.a", "Жаңалықтар мұрағаты", 14)])
    vi = vi_page("ru", dom=[text_seg("div.bvi-body > main > p.a", "Жаңалықтар мұрағаты", 14)])
    assert [f.message_key for f in run("vi-mode-ineffective", [normal, vi])] == ["vi-mode-ineffective.small_part"]


# -- vi-mode-not-persistent ------------------------------------------------------------------------------
def persistence(**kw):
    base = {"lang": "ru", "url": "http://x/ru/", "switched": True,
            "link": {"to": "http://x/ru/news", "how": "click", "on": True},
            "languages": [{"lang": "kk", "to": "http://x/kz/", "how": "click", "on": True}]}
    base.update(kw)
    return {"vi_persistence": {"probes": [base]}}


def test_not_persistent_on_link_and_language():
    pages = [vi_page("ru"), vi_page("kk")]
    site = persistence(link={"to": "http://x/ru/news", "how": "click", "on": False},
                       languages=[{"lang": "kk", "to": "http://x/kz/", "how": "goto", "on": False}])
    found = sorted(run("vi-mode-not-persistent", pages, site), key=lambda f: f.message_key)
    assert [(f.message_key, f.outcome) for f in found] == [
        ("vi-mode-not-persistent.language", "incomplete"), ("vi-mode-not-persistent.link", "violation")]
    assert "Kazakh" in found[0].message and found[1].related == ("http://x/ru/news",)


def test_not_persistent_passes_and_is_inapplicable():
    pages = [vi_page("ru"), vi_page("kk")]
    assert run("vi-mode-not-persistent", pages, persistence()) == []
    assert run("vi-mode-not-persistent", pages, persistence(switched=False, link=None)) == []
    assert run("vi-mode-not-persistent", pages) == []
    # changing into a language that has no mode at all is vi-mode-missing's finding
    site = persistence(languages=[{"lang": "en", "to": "http://x/en/", "how": "click", "on": False}])
    assert run("vi-mode-not-persistent", pages + [vi_page("en", "absent", method="")], site) == []


def test_not_persistent_from_crawl_times():
    first = vi_page("ru", load_started=100.0, active_since=101.0)
    later = vi_page("ru", url="http://x/ru/a", depth=1, load_started=105.0, active_since=106.0)
    racing = vi_page("ru", url="http://x/ru/b", depth=1, load_started=100.5, active_since=101.5)
    carried = vi_page("ru", url="http://x/ru/c", depth=1, method="persisted", load_started=107.0, active_since=107.5)
    found = run("vi-mode-not-persistent", [first, later, racing, carried])
    assert [(f.url, f.message_key) for f in found] == [("http://x/ru/a", "vi-mode-not-persistent.crawl")]


def test_not_persistent_from_crawl_ignores_modes_at_their_own_address():
    link = dict(SWITCH, href="/special/")
    first = vi_page("ru", switch=link, load_started=100.0, active_since=101.0)
    later = vi_page("ru", url="http://x/ru/a", switch=link, load_started=105.0, active_since=106.0)
    assert run("vi-mode-not-persistent", [first, later]) == []


def test_keyboard_probe_that_ran_out_of_presses_is_for_review():
    site = {"vi_keyboard": {"probes": [probe("ru", reached=None, tab_order="budget")]}}
    found = run("vi-mode-keyboard", [vi_page("ru")], site)
    assert [(f.message_key, f.outcome) for f in found] == [("vi-mode-keyboard.unreachable", "incomplete")]
    site = {"vi_keyboard": {"probes": [probe("ru", reached=None, tab_order="budget", focusable=False)]}}
    assert [f.outcome for f in run("vi-mode-keyboard", [vi_page("ru")], site)] == ["violation"]
