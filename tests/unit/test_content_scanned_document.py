"""scanned-document: PDFs without a text layer, and pages whose text is a picture."""
from tests.unit.test_content_records import BASE, good_site, heading, img, link, make_ctx, page, run_check, seg, url

SCAN, TEXT = f"{BASE}/files/order-scan.pdf", f"{BASE}/files/order-text.pdf"


def _pdf(**kw):
    doc = {"type": "pdf", "status": 200, "pages": 3, "pages_read": 3, "pages_with_text": 3, "pages_with_images": 0,
           "scanned_pages": 0, "has_text_layer": True, "text_chars": 2400, "referrers": []}
    doc.update(kw)
    return doc


def _ctx(docs, extra_pages=()):
    pages = good_site()
    for lang in ("kk", "ru"):
        docs_page = next(p for p in pages if p.url == url(lang, "documents"))
        docs_page.artifacts["dom"]["links"] += [link(u, "Бұйрық", selector=f"main a.doc{i}") for i, u in enumerate(docs)]
    return make_ctx(list(pages) + list(extra_pages), site={"documents": {"documents": docs}})


def test_scan_without_text_layer_is_a_violation_at_each_link_to_it():
    found = run_check("scanned-document", _ctx({SCAN: _pdf(has_text_layer=False, pages_with_text=0, pages_with_images=3,
                                                           scanned_pages=3, text_chars=0)}))
    assert [(f.url, f.lang, f.selector, f.outcome) for f in found] == [
        (url("kk", "documents"), "kk", "main a.doc0", "violation"), (url("ru", "documents"), "ru", "main a.doc0", "violation")]
    assert found[0].related == (SCAN,) and found[0].evidence["document"] == SCAN
    assert found[0].message == f"The PDF {SCAN} is a scan: its 3 page(s) are images with no text layer."


def test_mostly_and_partly_scanned():
    docs = {SCAN: _pdf(pages_read=4, scanned_pages=2, pages_with_images=2),
            TEXT: _pdf(pages_read=10, scanned_pages=1, pages_with_images=1)}
    found = {(f.evidence["document"], f.message_key, f.outcome) for f in run_check("scanned-document", _ctx(docs))}
    assert found == {(SCAN, "scanned-document.mostly_scanned", "violation"),
                     (TEXT, "scanned-document.some_scanned", "incomplete")}


def test_no_text_and_no_images_is_incomplete():
    found = run_check("scanned-document", _ctx({SCAN: _pdf(has_text_layer=False, pages_with_text=0, text_chars=0)}))
    assert {(f.message_key, f.outcome) for f in found} == {("scanned-document.no_text", "incomplete")}


def test_passes_for_text_pdfs():
    assert run_check("scanned-document", _ctx({TEXT: _pdf()})) == []


def test_inapplicable_for_unread_documents():
    docs = {SCAN: {"type": "pdf", "status": 200, "too_large": True, "bytes": 40_000_000},
            f"{BASE}/files/budget.xlsx": {"type": "xlsx", "status": 200, "has_text_layer": True},
            f"{BASE}/files/gone.pdf": {"status": 404}}
    assert run_check("scanned-document", _ctx(docs)) == []


def test_page_whose_text_is_a_tall_image_is_incomplete():
    scan_page = page(url("ru", "announcement"), "ru", [heading("Объявление")],
                     images=[img(f"{BASE}/img/a.png", bbox=(40, 100, 600, 800), natural_width=600)])
    found = run_check("scanned-document", _ctx({}, [scan_page]))
    assert [(f.url, f.outcome, f.message_key) for f in found] == [
        (url("ru", "announcement"), "incomplete", "scanned-document.image_page")]


def test_banner_or_image_beside_text_is_not_a_scan():
    banner = page(url("ru", "promo"), "ru", [heading("Акция")],
                  images=[img(f"{BASE}/img/b.png", bbox=(0, 100, 1200, 400), natural_width=1200)])
    article = page(url("ru", "article"), "ru", [heading("Статья"), seg("Текст статьи. " * 30)],
                   images=[img(f"{BASE}/img/c.png", bbox=(40, 100, 600, 800), natural_width=600)])
    assert run_check("scanned-document", _ctx({}, [banner, article])) == []


def test_portrait_of_an_official_is_not_a_scan():
    leader = page(url("ru", "akim"), "ru", [heading("Аким области"), seg("Серикулы Аскар")],
                  images=[img(f"{BASE}/img/akim.jpg", bbox=(40, 100, 360, 480), natural_width=360)])
    assert run_check("scanned-document", _ctx({}, [leader])) == []
