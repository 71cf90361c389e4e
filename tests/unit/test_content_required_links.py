"""missing-required-link: per language, a link to each portal of the required_links data (by host or by name),
and to its version in that language where the data says it has versions."""
from __future__ import annotations

from parity_check.config import load_profile_text
from tests.unit.test_content_records import good_site, link, make_ctx, run_check, url

PORTAL_LINKS = {  # lang -> links the footer of every page carries
    lang: [link(f"https://egov.kz/cms/{lang}", {"kk": "Электрондық үкімет", "ru": "Электронное правительство",
                                               "en": "E-government"}[lang], region="footer"),
           link("https://data.egov.kz/", "Ашық деректер", region="footer"),
           link("https://budget.egov.kz/", "Ашық бюджеттер", region="footer"),
           link("https://legalacts.egov.kz/", "Ашық НҚА", region="footer"),
           link("https://eotinish.kz/", "e-Otinish", region="footer")]
    for lang in ("kk", "ru", "en")}


def site(change=None):
    pages = good_site()
    for p in pages:
        links = list(PORTAL_LINKS[p.lang])
        if change:
            links = change(p, links)
        p.artifacts["dom"]["links"] = p.artifacts["dom"]["links"] + links
    return pages


def found(pages, profile=None):
    return [(f.evidence["portal"], f.lang, f.message_key, f.url) for f in
            run_check("missing-required-link", make_ctx(pages, profile=profile))]


def test_passes_when_every_version_links_every_portal():
    assert found(site()) == []


def test_a_portal_missing_from_one_version_is_one_finding_at_its_home_page():
    drop = lambda p, links: [l for l in links if not (p.lang == "ru" and "budget" in l["href"])]  # noqa: E731
    assert found(site(drop)) == [("open_budgets", "ru", "missing-required-link.missing", url("ru"))]


def test_a_link_that_names_the_portal_counts_and_a_subdomain_is_its_own_portal():
    def moved(p, links):  # the budget portal moved: the link names it; the open-data link is only on data.egov.kz
        return [link("https://budget.example.kz/", "Открытые бюджеты") if "budget" in l["href"] else l
                for l in links]
    assert found(site(moved)) == []
    no_egov = lambda p, links: [l for l in links if "//egov.kz" not in l["href"]]  # noqa: E731
    assert sorted((portal, lang) for portal, lang, _, _ in found(site(no_egov))) == [
        ("egov", "en"), ("egov", "kk"), ("egov", "ru")]  # data.egov.kz is not the e-government portal


def test_the_other_language_version_of_a_portal_is_reported():
    wrong = lambda p, links: [link("https://egov.kz/cms/ru", "Электрондық үкімет", region="footer",  # noqa: E731
                                   selector="footer a.egov") if p.lang == "kk" and "/cms/" in l["href"] else l
                              for l in links]
    out = run_check("missing-required-link", make_ctx(site(wrong)))
    assert [(f.lang, f.message_key, f.selector, f.outcome) for f in out] == [
        ("kk", "missing-required-link.wrong_version", "footer a.egov", "violation")]
    assert "https://egov.kz/cms/ru" in out[0].message and out[0].evidence["links_version"] == "ru"
    root = lambda p, links: [link("https://egov.kz/", "eGov") if "/cms/" in l["href"] else l  # noqa: E731
                             for l in links]
    assert found(site(root)) == []  # the portal's root lets the portal choose


def test_a_profile_drops_or_extends_the_list():
    gone = lambda p, links: [l for l in links if "eotinish" not in l["href"]]  # noqa: E731
    assert len(found(site(gone))) == 3
    dropped = load_profile_text("data: {required_links: {open_dialogue: null}}\n")
    assert found(site(gone), dropped) == []
    moved = lambda p, links: [link("https://otinish.example.kz/", "Өтініш") if "eotinish" in l["href"] else l  # noqa: E731
                              for l in links]
    extended = load_profile_text("data: {required_links: {open_dialogue: {hosts: [otinish.example.kz]}}}\n")
    assert len(found(site(moved))) == 3 and found(site(moved), extended) == []


def test_inapplicable_without_audited_pages_or_portals():
    assert found([p for p in site() if p.lang == "xx"]) == []
    nothing = load_profile_text("data: {required_links: {egov: null, open_data: null, open_budgets: null, "
                                "open_legal_acts: null, open_dialogue: null}}\n")
    assert found(good_site(), nothing) == []
    assert len(found(good_site())) == 15
