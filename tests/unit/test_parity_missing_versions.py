"""A language version that does not exist (a page that says "not found", or a 404) is one missing thing: one
finding on that page, linking the versions that exist and the lists that show the item; no list-row, label
or truncation finding beside it."""
from __future__ import annotations

from tests.unit.test_parity_records import context, record, url

CHECKS = ("missing-item", "missing-document", "missing-language-version", "truncated-text", "number-mismatch",
          "broken-link")
STORY = {"ru": ["В городе утверждён план мероприятий к празднику Наурыз.",
                "Праздничные концерты и национальные игры пройдут на пяти площадках 21 марта 2026 года.",
                "Вход на все мероприятия свободный, для жителей организуют бесплатные автобусы."],
         "en": ["The city has approved its plan of events for the Nauryz holiday.",
                "Concerts and national games will be held at five venues on 21 March 2026.",
                "Entry to all events is free, and free buses will run for residents."]}
NOT_FOUND = {"kk": "Бет табылмады", "ru": "Страница не найдена", "en": "Page not found"}
LIST_TITLE = {"kk": "Жаңалық", "ru": "Новость", "en": "News"}


def with_heading(rec, text, discovered_from=None):
    rec.artifacts["dom"]["segments"].insert(0, {"selector": "main > h1", "tag": "h1", "kind": "heading",
                                                "region": "main", "text": text, "lang": None})
    rec.discovered_from = discovered_from
    return rec


def news_list(lang, ids):
    return record(lang, "news/", items=[{"texts": [f"{LIST_TITLE[lang]} {n}", f"{10 + n}.03.2026"],
                                         "link": f"/news/{n}"} for n in ids])


def story(lang, n=5):
    return with_heading(record(lang, f"news/{n}", body=STORY[lang]), f"{LIST_TITLE[lang]} {n}", url(lang, "news/"))


def ghost(lang, path):
    return with_heading(record(lang, path, body=[]), NOT_FOUND[lang], url("ru", path))


def run(pages):
    from parity_check.checks import load_all

    ctx = context(pages)
    checks = load_all()
    return [f for cid in CHECKS for f in checks[cid]().run(ctx)]


def test_a_news_item_missing_in_kazakh_is_one_finding_on_its_page_linking_both_lists():
    pages = [news_list("ru", [6, 5, 4]), news_list("en", [6, 5, 4]), news_list("kk", [6, 4]),
             story("ru"), story("en"), ghost("kk", "news/5")]
    found = run(pages)
    assert [(f.check, f.url, f.lang, f.message_key) for f in found] == [
        ("missing-language-version", url("kk", "news/5"), "kk", "missing-language-version.not_found")]
    f = found[0]
    assert set(f.related) == {url("ru", "news/5"), url("en", "news/5"),  # the versions that exist
                              url("ru", "news/"), url("en", "news/"), url("kk", "news/")}  # the lists
    assert f.evidence["present_in"] == ["en", "ru"] and f.evidence["not_found"] == "text"
    assert "Бет табылмады" in f.message and "Новость 5" in f.message
    assert pages[-1].outcome == "not_found"


def test_without_its_page_the_missing_row_is_reported_on_the_list():
    found = run([news_list("ru", [6, 5, 4]), news_list("kk", [6, 4]), story("ru")])
    assert [(f.check, f.url) for f in found] == [("missing-item", url("kk", "news/"))]


def test_a_404_version_is_the_same_one_finding():
    gone = record("kk", "news/5", outcome="failed", status=404)
    found = run([news_list("ru", [6, 5, 4]), news_list("kk", [6, 4]), story("ru"), gone])
    assert [(f.check, f.url, f.message_key) for f in found] == [
        ("missing-language-version", url("kk", "news/5"), "missing-language-version.failed")]
    assert url("kk", "news/") in found[0].related


def document(lang, n=7):
    labels = {"ru": ["Дата", "15.03.2026", "Номер", "№ 61", "Название", "Решение № 61 о тарифах"],
              "kk": ["Күні", "15.03.2026", "Нөмірі", "№ 61", "Атауы", "Тарифтер туралы № 61 шешім"]}[lang]
    rec = record(lang, f"documents/{n}", items=[{"texts": [labels[i], labels[i + 1]]} for i in (0, 2, 4)],
                 list_tag="div", container="main > dl")
    rec.artifacts["dom"]["links"].append({"href": f"http://site.test/uploads/reshenie-61-{lang}.pdf",
                                          "text": "PDF", "selector": "main > p > a", "region": "main"})
    return with_heading(rec, labels[5], url(lang, "documents/"))


def doc_list(lang, ids):
    return record(lang, "documents/", items=[{"texts": [f"{LIST_TITLE[lang]} {n}", "15.03.2026"],
                                              "link": f"/documents/{n}"} for n in ids])


def test_a_document_missing_in_english_is_one_missing_document_and_no_label_findings():
    pages = [doc_list("ru", [7, 8]), doc_list("kk", [7, 8]), doc_list("en", [8]), document("ru"), document("kk"),
             ghost("en", "documents/7")]
    found = run(pages)
    assert [(f.check, f.url, f.message_key) for f in found] == [
        ("missing-document", url("en", "documents/7"), "missing-document.missing_page")]
    f = found[0]
    assert "reshenie-61-ru.pdf" in f.message and "Решение № 61 о тарифах" in f.message
    assert {url("ru", "documents/7"), url("kk", "documents/7"), url("en", "documents/")} <= set(f.related)


def test_a_page_not_found_in_every_language_is_broken_not_untranslated():
    assert run([ghost(lang, "news/9") for lang in ("kk", "ru", "en")]) == []


def test_a_row_whose_page_is_missing_is_one_finding_not_a_broken_link_too():
    pages = [news_list("ru", [6, 5]), news_list("kk", [6, 5]), story("ru"), ghost("kk", "news/5")]
    assert [(f.check, f.url) for f in run(pages)] == [("missing-language-version", url("kk", "news/5"))]
    # a page that says "not found" in every language is a broken link where it is linked from
    pages = [news_list("ru", [6, 7]), news_list("kk", [6]), ghost("ru", "news/7"), ghost("kk", "news/7")]
    assert [(f.check, f.url, f.message_key) for f in run(pages)] == [
        ("broken-link", url("ru", "news/"), "broken-link.soft_404")]
