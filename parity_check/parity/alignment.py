"""The whole site aligned across languages: page groups, items per page, item pairings per pair of
languages, and clusters (one item in all the languages it exists in). Computed once per check run and
shared by every parity check (cached on the CheckContext).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..artifacts import PageRecord
from .items import Item, PageItems, extract_items, link_identity
from .matching import ACCEPT, ItemPair, pair_items
from .pages import PageGroup, group_pages, normalise_url


@dataclass
class PagePair:
    group: PageGroup
    a: PageItems
    b: PageItems
    pairs: list[ItemPair]
    only_a: list[Item]
    only_b: list[Item]

    @property
    def how(self) -> str:
        """How the two pages were found to be versions of one another."""
        hows = {self.group.linked_by.get(self.a.record.lang), self.group.linked_by.get(self.b.record.lang)}
        hows.discard(None)
        return "+".join(sorted(hows)) or "url-pattern"


@dataclass
class Cluster:
    """One item in every language it was found in, with the pairings that joined it."""

    items: dict[str, list[Item]] = field(default_factory=dict)
    pairs: list[ItemPair] = field(default_factory=list)

    @property
    def langs(self) -> set[str]:
        return set(self.items)

    def first(self) -> Item:
        return next(iter(self.items.values()))[0]


@dataclass
class GroupAlignment:
    group: PageGroup
    pages: dict[str, PageItems]  # lang -> items of the audited version
    pairs: dict[tuple[str, str], PagePair]
    clusters: list[Cluster]


@dataclass
class SiteAlignment:
    groups: list[GroupAlignment]
    languages: tuple[str, ...]
    captured: dt.date | None
    broken: set[str] = field(default_factory=set)  # link targets the link gatherer found failing

    def page_pairs(self):
        for g in self.groups:
            yield from g.pairs.values()


def _document_sizes(site: dict[str, Any]) -> dict[str, int]:
    """Attachment sizes the link gatherer measured (Content-Length), by URL."""
    targets = ((site or {}).get("links") or {}).get("targets") or {}
    return {url: t["content_length"] for url, t in targets.items()
            if isinstance(t, dict) and isinstance(t.get("content_length"), int)}


def _broken_targets(site: dict[str, Any]) -> set[str]:
    targets = ((site or {}).get("links") or {}).get("targets") or {}
    return {url for url, t in targets.items() if isinstance(t, dict)
            and ((t.get("status") or 0) >= 400 or (t.get("status") is None and t.get("error") and not t.get("blocked")))}


def _captured(run: dict) -> dt.date | None:
    stamp = (run or {}).get("captured_at") or (run or {}).get("started_at")
    try:
        return dt.date.fromisoformat(str(stamp)[:10])
    except ValueError:
        return None


def align_records(records: list[PageRecord], languages: tuple[str, ...] = ("kk", "ru", "en"),
                  site: dict | None = None, run: dict | None = None) -> SiteAlignment:
    """The alignment of a list of records held in memory (tests, benchmarks)."""
    groups, url_to_group, _ = group_pages(records)
    return align_groups(groups, url_to_group, languages, site, run)


def align_groups(groups: list[PageGroup], url_to_group: dict[str, str], languages: tuple[str, ...],
                 site: dict | None = None, run: dict | None = None) -> SiteAlignment:
    """Items and their pairings for the given page groups; `url_to_group` covers the whole site, so a link
    to any page of it is known by that page's group whichever language it points into."""
    sizes = _document_sizes(site or {})

    def target_id(href: str) -> str:
        key = url_to_group.get(normalise_url(href))
        return f"page:{key}" if key else link_identity(href)

    out = []
    for group in groups:
        audited = {lang: r for lang, r in group.audited().items() if lang in languages}
        pages = {lang: extract_items(r, target_id, sizes) for lang, r in audited.items()}
        pairs = {}
        for la, lb in combinations([l for l in languages if l in pages], 2):
            found, only_a, only_b = pair_items(pages[la].items, pages[lb].items)
            pairs[(la, lb)] = PagePair(group, pages[la], pages[lb], found, only_a, only_b)
        out.append(GroupAlignment(group, pages, pairs, _clusters(pages, pairs)))
    return SiteAlignment(out, tuple(languages), _captured(run or {}), _broken_targets(site or {}))


def _clusters(pages: dict[str, PageItems], pairs: dict[tuple[str, str], PagePair]) -> list[Cluster]:
    parent: dict[int, int] = {}
    items: dict[int, Item] = {}
    for page in pages.values():
        for it in page.items:
            parent[id(it)] = id(it)
            items[id(it)] = it

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: list[ItemPair] = []
    for pp in pairs.values():
        for p in pp.pairs:
            if p.score >= ACCEPT:
                parent[find(id(p.a))] = find(id(p.b))
                links.append(p)
    clusters: dict[int, Cluster] = {}
    for key, it in items.items():
        c = clusters.setdefault(find(key), Cluster())
        c.items.setdefault(it.lang, []).append(it)
    for p in links:
        clusters[find(id(p.a))].pairs.append(p)
    return list(clusters.values())


def align(ctx) -> SiteAlignment:
    """The alignment of the page groups a check sees (all of them, or the one group the pipeline gives it),
    computed on first use and kept on the context for the other checks."""
    cached = ctx.memo.get("parity_alignment")
    if cached is None:
        languages = tuple(ctx.languages) or ("kk", "ru", "en")
        cached = align_groups(ctx.page_groups(), ctx.index.groups.url_to_group, languages, ctx.site, ctx.run)
        ctx.memo["parity_alignment"] = cached
    return cached
