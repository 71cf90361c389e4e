"""Language versions that were visited and do not exist, and who reports each: one missing thing, one finding.

A version is missing when its page says "not found" (not_found.py: a single-page platform answers 200 and
renders its not-found view) or answers 404/410. The same absence usually shows twice: the list of that
language lacks the item's row, and the item's own page in that language is missing. It is reported once,
on the item's own page (the thing that does not exist), by `missing-document` when the page is a document's
(its other versions link a file and carry no story) and by `missing-language-version` otherwise; the
finding links the versions that exist and the lists that show the item. `missing-item` and
`missing-document` leave a list row alone when the row's own page is missing in that language
(`own_page_missing`), and nothing item-level is reported against a missing page (it is not audited).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..models import normalise_url
from ..not_found import is_missing
from .alignment import GroupAlignment
from .items import Document, Item
from .pages import PageGroup

STORY_CHARS = 300  # a version with this much running text is an article with attachments, not a document


@dataclass
class Absence:
    """One language version of a page that does not exist, as the versions that do exist describe it."""

    lang: str
    record: Any  # the missing version (outcome not_found, or failed with 404/410)
    source: str  # the language of the version describing it
    label: str  # its title in that version
    documents: list[Document] = field(default_factory=list)  # the files it offers there (a document's page)
    present: dict[str, str] = field(default_factory=dict)  # lang -> URL of the versions that exist
    listed_on: list[str] = field(default_factory=list)  # URLs of the lists that show it, in every language

    @property
    def why(self) -> str:
        return self.record.error or f"HTTP {self.record.status}"

    @property
    def related(self) -> list[str]:
        return sorted(set(self.present.values()) | set(self.listed_on))


def absences(ga: GroupAlignment, index: Any, languages, source_order: tuple[str, ...]) -> list[Absence]:
    """The missing versions of one page group whose other versions exist (when none exists, the page is
    broken, not untranslated)."""
    if not ga.pages:
        return []
    source = next((l for l in source_order if l in ga.pages), next(iter(ga.pages)))
    page = ga.pages[source]
    docs = [] if len(page.body_text) >= STORY_CHARS else list(page.documents)
    out = []
    for lang in languages:
        record = ga.group.versions.get(lang)
        if lang in ga.pages or not is_missing(record):
            continue
        out.append(Absence(lang, record, source, _title(page.record), docs,
                           present={l: p.record.url for l, p in ga.pages.items()},
                           listed_on=_listed_on(ga, index, lang)))
    return out


def own_page_missing(item: Item, lang: str, index: Any) -> Any | None:
    """The missing `lang` version of the page a list row links to (its own page), if it was visited."""
    groups = index.group_by_key
    for ident in sorted(item.link_ids):
        if ident.startswith("page:"):
            group = groups.get(ident[5:])
            record = group.versions.get(lang) if group else None
            if is_missing(record):
                return record
    return None


def _listed_on(ga: GroupAlignment, index: Any, lang: str) -> list[str]:
    """The lists that show the item (the page its existing versions were found from, and the list above
    them in the URL's path: a news item is on the home page and on the news list) and those lists' `lang`
    versions (which lack it)."""
    out = set()
    for page in ga.pages.values():
        for parent in _lists_above(page.record, index):
            if parent.outcome != "audited" or index.root_of(parent) == ga.group.key:
                continue
            out.add(parent.url)
            group: PageGroup | None = index.group_by_key.get(index.root_of(parent))
            twin = group.versions.get(lang) if group else None
            if twin is not None:
                out.add(twin.url)
    return sorted(out)


def _lists_above(record: Any, index: Any, levels: int = 2) -> list[Any]:
    """The page `record` was found from, and the nearest visited page up its URL's path (within `levels`
    steps: /ru/news/3/ -> /ru/news/; /press/news/details/104?lang=ru -> /press/news?lang=ru)."""
    found = []
    if record.discovered_from:
        parent = index.by_url.get(normalise_url(record.discovered_from))
        if parent is not None:
            found.append(parent)
    parts = urlsplit(record.url)
    path = parts.path.rstrip("/")
    for _ in range(levels):
        path = path.rsplit("/", 1)[0]
        if not path:
            break
        up = None
        for candidate in (path + "/", path):
            up = index.by_url.get(normalise_url(urlunsplit(parts._replace(path=candidate, fragment=""))))
            if up is not None:
                break
        if up is not None:
            found.append(up)
            break
    return found


def _title(record: Any) -> str:
    dom = record.get("dom") or {}
    for seg in dom.get("segments", []) or []:
        if seg.get("kind") == "heading" and seg.get("tag") == "h1" and seg.get("text"):
            return seg["text"][:120]
    return (dom.get("title") or record.url)[:120]
