"""What the language checks share: which text of a recorded page counts, and language names for messages."""
from __future__ import annotations

from typing import Iterator

from ...artifacts import PageRecord
from ...language import model_share, primary_language

LANG_NAMES = {
    "en": {"kk": "Kazakh", "ru": "Russian", "en": "English"},
    "ru": {"kk": "казахский", "ru": "русский", "en": "английский"},
    "kk": {"kk": "қазақ тілі", "ru": "орыс тілі", "en": "ағылшын тілі"},
}


def name_args(**langs: str | None) -> dict[str, str]:
    """Message arguments naming languages in the nominative, so templates need no grammatical cases:
    declared="ru" -> {declared: "ru", declared_name: "Russian", declared_ru: "русский", declared_kk: "орыс тілі"}."""
    out: dict[str, str] = {}
    for key, code in langs.items():
        code = code or "?"
        out[key] = code
        for report_lang, names in LANG_NAMES.items():
            if report_lang != "en":
                out[f"{key}_{report_lang}"] = names.get(code, code)
        out[f"{key}_name"] = LANG_NAMES["en"].get(code, code)
    return out


def text_segments(page: PageRecord, include_attrs: bool = False) -> Iterator[dict]:
    """Visible text segments of a page; alt texts, titles and labels only when asked."""
    for seg in (page.get("dom") or {}).get("segments", []):
        if not include_attrs and str(seg.get("kind", "")).startswith("attr:"):
            continue
        if seg.get("text"):
            yield seg


def main_text(page: PageRecord) -> list[str]:
    """The text that says what a page is in: its main region if it has one, else everything but menus."""
    segs = list(text_segments(page))
    main = [s["text"] for s in segs if s.get("region") == "main"]
    if sum(len(t) for t in main) >= 80:
        return main
    return [s["text"] for s in segs if s.get("region") not in ("nav", "header", "footer")] or [s["text"] for s in segs]


# -- the decision rule of lang-mismatch (ACT ucwvc8) and element-lang-mismatch (ACT off6ek) -----------------
# Languages the identifier has word lists for (language/kazakh.py, lexicon.py): for them `reliable` is what
# bench/language_bench.py measures (100% precision of reliable answers on its test split, short Kazakh and
# Russian labels included), and the rule below leaves it exactly as it was.
WORD_LIST_LANGUAGES = ("kk", "ru", "en")
CONFIDENT = 0.9  # the identifier's confidence that counts as "confidently in another language"
# The model's share of the declared language over the text below which that language is implausible. ACT's
# bilingual example "Paul put dire comment on tape" (English and French word for word) gives French 0.44;
# English phrases give Dutch 0.12 ("Fireworks over Paris") and French 0.0005.
PLAUSIBLE = 0.25


def mismatch_outcome(declared: str, texts: list[str], reliable: bool, confidence: float) -> str:
    """Outcome of a text in another language than `declared`: "violation" (ACT failed) or "incomplete"
    (ACT cantTell). The caller has already found that the text is in a language (not neutral, not und)
    other than `declared`; no finding at all is its answer for text in the declared language.

      violation   the text is confidently in the other language AND the declared one is implausible for it:
                  - declared kk, ru or en: the identifier's answer is reliable (conclusive words, or a model
                    that read 20+ letters at 90%+); the word lists then speak for the declared language too
                  - declared another language (no word lists for it): the identifier is at least 90% sure,
                    and the model alone gives the declared language under PLAUSIBLE of the text
      incomplete  otherwise: too little text to be sure, or a short text that reads as the declared
                  language too (a span may be a sentence in two languages), or a language the model does
                  not know; a person decides
    """
    if primary_language(declared) in WORD_LIST_LANGUAGES:
        return "violation" if reliable else "incomplete"
    if not (reliable or confidence >= CONFIDENT):
        return "incomplete"
    share = model_share(texts, declared)
    return "violation" if share is not None and share < PLAUSIBLE else "incomplete"
