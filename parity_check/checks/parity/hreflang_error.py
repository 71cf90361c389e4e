"""hreflang alternates that are missing, not reciprocal, lead to a page that fails or is in another
language, or use an invalid code (`kz`)."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ...parity.pages import normalise_url, page_key
from ...urls import code_to_lang
from ..base import Check, CheckContext, register
from .common import lang_args


def valid_code(code: str) -> bool:
    if (code or "").lower() == "x-default":
        return True
    try:
        from ...language import is_valid_lang_code
    except ImportError:  # the language module is optional here: a plain BCP 47 shape test instead
        import re
        return bool(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", code or "")) and code.lower() != "kz"
    return is_valid_lang_code(code)


@register
class HreflangError(Check):
    """Reads the `<link rel="alternate" hreflang>` of every audited page. Only sites that use hreflang are
    judged (a site with none is not told to add it here). Reported: a code that is not a valid language
    tag (`kz` is Kazakhstan, Kazakh is `kk`); an alternate whose page fails, or is in another language
    than its code says (by its URL and its declared `lang`); an alternate whose page does not link back;
    and a page of such a site with no alternate for a language version that exists."""

    id = "hreflang-error"
    tags = ("kz:order-124",)
    impact = "minor"
    scope = "page"
    sees = "site"
    requires = ("dom",)
    why = ("Search engines and browsers use hreflang to send a reader to the page in their language; wrong "
           "or one-way alternates send Kazakh readers to the Russian page, or to nowhere.")
    messages = {
        "invalid_code": {
            "en": "hreflang=\"{code}\" is not a valid language code{hint}.",
            "ru": "hreflang=\"{code}\" — недопустимый код языка{hint_ru}.",
            "kk": "hreflang=\"{code}\" — жарамсыз тіл коды{hint_kk}.",
        },
        "target_fails": {
            "en": "The {lang_name} alternate {href} does not open ({error}).",
            "ru": "Альтернативная версия «{lang_ru}» {href} не открывается ({error}).",
            "kk": "{lang_kk} баламалы нұсқасы {href} ашылмайды ({error}).",
        },
        "wrong_language": {
            "en": "The {lang_name} alternate {href} is a {actual_name} page.",
            "ru": "Альтернативная версия «{lang_ru}» {href} — страница на языке «{actual_ru}».",
            "kk": "{lang_kk} баламалы нұсқасы {href} — {actual_kk} беті.",
        },
        "not_reciprocal": {
            "en": "{href} is listed as this page's {lang_name} alternate but does not link back.",
            "ru": "{href} указана как версия «{lang_ru}» этой страницы, но не ссылается на неё в ответ.",
            "kk": "{href} осы беттің {lang_kk} нұсқасы ретінде көрсетілген, бірақ кері сілтемесі жоқ.",
        },
        "none": {
            "en": "This page has no hreflang alternates, though most pages of the site have them.",
            "ru": "У страницы нет hreflang-ссылок, хотя у большинства страниц сайта они есть.",
            "kk": "Бетте hreflang сілтемелері жоқ, ал сайттың көп бетінде олар бар.",
        },
        "missing": {
            "en": "This page has no hreflang alternate for its {lang_name} version {href}.",
            "ru": "У страницы нет hreflang-ссылки на её версию «{lang_ru}» {href}.",
            "kk": "Беттің {lang_kk} нұсқасына ({href}) hreflang сілтемесі жоқ.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        pages = [p for p in ctx.audited("normal") if p.lang]
        with_alternates = sum(1 for p in pages if (p.get("dom") or {}).get("alternates"))
        if not with_alternates:
            return
        site_uses_them = with_alternates * 2 >= len(pages)
        by_url = ctx.index.by_url
        languages = tuple(ctx.languages) or ("kk", "ru", "en")
        group_of = {}
        for group in ctx.page_groups():
            versions = {lang: r for lang, r in group.audited().items() if lang in languages}
            for r in versions.values():
                group_of[normalise_url(r.url)] = (group, versions)
        for page in pages:
            alternates = (page.get("dom") or {}).get("alternates") or []
            listed = set()
            for alt in alternates:
                code, href = alt.get("hreflang") or "", alt.get("href") or ""
                lang = code_to_lang(code)
                if lang:
                    listed.add(lang)
                if not valid_code(code):
                    yield self._invalid(page, code, lang, href)
                target = by_url.get(normalise_url(href))
                if target is None or not lang or normalise_url(href) == normalise_url(page.url):
                    continue
                yield from self._target(page, code, lang, href, target, by_url)
            group, versions = group_of.get(normalise_url(page.url), (None, {}))
            if group is not None and not alternates and site_uses_them and len(versions) >= 2:
                yield self.finding(page=page, key="none", content_key="none",
                                   related=[r.url for l, r in versions.items() if l != page.lang],
                                   outcome="incomplete",
                                   evidence={"pages_with_alternates": with_alternates, "pages": len(pages),
                                             "pages_paired_by": group.linked_by.get(page.lang) or "url-pattern"})
            if group is not None and alternates:
                for lang, other in sorted(versions.items()):
                    if lang != page.lang and lang not in listed:
                        yield self.finding(page=page, key="missing", content_key=f"missing:{lang}",
                                           related=[other.url],
                                           args={**lang_args(lang=lang), "href": other.url},
                                           evidence={"listed": sorted(listed), "pairing_score": 1.0,
                                                     "pages_paired_by": group.linked_by.get(lang)})

    def _invalid(self, page, code, lang, href) -> Finding:
        hint = f" (for {lang} write '{lang}')" if lang else ""
        return self.finding(page=page, key="invalid_code", content_key=f"code:{code}", related=[href],
                            args={"code": code, "hint": hint, "hint_ru": f" (для этого языка пишется «{lang}»)" if lang else "",
                                  "hint_kk": f" (бұл тілдің коды — «{lang}»)" if lang else ""},
                            evidence={"code": code, "href": href, "meant": lang})

    def _target(self, page, code, lang, href, target, by_url) -> Iterable[Finding]:
        if target.outcome == "failed" or (target.status or 200) >= 400:
            yield self.finding(page=page, key="target_fails", content_key=f"fails:{code}", related=[href],
                               args={**lang_args(lang=lang), "href": href,
                                     "error": target.error or f"HTTP {target.status}"},
                               evidence={"code": code, "status": target.status, "error": target.error})
            return
        if target.outcome != "audited":
            return
        declared = code_to_lang(((target.get("dom") or {}).get("declared_lang") or "").split("-")[0])
        actual = target.lang if target.lang and target.lang != lang else (declared if declared and declared != lang else None)
        if actual:
            yield self.finding(page=page, key="wrong_language", content_key=f"wrong:{code}", related=[href],
                               outcome="violation" if target.lang == actual else "incomplete",
                               args={**lang_args(lang=lang, actual=actual), "href": href},
                               evidence={"code": code, "url_language": target.lang, "declared_lang": declared})
            return
        back = (target.get("dom") or {}).get("alternates") or []
        if back and not any(page_key(b.get("href") or "") == page_key(page.url)
                            or normalise_url(b.get("href") or "") == normalise_url(page.url) for b in back):
            yield self.finding(page=page, key="not_reciprocal", content_key=f"oneway:{code}", related=[href],
                               args={**lang_args(lang=lang), "href": href},
                               evidence={"code": code, "target_alternates": [b.get("href") for b in back][:6]})
