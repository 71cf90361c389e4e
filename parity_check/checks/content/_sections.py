"""The sections the law requires, and how to recognise them on a rendered site. Shared by the content checks.

A section is recognised in one language by: a link whose text names it (or whose target URL matches the
section's URL patterns), a heading that names it, or an audited page whose URL matches the patterns. Names
come from the profile's `sections` rules; without a profile, from the built-in defaults below (Law "On
access to information" Art. 16 and Order 124-НҚ: structure, leadership, contacts, news, legal acts,
citizens' appeals, efficiency evaluation), in the words the study's sites use in kk/ru/en.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from ...models import normalise_url
from ...urls import language_of_url

MAX_NAME_TEXT = 80  # a link text longer than this is a headline, not a menu item
MAX_HEADING_TEXT = 60


@dataclass(frozen=True)
class Section:
    key: str
    names: dict[str, tuple[str, ...]]
    url_patterns: tuple[str, ...] = ()
    from_profile: bool = False
    title: dict[str, str] = field(default_factory=dict)  # how messages name it, by report language
    not_names: tuple[str, ...] = ()  # look-alikes that are another thing ("кері байланыс" is feedback)


# How messages name each section, by report language. The names that recognise a section on a site, and its
# URL patterns, live in one place: the profiles (profiles/_defaults.yaml and a site's profile).
SECTION_TITLES = {
    "structure": {"en": "structure", "ru": "структура", "kk": "құрылым"},
    "leadership": {"en": "leadership", "ru": "руководство", "kk": "басшылық"},
    "contacts": {"en": "contacts", "ru": "контакты", "kk": "байланыс"},
    "news": {"en": "news", "ru": "новости", "kk": "жаңалықтар"},
    "legal_acts": {"en": "legal acts", "ru": "нормативные правовые акты", "kk": "нормативтік құқықтық актілер"},
    "appeals": {"en": "citizens' appeals", "ru": "обращения граждан", "kk": "азаматтардың өтініштері"},
    "efficiency": {"en": "efficiency evaluation", "ru": "оценка эффективности", "kk": "тиімділікті бағалау"},
}


def _sections_from_rules(rules: dict, from_profile: bool) -> tuple[Section, ...]:
    out = []
    for key, rule in dict(rules).items():
        names = {lang: tuple(v) for lang, v in dict(getattr(rule, "names", None) or {}).items()}
        title = SECTION_TITLES.get(key) or {lang: (names.get(lang) or (key,))[0] for lang in ("en", "ru", "kk")}
        out.append(Section(key, names, tuple(getattr(rule, "url_patterns", None) or ()), from_profile, title,
                           tuple(getattr(rule, "not_names", None) or ())))
    return tuple(out)


@lru_cache(maxsize=1)
def default_sections() -> tuple[Section, ...]:
    from ...config import default_profile

    return _sections_from_rules(default_profile().sections, from_profile=False)


LANG_FORMS = {  # the language of a version, as each report language puts it in a sentence
    "kk": {"lang_en": "Kazakh", "lang_ru": "казахской", "lang_kk": "қазақ тіліндегі"},
    "ru": {"lang_en": "Russian", "lang_ru": "русской", "lang_kk": "орыс тіліндегі"},
    "en": {"lang_en": "English", "lang_ru": "английской", "lang_kk": "ағылшын тіліндегі"},
}


def lang_args(lang: str | None) -> dict[str, str]:
    return LANG_FORMS.get(lang or "", {"lang_en": lang or "?", "lang_ru": lang or "?", "lang_kk": lang or "?"})


def section_args(section: Section) -> dict[str, str]:
    return {f"section_{k}": section.title.get(k, section.key) for k in ("en", "ru", "kk")}


def required_sections(ctx) -> tuple[Section, ...]:
    """The run's profile's section rules. Only a profile someone chose for the site (it has a source file)
    makes a section missing everywhere a violation; the built-in defaults alone make it a review item."""
    profile = ctx.profile
    if profile is None or not getattr(profile, "sections", None):
        return default_sections()
    return _sections_from_rules(profile.sections, from_profile=getattr(profile, "source", None) is not None)


def section(ctx, key: str) -> Section | None:
    return next((s for s in required_sections(ctx) if s.key == key), None)


def norm(text: str | None) -> str:
    text = (text or "").casefold().replace("ё", "е")
    text = re.sub(r"[«»\"“”„'’`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=256)
def _names_regex(names: tuple[str, ...], anchored: bool) -> re.Pattern | None:
    # A name may take a short ending (Kazakh and Russian inflect: жаңалықтар-ы, контакт-ы) but not become
    # another word (news -> newsletter).
    parts = sorted({re.escape(norm(n)).replace(r"\ ", r"\s+") for n in names if norm(n)}, key=len, reverse=True)
    if not parts:
        return None
    head = r"^" if anchored else r"(?<!\w)"
    return re.compile(head + "(?:" + "|".join(parts) + r")\w{0,4}(?!\w)")


def all_names(section: Section) -> tuple[str, ...]:
    return tuple(n for names in section.names.values() for n in names)


def names_match(section: Section, text: str | None, anchored: bool = False,
                limit: int = MAX_NAME_TEXT) -> bool:
    t = norm(text)
    if not t or len(t) > limit:
        return False
    rx = _names_regex(all_names(section), anchored)
    if not (rx and rx.search(t)):
        return False
    unlike = _names_regex(section.not_names, False) if section.not_names else None
    return not (unlike and unlike.search(t))


def url_matches(section: Section, url: str | None) -> bool:
    if not url or not section.url_patterns:
        return False
    return any(re.search(p, url, re.I) for p in section.url_patterns)


# -- pages --------------------------------------------------------------------------------------------
def normal_pages(ctx, lang: str | None = None) -> list:
    return [p for p in ctx.audited("normal") if lang is None or p.lang == lang]


def page_index(ctx) -> dict[str, Any]:
    """normalised URL (and final URL) -> normal-mode record of the whole site, audited or not."""
    return ctx.index.by_url


def target_lang(href: str) -> str | None:
    found = language_of_url(href or "")
    return found.lang if found else None


@dataclass
class Hit:
    how: str  # link | heading | page
    page: Any  # the record the evidence is on
    href: str | None = None
    selector: str | None = None
    text: str | None = None


def find_section(ctx, lang: str, section: Section) -> list[Hit]:
    """Every place the section shows up in the `lang` version. Several checks ask for every section in
    every language: the first question reads the version's pages once for all the run's sections."""
    known = ctx.memo.setdefault("section_hits", {})
    if (lang, repr(section)) not in known:
        wanted = {repr(s): s for s in (*required_sections(ctx), section)}
        for name, hits in _find_sections(ctx, lang, wanted).items():
            known[(lang, name)] = hits
    return known[(lang, repr(section))]


def _find_sections(ctx, lang: str, sections: dict[str, Section]) -> dict[str, list[Hit]]:
    hits: dict[str, list[Hit]] = {name: [] for name in sections}
    for page in normal_pages(ctx, lang):
        dom = page.get("dom") or {}
        for name, section in sections.items():
            if url_matches(section, page.url) or url_matches(section, page.final_url):
                hits[name].append(Hit("page", page))
        for link in dom.get("links", []):
            href = (link.get("href") or "").split("#")[0]
            other = target_lang(href)
            if other and other != lang:
                continue  # a link into another language's version is not this version's section
            menu = link.get("region") in ("nav", "header", "footer")
            for name, section in sections.items():
                if names_match(section, link.get("text"), anchored=not menu) or (
                        href.startswith("http") and url_matches(section, href)):
                    hits[name].append(Hit("link", page, href or None, link.get("selector"), link.get("text")))
        for seg in dom.get("segments", []):
            if seg.get("kind") != "heading":
                continue
            for name, section in sections.items():
                if names_match(section, seg.get("text"), anchored=True, limit=MAX_HEADING_TEXT):
                    hits[name].append(Hit("heading", page, None, seg.get("selector"), seg.get("text")))
    return hits


def section_pages(ctx, hits: list[Hit]) -> list:
    """The records the section lives on: link targets and pages whose URL is the section's."""
    index = page_index(ctx)
    out, seen = [], set()
    for h in hits:
        rec = h.page if h.how == "page" else index.get(normalise_url(h.href)) if h.how == "link" and h.href else None
        if rec is not None and id(rec) not in seen:
            seen.add(id(rec))
            out.append(rec)
    return out


def content_segments(page) -> list[dict]:
    """The page's own content: the main region (or the body where there is no main), not nav or footer."""
    segs = [s for s in (page.get("dom") or {}).get("segments", []) if not s.get("kind", "").startswith("attr:")]
    main = [s for s in segs if s.get("region") == "main"]
    return main or [s for s in segs if s.get("region") == "body"]


_DOCUMENT_HREF = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|rtf|odt|ods|zip|rar)(\?|#|$)", re.I)


def has_attachments(page) -> bool:
    """Content that is not text: links to documents or a sizeable picture (an org chart) in the content."""
    dom = page.get("dom") or {}
    regions = {s.get("region") for s in content_segments(page)} or {"main", "body"}
    if any(l.get("region") in regions and _DOCUMENT_HREF.search(l.get("href") or "") for l in dom.get("links", [])):
        return True
    return any(i.get("region") in regions and i.get("natural_width") and (i.get("bbox") or [0, 0, 0, 0])[2] >= 300
               for i in dom.get("images", []))


def content_chars(page, section: Section | None = None) -> int:
    total = 0
    for s in content_segments(page):
        if section is not None and s.get("kind") == "heading" and names_match(section, s.get("text"), limit=200):
            continue  # the section's own title is not content
        total += len(re.sub(r"\s+", "", s.get("text") or ""))
    return total


def page_text(page) -> str:
    return " ".join(s.get("text") or "" for s in (page.get("dom") or {}).get("segments", []))


def home_pages(ctx) -> dict[str, Any]:
    """The home page of each language: its audited normal page nearest the start of the crawl."""
    out: dict[str, Any] = {}
    for p in sorted(normal_pages(ctx), key=lambda p: (p.depth, len(p.url), p.url)):
        if p.lang and p.lang not in out:
            out[p.lang] = p
    return out


def crawl_truncated(ctx) -> bool:
    return int((ctx.run or {}).get("pages_over_limit", 0) or 0) > 0


def iter_langs(ctx) -> Iterable[str]:
    seen = {p.lang for p in normal_pages(ctx) if p.lang}
    return [l for l in (ctx.languages or sorted(seen)) if l in seen]
