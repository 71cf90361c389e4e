"""The profile's JSON Schema, generated from the loader's own schema (schema.SCHEMA and the data sets of
datasets.DATASETS), so that editors complete and check profile files with the rules the loader applies.

Published as `profiles/profile.schema.json` (installed with the package beside the shipped profiles; a test
keeps the file equal to what this module generates) and printed by `parity-check profiles schema`. A shipped
profile names it in its first line for the YAML language server:

    # yaml-language-server: $schema=profile.schema.json

What a JSON Schema cannot say is left to the loader, which stays the judge: whether a `{placeholder}` is
filled, an `extends` chain, a section name that is a near-miss of a declared one, a cookie value's
characters. Everything else (unknown keys, types, ranges, languages, action verbs, declared threshold
names, each data set's shape) the schema checks as the loader does.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..vi_actions import _FORMS
from .model import LANGUAGES
from .schema import (
    SCHEMA, ActionText, Choice, Dict, Host, Int, Keys, Lang, Number, Opt, Regex, Seq, Spec, Struct, Text, Url, When,
    _DataSetsSpec, _HOST,
)

SCHEMA_ID = "https://github.com/kz-parity-check/parity-check/raw/main/profiles/profile.schema.json"
FILE_NAME = "profile.schema.json"


def _any_case(pattern: str) -> str:
    """`pattern` (letters, \\s escapes and quantifiers) matching in any case: JSON Schema patterns (ECMA-262)
    take no flags, so each letter becomes a class; escapes stay as they are."""
    return re.sub(r"\\.|[A-Za-z]", lambda m: m[0] if m[0][0] == "\\" else f"[{m[0].lower()}{m[0].upper()}]", pattern)


def _action_pattern() -> str:
    verbs = "|".join(_any_case(words) for words, _verb in _FORMS)  # longest forms first, as the parser
    return rf"^\s*({verbs})(\s+\S.*)?\s*$"


def _nonblank(what: str) -> dict[str, Any]:
    return {"type": "string", "pattern": r"\S", "description": what}


def _keys(spec: Spec, registries: dict[str, list[str]]) -> dict[str, Any]:
    if isinstance(spec, Lang):
        return {"enum": list(LANGUAGES)}
    if isinstance(spec, Keys):
        names: dict[str, Any] = {"pattern": spec.pattern.pattern}
        if spec.registry and spec.cutoff == 0.0 and registries.get(spec.registry):
            names["enum"] = registries[spec.registry]  # a closed registry: only declared names
        return names
    raise TypeError(f"no JSON Schema for keys of {type(spec).__name__}")


def to_json_schema(spec: Spec, registries: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The JSON Schema of one validator of config/schema.py."""
    registries = registries or {}
    if isinstance(spec, Text):
        out = _nonblank(spec.what)
        if spec.pattern:
            out = {"type": "string", "allOf": [{"pattern": r"\S"}, {"pattern": spec.pattern.pattern}],
                   "description": spec.what}
        return out
    if isinstance(spec, Opt):
        return {"anyOf": [to_json_schema(spec.inner, registries), {"type": "null"}]}
    if isinstance(spec, Int):
        return {"type": "integer", "minimum": spec.lo, "maximum": spec.hi}
    if isinstance(spec, Number):
        return {"type": "number", "minimum": 0}
    if isinstance(spec, Choice):
        return {"enum": list(spec.values)}
    if isinstance(spec, Lang):
        return {"enum": list(LANGUAGES), "description": spec.what}
    if isinstance(spec, Regex):
        return {"type": "string", "minLength": 1, "format": "regex", "description": spec.what}
    if isinstance(spec, ActionText):
        return {"type": "string", "pattern": _action_pattern(), "description": spec.what}
    if isinstance(spec, Url):
        absolute = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+[^\s]*$"
        pattern = rf"({absolute})|(^(/(?!/)|\?)[^\s]*$)" if spec.relative else absolute
        return {"type": "string", "pattern": pattern, "description": spec.what}
    if isinstance(spec, Host):
        return {"type": "string", "pattern": _HOST.pattern.replace("a-z0-9", "a-zA-Z0-9"),
                "description": spec.what}
    if isinstance(spec, When):
        return {"type": "string", "format": "date", "description": spec.what}
    if isinstance(spec, Seq):
        out = {"type": "array", "items": to_json_schema(spec.item, registries)}
        if spec.nonempty:
            out["minItems"] = 1
        if spec.unique:
            out["uniqueItems"] = True
        return out
    if isinstance(spec, Dict):
        values = to_json_schema(spec.values, registries)
        if spec.null_drops:
            values = {"anyOf": [values, {"type": "null"}]}
        return {"type": "object", "propertyNames": _keys(spec.keys, registries), "additionalProperties": values}
    if isinstance(spec, Struct):
        out = {"type": "object", "additionalProperties": False,
               "properties": {k: to_json_schema(v, registries) for k, v in spec.fields.items()}}
        if spec.required:
            out["required"] = list(spec.required)
        return out
    if isinstance(spec, _DataSetsSpec):
        from .datasets import DATASETS

        return {"type": "object", "additionalProperties": False, "description": spec.what,
                "properties": {name: {"anyOf": [to_json_schema(shape, registries), {"type": "null"}],
                                      "description": what}
                               for name, (shape, what) in sorted(DATASETS.items())}}
    raise TypeError(f"no JSON Schema for {type(spec).__name__}")


def _registries() -> dict[str, list[str]]:
    """The threshold names the shipped defaults declare (a profile may not invent one)."""
    from .layers import _defaults_layers, _registries as declared

    return {kind: sorted(names) for kind, names in declared(_defaults_layers(())).items()}


def profile_json_schema() -> dict[str, Any]:
    schema = to_json_schema(SCHEMA, _registries())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "parity-check profile",
            "description": "A site profile for parity-check (see the README's Profiles section). Generated from "
                           "the loader's schema by parity_check/config/json_schema.py; the loader has the last word.",
            **schema}


def profile_json_schema_text() -> str:
    return json.dumps(profile_json_schema(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def check_pattern_dialect(schema: dict[str, Any]) -> list[str]:
    """Patterns that use Python-only syntax an editor's ECMA-262 engine would not read (named groups with
    ?P, possessive quantifiers, inline flags): none may appear in the published schema."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "pattern" and isinstance(v, str) and re.search(r"\(\?P|\(\?[aiLmsux]|[*+?}]\+", v):
                    found.append(v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(schema)
    return found


__all__ = ["profile_json_schema", "profile_json_schema_text", "to_json_schema", "FILE_NAME", "SCHEMA_ID"]
