"""Paragraphs justified to both margins, with uneven gaps between words."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import crop_of, line_count, reading_text, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 5


@register
class JustifiedText(Check):
    """Paragraphs of reading text (main region or body, 100 characters or more, at least two lines) with
    `text-align: justify`, in the normal mode."""

    id = "justified-text"
    tags = ("wcag148",)
    impact = "minor"
    scope = "page"
    requires = ("dom",)
    why = ("Justified text stretches the gaps between words unevenly, forming \"rivers\" of white that make "
           "lines hard to follow for readers with low vision or dyslexia; WCAG 1.4.8 asks for no justification.")
    messages = {
        "default": {
            "en": "This paragraph is justified to both margins: \"{text}\".",
            "ru": "Этот абзац выровнен по ширине: «{text}».",
            "kk": "Бұл азат жол ені бойынша тегістелген: «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            found = [s for s in reading_text(page, min_chars=100)
                     if (s.get("text_align") or "") == "justify" and line_count(s) >= 2]
            for seg in sorted(found, key=lambda s: -len(s["text"]))[:MAX_PER_PAGE]:
                yield self.finding(page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                                   args={"text": seg["text"][:60]},
                                   evidence=with_screenshot({"text_align": "justify", "lines": line_count(seg),
                                                             "justified_on_page": len(found), "text": seg["text"][:120]},
                                                            crop_of(page, seg.get("selector"))))
