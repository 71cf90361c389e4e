"""Body text rendered smaller than a person can comfortably read."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register

MAX_PER_PAGE = 10  # the smallest first; the total is in the evidence
# Small print that is allowed to be small: captions, footnotes, copyright lines.
_SMALL_PRINT_TAGS = {"figcaption", "small", "sup", "sub", "caption", "cite", "time"}
_LEGAL_PRINT = re.compile(r"©|copyright|all rights reserved|все права защищены|барлық құқықтар қорғалған", re.I)


@register
class SmallFont(Check):
    """Text segments of the page's body (main or unmarked region; not navigation, header or footer; not
    headings, links, buttons or captions; at least 30 characters, so dates and labels do not count) whose
    computed font size is below `small_font_px` (default 12 px) in the normal mode. One finding per
    element, the smallest first, at most ten a page."""

    id = "small-font"
    tags = ("best-practice",)
    impact = "serious"
    scope = "page"
    requires = ("dom",)
    why = ("The study's experts found text far too small to read on a state body's site; small body text "
           "shuts out older readers and people with low vision who do not use the VI mode.")
    messages = {
        "title": {"en": "Text too small", "ru": "Слишком мелкий текст",
                  "kk": "Мәтін тым ұсақ"},
        "why": {
            "en": why,
            "ru": "Эксперты исследования нашли на сайте государственного органа слишком мелкий текст; мелкий "
                  "основной текст не могут читать пожилые люди и люди со слабым зрением, которые не включают "
                  "версию для слабовидящих.",
            "kk": "Зерттеу сарапшылары мемлекеттік органның сайтынан тым ұсақ мәтін тапты; ұсақ негізгі мәтінді "
                  "егде адамдар мен көзі нашар көретін, бірақ арнайы нұсқаны қоспайтын адамдар оқи алмайды.",
        },
        "fix": {
            "en": "Set body text to at least 16 px (never below 12 px) in the site's stylesheet.",
            "ru": "Задайте в стилях сайта размер основного текста не меньше 16 px (и никогда не меньше 12 px).",
            "kk": "Сайт стильдерінде негізгі мәтіннің өлшемін кемінде 16 px етіп белгілеңіз (ешқашан 12 px-тен кем "
                  "емес).",
        },
        "default": {
            "en": "Body text is rendered at {size} px, below the {min} px minimum.",
            "ru": "Основной текст набран шрифтом {size} px — меньше минимума {min} px.",
            "kk": "Негізгі мәтіннің қаріп өлшемі {size} px, ең аз шектен ({min} px) кіші.",
        },
    }

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        minimum = float(ctx.threshold("small_font_px", 12))
        min_chars = int(ctx.threshold("small_font_min_chars", 30))
        for page in ctx.audited("normal"):
            body = [s for s in (page.get("dom") or {}).get("segments", []) if _is_body_text(s, min_chars)]
            small = sorted((s for s in body if (s.get("font_size") or minimum) < minimum),
                           key=lambda s: (s["font_size"], s.get("selector") or ""))
            if not small:
                continue
            share = round(sum(len(s["text"]) for s in small) / max(1, sum(len(s["text"]) for s in body)), 2)
            for seg in small[:MAX_PER_PAGE]:
                size = round(float(seg["font_size"]), 1)
                yield self.finding(
                    page=page, selector=seg.get("selector"), args={"size": f"{size:g}", "min": f"{minimum:g}"},
                    content_key=seg["text"][:80],
                    evidence={"font_size": size, "text": seg["text"][:120], "tag": seg.get("tag"),
                              "small_elements": len(small), "share_of_body_text": share})


def _is_body_text(seg: dict, min_chars: int) -> bool:
    if seg.get("kind") != "text" or seg.get("region") not in ("main", "body"):
        return False
    if seg.get("tag") in _SMALL_PRINT_TAGS or _LEGAL_PRINT.search(seg.get("text") or ""):
        return False
    bbox = seg.get("bbox") or [0, 0, 1, 1]
    if len(bbox) >= 4 and (bbox[2] <= 0 or bbox[3] <= 0):
        return False
    return len((seg.get("text") or "").strip()) >= min_chars
