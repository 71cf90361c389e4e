"""A section the law requires is absent from a language version, empty, or leads to an error page."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._sections import (content_chars, crawl_truncated, find_section, has_attachments, home_pages, iter_langs,
                        lang_args, page_text, required_sections, section_args, section_pages)

# Placeholders that stand where content should be.
_PLACEHOLDER = re.compile(
    r"в разработке|на стадии наполнения|информация отсутствует|нет данных|раздел наполняется|"
    r"әзірленуде|толықтырылуда|ақпарат жоқ|мәлімет жоқ|деректер жоқ|"
    r"under construction|coming soon|no data|no information|no records", re.I)


@register
class MissingSection(Check):
    """For every language version and every required section (the profile's `sections`, or the defaults:
    structure, leadership, contacts, news, legal acts, citizens' appeals, efficiency evaluation), looks for
    the section in the links, headings and URLs of that version's audited pages. Reports a section missing
    from a version that another version has (a violation, at that version's home page); a section no version
    has (one finding for the site, at its root: a violation when the profile names the section, "incomplete"
    with only the built-in names, which may simply not be the site's words); a section whose
    page has (almost) no content (under `section_min_chars`, 40, of text and no document links or pictures;
    or a "under construction" placeholder), and a section whose link leads to an error page."""

    id = "missing-section"
    tags = ("kz:law-access-to-information-art16", "kz:order-124")
    impact = "serious"
    scope = "language"
    sees = "site"
    requires = ("dom",)
    why = ("The Law \"On access to information\" (Art. 16) and Order 124-НҚ require every state body's site to "
           "publish these sections, in Kazakh and Russian alike; a visitor who reads one language must find "
           "the same information.")
    messages = {
        "title": {"en": "Required section missing or empty", "ru": "Обязательный раздел отсутствует или пуст",
                  "kk": "Міндетті бөлім жоқ немесе бос"},
        "why": {
            "en": why,
            "ru": "Закон «О доступе к информации» (ст. 16) и Приказ № 124-НҚ требуют публиковать эти разделы на "
                  "сайте каждого государственного органа, на казахском и русском языках одинаково: читатель любой "
                  "языковой версии должен найти ту же информацию.",
            "kk": "«Ақпаратқа қол жеткізу туралы» Заң (16-бап) және № 124-НҚ бұйрық әр мемлекеттік органның "
                  "сайтында осы бөлімдерді қазақ және орыс тілдерінде бірдей жариялауды талап етеді: кез келген "
                  "тілдік нұсқаны оқитын адам сол ақпаратты табуы тиіс.",
        },
        "fix": {
            "en": "Publish the section in every language version, link it from the main menu and fill it with "
                  "current content.",
            "ru": "Опубликуйте раздел во всех языковых версиях, дайте на него ссылку в главном меню и наполните "
                  "актуальным содержанием.",
            "kk": "Бөлімді барлық тілдік нұсқаларда жариялап, басты мәзірге сілтеме қойыңыз және өзекті мазмұнмен "
                  "толтырыңыз.",
        },
        "absent": {
            "en": "The {lang_en} version has no “{section_en}” section (no link, heading or page for it).",
            "ru": "В {lang_ru} версии нет раздела «{section_ru}» (ни ссылки, ни заголовка, ни страницы).",
            "kk": "Сайттың {lang_kk} нұсқасында «{section_kk}» бөлімі жоқ (сілтеме де, тақырып та, бет те жоқ).",
        },
        "absent_everywhere": {
            "en": "No language version of the site has the “{section_en}” section.",
            "ru": "Ни в одной языковой версии сайта нет раздела «{section_ru}».",
            "kk": "Сайттың ешбір тілдік нұсқасында «{section_kk}» бөлімі жоқ.",
        },
        "empty": {
            "en": "The “{section_en}” section of the {lang_en} version is empty ({chars} characters of content).",
            "ru": "Раздел «{section_ru}» в {lang_ru} версии пуст ({chars} знаков содержания).",
            "kk": "Сайттың {lang_kk} нұсқасындағы «{section_kk}» бөлімі бос (мазмұны {chars} таңба).",
        },
        "unreachable": {
            "en": "The “{section_en}” section of the {lang_en} version leads to an error page (HTTP {status}).",
            "ru": "Раздел «{section_ru}» в {lang_ru} версии ведёт на страницу ошибки (HTTP {status}).",
            "kk": "Сайттың {lang_kk} нұсқасындағы «{section_kk}» бөлімі қате бетке апарады (HTTP {status}).",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        langs = list(iter_langs(ctx))
        homes = home_pages(ctx)
        min_chars = int(ctx.threshold("section_min_chars", 40))
        for section in required_sections(ctx):
            hits = {lang: find_section(ctx, lang, section) for lang in langs}
            present_in = [lang for lang in langs if hits[lang]]
            if not present_in and langs:
                yield self._absent_everywhere(ctx, section, langs)
            for lang in langs:
                args = {**section_args(section), **lang_args(lang)}
                if not hits[lang]:
                    if present_in:
                        yield self.finding(
                            page=homes.get(lang), lang=lang, key="absent", args=args, content_key=section.key,
                            outcome="incomplete" if crawl_truncated(ctx) else "violation",
                            related=[h.page.url for l in present_in for h in hits[l][:1]],
                            evidence={"section": section.key, "present_in": present_in,
                                      "names": list(section.names.get(lang, ())),
                                      "pages_searched": sum(1 for p in ctx.audited("normal") if p.lang == lang)})
                    continue
                yield from self._judge_content(ctx, section, lang, hits[lang], args, min_chars)

    def _absent_everywhere(self, ctx, section, langs) -> Finding:
        """One finding for the site, at its root: no language version has the section. Sure when the profile
        names the section (its words were chosen for the site); a guess with only the built-in words."""
        sure = section.from_profile and not crawl_truncated(ctx)
        homes = home_pages(ctx)
        root = (ctx.run or {}).get("target") or homes[langs[0]].url
        return self.finding(url=root, lang=None, mode="normal", scope="site", key="absent_everywhere",
                            args=section_args(section), content_key=section.key,
                            outcome="violation" if sure else "incomplete",
                            related=[homes[l].url for l in langs if l in homes],
                            evidence={"section": section.key, "languages": list(langs),
                                      "names": {l: list(section.names.get(l, ())) for l in langs},
                                      "url_patterns": list(section.url_patterns)})

    def _judge_content(self, ctx, section, lang, hits, args, min_chars) -> Iterable[Finding]:
        pages = section_pages(ctx, hits)
        if not pages:
            return  # only headings name it (a part of some page), or its link leads where the crawl did not go
        audited = [p for p in pages if p.outcome == "audited"]
        referrers = sorted({h.page.url for h in hits if h.how == "link"})
        if not audited:
            broken = [p for p in pages if p.status and p.status >= 400]
            if broken:
                p = broken[0]
                yield self.finding(url=p.url, lang=lang, mode="normal", key="unreachable",
                                   args={**args, "status": p.status}, content_key=section.key,
                                   related=referrers, evidence={"section": section.key, "status": p.status})
            return
        sizes = {p.url: content_chars(p, section) for p in audited}
        best = max(audited, key=lambda p: sizes[p.url])
        chars = sizes[best.url]
        placeholder = bool(_PLACEHOLDER.search(" ".join(page_text(p) for p in audited))) and chars < 200
        if (chars < min_chars and not any(has_attachments(p) for p in audited)) or placeholder:
            yield self.finding(page=best, key="empty", args={**args, "chars": chars}, content_key=section.key,
                               outcome="violation", related=referrers,
                               evidence={"section": section.key, "content_chars": chars,
                                         "placeholder": placeholder, "min_chars": min_chars})
