"""Documents the pages link to (PDF, Word, Excel...), fetched up to a size cap and looked into: how many
pages, whether a PDF carries a text layer or only pictures of pages (a scan a screen reader cannot read),
the title, a sample of the text, and which language versions link it.

Runs after the crawl and after `links` (this module imports it, so it registers first). A document is a
link with a document extension, one whose crawl visit found no page (a download, or Chromium's PDF
viewer), or a download-looking in-scope link that answers with a document content type. Parsing happens in a thread:
it is CPU work and must not stall the event loop the browser runs on.
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import re
import time
import zipfile
import zlib
from typing import Any, Iterable

from ...models import normalise_url
from ...urls import in_scope
from ..registry import site_gatherer
from .m_links import PoliteFetcher, add_targets, each_in_turn, fetch_guard, host_pacer

MAX_BYTES = 15 * 1024 * 1024
MAX_DOCUMENTS = 300
MAX_SECONDS = 300  # fetching every document; the rest are listed as not fetched
MAX_PAGES_READ = 40  # text is read from the first pages only: enough to tell a scan from a text
TEXT_PAGE_CHARS = 20  # fewer non-space characters than this on a page: a stamp or a page number, not text
SAMPLE_CHARS = 300

DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/rtf": "rtf",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Links without an extension that still look like file downloads on the sites of the study.
_DOWNLOAD_HINT = re.compile(r"download|attachment|getfile|/files?/|/uploads?/|/docs?/|file_id|fileid", re.I)


def doc_type(url: str, content_type: str | None, head: bytes = b"") -> str | None:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return {"xls": "xls", "ppt": "ppt"}.get(_ext(url), "doc")
    if head.startswith(b"PK\x03\x04") and _ext(url) in ("docx", "xlsx", "pptx", "odt", "ods", "zip"):
        return _ext(url)
    if content_type in DOCUMENT_TYPES:
        return DOCUMENT_TYPES[content_type]
    ext = _ext(url)
    return ext if ext in set(DOCUMENT_TYPES.values()) else None


def _ext(url: str) -> str:
    path = url.split("?")[0].split("#")[0].lower()
    return path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""


# -- looking into the bytes -----------------------------------------------------------------------------
def inspect_pdf(data: bytes) -> dict:
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return _scan_pdf(data)
    try:
        return _pypdf_pdf(data)
    except Exception as e:  # a PDF pypdf cannot read may still yield to the plain scan
        out = _scan_pdf(data)
        out["pypdf_error"] = f"{type(e).__name__}: {e}"[:200]
        return out


def _pypdf_pdf(data: bytes) -> dict:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")  # most "protected" state PDFs only restrict printing: empty user password
    meta = reader.metadata
    texts, with_text, with_images, scanned = [], 0, 0, 0
    for page in list(reader.pages)[:MAX_PAGES_READ]:
        text = page.extract_text() or ""
        chars = len(re.sub(r"\s+", "", text))
        images = _count_images(page.get("/Resources"))
        texts.append(text)
        with_text += chars >= TEXT_PAGE_CHARS
        with_images += images > 0
        scanned += images > 0 and chars < TEXT_PAGE_CHARS
    return _pdf_summary(len(reader.pages), min(len(reader.pages), MAX_PAGES_READ), texts, with_text,
                        with_images, scanned, (meta.title if meta else None), "pypdf")


def _count_images(resources, depth: int = 0) -> int:
    """Image XObjects of a page, including those inside form XObjects (two levels: scanners nest them)."""
    try:
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if resources else None
        xobjects = xobjects.get_object() if xobjects is not None else {}
    except Exception:
        return 0
    count = 0
    for ref in xobjects.values():
        obj = ref.get_object()
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            count += 1
        elif subtype == "/Form" and depth < 2:
            count += _count_images(obj.get("/Resources"), depth + 1)
    return count


def _scan_pdf(data: bytes) -> dict:
    """Without pypdf: inflate the streams and look for text-showing operators and image objects."""
    chunks = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    blob = b"\n".join(chunks)
    shown = re.findall(rb"\((.*?)(?<!\\)\)\s*Tj|\[(.*?)\]\s*TJ", blob, re.S)
    text = b" ".join(a or b for a, b in shown).decode("latin-1", "replace")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", blob))
    images = len(re.findall(rb"/Subtype\s*/Image", blob))
    chars = len(re.sub(r"\s+", "", text))
    title = re.search(rb"/Title\s*\((.*?)(?<!\\)\)", data)
    return _pdf_summary(pages, pages, [text], int(chars >= TEXT_PAGE_CHARS), int(images > 0),
                        int(images > 0 and chars < TEXT_PAGE_CHARS),
                        title.group(1).decode("latin-1") if title else None, "scan")


def _pdf_summary(pages, read, texts, with_text, with_images, scanned, title, analyser) -> dict:
    joined = re.sub(r"\s+", " ", " ".join(texts)).strip()
    return {"pages": pages, "pages_read": read, "pages_with_text": with_text, "pages_with_images": with_images,
            "scanned_pages": scanned, "has_text_layer": with_text > 0,
            "text_chars": len(re.sub(r"\s+", "", joined)), "text_sample": joined[:SAMPLE_CHARS],
            "title": str(title).strip() or None if title else None, "analyser": analyser}


_OOXML_TEXT = {"docx": ("word/document.xml",), "xlsx": ("xl/sharedStrings.xml",), "pptx": ("ppt/slides/",)}


def inspect_ooxml(data: bytes, kind: str) -> dict:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        return {"error": f"not a readable {kind}: {e}"}
    names = z.namelist()
    parts = [n for n in names if any(n.startswith(p) for p in _OOXML_TEXT.get(kind, ()))][:200]
    text = " ".join(re.sub(r"<[^>]+>", " ", z.read(n).decode("utf-8", "replace")) for n in parts)
    text = re.sub(r"\s+", " ", text).strip()
    core = z.read("docProps/core.xml").decode("utf-8", "replace") if "docProps/core.xml" in names else ""
    title = re.search(r"<dc:title>(.*?)</dc:title>", core, re.S)
    app = z.read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in names else ""
    pages = re.search(r"<(?:Pages|Slides)>(\d+)<", app)
    return {"pages": int(pages.group(1)) if pages else None, "has_text_layer": bool(text),
            "text_chars": len(re.sub(r"\s+", "", text)), "text_sample": text[:SAMPLE_CHARS],
            "title": title.group(1).strip() if title else None, "analyser": "ooxml"}


def inspect(data: bytes, kind: str | None) -> dict:
    out = {"bytes": len(data), "sha1": hashlib.sha1(data).hexdigest(), "type": kind}
    try:
        if kind == "pdf":
            out.update(inspect_pdf(data))
        elif kind in _OOXML_TEXT:
            out.update(inspect_ooxml(data, kind))
    except Exception as e:  # a damaged file is a finding's evidence, not a crash
        out["parse_error"] = f"{type(e).__name__}: {e}"[:200]
    return out


# -- fetching ------------------------------------------------------------------------------------------
def candidates(pages: Iterable[Any], hosts) -> dict[str, dict]:
    """url -> target info (referrers, langs) for every link that is, or may be, a document. One pass over
    `pages` (an iterator is fine): only the link targets and the URLs of failed visits are kept."""
    # Chromium turns a document into a download (a failed visit with no status) or shows it in its viewer
    # (an audited page with no text and no links): either way the crawl saw no page there.
    crawl_failed: set[str] = set()
    targets: dict[str, dict] = {}
    for p in pages:
        if p.mode == "normal" and ((p.outcome == "failed" and p.status is None) or
                                   (p.outcome == "audited" and _blank(p))):
            crawl_failed.add(normalise_url(p.url))
        add_targets(targets, p)
    out = {}
    for url, t in targets.items():
        if t["kind"] == "document":
            out[url] = t
        elif t["kind"] == "link" and in_scope(url, hosts) and (
                normalise_url(url) in crawl_failed or _DOWNLOAD_HINT.search(url)):
            out[url] = {**t, "maybe": True}
    return out


def _blank(page) -> bool:
    dom = page.get("dom") or {}
    return not dom.get("segments") and not dom.get("links")


async def fetch_document(fetcher: PoliteFetcher, url: str, target: dict, max_bytes: int = MAX_BYTES) -> dict | None:
    head = await fetcher.fetch(url, "HEAD")
    status, ctype = head.get("status"), head.get("content_type")
    if target.get("maybe") and (status is None or status >= 400 or doc_type(url, ctype) is None):
        return None  # a download-looking link that is a page after all (or does not answer: links says)
    entry: dict[str, Any] = {"referrers": target["referrers"], "languages_seen_by_page": sorted(target["langs"]),
                             "status": status, "error": head.get("error"), "content_type": ctype,
                             "final_url": head.get("final_url", url)}
    if head.get("blocked"):
        return {**entry, "blocked": True}
    length = head.get("content_length")
    if status is not None and status < 400 and length and length > max_bytes:
        return {**entry, "too_large": True, "bytes": length}
    got = await fetcher.fetch(url, "GET", headers={"Range": f"bytes=0-{max_bytes - 1}"}, want_body=True)
    entry.update(status=got.get("status"), error=got.get("error"),
                 content_type=got.get("content_type") or ctype, final_url=got.get("final_url", url))
    body = got.get("body")
    if body is None:
        return entry
    total = _range_total(got.get("headers") or {}) if got.get("status") == 206 else len(body)
    if got.get("status") == 206:
        entry["status"] = 200  # the document is there; we asked for its first part only
    if (total or 0) > max_bytes or len(body) > max_bytes:
        return {**entry, "too_large": True, "bytes": total or len(body)}
    kind = doc_type(url, entry["content_type"], body[:8])
    if target.get("maybe") and kind is None:
        return None
    entry.update(await asyncio.to_thread(inspect, body, kind))
    return entry


def _range_total(headers: dict) -> int | None:
    value = headers.get("content-range") or ""
    try:
        return int(value.rsplit("/", 1)[-1])
    except ValueError:
        return None


async def fetch_documents(found: dict[str, dict], fetcher: PoliteFetcher, hosts, max_documents: int = MAX_DOCUMENTS,
                          max_bytes: int = MAX_BYTES, max_seconds: float = MAX_SECONDS) -> dict:
    started = time.monotonic()
    ordered = sorted(found, key=lambda u: (0 if in_scope(u, hosts) else 1, "maybe" in found[u], u))
    kept, over = ordered[:max_documents], ordered[max_documents:]
    docs: dict[str, dict] = {}
    late: list[str] = []

    async def one(url: str) -> None:
        if time.monotonic() - started > max_seconds:
            late.append(url)
            return
        result = await fetch_document(fetcher, url, found[url], max_bytes)
        if result is not None:
            docs[url] = result

    await each_in_turn(kept, one)
    return {"documents": dict(sorted(docs.items())), "max_documents": max_documents, "max_bytes": max_bytes,
            "limit_hit": bool(over), "over_limit": len(over), "time_budget_hit": bool(late),
            "not_fetched_sample": (over + sorted(late))[:50], "seconds": round(time.monotonic() - started, 2)}


@site_gatherer("documents")
async def gather_documents(session, store, plan) -> dict:
    found = candidates(store.iter_pages(), plan.hosts)  # streamed from disk: no record is kept
    ctx = await session.context(None, "probe")
    fetcher = PoliteFetcher(ctx.request, await fetch_guard(session, plan), pacer=host_pacer(plan))
    return await fetch_documents(found, fetcher, plan.hosts)
