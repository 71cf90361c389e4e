"""The schema of a profile layer: one small validator per kind of value, and SCHEMA built from them. A
layer's check collects every problem with its line and a hint (did you mean...?) instead of stopping."""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from typing import Any

from ..urls import code_to_lang
from ..vi_actions import parse_action
from .model import DEFAULTS_FILE, IMPACT_LEVELS, LANGUAGES, URL_STYLES, Problem, _split
from .yaml_lines import Loc, _Lines

_BAD = object()  # a value that failed; the problem is already recorded
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")  # {slug}; never a regex quantifier such as {2,3}


class _Check:
    """One layer's validation: collects every problem with its line instead of stopping at the first."""

    def __init__(self, file: str | None, lines: _Lines, known: dict[str, set[str]] | None):
        self.file, self.lines, self.known = file, lines, known  # known: threshold and section names
        self.problems: list[Problem] = []

    def fail(self, path: Loc, message: str, hint: str | None = None, at_key: bool = False) -> object:
        line = self.lines.key(path) if at_key else self.lines.value(path)
        self.problems.append(Problem(self.file, line, message, hint))
        return _BAD


def _where(path: Loc) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "the profile"


def _show(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(v: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping",
            type(None): "nothing (null)", dt.date: "a date", dt.datetime: "a date and time"}.get(type(v), type(v).__name__)


def did_you_mean(word: Any, choices) -> str | None:
    """The likeliest intended choice: same letters in another case, a close spelling, or a choice the word
    starts with as a whole part (`vi_mod` -> `vi`)."""
    if not isinstance(word, str) or not word:
        return None
    choices = [c for c in choices if isinstance(c, str)]
    lower = word.lower()
    for c in choices:
        if c.lower() == lower:
            return c
    close = difflib.get_close_matches(lower, choices, n=1, cutoff=0.6)
    if close:
        return close[0]
    prefixed = [c for c in choices if len(c) >= 2 and re.match(re.escape(c.lower()) + r"[_.-]", lower)]
    return max(prefixed, key=len) if prefixed else None


def _mean(word: Any, choices) -> str | None:
    guess = did_you_mean(word, choices)
    return f"did you mean '{guess}'?" if guess else None


class Spec:
    what = "a value"

    def __call__(self, v: Any, path: Loc, ck: _Check) -> Any:
        raise NotImplementedError

    def wrong(self, v: Any, path: Loc, ck: _Check, hint: str | None = None) -> object:
        return ck.fail(path, f"{_where(path)}: expected {self.what}, got {_kind(v)} {_show(v)}", hint)


class Text(Spec):
    def __init__(self, pattern: str | None = None, what: str = "text"):
        self.pattern = re.compile(pattern) if pattern else None
        self.what = what

    def __call__(self, v, path, ck):
        if not isinstance(v, str) or not v.strip() or (self.pattern and not self.pattern.match(v)):
            return self.wrong(v, path, ck)
        return v


class Opt(Spec):
    def __init__(self, inner: Spec):
        self.inner, self.what = inner, f"{inner.what} or null"

    def __call__(self, v, path, ck):
        return None if v is None else self.inner(v, path, ck)


class Int(Spec):
    def __init__(self, lo: int, hi: int):
        self.lo, self.hi, self.what = lo, hi, f"a whole number from {lo} to {hi}"

    def __call__(self, v, path, ck):
        if isinstance(v, bool) or not isinstance(v, int) or not self.lo <= v <= self.hi:
            return self.wrong(v, path, ck)
        return v


class Number(Spec):
    what = "a number, 0 or more"

    def __call__(self, v, path, ck):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            return self.wrong(v, path, ck)
        return v


class Choice(Spec):
    def __init__(self, *values: str):
        self.values, self.what = values, "one of " + ", ".join(values)

    def __call__(self, v, path, ck):
        if v not in self.values or not isinstance(v, str):
            return self.wrong(v, path, ck, _mean(v, self.values) if isinstance(v, str) else None)
        return v


class Lang(Spec):
    what = "a language code: kk, ru or en"

    def __call__(self, v, path, ck, at_key: bool = False):
        if isinstance(v, str) and v in LANGUAGES:
            return v
        if isinstance(v, str) and v.lower() == "kz":
            return ck.fail(path, f"{_where(path)}: 'kz' is not a language code",
                           "Kazakh is kk; kz is only how some sites write it in URLs: say so in "
                           "language_urls.codes: {kk: kz}", at_key)
        guess = code_to_lang(v) if isinstance(v, str) else None
        hint = f"did you mean '{guess}'?" if guess else "parity-check checks kk, ru and en"
        return ck.fail(path, f"{_where(path)}: unknown language {_show(v)}", hint, at_key)


class Regex(Spec):
    what = "a regular expression"

    def __call__(self, v, path, ck):
        if not isinstance(v, str) or not v:
            return self.wrong(v, path, ck)
        try:
            re.compile(_PLACEHOLDER.sub("x", v))
        except (re.error, OverflowError, RecursionError, ValueError) as e:
            return ck.fail(path, f"{_where(path)}: invalid regular expression {_show(v)}: {e}",
                           "escape literal characters such as ( ) [ ] . ? + with a backslash")
        return v


class ActionText(Spec):
    what = "an action such as 'click .bvi-open'"

    def __call__(self, v, path, ck):
        try:
            return str(parse_action(v))
        except ValueError as e:
            return ck.fail(path, f"{_where(path)}: invalid action: {e}")


class Url(Spec):
    def __init__(self, relative: bool = False):
        self.relative = relative
        self.what = "an http(s) URL" + (", a /path or a ?query" if relative else "")

    def __call__(self, v, path, ck):
        if not isinstance(v, str) or re.search(r"\s", v) or not v:
            return self.wrong(v, path, ck)
        if self.relative and v[0] in "/?" and not v.startswith("//"):
            return v
        parts = _split(_PLACEHOLDER.sub("x", v))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            hint = f"write https://{v}/" if _HOST.match(v) else None
            return self.wrong(v, path, ck, hint)
        return v


_HOST = re.compile(r"^(\{\w+\}|[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.(\{\w+\}|[a-z0-9]([a-z0-9-]*[a-z0-9])?))*"
                   r"(:\d{1,5})?$", re.I)


class Host(Spec):
    what = "a host name such as www.gov.kz"

    def __call__(self, v, path, ck):
        if not isinstance(v, str) or not _HOST.match(v):
            hint = "a host only: no scheme, no path" if isinstance(v, str) and "/" in v else None
            return self.wrong(v, path, ck, hint)
        return v.lower()


class When(Spec):
    what = "a date (YYYY-MM-DD)"

    def __call__(self, v, path, ck):
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        if isinstance(v, str):
            try:
                return dt.date.fromisoformat(v.strip())
            except ValueError:
                pass
        return self.wrong(v, path, ck)


class Seq(Spec):
    def __init__(self, item: Spec, nonempty: bool = False, unique: bool = False):
        self.item, self.nonempty, self.unique = item, nonempty, unique
        self.what = f"a list of {item.what}"

    def __call__(self, v, path, ck):
        if not isinstance(v, list):
            hint = f"write a list: [{v}]" if isinstance(v, str) else None
            return self.wrong(v, path, ck, hint)
        if self.nonempty and not v:
            return ck.fail(path, f"{_where(path)}: the list may not be empty")
        out = [self.item(x, path + (i,), ck) for i, x in enumerate(v)]
        if self.unique:
            for i, x in enumerate(out):
                if x is not _BAD and x in out[:i]:
                    ck.fail(path + (i,), f"{_where(path)}: {_show(x)} is given twice")
        return _BAD if _BAD in out else out


class Keys(Spec):
    """Keys of a mapping: text matching a pattern, optionally from a registry in _defaults.yaml."""

    def __init__(self, pattern: str, what: str, registry: str | None = None, cutoff: float = 0.0):
        self.pattern, self.what, self.registry, self.cutoff = re.compile(pattern), what, registry, cutoff

    def __call__(self, k, path, ck, at_key: bool = True):
        if not isinstance(k, str) or not self.pattern.match(k):
            return ck.fail(path, f"{_where(path[:-1])}: key {_show(k)} is not {self.what}", None, at_key)
        known = (ck.known or {}).get(self.registry) if self.registry else None
        if known is None or k in known:
            return k
        guess = did_you_mean(k, sorted(known))
        if self.cutoff == 0.0:  # a closed registry: every key must be declared in _defaults.yaml
            hint = (f"did you mean '{guess}'? " if guess else "") + f"{self.registry} are declared in {DEFAULTS_FILE}"
            return ck.fail(path, f"unknown {self.what} {k!r}", hint, at_key)
        if guess and difflib.SequenceMatcher(None, k, guess).ratio() >= self.cutoff:
            return ck.fail(path, f"{k!r} is not a default {self.what}", f"did you mean '{guess}'? A new one needs "
                           f"a name not this close to an existing one", at_key)
        return k


class Dict(Spec):
    def __init__(self, keys: Spec, values: Spec, null_drops: bool = False):
        self.keys, self.values, self.null_drops = keys, values, null_drops
        self.what = f"a mapping of {keys.what} to {values.what}"

    def __call__(self, v, path, ck):
        if not isinstance(v, dict):
            return self.wrong(v, path, ck)
        out, bad = {}, False
        for k, x in v.items():
            key = self.keys(k, path + (k,), ck, at_key=True)
            value = None if (x is None and self.null_drops) else self.values(x, path + (k,), ck)
            bad |= key is _BAD or value is _BAD
            out[key if key is not _BAD else id(k)] = value
        return _BAD if bad else out


class Struct(Spec):
    what = "a mapping"

    def __init__(self, fields: dict[str, Spec], required: tuple[str, ...] = ()):
        self.fields, self.required = fields, required

    def __call__(self, v, path, ck):
        if not isinstance(v, dict):
            return self.wrong(v, path, ck)
        out, bad = {}, False
        for k, x in v.items():
            spec = self.fields.get(k) if isinstance(k, str) else None
            if spec is None:
                bad = True
                in_ = f" in {_where(path)}" if path else ""
                ck.fail(path + (k,), f"unknown key {_show(k)}{in_}", _key_hint(k, self.fields), at_key=True)
                continue
            out[k] = spec(x, path + (k,), ck)
            bad |= out[k] is _BAD
        for k in self.required:
            if k not in v:
                bad = True
                ck.fail(path, f"{_where(path)}: '{k}' is required")
        return _BAD if bad else out


def _key_hint(key: Any, fields: dict[str, Spec]) -> str | None:
    if isinstance(key, str) and key in _KEY_HINTS:
        return _KEY_HINTS[key]
    guess = _mean(key, fields)
    if guess:
        return guess
    elsewhere = [p for leaf, p in _NESTED_KEYS if leaf == key and p.split(".")[-1] not in fields]
    return f"did you mean '{elsewhere[0]}'?" if elsewhere else None


class _DataSetsSpec(Spec):
    """The `data:` key. Its data sets are declared in datasets.py, which builds on this module's validators,
    so the import is deferred to the first use."""

    what = "a mapping of data set names to their values"

    def __call__(self, v, path, ck):
        from .datasets import DataSets
        return DataSets()(v, path, ck)


_LANG_LIST = Seq(Lang(), nonempty=True, unique=True)
_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_SECTION = Struct({"names": Dict(Lang(), Seq(Text())), "url_patterns": Seq(Regex()), "not_names": Seq(Text())})
SCHEMA = Struct({
    "name": Text(_NAME, "a name of letters, digits, '.', '_' or '-'"),
    "title": Dict(Lang(), Text()),
    "extends": Text(what="a shipped profile name or a YAML file path"),
    "params": Dict(Keys(r"^[a-z_][a-z0-9_]*$", "a parameter name (lower case, digits, _)"), Text(r"^[\w.-]+$", "a value of letters, digits, '.', '_' or '-'")),
    "aliases": Seq(Host()),
    "target": Opt(Url()),
    "languages": _LANG_LIST,
    "language_urls": Struct({
        "style": Choice(*URL_STYLES),
        "param": Text(r"^[A-Za-z_][\w-]*$", "a query parameter name"),
        "codes": Dict(Lang(), Text(r"^[A-Za-z0-9_-]{1,10}$", "a code as written in URLs (kz, ru, en)")),
    }),
    "start_urls": Seq(Url(relative=True)),
    "scope": Struct({"hosts": Seq(Host()), "include": Seq(Regex()), "exclude": Seq(Regex())}),
    "max_pages": Int(1, 100_000),
    "max_depth": Int(0, 100),
    "concurrency": Int(1, 16),
    "timeout_ms": Int(1000, 600_000),
    "settle_ms": Int(0, 60_000),
    "wait_for": Opt(Text(what="a CSS selector")),
    "vi": Struct({"steps": Seq(ActionText()), "active_selector": Opt(Text(what="a CSS selector")),
                  "languages": Opt(_LANG_LIST)}),
    "sections": Dict(Keys(r"^[a-z][a-z0-9_]*$", "a section name (lower case, digits, _)", "sections", 0.8),
                     _SECTION, null_drops=True),
    "ignore": Seq(Struct({
        "check": Text(r"^[a-z0-9*][a-z0-9*._-]*$", "a check id such as color-contrast (* globs allowed)"),
        "url": Opt(Regex()), "selector": Opt(Text(what="a CSS selector")), "reason": Text(what="a reason"),
        "expires": Opt(When()),
    }, required=("check", "reason"))),
    "fail_on": Choice(*IMPACT_LEVELS),
    "thresholds": Dict(Keys(r"^[a-z][a-z0-9_]*$", "threshold", "thresholds"), Number()),
    "facts": Struct({"confirmed": Seq(Text()), "assumed": Seq(Text())}),
    "data": _DataSetsSpec(),
})
_NESTED_KEYS = [(leaf, f"{top}.{leaf}") for top, spec in SCHEMA.fields.items() if isinstance(spec, Struct)
                for leaf in spec.fields]
_KEY_HINTS = {"source": "set by the loader from the file's path; remove it",
              "slug": "parameters go under params: {slug: ...}"}
