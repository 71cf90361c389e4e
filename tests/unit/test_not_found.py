"""The one "not found" detector (parity_check/not_found.py): by text, by the page's API answers, by the site's
learned not-found page; and what the run makes of a page that does not exist (never an audited page)."""
from __future__ import annotations

from parity_check.artifacts import ArtifactStore, PageRecord
from parity_check.config import load_profile_text
from parity_check.not_found import NotFoundDetector, is_missing, mark, page_identifiers, usable_template

BASE = "https://www.gov.kz/memleket/entities/demo"


def seg(text, kind="text", tag="p", region="main", selector="main > p"):
    return {"text": text, "kind": kind, "tag": tag, "region": region, "selector": selector}


def rec(path="/press/news/details/204", lang="kk", title="Демо әкімдігі", segments=(), api=None, mode="normal"):
    url = f"{BASE}{path}?lang={lang}"
    artifacts = {"dom": {"title": title, "segments": list(segments), "links": [], "images": []}}
    if api is not None:
        artifacts["api"] = {"calls": api}
    return PageRecord(url=url, lang=lang, mode=mode, outcome="audited", status=200, final_url=url, artifacts=artifacts)


def detector(templates=None, extra=None):
    from parity_check.config import shipped_data

    texts = shipped_data("not_found_texts")
    for lang, more in (extra or {}).items():
        texts[lang] = texts.get(lang, []) + more
    return NotFoundDetector(texts, templates)


STORY = ("Қалада Наурыз мейрамына арналған іс-шаралар жоспары бекітілді. Мерекелік концерттер мен ұлттық "
         "ойындар бес алаңда өтеді, оған қала тұрғындары мен қонақтары шақырылады. " * 2)


# -- by text ---------------------------------------------------------------------------------------------
def test_the_platform_heading_in_each_language_is_not_found():
    for lang, text in (("kk", "Бет табылмады"), ("ru", "Страница не найдена"), ("en", "Page not found")):
        verdict = detector().judge(rec(lang=lang, segments=[seg(text, "heading", "h1")]))
        assert verdict is not None and verdict.reason == "text", lang
        assert text in verdict.detail and verdict.evidence["where"] == "heading"


def test_title_parts_and_a_404_opening_count_but_a_404_in_a_name_does_not():
    d = detector()
    assert d.judge(rec(title="Страница не найдена | Акимат города Демо")).evidence["where"] == "title"
    assert d.judge(rec(title="404 — Demo akimat")) is not None
    assert d.judge(rec(title="Бұйрық № 404", segments=[seg("Бұйрық № 404", "heading", "h1"), seg(STORY)])) is None
    assert d.judge(rec(segments=[seg("Приказ № 404 от 12 марта 2026 года", "heading", "h1"), seg(STORY)])) is None


def test_a_headline_that_merely_contains_the_words_is_a_page():
    d = detector()
    headline = seg("Жоғалған бала үш күн бойы табылмады, іздеу жалғасуда", "heading", "h1")
    assert d.judge(rec(segments=[headline, seg(STORY)])) is None
    assert d.judge(rec(lang="en", segments=[seg("Missing child still not found", "heading", "h1"), seg(STORY)])) is None


def test_a_short_main_region_that_says_so_without_a_heading():
    page = rec(segments=[seg("Кешіріңіз, сұралған бет табылмады. Басты бетке оралыңыз.")])
    assert detector().judge(page).evidence["where"] == "main"
    assert detector().judge(rec(segments=[seg(STORY + " Бет табылмады.")])) is None  # a long text: a page


def test_a_profile_adds_its_site_wording():
    page = rec(segments=[seg("Мұндай жаңалық жоқ", "heading", "h1")])
    assert detector().judge(page) is None
    assert detector(extra={"kk": ["мұндай жаңалық жоқ"]}).judge(page) is not None
    p = load_profile_text('data: {not_found_texts: {kk: ["мұндай жаңалық жоқ"]}}\n')
    assert NotFoundDetector.from_run(p.data, {}).judge(page) is not None


# -- by the page's API -----------------------------------------------------------------------------------
def call(url, status, size=120):
    return {"url": f"https://www.gov.kz{url}", "type": "fetch", "status": status, "bytes": size}


def test_the_api_call_for_the_page_item_answering_404_or_nothing():
    labels = [seg("Күні:", "label"), seg("Нөмірі:", "label")]
    for answer in (call("/api/v1/news/204", 404), call("/api/v1/news/204?lang=kk", 200, 2), call("/api/v1/news/204", 204, 0)):
        verdict = detector().judge(rec(segments=labels, api=[call("/api/v1/menu", 200), answer]))
        assert verdict is not None and verdict.reason == "api", answer
        assert verdict.evidence["page_ids"] == ["204"]


def test_api_failures_that_are_not_the_page_item_or_a_page_with_content():
    d = detector()
    assert d.judge(rec(segments=[seg("Күні:")], api=[call("/api/v1/banners", 404)])) is None
    assert d.judge(rec(segments=[seg(STORY)], api=[call("/api/v1/news/204/comments", 404)])) is None
    assert d.judge(rec(segments=[seg("Күні:")], api=[call("/api/v1/news/2041", 404)])) is None


def test_page_identifiers():
    assert page_identifiers(f"{BASE}/press/news/details/204?lang=kk") == {"204"}
    assert page_identifiers("https://x.kz/ru/news/nauryz-merekesi-basy/") == {"nauryz-merekesi-basy"}
    assert page_identifiers("https://x.kz/ru/archive/2025/") == set()
    assert page_identifiers("https://x.kz/ru/view?id=77") == {"77"}


# -- by the site's learned not-found page -----------------------------------------------------------------
TEMPLATE = {"url": f"{BASE}/parity-check-no-such-page-1a2b?lang=kk", "status": 200, "redirected": False,
            "main_text": "Кешіріңіз, сұраныс бойынша ештеңе көрсету мүмкін емес. parity-check-no-such-page-1a2b"}


def test_a_main_region_like_the_learned_not_found_page():
    page = rec(segments=[seg("Кешіріңіз, сұраныс бойынша ештеңе көрсету мүмкін емес.")])
    assert detector().judge(page) is None
    verdict = detector({"kk": TEMPLATE}).judge(page)
    assert verdict.reason == "template" and verdict.evidence["template_url"] == TEMPLATE["url"]
    assert detector({"ru": TEMPLATE}).judge(page) is None  # learned per language
    assert detector({"kk": TEMPLATE}).judge(rec(segments=[seg(STORY)])) is None


def test_a_learned_page_that_is_no_not_found_page_is_not_used():
    assert usable_template(TEMPLATE)
    assert not usable_template({**TEMPLATE, "status": 404})  # a real 404: such pages fail already
    assert not usable_template({**TEMPLATE, "redirected": True})  # sent to the home page
    assert not usable_template({**TEMPLATE, "echoes_base": True})  # shows the page its address came from
    assert not usable_template({**TEMPLATE, "main_text": ""})
    assert not usable_template({**TEMPLATE, "main_text": STORY * 10})


# -- what the run makes of it ----------------------------------------------------------------------------
def test_marked_pages_are_not_audited_by_any_check():
    from parity_check.checks import CheckContext

    ghost = rec(lang="en", segments=[seg("Page not found", "heading", "h1")])
    real = rec(lang="kk", segments=[seg("Наурыз", "heading", "h1"), seg(STORY)])
    ctx = CheckContext(pages=[ghost, real], run={}, languages=("kk", "ru", "en"))
    assert [p.lang for p in ctx.audited()] == ["kk"]
    assert ghost.outcome == "not_found" and ghost.error.startswith("not found: its main heading says")
    assert ctx.index.not_found[ghost.key].reason == "text"
    assert is_missing(ghost) and not is_missing(real)
    assert mark([ghost], detector()) == {}  # judged once: a not-found record is not judged again


def _store(tmp_path, pages):
    store = ArtifactStore(tmp_path / "artifacts").create()
    store.write_run({"target": BASE, "languages": ["kk", "ru", "en"], "started_at": "2026-11-27T00:00:00Z",
                     "captured_at": "2026-11-27T00:00:00Z"})
    for p in pages:
        store.write_page(p)
    return store


def test_coverage_score_and_exit_code(tmp_path):
    from parity_check import pipeline
    from parity_check.report.digest import coverage_by_language, site_score

    story = {lang: rec(path="/about", lang=lang, segments=[seg("Әкімдік туралы", "heading", "h1"), seg(STORY)])
             for lang in ("kk", "ru")}
    ghost = rec(path="/about", lang="en", segments=[seg("Page not found", "heading", "h1")])
    result = pipeline.check(_store(tmp_path, [*story.values(), ghost]))
    assert result.coverage["pages_not_found"] == 1 and result.coverage["pages_audited"] == 2
    entry = next(p for p in result.pages if p.lang == "en")
    assert (entry.outcome, entry.status) == ("not_found", 200) and "Page not found" in entry.error
    assert coverage_by_language(result)["en"] == {"audited": 0, "failed": 0, "skipped": 0, "not_found": 1}
    assert site_score(result).audited_views == 2
    missing = [f for f in result.findings if f.check == "missing-language-version"]
    assert [(f.lang, f.outcome) for f in missing] == [("en", "violation")]
    assert pipeline.site_failed(result) == 0
    assert pipeline.site_failed(pipeline.check(_store(tmp_path / "gone", [ghost]))) == 2
    # the record on disk keeps what the browser saw: a re-run with other data may judge it again
    assert next(p for p in ArtifactStore.locate(tmp_path / "artifacts").iter_pages() if p.lang == "en").outcome == "audited"
