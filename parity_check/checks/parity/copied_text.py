"""Text identical or near-identical in two language versions of a page: a translation never made."""
from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz, process

from ...models import Finding
from ...parity import align
from ...parity.text import is_language_neutral
from ..base import Check, CheckContext, register
from .common import SOURCE_ORDER, lang_args

MIN_CHARS = 40
MIN_WORDS = 6
NEAR_IDENTICAL = 95  # rapidfuzz ratio of the two texts
MAX_PER_PAGE = 20  # past this the version is untranslated as a whole; untranslated-page says so
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]", re.I)


def language_of(text: str, candidates: tuple[str, ...]) -> tuple[str | None, bool]:
    """(language, reliable). The language module when it is there; else the letters: Kazakh has nine
    letters Russian lacks, and a long Cyrillic text with none of them is Russian."""
    try:
        from ...language import identify
    except ImportError:  # the language module is optional for this check
        identify = None
    if identify is not None:
        guess = identify(text, candidates=candidates)
        if guess.neutral or guess.lang in (None, "und"):
            return None, False
        return guess.lang, bool(guess.reliable)
    if KAZAKH_LETTERS.search(text):
        return "kk", True
    if re.search(r"[а-яё]", text, re.I):
        return "ru", len(text) >= 60
    if re.search(r"[a-z]", text, re.I):
        return "en", False
    return None, False


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@register
class CopiedText(Check):
    """Compares the texts of each pair of language versions of a page (running text, headings, list items,
    link texts; 40+ characters and six words or more). A text found identical, or near-identical (95%), in
    two versions was not translated. Language-neutral text (numbers, names, e-mails, URLs, codes) is left
    out. The finding goes on the version whose language the text is not in; when the language cannot be
    told, on the version less likely to be the source, for review. A text marked with its own `lang`
    attribute is a deliberate quotation and is left out."""

    id = "copied-text"
    tags = ("kz:constitution-art7", "kz:order-124")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("A passage copied into another language version unchanged was never translated: readers of that "
           "version get text in a language they may not read, and the version only looks complete.")
    messages = {"default": {
        "en": "'{text}' is the same in this {lang_name} version and the {other_name} version (not translated).",
        "ru": "«{text}» совпадает в версиях «{lang_ru}» и «{other_ru}» (текст не переведён).",
        "kk": "«{text}» мәтіні {lang_kk} және {other_kk} нұсқаларында бірдей (аударылмаған).",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        candidates = tuple(ctx.languages) or ("kk", "ru", "en")
        for ga in align(ctx).groups:
            if len(ga.pages) < 2:
                continue
            texts = {lang: _texts(page.record) for lang, page in ga.pages.items()}
            reported: dict[str, int] = {}
            done: set[tuple[str, str]] = set()
            langs = sorted(texts, key=lambda l: SOURCE_ORDER.index(l) if l in SOURCE_ORDER else 9)
            for i, a in enumerate(langs):
                for b in langs[i + 1:]:
                    for seg_a, seg_b, similarity in _copies(texts[a], texts[b]):
                        found, reliable = language_of(seg_a["text"], candidates)
                        if found == a:
                            where, seg, other = b, seg_b, a
                        elif found == b:
                            where, seg, other = a, seg_a, b
                        else:  # in neither language, or unknown: the less likely source, for review
                            where, seg, other, reliable = b, seg_b, a, False
                        if (where, seg.get("selector")) in done or reported.get(where, 0) >= MAX_PER_PAGE:
                            continue
                        done.add((where, seg.get("selector")))
                        reported[where] = reported.get(where, 0) + 1
                        yield self.finding(
                            page=ga.pages[where].record, selector=seg.get("selector"),
                            content_key=seg["text"][:80], outcome="violation" if reliable else "incomplete",
                            related=[ga.pages[other].record.url],
                            args={**lang_args(lang=where, other=other), "text": seg["text"][:80]},
                            evidence={"pages_paired_by": ga.group.linked_by.get(where) or "url-pattern",
                                      "pairing_score": round(similarity / 100, 3),
                                      "matched": [f"text: {round(similarity)}% identical to the {other} version"],
                                      "text_language": found, "counterpart_selector": (seg_b if seg is seg_a else seg_a).get("selector")})


def _texts(record) -> list[dict]:
    out = []
    for seg in (record.get("dom") or {}).get("segments", []):
        text = seg.get("text") or ""
        if (seg.get("region") in ("nav", "header", "footer") or str(seg.get("kind", "")).startswith("attr:")
                or seg.get("lang") and seg.get("lang") != (record.get("dom") or {}).get("declared_lang")):
            continue
        if len(text) >= MIN_CHARS and len(text.split()) >= MIN_WORDS and not is_language_neutral(text, MIN_WORDS):
            out.append(seg)
    return out


def _copies(segs_a: list[dict], segs_b: list[dict]):
    exact = {_key(s["text"]): s for s in segs_a}
    rest_a = [s for s in segs_a]
    choices = [_key(s["text"]) for s in rest_a]
    for seg_b in segs_b:
        k = _key(seg_b["text"])
        if k in exact:
            yield exact[k], seg_b, 100.0
            continue
        hit = process.extractOne(k, choices, scorer=fuzz.ratio, score_cutoff=NEAR_IDENTICAL) if choices else None
        if hit:
            yield rest_a[hit[2]], seg_b, hit[1]
