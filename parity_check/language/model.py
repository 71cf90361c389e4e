"""What the language module answers: frozen, so a check cannot alter what another check reads."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    lang: str            # ISO 639-1 ("kk" for Kazakh in any script) or "und"
    confidence: float    # 0..1: the answer's share of the probability among the languages weighed
    reliable: bool       # confident AND enough evidence to report a violation on it
    script: str          # ISO 15924 of the letters: "Cyrl", "Latn", ...; "Zyyy" when there are none
    neutral: bool        # no language evidence at all: numbers, dates, e-mails, URLs, shared words


@dataclass(frozen=True, slots=True)
class PageLanguage:
    lang: str                                 # the language most of the page's words are in, or "und"
    share: float                              # fraction of the counted words that are in `lang`
    words_by_lang: dict[str, int] = field(default_factory=dict)   # words per language ("und": undecided)
    reliable: bool = False                    # enough words, and a clear majority
