"""How language versions show up in URLs, and which URLs belong to a site. No browser, no network.

Sites of Kazakh state bodies mark the language in two ways: a path prefix (`/kz/news`, `/ru/news`; Kazakh is
often `kz` in URLs although its language code is `kk`) or a query parameter (`?lang=kk` on the gov.kz
platform). Both are understood here, so the crawler can find the counterpart of every page in every language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit, parse_qsl, urlencode

from .models import normalise_url

# Codes seen in URLs for each language (first is the one we write when we have to guess).
URL_CODES: dict[str, tuple[str, ...]] = {
    "kk": ("kz", "kk", "kaz", "qaz"),
    "ru": ("ru", "rus"),
    "en": ("en", "eng"),
}
LANG_PARAMS = ("lang", "language", "locale", "lng", "hl")
DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".rtf", ".odt", ".ods",
                       ".zip", ".rar", ".7z")


# What language switchers say on Kazakh state sites, by the language they lead to. A switcher's "Русский"
# on the Kazakh page is in Russian on purpose: it is not untranslated text.
SWITCHER_LABELS: dict[str, frozenset[str]] = {
    "kk": frozenset({"қаз", "қазақша", "қазақ", "kaz", "kz", "kk", "каз", "қазақ тілі", "казахский", "kazakh",
                     "qaz", "қазақ тілінде"}),
    "ru": frozenset({"рус", "русский", "ru", "rus", "орысша", "russian", "орыс тілі", "на русском"}),
    "en": frozenset({"eng", "english", "en", "англ", "ағылшынша", "английский", "in english"}),
}


def language_named(label: str) -> str | None:
    """The language a switcher label names ("Қазақша" -> kk), or None."""
    label = label.strip().lower().rstrip(".")
    return next((lang for lang, labels in SWITCHER_LABELS.items() if label in labels), None)


def code_to_lang(code: str | None) -> str | None:
    if not code:
        return None
    c = code.lower().split("-")[0].split("_")[0]
    for lang, codes in URL_CODES.items():
        if c in codes:
            return lang
    return None


@dataclass(frozen=True)
class LanguageInUrl:
    lang: str
    style: str  # "prefix" or "query"
    code: str  # as written in the URL
    key: str  # the path segment index (prefix) or the parameter name (query)


def language_of_url(url: str) -> LanguageInUrl | None:
    parts = urlsplit(url)
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in LANG_PARAMS and code_to_lang(value):
            return LanguageInUrl(code_to_lang(value), "query", value, name)
    segments = [s for s in parts.path.split("/") if s]
    if segments and code_to_lang(segments[0]) and len(segments[0]) <= 3:
        return LanguageInUrl(code_to_lang(segments[0]), "prefix", segments[0], "0")
    return None


def url_for_language(url: str, lang: str, codes: dict[str, str] | None = None) -> str | None:
    """The same page in another language, by the pattern the URL already uses; None if it has none."""
    found = language_of_url(url)
    if not found:
        return None
    parts = urlsplit(url)
    code = (codes or {}).get(lang) or _same_family_code(found.code, lang, found.style)
    if found.style == "query":
        query = [(k, code if k == found.key else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    segments = parts.path.split("/")
    # segments[0] is "" because the path starts with "/"; the language is the first non-empty one
    idx = next(i for i, s in enumerate(segments) if s)
    segments[idx] = code
    return urlunsplit((parts.scheme, parts.netloc, "/".join(segments), parts.query, ""))


def _same_family_code(seen_code: str, lang: str, style: str) -> str:
    """Keep the site's own convention where it shows: three-letter sites get three letters. Otherwise a
    query parameter takes the ISO code (`?lang=kk`, as the gov.kz platform does) and a path prefix takes
    `kz`, as the older regional sites write it."""
    if len(seen_code) == 3:
        return {"kk": "kaz", "ru": "rus", "en": "eng"}.get(lang, lang)
    if lang == "kk":
        if seen_code.lower() in ("kk", "kz"):
            return seen_code.lower()
        return "kk" if style == "query" else "kz"
    return lang


def is_document(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(DOCUMENT_EXTENSIONS)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def in_scope(url: str, hosts: tuple[str, ...] | set[str], include: tuple[str, ...] = (),
             exclude: tuple[str, ...] = ()) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    if host_of(url) not in hosts:
        return False
    if include and not any(re.search(p, url) for p in include):
        return False
    return not any(re.search(p, url) for p in exclude)


def page_key(url: str) -> str:
    """The identity of a page across its language versions: the normalised URL with the language removed."""
    found = language_of_url(url)
    n = normalise_url(url)
    if not found:
        return n
    parts = urlsplit(n)
    if found.style == "query":
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != found.key]
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    segments = [s for s in parts.path.split("/") if s][1:]
    return urlunsplit((parts.scheme, parts.netloc, "/" + "/".join(segments), parts.query, ""))
