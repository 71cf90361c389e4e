"""Lines of reading text so long that the reader loses the way back to the next line."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import crop_of, line_count, reading_text, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 3


@register
class LongLines(Check):
    """Paragraphs of reading text (main region or body, 120 characters or more) whose lines average more
    than `max_line_chars` (default 80) characters, estimated as characters / (height / line height), in the
    normal mode at the tool's 1280 px window. The longest three a page; the count is in the evidence."""

    id = "long-lines"
    tags = ("wcag148",)
    impact = "minor"
    scope = "page"
    requires = ("dom",)
    why = ("Long lines make it hard for readers with low vision or reading difficulties to find the start of "
           "the next line; WCAG 1.4.8 limits lines to 80 characters.")
    messages = {
        "default": {
            "en": "Lines of this text hold about {chars} characters (over {max}): \"{text}\".",
            "ru": "Строки этого текста содержат около {chars} знаков (больше {max}): «{text}».",
            "kk": "Бұл мәтіннің жолдарында шамамен {chars} таңба бар ({max}-ден көп): «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        maximum = int(ctx.threshold("max_line_chars", 80))
        for page in ctx.audited("normal"):
            long = []
            for seg in reading_text(page, min_chars=120):
                per_line = len(" ".join(seg["text"].split())) / line_count(seg)
                if per_line > maximum:
                    long.append((per_line, seg))
            long.sort(key=lambda x: (-x[0], x[1].get("selector") or ""))
            for per_line, seg in long[:MAX_PER_PAGE]:
                yield self.finding(page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                                   args={"chars": round(per_line), "max": maximum, "text": seg["text"][:60]},
                                   evidence=with_screenshot({"chars_per_line": round(per_line), "lines": line_count(seg),
                                                             "width_px": (seg.get("bbox") or [0, 0, 0])[2],
                                                             "long_on_page": len(long), "text": seg["text"][:120]},
                                                            crop_of(page, seg.get("selector"))))
