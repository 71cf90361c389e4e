"""Statistical language models behind one small interface, loaded lazily and restricted per call.

`Backend.probabilities(text, langs)` -> {lang: probability} over `langs` only (ISO 639-1 codes).
Restricting to the languages that are possible (candidates x the text's script) is what makes
short strings work: "Контакты" among all 140 languages may be Belarusian, among kk/ru it is ru.

py3langid (default, a dependency): naive Bayes over byte n-grams, one ~30 MB model, fast.
lingua (optional, measured in bench/LANGUAGE.md): n-gram models per language, loaded per language
on first use; not a dependency of the project, so it is imported only when asked for.
"""
from __future__ import annotations

import copy
import math
import threading
from typing import Protocol

# Languages each script can be, for candidates=None ("all supported").  Kazakh in Latin script is
# not in any model: the Latin-Kazakh heuristics (kazakh.py) handle it before a model is asked.
SCRIPT_LANGS: dict[str, tuple[str, ...]] = {
    "Cyrl": ("kk", "ru", "uk", "be", "bg", "mk", "sr", "ky", "tt", "mn", "tg", "ba"),
    "Latn": ("en", "fr", "de", "nl", "es", "it", "pt", "pl", "cs", "sk", "sl", "hr", "bs", "ro",
             "hu", "fi", "et", "lv", "lt", "sv", "da", "no", "is", "ga", "cy", "eu", "ca", "gl",
             "sq", "tr", "az", "uz", "id", "ms", "vi", "tl", "af", "sw", "mt", "lb", "eo", "la"),
    "Grek": ("el",), "Hebr": ("he",), "Arab": ("ar", "fa", "ur", "ps"), "Hani": ("zh",),
    "Jpan": ("ja",), "Hang": ("ko",), "Thai": ("th",), "Armn": ("hy",), "Geor": ("ka",),
    "Deva": ("hi", "mr", "ne"), "Beng": ("bn",), "Taml": ("ta",), "Ethi": ("am",),
}
SUPPORTED = frozenset(code for langs in SCRIPT_LANGS.values() for code in langs)


class Backend(Protocol):
    name: str

    def probabilities(self, text: str, langs: frozenset[str]) -> dict[str, float]: ...


class LangidBackend:
    """py3langid restricted per candidate set; one restricted view per set, sharing the model."""

    name = "langid"

    def __init__(self) -> None:
        self._base = None
        self._views: dict[frozenset[str], object] = {}
        self._lock = threading.Lock()

    def _load(self):
        from py3langid import langid
        if hasattr(langid.LanguageIdentifier, "from_model_file"):          # py3langid >= 0.4
            return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
        return langid.LanguageIdentifier.from_pickled_model(langid.MODEL_FILE, norm_probs=True)

    def _view(self, langs: frozenset[str]):
        view = self._views.get(langs)
        if view is None:
            with self._lock:
                if self._base is None:
                    self._base = self._load()
                base = self._base
                known = [code for code in sorted(langs) if code in set(base.nb_classes)]
                if not known:
                    self._views[langs] = _EMPTY
                    return _EMPTY
                # a shallow copy shares the model arrays; set_languages swaps in sliced copies
                view = copy.copy(base)
                view.set_languages(known)
                if (len(view.nb_classes) <= _SMALL and not getattr(view, "_alias_pairs", ())
                        and hasattr(view, "_rowbase") and hasattr(view, "_decide")):
                    view = _SmallView(view)
                self._views[langs] = view
        return view

    def probabilities(self, text: str, langs: frozenset[str]) -> dict[str, float]:
        view = self._views.get(langs) or self._view(langs)
        if isinstance(view, _SmallView):
            return view.probabilities(text)
        return {lang: p for lang, p in view.rank(text) if lang in langs}


_SMALL = 4      # restricted sets up to this size are scored in plain Python (kk/ru: the hot path)


class _SmallView:
    """py3langid's own scoring (byte-DFA feature counts, naive Bayes, length-tempered softmax) for
    a handful of languages, in plain Python: numpy's per-call overhead dominates when only two or
    three columns are left, and kk-vs-ru is asked for almost every Cyrillic label.  Same numbers
    as LanguageIdentifier._decide (checked in tests/unit/test_language.py)."""

    def __init__(self, view) -> None:
        self.langs = tuple(view.nb_classes)
        self._encode = view._encode
        self._nextmove = view.tk_nextmove
        self._rowbase = view._rowbase
        self._output = view.tk_output
        self._prior = [float(x) for x in view.nb_pc]
        # the model's (feature x language) table as Python floats, converted once (~0.2 s, ~10 MB)
        self._rows = view.nb_ptc.astype("float64").tolist()
        self._log1p = [math.log1p(c) for c in range(64)]

    def probabilities(self, text: str) -> dict[str, float]:
        data = self._encode(text)
        nextmove, rowbase, output = self._nextmove, self._rowbase, self._output
        state = 0
        counts: dict[int, int] = {}
        for byte in data:
            state = nextmove[rowbase[state] + byte]
            f = output[state]
            if f >= 0:
                counts[f] = counts.get(f, 0) + 1
        k = len(self.langs)
        if not counts:
            return dict.fromkeys(self.langs, 1.0 / k)
        sums = list(self._prior)
        log1p, rows = self._log1p, self._rows
        for f, c in counts.items():
            w = log1p[c] if c < 64 else math.log1p(c)
            row = rows[f]
            for j in range(k):
                sums[j] += w * row[j]
        t = 1.0 / math.sqrt(len(data) or 1)
        top = max(sums)
        exps = [math.exp((x - top) * t) for x in sums]
        total = sum(exps)
        return {lang: e / total for lang, e in zip(self.langs, exps)}


class _Empty:
    """Stands for a restricted view with no language the model knows."""
    nb_classes = ()

    def rank(self, text):
        return []


_EMPTY = _Empty()


class LinguaBackend:
    """lingua restricted per candidate set; models load on first use (a few MB per language)."""

    name = "lingua"

    def __init__(self, preload: bool = False) -> None:
        from lingua import Language  # ImportError if lingua is not installed
        self._codes = {}
        for lang in Language.all():
            self._codes[lang.iso_code_639_1.name.lower()] = lang
        self._codes.setdefault("no", self._codes.get("nb"))
        self._preload = preload
        self._detectors: dict[frozenset[str], object] = {}
        self._lock = threading.Lock()

    def _detector(self, langs: frozenset[str]):
        det = self._detectors.get(langs)
        if det is None:
            from lingua import LanguageDetectorBuilder
            chosen = {self._codes[c] for c in langs if self._codes.get(c) is not None}
            with self._lock:
                if not chosen:
                    det = False
                elif len(chosen) == 1:
                    det = next(iter(chosen))
                else:
                    builder = LanguageDetectorBuilder.from_languages(*chosen)
                    if self._preload:
                        builder = builder.with_preloaded_language_models()
                    det = builder.build()
                self._detectors[langs] = det
        return det

    def probabilities(self, text: str, langs: frozenset[str]) -> dict[str, float]:
        det = self._detector(langs)
        if det is False:
            return {}
        if not hasattr(det, "compute_language_confidence_values"):
            return {det.iso_code_639_1.name.lower(): 1.0}
        out = {}
        for cv in det.compute_language_confidence_values(text):
            code = cv.language.iso_code_639_1.name.lower()
            code = "no" if code == "nb" and "no" in langs else code
            out[code] = cv.value
        return out


_BACKENDS: dict[str, Backend] = {}


def get_backend(name: str = "langid") -> Backend:
    """One shared instance per backend name (the models are large; load them once)."""
    if name not in _BACKENDS:
        if name == "langid":
            _BACKENDS[name] = LangidBackend()
        elif name == "lingua":
            _BACKENDS[name] = LinguaBackend()
        else:
            raise ValueError(f"unknown language backend {name!r} (langid|lingua)")
    return _BACKENDS[name]


