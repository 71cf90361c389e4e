"""Text comparison that works across scripts: a Latin "skeleton" of kk/ru Cyrillic and Latin (en and
Kazakh Latin), so "Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев" and "Kassym-Jomart Tokayev" come out close
enough for rapidfuzz, and a test for text that has no language (numbers, names, codes, addresses).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_CYR = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
    "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n",
    "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f",
    "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
# Latin spellings of the same sounds, folded to what the Cyrillic map produces.
_LATIN_FOLDS = [("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("yu", "iu"), ("ya", "ia"),
                ("y", "i"), ("q", "k"), ("w", "u"), ("x", "h"), ("ss", "s")]


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Lower-case Latin skeleton of a text in any of the three languages, for fuzzy comparison only."""
    out = []
    for ch in text.lower():
        if ch in _CYR:
            out.append(_CYR[ch])
        else:
            base = unicodedata.normalize("NFKD", ch)[0]
            out.append(base if base.isalnum() else " ")
    s = "".join(out)
    for a, b in _LATIN_FOLDS:
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def similarity(a: str, b: str) -> float:
    """0..100: how alike two texts are once both are in the Latin skeleton."""
    if not a or not b:
        return 0.0
    return fuzz.ratio(skeleton(a), skeleton(b))


_NAME_WORD = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]{2,}")


def name_words(text: str) -> str:
    """The capitalised words of a text (names of people, places, bodies), skeleton-folded and sorted."""
    return " ".join(sorted({skeleton(w) for w in _NAME_WORD.findall(text or "")}))


_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S*\d\S*|[^\w\s]", re.U)


def words_of(text: str) -> list[str]:
    return [w for w in _NOT_WORDS.sub(" ", text or "").split() if len(w) > 1 and not w.isupper()]


def is_language_neutral(text: str, min_words: int = 4) -> bool:
    """True for text that reads the same in every language version: numbers, e-mails, URLs, codes,
    abbreviations and names (every word capitalised). Such text is not "untranslated" when it repeats."""
    words = words_of(text)
    if len(words) < min_words:
        return True
    return all(w[0].isupper() for w in words)
