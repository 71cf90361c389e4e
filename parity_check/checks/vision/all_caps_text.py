"""Long runs of text in capital letters."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import crop_of, letters, visible, with_screenshot
from ._texts import texts

MAX_PER_PAGE = 5


@register
class AllCapsText(Check):
    """Visible text of at least `caps_min_letters` (default 60) letters shown in capitals, whether typed so
    (90% or more of its letters upper case; Cyrillic included) or set by `text-transform: uppercase`, in the
    normal mode. Short labels and menu items in capitals do not count."""

    id = "all-caps-text"
    tags = ("best-practice",)
    impact = "minor"
    scope = "page"
    requires = ("dom",)
    why = ("Words in capitals lose their shape (ascenders and descenders), so readers with low vision or "
           "dyslexia read long capitalised passages much more slowly; screen readers may spell them out.")
    messages = {
        "default": {
            "en": "{n} letters of text in capitals: \"{text}\".",
            "ru": "{n} букв текста набраны прописными: «{text}».",
            "kk": "Мәтіннің {n} әрпі бас әріптермен терілген: «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        minimum = int(ctx.threshold("caps_min_letters", 60))
        for page in ctx.audited("normal"):
            found = []
            for seg in (page.get("dom") or {}).get("segments", []):
                if str(seg.get("kind", "")).startswith("attr:") or not visible(seg):
                    continue
                ls = letters(seg.get("text") or "")
                if len(ls) < minimum:
                    continue
                typed = sum(1 for c in ls if c.isupper()) >= 0.9 * len(ls)
                if typed or seg.get("text_transform") == "uppercase":
                    found.append((len(ls), "typed" if typed else "text-transform", seg))
            found.sort(key=lambda x: (-x[0], x[2].get("selector") or ""))
            for n, how, seg in found[:MAX_PER_PAGE]:
                yield self.finding(page=page, selector=seg.get("selector"), content_key=seg["text"][:80],
                                   args={"n": n, "text": seg["text"][:60]},
                                   evidence=with_screenshot({"letters": n, "how": how, "text": seg["text"][:120]},
                                                            crop_of(page, seg.get("selector"))))
