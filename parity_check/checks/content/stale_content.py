"""Out-of-date content: a news list whose newest item is old, or a page that says it was last updated long ago."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._dates import find_dates, run_date, updated_dates
from ._sections import default_sections, content_segments, names_match, section, url_matches

MIN_LIST_DATES = 2  # a news list shows several dated items; one date is an article's own


def _news_rule(ctx):
    return section(ctx, "news") or next(s for s in default_sections() if s.key == "news")


def _is_news_list(page, rule, dates: list) -> bool:
    if len({d for d, _ in dates}) < MIN_LIST_DATES and len(dates) < 3:
        return False
    if url_matches(rule, page.url) or url_matches(rule, page.final_url):
        return True
    heads = [s for s in (page.get("dom") or {}).get("segments", []) if s.get("tag") == "h1"]
    return any(names_match(rule, s.get("text"), anchored=True, limit=60) for s in heads)


def _dated_segments(page, today: dt.date) -> list[tuple[dt.date, dict]]:
    out = []
    for seg in content_segments(page):
        for date, _, _ in find_dates(seg.get("text")):
            if date <= today + dt.timedelta(days=1):  # announcements of future events are not news dates
                out.append((date, seg))
    return out


@register
class StaleContent(Check):
    """Relative to the day the site was captured (run.json `captured_at`): a news list (a page matching the
    `news` section rule with several dated items; dates in kk/ru/en forms) whose newest item is older than
    `news_stale_days` (the profile's, 7; `stale_days`, 30, without one) is a violation: Order 124-НҚ wants
    news daily. A page stating its last update
    ("Обновлено", "Жаңартылды", "Updated" followed by a date) older than `stale_days` is "incomplete",
    and a violation past `stale_updated_days` (365): an old update date alone does not prove the page wrong."""

    id = "stale-content"
    tags = ("kz:law-access-to-information-art16", "kz:order-124")
    impact = "moderate"
    scope = "page"
    requires = ("dom",)
    why = ("Order 124-НҚ requires news to be published daily and other sections updated within three working "
           "days; the experts found statistics not updated since 2016 and language versions left behind.")
    messages = {
        "title": {"en": "Out-of-date content", "ru": "Устаревшая информация",
                  "kk": "Ескірген ақпарат"},
        "why": {
            "en": why,
            "ru": "Приказ № 124-НҚ требует публиковать новости ежедневно, а другие разделы обновлять в течение "
                  "трёх рабочих дней; эксперты нашли статистику, не обновлявшуюся с 2016 года, и отстающие "
                  "языковые версии.",
            "kk": "№ 124-НҚ бұйрық жаңалықтарды күн сайын жариялауды, ал басқа бөлімдерді үш жұмыс күні ішінде "
                  "жаңартуды талап етеді; сарапшылар 2016 жылдан бері жаңартылмаған статистиканы және артта қалған "
                  "тілдік нұсқаларды тапты.",
        },
        "fix": {
            "en": "Update the section in every language version at once, and show the date of the update.",
            "ru": "Обновите раздел сразу во всех языковых версиях и укажите дату обновления.",
            "kk": "Бөлімді барлық тілдік нұсқаларда бір мезгілде жаңартып, жаңарту күнін көрсетіңіз.",
        },
        "news": {
            "en": "The newest news item here is dated {date}: {days} days before the check.",
            "ru": "Самая свежая новость здесь датирована {date}: за {days} дн. до проверки.",
            "kk": "Мұндағы ең соңғы жаңалық {date} күнімен белгіленген: тексеруден {days} күн бұрын.",
        },
        "updated": {
            "en": "The page says it was last updated on {date}: {days} days before the check.",
            "ru": "Страница последний раз обновлялась {date}: за {days} дн. до проверки.",
            "kk": "Бет соңғы рет {date} жаңартылған: тексеруден {days} күн бұрын.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        today = run_date(ctx.run)
        if today is None:
            return
        stale = int(ctx.threshold("stale_days", 30))
        news_days = int(ctx.threshold("news_stale_days", None) or stale)
        very_stale = int(ctx.threshold("stale_updated_days", 365))
        rule = _news_rule(ctx)
        newest_by_lang: dict[str | None, dt.date] = {}
        news_pages = []
        for page in ctx.audited("normal"):
            dated = _dated_segments(page, today)
            if _is_news_list(page, rule, dated):
                newest, seg = max(dated, key=lambda t: t[0])
                news_pages.append((page, newest, seg, len(dated)))
                if newest > newest_by_lang.get(page.lang, dt.date.min):
                    newest_by_lang[page.lang] = newest
            yield from self._updated(page, today, stale, very_stale)
        for page, newest, seg, count in news_pages:
            age = (today - newest).days
            if age > news_days:
                others = {l: d.isoformat() for l, d in newest_by_lang.items() if l != page.lang}
                yield self.finding(page=page, selector=seg.get("selector"), key="news", content_key="news",
                                   args={"date": newest.isoformat(), "days": age},
                                   evidence={"newest": newest.isoformat(), "age_days": age, "threshold_days": news_days,
                                             "dated_items": count, "newest_in_other_languages": others})

    def _updated(self, page, today, stale, very_stale) -> Iterable[Finding]:
        found = [(d, s) for s in (page.get("dom") or {}).get("segments", []) if s.get("region") != "nav"
                 for d in updated_dates(s.get("text"))]
        if not found:
            return
        date, seg = max(found, key=lambda t: t[0])
        age = (today - date).days
        if age > stale:
            yield self.finding(page=page, selector=seg.get("selector"), key="updated", content_key="updated",
                               outcome="violation" if age > very_stale else "incomplete",
                               args={"date": date.isoformat(), "days": age},
                               evidence={"updated": date.isoformat(), "age_days": age, "threshold_days": stale,
                                         "violation_after_days": very_stale, "text": (seg.get("text") or "")[:160]})
