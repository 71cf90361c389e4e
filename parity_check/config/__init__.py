"""Profiles: what parity-check is told about a site, read from YAML and validated before any browser starts.

A profile says which languages a site has and how they show in its URLs, where to start and what is in
scope, how to switch the mode for the visually impaired on, which sections the rules require, what to
ignore and when to fail. Shipped profiles live in `parity_check/profiles/` (so they install with the
package): `_defaults.yaml` holds every default, one file per site refines it.

Merge order (later wins): `_defaults.yaml` < the `extends` chain < the profile < parameters in the
reference (`govkz?slug=mz`) < overrides (command-line values; None means "not given").
- Mappings merge key by key; lists and scalars replace. A section set to null is dropped.
- `facts.confirmed` / `facts.assumed` accumulate along the chain: a profile extending `govkz` keeps the
  platform's facts beside its own. `name`, `title` and `aliases` describe one site and are not inherited.
- `{name}` in URLs, scope, selectors and URL patterns is filled from `params`; a target given on the
  command line fills them too when it fits the template (`https://www.gov.kz/memleket/entities/mz`). A
  profile left with an unfilled `{name}` is a template, and loading it says how to fill it.

Every problem is reported as `file:line: message (hint)`; lines come from the YAML node marks, so a typo
in a profile fails at load time and points at itself.
"""
from __future__ import annotations

import copy
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qsl, urlencode, urljoin

import yaml

from ..vi_actions import Action, parse_action
from .model import (
    DEFAULTS_FILE, IMPACT_LEVELS, LANGUAGES, MAX_VALUES, PACKAGE_PROFILES, URL_STYLES, LanguageUrls, Problem,
    Profile, ProfileError, Scope, SectionRule, Suppression, ViConfig, _split,
)
from .schema import (
    SCHEMA, ActionText, Choice, Dict, Host, Int, Keys, Lang, Number, Opt, Regex, Seq, Spec, Struct, Text, Url, When,
    _HOST, _PLACEHOLDER, _Check, _kind, _mean, _show, _where, did_you_mean,
)
from .yaml_lines import Loc, _Lines, _read_yaml

__all__ = [  # the names the package offers; the modules beside this one are its inside
    "PACKAGE_PROFILES", "DEFAULTS_FILE", "LANGUAGES", "URL_STYLES", "IMPACT_LEVELS", "MAX_VALUES",
    "Problem", "ProfileError", "LanguageUrls", "Scope", "ViConfig", "SectionRule", "Suppression", "Profile", "Loc",
    "did_you_mean", "Spec", "Text", "Opt", "Int", "Number", "Choice", "Lang", "Regex", "ActionText", "Url", "Host",
    "When", "Seq", "Keys", "Dict", "Struct", "SCHEMA",
    "load_profile", "load_profile_text", "find_profile_for", "list_profiles", "default_profile", "profile_to_dict",
    "profile_to_yaml",
]


_NOT_INHERITED = ("name", "title", "aliases")  # they describe one site, not the ones extending it
_OVERRIDES = "command line"  # the source named in problems with override values
_TEMPLATED = ("target", "start_urls", "scope", "wait_for", "vi", "sections", "ignore", "aliases")


# ---------------------------------------------------------------------------------------------------------
# Layers: read, validate, merge, fill templates
# ---------------------------------------------------------------------------------------------------------
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
    return [_read_layer(p, None) for p in paths]


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
        if value is None and path == ("sections",):
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


# ---------------------------------------------------------------------------------------------------------
# Building the Profile
# ---------------------------------------------------------------------------------------------------------
def _build(d: dict, name: str, source: str | None, origins: dict, default_sections: set[str]) -> Profile:
    problems: list[Problem] = []

    def fail(path: Loc, message: str, hint: str | None = None) -> None:
        problems.append(Problem(*_origin(origins, path), message, hint))

    params = dict(d.get("params") or {})
    filled = {k: (_fill(v, params) if k in _TEMPLATED else v) for k, v in d.items()}
    target = filled.get("target")
    unfilled: dict[str, Loc] = {}
    for key in _TEMPLATED:
        for path, text in _strings(filled.get(key), (key,)):
            for m in _PLACEHOLDER.finditer(text):
                unfilled.setdefault(m.group(1), path)
    for param, path in unfilled.items():
        fail(path, f"{_where(path)}: {{{param}}} has no value: profile '{name}' is a template",
             f"give the site's URL as the target, load '{name}?{param}=...', or add params: {{{param}: ...}}")

    steps = []
    for i, s in enumerate(filled["vi"]["steps"]):
        try:
            steps.append(parse_action(s))
        except ValueError as e:
            fail(("vi", "steps", i), f"vi.steps[{i}]: invalid action: {e}")
    languages = tuple(filled["languages"])
    vi_langs = filled["vi"].get("languages")
    if vi_langs is not None and _origin(origins, ("languages",))[0] == _OVERRIDES:
        vi_langs = [lang for lang in vi_langs if lang in languages]  # `--langs kk` narrows the VI ones too
    for lang in vi_langs or ():
        if lang not in languages:
            fail(("vi", "languages"), f"vi.languages: {lang} is not among the profile's languages {list(languages)}")

    sections = {}
    for key, rule in filled["sections"].items():
        if rule is None:
            continue
        names = {lang: tuple(n) for lang, n in rule.get("names", {}).items()}
        patterns = tuple(rule.get("url_patterns", ()))
        if key not in default_sections and not any(names.values()) and not patterns:
            fail(("sections", key), f"section {key!r} has neither names nor url_patterns: nothing can find it")
        sections[key] = SectionRule(names, patterns, tuple(rule.get("not_names", ())))

    start_urls = tuple(urljoin(target, u) if target else u for u in filled["start_urls"])
    if problems:
        raise ProfileError.of(problems)
    lu, sc, facts = filled["language_urls"], filled["scope"], filled["facts"]
    return Profile(
        name=filled.get("name") or name, title=dict(filled.get("title", {})), source=source, target=target,
        languages=languages,
        language_urls=LanguageUrls(style=lu["style"], param=lu["param"], codes=dict(lu["codes"])),
        start_urls=start_urls,
        scope=Scope(hosts=tuple(sc["hosts"]), include=tuple(sc["include"]), exclude=tuple(sc["exclude"])),
        max_pages=filled["max_pages"], max_depth=filled["max_depth"], concurrency=filled["concurrency"],
        timeout_ms=filled["timeout_ms"], settle_ms=filled["settle_ms"], wait_for=filled["wait_for"],
        vi=ViConfig(steps=tuple(steps), active_selector=filled["vi"]["active_selector"],
                    languages=tuple(vi_langs) if vi_langs is not None else None),
        sections=sections,
        ignore=tuple(Suppression(check=s["check"], reason=s["reason"], url=s.get("url"),
                                 selector=s.get("selector"), expires=s.get("expires")) for s in filled["ignore"]),
        fail_on=filled["fail_on"], thresholds=dict(filled["thresholds"]),
        facts={"confirmed": tuple(facts.get("confirmed", ())), "assumed": tuple(facts.get("assumed", ()))},
        aliases=tuple(filled.get("aliases", ())), params=params,
    )


def _strings(value: Any, path: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


def _assemble(layers: list[_Layer], name: str, source: str | None, overrides: dict | None, known: dict) -> Profile:
    merged: dict = {}
    origins: dict = {}
    for layer in layers:
        _merge(merged, layer.data, origins, layer.source, layer.lines)
    extra = _overrides_layer(overrides, known)
    template = merged.get("target")
    if "target" in extra.data and template and _PLACEHOLDER.search(template):
        # `--profile govkz https://www.gov.kz/memleket/entities/mz`: the slug is in the URL
        found = _params_from_url(template, extra.data["target"]) or {}
        merged["params"] = {**found, **merged.get("params", {})}
    _merge(merged, extra.data, origins, extra.source, extra.lines)
    return _build(merged, name, source, origins, known["sections"])


# ---------------------------------------------------------------------------------------------------------
# The public interface
# ---------------------------------------------------------------------------------------------------------
def load_profile(ref: str | None = None, overrides: dict | None = None,
                 profiles_dir: Path | None = None) -> Profile:
    """The merged, validated profile. `ref`: None (defaults only), a YAML file path, a shipped profile's
    name (`akimvko`, `govkz?slug=mz`) or a domain or URL one of them answers to (`akimvko.gov.kz`).
    Names are looked up in `profiles_dir` first, then among the shipped profiles."""
    dirs = _search_dirs(profiles_dir)
    defaults = _defaults_layers(dirs)
    known = _registries(defaults)
    if ref is None:
        return _assemble(defaults, "defaults", None, overrides, known)
    path, params = _resolve_ref(ref, dirs)
    chain = _chain(path, dirs, known)
    layers = [*defaults, *chain]
    if params:
        where = f"profile reference {ref!r}"
        layers.append(_Layer(_validate({"params": params}, where, _Lines(), known), where, _Lines()))
    return _assemble(layers, path.stem, chain[-1].source, overrides, known)


def load_profile_text(text: str, source: str = "<profile>", overrides: dict | None = None,
                      profiles_dir: Path | None = None) -> Profile:
    """A profile given as YAML text (tests, profiles passed on stdin). `extends` is resolved against the
    working directory and the profile directories."""
    dirs = _search_dirs(profiles_dir)
    defaults = _defaults_layers(dirs)
    known = _registries(defaults)
    layer = _text_layer(text, source, known)
    bases = _bases_of(layer, Path.cwd(), dirs, known, ())
    name = re.sub(r"[^\w.-]+", "-", Path(source).stem).strip("-._") or "profile"
    return _assemble([*defaults, *bases, layer], name, source, overrides, known)


def _resolve_ref(ref: str, dirs: tuple[Path, ...]) -> tuple[Path, dict[str, str]]:
    if isinstance(ref, os.PathLike):
        ref = os.fspath(ref)
    if not isinstance(ref, str) or not ref.strip():
        raise ProfileError(None, None, f"profile reference {_show(ref)} is empty")
    ref = ref.strip()
    named = _named(dirs)
    base, _, query = ref.partition("?")
    if base in named and "://" not in ref:
        return named[base], dict(parse_qsl(query, keep_blank_values=True))
    path = Path(ref)
    if path.is_file():
        return path, {}
    if ref.endswith((".yaml", ".yml")):
        raise ProfileError(ref, None, "no such profile file")
    found = _find(ref, dirs)
    if found:
        return _resolve_ref(found, dirs)
    raise ProfileError(None, None, f"no profile named or answering to {ref!r}",
                       _mean(base, named) or f"known: {', '.join(named)}; or give a YAML file's path")


def find_profile_for(target: str, profiles_dir: Path | None = None) -> str | None:
    """The profile reference for a domain or URL: `akimvko.gov.kz` -> `akimvko`,
    `https://www.gov.kz/memleket/entities/mz?lang=ru` -> `govkz?slug=mz`. The most specific match wins; a
    site's own profile beats the platform template. None if no profile fits."""
    return _find(target, _search_dirs(profiles_dir))


def _find(target: str, dirs: tuple[Path, ...]) -> str | None:
    if not isinstance(target, str) or not target.strip():
        return None
    named = _named(dirs)
    target = target.strip()
    if target.partition("?")[0] in named and "://" not in target:
        return target
    key = _url_key(target)
    best: tuple[float, str] | None = None
    for name, (url_templates, params) in _site_keys(named, dirs).items():
        for tpl in url_templates:
            pattern = _url_pattern(tpl)
            m = pattern.match(key) if pattern else None
            if not m:
                continue
            literal = len(_PLACEHOLDER.sub("", _url_key(tpl)))
            score = literal - (0.5 if m.groupdict() else 0)
            ref = name + ("?" + urlencode(m.groupdict()) if m.groupdict() else "")
            if best is None or score > best[0]:
                best = (score, ref)
    return best[1] if best else None


def _site_keys(named: dict[str, Path], dirs: tuple[Path, ...]) -> dict[str, tuple[list[str], dict]]:
    """For each profile: its target (filled with its own params, or still a template) and its aliases."""
    try:
        known = _registries(_defaults_layers(dirs))
    except ProfileError:
        return {}
    out = {}
    for name, path in named.items():
        try:
            layers = _chain(path, dirs, known)
        except ProfileError:
            continue  # a broken profile cannot be matched; loading it by name reports why
        merged: dict = {}
        for layer in layers:
            _merge(merged, layer.data, {}, layer.source, layer.lines)
        params = merged.get("params", {})
        urls = [_fill(merged["target"], params)] if merged.get("target") else []
        out[name] = (urls + list(merged.get("aliases", [])), params)
    return out


def list_profiles(profiles_dir: Path | None = None) -> list[tuple[str, str, Path]]:
    """(name, English title, file) of every profile found, by name."""
    out = []
    for name, path in sorted(_named(_search_dirs(profiles_dir)).items()):
        try:
            data, _ = _read_yaml(path.read_text(encoding="utf-8-sig"), str(path))
            title = data.get("title", {}).get("en", "") if isinstance(data, dict) else ""
        except (ProfileError, OSError, UnicodeDecodeError, AttributeError):
            title = ""
        out.append((name, title if isinstance(title, str) else "", path))
    return out


def default_profile() -> Profile:
    return load_profile(None)


def profile_to_dict(profile: Profile) -> dict:
    """The profile as plain YAML-able data with every value explicit (what profile_to_yaml prints)."""
    data = {
        "name": profile.name, "title": dict(profile.title), "aliases": list(profile.aliases),
        "params": dict(profile.params), "target": profile.target, "languages": list(profile.languages),
        "language_urls": {"style": profile.language_urls.style, "param": profile.language_urls.param,
                          "codes": dict(profile.language_urls.codes)},
        "start_urls": list(profile.start_urls),
        "scope": {k: list(getattr(profile.scope, k)) for k in ("hosts", "include", "exclude")},
        "max_pages": profile.max_pages, "max_depth": profile.max_depth, "concurrency": profile.concurrency,
        "timeout_ms": profile.timeout_ms, "settle_ms": profile.settle_ms, "wait_for": profile.wait_for,
        "vi": {"steps": [str(a) for a in profile.vi.steps], "active_selector": profile.vi.active_selector,
               "languages": list(profile.vi.languages) if profile.vi.languages is not None else None},
        "sections": {k: {"names": {lang: list(n) for lang, n in r.names.items()}, "url_patterns": list(r.url_patterns),
                         "not_names": list(r.not_names)} for k, r in profile.sections.items()},
        "ignore": [{"check": s.check, "url": s.url, "selector": s.selector, "reason": s.reason,
                    "expires": s.expires} for s in profile.ignore],
        "fail_on": profile.fail_on, "thresholds": dict(profile.thresholds),
        "facts": {k: list(v) for k, v in profile.facts.items()},
    }
    try:  # a default section the profile dropped must stay dropped when the printed profile is loaded
        dropped = _registries(_defaults_layers(()))["sections"] - set(profile.sections)
        data["sections"].update({k: None for k in sorted(dropped)})
    except ProfileError:
        pass
    return data


def profile_to_yaml(profile: Profile) -> str:
    """YAML a user can save, edit and pass back with --profile; loading it gives the same profile."""
    origin = f", merged from {profile.source}" if profile.source else ""
    header = (f"# parity-check profile '{profile.name}'{origin}.\n"
              f"# Every value is spelled out; keep only what you change, {DEFAULTS_FILE} supplies the rest.\n")
    return header + yaml.safe_dump(profile_to_dict(profile), allow_unicode=True, sort_keys=False, width=110)
