"""The mode for the visually impaired is switched on but does not do its job: the text is not clearly larger,
contrast is not raised to 7:1, or parts of the page keep their small or faint text."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import KZ_STANDARD, contrast, crop_of, visible, with_screenshot
from ._texts import texts

MAX_PARTS = 5  # per page and kind: the template is what needs fixing, a few examples show where
PART_KINDS = ("text", "link", "heading", "button", "label")


@register
class ViModeIneffective(Check):
    """Compares each VI page with the same page in the normal mode. Whole page: the mode was switched but
    nothing changed (`vi.state` ineffective); the median body text is less than `vi_min_font_ratio` (1.2)
    times its normal size; or less than `vi_min_share_contrast_7` (0.8) of the text reaches 7:1 contrast.
    Parts (matched by selector between the two `dom` records): text that kept its normal size while the
    body text grew, and text whose contrast in the mode is below 4.5:1."""

    id = "vi-mode-ineffective"
    tags = ("wcag144", "wcag146", KZ_STANDARD)
    impact = "serious"
    scope = "page"
    requires = ()  # reads `vi` records; a run without the VI mode (--no-vi) has none and gets no finding
    why = ("The study found the sites' versions for the visually impaired \"do not fully work\": a mode that "
           "leaves text small or faint, everywhere or in parts of the page, fails the readers who switched "
           "it on because they cannot read the normal page.")
    messages = {
        "no_change": {
            "en": "The mode for the visually impaired was switched on ({method}) but neither text size nor "
                  "contrast changed.",
            "ru": "Версия для слабовидящих включена ({method}), но ни размер текста, ни контраст не изменились.",
            "kk": "Көзі нашар көретіндерге арналған нұсқа қосылды ({method}), бірақ мәтін өлшемі де, "
                  "контраст та өзгермеді.",
        },
        "not_larger": {
            "en": "In the mode for the visually impaired the body text is {after} px against {before} px in the "
                  "normal mode (x{ratio}); it should be at least x{min}.",
            "ru": "В версии для слабовидящих основной текст {after} px против {before} px в обычном режиме "
                  "(x{ratio}); нужно не меньше x{min}.",
            "kk": "Көзі нашар көретіндерге арналған нұсқада негізгі мәтін {after} px, қалыпты режимде {before} px "
                  "(x{ratio}); кемінде x{min} болуы керек.",
        },
        "low_contrast": {
            "en": "In the mode for the visually impaired only {share}% of the text reaches 7:1 contrast "
                  "(at least {min}% expected).",
            "ru": "В версии для слабовидящих контраст 7:1 достигает лишь {share}% текста (ожидается не меньше "
                  "{min}%).",
            "kk": "Көзі нашар көретіндерге арналған нұсқада 7:1 контрастқа мәтіннің тек {share}%-ы жетеді "
                  "(кемінде {min}% күтіледі).",
        },
        "small_part": {
            "en": "The mode for the visually impaired leaves this text at {size} px while body text grows to "
                  "{body} px: \"{text}\".",
            "ru": "Версия для слабовидящих оставляет этот текст размером {size} px, хотя основной текст "
                  "увеличен до {body} px: «{text}».",
            "kk": "Көзі нашар көретіндерге арналған нұсқа бұл мәтінді {size} px күйінде қалдырады, ал негізгі "
                  "мәтін {body} px-ке дейін үлкейеді: «{text}».",
        },
        "low_contrast_part": {
            "en": "In the mode for the visually impaired this text has a contrast of {ratio}:1 (normal mode: "
                  "{normal}): \"{text}\".",
            "ru": "В версии для слабовидящих контраст этого текста {ratio}:1 (в обычном режиме: {normal}): "
                  "«{text}».",
            "kk": "Көзі нашар көретіндерге арналған нұсқада бұл мәтіннің контрасы {ratio}:1 (қалыпты режимде: "
                  "{normal}): «{text}».",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        min_ratio = float(ctx.threshold("vi_min_font_ratio", 1.2))
        min_share = float(ctx.threshold("vi_min_share_contrast_7", 0.8))
        normals = {(p.url, p.lang): p for p in ctx.audited("normal")}
        for page in ctx.pages:
            vi = page.get("vi") or {}
            if page.mode != "vi":
                continue
            if vi.get("state") == "ineffective":
                yield self.finding(page=page, key="no_change", args={"method": vi.get("method") or "?"},
                                   evidence=_metrics_evidence(vi))
            elif vi.get("state") == "active" and page.outcome == "audited":
                yield from self._whole_page(page, vi, min_ratio, min_share)
                normal = normals.get((page.url, page.lang))
                if normal is not None:
                    yield from self._parts(page, normal, vi)

    def _whole_page(self, page, vi: dict, min_ratio: float, min_share: float) -> Iterable[Finding]:
        after, normal = vi.get("after") or {}, vi.get("normal") or vi.get("before") or {}
        a, n = after.get("median_font_px"), normal.get("median_font_px")
        if a and n and a < n * min_ratio:
            yield self.finding(page=page, key="not_larger", evidence=_metrics_evidence(vi),
                               args={"after": f"{a:g}", "before": f"{n:g}", "ratio": f"{a / n:.2f}",
                                     "min": f"{min_ratio:g}"})
        share = after.get("share_contrast_7")
        if share is not None and share < min_share:
            yield self.finding(page=page, key="low_contrast", evidence=_metrics_evidence(vi),
                               args={"share": round(100 * share), "min": round(100 * min_share)})

    def _parts(self, page, normal, vi: dict) -> Iterable[Finding]:
        segs = [s for s in (normal.get("dom") or {}).get("segments", []) if s.get("kind") in PART_KINDS]
        before = {s.get("selector"): s for s in segs}
        # a mode that wraps the page (bvi's div.bvi-body) changes every selector; the text stays
        by_text = {(s.get("tag"), (s.get("text") or "")[:80]): s for s in segs}
        body_now = (vi.get("after") or {}).get("median_font_px") or 0
        body_then = (vi.get("normal") or {}).get("median_font_px") or 0
        grew = body_then and body_now >= body_then * 1.15
        small, faint = [], []
        for seg in (page.get("dom") or {}).get("segments", []):
            if seg.get("kind") not in PART_KINDS or not visible(seg) or len((seg.get("text") or "").strip()) < 3:
                continue
            old = before.get(seg.get("selector"))
            if old is not None and (old.get("text") or "")[:80] != seg["text"][:80]:
                old = None  # the selector now names another element
            old = old or by_text.get((seg.get("tag"), seg["text"][:80]))
            size = float(seg.get("font_size") or 0)
            # kept its old size while the body grew, and is still smaller than the body text now
            if grew and old and size and size <= float(old.get("font_size") or 0) * 1.05 and size < body_now * 0.9:
                small.append(seg)
            ratio = contrast(seg.get("color"), seg.get("background"))
            if ratio is not None and ratio < 4.5:
                faint.append((seg, ratio, contrast(old.get("color"), old.get("background")) if old else None))
        for seg in sorted(small, key=lambda s: s["font_size"])[:MAX_PARTS]:
            yield self.finding(page=page, key="small_part", selector=seg.get("selector"),
                               content_key=seg["text"][:80],
                               args={"size": f"{float(seg['font_size']):g}", "body": f"{body_now:g}",
                                     "text": seg["text"][:80]},
                               evidence=with_screenshot({"font_size": seg["font_size"], "text": seg["text"][:120],
                                                         "body_font_px": body_now}, crop_of(page, seg.get("selector"))))
        for seg, ratio, old_ratio in sorted(faint, key=lambda x: x[1])[:MAX_PARTS]:
            yield self.finding(page=page, key="low_contrast_part", selector=seg.get("selector"),
                               content_key=seg["text"][:80],
                               args={"ratio": f"{ratio:g}", "normal": f"{old_ratio:g}:1" if old_ratio else "?",
                                     "text": seg["text"][:80]},
                               evidence=with_screenshot({"contrast": ratio, "normal_contrast": old_ratio,
                                                         "color": seg.get("color"), "background": seg.get("background"),
                                                         "text": seg["text"][:120]}, crop_of(page, seg.get("selector"))))


def _metrics_evidence(vi: dict) -> dict:
    pick = ("median_font_px", "min_font_px", "share_contrast_7", "markers")
    return {"method": vi.get("method"),
            **{name: {k: (vi.get(name) or {}).get(k) for k in pick} for name in ("normal", "before", "after")}}
