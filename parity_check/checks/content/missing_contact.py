"""The contacts page of a language version lacks a phone number, an e-mail address or a postal address."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._sections import default_sections, find_section, iter_langs, lang_args, section, section_pages

# Kazakh numbers: +7 7xx xxx xx xx, 8 (7xx) xxx-xx-xx, +7 (7172) 74-23-01 — eleven digits, 7 or 8 first.
_PHONE_INTL = re.compile(r"(?<![\d\w])(?:\+\s?7|8)[\s\-–]*\(?\s*\d{3,5}\s*\)?[\s\-–]*\d{1,3}(?:[\s\-–]*\d{1,4}){1,3}")
# A city code in brackets then the local number: (7172) 74-23-01
_PHONE_LOCAL = re.compile(r"\(\s*\d{3,5}\s*\)[\s\-–]*\d{1,3}[\s\-–]?\d{2}[\s\-–]?\d{2}(?!\d)")
# "тел.: 74-23-01", "call-centre 1414": a label, then a short number
_PHONE_LABELLED = re.compile(r"(?:тел|телефон|phone|tel|факс|fax|call|байланыс орталығы|колл-центр)\w*\.?\s*[:.]?"
                             r"\s*\+?[\d(][\d\s\-–()]{2,16}\d", re.I)
_PHONE_LABEL = re.compile(r"\b(?:тел|телефон|phone|tel)\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}", re.I)
_EMAIL_OBFUSCATED = re.compile(r"[\w.+-]+\s*[\[(]\s*(?:at|собака)\s*[\])]\s*[\w-]+", re.I)
_EMAIL_LABEL = re.compile(r"e-?mail|эл\.?\s*почт|электронн\w* почт|электрондық пошта|пошта", re.I)
# Address words, each followed closely by a number (a house, a building, a postal code).
# ("адрес электронной почты", "пошта мекенжайы", "e-mail address" name the e-mail, not a place.)
_ADDRESS_WORD = (r"көшесі|көш\.|даңғылы|даңғ\.|ғимарат|\bүй\b|кеңсе|(?<!пошта )мекенжай\w*|алаңы|ықшам аудан|"
                 r"шағын аудан|\bул\.|улица|\bпр\.|проспект|пр-т|\bд\.|\bдом\b|здание|бульвар|мкр|микрорайон|"
                 r"площадь|адрес(?!\w*\s+(?:электрон|эл\.))\w*|street|\bst\.|avenue|\bave\.?|building|\bbldg\b|"
                 r"road|square|(?<!mail )address")
_ADDRESS = re.compile(rf"(?:{_ADDRESS_WORD}).{{0,40}}?\d|\b\d{{1,4}}\w?\b.{{0,40}}?(?:{_ADDRESS_WORD})|"
                      rf"\b\d{{6}}\b,?\s*\w+", re.I)


def _phone_ok(text: str) -> bool:
    for m in _PHONE_INTL.finditer(text):
        if len(re.sub(r"\D", "", m.group())) == 11:
            return True
    return bool(_PHONE_LOCAL.search(text) or _PHONE_LABELLED.search(text))


def contact_facts(text: str, hrefs: list[str]) -> dict[str, str]:
    """For phone, email and address: "found", "unsure" (a label without a readable value) or "missing"."""
    tel = any(h.lower().startswith("tel:") for h in hrefs)
    mail = any(h.lower().startswith("mailto:") for h in hrefs)
    return {
        "phone": "found" if tel or _phone_ok(text) else "unsure" if _PHONE_LABEL.search(text) else "missing",
        "email": "found" if mail or _EMAIL.search(text) else
                 "unsure" if _EMAIL_OBFUSCATED.search(text) or _EMAIL_LABEL.search(text) else "missing",
        "address": "found" if _ADDRESS.search(text) else "missing",
    }


def contacts_pages(ctx, lang: str) -> list:
    rule = section(ctx, "contacts") or next(s for s in default_sections() if s.key == "contacts")
    hits = find_section(ctx, lang, rule)
    pages = [p for p in section_pages(ctx, hits) if p.outcome == "audited" and p.lang == lang]
    for h in hits:  # a page whose own title names it is a contacts page even when nothing links to it
        if h.how == "heading" and h.page not in pages and _is_title(h):
            pages.append(h.page)
    return sorted(pages, key=lambda p: (len(p.url), p.url))


def _is_title(hit) -> bool:
    for seg in (hit.page.get("dom") or {}).get("segments", []):
        if seg.get("selector") == hit.selector and seg.get("kind") == "heading":
            return seg.get("tag") == "h1" and seg.get("region") in ("main", "body")
    return False


def page_facts(pages: list) -> dict[str, str]:
    text = " ".join(s.get("text") or "" for p in pages for s in (p.get("dom") or {}).get("segments", []))
    hrefs = [l.get("raw_href") or l.get("href") or "" for p in pages for l in (p.get("dom") or {}).get("links", [])]
    return contact_facts(text, hrefs)


@register
class MissingContact(Check):
    """Finds the contacts page of each language version (by the `contacts` section rule) and looks in its
    text and links for a Kazakh phone number (+7 7xx..., 8 (7xx)..., tel: links), an e-mail address (or a
    mailto: link) and a postal address (a street, avenue, building or postal code word followed by a
    number, in kk/ru/en). A kind that is missing is a violation; a label with no readable value ("e-mail:
    info[at]...") is "incomplete", and so is a missing address that no other version has either (the words
    may not be ours)."""

    id = "missing-contact"
    tags = ("kz:law-access-to-information-art16", "kz:order-124")
    impact = "serious"
    scope = "language"
    sees = "site"
    requires = ("dom",)
    why = ("Citizens must be able to reach a state body: the law requires its contacts on the site, and the "
           "study's experts found phones and addresses hard to find.")
    _KINDS = {"phone": ("a phone number", "номера телефона", "телефон нөмірі"),
              "email": ("an e-mail address", "адреса электронной почты", "электрондық пошта мекенжайы"),
              "address": ("a postal address", "почтового адреса", "пошталық мекенжай")}
    messages = {
        "title": {"en": "Contacts incomplete", "ru": "Неполные контакты",
                  "kk": "Байланыс деректері толық емес"},
        "why": {
            "en": why,
            "ru": "Граждане должны иметь возможность связаться с государственным органом: закон требует "
                  "публиковать контакты на сайте, а эксперты исследования отметили, что телефоны и адреса трудно "
                  "найти.",
            "kk": "Азаматтар мемлекеттік органмен байланыса алуы керек: заң байланыс деректерін сайтта жариялауды "
                  "талап етеді, ал зерттеу сарапшылары телефондар мен мекенжайларды табу қиын екенін атап өтті.",
        },
        "fix": {
            "en": "Give the phone number (with the city code), the e-mail address and the postal address as text "
                  "on the contacts page of every language version.",
            "ru": "Укажите текстом на странице контактов каждой языковой версии телефон (с кодом города), адрес "
                  "электронной почты и почтовый адрес.",
            "kk": "Әр тілдік нұсқаның байланыс бетінде телефон нөмірін (қала кодымен), электрондық пошта "
                  "мекенжайын және пошталық мекенжайды мәтін түрінде көрсетіңіз.",
        },
        "default": {
            "en": "The contacts page of the {lang_en} version lacks {what_en}.",
            "ru": "На странице контактов {lang_ru} версии нет {what_ru}.",
            "kk": "Сайттың {lang_kk} нұсқасындағы байланыс бетінде {what_kk} жоқ.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        found = {}
        for lang in iter_langs(ctx):
            pages = contacts_pages(ctx, lang)
            if pages:
                found[lang] = (pages, page_facts(pages))
        for lang, (pages, facts) in found.items():
            for kind, state in facts.items():
                if state == "found":
                    continue
                elsewhere = [l for l, (_, f) in found.items() if l != lang and f[kind] == "found"]
                sure = state == "missing" and (kind != "address" or elsewhere)
                what = dict(zip(("what_en", "what_ru", "what_kk"), self._KINDS[kind]))
                yield self.finding(page=pages[0], key="default", args={**lang_args(lang), **what},
                                   content_key=kind, outcome="violation" if sure else "incomplete",
                                   related=[p.url for p in pages[1:]],
                                   evidence={"missing": kind, "state": state, "found_in": elsewhere,
                                             "pages": [p.url for p in pages]})
