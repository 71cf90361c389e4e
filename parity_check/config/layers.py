"""Layers: a profile is the defaults, its `extends` chain, the file, reference parameters and overrides,
each read and validated on its own, then merged key by key with the origin of every value kept for
problems found after merging. Also the URL templates (`{slug}`) and how a URL fills them."""
from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..vi_actions import Action
from .datasets import extend as extend_data, shipped_layer
from .model import DEFAULTS_FILE, PACKAGE_PROFILES, ProfileError, _split
from .schema import SCHEMA, _HOST, _PLACEHOLDER, _Check, _kind, _mean
from .yaml_lines import Loc, _Lines, _read_yaml

_NOT_INHERITED = ("name", "title", "aliases")  # they describe one site, not the ones extending it
_OVERRIDES = "command line"  # the source named in problems with override values


@dataclass
class _Layer:
    data: dict
    source: str | None
    lines: _Lines


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _validate(data: Any, source: str | None, lines: _Lines, known: dict | None) -> dict:
    ck = _Check(source, lines, known)
    if not isinstance(data, dict):
        raise ProfileError(source, lines.value(()), f"a profile is a mapping of keys to values, not {_kind(data)}",
                           "start with e.g. 'target: https://example.gov.kz/'")
    out = SCHEMA(data, (), ck)
    if ck.problems:
        raise ProfileError.of(ck.problems)
    return out


def _read_layer(path: Path, known: dict | None) -> _Layer:
    shown = _display(path)
    try:
        stat = path.stat()
        data, lines = _parse_file(str(path), shown, stat.st_mtime_ns, stat.st_size)
    except OSError as e:
        raise ProfileError(shown, None, f"cannot read the profile: {e.strerror or e}") from None
    # a copy: merging and `extends` change a layer's data, and the parse is shared
    return _Layer(_validate(copy.deepcopy(data), shown, lines, known), shown, lines)


@functools.lru_cache(maxsize=64)
def _parse_file(path: str, shown: str, mtime_ns: int, size: int) -> tuple[Any, _Lines]:
    """Parsing is most of a load's time (pure-Python YAML) and the defaults are read on every load; the
    modification time and size in the key make an edited file parse again."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ProfileError(shown, raw[:e.start].count(b"\n") + 1, "the file is not UTF-8 text",
                           "save it as UTF-8") from None
    return _read_yaml(text, shown)


def _text_layer(text: str, source: str, known: dict | None) -> _Layer:
    data, lines = _read_yaml(text, source)
    return _Layer(_validate(data, source, lines, known), source, lines)


def _search_dirs(profiles_dir: Path | None) -> tuple[Path, ...]:
    dirs = (Path(profiles_dir),) if profiles_dir else ()
    return tuple(dict.fromkeys((*dirs, PACKAGE_PROFILES)))


def _named(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Profile name -> file; the first directory wins, files starting with _ are not profiles."""
    found: dict[str, Path] = {}
    for d in dirs:
        for f in sorted(d.glob("*.yaml")) if d.is_dir() else ():
            if not f.name.startswith("_"):
                found.setdefault(f.stem, f)
    return found


def _defaults_layers(dirs: tuple[Path, ...]) -> list[_Layer]:
    """The shipped defaults, then a profile directory's own _defaults.yaml over them: the shipped file is
    complete, so a local one need only say what it changes (and may declare new thresholds or sections)."""
    paths = [PACKAGE_PROFILES / DEFAULTS_FILE]
    paths += [d / DEFAULTS_FILE for d in dirs if d != PACKAGE_PROFILES and (d / DEFAULTS_FILE).is_file()]
    data = _Layer({"data": shipped_layer(dirs)}, str(PACKAGE_PROFILES / "data"), _Lines())
    return [data, *(_read_layer(p, None) for p in paths)]


def _registries(defaults: list[_Layer]) -> dict[str, set[str]]:
    """Threshold and section names declared by the defaults: profiles may not invent thresholds (a typo
    would silently keep the default), and a new section may not be a near-miss of a declared one."""
    return {kind: {k for layer in defaults for k in layer.data.get(kind) or {}} for kind in ("thresholds", "sections")}


def _chain(path: Path, dirs: tuple[Path, ...], known: dict, seen: tuple[Path, ...] = ()) -> list[_Layer]:
    """The layers of a profile file: its `extends` chain first, then the file itself."""
    layer = _read_layer(path, known)
    return _bases_of(layer, path.parent, dirs, known, seen + (path.resolve(),)) + [layer]


def _bases_of(layer: _Layer, here: Path, dirs: tuple[Path, ...], known: dict, seen: tuple[Path, ...]) -> list[_Layer]:
    base_ref = layer.data.pop("extends", None)
    if base_ref is None:
        return []
    line = layer.lines.value(("extends",))
    base = _locate_base(base_ref, here, dirs)
    if base is None:
        raise ProfileError(layer.source, line, f"extends {base_ref!r}: no such profile",
                           _mean(base_ref, _named(dirs)) or f"known: {', '.join(_named(dirs))}")
    if base.resolve() in seen:
        raise ProfileError(layer.source, line, f"extends {base_ref!r} makes a loop")
    bases = _chain(base, dirs, known, seen)
    for b in bases:
        for key in _NOT_INHERITED:
            b.data.pop(key, None)
    return bases


def _locate_base(ref: str, here: Path, dirs: tuple[Path, ...]) -> Path | None:
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        candidate = (here / ref) if not Path(ref).is_absolute() else Path(ref)
        return candidate if candidate.is_file() else None
    return _named(dirs).get(ref)


def _merge(into: dict, layer: dict, origins: dict, source: str | None, lines: _Lines, path: Loc = ()) -> None:
    for key, value in layer.items():
        p = path + (key,)
        if p == ("data",):
            # data sets extend what the layers below hold (datasets.py): a profile adds names, keeps ours
            extend_data(into.setdefault("data", {}), value)
            _record(origins, p, value, source, lines)
        elif value is None and path == ("sections",):
            _forget(origins, p, into.pop(key, None))
            origins[p] = (source, lines.value(p))
        elif path == ("facts",):
            into[key] = list(dict.fromkeys([*into.get(key, []), *value]))
        elif isinstance(value, dict) and isinstance(into.get(key), dict):
            origins[p] = (source, lines.key(p))
            _merge(into[key], value, origins, source, lines, p)
        else:
            _forget(origins, p, into.get(key))
            into[key] = copy.deepcopy(value)
            _record(origins, p, value, source, lines)


def _forget(origins: dict, path: Loc, old: Any) -> None:
    """Drops the origins of a value being replaced: a shorter list must not keep the old items' lines."""
    if isinstance(old, (dict, list)):
        for stale in [o for o in origins if o[:len(path)] == path]:
            del origins[stale]


def _record(origins: dict, path: Loc, value: Any, source: str | None, lines: _Lines) -> None:
    """Where each value of the merged profile came from, for problems found only after merging."""
    origins[path] = (source, lines.value(path))
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        _record(origins, path + (k,), v, source, lines)


def _origin(origins: dict, path: Loc) -> tuple[str | None, int | None]:
    while path not in origins and path:
        path = path[:-1]
    return origins.get(path, (None, None))


def _plain(v: Any) -> Any:
    """Command-line values as YAML would give them: lists for tuples, text for actions and paths."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items() if x is not None}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (Action, Path)):
        return str(v)
    return v


def _overrides_layer(overrides: dict | None, known: dict) -> _Layer:
    nested: dict = {}
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        *parents, leaf = str(key).split(".") if isinstance(key, str) else [key]
        slot = nested
        for p in parents:
            slot = slot.setdefault(p, {})
            if not isinstance(slot, dict):
                raise ProfileError(_OVERRIDES, None, f"override {key!r} conflicts with the value given for {p!r}")
        slot[leaf] = _plain(value)
    target = nested.get("target")
    if isinstance(target, str) and "://" not in target and _HOST.match(target.split("/")[0]):
        nested["target"] = f"https://{target}"  # a bare domain, as typed on the command line
    return _Layer(_validate(nested, _OVERRIDES, _Lines(), known), _OVERRIDES, _Lines())


def _fill(value: Any, params: dict[str, str]) -> Any:
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: params.get(m.group(1), m.group(0)), value)
    if isinstance(value, dict):
        return {k: _fill(v, params) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, params) for v in value]
    return value


def _params_from_url(template: str, url: str) -> dict[str, str] | None:
    """The parameters that turn a template URL into `url` (its host and path), or None if it does not fit."""
    pattern = _url_pattern(template)
    m = pattern.match(_url_key(url)) if pattern else None
    return {k: v for k, v in m.groupdict().items()} if m else None


def _url_key(url: str) -> str:
    """host[:port]/path without www., scheme, default ports, query and trailing slash: what a site is."""
    parts = _split(url if "://" in url else "https://" + url)
    port = parts.port
    host = (parts.hostname or "").lower().removeprefix("www.")
    keep_port = port and not (parts.scheme, port) in (("http", 80), ("https", 443))
    return f"{host}{':' + str(port) if keep_port else ''}{parts.path.rstrip('/').lower()}"


def _url_pattern(template: str) -> re.Pattern | None:
    key = _url_key(template.replace("{", "\x00").replace("}", "\x01"))
    if not key:
        return None
    regex = re.escape(key)
    regex = re.sub(r"\x00([a-z_][a-z0-9_]*)\x01", lambda m: f"(?P<{m.group(1)}>[\\w-]+)", regex)
    try:
        return re.compile(regex + r"(?:/|$)")
    except re.error:  # the same parameter twice in one URL
        return None
