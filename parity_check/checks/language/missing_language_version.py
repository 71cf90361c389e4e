"""A page exists in one language but its counterpart in another is missing (answers 404, or says it does not
exist: not_found.py), fails, or silently redirects to another language; or the language switcher points
nowhere."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding, normalise_url
from ...not_found import OUTCOME as NOT_FOUND
from ...parity import align
from ...parity.absence import absences
from ...urls import code_to_lang, language_named, language_of_url
from ..base import Check, CheckContext, register
from ..parity.common import SOURCE_ORDER
from .common import name_args

NOWHERE = re.compile(r"^\s*(#.*|javascript:.*|)$", re.I)


def switcher_target(link: dict) -> str | None:
    return language_named(link.get("text") or "") or (code_to_lang(link.get("hreflang")) if link.get("hreflang") else None)


@register
class MissingLanguageVersion(Check):
    """For every page found in one language, its counterparts in the others (found by the site's URL
    pattern, its hreflang links and its language switcher) must exist and be in their own language.

    A version that does not exist (404/410, or a page that answers 200 and says "not found", as single-page
    platforms do) is one missing thing, reported once here on that version, linking the versions that exist
    and the lists that show the item (the list of this language lacks its row for the same reason, and
    missing-item leaves that row to this finding). A document's page is missing-document's."""

    id = "missing-language-version"
    tags = ("kz:constitution-art7", "kz:order-124", "kz:law-access-to-information-art16")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("A citizen who reads the site in Kazakh (the state language) or Russian must find the same page "
           "in that language; a missing or redirected version shuts them out of that content.")
    messages = {
        "not_found": {
            "en": "The {lang_name} version of this page (“{label}” in the {source_name} version) does not exist: "
                  "the site shows its “not found” page ({detail}).",
            "ru": "Версии этой страницы на языке «{lang_ru}» («{label}» в версии «{source_ru}») не существует: "
                  "сайт показывает страницу «не найдено» ({detail}).",
            "kk": "Бұл беттің {lang_kk} нұсқасы жоқ («{label}», {source_kk} нұсқасы): сайт «бет табылмады» "
                  "бетін көрсетеді ({detail}).",
        },
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
        done = set()
        for ga in sorted(align(ctx).groups, key=lambda g: g.group.key):
            for gone in absences(ga, ctx.index, ctx.languages, SOURCE_ORDER):
                done.add(gone.record.key)
                if not gone.documents:  # a document's page: missing-document reports it
                    yield self._missing(ctx, gone)
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
                if record is None or record.key in done:
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

    def _missing(self, ctx: CheckContext, gone) -> Finding:
        record = gone.record
        evidence = {"status": record.status, "present_in": sorted(gone.present),
                    "listed_on": gone.listed_on}
        if record.outcome != NOT_FOUND:
            return self.finding(page=record, key="failed", related=gone.related, selector=None,
                                args={**name_args(lang=gone.lang), "error": gone.why}, evidence=evidence)
        verdict = ctx.index.not_found.get(record.key)
        detail = verdict.detail if verdict else (record.error or "").removeprefix("not found: ")
        if verdict:
            evidence.update(not_found=verdict.reason, **{f"not_found_{k}": v for k, v in verdict.evidence.items()})
        return self.finding(page=record, key="not_found", related=gone.related, selector=None,
                            args={**name_args(lang=gone.lang, source=gone.source), "label": gone.label[:100],
                                  "detail": detail},
                            evidence=evidence)

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


