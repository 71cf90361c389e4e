"""What the vision checks share: screenshot crops as evidence, colour contrast, language names, the
findings of a low-vision view, and which text segments are paragraphs of reading text."""
from __future__ import annotations

import re
from typing import Iterator

from ...artifacts import PageRecord

KZ_STANDARD = "kz:st-rk-2191"
LANG_NAMES = {
    "en": {"kk": "Kazakh", "ru": "Russian", "en": "English"},
    "ru": {"kk": "казахской", "ru": "русской", "en": "английской"},  # "...версии" (genitive feminine)
    "kk": {"kk": "қазақ тіліндегі", "ru": "орыс тіліндегі", "en": "ағылшын тіліндегі"},  # "...нұсқасы"
}
# A crop's file is relative to the artifacts folder; reports are written beside that folder.
ARTIFACTS_DIR = "artifacts"


def lang_args(key: str, code: str | None) -> dict[str, str]:
    """{key: "kk", key_en: "Kazakh", key_ru: "казахской", key_kk: "қазақ тіліндегі"} for message templates."""
    code = code or "?"
    return {key: code, **{f"{key}_{r}": names.get(code, code) for r, names in LANG_NAMES.items()}}


def image_evidence(images: dict | None, sha: str | None) -> str | None:
    """A crop as a report can show it: the file's path from the run folder, or a data URI when the crops
    were not moved to files (a run stopped before its site gatherers)."""
    img = (images or {}).get(sha) if sha else None
    if not isinstance(img, dict):
        return None
    if img.get("file"):
        return f"{ARTIFACTS_DIR}/{img['file']}"
    if img.get("png"):
        return "data:image/png;base64," + img["png"]
    return None


def crop_of(page: PageRecord, selector: str | None) -> str | None:
    """The crop the `crops` gatherer took of an element, by its selector."""
    crops = page.get("crops") or {}
    return image_evidence(crops.get("images"), (crops.get("by_selector") or {}).get(selector or ""))


def with_screenshot(evidence: dict, shot: str | None) -> dict:
    if shot:
        evidence["screenshot"] = shot
    return evidence


def view_flags(page: PageRecord, view: str) -> Iterator[tuple[dict, str | None]]:
    """The flags a low-vision view recorded on a page, each with its crop (evidence form) if any."""
    views = page.get("views") or {}
    data = views.get(view) or {}
    for flag in data.get("flags") or []:
        yield flag, image_evidence(views.get("images"), flag.get("crop"))


# -- colours -------------------------------------------------------------------------------------------
_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_rgb(value: str | None) -> tuple[float, float, float, float] | None:
    m = _RGB.match((value or "").strip())
    if not m:
        return None
    alpha = m.group(4)
    a = 1.0 if alpha is None else (float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha))
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), a


def _luminance(rgb) -> float:
    def f(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2])


def contrast(color: str | None, background: str | None) -> float | None:
    """WCAG contrast ratio of text over its background; a translucent text colour is blended first."""
    fg, bg = parse_rgb(color), parse_rgb(background)
    if fg is None or bg is None:
        return None
    if bg[3] < 1:  # a translucent background over what is under it, taken as white
        bg = tuple(bg[i] * bg[3] + 255 * (1 - bg[3]) for i in range(3)) + (1.0,)
    a = fg[3]
    blended = tuple(fg[i] * a + bg[i] * (1 - a) for i in range(3))
    hi, lo = sorted((_luminance(blended), _luminance(bg)), reverse=True)
    return round((hi + 0.05) / (lo + 0.05), 2)


# -- text ------------------------------------------------------------------------------------------------
def visible(seg: dict) -> bool:
    """Seen on screen: visually-hidden text for screen readers (a 1 px clipped box) is not read by eye."""
    box = seg.get("bbox") or [0, 0, 3, 3]
    return len(box) < 4 or (box[2] > 2 and box[3] > 2)


def reading_text(page: PageRecord, min_chars: int = 1) -> Iterator[dict]:
    """Paragraph-like text of the page's content (main region, or the body when it has none): what a
    reader reads line after line, not menus, headers or footers."""
    for seg in (page.get("dom") or {}).get("segments", []):
        if seg.get("kind") != "text" or seg.get("region") not in ("main", "body") or not visible(seg):
            continue
        if len((seg.get("text") or "").strip()) >= min_chars:
            yield seg


def line_height_px(seg: dict) -> float:
    """The used line height; `normal` is recorded as null and is about 1.2 times the font size."""
    size = float(seg.get("font_size") or 16)
    return float(seg.get("line_height") or 1.2 * size)


def line_count(seg: dict) -> int:
    box = seg.get("bbox") or [0, 0, 0, 0]
    return max(1, round(box[3] / max(1.0, line_height_px(seg)))) if len(box) >= 4 else 1


def letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]
