"""Pages that do not exist, though they answered 200: the one "not found" detector.

Single-page platforms (gov.kz) answer every URL with their application shell; when an item has no version in
a language, the app asks its API, gets 404 or nothing, and renders its "not found" view. Such a page is not a
page of the site with little text: it is a page that does not exist. The crawl records what the browser saw
(gather once); this module decides, offline and for every consumer alike (the checks, the score, the
coverage, the exit code), which audited records are really "not found" and why:

  text      the title, the main heading, or a short main region consists mainly of a not-found text
            (data set `not_found_texts`: the platform's and common wordings in kk, ru and en)
  api       a fetch/XHR call carrying the page's own identifier (its numeric id or slug) answered 404/410
            or an empty body, and the main region shows no content of its own (the `api` artifact)
  template  the main region is the site's own not-found page for that language, learned once per
            language from an address that cannot exist (the `not_found` site artifact)

`NotFoundDetector.from_run(data, site)` builds the detector; `mark(records, detector)` turns each audited
record judged not found into outcome "not_found" with the reason in `error`, before any check reads the
records (checks.SiteIndex does it, and keeps the verdicts as `index.not_found`), so no check ever audits
such a page. A language version that is not found is a missing version: the parity and language
checks report it once (missing-language-version, or missing-document when the page is a document's).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import parse_qsl, urlsplit

from rapidfuzz import fuzz

OUTCOME = "not_found"
# Statuses of an API call that say the thing asked for does not exist.
MISSING_STATUSES = (404, 410)
EMPTY_BODY_BYTES = 4  # "", [], {}, null: an answer with nothing in it
# A main region this short holds no article, list or document of its own (labels and a heading at most).
CONTENT_FREE_CHARS = 200
MAIN_TEXT_NOT_FOUND_CHARS = 200  # a main region this short that says "not found" is the not-found view
TEMPLATE_MAX_CHARS = 2000  # a learned not-found page longer than this is a real page (the site echoes one)
TEMPLATE_MIN_SIMILARITY = 90  # rapidfuzz ratio between a page's main region and the template
_TITLE_PARTS = re.compile(r"\s+[|–—:·•/-]+\s+|\s*[|–—·•]\s*")
_NUMERIC_ID = re.compile(r"^(?=.*\d)[\w.-]{2,}$", re.U)  # 204, a1b2c3, 2025-03-17-61
_SLUG = re.compile(r"^\w+(?:-\w+){2,}$", re.U)  # nauryz-merekesi-basy
_URL = re.compile(r"https?://\S+|www\.\S+")


def normalise(text: str) -> str:
    """Lower case, ё as е, letters and digits only, single spaces: how texts are compared here."""
    text = unicodedata.normalize("NFC", (text or "").lower()).replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", text, flags=re.U).replace("_", " ").split())


def main_segments(dom: dict) -> list[dict]:
    """The visible text of the page's main region (or, with no main region, of everything but the menus,
    header and footer); attribute texts (alt, title) are not part of it."""
    segs = [s for s in dom.get("segments", []) or []
            if s.get("text") and not str(s.get("kind", "")).startswith("attr:")]
    main = [s for s in segs if s.get("region") == "main"]
    return main or [s for s in segs if s.get("region") == "body"]


def main_text(dom: dict) -> str:
    return " ".join(s["text"] for s in main_segments(dom)).strip()


@dataclass(frozen=True)
class NotFound:
    reason: str  # text | api | template
    detail: str  # one line a person reads: what says so
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def error(self) -> str:
        return f"not found: {self.detail}"


class NotFoundDetector:
    """Decides whether one recorded page is a "not found" page (see the module's docstring)."""

    def __init__(self, texts: dict[str, list[str]] | None = None, templates: dict[str, dict] | None = None):
        phrases = {normalise(t) for ts in (texts or {}).values() for t in ts or ()}
        self.phrases = sorted((p for p in phrases if p), key=len, reverse=True)
        self.templates = {lang: t for lang, t in (templates or {}).items() if usable_template(t)}

    @classmethod
    def from_run(cls, data: dict | None, site: dict | None) -> "NotFoundDetector":
        """From the run's data sets (a profile's, else the shipped ones) and its site artifacts."""
        texts = (data or {}).get("not_found_texts")
        if texts is None:
            from .config.datasets import shipped
            texts = shipped("not_found_texts")
        learned = ((site or {}).get("not_found") or {})
        return cls(texts, learned.get("templates") if isinstance(learned, dict) else None)

    # -- the three signs ---------------------------------------------------------------------------------
    def judge(self, record: Any) -> NotFound | None:
        if record.outcome != "audited":
            return None
        dom = record.get("dom") or {}
        if not dom:
            return None
        return self._by_text(dom) or self._by_api(record, dom) or self._by_template(record, dom)

    def says_not_found(self, text: str, whole: bool = False) -> str | None:
        """The not-found phrase `text` consists mainly of (at least half of it), else None. With `whole`, a
        longer text (a short main region) needs only to contain a phrase of two words or more."""
        norm = normalise(text)
        if not norm:
            return None
        for phrase in self.phrases:
            if phrase.isdigit():
                if not whole and re.match(re.escape(phrase) + r"(?!\d)", norm):
                    return phrase
                continue
            if not re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", norm):
                continue
            if len(norm) <= 2 * len(phrase) or (whole and " " in phrase):
                return phrase
        return None

    def _by_text(self, dom: dict) -> NotFound | None:
        title = dom.get("title") or ""
        for part in [p for p in _TITLE_PARTS.split(title) if p.strip()]:
            phrase = self.says_not_found(part)
            if phrase:
                return NotFound("text", f"the page title says “{title.strip()[:80]}”",
                                {"where": "title", "text": title[:200], "phrase": phrase})
        for seg in _headings(dom):
            phrase = self.says_not_found(seg["text"])
            if phrase:
                return NotFound("text", f"its main heading says “{seg['text'].strip()[:80]}”",
                                {"where": "heading", "selector": seg.get("selector"), "text": seg["text"][:200],
                                 "phrase": phrase})
        text = main_text(dom)
        if len(text) <= MAIN_TEXT_NOT_FOUND_CHARS:
            phrase = self.says_not_found(text, whole=True)
            if phrase:
                return NotFound("text", f"its main region says “{text[:80]}”",
                                {"where": "main", "text": text, "phrase": phrase})
        return None

    def _by_api(self, record: Any, dom: dict) -> NotFound | None:
        calls = (record.get("api") or {}).get("calls") or []
        if not calls or len(main_text(dom)) > CONTENT_FREE_CHARS:
            return None
        ids = page_identifiers(record.final_url or record.url)
        for call in calls:
            status, size = call.get("status"), call.get("bytes")
            missing = status in MISSING_STATUSES
            empty = status == 204 or (status == 200 and isinstance(size, int) and size <= EMPTY_BODY_BYTES)
            if not (missing or empty) or not _carries(call.get("url") or "", ids):
                continue
            answer = f"HTTP {status}" if missing else "an empty answer"
            return NotFound("api", f"the page's API call {_short(call.get('url'))} answered {answer}",
                            {"call": call, "page_ids": sorted(ids), "main_text_chars": len(main_text(dom))})
        return None

    def _by_template(self, record: Any, dom: dict) -> NotFound | None:
        template = self.templates.get(record.lang or "")
        if not template:
            return None
        text = main_text(dom)
        if same_view(text, template.get("main_text") or "", template.get("url")):
            return NotFound("template", "its main region is the site's “not found” page for this language "
                                        f"(as shown at {template.get('url')})",
                            {"template_url": template.get("url"), "text": text[:200]})
        return None


def usable_template(t: Any) -> bool:
    """A page learned from an address that cannot exist tells "not found" only when the site answered it with
    a page of its own: a 200 (a 404 is recorded as failed already), no redirect elsewhere (to the home page),
    some text but not a whole page of it, and not the page its address was made from."""
    if not isinstance(t, dict) or t.get("error") or t.get("echoes_base"):
        return False
    status, text = t.get("status"), (t.get("main_text") or "").strip()
    return (isinstance(status, int) and status < 400 and not t.get("redirected") and 0 < len(text) <= TEMPLATE_MAX_CHARS)


def same_view(text: str, template_text: str, template_url: str | None = None) -> bool:
    """Is `text` the template's text, once the address it was asked for (which it may echo) is left out?"""
    a, b = _comparable(text, template_url), _comparable(template_text, template_url)
    if not a or not b or not 0.8 <= len(a) / len(b) <= 1.25:
        return False
    return fuzz.ratio(a, b) >= TEMPLATE_MIN_SIMILARITY


def _comparable(text: str, url: str | None) -> str:
    text = _URL.sub(" ", text or "")
    if url:
        for part in [p for p in urlsplit(url).path.split("/") if len(p) >= 4]:
            text = text.replace(part, " ")
    return re.sub(r"\d+", " ", normalise(text)).strip()


def page_identifiers(url: str) -> set[str]:
    """What identifies the item a page shows, as its API would be asked for it: path segments with digits
    (…/details/204), a slug at the end of the path (…/nauryz-merekesi-basy) and the values of an id-like
    query parameter."""
    parts = urlsplit(url)
    segments = [seg for seg in parts.path.split("/") if seg]
    ids = {seg for seg in segments if _NUMERIC_ID.match(seg)}
    if segments and _SLUG.match(segments[-1]):
        ids.add(segments[-1])  # a slug names the item only at the end of the path (not an entity's name)
    ids |= {v for k, v in parse_qsl(parts.query) if k.lower() in ("id", "item", "slug", "news", "doc") and len(v) >= 2}
    return {i for i in ids if not re.fullmatch(r"(19|20)\d\d", i)}  # a bare year names no item


def _carries(call_url: str, ids: Iterable[str]) -> bool:
    return any(re.search(r"(?<![0-9A-Za-z])" + re.escape(i) + r"(?![0-9A-Za-z])", call_url) for i in ids)


def _headings(dom: dict) -> list[dict]:
    """The page's main heading: its h1s in the content, else the first heading of the main region."""
    heads = [s for s in dom.get("segments", []) or [] if s.get("text") and s.get("kind") == "heading"
             and s.get("region") in ("main", "body")]
    h1 = [s for s in heads if s.get("tag") == "h1"]
    return h1 or heads[:1]


def _short(url: str | None) -> str:
    parts = urlsplit(url or "")
    return (parts.path + (f"?{parts.query}" if parts.query else ""))[:120] or "?"


def mark(records: Iterable[Any], detector: NotFoundDetector) -> dict[str, NotFound]:
    """Turns every audited record the detector judges not found into outcome "not_found", the reason in its
    `error`. Returns the verdicts by record key (their evidence, for the findings that cite them)."""
    found = {}
    for record in records:
        verdict = detector.judge(record)
        if verdict is not None:
            record.outcome, record.error = OUTCOME, verdict.error
            found[record.key] = verdict
    return found


def is_missing(record: Any) -> bool:
    """A version that was visited and does not exist: not found, or answered 404/410."""
    return record is not None and (record.outcome == OUTCOME or (record.outcome == "failed"
                                                                 and record.status in MISSING_STATUSES))
