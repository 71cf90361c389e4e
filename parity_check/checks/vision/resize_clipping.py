"""Text that is cut off, disappears or overlaps other text when the text is made twice as large."""
from __future__ import annotations

from ..base import register
from ._shared import KZ_STANDARD
from ._texts import texts
from ._views import LOSS_MESSAGES, ViewCheck


@register
class ResizeClipping(ViewCheck):
    """In the `text200` view (every computed font size and line height doubled, as a browser's text-only
    zoom does), an element that newly hides part of its text (overflow hidden or clip, or an ellipsis), text
    that is hidden entirely, or text boxes that newly overlap. What the page already clipped at 100% is
    not counted. Both modes; at most ten findings a page."""

    id = "resize-clipping"
    tags = ("wcag144", KZ_STANDARD)
    impact = "serious"
    view = "text200"
    view_names = {"en": "At 200% text size", "ru": "При увеличении текста до 200%",
                  "kk": "Мәтін 200%-ға үлкейтілгенде"}
    why = ("Readers with low vision enlarge text in the browser instead of using a special mode; WCAG 1.4.4 "
           "requires that text at 200% loses no content: boxes of fixed height cut it off, fixed positions "
           "pile it up.")
    messages = LOSS_MESSAGES
    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages
