"""Text that is cut off or overlaps when the reader widens line, paragraph, letter and word spacing."""
from __future__ import annotations

from ..base import register
from ._shared import KZ_STANDARD
from ._texts import texts
from ._views import LOSS_MESSAGES, ViewCheck


@register
class SpacingClipping(ViewCheck):
    """In the `spacing` view (the WCAG 1.4.12 overrides: line height 1.5, paragraph spacing 2em, letter
    spacing 0.12em, word spacing 0.16em), text newly cut off, hidden or overlapping, against the page as
    rendered. Both modes; at most ten findings a page."""

    id = "spacing-clipping"
    tags = ("wcag1412", KZ_STANDARD)
    impact = "serious"
    view = "spacing"
    view_names = {"en": "With wider text spacing", "ru": "При увеличенных интервалах текста",
                  "kk": "Мәтін аралықтары үлкейтілгенде"}
    why = ("People with low vision or dyslexia read better with more space between lines, words and letters, "
           "set by their own style sheet or extension; WCAG 1.4.12 requires that no text is lost when they do.")
    messages = LOSS_MESSAGES
    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages
