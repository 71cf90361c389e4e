"""Language identification for kk/ru/en parity checks: which language is this text in?

    identify(text, candidates=None) -> LanguageGuess
    identify_many(texts, candidates=None) -> list[LanguageGuess]
    page_language(segments, candidates=None) -> PageLanguage
    model_share(texts, lang) -> float | None   (how plausible a language is to the model alone)
    same_language(declared, detected) -> bool;  is_valid_lang_code(code) -> bool

Kazakh is recognised by its letters, by short word lists (labels such as "Басты бет" have no
Kazakh-only letter) and in Latin script; the rest is py3langid restricted to the candidates.
Why this design, and the measurements behind it: bench/LANGUAGE.md.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .codes import is_valid_lang_code, primary_language, same_language
from .identify import Identifier, default_identifier
from .model import LanguageGuess, PageLanguage
from .page import page_language


def identify(text: str, candidates: Sequence[str] | None = None) -> LanguageGuess:
    """The language of one text segment.  `candidates` (e.g. ("kk", "ru", "en")) is a closed set:
    the answer is one of them or "und"; None means every supported language."""
    return default_identifier().identify(text, candidates)


def model_share(texts: Iterable[str], lang: str) -> float | None:
    """How plausible `lang` is for `texts` to the statistical model alone (see Identifier.model_share)."""
    return default_identifier().model_share(texts, lang)


def identify_many(texts: Iterable[str], candidates: Sequence[str] | None = None) -> list[LanguageGuess]:
    """identify() over many segments; repeated segments (menus on every page) are cached."""
    return default_identifier().identify_many(texts, candidates)


__all__ = ["Identifier", "LanguageGuess", "PageLanguage", "identify", "identify_many", "model_share", "page_language",
           "same_language", "is_valid_lang_code", "primary_language"]
