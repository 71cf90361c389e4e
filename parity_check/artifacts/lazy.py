"""Records whose artifacts stay on disk until a check reads them.

The offline phase holds one `LazyRecord` per page record: the facts that say which page it is and how its
visit went (URL, language, mode, outcome, status...), a few bytes each. Its `artifacts` (the DOM, the axe
results: most of a record) are read from the store when asked for, through a small cache of the records
read last, so memory stays flat however large the site: a 2,000-page run holds what a 200-page run holds,
plus these slim entries.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .store import ArtifactStore, PageRecord, record_key

# Records whose artifacts are kept after reading. A check that walks the site reads each record once; the
# few it returns to (the target of a link it just followed) are usually among the last ones read.
RECENT_RECORDS = 48


class ArtifactReader:
    """Reads records' artifacts from a store, keeping the most recently read ones."""

    def __init__(self, store: ArtifactStore, keep: int = RECENT_RECORDS):
        self.store = store
        self.keep = keep
        self._recent: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def artifacts(self, name: str) -> dict[str, Any]:
        found = self._recent.get(name)
        if found is not None:
            self._recent.move_to_end(name)
            return found
        found = self.store.read_page(name).artifacts
        self._recent[name] = found
        if len(self._recent) > self.keep:
            self._recent.popitem(last=False)
        return found

    def record(self, name: str) -> PageRecord:
        """The whole record, read afresh (for the checks that see one page group at a time)."""
        return self.store.read_page(name)


class LazyRecord:
    """A page record whose artifacts are read from the store on first use (see ArtifactReader). It answers
    everything a PageRecord does, so checks need not know which one they hold."""

    FACTS = ("url", "lang", "mode", "outcome", "status", "final_url", "error", "discovered_from", "depth",
             "timing_ms")  # a PageRecord's fields but its artifacts
    __slots__ = FACTS + ("file", "_reader")

    def __init__(self, record: PageRecord, file: str, reader: ArtifactReader):
        for name in self.FACTS:
            setattr(self, name, getattr(record, name))
        self.file = file
        self._reader = reader

    @property
    def artifacts(self) -> dict[str, Any]:
        return self._reader.artifacts(self.file)

    @property
    def key(self) -> str:
        return record_key(self.url, self.lang, self.mode)

    def get(self, name: str, default: Any = None) -> Any:
        return self.artifacts.get(name, default)

    def load(self) -> PageRecord:
        record = self._reader.record(self.file)
        record.outcome, record.error = self.outcome, self.error  # as the run judged it (a page not found)
        return record

    def __repr__(self) -> str:
        return f"LazyRecord({self.url!r}, {self.lang!r}, {self.mode!r}, {self.outcome!r})"
