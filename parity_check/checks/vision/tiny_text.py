"""Text so small that hardly anyone can read it, wherever it is on the page."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import REGISTRY, Check, CheckContext, register
from ._shared import crop_of, letters, visible, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 10


@register
class TinyText(Check):
    """Any visible text (menus, footers, labels, links included) with at least two letters rendered below
    `tiny_text_px` (default 9 px) in the normal mode. Body paragraphs that `small-font` already reports
    (main text of `small_font_min_chars` characters or more below `small_font_px`) are left to it."""

    id = "tiny-text"
    tags = ("best-practice",)
    impact = "serious"
    scope = "page"
    requires = ("dom",)
    why = ("Text under 9 px is illegible to many readers with ordinary sight and to every reader with low "
           "vision; small print in menus and footers (phone numbers, addresses, links) is still information.")
    messages = {
        "default": {
            "en": "Text rendered at {size} px, below {min} px: \"{text}\".",
            "ru": "Текст набран шрифтом {size} px — меньше {min} px: «{text}».",
            "kk": "Мәтін {size} px қаріппен терілген, бұл {min} px-тен кіші: «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        tiny = float(ctx.threshold("tiny_text_px", 9))
        left_to_small_font = _small_font_rule(ctx)
        for page in ctx.audited("normal"):
            found = []
            for seg in (page.get("dom") or {}).get("segments", []):
                size = seg.get("font_size")
                text = (seg.get("text") or "").strip()
                if size is None or str(seg.get("kind", "")).startswith("attr:") or not visible(seg):
                    continue
                if float(size) < tiny and len(letters(text)) >= 2 and not left_to_small_font(seg):
                    found.append(seg)
            found.sort(key=lambda s: (s["font_size"], s.get("selector") or ""))
            for seg in found[:MAX_PER_PAGE]:
                size = f"{float(seg['font_size']):g}"
                yield self.finding(page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                                   args={"size": size, "min": f"{tiny:g}", "text": seg["text"][:80]},
                                   evidence=with_screenshot({"font_size": seg["font_size"], "text": seg["text"][:120],
                                                             "region": seg.get("region"), "tiny_on_page": len(found)},
                                                            crop_of(page, seg.get("selector"))))


def _small_font_rule(ctx: CheckContext):
    """What small-font reports (body text of enough characters below its size), so one element is not
    reported twice; nothing when that check is not installed."""
    if "small-font" not in REGISTRY:
        return lambda seg: False
    size = float(ctx.threshold("small_font_px", 12))
    chars = int(ctx.threshold("small_font_min_chars", 30))

    def rule(seg: dict) -> bool:
        return (seg.get("kind") == "text" and seg.get("region") in ("main", "body")
                and len((seg.get("text") or "").strip()) >= chars and float(seg.get("font_size") or 99) < size)
    return rule
