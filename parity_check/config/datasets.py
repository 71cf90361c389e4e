"""Data that sites vary (the names they give the VI switch, their "not found" texts, the portals they must
link to...), kept out of code: each data set is a YAML file in `profiles/data/<name>.yaml`, declared here
with the shape of its values, and a profile extends it under its `data:` key.

Extending, not replacing, is the point: a profile that adds one more spelling of the VI switch must not
lose the shipped ones. So within `data:` mappings merge key by key, lists add their new items after the
shipped ones, and `null` drops a key (a shipped entry that is wrong for one site).
"""
from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

from .model import PACKAGE_PROFILES, ProfileError
from .schema import _BAD, Dict, Host, Keys, Lang, Regex, Seq, Spec, Struct, Text, _Check, _mean, _show
from .yaml_lines import _read_yaml

DATA_DIR = "data"  # beside the profiles: profiles/data/<name>.yaml

_PER_LANGUAGE_TEXTS = Dict(Lang(), Seq(Text()), null_drops=True)
# A portal a site must link to: its hosts, its names per language, and (where it has language versions) what
# marks each version in a link's path and query. No field is required: a profile may extend one field alone.
_PORTAL = Struct({"hosts": Seq(Host()), "names": _PER_LANGUAGE_TEXTS,
                  "versions": Dict(Lang(), Seq(Regex()), null_drops=True)})
_PORTALS = Dict(Keys(r"^[a-z][a-z0-9_]*$", "a portal name (lower case, digits, _)"), _PORTAL, null_drops=True)

# name -> (the shape of the data set, what it is for). A data set added here needs its shipped file.
DATASETS: dict[str, tuple[Spec, str]] = {
    "vi_switch_names": (_PER_LANGUAGE_TEXTS,
                        "what sites call the switch to the mode for the visually impaired, per language: "
                        "parts of its accessible name, matched ignoring case"),
    "not_found_texts": (_PER_LANGUAGE_TEXTS,
                        "how sites say a page does not exist, per language: a title part, heading or short "
                        "main region made mainly of one of these marks the page as not found"),
    "required_links": (_PORTALS,
                       "the portals every state body's site must link to in every language: hosts, names per "
                       "language, and the URL marks of their language versions (our reading of Order 124-НҚ)"),
}


class DataSets(Spec):
    """The `data:` key of a profile: each key a declared data set, each value of that data set's shape."""

    what = "a mapping of data set names to their values"

    def __call__(self, v, path, ck):
        if not isinstance(v, dict):
            return self.wrong(v, path, ck)
        out, bad = {}, False
        for name, value in v.items():
            here = path + (name,)
            if name not in DATASETS:
                hint = _mean(name, DATASETS) or f"known: {', '.join(sorted(DATASETS))}"
                ck.fail(here, f"unknown data set {_show(name)}", hint, at_key=True)
                bad = True
                continue
            out[name] = None if value is None else DATASETS[name][0](value, here, ck)
            bad |= out[name] is _BAD
        return _BAD if bad else out


def extend(into: dict, layer: dict) -> None:
    """Merges one layer's data sets into `into`: mappings key by key, lists extended with the items they
    do not have yet (in order), `null` drops the key, anything else replaces."""
    for key, value in layer.items():
        old = into.get(key)
        if value is None:
            into.pop(key, None)
        elif isinstance(value, dict) and isinstance(old, dict):
            extend(old, value)
        elif isinstance(value, list) and isinstance(old, list):
            old.extend(x for x in copy.deepcopy(value) if x not in old)
        else:
            into[key] = copy.deepcopy(value)


def shipped_layer(dirs: tuple[Path, ...]) -> dict[str, Any]:
    """The `data:` of the shipped files, then of a profile directory's own data/ folder over them."""
    data: dict[str, Any] = {}
    for d in (PACKAGE_PROFILES, *(d for d in dirs if d != PACKAGE_PROFILES)):
        folder = d / DATA_DIR
        for name in sorted(DATASETS):
            path = folder / f"{name}.yaml"
            if path.is_file():
                extend(data, {name: _read_data_file(path, name)})
    missing = sorted(set(DATASETS) - set(data))
    if missing:  # a packaging fault, not the user's: every declared data set ships with its file
        raise ProfileError(str(PACKAGE_PROFILES / DATA_DIR), None, f"no data file for {', '.join(missing)}")
    return data


def _read_data_file(path: Path, name: str) -> Any:
    stat = path.stat()
    return copy.deepcopy(_parsed(str(path), name, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=32)
def _parsed(path: str, name: str, mtime_ns: int, size: int) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ProfileError(path, None, f"cannot read the data file: {e}") from None
    value, lines = _read_yaml(text, path)
    ck = _Check(path, lines, None)
    if value is None:
        raise ProfileError(path, None, "the data file is empty")
    out = DATASETS[name][0](value, (), ck)
    if ck.problems:
        raise ProfileError.of(ck.problems)
    return out


@functools.lru_cache(maxsize=1)
def _shipped_only() -> dict[str, Any]:
    return shipped_layer(())


def shipped(name: str) -> Any:
    """A data set as shipped, for code that runs with no profile (checks over records given in tests)."""
    return copy.deepcopy(_shipped_only()[name])


def spelled_out(data: dict[str, Any]) -> dict[str, Any]:
    """`data` as a profile would write it to load back the same: what it holds, and null for each shipped
    key it dropped (extending alone would bring those back)."""
    def walk(have: Any, base: Any) -> Any:
        if not (isinstance(have, dict) and isinstance(base, dict)):
            return copy.deepcopy(have)
        out = {k: walk(v, base.get(k)) for k, v in have.items()}
        out.update({k: None for k in base if k not in have})
        return out
    return walk(data, _shipped_only())


def describe() -> list[tuple[str, str]]:
    """(name, what it is for) of every data set, for `parity-check profiles data` and the docs."""
    return [(name, DATASETS[name][1]) for name in sorted(DATASETS)]


__all__ = ["DATASETS", "DataSets", "extend", "shipped", "shipped_layer", "spelled_out", "describe", "DATA_DIR"]
