"""stale-content: the newest news item, or a stated update date, against the day the site was captured."""
from parity_check.checks.content._dates import parse_dates, updated_dates
from tests.unit.test_content_records import (BODY, good_site, heading, make_ctx, nav, page, replace_page, run_check,
                                             seg, url)
import datetime as dt


def _news(lang, dates, path="news"):
    return page(url(lang, path), lang, [heading({"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}[lang])] +
                [seg(f"{d}. {BODY[lang]}", selector=f"main article.n{i}") for i, d in enumerate(dates)], nav(lang))


def test_old_news_list_is_a_violation_at_its_newest_item():
    pages = replace_page(good_site(), url("kk", "news"), _news("kk", ["2024 жылғы 12 наурыз", "2024 жылғы 1 наурыз"]))
    found = run_check("stale-content", make_ctx(pages))
    assert [(f.url, f.selector, f.outcome, f.message_args) for f in found] == [
        (url("kk", "news"), "main article.n0", "violation", {"date": "2024-03-12", "days": 460})]
    assert found[0].evidence["newest_in_other_languages"] == {"ru": "2025-06-12", "en": "2025-06-12"}


def test_news_threshold_prefers_news_stale_days():
    pages = replace_page(good_site(), url("ru", "news"), _news("ru", ["1 июня 2025", "20 мая 2025"]))
    assert run_check("stale-content", make_ctx(pages)) == []  # 14 days: within stale_days (30)
    found = run_check("stale-content", make_ctx(pages, thresholds={"stale_days": 30, "news_stale_days": 7}))
    assert [f.lang for f in found] == ["ru"]


def test_old_update_date_incomplete_then_violation():
    pages = good_site()
    stats = page(url("ru", "statistics"), "ru", [heading("Статистика"), seg(BODY["ru"]), seg("Обновлено: 15.01.2016")])
    recent = page(url("kk", "statistics"), "kk", [heading("Статистика"), seg("Жаңартылды: 2025 жылғы 1 сәуір")])
    found = run_check("stale-content", make_ctx(pages + [stats, recent]))
    assert sorted((f.url, f.outcome, f.message_key) for f in found) == [
        (url("kk", "statistics"), "incomplete", "stale-content.updated"),
        (url("ru", "statistics"), "violation", "stale-content.updated")]


def test_fresh_news_future_events_and_single_dated_articles_pass():
    pages = replace_page(good_site(), url("en", "news"), _news("en", ["June 14, 2025", "December 1, 2025", "June 1, 2025"]))
    article = page(url("en", "news/15"), "en", [heading("Old article"), seg("March 3, 2019. " + BODY["en"])])
    assert run_check("stale-content", make_ctx(pages + [article])) == []


def test_inapplicable_without_a_capture_date_or_dates():
    ctx = make_ctx(replace_page(good_site(), url("kk", "news"), _news("kk", ["2020 жылғы 1 наурыз"] * 3)))
    ctx.run = {}
    assert run_check("stale-content", ctx) == []
    plain = [p for p in good_site() if "/news" not in p.url]
    assert run_check("stale-content", make_ctx(plain)) == []


def test_dates_in_three_languages():
    expect = dt.date(2024, 3, 12)
    for text in ("12.03.2024", "12/03/2024", "2024-03-12", "12 наурыз 2024", "2024 жылғы 12 наурыз",
                 "2024 ж. 12 наурызда", "12 марта 2024 г.", "March 12, 2024", "12 March 2024", "Mar 12th, 2024"):
        assert parse_dates(text) == [expect], text
    assert parse_dates("31.02.2024 and 2024 and №12/2024") == []
    assert updated_dates("Соңғы жаңарту: 05.01.2025, 10:15") == [dt.date(2025, 1, 5)]
    assert updated_dates("Last updated on 5 January 2025") == [dt.date(2025, 1, 5)]
