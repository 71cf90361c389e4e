"""A language version of the site does not link a portal every state body must link to, or links only another
language's version of it."""
from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import urlsplit

from ...models import Finding
from ..base import Check, CheckContext, register
from ._sections import home_pages, iter_langs, lang_args, normal_pages


@register
class MissingRequiredLink(Check):
    """For every language version, reads the links of all its audited pages (menus and footers included) and
    looks for each portal of the data set `required_links` (the e-government services portal and the Open
    Government portals): a link to one of its hosts (or a subdomain), or a link whose text or accessible name
    contains one of its names in any language (hosts change; a link that names the portal counts). A portal no
    page of a version links is reported once for that version, at its home page. Where the data defines the
    portal's language versions (egov.kz/cms/kk, /cms/ru...), a version whose links to the portal all go to
    another language's version is reported too, at the first such link; a link to the portal's root lets
    the portal choose and is fine. Which portals count is our reading of Order 124-НҚ (marked assumed in
    the profiles' facts); a profile adds hosts or names, or drops a portal, under `data: {required_links:}`."""

    id = "missing-required-link"
    tags = ("kz:order-124",)
    impact = "moderate"
    scope = "language"
    sees = "site"
    requires = ("dom",)
    why = ("Order 124-НҚ requires state bodies' sites to lead citizens to the electronic public services; a "
           "reader of one language who finds no link to the e-government and Open Government portals, or "
           "only to their version in another language, must look for them elsewhere.")
    messages = {
        "title": {"en": "Required portal link missing", "ru": "Нет обязательной ссылки на портал",
                  "kk": "Порталға міндетті сілтеме жоқ"},
        "missing": {
            "en": "No page of the {lang_en} version links the portal “{portal_en}” ({hosts}).",
            "ru": "Ни одна страница {lang_ru} версии не ссылается на портал «{portal_ru}» ({hosts}).",
            "kk": "{lang_kk} нұсқаның ешбір беті «{portal_kk}» порталына сілтеме бермейді ({hosts}).",
        },
        "wrong_version": {
            "en": "The {lang_en} version links the portal “{portal_en}” only in another language: {href}.",
            "ru": "В {lang_ru} версии ссылка на портал «{portal_ru}» ведёт только на другой язык: {href}.",
            "kk": "{lang_kk} нұсқа «{portal_kk}» порталына тек басқа тілде сілтеме береді: {href}.",
        },
        "fix": {
            "en": "Link the portal, in this language's version, from the footer or the menu of every language "
                  "version of the site.",
            "ru": "Разместите ссылку на портал (на его версию на этом языке) в подвале или меню каждой языковой "
                  "версии сайта.",
            "kk": "Порталға (оның осы тілдегі нұсқасына) сілтемені сайттың әр тілдік нұсқасының төменгі "
                  "бөлігіне немесе мәзіріне қойыңыз.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        portals = {k: v for k, v in (ctx.data("required_links") or {}).items() if v and (v.get("hosts") or v.get("names"))}
        if not portals:
            return
        langs = list(iter_langs(ctx))
        links: dict[str, list[tuple[object, dict]]] = {lang: [] for lang in langs}
        for page in normal_pages(ctx):
            if page.lang in links:
                links[page.lang].extend((page, link) for link in (page.get("dom") or {}).get("links", []))
        homes = home_pages(ctx)
        for lang in langs:
            for key in sorted(portals):
                portal = portals[key]
                found = [(page, link) for page, link in links[lang] if _links_to(link, key, portals)]
                if not found:
                    yield self.finding(page=homes[lang], key="missing", selector=None, content_key=key,
                                       args={**lang_args(lang), **_portal_args(key, portal),
                                             "hosts": ", ".join(portal.get("hosts") or ()) or "-"},
                                       evidence={"portal": key, "hosts": portal.get("hosts"),
                                                 "names": (portal.get("names") or {}).get(lang),
                                                 "pages_read": len({id(p) for p, _ in links[lang]})})
                    continue
                wrong = _wrong_version(found, portal, lang)
                if wrong:
                    page, link, other = wrong
                    yield self.finding(page=page, key="wrong_version", selector=link.get("selector"),
                                       content_key=key,
                                       args={**lang_args(lang), **_portal_args(key, portal), "href": link["href"]},
                                       evidence={"portal": key, "href": link["href"], "links_version": other,
                                                 "versions": portal.get("versions")})


def _portal_args(key: str, portal: dict) -> dict[str, str]:
    names = portal.get("names") or {}
    return {f"portal_{lang}": (names.get(lang) or [key])[0] for lang in ("en", "ru", "kk")}


def _host_matches(host: str, hosts) -> int:
    """How specifically `host` is one of `hosts` (the length of the host it is or is under), 0 when not."""
    host = host.lower().removeprefix("www.")
    return max((len(h) for h in (h.removeprefix("www.") for h in hosts or ())
                if host == h or host.endswith("." + h)), default=0)


def _links_to(link: dict, key: str, portals: dict) -> bool:
    """A link to the portal's host (the most specific match: data.egov.kz is open data, not egov.kz), or, on
    no portal's host, a link naming the portal."""
    host = urlsplit(link.get("href") or "").hostname or ""
    claims = {k: _host_matches(host, p.get("hosts")) for k, p in portals.items()} if host else {}
    best = max(claims.values(), default=0)
    if best:
        return claims[key] == best
    text = " ".join(str(link.get(k) or "") for k in ("text", "name", "aria_label", "title")).lower()
    return bool(text.strip()) and any(n.lower() in text for names in (portals[key].get("names") or {}).values()
                                      for n in names or ())


def _version_of(href: str, versions: dict) -> str | None:
    parts = urlsplit(href)
    where = parts.path + (f"?{parts.query}" if parts.query else "")
    for lang, patterns in sorted(versions.items()):
        if any(re.search(p, where) for p in patterns or ()):
            return lang
    return None


def _wrong_version(found, portal: dict, lang: str):
    """(page, link, its language) when every link to the portal that names a version names another one."""
    versions = portal.get("versions") or {}
    if lang not in versions:
        return None
    marked = [(page, link, _version_of(link.get("href") or "", versions)) for page, link in found
              if _host_matches(urlsplit(link.get("href") or "").hostname or "", portal.get("hosts"))]
    marked = [m for m in marked if m[2] is not None]
    if not marked or any(v == lang for _, _, v in marked):
        return None
    return sorted(marked, key=lambda m: (m[0].depth, m[0].url))[0]
