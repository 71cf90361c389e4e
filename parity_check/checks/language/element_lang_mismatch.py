"""An element's own `lang` does not match the language of its text (W3C ACT rule off6ek)."""
from __future__ import annotations

from typing import Iterable

from ...language import identify, is_valid_lang_code, same_language
from ...models import Finding
from ..base import Check, CheckContext, register
from .common import mismatch_outcome, name_args


@register
class ElementLangMismatch(Check):
    """A passage marked with `lang` (say `<span lang="es">`) whose text is in another language. The text judged
    is what inherits the element's language: its rendered text and accessible names (alt, aria-labelledby),
    without descendants that carry their own `lang`. Language-neutral text cannot be judged and is left
    alone. The decision rule (common.mismatch_outcome): a violation needs text confidently in another language
    for which the declared language is implausible; a short span that reads as its declared language too
    ("Paul put dire comment on tape", English and French) is `incomplete` at most."""

    id = "element-lang-mismatch"
    tags = ("wcag2aa", "wcag312", "act:off6ek", "kz:st-rk-2191")
    impact = "serious"
    requires = ("dom",)
    why = ("A passage marked as one language and written in another is read by screen readers with the "
           "wrong voice, which is worse than no marking at all.")
    help_url = "https://www.w3.org/WAI/standards-guidelines/act/rules/off6ek/"
    messages = {"default": {
        "en": "This passage is marked lang='{declared}' but its text is in {detected_name}.",
        "ru": "Фрагмент помечен lang='{declared}', но его текст написан на языке: {detected_ru}.",
        "kk": "Үзінді lang='{declared}' деп белгіленген, бірақ мәтіні: {detected_kk}.",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            for el in (page.get("dom") or {}).get("lang_elements", []):
                declared = (el.get("lang") or "").strip()
                if "own_text" in el:
                    # ACT off6ek: the text inheriting its language from the element (visible or exposed
                    # text and accessible names, without descendants that declare their own lang)
                    text = el["own_text"] or ""
                else:  # records gathered before own_text: all the element's visible text
                    text = (el.get("text") or "") if el.get("visible", True) else ""
                if not declared or not text or not is_valid_lang_code(declared):
                    continue
                guess = identify(text)
                if guess.neutral or guess.lang in (None, "und") or same_language(declared, guess.lang):
                    continue
                yield self.finding(
                    page=page, selector=el.get("selector"), content_key=text[:80],
                    outcome=mismatch_outcome(declared, [text], guess.reliable, guess.confidence),
                    args=name_args(declared=declared, detected=guess.lang),
                    evidence={"text": text[:300], "confidence": round(guess.confidence, 3)})
