"""Words written into the page by CSS rather than by its HTML."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import KZ_STANDARD, crop_of, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 10


@register
class CssGeneratedText(Check):
    """Text of at least two letters (not icon-font glyphs, bullets or quotation marks) that a ::before or
    ::after rule inserts with `content:`, recorded by the `generated_text` gatherer in the normal mode."""

    id = "css-generated-text"
    tags = ("wcag131", KZ_STANDARD)
    impact = "moderate"
    scope = "page"
    requires = ("generated_text",)
    why = ("Readers with low vision often replace a site's styles with their own (high contrast, reader view, "
           "a large-print style sheet); words the site writes with CSS disappear with its styles, and some "
           "screen readers do not announce them.")
    messages = {
        "default": {
            "en": "The words \"{text}\" are inserted by CSS (::{pseudo}), not written in the page: \"{element}\".",
            "ru": "Слова «{text}» вставлены средствами CSS (::{pseudo}), а не написаны в самой странице: "
                  "«{element}».",
            "kk": "«{text}» сөздері бетке жазылмаған, CSS арқылы (::{pseudo}) қосылған: «{element}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            for item in ((page.get("generated_text") or {}).get("items") or [])[:MAX_PER_PAGE]:
                yield self.finding(
                    page=page, selector=item.get("selector"), content_key=f"{item.get('pseudo')}:{item.get('text')}",
                    args={"text": item.get("text", "")[:60], "pseudo": item.get("pseudo"),
                          "element": (item.get("element_text") or "")[:60]},
                    evidence=with_screenshot(dict(item), crop_of(page, item.get("selector"))))
