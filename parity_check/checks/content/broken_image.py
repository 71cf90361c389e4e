"""An image on a page does not show: its source answers 4xx/5xx or nothing, or the browser could not
decode what came back."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._targets import Targets, target_of, verdict


def _decode_failure(img: dict, entry: dict | None) -> tuple[str, str] | None:
    """The browser finished loading the image and got no picture (complete, natural width 0)."""
    if not (img.get("complete") and not img.get("natural_width")):
        return None
    ctype = (entry or {}).get("content_type") or ""
    if ctype == "image/svg+xml":
        return "incomplete", "undecodable"  # an SVG without intrinsic size can report width 0 and still show
    if ctype and not ctype.startswith("image/"):
        return "violation", "not_image"  # typically an HTML error page served with 200
    return "violation", "undecodable"


@register
class BrokenImage(Check):
    """For every image of every audited page (normal mode): broken when the `links` artifact says its
    source answers 4xx/5xx or nothing, or when the page recorded it as loaded with no picture (complete
    with natural width 0: an error page or damaged bytes where an image should be). One finding per page
    x image source, at the image's selector."""

    id = "broken-image"
    tags = ("kz:order-124",)
    impact = "moderate"
    scope = "page"
    requires = ("dom",)
    why = ("A broken image leaves a hole in the page, and a broken logo or banner link (the study's "
           "\"Халықтық IPO\" logo) hides what it pointed to.")
    messages = {
        "title": {"en": "Broken image", "ru": "Изображение не загружается",
                  "kk": "Сурет жүктелмейді"},
        "why": {
            "en": why,
            "ru": "Незагружающееся изображение оставляет пустое место на странице, а неработающий логотип или "
                  "баннер (как логотип «Народное IPO» в исследовании) скрывает то, на что он указывал.",
            "kk": "Жүктелмеген сурет бетте бос орын қалдырады, ал жұмыс істемейтін логотип немесе баннер "
                  "(зерттеудегі «Халықтық IPO» логотипі сияқты) өзі көрсеткен нәрсені жасырады.",
        },
        "fix": {
            "en": "Restore the image file at its address (or correct the address); remove images that are no "
                  "longer needed.",
            "ru": "Восстановите файл изображения по его адресу (или исправьте адрес); удалите ненужные изображения.",
            "kk": "Сурет файлын өз мекенжайында қалпына келтіріңіз (немесе мекенжайды түзетіңіз); қажетсіз "
                  "суреттерді алып тастаңыз.",
        },
        "status": {
            "en": "The image {target} does not load: HTTP {status}.",
            "ru": "Изображение {target} не загружается: HTTP {status}.",
            "kk": "{target} суреті жүктелмейді: HTTP {status}.",
        },
        "no_answer": {
            "en": "The image {target} does not load: the server does not answer ({error}).",
            "ru": "Изображение {target} не загружается: сервер не отвечает ({error}).",
            "kk": "{target} суреті жүктелмейді: сервер жауап бермейді ({error}).",
        },
        "not_image": {
            "en": "The image {target} does not show: the server sends {content_type}, not a picture.",
            "ru": "Изображение {target} не отображается: сервер отдаёт {content_type}, а не картинку.",
            "kk": "{target} суреті көрсетілмейді: сервер сурет емес, {content_type} жібереді.",
        },
        "undecodable": {
            "en": "The image {target} does not show: the browser cannot decode it.",
            "ru": "Изображение {target} не отображается: браузер не может его декодировать.",
            "kk": "{target} суреті көрсетілмейді: браузер оны оқи алмайды.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        targets = Targets(ctx)
        for page in ctx.audited("normal"):
            seen = set()
            for img in (page.get("dom") or {}).get("images", []):
                url = target_of(img.get("src"))
                if not url or url in seen:
                    continue
                seen.add(url)
                entry = targets.entry(url)
                internal = targets.internal(url, entry)
                if targets.network_failure(entry, internal):
                    continue  # the page could not load it either, for the same reason: our network
                judged = verdict(entry, internal) or _decode_failure(img, entry)
                if judged and not internal and not entry:
                    judged = ("incomplete", judged[1])  # another site's image, seen broken in the page only
                if not judged:
                    continue
                outcome, key = judged
                entry = entry or {}
                yield self.finding(
                    page=page, selector=img.get("selector"), key=key, outcome=outcome, content_key=url,
                    args={"target": url, "status": entry.get("status"), "error": (entry.get("error") or "")[:120],
                          "content_type": entry.get("content_type") or "?"},
                    related=[url],
                    evidence={"src": url, "alt": img.get("alt"), "status": entry.get("status"),
                              "error": entry.get("error"), "content_type": entry.get("content_type"),
                              "complete": img.get("complete"), "natural_width": img.get("natural_width"),
                              "internal": internal})
