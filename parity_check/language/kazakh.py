"""Kazakh-specific evidence: the letters, the word lists, suffixes on shared stems, Latin script.

Each function looks at ONE word and says which language it is evidence for (or none).  The
identifier (identify.py) adds these up with a statistical model's opinion of the whole text.
"""
from __future__ import annotations

import unicodedata

from . import lexicon

# Letters of Kazakh Cyrillic that Russian lacks.  'і' is also Ukrainian/Belarusian, and 'ң ө ү'
# are also Kyrgyz/Mongolian/Tatar, so they are weighed by what else the text could be.
KK_LETTERS = frozenset("әғқңөұүһі")
KK_UNIQUE = frozenset("әғқұһ")          # with і/ң/ө/ү these settle Kazakh among kk/ru/uk/ky/mn
KK_SHARED_TURKIC = frozenset("ңөү")
# Letters that Kazakh never uses but a neighbouring Cyrillic language does (Tatar җ, Bashkir ҙ ҫ ҡ,
# Tajik ӣ ӯ ҳ ҷ, Uzbek/Belarusian ў, Ukrainian ї є ґ, South Slavic ђ ј љ њ ћ џ ѓ ќ ѕ).
NOT_KK_LETTERS = frozenset("җҙҫҡӣӯҳҷўїєґђјљњћџѓќѕ")

# Kazakh case/plural/possessive endings seen on a borrowed stem: "бюджет|тен", "сайт|тар",
# "департамент|і".  Russian endings on the same stems: "бюджет|а", "сайт|ов".
_KK_ENDINGS = frozenset("""
тар тер лар лер дар дер тың тің дың дің ның нің ты ті ды ді қа ға ге та те да де тан тен дан ден
нан нен пен мен бен і сы сі ын ін тарды терді тары тері лары лері дары дері тық тік лық лік
""".split())
# (-ы and -ке are both: Kazakh possessive/dative and Russian plural/locative -- "конкурсы" -- so
# they are in neither list)
_RU_ENDINGS = frozenset("а у ом е ов ам ами ах ой ою ую ая ое ые ых ым ыми ий ия ии ию ного ному".split())

# Word endings that only one of the two languages has (Kazakh plural+case, gerund, participle;
# Russian adjective, abstract-noun and verb endings).  Checked longest first.
_KK_MORPH = tuple("""
ларды дарды тарды ларда дарда тарда лардан дардан тардан лармен дармен тармен ларына дарына
тарына ларын дарын тарын лерде дерде терде лерден дерден терден лермен дермен термен
атын йтын ылды алды ылады уы ып
""".split())
_RU_MORPH = tuple("""
ого ому ыми ими ых ый ая ое ые ость ости ение ения ении ание ания ании ться ется ются ует уют ии
ией иями иях ать ить еть ешь ишь
""".split())


def cyrillic_word(word: str) -> str | None:
    """One Cyrillic word's evidence: 'kk', '~kk' (only 'і' or 'ң ө ү': Ukrainian/Kyrgyz possible),
    'ru', '~ru' (a Russian word Ukrainian/Bulgarian also write), 'uk', 'be', 'sr', 'xx' (another
    Cyrillic language), 'neutral' (shared word, no evidence) or None (unknown: ask the model)."""
    listed = _LISTED.get(word)
    if listed is not None:
        return listed
    letters = set(word)
    if not letters.isdisjoint(NOT_KK_LETTERS):
        if not letters.isdisjoint(lexicon.UKRAINIAN_LETTERS):
            return "uk"
        if not letters.isdisjoint(lexicon.BELARUSIAN_LETTERS):
            return "be"
        if not letters.isdisjoint(lexicon.SOUTH_SLAVIC_LETTERS):
            return "sr"
        return "xx"
    if not letters.isdisjoint(KK_LETTERS):
        return "~kk" if letters.isdisjoint(KK_UNIQUE) else "kk"
    n = len(word)
    if n == 1:
        return "neutral"     # initials, list letters: no evidence
    if n > 5 and word[:4] in _SHARED_PREFIXES:
        # a shared stem with a Kazakh or Russian ending (stems are at least 4 letters)
        for cut in range(n - 1, 3, -1):
            if word[:cut] in lexicon.SHARED:
                rest = word[cut:]
                if rest in _KK_ENDINGS:
                    return "kk"
                if rest in _RU_ENDINGS:
                    return "~ru"
                break
    if "шы" in word or "жы" in word:
        return "kk"          # Russian spelling never writes шы/жы; Kazakh constantly does
    if n > 4:
        if word.endswith(_KK_MORPH):
            return "kk"
        if word.endswith(_RU_MORPH):
            return "~ru"     # Ukrainian/Bulgarian share some of these endings
    return None


def is_listed(word: str) -> bool:
    """Is this word's verdict taken from a word list (rather than from letters or endings)?"""
    return (word in _LISTED or word in lexicon.SHARED_LATIN or word in lexicon.ENGLISH
            or word in lexicon.OTHER_LATIN or _loose(word) in KAZAKH_LATIN)


def _listed() -> dict[str, str]:
    """Every listed Cyrillic word -> its verdict, in one dict (one lookup per word)."""
    out: dict[str, str] = {}
    for w in lexicon.RUSSIAN:
        out[w] = "~ru" if w in lexicon.RUSSIAN_PAN_SLAVIC else "ru"
    for w in lexicon.KAZAKH:
        if set(w).isdisjoint(KK_LETTERS):      # words with Kazakh letters are decided by them
            out[w] = "kk"
    out.update(dict.fromkeys(lexicon.UKRAINIAN, "uk"))
    out.update(dict.fromkeys(lexicon.SHARED, "neutral"))
    return out


_LISTED = _listed()
_SHARED_PREFIXES = frozenset(w[:4] for w in lexicon.SHARED if len(w) >= 4)


# --- Latin script -------------------------------------------------------------------------------
# 2018 (acute) Kazakh Latin: ә á, ғ ǵ, и/й ı, ң ń, ө ó, у ý, ұ u, ү ú, ш sh, ч ch, ы y, і i.
_TO_LATIN_2018 = {
    "а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e", "ё": "ıo",
    "ж": "j", "з": "z", "и": "ı", "й": "ı", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ń", "о": "o", "ө": "ó", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ý", "ұ": "u",
    "ү": "ú", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "ıý", "я": "ıa",
}
# 2021 Kazakh Latin: ә ä, ғ ğ, и/й i, ң ñ, ө ö, у u, ұ ū, ү ü, ш ş, ч ç, ы y, і ı.
_TO_LATIN_2021 = dict(_TO_LATIN_2018, **{
    "ә": "ä", "ғ": "ğ", "и": "i", "й": "i", "ң": "ñ", "ө": "ö", "у": "u", "ұ": "ū", "ү": "ü",
    "ч": "ç", "ш": "ş", "і": "ı", "ё": "io", "ю": "iu", "я": "ia",
})
# Letters that are diacritic-free in ASCII spellings of Kazakh on old sites ("Kazakhstan", "zhane").
_ASCII_FOLD = str.maketrans({"ı": "i", "ǵ": "g", "ń": "n", "ñ": "n", "ğ": "g", "ş": "s", "ç": "c",
                             "ā": "a", "ū": "u"})

# Letters that only Latin Kazakh uses among the Latin languages we meet: 'ǵ'; and those that are
# Kazakh unless another language's own letters are present too (Turkish ş ğ ç, Polish ł ś ż,
# Czech ř ě ů, Spanish ñ é í, ...).
KK_LATIN_UNIQUE = frozenset("ǵ")
KK_LATIN_LETTERS = frozenset("áǵıńóúý")
OTHER_LATIN_MARKERS = frozenset("łśżźąęćřěůčšžéíèêàâîôûëïõãœßøåçşğőű")
UZBEK_MARKERS = frozenset("ʻʼ'’")

_LATIN_NOT_KK = frozenset("""
men bet bar on ol al ma me ba be pe she da de te ta tek bas bos sol aı ıa ai kim jol jer su sot
""".split())


def _loose(word: str) -> str:
    """Diacritics off, Kazakh special letters to their base: matches both alphabets and ASCII."""
    if word.isascii():
        return word
    word = word.translate(_ASCII_FOLD)
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def transliterate(word: str, alphabet: int = 2018) -> str:
    table = _TO_LATIN_2018 if alphabet == 2018 else _TO_LATIN_2021
    return "".join(table.get(ch, ch) for ch in word)


# Informal ASCII romanisation seen in URLs and old sites: "Kazakhstan", "zhane", "Nur-Sultan".
_TO_ASCII = dict(_TO_LATIN_2018, **{
    "ә": "a", "ғ": "g", "ж": "zh", "и": "i", "й": "y", "ң": "n", "ө": "o", "у": "u", "ұ": "u", "ү": "u",
    "қ": "k", "х": "kh", "ю": "yu", "я": "ya", "ё": "yo", "ы": "y", "і": "i",
})


def _latin_lexicon() -> frozenset[str]:
    words = set()
    for w in lexicon.KAZAKH | lexicon.KAZAKH_SPECIAL:
        for table in (_TO_LATIN_2018, _TO_LATIN_2021, _TO_ASCII):
            words.add(_loose("".join(table.get(ch, ch) for ch in w)))
    # short forms collide with other languages' words ("se", "ana"); English words stay English
    return frozenset(w for w in words if len(w) >= 4) - _LATIN_NOT_KK - lexicon.ENGLISH - lexicon.OTHER_LATIN


KAZAKH_LATIN = _latin_lexicon()
# Words judged by their letters rather than by a list (the benchmark's "letters" ablation).
LETTER_EVIDENCE = KK_LETTERS | NOT_KK_LETTERS | KK_LATIN_LETTERS


def latin_word(word: str, text_letters: frozenset[str]) -> str | None:
    """'kk', '~kk' (weak), 'en', 'uz', 'xx' (another Latin language), 'neutral' or None."""
    if word in lexicon.SHARED_LATIN:
        return "neutral"
    if word in lexicon.ENGLISH:
        return "en"
    if word in lexicon.OTHER_LATIN:
        return "xx"
    letters = set(word)
    if letters & UZBEK_MARKERS and ("o" in letters or "g" in letters):
        return "uz"
    if letters & KK_LATIN_UNIQUE:
        return "kk"
    if _loose(word) in KAZAKH_LATIN:
        return "kk"
    if letters & KK_LATIN_LETTERS and not text_letters & OTHER_LATIN_MARKERS:
        # 'q' before a vowel is Kazakh (English writes 'qu'); so is the -lyq/-lik family
        if "q" in letters and "qu" not in word:
            return "kk"
        if "ı" in letters or "ý" in letters or "ǵ" in letters:
            return "kk"
    if "q" in letters and "qu" not in word and len(word) > 3 and word[-1] != "q":
        return "~kk"
    return None
