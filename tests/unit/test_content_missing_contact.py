"""missing-contact: phone, e-mail and address on each language's contacts page."""
from parity_check.checks.content.missing_contact import contact_facts
from tests.unit.test_content_records import (CONTACTS, good_site, heading, make_ctx, nav, page, replace_page,
                                             run_check, seg, url)


def _contacts(lang, text, links=()):
    return page(url(lang, "contacts"), lang, [heading("Contacts"), seg(text)], nav(lang) + list(links))


def test_passes_with_phone_email_and_address_everywhere():
    assert run_check("missing-contact", make_ctx(good_site())) == []


def test_missing_email_in_one_language_is_a_violation():
    text = CONTACTS["en"].split(" E-mail")[0]
    pages = replace_page(good_site(), url("en", "contacts"), _contacts("en", text))
    found = run_check("missing-contact", make_ctx(pages))
    assert [(f.lang, f.outcome, f.evidence["missing"], f.url) for f in found] == [
        ("en", "violation", "email", url("en", "contacts"))]
    assert found[0].message == "The contacts page of the English version lacks an e-mail address."
    assert found[0].scope == "language"


def test_missing_phone():
    pages = replace_page(good_site(), url("ru", "contacts"), _contacts(
        "ru", "Адрес: г. Усть-Каменогорск, проспект Независимости, д. 40. Эл. почта: akimat@example.kz"))
    found = run_check("missing-contact", make_ctx(pages))
    assert [(f.lang, f.evidence["missing"], f.outcome) for f in found] == [("ru", "phone", "violation")]


def test_mailto_and_tel_links_count():
    from tests.unit.test_content_records import link
    pages = replace_page(good_site(), url("en", "contacts"), _contacts(
        "en", "Address: 40 Tauelsizdik Avenue, Oskemen. Write to us or call us.",
        [link("mailto:akimat@example.kz", "Write"), link("tel:+77232123456", "Call")]))
    assert run_check("missing-contact", make_ctx(pages)) == []


def test_obfuscated_email_is_incomplete():
    pages = replace_page(good_site(), url("kk", "contacts"), _contacts(
        "kk", "Мекенжайы: Өскемен қ., Тәуелсіздік даңғылы, 40 үй. Телефон: +7 7232 12 34 56. "
              "Электрондық пошта: akimat[at]example.kz"))
    found = run_check("missing-contact", make_ctx(pages))
    assert [(f.lang, f.evidence["missing"], f.outcome) for f in found] == [("kk", "email", "incomplete")]


def test_address_missing_everywhere_is_incomplete_but_missing_in_one_is_a_violation():
    no_address = {"kk": "Телефон: +7 7232 12 34 56. E-mail: akimat@example.kz",
                  "ru": "Тел.: 8 (7232) 12-34-56. Эл. почта: akimat@example.kz",
                  "en": "Phone: +7 7232 12 34 56. E-mail: akimat@example.kz"}
    pages = good_site()
    pages = replace_page(pages, url("en", "contacts"), _contacts("en", no_address["en"]))
    found = run_check("missing-contact", make_ctx(pages))
    assert [(f.lang, f.evidence["missing"], f.outcome) for f in found] == [("en", "address", "violation")]
    for lang in ("kk", "ru"):
        pages = replace_page(pages, url(lang, "contacts"), _contacts(lang, no_address[lang]))
    found = run_check("missing-contact", make_ctx(pages))
    assert {(f.lang, f.outcome) for f in found} == {("kk", "incomplete"), ("ru", "incomplete"), ("en", "incomplete")}


def test_inapplicable_without_a_contacts_page():
    pages = [p for p in good_site() if "/contacts" not in p.url]
    for p in pages:
        p.artifacts["dom"]["links"] = [l for l in p.artifacts["dom"]["links"] if "/contacts" not in l["href"]]
    assert run_check("missing-contact", make_ctx(pages)) == []


def test_contact_formats():
    for text in ("+7 (7172) 74-23-01", "8 (727) 271-65-00", "+7 701 123 45 67", "тел.: 74-23-01",
                 "(7172) 74 23 01", "8 7172 742301"):
        assert contact_facts(text, [])["phone"] == "found", text
    assert contact_facts("Подписано 12.03.2024 № 124", [])["phone"] == "missing"
    assert contact_facts("Адрес электронной почты: info2@gov.kz", [])["address"] == "missing"
    assert contact_facts("010000, Астана қаласы, Мәңгілік Ел даңғылы", [])["address"] == "found"
    assert contact_facts("ул. Абая, 33", [])["address"] == "found"
    assert contact_facts("Feedback: info (at) gov.kz", [])["email"] == "unsure"
