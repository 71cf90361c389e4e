"""Turning a text segment into the word tokens that carry language evidence, and its script.

Everything without language evidence is removed before any model sees the text: URLs, e-mail
addresses, numbers, dates, punctuation.  A segment left with no word is `neutral`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:kz|ru|com|org|net|gov|edu|info|io)\b(?:/\S*)?", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
# A word: letters (and combining marks), joined by hyphens or apostrophes ("іс-шара", "citizens'").
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
# a letter that is neither Latin nor Cyrillic (Greek, Arabic, Han...)
_OTHER_LETTER = re.compile(r"[^\W\d_a-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u052f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʼʻ-](?=[^\W\d_]))*")

# Kazakh Cyrillic text on older sites often borrows look-alike Latin letters (fonts lacked the
# Kazakh glyphs): 'i' for 'і', 'ə' for 'ә', 'ɵ'/'θ' for 'ө'.  Inside a Cyrillic word we fold them back.
_LOOKALIKES = str.maketrans({"i": "і", "ə": "ә", "ɵ": "ө", "θ": "ө", "h": "һ", "a": "а", "e": "е",
                             "o": "о", "c": "с", "p": "р", "x": "х", "y": "у", "k": "к"})

# Unicode blocks -> ISO 15924 script codes.  Order matters only for speed (commonest first).
_SCRIPT_RANGES = (
    ("Cyrl", 0x0400, 0x052F), ("Latn", 0x0041, 0x024F), ("Latn", 0x1E00, 0x1EFF),
    ("Grek", 0x0370, 0x03FF), ("Arab", 0x0600, 0x06FF), ("Arab", 0x0750, 0x077F),
    ("Arab", 0xFB50, 0xFDFF), ("Arab", 0xFE70, 0xFEFF), ("Hebr", 0x0590, 0x05FF),
    ("Hani", 0x4E00, 0x9FFF), ("Hani", 0x3400, 0x4DBF), ("Kana", 0x3040, 0x30FF),
    ("Hang", 0xAC00, 0xD7AF), ("Hang", 0x1100, 0x11FF), ("Thai", 0x0E00, 0x0E7F),
    ("Armn", 0x0530, 0x058F), ("Geor", 0x10A0, 0x10FF), ("Deva", 0x0900, 0x097F),
    ("Beng", 0x0980, 0x09FF), ("Taml", 0x0B80, 0x0BFF), ("Ethi", 0x1200, 0x137F),
)


def char_script(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x80:
        return "Latn" if ch.isalpha() else "Zyyy"
    for code, lo, hi in _SCRIPT_RANGES:
        if lo <= cp <= hi:
            return code
    return "Zyyy" if not ch.isalpha() else "Zzzz"


@dataclass(frozen=True, slots=True)
class Tokens:
    words: tuple[str, ...]      # lower-case word tokens, look-alikes folded
    script: str                 # dominant script of the letters ("Zyyy" if none; "Jpan" for kana+han)
    letters: int                # how many letters the words hold
    clean: str                  # the words joined by spaces (what a model is given)


def tokenize(text: str) -> Tokens:
    text = unicodedata.normalize("NFC", text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    if "." in text or "/" in text:
        text = _URL.sub(" ", text)
    low = text.lower()
    words = _WORD.findall(low)
    if not words:
        return Tokens((), "Zyyy", 0, "")
    # whole-text fast paths: all-ASCII text is Latin; Cyrillic text without a Latin or other-script
    # letter needs no per-word look (most labels are one of these two)
    if low.isascii():
        return Tokens(tuple(words), "Latn", sum(map(len, words)), " ".join(words))
    if not _LATIN.search(low) and not _OTHER_LETTER.search(low) and _CYRILLIC.search(low):
        return Tokens(tuple(words), "Cyrl", sum(map(len, words)), " ".join(words))
    counts: dict[str, int] = {}
    for i, w in enumerate(words):
        if w.isascii():
            s = "Latn"
        elif _CYRILLIC.search(w):
            s = "Cyrl"
            if _LATIN.search(w):                 # Cyrillic word with Latin look-alikes
                words[i] = w.translate(_LOOKALIKES)
        else:
            s = char_script(w[0])
        counts[s] = counts.get(s, 0) + len(w)
    script = max(counts, key=counts.__getitem__) if len(counts) > 1 else next(iter(counts))
    if script in ("Hani", "Kana"):
        # Japanese mixes kana into Han text; a word is scripted by its first letter, so look at all
        script = "Jpan" if _KANA.search(text) else "Hani"
    return Tokens(tuple(words), script, sum(counts.values()), " ".join(words))


def count_words(tokens: Tokens) -> int:
    """Words for the page-level vote; CJK text has no spaces, so ~2 characters count as a word."""
    if tokens.script in ("Hani", "Jpan", "Thai"):
        return max(1, tokens.letters // 2)
    return len(tokens.words)
