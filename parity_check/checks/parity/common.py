"""What the parity checks share: item kind names for messages, evidence in a readable shape, and which
language version a disagreement is reported on."""
from __future__ import annotations

from typing import Any

from ...parity.items import Item
from ..language.common import name_args

# Item kinds by report language (nominative, so templates need no grammatical cases).
KIND_NAMES = {
    "news": {"en": "news item", "ru": "новость", "kk": "жаңалық"},
    "document": {"en": "document", "ru": "документ", "kk": "құжат"},
    "row": {"en": "table row", "ru": "строка таблицы", "kk": "кесте жолы"},
    "contact": {"en": "contact entry", "ru": "контактные данные", "kk": "байланыс деректері"},
    "section": {"en": "section", "ru": "раздел", "kk": "бөлім"},
    "entry": {"en": "entry", "ru": "элемент списка", "kk": "тізім элементі"},
}

# The version most likely to be the source text, when two versions disagree and no third settles it:
# Russian first (most state bodies write in Russian and translate), then Kazakh, then English.
SOURCE_ORDER = ("ru", "kk", "en")


def kind_args(kind: str) -> dict[str, str]:
    names = KIND_NAMES.get(kind, KIND_NAMES["entry"])
    return {"kind": names["en"], "kind_ru": names["ru"], "kind_kk": names["kk"],
            "Kind_ru": names["ru"][:1].upper() + names["ru"][1:]}  # at the start of a Russian sentence


def lang_args(**langs: str | None) -> dict[str, str]:
    return name_args(**langs)


def item_facts(item: Item) -> dict[str, Any]:
    """The language-neutral facts an item was looked for by, in the other version."""
    return {
        "label": item.label,
        "kind": item.kind,
        "selector": item.selector,
        "dates": [d.isoformat() for d in item.dates][:5],
        "figures": list(item.figures)[:10],
        "link_targets": sorted(item.link_ids)[:5],
        "documents": [d.href for d in item.documents][:5],
        "images": sorted(item.images)[:3],
        "emails": sorted(item.emails)[:3],
    }


def odd_one_out(langs: list[str], disagree: set[frozenset]) -> list[str]:
    """Which versions to report when some pairs of versions disagree: the one that disagrees with every
    other (outvoted), else the one less likely to be the source of each disagreeing pair."""
    out = []
    for lang in langs:
        others = [o for o in langs if o != lang]
        if len(others) >= 2 and all(frozenset((lang, o)) in disagree for o in others):
            out.append(lang)
    if out:
        return out
    for pair in disagree:
        a, b = sorted(pair, key=lambda l: SOURCE_ORDER.index(l) if l in SOURCE_ORDER else 99)
        if b not in out:
            out.append(b)
    return out
