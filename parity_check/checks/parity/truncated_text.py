"""An item or a page's text cut short in one language: one sentence where another version has the full text."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding
from ...parity import CONFIDENT, align
from ...parity.matching import LENGTH_FACTOR
from ..base import Check, CheckContext, register
from .common import kind_args, lang_args

MIN_FULL_CHARS = 300  # the full version must have this much text (in Russian-equivalent characters)
MIN_FULL_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?…]+(?:\s|$)")


def sentences(text: str) -> int:
    return max(1 if text.strip() else 0, len(_SENTENCE_END.findall(text.strip() + " ")))


def _norm_len(text: str, lang: str) -> float:
    return len(text) / LENGTH_FACTOR.get(lang, 1.0)


@register
class TruncatedText(Check):
    """Compares the length of paired texts, corrected for how long each language runs (Kazakh a little
    longer than Russian, English shorter): the running text of the versions of a page (a news story), and
    the texts of paired items. A version under `teaser_max_ratio` (default 0.4) of the longest, where the
    longest has at least 300 characters and three sentences, is reported: as a violation when it is one
    or two sentences (the study's "news cut to one sentence"), for review otherwise."""

    id = "truncated-text"
    tags = ("kz:order-124",)
    impact = "moderate"
    scope = "language"
    requires = ("dom",)
    why = ("The study recommends publishing news in full in every language; a version cut to its first "
           "sentence leaves its readers with a headline instead of the information.")
    messages = {
        "page": {
            "en": "The text of this {lang_name} version has {chars} characters ({sentences} sentence(s)); the {full_name} version has {full_chars}.",
            "ru": "Текст версии «{lang_ru}» — {chars} знаков ({sentences} предл.), а в версии «{full_ru}» — {full_chars}.",
            "kk": "{lang_kk} нұсқасының мәтіні {chars} таңба ({sentences} сөйлем), ал {full_kk} нұсқасында {full_chars} таңба.",
        },
        "item": {
            "en": "The {kind} '{label}' has {chars} characters in this {lang_name} version; the {full_name} version has {full_chars}.",
            "ru": "{Kind_ru} «{label}»: в версии «{lang_ru}» {chars} знаков, а в версии «{full_ru}» — {full_chars}.",
            "kk": "«{label}» ({kind_kk}): {lang_kk} нұсқасында {chars} таңба, ал {full_kk} нұсқасында {full_chars} таңба.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        ratio_max = float(ctx.threshold("teaser_max_ratio", 0.4))
        for ga in align(ctx).groups:
            if len(ga.pages) < 2:
                continue
            texts = {lang: page.body_text for lang, page in ga.pages.items()}
            yield from self._compare(ga, texts, ratio_max)
            seen = set()  # one finding per short item, though it is paired with two longer versions
            for pp in ga.pairs.values():
                for pair in sorted(pp.pairs, key=lambda p: -p.score):
                    for f in self._compare_items(ga, pair, ratio_max):
                        if (f.lang, f.selector) not in seen:
                            seen.add((f.lang, f.selector))
                            yield f

    def _compare(self, ga, texts: dict[str, str], ratio_max: float) -> Iterable[Finding]:
        full_lang = max(texts, key=lambda l: _norm_len(texts[l], l))
        full = texts[full_lang]
        if _norm_len(full, full_lang) < MIN_FULL_CHARS or sentences(full) < MIN_FULL_SENTENCES:
            return
        for lang, text in sorted(texts.items()):
            ratio = _norm_len(text, lang) / _norm_len(full, full_lang)
            if lang == full_lang or ratio >= ratio_max or not text.strip():
                continue  # no text at all is a rendering or image-of-text problem, not a cut story
            n = sentences(text)
            yield self.finding(
                page=ga.pages[lang].record, key="page", content_key="page-text",
                outcome="violation" if 1 <= n <= 2 else "incomplete",
                related=[ga.pages[full_lang].record.url],
                args={**lang_args(lang=lang, full=full_lang), "chars": len(text), "sentences": n,
                      "full_chars": len(full)},
                evidence={"pages_paired_by": ga.group.linked_by.get(lang) or "url-pattern", "pairing_score": 1.0,
                          "length_ratio": round(ratio, 3), "threshold": ratio_max, "sentences": n,
                          "full_sentences": sentences(full), "text": text[:200]})

    def _compare_items(self, ga, pair, ratio_max: float) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        la, lb = _norm_len(a.text, a.lang), _norm_len(b.text, b.lang)
        short, full, ls, lf = (a, b, la, lb) if la < lb else (b, a, lb, la)
        if (lf < MIN_FULL_CHARS or sentences(full.text) < MIN_FULL_SENTENCES or ls / lf >= ratio_max
                or not short.text.strip()):
            return
        n = sentences(short.text)
        yield self.finding(
            page=ga.pages[short.lang].record, key="item", selector=short.selector,
            content_key=f"item:{short.label[:60]}",
            # the length difference itself lowers the pairing score, so an item in the same place of lists
            # of equal length (one story block per page) is paired surely enough
            outcome="violation" if 1 <= n <= 2 and (pair.score >= CONFIDENT or any(
                e.startswith("position: same place") for e in pair.evidence)) else "incomplete",
            related=[ga.pages[full.lang].record.url],
            args={**kind_args(short.kind), **lang_args(lang=short.lang, full=full.lang), "label": short.label[:100],
                  "chars": len(short.text), "full_chars": len(full.text)},
            evidence={"pairing_score": pair.score, "matched": pair.evidence, "length_ratio": round(ls / lf, 3),
                      "threshold": ratio_max, "sentences": n})
