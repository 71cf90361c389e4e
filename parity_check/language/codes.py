"""Language codes as written in markup (`lang="kk-KZ"`) versus languages as detected.

Two different questions, kept apart on purpose:
  * is_valid_lang_code: is the markup value a well-formed BCP 47 tag with a registered primary
    subtag?  `kz` is NOT (it is the country code; Kazakh is `kk`) -- axe-core flags it too.
  * same_language: does a declared value denote the detected language?  Here `kz` is read as the
    author obviously meant Kazakh, so a page `lang="kz"` whose text is Kazakh is not ALSO reported
    as "wrong language" -- the invalid code is its own finding.
"""
from __future__ import annotations

import re

# ISO 639-1: every two-letter primary subtag in the IANA registry (incl. deprecated iw/in/ji,
# which browsers still accept and which we map below).
_ISO639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie
ig ii ik in io is it iu iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt
lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt
qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr
ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())

# Registered three-letter primary subtags with no two-letter form that sites in the region or
# the W3C ACT test cases actually use, plus the special codes.  (A three-letter code that HAS a
# two-letter form, e.g. "kaz", is not a valid BCP 47 primary subtag.)
_ISO639_3_COMMON = frozenset("""
ace alt ast ban bho ceb ckb cmn crh dng fil gsw haw hsb kaa kab kbd krc kum lzh mai min nan nds nog
nso pap sah sco szl tet tyv udm yue zza mul und zxx mis
""".split())

_TAG = re.compile(
    r"""^(?P<primary>[a-z]{2,3})
        (?:-[a-z]{3}){0,3}                      # extlang
        (?:-[a-z]{4})?                          # script
        (?:-(?:[a-z]{2}|\d{3}))?                # region
        (?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*     # variants
        (?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*       # extensions
        (?:-x(?:-[a-z\d]{1,8})+)?$              # private use
    """, re.X)

# What a declared primary subtag is read as when comparing with a detected language.
_ALIASES = {
    "kz": "kk", "kaz": "kk", "rus": "ru", "eng": "en", "ukr": "uk", "fra": "fr", "fre": "fr",
    "deu": "de", "ger": "de", "nld": "nl", "dut": "nl", "iw": "he", "in": "id", "ji": "yi",
    "mo": "ro", "no": "nb", "cmn": "zh", "yue": "zh",
}


def is_valid_lang_code(code: str) -> bool:
    """True for a well-formed BCP 47 tag whose primary subtag is registered: `kk`, `kk-KZ`,
    `ru-RU`, `en-GB`, `zh-Hant-TW`; False for `kz`, `kk_KZ`, `english`, ``."""
    if not code or not isinstance(code, str):
        return False
    m = _TAG.match(code.strip().lower())
    if not m or code.strip() != code:
        return False
    primary = m.group("primary")
    return primary in _ISO639_1 or primary in _ISO639_3_COMMON


def primary_language(code: str) -> str:
    """The language a tag (declared or detected) stands for, lower-case: 'kk-KZ' -> 'kk',
    'kz' -> 'kk', 'RU_ru' -> 'ru', '' -> ''."""
    if not code:
        return ""
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return _ALIASES.get(primary, primary)


def same_language(declared: str, detected: str) -> bool:
    """Does a declared `lang` value denote the detected language?  Compares primary subtags only
    (`kk-KZ` == `kk`, `en-GB` == `en`); `kz` counts as Kazakh here (validity is a separate check,
    see is_valid_lang_code).  An undetermined side never matches."""
    a, b = primary_language(declared), primary_language(detected)
    if not a or not b or "und" in (a, b):
        return False
    return a == b
