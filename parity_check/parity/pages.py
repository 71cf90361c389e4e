"""Which recorded pages are the language versions of one another.

Three kinds of evidence, strongest first in what they prove but weakest first in how often they exist:
  * the URL pattern (/kz/x vs /ru/x, ?lang=kk vs ?lang=ru): `urls.page_key` groups these already;
  * hreflang alternates (<link rel=alternate hreflang=ru href=...>);
  * the language switcher's links ("Рус", "Қаз", "Eng").
The last two matter where the URLs differ per language (/kz/zhanalyktar vs /ru/novosti). A switcher often
leads to the other language's home page rather than the counterpart, so such a link joins two pages only
when the target links back, or when neither side already has a version in the other's language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, NamedTuple

from ..artifacts import PageRecord
from ..models import normalise_url as _normalise_url
from ..urls import code_to_lang, language_named, page_key as _page_key

# The same URLs come up again and again (every page links the menu); parsing them once is most of the speed.
normalise_url = lru_cache(maxsize=200_000)(_normalise_url)
page_key = lru_cache(maxsize=200_000)(_page_key)

def switcher_lang(link: dict) -> str | None:
    return language_named(link.get("text") or "")


@dataclass
class PageGroup:
    """One page in all its language versions."""

    key: str
    versions: dict[str, PageRecord] = field(default_factory=dict)  # lang -> the version compared
    linked_by: dict[str, str] = field(default_factory=dict)  # lang -> url-pattern | hreflang | switcher

    def audited(self) -> dict[str, PageRecord]:
        return {lang: r for lang, r in self.versions.items() if r.outcome == "audited"}


def explicit_links(record: PageRecord) -> list[tuple[str, str, str]]:
    """(lang, url, how) for every hreflang alternate and language-switcher link of a page."""
    dom = record.get("dom") or {}
    out = []
    for alt in dom.get("alternates", []) or []:
        lang = code_to_lang(alt.get("hreflang"))
        if lang and alt.get("href"):
            out.append((lang, alt["href"], "hreflang"))
    for link in dom.get("links", []) or []:
        lang = switcher_lang(link)
        if lang and link.get("href", "").startswith("http"):
            out.append((lang, link["href"], "switcher"))
    return out


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class SiteGroups(NamedTuple):
    groups: list[PageGroup]
    url_to_group: dict[str, str]  # every recorded URL (and final URL) -> its group's key
    root_of_key: dict[str, str]  # the page_key of every grouped URL -> its group's key


def group_pages(records: list[Any], links_of: Callable[[Any], list[tuple[str, str, str]]] = explicit_links
                ) -> SiteGroups:
    """The page groups of a run (normal mode). `links_of` gives a record's explicit links (hreflang and
    switcher), for callers that read them once and keep them rather than hold every record's DOM."""
    records = [r for r in records if r.mode == "normal" and r.lang]
    by_url: dict[str, PageRecord] = {}
    for r in records:
        by_url.setdefault(normalise_url(r.url), r)
        if r.final_url:
            by_url.setdefault(normalise_url(r.final_url), r)
    base: dict[str, dict[str, list[PageRecord]]] = {}
    for r in records:
        base.setdefault(page_key(r.url), {}).setdefault(r.lang, []).append(r)

    def has_audited(key: str, lang: str) -> bool:
        return any(r.outcome == "audited" for r in base.get(key, {}).get(lang, []))

    links = {normalise_url(r.url): links_of(r) for r in records if r.outcome == "audited"}
    uf = _UnionFind()
    preferred: dict[tuple[str, str], str] = {}  # (group key, lang) -> URL an explicit link chose
    for src_url, found in links.items():
        src = by_url[src_url]
        src_key = page_key(src.url)
        for lang, href, how in found:
            target = by_url.get(normalise_url(href))
            if target is None or target.lang != lang or target.outcome != "audited" or lang == src.lang:
                continue
            tgt_key = page_key(target.url)
            if tgt_key == src_key:
                preferred[(src_key, lang)] = normalise_url(target.url)
                continue
            back = {page_key(h) for l, h, _ in links.get(normalise_url(target.url), []) if l == src.lang}
            free = not has_audited(tgt_key, src.lang) and not has_audited(src_key, lang)
            if src_key in back or free:
                uf.union(src_key, tgt_key)
                preferred[(tgt_key, lang)] = normalise_url(target.url)

    how_by_target = {(lang, page_key(href)): how for found in links.values() for lang, href, how in found}
    merged: dict[str, PageGroup] = {}
    for key in sorted(base):
        root = uf.find(key)
        group = merged.setdefault(root, PageGroup(key=root))
        for lang, recs in base[key].items():
            chosen = _choose(recs, preferred.get((key, lang)))
            current = group.versions.get(lang)
            if current is None or (current.outcome != "audited" and chosen.outcome == "audited"):
                group.versions[lang] = chosen
                group.linked_by[lang] = ("url-pattern" if key == root
                                         else how_by_target.get((lang, key), "switcher"))
    url_to_group = {}
    for r in records:
        url_to_group[normalise_url(r.url)] = uf.find(page_key(r.url))
        if r.final_url:
            url_to_group.setdefault(normalise_url(r.final_url), uf.find(page_key(r.url)))
    return SiteGroups(list(merged.values()), url_to_group, {key: uf.find(key) for key in base})


def _choose(recs: list[PageRecord], preferred_url: str | None) -> PageRecord:
    audited = [r for r in recs if r.outcome == "audited"]
    for r in audited:
        if normalise_url(r.url) == preferred_url:
            return r
    return (audited or recs)[0]
