"""The artifact journal: one JSON file per page, language and mode, written the moment it is done.

Layout of a run's `artifacts/` folder:
    run.json            what was run, with which tool, browser and axe versions, and the site facts
    pages/<key>.json    one record per URL x language x mode (see PageRecord)
    site/<name>.json    what a site gatherer recorded after the crawl (link checks, documents)

Writing each record on completion (atomically: temp file then rename) means a killed run loses at most the
pages in flight, and `--from-artifacts` can re-run every check with no browser.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..models import normalise_url

# Bump when a record's shape changes in a way old readers cannot follow; readers refuse newer versions.
SCHEMA_VERSION = 1


class ArtifactError(Exception):
    """Saved artifacts that cannot be read: missing, corrupt, or written by an incompatible version."""


@dataclass
class PageRecord:
    """What the browser saw for one URL in one language and one display mode.

    `artifacts` maps a gatherer's name ("dom", "axe", "vi", ...) to the plain data it recorded; checks
    declare which of these names they need.
    """

    url: str
    lang: str | None
    mode: str
    outcome: str  # audited | failed | skipped; offline, "not_found" for an audited page that does not exist
    status: int | None = None
    final_url: str | None = None
    error: str | None = None
    discovered_from: str | None = None
    depth: int = 0
    timing_ms: int | None = None
    artifacts: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return record_key(self.url, self.lang, self.mode)

    def get(self, name: str, default: Any = None) -> Any:
        return self.artifacts.get(name, default)

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "url": self.url, "lang": self.lang, "mode": self.mode,
                "outcome": self.outcome, "status": self.status, "final_url": self.final_url,
                "error": self.error, "discovered_from": self.discovered_from, "depth": self.depth,
                "timing_ms": self.timing_ms, "artifacts": self.artifacts}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PageRecord":
        version = d.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ArtifactError(f"page record has schema version {version!r}; this parity-check reads "
                                f"version {SCHEMA_VERSION}. Re-run the gather phase with this version.")
        return cls(url=d["url"], lang=d.get("lang"), mode=d["mode"], outcome=d["outcome"],
                   status=d.get("status"), final_url=d.get("final_url"), error=d.get("error"),
                   discovered_from=d.get("discovered_from"), depth=d.get("depth", 0),
                   timing_ms=d.get("timing_ms"), artifacts=d.get("artifacts") or {})


def record_key(url: str, lang: str | None, mode: str) -> str:
    basis = f"{normalise_url(url)}\x1f{lang or ''}\x1f{mode}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


def _atomic_write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    os.replace(tmp, path)


class ArtifactStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.pages_dir = self.root / "pages"

    @classmethod
    def locate(cls, path: Path) -> "ArtifactStore":
        """Accepts a run folder (with artifacts/ inside) or the artifacts folder itself."""
        path = Path(path)
        for candidate in (path / "artifacts", path):
            if (candidate / "run.json").is_file():
                return cls(candidate)
        raise ArtifactError(f"no saved artifacts in {path} (expected {path}/artifacts/run.json)")

    def create(self) -> "ArtifactStore":
        self.pages_dir.mkdir(parents=True, exist_ok=True)
        return self

    def write_run(self, run: dict[str, Any]) -> None:
        _atomic_write_json(self.root / "run.json", {"schema_version": SCHEMA_VERSION, **run})

    def read_run(self) -> dict[str, Any]:
        path = self.root / "run.json"
        try:
            run = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ArtifactError(f"{path} is missing") from None
        except json.JSONDecodeError as e:
            raise ArtifactError(f"{path} is not valid JSON: {e}") from None
        if run.get("schema_version") != SCHEMA_VERSION:
            raise ArtifactError(f"{path} has schema version {run.get('schema_version')!r}; this "
                                f"parity-check reads version {SCHEMA_VERSION}")
        return run

    def write_page(self, record: PageRecord) -> None:
        _atomic_write_json(self.pages_dir / f"{record.key}.json", record.to_dict())

    def write_site_artifact(self, name: str, data: Any) -> None:
        (self.root / "site").mkdir(exist_ok=True)
        _atomic_write_json(self.root / "site" / f"{name}.json", {"schema_version": SCHEMA_VERSION, "data": data})

    def site_artifacts(self) -> dict[str, Any]:
        out = {}
        for path in sorted((self.root / "site").glob("*.json")) if (self.root / "site").is_dir() else []:
            out[path.stem] = json.loads(path.read_text(encoding="utf-8")).get("data")
        return out

    def page_names(self) -> list[str]:
        """The record files' names in a stable order, so every replay sees the same sequence."""
        if not self.pages_dir.is_dir():
            return []
        return sorted(path.name for path in self.pages_dir.glob("*.json"))

    def read_page(self, name: str) -> PageRecord:
        path = self.pages_dir / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise ArtifactError(f"{path} is not valid JSON: {e}") from None
        except FileNotFoundError:
            raise ArtifactError(f"{path} is missing") from None
        return PageRecord.from_dict(data)

    def iter_pages(self) -> Iterator[PageRecord]:
        """Every record, one at a time, read from disk as it is reached (a run's records are never all in
        memory at once)."""
        for name in self.page_names():
            yield self.read_page(name)
