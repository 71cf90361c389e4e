"""A required section is more than three clicks away from the home page."""
from __future__ import annotations

from collections import deque
from typing import Iterable

from ...models import Finding, normalise_url
from ..base import Check, CheckContext, register
from ._sections import (crawl_truncated, find_section, home_pages, iter_langs, lang_args, normal_pages,
                        page_index, required_sections, section_args)


def click_distances(ctx, home) -> tuple[dict[str, int], dict[str, str]]:
    """Breadth-first over the links of the audited normal pages (any language: switching language is a
    click too), from `home`. Returns normalised page URL -> clicks, and -> the page it was reached from."""
    graph = _link_graph(ctx)
    start = normalise_url(home.url)
    dist, parent = {start: 0}, {}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for key in graph.get(current, ()):
            if key not in dist:
                dist[key] = dist[current] + 1
                parent[key] = current
                queue.append(key)
    return dist, parent


def _link_graph(ctx) -> dict[str, tuple[str, ...]]:
    """Normalised URL of each audited normal page -> the audited pages it links, in link order. Read once
    for every language's walk."""
    graph = ctx.memo.get("link_graph")
    if graph is None:
        index = page_index(ctx)
        graph = ctx.memo["link_graph"] = {}
        for page in normal_pages(ctx):
            targets = []
            for link in (page.get("dom") or {}).get("links", []):
                href = (link.get("href") or "").split("#")[0]
                target = index.get(normalise_url(href)) if href.startswith("http") else None
                if target is not None and target.outcome == "audited":
                    targets.append(normalise_url(target.url))
            graph[normalise_url(page.url)] = tuple(targets)
    return graph


def _path(parent: dict[str, str], end: str) -> list[str]:
    out = [end]
    while out[-1] in parent:
        out.append(parent[out[-1]])
    return list(reversed(out))


@register
class DeepSection(Check):
    """For each language version: the number of clicks from its home page (the audited page nearest the start
    of the crawl) to each required section, by a breadth-first walk over the recorded links. A section
    reached by a link on a page N clicks deep is N+1 clicks away; one named by a heading or matched by URL
    on a page N clicks deep is N. More than `max_clicks` (3) is a violation, or "incomplete" when the crawl
    was cut short (a shorter path may run through a page it did not visit). Absent sections are
    missing-section's business."""

    id = "deep-section"
    tags = ("kz:order-124",)
    impact = "moderate"
    scope = "language"
    sees = "site"
    requires = ("dom",)
    why = ("Order 124-НҚ requires every section of a state body's site to be reachable within three clicks; "
           "the study's experts found information hard to find.")
    messages = {
        "title": {"en": "Section too deep", "ru": "Раздел слишком глубоко",
                  "kk": "Бөлім тым терең орналасқан"},
        "why": {
            "en": why,
            "ru": "Приказ № 124-НҚ требует, чтобы любой раздел сайта государственного органа открывался не более "
                  "чем за три клика; эксперты отметили, что информацию на сайтах трудно найти.",
            "kk": "№ 124-НҚ бұйрық мемлекеттік орган сайтының кез келген бөліміне үш реттен аспайтын басумен "
                  "жетуді талап етеді; сарапшылар сайттардағы ақпаратты табу қиын екенін атап өтті.",
        },
        "fix": {
            "en": "Link the section from the main menu or the home page.",
            "ru": "Дайте ссылку на раздел в главном меню или на главной странице.",
            "kk": "Бөлімге басты мәзірден немесе басты беттен сілтеме беріңіз.",
        },
        "default": {
            "en": "The “{section_en}” section of the {lang_en} version is {clicks} clicks from the home page "
                  "(at most {max} allowed).",
            "ru": "Раздел «{section_ru}» в {lang_ru} версии находится в {clicks} кликах от главной страницы "
                  "(допустимо не более {max}).",
            "kk": "Сайттың {lang_kk} нұсқасындағы «{section_kk}» бөліміне басты беттен {clicks} рет басып жетуге "
                  "болады (ең көбі {max} рет рұқсат етілген).",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        max_clicks = int(ctx.threshold("max_clicks", 3))
        homes = home_pages(ctx)
        index = page_index(ctx)
        for lang in iter_langs(ctx):
            home = homes.get(lang)
            if home is None:
                continue
            dist, parent = click_distances(ctx, home)
            for section in required_sections(ctx):
                best = self._nearest(find_section(ctx, lang, section), dist, index)
                if best is None or best[0] <= max_clicks:
                    continue
                clicks, where, via = best
                path = _path(parent, where) if where in dist else _path(parent, via) + [where]
                path = [index[u].url if u in index else u for u in path]  # as the site writes them
                yield self.finding(
                    url=path[-1], lang=lang, mode="normal", content_key=section.key,
                    outcome="incomplete" if crawl_truncated(ctx) else "violation",
                    args={**section_args(section), **lang_args(lang), "clicks": clicks, "max": max_clicks},
                    related=path[:-1],
                    evidence={"section": section.key, "clicks": clicks, "max_clicks": max_clicks, "path": path})

    @staticmethod
    def _nearest(hits, dist, index) -> tuple[int, str, str] | None:
        """(clicks, the section's URL, the page the last click is made on) of the nearest hit."""
        best = None
        for h in hits:
            on = normalise_url(h.page.url)
            if on not in dist:
                continue
            if h.how == "link" and h.href and h.href.startswith("http"):
                target = index.get(normalise_url(h.href))
                here = normalise_url(target.url) if target is not None else normalise_url(h.href)
                # the walk may know a shorter way to the same page; a link to the page itself costs nothing
                candidate = (min(dist.get(here, dist[on] + 1), dist[on] + (here != on)), here, on)
            else:
                candidate = (dist[on], on, on)
            if best is None or candidate[0] < best[0]:
                best = candidate
        return best
