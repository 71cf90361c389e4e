"""Legibility checks on page records built in code: each has a failing, a passing and an inapplicable case."""
import pytest

from parity_check.artifacts import PageRecord
from parity_check.checks import CheckContext, load_all

CHECKS = load_all()
LONG = ("Мемлекеттік қызметтерді алу тәртібі туралы толық ақпарат осы бөлімде жарияланады, азаматтар "
        "өтінішті онлайн немесе халыққа қызмет көрсету орталығында бере алады және жауапты уақытында алады.")


def seg(text=LONG, **kw):
    base = {"selector": kw.pop("selector", "main > p"), "tag": "p", "kind": "text", "region": "main", "text": text,
            "bbox": [0, 0, 600, 60], "font_size": 16, "line_height": 24, "font_style": "normal",
            "text_transform": "none", "text_align": "left", "color": "rgb(0, 0, 0)",
            "background": "rgb(255, 255, 255)"}
    base.update(kw)
    return base


def page(*segments, mode="normal", outcome="audited", crops=None):
    arts = {"dom": {"segments": list(segments)}}
    if crops:
        arts["crops"] = crops
    return PageRecord(url="http://x/kz/", lang="kk", mode=mode, outcome=outcome, artifacts=arts)


def run(check_id, *pages, **thresholds):
    ctx = CheckContext(pages=list(pages), run={}, languages=("kk", "ru", "en"), thresholds=thresholds)
    return list(CHECKS[check_id]().run(ctx))


CASES = {
    # check id: (failing segment, passing segment)
    "tiny-text": (seg("Байланыс телефоны", kind="link", region="footer", font_size=8),
                  seg("Байланыс телефоны", kind="link", region="footer", font_size=11)),
    "tight-line-height": (seg(font_size=16, line_height=14.4, bbox=[0, 0, 600, 58]),
                          seg(font_size=16, line_height=24, bbox=[0, 0, 600, 72])),
    "long-lines": (seg(bbox=[0, 0, 1260, 24]), seg(bbox=[0, 0, 560, 72])),
    "justified-text": (seg(text_align="justify"), seg(text_align="left")),
    "all-caps-text": (seg(text_transform="uppercase"), seg(LONG[:50], text_transform="uppercase")),
    "italic-text": (seg(LONG + " " + LONG, font_style="italic"), seg(LONG + " " + LONG)),
}


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_failing_passing_inapplicable(check_id):
    failing, passing = CASES[check_id]
    found = run(check_id, page(failing))
    assert len(found) == 1 and found[0].check == check_id and found[0].selector == "main > p"
    for lang in ("en", "ru", "kk"):
        assert CHECKS[check_id].messages["default"][lang]
    assert run(check_id, page(passing)) == []
    # inapplicable: no audited normal page (a failed page, a VI page) gives nothing to judge
    assert run(check_id, page(failing, outcome="failed")) == []
    assert run(check_id, page(failing, mode="vi")) == []


def test_screenshot_crop_goes_into_the_evidence():
    crops = {"by_selector": {"main > p": "abc"}, "images": {"abc": {"file": "crops/abc.png", "w": 10, "h": 5}}}
    found = run("justified-text", page(seg(text_align="justify"), crops=crops))
    assert found[0].evidence["screenshot"] == "artifacts/crops/abc.png"
    inline = {"by_selector": {"main > p": "abc"}, "images": {"abc": {"png": "iVBOR", "w": 10, "h": 5}}}
    found = run("justified-text", page(seg(text_align="justify"), crops=inline))
    assert found[0].evidence["screenshot"] == "data:image/png;base64,iVBOR"


def test_tiny_text_leaves_body_paragraphs_to_small_font():
    body = seg(font_size=8)  # a long paragraph of main text: small-font's case
    assert run("tiny-text", page(body)) == []
    assert len(run("tiny-text", page(seg("Барлық құқықтар", font_size=8, region="footer")))) == 1


def test_caps_typed_in_cyrillic_count_and_short_labels_do_not():
    typed = seg("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ДЕНСАУЛЫҚ САҚТАУ МИНИСТРЛІГІНІҢ РЕСМИ ИНТЕРНЕТ-РЕСУРСЫ ЖӘНЕ ЖАҢАЛЫҚТАРЫ")
    assert len(run("all-caps-text", page(typed))) == 1
    assert run("all-caps-text", page(seg("БАСТЫ БЕТ", kind="link", region="nav"))) == []


def test_thresholds_are_configurable():
    failing, _ = CASES["long-lines"]
    assert run("long-lines", page(failing), max_line_chars=400) == []
    assert run("tiny-text", page(CASES["tiny-text"][0]), tiny_text_px=7) == []


def test_line_height_normal_is_not_tight():
    assert run("tight-line-height", page(seg(line_height=None, bbox=[0, 0, 600, 60]))) == []


def test_css_generated_text():
    def with_generated(items, mode="normal", outcome="audited"):
        return PageRecord(url="http://x/en/", lang="en", mode=mode, outcome=outcome,
                          artifacts={"generated_text": {"items": items, "more": 0}})
    item = {"selector": "#dish", "pseudo": "after", "text": "beshbarmak", "element_text": "The dish is"}
    found = run("css-generated-text", with_generated([item]))
    assert len(found) == 1 and found[0].selector == "#dish" and "beshbarmak" in found[0].message
    assert run("css-generated-text", with_generated([])) == []
    assert run("css-generated-text", with_generated([item], outcome="failed")) == []
    assert run("css-generated-text", page(seg())) == []  # no generated_text recorded: nothing to judge


def test_visually_hidden_text_is_not_judged():
    sr_only = seg("Байланыс телефоны", kind="link", region="footer", font_size=8, bbox=[0, 0, 1, 1])
    assert run("tiny-text", page(sr_only)) == []


def test_every_vision_check_has_title_why_and_fix_in_three_languages():
    vision = [c for c in CHECKS.values() if c.__module__.startswith("parity_check.checks.vision.")]
    assert len(vision) == 14
    for cls in vision:
        for entry in ("title", "why", "fix"):
            assert all(cls.messages[entry].get(lang) for lang in ("en", "ru", "kk")), (cls.id, entry)
        assert cls.messages["why"]["en"] == cls.why
