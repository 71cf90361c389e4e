"""The language of a whole page, decided by counting words, like W3C ACT rule off6ek ("HTML page
language subtag matches default language"): the default language of a page is the language most of
its text is in, not the language of its first heading or its menu.

Each segment (a paragraph, a heading, a menu item...) is identified on its own; its words are then
counted for that language.  Neutral segments (numbers, e-mails, shared words) are not counted;
segments no language could be given to are counted under "und" but never win.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import PageLanguage
from .text import count_words, tokenize

MIN_WORDS = 20        # fewer decided words than this: the page's language is not reliable
MIN_SHARE = 0.6       # the winner must hold this share of the decided words


def page_language(segments: Iterable[str | tuple[str, int]], candidates: Sequence[str] | None = None,
                  *, identifier=None) -> PageLanguage:
    """`segments`: texts, or (text, weight) pairs where weight says how many times the segment
    counts (e.g. the same teaser shown twice).  Unreliable short segments still count their words:
    forty one-word menu items in Russian are forty words of Russian."""
    from .identify import default_identifier
    ident = identifier or default_identifier()
    words: dict[str, int] = {}
    texts: list[str] = []
    weights: list[int] = []
    for seg in segments:
        text, weight = (seg, 1) if isinstance(seg, str) else (seg[0], int(seg[1]))
        if text and weight > 0:
            texts.append(text)
            weights.append(weight)
    for text, weight, guess in zip(texts, weights, ident.identify_many(texts, candidates)):
        if guess.neutral:
            continue
        n = count_words(tokenize(text)) * weight
        words[guess.lang] = words.get(guess.lang, 0) + n
    decided = {k: v for k, v in words.items() if k != "und"}
    total = sum(words.values())
    if not decided or not total:
        return PageLanguage("und", 0.0, words, False)
    lang = max(decided, key=decided.__getitem__)
    share = decided[lang] / total
    reliable = sum(decided.values()) >= MIN_WORDS and share >= MIN_SHARE
    return PageLanguage(lang, round(share, 4), words, reliable)
