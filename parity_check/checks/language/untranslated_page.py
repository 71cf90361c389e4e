"""A language version of a page is really written in another of the site's languages."""
from __future__ import annotations

from typing import Iterable

from ...language import page_language
from ...models import Finding
from ...urls import page_key
from ..base import Check, CheckContext, register
from .common import main_text, name_args

MIN_SHARE = 0.6  # most of the main text, not a quoted passage


@register
class UntranslatedPage(Check):
    """The Kazakh (or English, or Russian) version of a page whose main text is in another of the site's
    languages: the translation was never made and the other language's text was published instead. The
    study found the Kazakh versions of state sites incomplete on every site it read."""

    id = "untranslated-page"
    tags = ("kz:constitution-art7", "kz:order-124", "wcag311")
    impact = "serious"
    requires = ("dom",)
    why = ("Kazakh is the state language and Russian is used officially on a par with it: each language "
           "version must carry the content in its own language, not another version's text.")
    messages = {"default": {
        "en": "The {version_name} version of this page is written in {detected_name} ({share}% of the main text).",
        "ru": "Версия страницы на языке «{version_ru}» написана на языке: {detected_ru} ({share}% основного текста).",
        "kk": "Беттің {version_kk} нұсқасы басқа тілде жазылған: {detected_kk} (негізгі мәтіннің {share}%).",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        versions = ctx.versions("normal")
        for page in ctx.audited("normal"):
            if page.lang not in ctx.languages:
                continue
            verdict = page_language(main_text(page), candidates=ctx.languages)
            if verdict.lang in (None, "und", page.lang) or verdict.share < MIN_SHARE:
                continue
            twin = versions.get(page_key(page.url), {}).get(verdict.lang)
            yield self.finding(
                page=page, selector="main", outcome="violation" if verdict.reliable else "incomplete",
                args={**name_args(version=page.lang, detected=verdict.lang), "share": round(verdict.share * 100)},
                related=[twin.url] if twin else [],
                evidence={"words_by_lang": verdict.words_by_lang})
