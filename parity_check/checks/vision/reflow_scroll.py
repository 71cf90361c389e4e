"""Text that needs horizontal scrolling, or is lost, in a 320 CSS px wide window (a 1280 px screen at 400%)."""
from __future__ import annotations

from ..base import register
from ._shared import KZ_STANDARD
from ._views import LOSS_MESSAGES, ViewCheck


@register
class ReflowScroll(ViewCheck):
    """In the `narrow` view (viewport 320 x 256 CSS px): text running past the right edge of the window, so
    that each line must be scrolled sideways to read (`offscreen`) or cannot be reached at all because the
    page does not scroll (`cut-off`); and text the narrow layout cuts off, hides or piles up. Tables, code,
    maps, images and media, which WCAG 1.4.10 lets scroll both ways, do not count, nor does text that was
    off screen or clipped before (a carousel's other slides, skip links). Both modes; at most ten a page."""

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
            "en": "{view_en}: this text runs {overflow} px past the right edge and must be scrolled sideways "
                  "to read: \"{text}\".",
            "ru": "{view_ru}: текст выходит за правый край окна на {overflow} px, его приходится прокручивать "
                  "по горизонтали: «{text}».",
            "kk": "{view_kk}: мәтін терезенің оң жиегінен {overflow} px шығып кетеді, оны оқу үшін көлденең "
                  "айналдыру керек: «{text}».",
        },
        "cut-off": {
            "en": "{view_en}: this text runs {overflow} px past the edge of the window and cannot be scrolled "
                  "to: \"{text}\".",
            "ru": "{view_ru}: текст выходит за край окна на {overflow} px, и до него нельзя докрутить: «{text}».",
            "kk": "{view_kk}: мәтін терезе жиегінен {overflow} px шығып кетеді, оған айналдырып жету мүмкін "
                  "емес: «{text}».",
        },
        **LOSS_MESSAGES,
    }
