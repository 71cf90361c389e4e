"""Lines of a paragraph set so close that the eye loses its place."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import crop_of, line_count, reading_text, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 5


@register
class TightLineHeight(Check):
    """Paragraphs of reading text (main region or body, 80 characters or more, at least two lines) whose
    line height is below `min_line_height_ratio` (default 1.15) times the font size, in the normal mode.
    A line height left at `normal` (about 1.2) does not count."""

    id = "tight-line-height"
    tags = ("wcag148", "best-practice")
    impact = "minor"
    scope = "page"
    requires = ("dom",)
    why = ("Readers with low vision or dyslexia track lines more easily when they are spaced; WCAG 1.4.8 asks "
           "for 1.5 within paragraphs, and lines closer than the font size itself touch each other.")
    messages = {
        "default": {
            "en": "Line height is {ratio} times the font size ({lh} px for {size} px text): \"{text}\".",
            "ru": "Межстрочный интервал составляет {ratio} от размера шрифта ({lh} px при тексте {size} px): "
                  "«{text}».",
            "kk": "Жол аралығы қаріп өлшемінің {ratio} есесі ({size} px мәтін үшін {lh} px): «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        minimum = float(ctx.threshold("min_line_height_ratio", 1.15))
        for page in ctx.audited("normal"):
            tight = []
            for seg in reading_text(page, min_chars=80):
                lh, size = seg.get("line_height"), seg.get("font_size")
                if lh and size and float(lh) / float(size) < minimum and line_count(seg) >= 2:
                    tight.append(seg)
            tight.sort(key=lambda s: (s["line_height"] / s["font_size"], s.get("selector") or ""))
            for seg in tight[:MAX_PER_PAGE]:
                ratio = round(seg["line_height"] / seg["font_size"], 2)
                yield self.finding(page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                                   args={"ratio": f"{ratio:g}", "lh": f"{seg['line_height']:g}",
                                         "size": f"{seg['font_size']:g}", "text": seg["text"][:60]},
                                   evidence=with_screenshot({"line_height": seg["line_height"], "font_size": seg["font_size"],
                                                             "ratio": ratio, "text": seg["text"][:120]},
                                                            crop_of(page, seg.get("selector"))))
