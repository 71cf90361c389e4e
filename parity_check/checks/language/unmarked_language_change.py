"""A passage in a language other than the page's, with no `lang` to say so (WCAG 3.1.2)."""
from __future__ import annotations

import re
from typing import Iterable

from ...language import identify, same_language
from ...models import Finding
from ..base import Check, CheckContext, register
from .common import name_args, text_segments

# Sentences, and quotations inside them: a foreign phrase is usually quoted or a sentence of its own.
_PIECES = re.compile(r"[\"«“„]([^\"»”“]{8,})[\"»”“]|([^.!?;\"«»“”„]{12,}[.!?]?)")


DOUBTFUL = 0.5  # a short foreign phrase is rarely "reliable"; above this it is worth a person's look


def pieces(text: str) -> list[str]:
    found = []
    for quoted, sentence in _PIECES.findall(text):
        found.append((quoted or sentence).strip())
    return [p for p in found if len(p.split()) >= 2]


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
                for piece in pieces(seg["text"]):
                    guess = identify(piece)
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
