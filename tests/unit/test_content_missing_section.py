"""missing-section: required sections per language version, from links, headings and URLs."""
from tests.unit.test_content_records import (BODY, Profile, Rule, good_site, heading, link, make_ctx, nav, page,
                                             replace_page, run_check, seg, url)


def _without(pages, lang, key, path):
    """The site with one section gone from one language: no nav link, no page."""
    out = []
    for p in pages:
        if p.lang == lang and p.url == url(lang, path):
            continue
        if p.lang == lang:
            p.artifacts["dom"]["links"] = [l for l in p.artifacts["dom"]["links"] if not l["href"].endswith("/" + path)]
        out.append(p)
    return out


def test_passes_when_every_section_is_there():
    assert run_check("missing-section", make_ctx(good_site())) == []


def test_section_missing_in_one_language_is_a_violation():
    found = run_check("missing-section", make_ctx(_without(good_site(), "en", "efficiency", "efficiency")))
    assert [(f.lang, f.outcome, f.evidence["section"], f.url) for f in found] == [
        ("en", "violation", "efficiency", url("en"))]
    assert found[0].message_key == "missing-section.absent"
    assert found[0].evidence["present_in"] == ["kk", "ru"]
    assert "English" in found[0].message and "efficiency evaluation" in found[0].message


def test_section_missing_everywhere_is_incomplete_with_builtin_names_but_violation_with_a_profile():
    pages = good_site()
    for lang in ("kk", "ru", "en"):
        pages = _without(pages, lang, "efficiency", "efficiency")
    found = run_check("missing-section", make_ctx(pages))
    # one finding for the site, at its root, not one per language on the home pages
    assert [(f.url, f.lang, f.scope, f.outcome, f.message_key) for f in found] == [
        ("https://akimat.example.kz/", None, "site", "incomplete", "missing-section.absent_everywhere")]
    assert found[0].message == "No language version of the site has the “efficiency evaluation” section."
    rule = Rule({"kk": ("Тиімділікті бағалау",), "ru": ("Оценка эффективности",), "en": ("Efficiency evaluation",)},
                (r"/efficiency",))
    found = run_check("missing-section", make_ctx(pages, profile=Profile({"efficiency": rule})))
    assert [(f.lang, f.outcome) for f in found] == [(None, "violation")]


def test_truncated_crawl_makes_absence_incomplete():
    pages = _without(good_site(), "en", "efficiency", "efficiency")
    found = run_check("missing-section", make_ctx(pages, run={"pages_over_limit": 12}))
    assert [f.outcome for f in found] == ["incomplete"]


def test_empty_section_page():
    pages = replace_page(good_site(), url("ru", "leadership"),
                         page(url("ru", "leadership"), "ru", [heading("Руководство"), seg("Скоро")], nav("ru")))
    found = run_check("missing-section", make_ctx(pages))
    assert [(f.lang, f.message_key, f.url) for f in found] == [("ru", "missing-section.empty", url("ru", "leadership"))]


def test_placeholder_counts_as_empty():
    text = "Бөлім әзірленуде. Ақпарат жақын арада жарияланады, сайтты қадағалап отырыңыз."
    pages = replace_page(good_site(), url("kk", "structure"),
                         page(url("kk", "structure"), "kk", [heading("Құрылым"), seg(text)], nav("kk")))
    found = run_check("missing-section", make_ctx(pages))
    assert [(f.lang, f.evidence["section"], f.evidence["placeholder"]) for f in found] == [("kk", "structure", True)]


def test_section_link_to_an_error_page_is_unreachable():
    pages = replace_page(good_site(), url("en", "appeals"), page(url("en", "appeals"), "en", outcome="failed", status=404))
    found = run_check("missing-section", make_ctx(pages))
    assert [(f.lang, f.message_key, f.message_args["status"]) for f in found] == [
        ("en", "missing-section.unreachable", 404)]


def test_heading_on_another_page_counts_as_present():
    pages = _without(good_site(), "ru", "contacts", "contacts")
    home = next(p for p in pages if p.url == url("ru"))
    home.artifacts["dom"]["segments"].append(heading("Контакты", tag="h2", region="footer"))
    assert run_check("missing-section", make_ctx(pages)) == []


def test_link_into_another_language_does_not_count():
    pages = _without(good_site(), "en", "structure", "structure")
    home = next(p for p in pages if p.url == url("en"))
    home.artifacts["dom"]["links"].append(link(url("ru", "structure"), "Structure", region="nav"))
    found = run_check("missing-section", make_ctx(pages))
    assert [(f.lang, f.evidence["section"]) for f in found] == [("en", "structure")]


def test_headline_that_starts_elsewhere_is_not_the_section():
    pages = _without(good_site(), "ru", "leadership", "leadership")
    news = next(p for p in pages if p.url == url("ru", "news"))
    news.artifacts["dom"]["links"].append(link(url("ru", "news/1"), "Встреча: руководство министерства посетило школу"))
    found = run_check("missing-section", make_ctx(pages))
    assert [(f.lang, f.evidence["section"]) for f in found] == [("ru", "leadership")]


def test_inapplicable_without_audited_pages():
    pages = [page(url("kk"), "kk", outcome="failed", status=500)]
    assert run_check("missing-section", make_ctx(pages)) == []


def test_profile_sections_replace_the_defaults():
    rule = Rule({"kk": ("Бюджет",), "ru": ("Бюджет",), "en": ("Budget",)})
    found = run_check("missing-section", make_ctx(good_site(), profile=Profile({"budget": rule})))
    assert [(f.lang, f.evidence["section"], f.outcome) for f in found] == [(None, "budget", "violation")]
    assert found[0].message_args["section_ru"] == "Бюджет"


def test_section_of_document_links_or_a_chart_is_not_empty():
    from tests.unit.test_content_records import img
    reports = page(url("ru", "efficiency"), "ru", [heading("Оценка эффективности"), seg("Отчёт 2024")],
                   nav("ru") + [link("https://akimat.example.kz/files/report-2024.pdf", "Отчёт 2024")])
    chart = page(url("kk", "structure"), "kk", [heading("Құрылым")], nav("kk"),
                 images=[img("https://akimat.example.kz/img/chart.png", bbox=(0, 0, 900, 600), natural_width=900)])
    pages = replace_page(replace_page(good_site(), reports.url, reports), chart.url, chart)
    assert run_check("missing-section", make_ctx(pages)) == []
