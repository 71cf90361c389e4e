"""An attachment in one language version of a page and not in another; or a version that links another
language's file (the Kazakh page offering the Russian PDF)."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ...not_found import OUTCOME as NOT_FOUND
from ...parity import CONFIDENT, align
from ...parity.absence import absences, own_page_missing
from ...parity.alignment import GroupAlignment
from ...parity.items import Document
from ..base import Check, CheckContext, register
from .common import SOURCE_ORDER, item_facts, lang_args


@register
class MissingDocument(Check):
    """Attachments (PDF, DOC, XLS...) are paired across versions by their file (same URL, same name once a
    language marker such as `_ru`/`_kaz` is removed, same size) and by the item they sit in (a table row's
    date and number). Reported: an attachment with no counterpart in a version that exists; a file whose
    name or folder marks another language (`decree_ru.pdf` on the Kazakh page); and the very same file
    linked from two versions, which is a violation where the site otherwise publishes a file per language
    and a matter for review where it does not (the file may be bilingual).

    A document's own page (its other versions offer a file and tell no story) that is missing in a
    language (404, or a page that says "not found") is one missing document, reported on that page with
    the versions that exist and the lists that show it; those lists' rows are not reported again, and
    nothing is reported about the labels of a page that does not exist."""

    id = "missing-document"
    tags = ("kz:order-124", "kz:law-access-to-information-art16", "kz:constitution-art7")
    impact = "serious"
    scope = "language"
    requires = ("dom",)
    why = ("The study found language versions without their documents (no downloadable documents in "
           "English on mz.gov.kz); a reader of that version cannot get the act, report or form at all, or "
           "gets it only in a language they may not read.")
    messages = {
        "missing": {
            "en": "The document '{label}' ({file}) of the {source_name} version is missing from this {lang_name} version.",
            "ru": "Документ «{label}» ({file}) есть в версии «{source_ru}», но отсутствует в версии «{lang_ru}».",
            "kk": "«{label}» құжаты ({file}) {source_kk} нұсқасында бар, ал {lang_kk} нұсқасында жоқ.",
        },
        "missing_page": {
            "en": "The document '{label}' ({file}) of the {source_name} version has no {lang_name} version: its "
                  "page here does not exist ({why}).",
            "ru": "Документ «{label}» ({file}) есть в версии «{source_ru}», но его версии на языке «{lang_ru}» нет: "
                  "страница не существует ({why}).",
            "kk": "«{label}» құжаты ({file}) {source_kk} нұсқасында бар, ал {lang_kk} нұсқасы жоқ: бет жоқ ({why}).",
        },
        "other_language_file": {
            "en": "This {lang_name} version links the {file_lang_name} file {file}.",
            "ru": "Версия «{lang_ru}» ссылается на файл на языке «{file_lang_ru}»: {file}.",
            "kk": "{lang_kk} нұсқасы басқа тілдегі файлға сілтеме береді ({file_lang_kk}): {file}.",
        },
        "same_file": {
            "en": "This {lang_name} version links the same file as the {other_name} version: {file}.",
            "ru": "Версия «{lang_ru}» ссылается на тот же файл, что и версия «{other_ru}»: {file}.",
            "kk": "{lang_kk} нұсқасы {other_kk} нұсқасымен бірдей файлға сілтеме береді: {file}.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        alignment = align(ctx)
        for ga in alignment.groups:
            yield from self._missing_pages(ctx, ga)
            if len(ga.pages) >= 2:
                yield from self._missing(ga, alignment.broken, ctx.index)
                yield from self._shared_files(ga)
            yield from self._other_language_files(ga, ctx.languages)

    def _missing_pages(self, ctx: CheckContext, ga: GroupAlignment) -> Iterable[Finding]:
        for gone in absences(ga, ctx.index, ctx.languages, SOURCE_ORDER):
            if not gone.documents:
                continue  # not a document's page: missing-language-version reports it
            doc = gone.documents[0]
            verdict = ctx.index.not_found.get(gone.record.key)
            yield self.finding(
                page=gone.record, key="missing_page", content_key=f"doc:{doc.name_key or doc.url_key}",
                related=gone.related, outcome="violation",
                args={**lang_args(lang=gone.lang, source=gone.source), "label": (gone.label or doc.text)[:100],
                      "file": doc.href.rsplit("/", 1)[-1],
                      "why": verdict.detail if verdict else gone.why},
                evidence={"documents": [d.href for d in gone.documents][:5], "present_in": sorted(gone.present),
                          "listed_on": gone.listed_on, "status": gone.record.status,
                          "not_found": verdict.reason if verdict else None,
                          "why_absent": "the page of this document in this language does not exist"
                                        if gone.record.outcome == NOT_FOUND else f"HTTP {gone.record.status}"})

    def _missing(self, ga: GroupAlignment, broken: set[str], index) -> Iterable[Finding]:
        for cluster in ga.clusters:
            # a link to a file that does not open is broken-link's finding, not a document to translate
            holders = {lang: [d for it in items for d in it.documents if d.href not in broken]
                       for lang, items in cluster.items.items()}
            with_docs = [l for l in SOURCE_ORDER if holders.get(l)]
            if not with_docs:
                continue
            source = with_docs[0]
            doc = holders[source][0]
            item = cluster.items[source][0]
            for lang, page in ga.pages.items():
                if holders.get(lang):
                    continue
                if _on_page(holders[source], page.documents):
                    continue  # the file is on the page, outside the paired item
                if any(own_page_missing(it, lang, index) for items in cluster.items.values() for it in items):
                    continue  # its own page is missing in this language too: reported there
                in_row = lang in cluster.langs  # the row is there but without its file
                best = max(cluster.pairs, key=lambda p: p.score, default=None)
                yield self.finding(
                    page=page.record, key="missing", content_key=f"doc:{doc.name_key or doc.url_key}",
                    related=[ga.pages[l].record.url for l in with_docs],
                    outcome="violation",
                    args={**lang_args(lang=lang, source=source), "label": (item.label or doc.text)[:100],
                          "file": doc.href.rsplit("/", 1)[-1]},
                    evidence={"document": doc.href, "present_in": with_docs, "item": item_facts(item),
                              "row_present_without_file": in_row,
                              "pairing_score_among_present": best.score if best else None,
                              "why_absent": "no link to the same file, the same file name (language marker "
                                            "removed) or the same size in this version"})

    def _shared_files(self, ga: GroupAlignment) -> Iterable[Finding]:
        per_language_files = _publishes_per_language(ga)
        everywhere = set.intersection(*({d.href for d in page.documents} for page in ga.pages.values()))
        done = set()
        for cluster in ga.clusters:
            for pair in sorted(cluster.pairs, key=lambda p: -p.score):
                shared = {d.href for d in pair.a.documents} & {d.href for d in pair.b.documents}
                for href in sorted(shared):
                    doc = next(d for d in pair.a.documents if d.href == href)
                    if doc.marker:
                        continue  # the file name says its language: other_language_file judges it
                    if href in everywhere and not per_language_files:
                        continue  # one file for every version, on a site that never splits them: bilingual
                    source, copy = sorted((pair.a.lang, pair.b.lang), key=SOURCE_ORDER.index)
                    if (copy, href) in done:
                        continue
                    done.add((copy, href))
                    page = ga.pages[copy]
                    yield self.finding(
                        page=page.record, key="same_file", content_key=f"same:{href}",
                        related=[ga.pages[source].record.url],
                        outcome="violation" if per_language_files and pair.score >= CONFIDENT else "incomplete",
                        args={**lang_args(lang=copy, other=source), "file": href.rsplit("/", 1)[-1]},
                        evidence={"document": href, "pairing_score": pair.score, "matched": pair.evidence,
                                  "site_publishes_a_file_per_language": per_language_files})

    def _other_language_files(self, ga: GroupAlignment, languages) -> Iterable[Finding]:
        for lang, page in ga.pages.items():
            seen = set()
            for doc in page.documents:
                if not doc.marker or doc.marker == lang or doc.marker not in languages or doc.href in seen:
                    continue
                seen.add(doc.href)
                counterpart = ga.pages.get(doc.marker)
                yield self.finding(
                    page=page.record, key="other_language_file", content_key=f"lang:{doc.href}",
                    related=[counterpart.record.url] if counterpart else [],
                    args={**lang_args(lang=lang, file_lang=doc.marker), "file": doc.href.rsplit("/", 1)[-1]},
                    evidence={"document": doc.href, "marker": doc.marker,
                              "why": f"the file name or folder marks it as '{doc.marker}'"})


def _on_page(docs: list[Document], page_docs: list[Document]) -> bool:
    urls = {d.url_key for d in page_docs}
    names = {d.name_key for d in page_docs if len(d.name_key) >= 3}
    return any(d.url_key in urls or (len(d.name_key) >= 3 and d.name_key in names) for d in docs)


def _publishes_per_language(ga: GroupAlignment) -> bool:
    """Do paired attachments elsewhere on these pages point to different files per language?"""
    for cluster in ga.clusters:
        for pair in cluster.pairs:
            a = {d.href for d in pair.a.documents}
            b = {d.href for d in pair.b.documents}
            if a and b and not (a & b):
                return True
    return False
