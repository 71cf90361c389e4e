"""Message catalogues for what parity-check shows people: the reports' own words in kk, ru and en, and
the texts of axe-core's rules where axe-core (or we) have a translation.

The catalogue has the same shape as a check's `messages`: {key: {"en": ..., "ru": ..., "kk": ...}}, so one
test keeps all three languages complete and their {placeholders} identical.
"""
from __future__ import annotations

import functools
import json
import string
from importlib import resources
from typing import Any

LANGS = ("kk", "ru", "en")
DEFAULT_LANG = "en"


@functools.lru_cache(maxsize=None)
def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def catalogue() -> dict[str, dict[str, str]]:
    """The report catalogue: key -> {lang: text}."""
    return {k: v for k, v in _load("report.json").items() if not k.startswith("_")}


def check_lang(lang: str | None) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown report language {lang!r}; use kk, ru or en")
    return lang


class _Blank(dict):
    # A placeholder nobody filled renders as {name}, not as a KeyError in the middle of a report.
    def __missing__(self, key):
        return "{" + key + "}"


def fill(template: str, args: dict[str, Any] | None) -> str:
    """str.format with missing arguments left visible and no attribute/index access into the arguments
    (a message template is data; it must not be able to reach into Python objects)."""
    out = []
    values = _Blank(args or {})
    for literal, field, spec, conv in string.Formatter().parse(template):
        out.append(literal)
        if field is None:
            continue
        if not field.isidentifier():
            out.append("{" + field + "}")
            continue
        value = values[field]
        try:
            out.append(format(value, spec or ""))
        except (TypeError, ValueError):
            out.append(str(value))
    return "".join(out)


def t(key: str, lang: str, **args: Any) -> str:
    """The catalogue text for `key` in `lang` (English if that language lacks it)."""
    entry = catalogue()[key]
    return fill(entry.get(lang) or entry[DEFAULT_LANG], args)


def translator(lang: str):
    lang = check_lang(lang)
    return lambda key, **args: t(key, lang, **args)


def axe_rule_text(rule_id: str, lang: str) -> dict[str, str] | None:
    """axe-core's help and description of a rule in `lang`, or None where there is no translation.
    Russian comes from axe-core's own locale file; axe-core has no Kazakh one, so Kazakh uses ours
    (axe_rules.kk.json, translated for this project) where a rule has an entry."""
    if lang == "en":
        return None
    try:
        rules = _load(f"axe_rules.{lang}.json")["rules"]
    except FileNotFoundError:
        return None
    return rules.get(rule_id)
