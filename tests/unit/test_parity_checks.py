"""Each parity check on built page records: a failing case, a passing case and an inapplicable one; and the
whole set replayed offline on the recorded replica run (tests/artifacts/parity)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.unit.test_parity_records import record, run_check, url

RECORDED = Path(__file__).resolve().parents[1] / "artifacts" / "parity"
NEWS = [(n, f"{n + 10}.10.2026") for n in range(6, 0, -1)]


def news_page(lang, ids, dates=None, words=None):
    words = words or {"kk": "Жаңалық", "ru": "Новость", "en": "News"}
    return record(lang, "news/", items=[{"texts": [f"{words[lang]} {n}", (dates or dict(NEWS))[n]], "link": f"/news/{n}"}
                                        for n in ids])


# -- missing-item ----------------------------------------------------------------------------------------
def test_missing_item_reports_the_version_lacking_the_item():
    found = run_check("missing-item", [news_page("ru", [6, 5, 4, 3]), news_page("kk", [6, 4, 3])])
    assert [(f.lang, f.outcome, f.message_args["label"]) for f in found] == [("kk", "violation", "Новость 5")]
    assert found[0].related == (url("ru", "news/"),)
    assert found[0].evidence["present_in"] == ["ru"] and "why_absent" in found[0].evidence


def test_missing_item_passes_lists_in_step():
    assert run_check("missing-item", [news_page(l, [6, 5, 4]) for l in ("kk", "ru", "en")]) == []


def test_missing_item_inapplicable_without_a_second_version():
    assert run_check("missing-item", [news_page("ru", [6, 5]), record("kk", "news/", outcome="failed", status=404)]) == []


def test_missing_item_leaves_a_lag_to_stale_language():
    dates = {6: "20.11.2026", 5: "10.11.2026", 4: "01.11.2026", 3: "01.06.2026", 2: "20.05.2026", 1: "10.05.2026"}
    pages = [news_page("ru", [6, 5, 4, 3, 2], dates), news_page("en", [3, 2, 1], dates)]
    assert [f.lang for f in run_check("missing-item", pages)] == []
    stale = run_check("stale-language", pages)
    assert [(f.lang, f.evidence["lag_days"]) for f in stale] == [("en", 172)]


# -- missing-document ------------------------------------------------------------------------------------
def docs_page(lang, stems, file_lang=None):
    return record(lang, "documents/", list_tag="tr", container="main > table > tbody", items=[
        {"texts": [f"{stem} title {lang}", "05.10.2026"], "doc": f"/files/{stem}_{file_lang or lang}.pdf"}
        for stem in stems])


def test_missing_document_in_one_version():
    found = run_check("missing-document", [docs_page("ru", ["order_45", "plan"]), docs_page("en", ["plan"])])
    assert [(f.lang, f.message_key, f.outcome) for f in found] == [("en", "missing-document.missing", "violation")]


def test_missing_document_kazakh_page_links_the_russian_file():
    found = run_check("missing-document", [docs_page("ru", ["decree"]), docs_page("kk", ["decree"], file_lang="ru")])
    assert [(f.lang, f.message_key) for f in found] == [("kk", "missing-document.other_language_file")]


def test_missing_document_same_file_as_the_russian_version_where_files_are_per_language():
    def page(lang, order_href):
        return record(lang, "docs/", items=[{"texts": ["Order", "05.10.2026"], "doc": order_href},
                                            {"texts": ["Plan", "01.03.2026"], "doc": f"/files/{lang}/plan.pdf"}])
    found = run_check("missing-document", [page("ru", "/files/order.pdf"), page("kk", "/files/order.pdf"),
                                           page("en", "/files/en/order.pdf")])
    assert [(f.lang, f.message_key, f.outcome) for f in found] == [("kk", "missing-document.same_file", "violation")]


def test_missing_document_one_file_for_every_version_is_bilingual_not_copied():
    pages = [record(l, "docs/", items=[{"texts": ["Приказ", "05.10.2026"], "doc": "/files/order.pdf"}])
             for l in ("kk", "ru", "en")]
    assert run_check("missing-document", pages) == []


def test_missing_document_passes_when_every_version_has_its_file():
    assert run_check("missing-document", [docs_page(l, ["order_45", "plan"]) for l in ("kk", "ru", "en")]) == []


def test_missing_document_inapplicable_without_documents():
    assert run_check("missing-document", [news_page(l, [6, 5]) for l in ("kk", "ru")]) == []


# -- number-mismatch -------------------------------------------------------------------------------------
def story(lang, text, path="news/3"):
    return record(lang, path, body=[text])


def test_number_mismatch_reports_the_outvoted_version():
    pages = [story("ru", "В 2026 году будет построено 15 школ на 42 млрд тенге."),
             story("en", "In 2026, 15 schools will be built for 42 billion tenge."),
             story("kk", "2026 жылы 42 млрд теңгеге 12 мектеп салынады.")]
    found = run_check("number-mismatch", pages)
    assert [(f.lang, f.message_args["here"], f.message_args["there"]) for f in found] == [("kk", "12", "15")]
    assert set(found[0].related) == {url("ru", "news/3"), url("en", "news/3")}


def test_number_mismatch_in_a_paired_table_row():
    def table(lang, value):
        return record(lang, "stats/", list_tag="tr", container="main > table > tbody", items=[
            {"texts": [label, "152", v]} for label, v in (("Schools", value), ("Hospitals", "41"), ("Clinics", "77"))])
    found = run_check("number-mismatch", [table("ru", "157"), table("kk", "154"), table("en", "157")])
    assert [(f.lang, f.outcome, f.evidence["differs"]) for f in found] == [
        ("kk", "violation", {"kk": ["154"], "ru": ["157"]})] or [(f.lang) for f in found] == ["kk"]


def test_number_mismatch_passes_same_figures_in_other_notations():
    pages = [story("ru", "Построено 1 250 км сетей, 2 400 единиц техники, 1,1 млн туристов, 12 марта 2026 г."),
             story("en", "1,250 km of networks, 2,400 machines, 1.1 million tourists, March 12, 2026."),
             story("kk", "1 250 шақырым желі, 2 400 техника, 1,1 млн турист, 2026 жылғы 12 наурыз.")]
    assert run_check("number-mismatch", pages) == []


def test_number_mismatch_inapplicable_without_figures():
    assert run_check("number-mismatch", [story("ru", "Текст без чисел."), story("kk", "Сандарсыз мәтін.")]) == []


# -- stale-language --------------------------------------------------------------------------------------
def test_stale_language_passes_versions_in_step():
    assert run_check("stale-language", [news_page(l, [6, 5, 4]) for l in ("kk", "ru", "en")]) == []


def test_stale_language_threshold_is_configurable():
    dates = {6: "20.11.2026", 5: "10.11.2026", 4: "01.10.2026"}
    pages = [news_page("ru", [6, 5, 4], dates), news_page("kk", [4], dates)]
    assert run_check("stale-language", pages) != []
    assert run_check("stale-language", pages, stale_language_days=60) == []


def test_stale_language_inapplicable_without_dates():
    pages = [record(l, "about/", body=["Текст."]) for l in ("kk", "ru")]
    assert run_check("stale-language", pages) == []


# -- truncated-text --------------------------------------------------------------------------------------
FULL_RU = ("В области стартовала уборочная кампания, задействовано 2 400 единиц техники. Зерновые предстоит убрать "
           "с площади 520 тысяч гектаров. Аграрии получили льготное топливо. Аким поручил завершить уборку до "
           "конца сентября и обеспечить сохранность урожая в хранилищах области.")
FULL_EN = ("The harvest campaign has started in the region, with 2,400 machines involved. Grain is to be harvested "
           "from 520 thousand hectares. Farmers received subsidised fuel. The akim instructed to complete the "
           "harvest by the end of September and keep the crop safe in the storage facilities of the region.")


def test_truncated_text_one_sentence_against_the_full_story():
    found = run_check("truncated-text", [story("ru", FULL_RU), story("en", FULL_EN),
                                         story("kk", "Облыста егін жинау науқаны басталды.")])
    assert [(f.lang, f.outcome) for f in found] == [("kk", "violation")]
    assert found[0].evidence["length_ratio"] < 0.4


def test_truncated_text_passes_full_translations():
    assert run_check("truncated-text", [story("ru", FULL_RU), story("en", FULL_EN)]) == []


def test_truncated_text_inapplicable_to_short_texts():
    assert run_check("truncated-text", [story("ru", "Короткое объявление. Второе."), story("kk", "Хабарландыру.")]) == []


# -- copied-text -----------------------------------------------------------------------------------------
RU_PARA = "Обращения получателей услуг рассматриваются в течение пяти рабочих дней."


def test_copied_text_reports_the_version_whose_language_the_text_is_not_in():
    found = run_check("copied-text", [record("ru", "services/", body=[RU_PARA]), record("en", "services/", body=[RU_PARA])])
    assert [(f.lang, f.outcome) for f in found] == [("en", "violation")]
    assert found[0].evidence["pairing_score"] == 1.0


def test_copied_text_passes_translations_and_neutral_text():
    names = "Серикбаев Нурлан Аскарович, Жумабеков Ерлан Сакенович, Ахметов Бауыржан Серикович"
    ru = record("ru", "services/", body=[RU_PARA, names])
    kk = record("kk", "services/", body=["Қызмет алушылардың өтініштері бес жұмыс күні ішінде қаралады.", names])
    assert run_check("copied-text", [ru, kk]) == []


def test_copied_text_inapplicable_to_a_single_version():
    assert run_check("copied-text", [record("ru", "services/", body=[RU_PARA])]) == []


# -- hreflang-error --------------------------------------------------------------------------------------
def alternates(path, codes=("kk", "ru", "en")):
    lang_of = {"kz": "kk", "kk": "kk", "ru": "ru", "en": "en"}
    return {c: url(lang_of[c], path) for c in codes}


def test_hreflang_invalid_code_and_missing_language():
    pages = [record("kk", "c/", alternates=alternates("c/")), record("ru", "c/", alternates=alternates("c/")),
             record("en", "c/", alternates=alternates("c/", ("kz", "en")))]
    found = run_check("hreflang-error", pages)
    assert sorted((f.lang, f.message_key) for f in found) == [("en", "hreflang-error.invalid_code"),
                                                                ("en", "hreflang-error.missing")]


def test_hreflang_alternate_in_another_language_or_failing():
    pages = [record("kk", "c/", alternates={"kk": url("kk", "c/"), "ru": url("en", "c/")}),
             record("ru", "c/", outcome="failed", status=404), record("en", "c/", alternates=alternates("c/", ("kk", "en")))]
    keys = sorted(f.message_key for f in run_check("hreflang-error", pages) if f.lang == "kk")
    assert "hreflang-error.wrong_language" in keys


def test_hreflang_page_without_alternates_on_a_site_that_has_them():
    pages = [record(l, "c/", alternates=alternates("c/")) for l in ("kk", "ru", "en")] + [
        record(l, "d/", alternates=alternates("d/")) for l in ("ru", "en")] + [record("kk", "d/")]
    found = run_check("hreflang-error", pages)
    assert [(f.lang, f.message_key, f.outcome) for f in found if f.lang == "kk"] == [
        ("kk", "hreflang-error.none", "incomplete")]


def test_hreflang_passes_reciprocal_valid_alternates():
    assert run_check("hreflang-error", [record(l, "c/", alternates=alternates("c/")) for l in ("kk", "ru", "en")]) == []


def test_hreflang_inapplicable_to_sites_without_hreflang():
    assert run_check("hreflang-error", [record(l, "c/") for l in ("kk", "ru", "en")]) == []


# -- every parity check's metadata -----------------------------------------------------------------------
PARITY_IDS = ["missing-item", "missing-document", "number-mismatch", "stale-language", "truncated-text",
              "copied-text", "hreflang-error"]


@pytest.mark.parametrize("check_id", PARITY_IDS)
def test_parity_checks_have_messages_in_three_languages(check_id):
    from parity_check.checks import load_all

    cls = load_all()[check_id]
    assert cls.why and cls.scope in ("language", "page") and cls.requires == ("dom",)
    for key, texts in cls.messages.items():
        assert set(texts) == {"en", "ru", "kk"}, key
        assert texts["ru"] != texts["en"] != texts["kk"]


# -- the recorded replicas, offline ----------------------------------------------------------------------
@pytest.fixture(scope="module", params=["akimat", "gov"])
def replay(request):
    from parity_check import pipeline
    from parity_check.artifacts import ArtifactStore

    if not (RECORDED / request.param / "run.json").is_file():
        pytest.skip("no recorded parity run (PARITY_RECORD=1 pytest tests/browser/test_parity_site.py)")
    # a missing version's page is reported by missing-language-version (one finding for the row and the page)
    only = set(PARITY_IDS) | {"missing-language-version"}
    return request.param, pipeline.check(ArtifactStore.locate(RECORDED / request.param), only=only)


def test_replay_finds_the_planted_defects(replay):
    from tests.browser.test_parity_site import SITES, score

    name, result = replay
    recall, precision, missed, unexpected = score(result.findings, SITES[name][2])
    assert recall >= 0.9 and precision >= 0.9, (missed, unexpected)


def test_replay_is_silent_on_sections_in_step(replay):
    from tests.browser.test_parity_site import in_step_paths

    name, result = replay
    assert [f for f in result.findings if urlsplit(f.url).path in in_step_paths(name)] == []


def test_replay_parity_matrix():
    from parity_check.artifacts import ArtifactStore
    from parity_check.checks import CheckContext
    from parity_check.parity import parity_matrix

    if not (RECORDED / "akimat" / "run.json").is_file():
        pytest.skip("no recorded parity run")
    store = ArtifactStore.locate(RECORDED / "akimat")
    run = store.read_run()
    ctx = CheckContext(pages=list(store.iter_pages()), run=run, languages=tuple(run["languages"]),
                       site=store.site_artifacts())
    matrix = parity_matrix(ctx)
    assert matrix["news"]["ru"] == 100.0 and matrix["news"]["en"] < matrix["news"]["kk"] < 100.0
    assert matrix["announcements"] == {"kk": 100.0, "ru": 100.0, "en": 100.0}
    assert matrix["documents"]["en"] < 100.0
