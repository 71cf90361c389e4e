"""The identifier: word evidence (letters, word lists) added to a statistical model's opinion.

Scoring, per language L the candidates and the text's script allow:
    logit(L) = prior(L) + sum of word evidence for L + log P_model(L | the non-neutral words)
A word with a Kazakh-only letter or a listed word is worth WORD_WEIGHT (about 20:1 odds), so a
label like "Басты бет" is decided by its words while a sentence is decided by the model and its
many words together.  When every word is already evidence for one language the model is skipped
(the fast path that makes UI labels cheap).

Candidates are a closed set ("the answer is one of these") UNLESS the text shows a sign of a
language outside it (Ukrainian letters, French function words...): then the model weighs every
language of the script, and a candidate must win against all of them, else the answer is "und".

`reliable` means: good enough to report a violation.  A short text the model alone decided is
never reliable; a word that is conclusive by itself (Kazakh-only letters, a listed word) is.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import kazakh
from .backends import SCRIPT_LANGS, SUPPORTED, Backend, get_backend
from .codes import primary_language
from .model import LanguageGuess
from .text import Tokens, tokenize

WORD_WEIGHT = 3.5            # log-odds one conclusive word adds (Kazakh letters, listed words)
WEAK_WEIGHT = 1.5            # suggestive words: 'і'-only where Ukrainian is possible, Slavic "на"
UNOPPOSED_WEIGHT = 0.6       # per unknown word, when only one language of the script is allowed
KK_LATIN_MISS = 1.0          # per Latin word that is no Kazakh evidence (no model knows Latin kk)
OTHER_PRIOR = -3.0           # log-odds: the sites are kk/ru/en, another language must show itself
UND_BELOW = 0.5              # below this confidence the answer is "und"
RELIABLE_FROM = 0.9          # from this confidence, with enough evidence, the answer is reliable
MODEL_LETTERS_RELIABLE = 20  # letters a model needs to be trusted without conclusive words
OPEN_CHECK_LETTERS = 30      # from this length a lone allowed language is checked against all others
_SITE_LANGS = frozenset({"kk", "ru", "en"})
_TURKIC_CYRILLIC = frozenset({"ky", "mn", "tt", "ba"})
_SLAVIC_NOT_RU = frozenset({"uk", "be", "bg", "mk", "sr"})
_OTHER = "_other"            # pseudo-language: all languages outside the candidates together


@dataclass(slots=True)
class _Evidence:
    weights: dict[str, float] = field(default_factory=dict)
    model_words: list[str] = field(default_factory=list)   # all non-neutral words
    unsure: list[str] = field(default_factory=list)        # those no word list settles: for the model
    conclusive: int = 0          # words conclusive by themselves
    unknown: int = 0             # non-neutral words no list or letter says anything about
    kk_misses: int = 0           # Latin words that are not Kazakh evidence
    foreign: bool = False        # a sign of a language outside the candidates

    def add(self, lang: str, weight: float) -> None:
        self.weights[lang] = self.weights.get(lang, 0.0) + weight


class Identifier:
    """One configured identifier.  The module-level `identify` uses the default one; the benchmark
    builds others (other backend, no word lists, word lists without the test set's words)."""

    def __init__(self, backend: str | Backend = "langid", *, use_letters: bool = True,
                 use_lexicon: bool = True, exclude_words: Iterable[str] = (), cache_size: int = 65536):
        self.backend = get_backend(backend) if isinstance(backend, str) else backend
        self.use_letters = use_letters
        self.use_lexicon = use_lexicon
        self.exclude = frozenset(w.lower() for w in exclude_words)
        self._ablated = not (use_letters and use_lexicon) or bool(self.exclude)
        self._cached = lru_cache(maxsize=cache_size)(self._identify)

    def identify(self, text: str, candidates: Sequence[str] | None = None) -> LanguageGuess:
        return self._cached(text, _candidate_key(candidates))

    def identify_many(self, texts: Iterable[str], candidates: Sequence[str] | None = None) -> list[LanguageGuess]:
        key = _candidate_key(candidates)
        cached = self._cached
        return [cached(t, key) for t in texts]

    def model_share(self, texts: Iterable[str], lang: str) -> float | None:
        """The statistical model's probability of `lang` for `texts`, weighted by their words, each text
        weighed against every language of its script. The word lists are left out on purpose: they exist
        for kk, ru and en only, so they cannot speak for another language; the model can. None when no text
        has words in a script `lang` is written in, or the model does not know `lang`."""
        lang = primary_language(lang)
        total = weighted = 0.0
        for text in texts:
            toks = tokenize(text)
            langs = SCRIPT_LANGS.get(toks.script, ())
            if not toks.words or lang not in langs:
                continue
            probs = self.backend.probabilities(toks.clean, frozenset(langs))
            n = len(toks.words)
            total += n
            weighted += n * probs.get(lang, 0.0)
        return weighted / total if total else None

    # -- pipeline ------------------------------------------------------------------------------
    def _identify(self, text: str, candidates: frozenset[str]) -> LanguageGuess:
        toks = tokenize(text)
        if not toks.words:
            return LanguageGuess("und", 0.0, False, "Zyyy", True)
        script = toks.script
        script_langs = SCRIPT_LANGS.get(script, ())
        possible = candidates.intersection(script_langs)
        if script == "Latn" and "kk" in candidates:
            possible |= {"kk"}                      # Latin-script Kazakh
        if len(script_langs) == 1:                  # Greek, Hebrew, Korean...: the script decides
            if not possible:
                return LanguageGuess("und", 0.0, False, script, False)
            conf = 0.99 if toks.letters >= 4 else 0.9
            return LanguageGuess(script_langs[0], conf, toks.letters >= 4, script, False)
        if not possible:
            return LanguageGuess("und", 0.0, False, script, False)

        ev = self._evidence(toks, possible)
        if not ev.model_words:
            return LanguageGuess("und", 0.0, False, script, True)

        logits = {lang: _prior(lang) + ev.weights.get(lang, 0.0) for lang in possible}
        if "kk" in logits and script == "Latn":
            if ev.weights.get("kk", 0.0) > 0:
                logits["kk"] -= KK_LATIN_MISS * ev.kk_misses
            else:
                del logits["kk"]                    # Latin Kazakh only on Latin-Kazakh evidence
        model_langs = frozenset(logits) - {"kk"} if script == "Latn" else frozenset(logits)
        used_model = False
        # open set when the text shows a foreign sign, or when a single allowed language of the
        # script would otherwise win unopposed on a long text (a reliable answer needs a model)
        lone_long = (len(model_langs) == 1 and toks.letters >= OPEN_CHECK_LETTERS
                     and ev.conclusive < 2)      # two listed words ("the", "of") already vouch for it
        open_check = ev.foreign or lone_long
        if open_check and not candidates.issuperset(script_langs):
            # open set: every language of the script competes; the candidates must win
            query = frozenset(script_langs)
            probs = self.backend.probabilities(" ".join(ev.model_words), query)
            used_model = bool(probs)
            others = [math.log(max(probs.get(lang, 0.0), 1e-9)) + _prior(lang) + ev.weights.get(lang, 0.0)
                      for lang in query if lang not in logits]
            for lang in model_langs:
                logits[lang] += math.log(max(probs.get(lang, 0.0), 1e-6))
            if others:
                logits[_OTHER] = _logsumexp(others)
        elif ev.unsure and len(model_langs) >= 2 and not _decisive(ev):
            # the model reads all non-neutral words, listed ones too: a loanword's ending is read
            # in context ("Салық калькуляторы" is Kazakh, "калькуляторы" alone looks Russian)
            probs = self.backend.probabilities(" ".join(ev.model_words), model_langs)
            used_model = bool(probs)
            for lang in model_langs:
                logits[lang] += math.log(max(probs.get(lang, 0.0), 1e-6))
        elif len(model_langs) == 1:
            # one language of this script allowed and nothing foreign in sight: unknown words are
            # mild support for it, and "something else" keeps the confidence honest
            (only,) = model_langs
            logits[only] += UNOPPOSED_WEIGHT * ev.unknown
            logits[_OTHER] = 0.0
        if not logits:
            return LanguageGuess("und", 0.0, False, script, False)
        if len(logits) == 1:
            logits[_OTHER] = 0.0        # a lone language with nothing weighed against it: not certain

        best, conf = _softmax_best(logits, possible)
        # enough evidence: conclusive words make up half the text, or a model read enough letters
        enough = (ev.conclusive >= 1 and 2 * ev.conclusive >= len(ev.model_words)
                  and ev.weights.get(best, 0.0) > 0) or (used_model and toks.letters >= MODEL_LETTERS_RELIABLE) \
            or (len(model_langs) == 1 and not ev.foreign and ev.conclusive >= 2
                and toks.letters >= OPEN_CHECK_LETTERS and ev.weights.get(best, 0.0) > 0)
        if best == "und" or conf < UND_BELOW:
            return LanguageGuess("und", round(conf, 4), False, script, False)
        return LanguageGuess(best, round(conf, 4), bool(enough and conf >= RELIABLE_FROM), script, False)

    def _evidence(self, toks: Tokens, possible: frozenset[str]) -> _Evidence:
        ev = _Evidence()
        if toks.script == "Cyrl":
            self._cyrillic_evidence(toks, possible, ev)
        elif toks.script == "Latn":
            self._latin_evidence(toks, possible, ev)
        else:
            ev.model_words = ev.unsure = list(toks.words)
            ev.unknown = len(ev.model_words)
        return ev

    def _verdict_allowed(self, word: str, verdict: str | None) -> str | None:
        """Ablations for the benchmark: letters off, word lists off, test-set words held out."""
        if verdict is None:
            return None
        if word in self.exclude and kazakh.is_listed(word):
            return None                    # held out: as if the lists had never seen this word
        if verdict == "neutral":
            return verdict if self.use_lexicon else None
        by_letters = bool(set(word) & kazakh.LETTER_EVIDENCE)
        if by_letters and not self.use_letters:
            return None
        if not by_letters and not self.use_lexicon:
            return None
        return verdict

    def _cyrillic_evidence(self, toks: Tokens, possible: frozenset[str], ev: _Evidence) -> None:
        text_letters = frozenset(toks.clean)
        kk_unique_in_text = not text_letters.isdisjoint(kazakh.KK_UNIQUE)
        i_ambiguous = not possible.isdisjoint(("uk", "be"))
        turkic = not possible.isdisjoint(_TURKIC_CYRILLIC)
        slavic = not possible.isdisjoint(_SLAVIC_NOT_RU)
        not_kk_text = not text_letters.isdisjoint(kazakh.NOT_KK_LETTERS)
        ablated = self._ablated
        for w in toks.words:
            verdict = kazakh.cyrillic_word(w)
            if ablated:
                verdict = self._verdict_allowed(w, verdict)
            if verdict == "neutral":
                continue
            ev.model_words.append(w)
            strong = True
            if verdict is None:
                lang = None
            elif verdict == "~kk":
                # 'і' is Ukrainian too, 'ң ө ү' Kyrgyz/Mongolian too: conclusive only where those
                # cannot be, or beside a Kazakh-only letter
                lang, strong = "kk", not ((i_ambiguous if "і" in w else turkic) and not kk_unique_in_text)
            elif verdict == "kk":
                # Tatar/Tajik/Ukrainian letters elsewhere, or Kyrgyz possible and no Kazakh-only
                # letter: Kazakh words and endings are Kyrgyz words and endings too
                lang, strong = "kk", not (not_kk_text or (turkic and not kk_unique_in_text))
            elif verdict == "~ru":
                # "на", "-ость": never Kazakh, but Ukrainian/Bulgarian too
                lang, strong = (None, False) if slavic else ("ru", True)
            elif verdict == "ru":
                lang, strong = "ru", not slavic     # "страница", "услуги": Bulgarian too
            elif verdict in possible:
                lang = verdict
            else:                                  # Ukrainian, Serbian... not a candidate
                lang, ev.foreign = None, True
            self._count(ev, w, lang, strong)

    def _latin_evidence(self, toks: Tokens, possible: frozenset[str], ev: _Evidence) -> None:
        text_letters = frozenset(toks.clean)
        ablated = self._ablated
        for w in toks.words:
            verdict = kazakh.latin_word(w, text_letters)
            if ablated:
                verdict = self._verdict_allowed(w, verdict)
            if verdict == "neutral":
                continue
            ev.model_words.append(w)
            if verdict not in ("kk", "~kk"):
                ev.kk_misses += 1
            if verdict is None:
                self._count(ev, w, None, False)
            elif verdict == "~kk":
                self._count(ev, w, "kk", False)
            elif verdict in possible:
                self._count(ev, w, verdict, True)
            else:                                  # French "les", Uzbek "oʻ"... not a candidate
                ev.foreign = True
                self._count(ev, w, None, False)
        if not text_letters.isdisjoint(kazakh.OTHER_LATIN_MARKERS):
            ev.foreign = True                      # letters English and Latin Kazakh never use

    @staticmethod
    def _count(ev: _Evidence, word: str, lang: str | None, strong: bool) -> None:
        """A conclusive word adds WORD_WEIGHT; a suggestive one WEAK_WEIGHT and still goes to the
        model; an unknown one only to the model."""
        if lang is None:
            ev.unknown += 1
            ev.unsure.append(word)
        elif strong:
            ev.add(lang, WORD_WEIGHT)
            ev.conclusive += 1
        else:
            ev.add(lang, WEAK_WEIGHT)
            ev.unsure.append(word)


def _decisive(ev: _Evidence) -> bool:
    """The words alone already settle it: at least two conclusive words more for one language than
    for any other, and no more unsettled words than conclusive ones.  (A model's opinion of a few
    leftover words moves the log-odds by less than that; skipping it halves the cost of labels.)"""
    if ev.conclusive < len(ev.unsure) or ev.conclusive < 2:
        return False
    ranked = sorted(ev.weights.values(), reverse=True) + [0.0]
    return ranked[0] - ranked[1] >= 2 * WORD_WEIGHT


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _softmax_best(logits: dict[str, float], answerable: frozenset[str]) -> tuple[str, float]:
    """The likeliest answerable language and its share of the probability over all of `logits`."""
    if not answerable & logits.keys():
        return "und", 0.0
    top = max(logits.values())
    exps = {k: math.exp(v - top) for k, v in logits.items()}
    best = max((k for k in exps if k in answerable), key=exps.__getitem__)
    return best, exps[best] / sum(exps.values())


def _prior(lang: str) -> float:
    return 0.0 if lang in _SITE_LANGS else OTHER_PRIOR


def _candidate_key(candidates: Sequence[str] | None) -> frozenset[str]:
    if candidates is None:
        return SUPPORTED
    if isinstance(candidates, str):
        candidates = (candidates,)
    return _candidate_set(tuple(candidates))


@lru_cache(maxsize=256)
def _candidate_set(candidates: tuple[str, ...]) -> frozenset[str]:
    """("kk-KZ", "ru-RU", "kz") -> {"kk", "ru"}: candidates may be written as lang tags."""
    return frozenset(primary_language(c) for c in candidates)


_DEFAULT: Identifier | None = None
DEFAULT_BACKEND = "langid"


def default_identifier() -> Identifier:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Identifier(DEFAULT_BACKEND)
    return _DEFAULT
