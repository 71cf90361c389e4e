"""A link on a page leads nowhere: its target answers 4xx/5xx or does not answer at all."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding, normalise_url
from ...urls import language_of_url, page_key
from ..base import Check, CheckContext, register
from ._targets import Targets, target_of, verdict


@register
class BrokenLink(Check):
    """Reads the `links` site artifact (every target checked once after the crawl; the crawl's own statuses
    where it is missing) and reports each page x target whose target is broken, at the link's selector.
    The site's own pages and documents failing are violations, and so is an own page that answers 200 but
    that says it does not exist (not_found.py: single-page apps answer 200 and render "not found"), unless
    it is a missing language version of a page that exists, which missing-language-version or
    missing-document report once, on that page; another site answering
    401/403/429 or 5xx, or not answering, is "incomplete": it may only be refusing an automated visitor.
    When the checker could reach no other site at all, other sites not answering are not reported. A link to
    this very page in another language that is missing (the language switcher) is left to the language
    checks (missing-language-version): one cause, one finding."""

    id = "broken-link"
    tags = ("kz:order-124",)
    impact = "serious"
    scope = "page"
    requires = ("dom",)
    why = ("A link that leads to an error page wastes the visitor's time and hides the information it "
           "promised; the study's experts found inactive links on every site they read.")
    messages = {
        "title": {"en": "Broken link", "ru": "Неработающая ссылка",
                  "kk": "Жұмыс істемейтін сілтеме"},
        "why": {
            "en": why,
            "ru": "Ссылка, ведущая на страницу ошибки, отнимает у посетителя время и скрывает обещанную "
                  "информацию; эксперты нашли неработающие ссылки на всех изученных сайтах.",
            "kk": "Қате бетке апаратын сілтеме келушінің уақытын алады және уәде етілген ақпаратты жасырады; "
                  "сарапшылар зерттелген барлық сайттан жұмыс істемейтін сілтемелер тапты.",
        },
        "fix": {
            "en": "Point the link at the page's current address, restore the page, or remove the link.",
            "ru": "Исправьте адрес ссылки на актуальный, восстановите страницу или уберите ссылку.",
            "kk": "Сілтемені беттің қазіргі мекенжайына бағыттаңыз, бетті қалпына келтіріңіз немесе сілтемені алып "
                  "тастаңыз.",
        },
        "status": {
            "en": "The link “{text}” leads to {target}, which answers HTTP {status}.",
            "ru": "Ссылка «{text}» ведёт на {target}, который отвечает HTTP {status}.",
            "kk": "«{text}» сілтемесі {target} мекенжайына апарады, ол HTTP {status} қайтарады.",
        },
        "soft_404": {
            "en": "The link “{text}” leads to {target}, a page that says it does not exist.",
            "ru": "Ссылка «{text}» ведёт на {target} — страницу, которая сообщает, что её не существует.",
            "kk": "«{text}» сілтемесі {target} мекенжайына апарады, ол бет табылмады деп хабарлайды.",
        },
        "no_answer": {
            "en": "The link “{text}” leads to {target}, which does not answer ({error}).",
            "ru": "Ссылка «{text}» ведёт на {target}, который не отвечает ({error}).",
            "kk": "«{text}» сілтемесі {target} мекенжайына апарады, ол жауап бермейді ({error}).",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        targets = Targets(ctx)
        for page in ctx.audited("normal"):
            seen = {normalise_url(page.url)}  # a link to the page itself is no way out of it
            for link in (page.get("dom") or {}).get("links", []):
                url = target_of(link.get("href"))
                if not url or normalise_url(url) in seen or _own_translation(page, url):
                    continue
                seen.add(normalise_url(url))
                entry = targets.entry(url)
                internal = targets.internal(url, entry)
                judged = None if targets.network_failure(entry, internal) else verdict(entry, internal)
                if not judged:
                    continue
                outcome, key = judged
                yield self.finding(
                    page=page, selector=link.get("selector"), key=key, outcome=outcome, content_key=url,
                    impact=None if internal else "moderate",
                    args={"text": (link.get("text") or url)[:80], "target": url, "status": entry.get("status"),
                          "error": (entry.get("error") or "")[:120]},
                    related=[url],
                    evidence={"target": url, "status": entry.get("status"), "error": entry.get("error"),
                              "final_url": entry.get("final_url"), "kind": entry.get("kind"),
                              "internal": internal, "source": entry.get("source")})


def _own_translation(page, url: str) -> bool:
    found = language_of_url(url)
    return bool(found and page.lang and found.lang != page.lang and page_key(url) == page_key(page.url))
