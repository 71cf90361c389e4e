"""A document published as a picture: a PDF with no text layer, or a page whose text is an image."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._sections import content_segments
from ._targets import site_data, target_of

MIN_DOC_IMAGE_PX = (560, 700)  # width, height: a page shown at a readable size (portraits of officials are smaller)
PAGE_RATIO = (1.2, 1.6)  # height / width: A4 is 1.41, US letter 1.29
TEXT_BESIDE_IMAGE_CHARS = 200  # less text than this beside it: the image is the content


def _doc_verdict(doc: dict) -> tuple[str, str] | None:
    if doc.get("type") != "pdf" or not doc.get("pages_read"):
        return None  # not a PDF, not fetched, too large or unreadable: nothing to judge
    read, scanned = doc["pages_read"], doc.get("scanned_pages", 0)
    if not doc.get("has_text_layer"):
        return ("violation", "scanned") if doc.get("pages_with_images") else ("incomplete", "no_text")
    if scanned * 2 >= read:
        return "violation", "mostly_scanned"
    if scanned:
        return "incomplete", "some_scanned"
    return None


def _document_image(page) -> tuple[dict, int] | None:
    """A tall, large image in the page's content with little text beside it: a scan shown as a picture."""
    segs = content_segments(page)
    regions = {s.get("region") for s in segs} or {"main", "body"}
    text = sum(len(re.sub(r"\s+", "", s.get("text") or "")) for s in segs if s.get("kind") != "heading")
    if text >= TEXT_BESIDE_IMAGE_CHARS:
        return None
    for img in (page.get("dom") or {}).get("images", []):
        x, y, w, h = (img.get("bbox") or [0, 0, 0, 0])[:4]
        if (img.get("visible") and img.get("region") in regions and w >= MIN_DOC_IMAGE_PX[0]
                and h >= MIN_DOC_IMAGE_PX[1] and PAGE_RATIO[0] <= h / w <= PAGE_RATIO[1]
                and img.get("natural_width")):
            return img, text
    return None


@register
class ScannedDocument(Check):
    """PDFs from the `documents` site artifact: no text layer on any page while pages carry images is a
    scan (violation); half the pages or more scanned is a violation too; a few scanned pages, or no text and
    no images, is "incomplete". One finding per page x document, at the link to it (the document's URL in
    `related`). Pages: an image shaped like a sheet of paper (height 1.2-1.6 times the width) of at least
    560x700 px in the content, with under 200 characters of text beside it, is a page shown as a picture
    ("incomplete": a person confirms it is text)."""

    id = "scanned-document"
    tags = ("wcag111", "wcag145", "kz:order-124", "kz:st-rk-2191")
    impact = "serious"
    scope = "page"
    requires = ("dom",)
    why = ("A scanned document is a picture: a screen reader reads nothing, search finds nothing, it cannot "
           "be enlarged without blurring. Order 124-НҚ requires documents as hypertext and as files.")
    messages = {
        "title": {"en": "Document published as a picture", "ru": "Документ опубликован как изображение",
                  "kk": "Құжат сурет ретінде жарияланған"},
        "why": {
            "en": why,
            "ru": "Отсканированный документ — это картинка: программа экранного доступа ничего не прочитает, поиск "
                  "ничего не найдёт, при увеличении текст расплывается. Приказ № 124-НҚ требует публиковать "
                  "документы в виде гипертекста и в виде файлов.",
            "kk": "Сканерленген құжат — сурет: экраннан оқу бағдарламасы ештеңе оқымайды, іздеу ештеңе таппайды, "
                  "үлкейткенде мәтін бұлыңғыр болады. № 124-НҚ бұйрық құжаттарды гипермәтін және файл түрінде "
                  "жариялауды талап етеді.",
        },
        "fix": {
            "en": "Publish the document as text: a PDF saved from the original file (with a text layer), and its "
                  "text on the page.",
            "ru": "Опубликуйте документ текстом: PDF, сохранённый из исходного файла (с текстовым слоем), и его "
                  "текст на странице.",
            "kk": "Құжатты мәтін ретінде жариялаңыз: бастапқы файлдан сақталған PDF (мәтін қабаты бар) және оның "
                  "мәтіні бетте.",
        },
        "scanned": {
            "en": "The PDF {target} is a scan: its {pages} page(s) are images with no text layer.",
            "ru": "PDF {target} — скан: его страницы ({pages}) — изображения без текстового слоя.",
            "kk": "{target} PDF құжаты — скан: оның беттері ({pages}) мәтін қабатынсыз суреттер.",
        },
        "mostly_scanned": {
            "en": "The PDF {target} is mostly a scan: {scanned} of {pages} page(s) read carry no text.",
            "ru": "PDF {target} в основном скан: на {scanned} из {pages} прочитанных страниц нет текста.",
            "kk": "{target} PDF құжаты негізінен скан: оқылған {pages} беттің {scanned} бетінде мәтін жоқ.",
        },
        "some_scanned": {
            "en": "The PDF {target} has {scanned} scanned page(s) out of {pages} read.",
            "ru": "В PDF {target} отсканированных страниц: {scanned} из {pages} прочитанных.",
            "kk": "{target} PDF құжатында оқылған {pages} беттің {scanned} беті сканерленген.",
        },
        "no_text": {
            "en": "The PDF {target} has no extractable text: check that it is readable.",
            "ru": "В PDF {target} нет извлекаемого текста: проверьте, что его можно прочитать.",
            "kk": "{target} PDF құжатынан мәтін алынбайды: оның оқылатынын тексеріңіз.",
        },
        "image_page": {
            "en": "This page shows its content as an image ({target}) with almost no text.",
            "ru": "Содержание этой страницы дано изображением ({target}) почти без текста.",
            "kk": "Бұл беттің мазмұны суретпен берілген ({target}), мәтіні жоқтың қасы.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        yield from self._documents(ctx)
        for page in ctx.audited("normal"):
            found = _document_image(page)
            if found:
                img, text = found
                url = target_of(img.get("src")) or img.get("src") or ""
                yield self.finding(page=page, selector=img.get("selector"), key="image_page", outcome="incomplete",
                                   args={"target": url}, content_key=url, related=[url],
                                   evidence={"src": url, "bbox": img.get("bbox"), "alt": img.get("alt"),
                                             "text_chars": text})

    def _documents(self, ctx) -> Iterable[Finding]:
        docs = site_data(ctx, "documents", "documents")
        judged = {url: _doc_verdict(doc) for url, doc in docs.items()}
        for page in ctx.audited("normal"):
            seen = set()
            for link in (page.get("dom") or {}).get("links", []):
                url = target_of(link.get("href"))
                if not url or url in seen or not judged.get(url):
                    continue
                seen.add(url)
                (outcome, key), doc = judged[url], docs[url]
                yield self.finding(
                    page=page, selector=link.get("selector"), key=key, outcome=outcome, content_key=url,
                    args={"target": url, "pages": doc.get("pages_read") or doc.get("pages"),
                          "scanned": doc.get("scanned_pages", 0)},
                    related=[url],
                    evidence={"document": url, "link_text": (link.get("text") or "")[:120],
                              "pages": doc.get("pages"), "pages_read": doc.get("pages_read"),
                              "pages_with_text": doc.get("pages_with_text"),
                              "pages_with_images": doc.get("pages_with_images"),
                              "text_chars": doc.get("text_chars"), "title": doc.get("title")})
