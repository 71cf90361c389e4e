"""The items of a rendered page (news entries, document links, table rows, contact entries, sections), read
from the `dom` artifact, each with the language-neutral facts that let it be recognised in another language.

How items are found: the dom gatherer writes each text segment's selector as a path of `tag.class` steps
with `:nth-of-type(n)` where siblings share a tag. A step with `:nth-of-type` is one member of a repeated
structure; the path up to it is the item, and the same path with the index removed is its container (the
list or table). Where a segment sits in several repeated structures (a paragraph in a list item in a
layout column), the list-like tags win (li, tr, article), then the structure repeated most often. Headings
outside lists start sections. What belongs to no item is the page's running text (its "body").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import unquote, urlsplit

from ..artifacts import PageRecord
from ..urls import code_to_lang, is_document
from .dates import find_dates
from .figures import find_figures
from .pages import page_key

_NTH = re.compile(r":nth-of-type\(\d+\)")
STRONG_ITEM_TAGS = {"li", "tr", "article"}
WEAK_ITEM_TAGS = {"div", "section", "dt", "dd", "a", "figure", "details", "blockquote", "aside"}
CONTENT_REGIONS = {"main", "body"}
SECTION_HEADINGS = {"h2", "h3", "h4"}
_LANG_MARK = re.compile(r"(?:^|[_\-. ()\[\]])(ru|rus|kz|kk|kaz|qaz|en|eng|рус|орыс|каз|қаз|англ)(?=$|[_\-. ()\[\]])",
                        re.I)
_CYRILLIC_MARKS = {"рус": "ru", "орыс": "ru", "каз": "kk", "қаз": "kk", "англ": "en"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMERIC_ID = re.compile(r"(\d{2,})(?!.*\d)")


@dataclass(frozen=True)
class Document:
    """An attachment link: the file's URL, its name with any language marker removed, and that marker."""

    href: str
    url_key: str  # the URL without host and without the site's language part
    name_key: str  # file stem, lower case, language marker removed ("prikaz_124_ru" -> "prikaz_124")
    marker: str | None  # the language the file name or folder says the file is in ("ru" for ..._rus.pdf)
    text: str = ""
    size: int | None = None


@dataclass
class Item:
    page_url: str
    lang: str
    kind: str  # news | document | row | contact | section | entry
    container: str
    selector: str
    position: int = 0
    container_size: int = 1
    texts: list[str] = field(default_factory=list)
    tag: str = ""
    link_ids: set[str] = field(default_factory=set)
    numeric_ids: set[str] = field(default_factory=set)
    documents: list[Document] = field(default_factory=list)
    images: set[str] = field(default_factory=set)
    dates: tuple[dt.date, ...] = ()
    figures: tuple[str, ...] = ()
    emails: set[str] = field(default_factory=set)
    title: str = ""  # the first heading or link text inside the item

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    @property
    def label(self) -> str:
        """A short human label: its title (a heading or link text), else its first wordy text."""
        if self.title:
            return self.title[:120]
        for t in self.texts:
            if len(re.findall(r"[^\W\d_]", t)) >= 8:
                return t[:120]
        return (self.texts[0] if self.texts else (self.documents[0].href if self.documents else ""))[:120]

    @property
    def has_identity(self) -> bool:
        """Does the item carry language-neutral facts another version could be checked for?"""
        return bool(self.link_ids or self.documents or self.images or self.dates or self.emails
                    or len(self.figures) >= 2
                    or any(f.startswith("tel:") or len(f.replace(".", "")) >= 3 for f in self.figures))


@dataclass
class PageItems:
    record: PageRecord
    items: list[Item]
    body: list[dict]  # running-text segments that belong to no item
    documents: list[Document]  # every attachment linked from the content regions

    @property
    def body_text(self) -> str:
        return " ".join(s["text"] for s in self.body if s.get("kind") == "text")


def _steps(selector: str) -> list[str]:
    return [s.strip() for s in (selector or "").split(" > ") if s.strip()]


def _tag(step: str) -> str:
    return re.split(r"[.:#\[]", step, 1)[0].lower()


def _candidates(selector: str) -> list[tuple[str, str, str]]:
    """(item selector, container selector, tag) for every repeated step of a selector path."""
    steps = _steps(selector)
    out = []
    for k, step in enumerate(steps):
        if ":nth-of-type(" in step:
            container = " > ".join(steps[:k] + [_NTH.sub("", step)])
            out.append((" > ".join(steps[:k + 1]), container, _tag(step)))
    return out


def _tag_rank(tag: str) -> int:
    return 2 if tag in STRONG_ITEM_TAGS else 1 if tag in WEAK_ITEM_TAGS else 0


def _item_of(selector: str, sizes: dict[str, set]) -> tuple[str, str, str] | None:
    best, best_rank = None, None
    for k, (item_sel, container, tag) in enumerate(_candidates(selector)):
        rank = _tag_rank(tag)
        if rank == 0:
            continue
        key = (rank, len(sizes.get(container, ())), k)  # k: the inner structure wins a tie
        if best_rank is None or key > best_rank:
            best, best_rank = (item_sel, container, tag), key
    return best


def document_of(href: str, text: str = "", size: int | None = None) -> Document:
    path = urlsplit(href).path
    name = unquote(path.rsplit("/", 1)[-1])
    stem = name.rsplit(".", 1)[0].lower() if "." in name else name.lower()
    marker = None
    m = _LANG_MARK.search(stem)
    if m:
        marker = _CYRILLIC_MARKS.get(m.group(1).lower()) or code_to_lang(m.group(1))
        stem = (stem[:m.start()] + stem[m.end():]).strip("_-. ")
    else:
        folders = [s for s in path.split("/")[1:-1]]
        # a language folder deeper than the site's language prefix (/upload/ru/x.pdf) marks the file
        found = [code_to_lang(s) for s in folders[1:] if len(s) <= 3 and code_to_lang(s)]
        marker = found[0] if found else None
    url_key = urlsplit(page_key(href)).path
    return Document(href=href, url_key=url_key, name_key=stem, marker=marker, text=text, size=size)


def link_identity(href: str) -> str:
    """The target of a link without its host and its language part: /news/123 for /kz/news/123."""
    parts = urlsplit(page_key(href))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _item_kind(item: Item, section_heading: bool) -> str:
    if section_heading:
        return "section"
    if item.documents:
        return "document"
    if item.tag == "tr":
        return "row"
    if any(f.startswith("tel:") for f in item.figures) or item.emails:
        return "contact"
    if item.dates:
        return "news"
    return "entry"


def extract_items(record: PageRecord, target_id: Callable[[str], str] | None = None,
                  sizes: dict[str, int] | None = None) -> PageItems:
    """The items of one audited page. `target_id` maps a link's URL to the identity of the page it leads to
    (the cross-language page group, where the site's URLs differ per language); `sizes` gives attachment
    sizes by URL where a site gatherer measured them."""
    dom = record.get("dom") or {}
    lang = record.lang or ""
    host = urlsplit(record.url).hostname
    own = link_identity(record.url)
    target_id = target_id or link_identity
    sizes = sizes or {}
    segments = [s for s in dom.get("segments", []) if s.get("text") and s.get("region") in CONTENT_REGIONS
                and not str(s.get("kind", "")).startswith("attr:")]
    links = [l for l in dom.get("links", []) if l.get("region") in CONTENT_REGIONS and l.get("href")]
    images = [i for i in dom.get("images", []) if i.get("region") in CONTENT_REGIONS and i.get("src")]

    containers: dict[str, set] = {}
    for sel in [s.get("selector") for s in segments] + [l.get("selector") for l in links]:
        for item_sel, container, _ in _candidates(sel or ""):
            containers.setdefault(container, set()).add(item_sel)

    items: dict[str, Item] = {}
    body: list[dict] = []
    for seg in segments:
        found = _item_of(seg.get("selector") or "", containers)
        if not found:
            body.append(seg)
            continue
        item_sel, container, tag = found
        item = items.get(item_sel)
        if item is None:
            item = items[item_sel] = Item(page_url=record.url, lang=lang, kind="entry", container=container,
                                          selector=item_sel, tag=tag)
        if not item.texts or item.texts[-1] != seg["text"]:
            item.texts.append(seg["text"])
        if not item.title and seg.get("kind") in ("heading", "link") and len(seg["text"]) > 3:
            item.title = seg["text"]

    def owner(selector: str) -> Item | None:
        steps = _steps(selector)
        for k in range(len(steps), 0, -1):
            hit = items.get(" > ".join(steps[:k]))
            if hit:
                return hit
        return None

    all_docs: list[Document] = []
    loose_docs: list[tuple[dict, Document]] = []
    for link in links:
        href = link["href"]
        if urlsplit(href).scheme not in ("http", "https"):
            continue
        holder = owner(link.get("selector") or "")
        if is_document(href):
            doc = document_of(href, link.get("text") or "", sizes.get(href))
            all_docs.append(doc)
            if holder:
                holder.documents.append(doc)
            else:
                loose_docs.append((link, doc))
        elif holder and urlsplit(href).hostname == host:
            ident = target_id(href)
            if ident and ident != own:
                holder.link_ids.add(ident)
                m = _NUMERIC_ID.search(urlsplit(href).path)
                if m:
                    holder.numeric_ids.add(m.group(1))
    for img in images:
        holder = owner(img.get("selector") or "")
        if holder:
            holder.images.add(urlsplit(page_key(img["src"])).path)

    # Attachments outside any list: one item each, in a container of their own.
    for n, (link, doc) in enumerate(loose_docs):
        sel = link.get("selector") or f"a#{n}"
        items[f"{sel}#doc{n}"] = Item(page_url=record.url, lang=lang, kind="document", container="(documents)",
                                      selector=sel, texts=[link.get("text") or ""], tag="a", documents=[doc])

    sections, body = _sections(record, body, lang)
    ordered = list(items.values()) + sections
    by_container: dict[str, list[Item]] = {}
    for item in ordered:
        by_container.setdefault(item.container, []).append(item)
    for group in by_container.values():
        for i, item in enumerate(group):
            item.position, item.container_size = i, len(group)
    for item in ordered:
        # Read each text on its own: two table cells "152" and "154" joined would read as 152 154.
        texts = item.texts + [d.text for d in item.documents if d.text not in item.texts]
        item.dates = tuple(d for t in texts for d in find_dates(t))
        item.figures = tuple(f for t in texts for f in find_figures(t, lang))
        item.emails = {m.lower() for t in texts for m in _EMAIL.findall(t)}
        item.kind = _item_kind(item, item.kind == "section")
    return PageItems(record=record, items=ordered, body=body, documents=all_docs)


def _sections(record: PageRecord, body: list[dict], lang: str) -> tuple[list[Item], list[dict]]:
    """Headings of the running text (h2-h4) with the text that follows each, as section items; and the
    running text before the first such heading, which stays the page's body."""
    out: list[Item] = []
    rest: list[dict] = []
    current: Item | None = None
    for seg in body:
        if seg.get("tag") in SECTION_HEADINGS:
            current = Item(page_url=record.url, lang=lang, kind="section", container="(sections)",
                           selector=seg.get("selector") or "", texts=[seg["text"]], tag=seg.get("tag"))
            out.append(current)
        elif current is not None:
            current.texts.append(seg["text"])
        else:
            rest.append(seg)
    return out, rest
