"""What the language checks share: which text of a recorded page counts, and language names for messages."""
from __future__ import annotations

from typing import Iterator

from ...artifacts import PageRecord

LANG_NAMES = {
    "en": {"kk": "Kazakh", "ru": "Russian", "en": "English"},
    "ru": {"kk": "казахский", "ru": "русский", "en": "английский"},
    "kk": {"kk": "қазақ тілі", "ru": "орыс тілі", "en": "ағылшын тілі"},
}


def name_args(**langs: str | None) -> dict[str, str]:
    """Message arguments naming languages in the nominative, so templates need no grammatical cases:
    declared="ru" -> {declared: "ru", declared_name: "Russian", declared_ru: "русский", declared_kk: "орыс тілі"}."""
    out: dict[str, str] = {}
    for key, code in langs.items():
        code = code or "?"
        out[key] = code
        for report_lang, names in LANG_NAMES.items():
            if report_lang != "en":
                out[f"{key}_{report_lang}"] = names.get(code, code)
        out[f"{key}_name"] = LANG_NAMES["en"].get(code, code)
    return out


def text_segments(page: PageRecord, include_attrs: bool = False) -> Iterator[dict]:
    """Visible text segments of a page; alt texts, titles and labels only when asked."""
    for seg in (page.get("dom") or {}).get("segments", []):
        if not include_attrs and str(seg.get("kind", "")).startswith("attr:"):
            continue
        if seg.get("text"):
            yield seg


def main_text(page: PageRecord) -> list[str]:
    """The text that says what a page is in: its main region if it has one, else everything but menus."""
    segs = list(text_segments(page))
    main = [s["text"] for s in segs if s.get("region") == "main"]
    if sum(len(t) for t in main) >= 80:
        return main
    return [s["text"] for s in segs if s.get("region") not in ("nav", "header", "footer")] or [s["text"] for s in segs]
