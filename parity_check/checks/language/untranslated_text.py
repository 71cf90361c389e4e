"""Blocks, menu items, buttons, alt texts or titles left in another language inside a translated page."""
from __future__ import annotations

from typing import Iterable

from ...language import identify, page_language, same_language
from ...models import Finding
from ..base import Check, CheckContext, register
from ...urls import language_named
from .common import main_text, name_args, text_segments

DOUBTFUL_BUT_WORTH_A_LOOK = 0.6  # confidence below "reliable" that still earns a review item


@register
class UntranslatedText(Check):
    """A piece of a translated page left in another of the site's languages: a Russian menu item on the
    Kazakh page, an English button, a Russian alt text. Whole untranslated pages are `untranslated-page`;
    this check looks at pages whose main text is in their own language. A passage marked with its own
    `lang` is a deliberate quotation more often than an oversight: it is listed for review only."""

    id = "untranslated-text"
    tags = ("kz:constitution-art7", "kz:order-124")
    impact = "moderate"
    requires = ("dom",)
    why = ("A reader of the Kazakh version who meets Russian menu items, buttons or image descriptions "
           "cannot use that part of the page in the state language.")
    messages = {"default": {
        "en": "'{text}' on the {version_name} page is in {detected_name}.",
        "ru": "«{text}» на странице версии «{version_ru}» написано на языке: {detected_ru}.",
        "kk": "{version_kk} нұсқасындағы «{text}» мәтіні басқа тілде: {detected_kk}.",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            if page.lang not in ctx.languages:
                continue
            overall = page_language(main_text(page), candidates=ctx.languages)
            if overall.lang not in (None, "und", page.lang):
                continue  # the whole page is untranslated: one untranslated-page finding says it
            for seg in self._pieces(page):
                if language_named(seg["text"]):
                    continue  # a language switcher names each language in that language
                guess = identify(seg["text"], candidates=ctx.languages)
                if guess.neutral or guess.lang in (None, "und", page.lang):
                    continue
                if not guess.reliable and guess.confidence < DOUBTFUL_BUT_WORTH_A_LOOK:
                    continue
                marked = bool(seg.get("lang")) and same_language(seg["lang"], guess.lang)
                yield self.finding(
                    page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                    outcome="violation" if guess.reliable and not marked else "incomplete",
                    args={**name_args(version=page.lang, detected=guess.lang), "text": seg["text"][:80]},
                    evidence={"kind": seg.get("kind"), "region": seg.get("region"), "marked_with_lang": marked,
                              "confidence": round(guess.confidence, 3)})

    @staticmethod
    def _pieces(page):
        yield from text_segments(page, include_attrs=True)
        for img in (page.get("dom") or {}).get("images", []):
            if img.get("alt"):
                yield {"text": img["alt"], "selector": img.get("selector"), "kind": "alt",
                       "region": img.get("region")}
