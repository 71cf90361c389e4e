"""Builders of page records for the parity unit tests: a page as the dom gatherer would record it, from a
compact description (lists of items, running text, documents, alternates); and tests of the builders."""
from __future__ import annotations

from parity_check.artifacts import PageRecord

BASE = "http://site.test"
CODE = {"kk": "kz", "ru": "ru", "en": "en"}


def url(lang: str, path: str) -> str:
    return f"{BASE}/{CODE[lang]}/{path.lstrip('/')}"


def record(lang: str, path: str, *, items: list[dict] = (), body: list[str] = (), alternates: dict | None = None,
           switcher: dict | None = None, outcome: str = "audited", status: int = 200, declared: str | None = None,
           list_tag: str = "li", container: str = "main > ul.list") -> PageRecord:
    """items: [{"texts": [...], "link": "/news/1", "doc": "/files/a.pdf", "img": "/img/a.jpg"}]; the item
    texts become segments of `container > li:nth-of-type(n)`; body texts are paragraphs."""
    page_url = url(lang, path)
    segments, links, images = [], [], []
    for n, item in enumerate(items, 1):
        item_sel = f"{container} > {list_tag}:nth-of-type({n})"
        for k, text in enumerate(item.get("texts", [])):
            tag = "a" if k == 0 and item.get("link") else "span"
            sel = f"{item_sel} > a" if tag == "a" else (f"{item_sel} > span:nth-of-type({k + 1})" if k else item_sel)
            segments.append({"selector": sel, "tag": tag, "kind": "link" if tag == "a" else "text",
                             "region": "main", "text": text, "lang": None})
        if item.get("link"):
            links.append({"href": url(lang, item["link"]) if not item["link"].startswith("http") else item["link"],
                          "text": item.get("texts", [""])[0], "selector": f"{item_sel} > a", "region": "main"})
        if item.get("doc"):
            links.append({"href": BASE + item["doc"], "text": "PDF", "selector": f"{item_sel} > a.file",
                          "region": "main"})
        if item.get("img"):
            images.append({"src": BASE + item["img"], "alt": "", "selector": f"{item_sel} > img", "region": "main"})
    for n, text in enumerate(body, 1):
        segments.append({"selector": f"main > article > p:nth-of-type({n})", "tag": "p", "kind": "text",
                         "region": "main", "text": text, "lang": None})
    for lang_to, href in (switcher or {}).items():
        label = {"kk": "Қаз", "ru": "Рус", "en": "Eng"}[lang_to]
        links.append({"href": href, "text": label, "selector": "header > nav > a", "region": "header"})
    dom = {"declared_lang": declared or lang, "title": path, "segments": segments, "links": links,
           "images": images, "alternates": [{"hreflang": k, "href": v} for k, v in (alternates or {}).items()]}
    return PageRecord(url=page_url, lang=lang, mode="normal", outcome=outcome, status=status, final_url=page_url,
                      artifacts={"dom": dom} if outcome == "audited" else {})


def context(pages: list[PageRecord], **thresholds):
    from parity_check.checks import CheckContext

    return CheckContext(pages=list(pages), run={"captured_at": "2026-11-27T00:00:00Z", "languages": ["kk", "ru", "en"]},
                        languages=("kk", "ru", "en"), thresholds=thresholds)


def run_check(check_id: str, pages: list[PageRecord], **thresholds):
    from parity_check.checks import load_all

    return list(load_all()[check_id]().run(context(pages, **thresholds)))


def test_builder_makes_list_items_the_alignment_reads():
    from parity_check.parity import extract_items

    page = record("ru", "news/", items=[{"texts": ["Новость", "12 марта 2026 г."], "link": "/news/1"}],
                  body=["Текст страницы."])
    items = extract_items(page)
    assert [i.kind for i in items.items] == ["news"]
    assert items.items[0].link_ids == {"/news/1"}
    assert items.body_text == "Текст страницы."
