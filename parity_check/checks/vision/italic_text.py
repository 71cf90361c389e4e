"""Long passages set in italics."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import crop_of, letters, visible, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 5


@register
class ItalicText(Check):
    """Visible text of at least `italic_min_letters` (default 150) letters whose element is rendered
    italic or oblique, in the normal mode. Italics for a word or a short caption do not count."""

    id = "italic-text"
    tags = ("best-practice",)
    impact = "minor"
    scope = "page"
    requires = ("dom",)
    why = ("Slanted letters have jagged, leaning shapes that readers with low vision or dyslexia find hard to "
           "make out; long passages in italics slow them down or stop them.")
    messages = {
        "default": {
            "en": "{n} letters of text in italics: \"{text}\".",
            "ru": "{n} букв текста набраны курсивом: «{text}».",
            "kk": "Мәтіннің {n} әрпі курсивпен терілген: «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        minimum = int(ctx.threshold("italic_min_letters", 150))
        for page in ctx.audited("normal"):
            found = []
            for seg in (page.get("dom") or {}).get("segments", []):
                if str(seg.get("kind", "")).startswith("attr:") or not visible(seg):
                    continue
                n = len(letters(seg.get("text") or ""))
                if n >= minimum and seg.get("font_style") in ("italic", "oblique"):
                    found.append((n, seg))
            found.sort(key=lambda x: (-x[0], x[1].get("selector") or ""))
            for n, seg in found[:MAX_PER_PAGE]:
                yield self.finding(page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                                   args={"n": n, "text": seg["text"][:60]},
                                   evidence=with_screenshot({"letters": n, "font_style": seg.get("font_style"),
                                                             "text": seg["text"][:120]}, crop_of(page, seg.get("selector"))))
