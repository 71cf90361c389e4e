"""resize-clipping, reflow-scroll and spacing-clipping on `views` artifacts built in code."""
import pytest

from parity_check.artifacts import PageRecord
from parity_check.checks import CheckContext, load_all

CHECKS = load_all()
VIEW_OF = {"resize-clipping": "text200", "reflow-scroll": "narrow", "spacing-clipping": "spacing"}


def flag(kind="clipped", **kw):
    return {"kind": kind, "selector": "main > p.box", "tag": "p", "text": "Қызмет көрсету тәртібі",
            "bbox": [10, 20, 300, 40], "hidden_share": 0.4, "axis": "y", **kw}


def page(views, mode="normal", outcome="audited"):
    return PageRecord(url="http://x/ru/", lang="ru", mode=mode, outcome=outcome, artifacts={"views": views})


def views_with(view, *flags, images=None):
    out = {v: {"flags": [], "ms": 5} for v in ("text200", "spacing", "narrow")}
    out[view] = {"flags": list(flags), "ms": 5, "scroll_width": 800, "client_width": 320}
    out["images"] = images or {}
    return out


def run(check_id, *pages):
    return list(CHECKS[check_id]().run(CheckContext(pages=list(pages), run={}, languages=("ru",))))


@pytest.mark.parametrize("check_id", sorted(VIEW_OF))
def test_failing_passing_inapplicable(check_id):
    view = VIEW_OF[check_id]
    found = run(check_id, page(views_with(view, flag(crop="s1"), images={"s1": {"file": "crops/s1.png"}})))
    assert [f.check for f in found] == [check_id]
    assert found[0].evidence["screenshot"] == "artifacts/crops/s1.png"
    assert found[0].evidence["view"] == view
    # passing: the view found nothing; another view's flags are not this check's
    other = next(v for v in VIEW_OF.values() if v != view)
    assert run(check_id, page(views_with(view))) == []
    assert run(check_id, page(views_with(other, flag()))) == []
    # inapplicable: no views recorded, or the page was not audited
    assert run(check_id, page({})) == []
    assert run(check_id, page(views_with(view, flag()), outcome="skipped")) == []


def test_every_kind_has_messages_in_three_languages():
    for check_id in VIEW_OF:
        for key, texts in CHECKS[check_id].messages.items():
            assert set(texts) == {"en", "ru", "kk"}, (check_id, key)
            for text in texts.values():
                text.format(text="t", other_text="o", share=40, overflow=120, n=3, width=800,
                            **{f"view_{k}": k for k in ("en", "ru", "kk")})


def test_reflow_reports_offscreen_text_once_a_page_and_the_vi_mode():
    many = [flag("offscreen", overflow_px=480, selector=f"#nav > li:nth-of-type({i}) > a") for i in range(4)]
    found = run("reflow-scroll", page(views_with("narrow", *many, flag("clipped")), mode="vi"))
    off = [f for f in found if f.message_key == "reflow-scroll.offscreen"]
    assert len(off) == 1 and off[0].mode == "vi" and off[0].selector is None
    assert "480 px" in off[0].message and off[0].evidence["scroll_width"] == 800
    assert len(off[0].evidence["examples"]) == 4
    assert [f.message_key for f in found if f not in off] == ["reflow-scroll.clipped"]


def test_overlap_names_the_other_text_and_findings_are_capped():
    found = run("resize-clipping", page(views_with("text200", flag("overlap", other="main > p.b", other_text="Басқа"))))
    assert "Басқа" in found[0].message
    many = [flag(selector=f"main > p:nth-of-type({i})") for i in range(25)]
    assert len(run("resize-clipping", page(views_with("text200", *many)))) == 10


def test_unknown_kinds_are_ignored():
    assert run("spacing-clipping", page(views_with("spacing", flag("offscreen")))) == []


def test_an_ellipsis_is_for_review():
    found = run("resize-clipping", page(views_with("text200", flag("ellipsis", axis="x"))))
    assert [(f.message_key, f.outcome) for f in found] == [("resize-clipping.ellipsis", "incomplete")]
