"""Every record of a run as the checks see it: slim entries whose artifacts stay on disk until read
(artifacts.LazyRecord), how the pages group across languages, and lookups by URL.

The pipeline gives most checks one page group at a time (a page in all its languages and both modes, fully
loaded) and the site-wide ones the whole index; both reach the rest of the site through `ctx.index`. So
the offline phase holds one group's records, not the site's: its memory does not grow with the site beyond
these slim entries. Tests and benchmarks may build an index from records held in memory instead.
"""
from __future__ import annotations

from functools import cached_property
from typing import Any, Callable
from urllib.parse import urlsplit

from ..artifacts import ArtifactReader, ArtifactStore, LazyRecord, PageRecord
from ..models import normalise_url
from ..not_found import NotFound, NotFoundDetector, mark
from ..parity.pages import SiteGroups, explicit_links, group_pages, page_key


class SiteIndex:
    def __init__(self, records: list[Any], links: dict[str, list] | None = None,
                 artifact_names: set[str] | None = None, not_found: dict[str, NotFound] | None = None):
        self.records = records  # in the store's order
        self._links = links  # record key -> explicit_links, read once (None: read from the records)
        self._artifact_names = artifact_names
        self.memo: dict[str, Any] = {}  # site facts a check computes once for every context
        # record key -> why the page does not exist (not_found.py); those records' outcome is "not_found"
        self.not_found: dict[str, NotFound] = not_found or {}

    @classmethod
    def of_records(cls, records: list[Any], detector: NotFoundDetector) -> "SiteIndex":
        """An index over records held in memory (tests, benchmarks), the not-found pages among them marked."""
        return cls(records, not_found=mark(records, detector))

    @classmethod
    def from_store(cls, store: ArtifactStore, on_record: Callable[[PageRecord], None] | None = None,
                   detector: NotFoundDetector | None = None) -> "SiteIndex":
        """One pass over the store: a LazyRecord per record, the explicit language links of each (what page
        grouping needs), the artifact names recorded; pages that do not exist marked "not_found" (`detector`,
        by default the shipped texts and the run's learned templates); `on_record` sees each full record on
        the way, as judged."""
        reader = ArtifactReader(store)
        detector = detector or NotFoundDetector.from_run(None, store.site_artifacts())
        records, links, names, not_found = [], {}, set(), {}
        for file in store.page_names():
            record = store.read_page(file)
            names.update(record.artifacts)
            not_found.update(mark([record], detector))
            if record.mode == "normal" and record.lang and record.outcome == "audited":
                found = explicit_links(record)
                if found:
                    links[record.key] = found
            if on_record is not None:
                on_record(record)
            records.append(LazyRecord(record, file, reader))
        return cls(records, links, names, not_found)

    # -- the site's shape ------------------------------------------------------------------------------
    @cached_property
    def artifact_names(self) -> set[str]:
        if self._artifact_names is not None:
            return self._artifact_names
        return {name for r in self.records for name in r.artifacts}

    def links_of(self, record: Any) -> list[tuple[str, str, str]]:
        return self._links.get(record.key, []) if self._links is not None else explicit_links(record)

    @cached_property
    def groups(self) -> SiteGroups:
        return group_pages(self.records, self.links_of)

    @cached_property
    def group_by_key(self) -> dict[str, Any]:
        """Page group key -> the group (a page in each of its languages, records as the index holds them)."""
        return {g.key: g for g in self.groups.groups}

    def root_of(self, record: Any) -> str:
        """The key of the page group a record belongs to (its own page key when it is in none)."""
        key = page_key(record.url)
        return self.groups.root_of_key.get(key, key)

    def partitions(self) -> list[list[Any]]:
        """The records by page group, every mode and language of a page together, groups in key order."""
        parts: dict[str, list[Any]] = {}
        for r in self.records:
            parts.setdefault(self.root_of(r), []).append(r)
        return [parts[k] for k in sorted(parts)]

    # -- lookups ---------------------------------------------------------------------------------------
    @cached_property
    def by_url(self) -> dict[str, Any]:
        """Normalised URL (and final URL) -> the normal-mode record, audited or not."""
        out: dict[str, Any] = {}
        for p in self.records:
            if p.mode != "normal":
                continue
            for u in (p.url, p.final_url):
                if u:
                    out.setdefault(normalise_url(u), p)
        return out

    @cached_property
    def hosts(self) -> set[str]:
        return {h.lower() for h in (urlsplit(p.url).hostname for p in self.records) if h}

    def fact(self, name: str, record: Any, compute: Callable[[Any], Any]) -> Any:
        """compute(record), once per record for the whole run (a record read for it is not read again)."""
        known = self.memo.setdefault(name, {})
        key = record.key
        if key not in known:
            known[key] = compute(record)
        return known[key]
