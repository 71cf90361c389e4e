"""The page's declared language does not match the language of its text (W3C ACT rule ucwvc8)."""
from __future__ import annotations

from typing import Iterable

from ...language import identify, identify_many, is_valid_lang_code, page_language, same_language
from ...language.page import MIN_SHARE
from ...models import Finding
from ..base import Check, CheckContext, register
from .common import mismatch_outcome, name_args, text_segments


@register
class LangMismatch(Check):
    """The `lang` of `<html>` names one language and the page's text is in another, so screen readers
    read the whole page with the wrong pronunciation rules. Decided over all text that inherits the page's
    language (text, accessible names and the title), counting words per language (as ACT ucwvc8 asks),
    never from one string. axe-core checks only that the code is valid; a page set to the wrong language
    passes it.

    The decision rule (common.mismatch_outcome): a violation when the page's text is confidently in
    another language (20 words or more in it, a clear majority; or a shorter page whose text in that
    language the identifier reads reliably) and the declared language is implausible for it; otherwise
    `incomplete` (ACT's cantTell), never a violation on a page that reads as its declared language too."""

    id = "lang-mismatch"
    tags = ("wcag2a", "wcag311", "act:ucwvc8", "kz:st-rk-2191")
    impact = "serious"
    requires = ("dom",)
    why = ("Screen readers choose their voice and pronunciation from the page's lang attribute; a page "
           "declared in one language and written in another is read aloud unintelligibly.")
    help_url = "https://www.w3.org/WAI/standards-guidelines/act/rules/ucwvc8/"
    messages = {"default": {
        "en": "The page is declared as '{declared}' but its text is in {detected_name} ({share}% of words).",
        "ru": "Язык страницы объявлен как «{declared}», но текст написан на языке: {detected_ru} ({share}% слов).",
        "kk": "Беттің тілі «{declared}» деп көрсетілген, бірақ мәтіні: {detected_kk} (сөздердің {share}%).",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited("normal"):
            dom = page.get("dom") or {}
            declared = (dom.get("declared_lang") or "").strip()
            if not declared or not is_valid_lang_code(declared):
                continue  # inapplicable: a missing or invalid code is axe's html-has-lang / html-lang-valid
            # ACT's "text inheriting its programmatic language": text, names (alt, aria-labelledby...) and
            # the page title; not text under an element that declares its own lang, even the same one
            named = [n for n in dom.get("names", []) if n.get("text")]
            inherited = [s["text"] for s in [*text_segments(page, include_attrs=True), *named]
                         if not s.get("lang_nested") and (not s.get("lang") or same_language(s["lang"], declared))]
            if dom.get("title"):
                inherited.append(dom["title"])
            verdict = page_language(inherited)
            if verdict.lang in (None, "und") or same_language(declared, verdict.lang):
                continue
            # the text in the winning language, read as one: a short page (a title and a sentence) may be
            # plainly in that language though it has fewer words than the count needs
            theirs = [t for t, g in zip(inherited, identify_many(inherited)) if g.lang == verdict.lang]
            joined = identify(" ".join(theirs))
            sure = verdict.share >= MIN_SHARE and joined.lang == verdict.lang
            outcome = mismatch_outcome(declared, theirs, verdict.reliable or (sure and joined.reliable),
                                       joined.confidence if sure else 0.0)
            yield self.finding(
                page=page, selector="html", outcome=outcome,
                args={**name_args(declared=declared, detected=verdict.lang), "share": round(verdict.share * 100)},
                evidence={"words_by_lang": verdict.words_by_lang, "declared": declared})
