"""A passage in a language other than the page's, with no `lang` to say so (WCAG 3.1.2)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from ...language import identify, same_language
from ...models import Finding
from ..base import Check, CheckContext, register
from .common import name_args, text_segments

# Sentences, and quotations inside them: a foreign phrase is usually quoted or a sentence of its own.
_PIECES = re.compile(r"[\"«“„]([^\"»”“]{8,})[\"»”“]|([^.!?;\"«»“”„]{12,}[.!?]?)")


DOUBTFUL = 0.5  # a short foreign phrase is rarely "reliable"; above this it is worth a person's look


# Languages a quotation on these sites may come in, besides the site's own (open-set answers for a three-word
# quotation are weak; asked among these alone, a French phrase is plainly French).
QUOTED_LANGUAGES = ("fr", "de", "es", "it", "nl", "pt", "tr", "pl", "uk", "be", "bg", "ky", "uz", "kk", "ru", "en")
DOUBTFUL_PAGE_LANGUAGE = 0.6  # an open-set answer "the page's language" below this leaves the question open


def pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, quoted) for every sentence and quotation of 2 words or more."""
    found = []
    for quoted, sentence in _PIECES.findall(text):
        found.append(((quoted or sentence).strip(), bool(quoted)))
    return [(p, q) for p, q in found if len(p.split()) >= 2]


def foreign_guess(piece: str, quoted: bool, page_lang: str):
    """The language of a piece when it is not the page's. A quotation that the open set gives to the page's
    language only weakly is asked again among the other languages: a reliable answer there is worth a look."""
    guess = identify(piece)
    if (quoted and len(piece.split()) >= 3 and same_language(page_lang, guess.lang or "")
            and guess.confidence < DOUBTFUL_PAGE_LANGUAGE):
        others = [lang for lang in QUOTED_LANGUAGES if not same_language(page_lang, lang)]
        second = identify(piece, candidates=others)
        if second.reliable:
            return replace(second, reliable=False)  # a second opinion is a review item, never a violation
    return guess


@register
class UnmarkedLanguageChange(Check):
    """Finds a quotation or sentence in a language outside the site's own (say French inside an English
    page) with no `lang` attribute. Passages in one of the site's languages left in a translated page are
    `untranslated-text`, a translation problem before a markup one."""

    id = "unmarked-language-change"
    tags = ("wcag2aa", "wcag312", "kz:st-rk-2191")
    impact = "moderate"
    requires = ("dom",)
    why = ("Without lang on a passage in another language, a screen reader pronounces it with the page's "
           "rules and the listener cannot understand it.")
    messages = {"default": {
        "en": "'{text}' is in {detected_name} but has no lang attribute (the page is '{page_lang}').",
        "ru": "«{text}» написано на языке «{detected}», но не помечено атрибутом lang (язык страницы «{page_lang}»).",
        "kk": "«{text}» мәтіні «{detected}» тілінде, бірақ lang атрибутымен белгіленбеген (бет тілі «{page_lang}»).",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            page_lang = (page.get("dom") or {}).get("declared_lang") or page.lang
            if not page_lang:
                continue
            for seg in text_segments(page):
                for piece, quoted in pieces(seg["text"]):
                    guess = foreign_guess(piece, quoted, page_lang)
                    if guess.neutral or guess.lang in (None, "und") or guess.confidence < DOUBTFUL:
                        continue
                    if guess.lang in ctx.languages or same_language(seg.get("lang") or page_lang, guess.lang):
                        continue
                    yield self.finding(page=page, selector=seg.get("selector"), content_key=piece[:80],
                                       outcome="violation" if guess.reliable else "incomplete",
                                       args={**name_args(detected=guess.lang), "text": piece[:80],
                                             "page_lang": page_lang},
                                       evidence={"segment": seg["text"][:300],
                                                 "confidence": round(guess.confidence, 3)})
