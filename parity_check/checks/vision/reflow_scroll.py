"""Text that needs horizontal scrolling, or is lost, in a 320 CSS px wide window (a 1280 px screen at 400%)."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import CheckContext, register
from ._shared import KZ_STANDARD, view_flags, with_screenshot
from ._texts import texts
from ._views import LOSS_MESSAGES, MAX_PER_PAGE, ViewCheck

OFF_SCREEN = ("offscreen", "cut-off")
EXAMPLES = 5


@register
class ReflowScroll(ViewCheck):
    """In the `narrow` view (viewport 320 x 256 CSS px). Text running past the right edge of the window, so
    that each line must be scrolled sideways to read, or cannot be reached at all because the page does not
    scroll: one finding a page, since one layout is at fault (the widest overflow and the elements it
    affects are in the evidence). And, one finding per element, text the narrow layout cuts off, hides or
    piles up. Tables, code, maps, images and media, which WCAG 1.4.10 lets scroll both ways, do not count,
    nor does text that was off screen or clipped before (a carousel's other slides, skip links). Both
    modes."""

    id = "reflow-scroll"
    tags = ("wcag1410", KZ_STANDARD)
    impact = "serious"
    view = "narrow"
    view_names = {"en": "At 320 px width (400% zoom)", "ru": "При ширине 320 px (масштаб 400%)",
                  "kk": "Ені 320 px болғанда (400% масштаб)"}
    why = ("A reader who zooms to 400% to see the text must not have to scroll sideways along every line "
           "(WCAG 1.4.10); text cut off at that width is lost to them altogether.")
    messages = {
        "offscreen": {
            "en": "{view_en}: the page is {width} px wide and {n} pieces of text run up to {overflow} px past the "
                  "right edge, to be scrolled sideways line by line (first: \"{text}\").",
            "ru": "{view_ru}: ширина страницы {width} px, {n} фрагм. текста выходят за правый край окна на {overflow} "
                  "px, их приходится прокручивать по горизонтали (первый: «{text}»).",
            "kk": "{view_kk}: беттің ені {width} px, мәтіннің {n} бөлігі терезенің оң жиегінен {overflow} px-ке "
                  "дейін шығып кетеді, оларды көлденең айналдырып оқу керек (біріншісі: «{text}»).",
        },
        "cut-off": {
            "en": "{view_en}: {n} pieces of text run up to {overflow} px past the edge of the window and the page "
                  "cannot be scrolled to them (first: \"{text}\").",
            "ru": "{view_ru}: {n} фрагм. текста выходят за край окна на {overflow} px, и до них нельзя докрутить "
                  "(первый: «{text}»).",
            "kk": "{view_kk}: мәтіннің {n} бөлігі терезе жиегінен {overflow} px-ке дейін шығып кетеді, оларға "
                  "айналдырып жету мүмкін емес (біріншісі: «{text}»).",
        },
        **LOSS_MESSAGES,
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited():
            flags = list(view_flags(page, self.view))
            off = [fs for fs in flags if fs[0].get("kind") in OFF_SCREEN]
            if off:
                yield self._off_screen(page, off)
            lost = [fs for fs in flags if fs[0].get("kind") not in OFF_SCREEN]
            lost.sort(key=lambda fs: (-(fs[0].get("hidden_share") or 0), -len(fs[0].get("text") or "")))
            for flag, shot in lost[:MAX_PER_PAGE]:
                finding = self.flag_finding(page, flag, shot, len(lost))
                if finding is not None:
                    yield finding

    def _off_screen(self, page, off: list) -> Finding:
        narrow = (page.get("views") or {}).get("narrow") or {}
        kind = "cut-off" if any(f.get("kind") == "cut-off" for f, _ in off) else "offscreen"
        first = off[0][0]
        widest = max(int(f.get("overflow_px") or 0) for f, _ in off)
        shot = next((s for _, s in off if s), None)
        args = {"n": len(off) + int(narrow.get("more") or 0), "overflow": widest,
                "width": narrow.get("scroll_width"), "text": " ".join((first.get("text") or "").split())[:60],
                **{f"view_{k}": v for k, v in self.view_names.items()}}
        evidence = {"view": self.view, "kind": kind, "scroll_width": narrow.get("scroll_width"),
                    "client_width": narrow.get("client_width"), "widest_overflow_px": widest,
                    "examples": [{k: f.get(k) for k in ("selector", "text", "overflow_px", "bbox")}
                                 for f, _ in off[:EXAMPLES]]}
        return self.finding(page=page, key=kind, args=args, content_key=kind,
                            evidence=with_screenshot(evidence, shot))
