"""A page exists in one language but its counterpart in another is missing, fails, or silently
redirects to another language; or the language switcher points nowhere."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding, normalise_url
from ...urls import code_to_lang, language_named, language_of_url
from ..base import Check, CheckContext, register
from .common import name_args

NOWHERE = re.compile(r"^\s*(#.*|javascript:.*|)$", re.I)


def switcher_target(link: dict) -> str | None:
    return language_named(link.get("text") or "") or (code_to_lang(link.get("hreflang")) if link.get("hreflang") else None)


@register
class MissingLanguageVersion(Check):
    """For every page found in one language, its counterparts in the others (found by the site's URL
    pattern, its hreflang links and its language switcher) must exist and be in their own language."""

    id = "missing-language-version"
    tags = ("kz:constitution-art7", "kz:order-124", "kz:law-access-to-information-art16")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("A citizen who reads the site in Kazakh (the state language) or Russian must find the same page "
           "in that language; a missing or redirected version shuts them out of that content.")
    messages = {
        "failed": {
            "en": "The {lang_name} version of this page does not open ({error}).",
            "ru": "Версия страницы на языке «{lang_ru}» не открывается ({error}).",
            "kk": "Беттің {lang_kk} нұсқасы ашылмайды ({error}).",
        },
        "redirected": {
            "en": "The {lang_name} version of this page redirects to the {to_name} page {final_url}.",
            "ru": "Версия страницы на языке «{lang_ru}» перенаправляет на страницу на языке «{to_ru}»: {final_url}.",
            "kk": "Беттің {lang_kk} нұсқасы басқа тілдегі бетке ({to_kk}) бағыттайды: {final_url}.",
        },
        "switcher_nowhere": {
            "en": "The language switcher link to {lang_name} ('{text}') points nowhere ({href}).",
            "ru": "Ссылка переключателя языка на «{lang_ru}» («{text}») никуда не ведёт ({href}).",
            "kk": "Тіл ауыстырғыштың {lang_kk} сілтемесі («{text}») ешқайда апармайды ({href}).",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        # Pages are paired by URL pattern, hreflang and the switcher (parity.group_pages), so a site whose
        # paths differ per language (/kz/basshylyq vs /ru/rukovodstvo) is not blamed for the addresses
        # the crawler guessed from the pattern and found missing.
        for group in sorted(ctx.page_groups(), key=lambda g: g.key):
            by_lang = group.versions
            audited = {lang: r for lang, r in by_lang.items() if r.outcome == "audited"}
            if not audited:
                continue  # no version opens at all: a broken page, not a missing translation
            related = sorted(r.url for r in audited.values())
            for lang in ctx.languages:
                record = by_lang.get(lang)
                if record is None:
                    continue  # the site's URLs gave no counterpart to visit; the switcher is checked below
                if record.outcome == "failed":
                    yield self.finding(page=record, key="failed", related=related, selector=None,
                                       args={**name_args(lang=lang), "error": record.error or f"HTTP {record.status}"},
                                       evidence={"status": record.status})
                    continue
                landed = language_of_url(record.final_url or record.url)
                if landed and landed.lang != lang and record.outcome == "audited":
                    yield self.finding(page=record, key="redirected", related=related,
                                       args={**name_args(lang=lang, to=landed.lang), "final_url": record.final_url},
                                       evidence={"final_url": record.final_url, "redirects": record.get("redirects")})
        yield from self._switchers(ctx)

    def _switchers(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            for link in (page.get("dom") or {}).get("links", []):
                target = switcher_target(link)
                if target is None or target == page.lang or target not in ctx.languages:
                    continue
                raw = link.get("raw_href") or ""
                if NOWHERE.match(raw) or normalise_url(link.get("href", "")) == normalise_url(page.url):
                    yield self.finding(page=page, key="switcher_nowhere", selector=link.get("selector"),
                                       content_key=link.get("text"), scope="page",
                                       args={**name_args(lang=target), "text": link.get("text", ""), "href": raw or "''"})


