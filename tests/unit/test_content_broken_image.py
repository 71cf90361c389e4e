"""broken-image: images whose source fails, or that the browser could not decode."""
from tests.unit.test_content_records import BASE, good_site, img, make_ctx, page, run_check, seg, url

MISSING, CORRUPT, FINE = f"{BASE}/img/missing.png", f"{BASE}/img/corrupt.png", f"{BASE}/img/logo.png"


def _gallery(images, targets=None):
    pages = good_site() + [page(url("ru", "gallery"), "ru", [seg("Фотогалерея акимата")], images=images)]
    return make_ctx(pages, site={"links": {"targets": targets}} if targets is not None else {})


def _entry(status, ctype=None, **kw):
    return {"status": status, "error": None, "in_scope": True, "kind": "image", "content_type": ctype, **kw}


def test_404_image_is_a_violation_at_its_selector():
    found = run_check("broken-image", _gallery([img(MISSING, natural_width=0, selector="main img.a")],
                                               {MISSING: _entry(404, "text/html")}))
    assert [(f.url, f.selector, f.outcome, f.message_key) for f in found] == [
        (url("ru", "gallery"), "main img.a", "violation", "broken-image.status")]


def test_undecodable_and_not_an_image():
    images = [img(CORRUPT, natural_width=0), img(f"{BASE}/img/soft404.png", natural_width=0)]
    targets = {CORRUPT: _entry(200, "image/png"), f"{BASE}/img/soft404.png": _entry(200, "text/html")}
    found = run_check("broken-image", _gallery(images, targets))
    assert sorted((f.evidence["src"].rsplit("/", 1)[-1], f.message_key, f.outcome) for f in found) == [
        ("corrupt.png", "broken-image.undecodable", "violation"),
        ("soft404.png", "broken-image.not_image", "violation")]


def test_page_evidence_alone_is_enough():
    found = run_check("broken-image", _gallery([img(CORRUPT, natural_width=0)]))
    assert [(f.outcome, f.message_key) for f in found] == [("violation", "broken-image.undecodable")]


def test_svg_without_width_is_only_incomplete():
    svg = f"{BASE}/img/emblem.svg"
    found = run_check("broken-image", _gallery([img(svg, natural_width=0)], {svg: _entry(200, "image/svg+xml")}))
    assert [f.outcome for f in found] == ["incomplete"]


def test_passes_for_loaded_images():
    assert run_check("broken-image", _gallery([img(FINE)], {FINE: {"loaded": True, "source": "page"}})) == []


def test_inapplicable_for_lazy_images_not_loaded_yet_and_data_urls():
    images = [img(f"{BASE}/img/lazy.png", complete=False, natural_width=0), img("data:image/png;base64,AAAA", natural_width=0)]
    assert run_check("broken-image", _gallery(images)) == []


def test_other_sites_images_when_offline_or_seen_broken_only_in_the_page():
    cdn = "https://cdn.example.org/banner.png"
    ctx = _gallery([img(cdn, natural_width=0)], {cdn: {"status": None, "error": "net::ERR_NAME_NOT_RESOLVED",
                                                      "in_scope": False, "kind": "image"}})
    ctx.site["links"]["external_unreachable"] = True
    assert run_check("broken-image", ctx) == []
    found = run_check("broken-image", _gallery([img(cdn, natural_width=0)]))
    assert [f.outcome for f in found] == ["incomplete"]
