"""Incremental re-runs: a page whose content did not change is not rendered and audited again.

A record is stored with a key made of what its render fetched: the main document (final URL, status,
bytes) and the GET responses of the scripts, style sheets, frames and fetch/XHR calls the page made. A
single-page app's HTML shell is the same on every page; its API answers are what differ, so they are part
of the key. On the next run the same URLs are fetched again through the context's request API (no
render, no axe) and, when every digest matches, the stored record is reused.

The key also holds a fingerprint of everything else a record depends on: the tool, axe and browser
versions, the gatherers, and the settings that change what a render records. Pages with non-GET calls
(a POST cannot be replayed safely), failed pages and pages whose bodies the browser did not keep are not
stored. A sub-resource is fetched once per run however many pages use it.

When every page of a run is vouched for this way, the run's site state (a digest of every record's URL,
outcome and content key) says the site is unchanged as a whole, and the site gatherers whose result depends
only on its pages (the VI keyboard and persistence probes) are taken from the cache too.

Layout: <cache>/pages/<record key>.json = {cache_version, fingerprint, content_key, stored_at, document,
resources: [{url, type, headers}], record}; <cache>/site/<gatherer>.json = {cache_version, fingerprint,
site_key, stored_at, data}. Writes are atomic; a corrupt entry is a miss.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..artifacts import PageRecord
from ..models import normalise_url

CACHE_VERSION = 1
KEYED_TYPES = ("document", "script", "stylesheet", "fetch", "xhr")
REPLAYED_HEADERS = ("accept", "accept-language", "content-type")  # plus any x-* header the app set
MEMO_SIZE = 4000  # sub-resource digests remembered in one run (the LRU keeps memory bounded)
FETCH_TIMEOUT_MS = 15000


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(parts: dict[str, Any]) -> str:
    return sha256(json.dumps(parts, sort_keys=True, default=repr).encode("utf-8"))[:32]


def document_digest(final_url: str, status: int | None, body: bytes) -> str:
    return sha256(f"{normalise_url(final_url)}\n{status}\n".encode("utf-8") + body)


def content_key(print_: str, document: str, resources: dict[str, str]) -> str:
    basis = json.dumps([print_, document, sorted(resources.items())], separators=(",", ":"))
    return sha256(basis.encode("utf-8"))


class Memo:
    """url -> digest of a sub-resource, for one run, least recently used dropped first."""

    def __init__(self, size: int = MEMO_SIZE):
        self.size = size
        self._data: OrderedDict[str, str] = OrderedDict()

    def get(self, url: str) -> str | None:
        if url in self._data:
            self._data.move_to_end(url)
        return self._data.get(url)

    def put(self, url: str, digest: str) -> None:
        self._data[url] = digest
        self._data.move_to_end(url)
        while len(self._data) > self.size:
            self._data.popitem(last=False)


class ResponseRecorder:
    """Listens to one page's responses during a visit and digests those that make its key."""

    def __init__(self, page, memo: Memo):
        self.page = page
        self.memo = memo
        self.cacheable = True
        self.resources: dict[str, dict] = {}  # url -> {type, digest, headers}
        self._tasks: list[asyncio.Task] = []
        page.on("response", self._on_response)

    def _on_response(self, response) -> None:
        request = response.request
        kind = request.resource_type
        if kind not in KEYED_TYPES:
            return
        try:
            if kind == "document" and request.frame == self.page.main_frame:
                return  # the main document is digested from goto's own response
        except Exception:  # a service worker's request has no frame
            pass
        if request.method != "GET":
            self.cacheable = False
            return
        if 300 <= response.status < 400:
            return  # the hop's target arrives as its own response
        headers = {k: v for k, v in request.headers.items()
                   if k in REPLAYED_HEADERS or k.startswith("x-")}
        entry = {"type": kind, "digest": None, "headers": headers}
        self.resources[request.url] = entry
        self._tasks.append(asyncio.ensure_future(self._digest(response, entry, kind)))

    async def _digest(self, response, entry: dict, kind: str) -> None:
        url = response.url
        known = self.memo.get(url) if kind in ("script", "stylesheet") else None
        if known:
            entry["digest"] = known
            return
        try:
            entry["digest"] = resource_digest(response.status, await response.body())
            self.memo.put(url, entry["digest"])
        except Exception:
            self.cacheable = False  # the browser did not keep the body: this render cannot be keyed

    async def finish(self) -> None:
        self.page.remove_listener("response", self._on_response)
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def digests(self) -> dict[str, str] | None:
        if not self.cacheable or any(e["digest"] is None for e in self.resources.values()):
            return None
        return {url: e["digest"] for url, e in self.resources.items()}


def resource_digest(status: int, body: bytes) -> str:
    return sha256(f"{status}\n".encode("utf-8") + body)


async def fetch_digest(request, url: str, headers: dict | None = None,
                       timeout_ms: int = FETCH_TIMEOUT_MS) -> tuple[str, int, bytes]:
    """(final URL, status, body) of a GET through a Playwright APIRequestContext; raises on network errors."""
    response = await request.get(url, headers=headers or None, timeout=timeout_ms, max_redirects=20,
                                 fail_on_status_code=False)
    try:
        return response.url, response.status, await response.body()
    finally:
        try:
            await response.dispose()
        except Exception:
            pass


class SiteState:
    """A digest of every record a run writes, as fetched: order-free (workers finish in any order) and of
    constant size however large the site. An audited record without a content key (a page the cache could
    not key) means the site cannot be vouched for as a whole."""

    def __init__(self):
        self.total = 0
        self.count = 0
        self.vouched = True

    def add(self, url: str, lang: str | None, mode: str, outcome: str, status: int | None,
            key: str | None) -> None:
        if outcome == "audited" and not key:
            self.vouched = False
        basis = json.dumps([normalise_url(url), lang, mode, outcome, status, key], separators=(",", ":"))
        self.total = (self.total + int(sha256(basis.encode("utf-8")), 16)) % (1 << 256)
        self.count += 1

    def key(self, print_: str) -> str | None:
        if not (self.vouched and self.count):
            return None
        return fingerprint({"fingerprint": print_, "records": self.count, "sum": f"{self.total:064x}"})


class PageCache:
    def __init__(self, root: Path, fingerprint_: str):
        self.root = Path(root)
        self.pages_dir = self.root / "pages"
        self.fingerprint = fingerprint_
        self.memo = Memo()
        self.hits = 0
        self.misses = 0
        self.stored = 0
        self.site_reused: list[str] = []  # site gatherers whose result was taken from the cache

    def create(self) -> "PageCache":
        self.pages_dir.mkdir(parents=True, exist_ok=True)
        return self

    def _path(self, record_key: str) -> Path:
        return self.pages_dir / f"{record_key}.json"

    def lookup(self, record_key: str) -> dict | None:
        """The stored entry for a record, if it was made by the same tool, browser and settings."""
        try:
            entry = json.loads(self._path(record_key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if entry.get("cache_version") != CACHE_VERSION or entry.get("fingerprint") != self.fingerprint:
            return None
        return entry

    async def current_key(self, entry: dict, request, timeout_ms: int) -> str | None:
        """The content key of what the site serves now for `entry`'s page; None if it cannot be had."""
        try:
            final_url, status, body = await fetch_digest(request, entry["document"]["url"], None, timeout_ms)
            resources = {}
            for res in entry.get("resources", []):
                url = res["url"]
                digest = self.memo.get(url)
                if digest is None:
                    _, r_status, r_body = await fetch_digest(request, url, res.get("headers"), timeout_ms)
                    digest = resource_digest(r_status, r_body)
                    self.memo.put(url, digest)
                resources[url] = digest
        except Exception:
            return None
        return content_key(self.fingerprint, document_digest(final_url, status, body), resources)

    def record_of(self, entry: dict) -> PageRecord:
        return PageRecord.from_dict(entry["record"])

    def put(self, record: PageRecord, key: str, document_url: str,
            resources: dict[str, dict]) -> None:
        """Stores an audited record under its content key (the record as written to the run's journal)."""
        entry = {"cache_version": CACHE_VERSION, "fingerprint": self.fingerprint, "content_key": key,
                 "stored_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                 "document": {"url": document_url},
                 "resources": [{"url": u, "type": r["type"], "headers": r.get("headers") or {}}
                               for u, r in sorted(resources.items())],
                 "record": record.to_dict()}
        if _write_atomically(self._path(record.key), entry):
            self.stored += 1

    def site_artifact(self, name: str, site_key: str) -> Any | None:
        """A site gatherer's stored result for the same site state, tool and settings; None if none."""
        try:
            entry = json.loads((self.root / "site" / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (entry.get("cache_version") != CACHE_VERSION or entry.get("fingerprint") != self.fingerprint
                or entry.get("site_key") != site_key):
            return None
        self.site_reused.append(name)
        return entry.get("data")

    def put_site_artifact(self, name: str, site_key: str, data: Any) -> None:
        entry = {"cache_version": CACHE_VERSION, "fingerprint": self.fingerprint, "site_key": site_key,
                 "stored_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(), "data": data}
        _write_atomically(self.root / "site" / f"{name}.json", entry)

    def facts(self) -> dict:
        return {"dir": str(self.root), "hits": self.hits, "misses": self.misses, "stored": self.stored,
                "site_reused": sorted(self.site_reused)}


def _write_atomically(path: Path, entry: dict) -> bool:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        return True
    except (OSError, ValueError):  # a full disk or an unencodable string: the run goes on uncached
        try:
            tmp.unlink()
        except OSError:
            pass
        return False


def default_cache_dir(target: str, base: Path = Path("reports") / ".cache") -> Path:
    from urllib.parse import urlsplit
    import re

    parts = urlsplit(target)
    slug = re.sub(r"[^a-zA-Z0-9.-]+", "-", f"{parts.hostname or 'site'}-{parts.port or ''}").strip("-")
    return base / (slug or "site")
