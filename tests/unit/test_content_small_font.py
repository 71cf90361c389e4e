"""small-font: body text below the readable size, not headings, captions or footer small print."""
from tests.unit.test_content_records import good_site, heading, make_ctx, page, run_check, seg, url

LONG = "Әкімдік облыс тұрғындарына мемлекеттік қызметтер көрсетеді."


def _ctx(segments, **kw):
    return make_ctx(good_site() + [page(url("kk", "about"), "kk", segments)], **kw)


def test_small_body_text_is_reported_per_element_smallest_first():
    found = run_check("small-font", _ctx([seg(LONG, font_size=11, selector="main > p.a"),
                                          seg(LONG, font_size=10, selector="main > p.b"), seg(LONG)]))
    assert [(f.url, f.selector, f.message_args["size"]) for f in found] == [
        (url("kk", "about"), "main > p.b", "10"), (url("kk", "about"), "main > p.a", "11")]
    assert found[0].message == "Body text is rendered at 10 px, below the 12 px minimum."
    assert found[0].evidence["small_elements"] == 2 and found[0].evidence["share_of_body_text"] == 0.67


def test_at_most_ten_a_page():
    found = run_check("small-font", _ctx([seg(LONG, font_size=9, selector=f"main > p.n{i}") for i in range(25)]))
    assert len(found) == 10 and found[0].evidence["small_elements"] == 25


def test_threshold_comes_from_the_profile():
    segments = [seg(LONG, font_size=13)]
    assert run_check("small-font", _ctx(segments)) == []
    assert len(run_check("small-font", _ctx(segments, thresholds={"small_font_px": 14}))) == 1


def test_small_print_headings_navigation_and_short_labels_pass():
    segments = [seg("© 2025 Облыс әкімдігі. Барлық құқықтар қорғалған.", font_size=10, region="body"),
                seg(LONG, font_size=10, region="footer"), seg(LONG, font_size=10, region="nav"),
                seg(LONG, font_size=10, tag="figcaption"), seg("12.03.2024", font_size=10),
                seg(LONG, kind="link", font_size=10), heading("Кіші тақырып", tag="h6") | {"font_size": 10},
                seg(LONG, font_size=10, bbox=(0, 0, 0, 0))]
    assert run_check("small-font", _ctx(segments)) == []


def test_inapplicable_without_body_text():
    assert run_check("small-font", make_ctx([page(url("kk"), "kk", [heading("Әкімдік")])])) == []
