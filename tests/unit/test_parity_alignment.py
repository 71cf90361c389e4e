"""The alignment library: dates and figures in three notations, the Latin skeleton, items from the dom
artifact, page groups by URL, hreflang and switcher, and item pairing with its evidence."""
from __future__ import annotations

import datetime as dt

import pytest

from parity_check.parity import align_records, extract_items, group_pages, pair_items
from parity_check.parity.dates import find_dates
from parity_check.parity.figures import differing, find_figures
from parity_check.parity.items import document_of
from parity_check.parity.text import is_language_neutral, similarity
from tests.unit.test_parity_records import BASE, record, url

D = dt.date(2024, 3, 12)


@pytest.mark.parametrize("text", ["12.03.2024", "2024-03-12", "12 наурыз 2024 ж.", "2024 жылғы 12 наурыздағы",
                                  "12 марта 2024 г.", "March 12, 2024", "12 March 2024", "Mar. 12 2024",
                                  "12 naýryz 2024", "12-ші наурыз 2024"])
def test_dates_in_every_notation_read_as_one_date(text):
    assert find_dates(text) == [D]


def test_month_abbreviations_need_whole_words():
    assert find_dates("the mayor 12 2024 market 3 2024") == []
    assert find_dates("03/25/2024") == [dt.date(2024, 3, 25)]  # month first only when day first is impossible


@pytest.mark.parametrize("a, lang_a, b, lang_b", [
    ("1 234,5 млн теңге", "kk", "1,234.5 million tenge", "en"),
    ("12,5 млрд тенге", "ru", "12.5 billion tenge", "en"),
    ("62 мыңнан астам", "kk", "more than 62 thousand", "en"),
    ("+7 (7232) 27-11-50", "ru", "8 7232 271150", "en"),
    ("2 400 единиц", "ru", "2,400 machines", "en"),
])
def test_figures_in_every_notation_compare_equal(a, lang_a, b, lang_b):
    assert find_figures(a, lang_a) == find_figures(b, lang_b) != []


def test_dates_times_counters_and_mail_are_not_figures():
    assert find_figures("12.03.2024 в 14:30, Просмотров: 120, info2@gov.kz", "ru") == []


def test_only_a_substitution_is_a_difference_in_figures():
    assert differing(["2026", "15"], ["2026", "12"]) == (["15"], ["12"])
    assert differing(["2026", "15"], ["2026"]) is None  # a figure left out, or written in words


def test_skeleton_compares_names_across_scripts():
    assert similarity("Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev") > 90
    assert similarity("Серикбаев Нурлан", "Serikbayev Nurlan") > 85


def test_language_neutral_text():
    assert is_language_neutral("Бекетаев Марат Бакытжанович")
    assert is_language_neutral("info@gov.kz, +7 7172 123456, www.gov.kz")
    assert not is_language_neutral("Министерство провело совещание с руководителями больниц области")


def test_file_language_markers():
    assert document_of(BASE + "/files/decree_12_ru.pdf").marker == "ru"
    assert document_of(BASE + "/files/decree_12_ru.pdf").name_key == "decree_12"
    assert document_of(BASE + "/kz/decree.pdf").marker is None  # the first folder is the site's own prefix
    assert document_of(BASE + "/upload/kaz/decree.pdf").marker == "kk"
    assert document_of(BASE + "/kz/upload/ru/decree.pdf").marker == "ru"
    assert document_of(BASE + "/files/Приказ_рус.docx").marker == "ru"


def test_items_are_list_members_and_sections_with_facts():
    page = record("ru", "news/", items=[
        {"texts": ["Открыта больница", "12 марта 2024 г.", "На 300 коек, 18,5 млрд тенге"], "link": "/news/1"},
        {"texts": ["Приказ № 45", "05.10.2026"], "doc": "/files/order_45_ru.pdf"},
    ], body=["Вводный текст страницы."])
    items = extract_items(page).items
    assert [i.kind for i in items] == ["news", "document"]
    assert items[0].dates == (D,) and "300" in items[0].figures and "18500000000" in items[0].figures
    assert items[0].label == "Открыта больница"
    assert items[1].documents[0].name_key == "order_45"


def test_table_rows_are_items_and_cells_are_read_one_by_one():
    segs = [{"selector": f"main > table > tbody > tr:nth-of-type({r}) > td:nth-of-type({c})", "tag": "td",
             "kind": "text", "region": "main", "text": t}
            for r, row in enumerate([["Школы", "152", "154"], ["Больницы", "40", "41"]], 1)
            for c, t in enumerate(row, 1)]
    page = record("ru", "stats/")
    page.artifacts["dom"]["segments"] = segs
    items = extract_items(page).items
    assert [(i.kind, i.figures) for i in items] == [("row", ("152", "154")), ("row", ("40", "41"))]


def test_pages_with_different_slugs_are_paired_by_reciprocal_switcher_links():
    kk = record("kk", "basshylyk/", switcher={"ru": url("ru", "rukovodstvo/")})
    ru = record("ru", "rukovodstvo/", switcher={"kk": url("kk", "basshylyk/")})
    twin = record("ru", "basshylyk/", outcome="failed", status=404)  # the URL-pattern guess that failed
    groups = group_pages([kk, ru, twin]).groups
    paired = [g for g in groups if len(g.audited()) == 2]
    assert len(paired) == 1
    assert paired[0].versions["ru"].url == ru.url and paired[0].linked_by["ru"] in ("switcher", "url-pattern")


def test_a_switcher_to_the_home_page_does_not_join_pages():
    home_kk, home_ru = record("kk", ""), record("ru", "")
    news_kk = record("kk", "zhanalyktar/", switcher={"ru": url("ru", "")})
    groups = group_pages([home_kk, home_ru, news_kk]).groups
    assert sorted(len(g.audited()) for g in groups) == [1, 2]


def test_pairing_keeps_order_and_evidence_and_leaves_the_missing_item():
    news = [(1, "2026-03-01"), (2, "2026-02-10"), (3, "2026-01-15")]
    ru = record("ru", "news/", items=[{"texts": [f"Новость {n}", d], "link": f"/news/{n}"} for n, d in news])
    kk = record("kk", "news/", items=[{"texts": [f"Жаңалық {n}", d], "link": f"/news/{n}"}
                                      for n, d in news if n != 2])
    pairs, only_ru, only_kk = pair_items(extract_items(ru).items, extract_items(kk).items)
    assert len(pairs) == 2 and only_kk == [] and [i.label for i in only_ru] == ["Новость 2"]
    assert all(p.score >= 0.6 and any(e.startswith("link:") for e in p.evidence) for p in pairs)


def test_items_without_links_pair_on_dates_figures_and_position():
    ru = record("ru", "ann/", items=[{"texts": ["Ярмарка вакансий", "5 ноября 2026 г."]},
                                     {"texts": ["Конкурс грантов", "30 сентября 2026 г."]}])
    en = record("en", "ann/", items=[{"texts": ["Job fair", "November 5, 2026"]},
                                     {"texts": ["Grant competition", "September 30, 2026"]}])
    pairs, a, b = pair_items(extract_items(ru).items, extract_items(en).items)
    assert (len(pairs), a, b) == (2, [], [])
    assert any("same date 2026-11-05" in e for e in pairs[0].evidence)


def test_parity_matrix_counts_items_per_language_and_section():
    from parity_check.parity import matrix_from_alignment

    ru = record("ru", "news/", items=[{"texts": [f"Новость {n}", f"0{n}.03.2026"], "link": f"/news/{n}"}
                                      for n in range(1, 5)])
    kk = record("kk", "news/", items=[{"texts": [f"Жаңалық {n}", f"0{n}.03.2026"], "link": f"/news/{n}"}
                                      for n in range(1, 4)])
    alignment = align_records([ru, kk], ("kk", "ru", "en"))
    assert matrix_from_alignment(alignment) == {"news": {"kk": 75.0, "ru": 100.0, "en": 0.0}}
