"""The three view checks (resize-clipping, reflow-scroll, spacing-clipping) read the same `views` artifact:
each reports the flags of its own view, one finding per element, with the crop taken in that view."""
from __future__ import annotations

from typing import ClassVar, Iterable

from ...models import Finding
from ..base import Check, CheckContext
from ._shared import view_flags, with_screenshot

MAX_PER_PAGE = 10

# Message templates shared by the kinds of flag every view can raise.
LOSS_MESSAGES = {
    "clipped": {
        "en": "{view_en}: the text of this element is cut off ({share}% hidden): \"{text}\".",
        "ru": "{view_ru}: текст элемента обрезан (скрыто {share}%): «{text}».",
        "kk": "{view_kk}: элемент мәтіні қиылып қалады ({share}% көрінбейді): «{text}».",
    },
    "ellipsis": {
        "en": "{view_en}: the text of this element is cut short with an ellipsis: \"{text}\".",
        "ru": "{view_ru}: текст элемента обрезан многоточием: «{text}».",
        "kk": "{view_kk}: элемент мәтіні көп нүктемен қысқартылады: «{text}».",
    },
    "hidden": {
        "en": "{view_en}: the text of this element disappears entirely: \"{text}\".",
        "ru": "{view_ru}: текст элемента полностью исчезает: «{text}».",
        "kk": "{view_kk}: элемент мәтіні толығымен жоғалады: «{text}».",
    },
    "overlap": {
        "en": "{view_en}: this text overlaps other text (\"{other_text}\"): \"{text}\".",
        "ru": "{view_ru}: текст накладывается на другой текст («{other_text}»): «{text}».",
        "kk": "{view_kk}: мәтін басқа мәтіннің үстіне түседі («{other_text}»): «{text}».",
    },
}


def _short(text: str | None, n: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


class ViewCheck(Check):
    """Base: subclasses set `view` (the artifact key) and `view_names` (how messages name the view)."""

    view: ClassVar[str]
    view_names: ClassVar[dict[str, str]]
    scope = "page"
    requires = ("views",)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited():
            flags = list(view_flags(page, self.view))
            # the largest losses first: what hides most text matters most
            flags.sort(key=lambda fs: (-(fs[0].get("hidden_share") or 0), -len(fs[0].get("text") or "")))
            for flag, shot in flags[:MAX_PER_PAGE]:
                finding = self.flag_finding(page, flag, shot, len(flags))
                if finding is not None:
                    yield finding

    def flag_finding(self, page, flag: dict, shot: str | None, total: int) -> Finding | None:
        kind = flag.get("kind")
        if kind not in self.messages:
            return None
        args = {"text": _short(flag.get("text")), "other_text": _short(flag.get("other_text"), 40),
                "share": round(100 * float(flag.get("hidden_share") or 1)),
                "overflow": flag.get("overflow_px"), **{f"view_{k}": v for k, v in self.view_names.items()}}
        evidence = {"view": self.view, "kind": kind, "text": flag.get("text"), "bbox": flag.get("bbox"),
                    "flagged_on_page": total}
        for key in ("axis", "hidden_share", "other", "other_text", "overflow_px"):
            if flag.get(key) is not None:
                evidence[key] = flag[key]
        views = page.get("views") or {}
        if self.view == "narrow":
            evidence["scroll_width"] = (views.get("narrow") or {}).get("scroll_width")
        # An ellipsis is often a designed teaser whose full text is one click away: a person decides.
        outcome = "incomplete" if kind == "ellipsis" else "violation"
        return self.finding(page=page, selector=flag.get("selector"), key=kind, args=args, outcome=outcome,
                            content_key=(flag.get("text") or "")[:80], evidence=with_screenshot(evidence, shot))
