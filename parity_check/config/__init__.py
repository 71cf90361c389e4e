"""Profiles: what parity-check is told about a site, read from YAML and validated before any browser starts.

A profile says which languages a site has and how they show in its URLs, where to start and what is in
scope, how to switch the mode for the visually impaired on, which sections the rules require, what to
ignore and when to fail. Shipped profiles live in the top-level `profiles/` folder (installed with the
package as `parity_check.profiles`, see setup.py): `_defaults.yaml` holds every default, one file per site refines it.

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

This module is the public interface; the work is done by model.py (constants, dataclasses, ProfileError),
yaml_lines.py (YAML with lines), schema.py (validators, SCHEMA), layers.py (reading, merging, templates)
and build.py (the Profile). Import from `parity_check.config`: it re-exports their public names.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import yaml

from .build import _assemble
from .datasets import DATASETS, shipped as shipped_data, spelled_out
from .layers import (
    _Layer, _bases_of, _chain, _defaults_layers, _fill, _merge, _named, _registries, _search_dirs, _text_layer,
    _url_key, _url_pattern, _validate,
)
from .model import (
    DEFAULTS_FILE, IMPACT_LEVELS, LANGUAGES, MAX_VALUES, PACKAGE_PROFILES, URL_STYLES, LanguageUrls, Problem,
    Profile, ProfileError, Scope, SectionRule, Suppression, ViConfig,
)
from .schema import (
    SCHEMA, ActionText, Choice, Dict, Host, Int, Keys, Lang, Number, Opt, Regex, Seq, Spec, Struct, Text, Url, When,
    _PLACEHOLDER, _mean, _show, did_you_mean,
)
from .yaml_lines import Loc, _Lines, _read_yaml

__all__ = [  # the names the package offers; the modules beside this one are its inside
    "PACKAGE_PROFILES", "DEFAULTS_FILE", "LANGUAGES", "URL_STYLES", "IMPACT_LEVELS", "MAX_VALUES",
    "Problem", "ProfileError", "LanguageUrls", "Scope", "ViConfig", "SectionRule", "Suppression", "Profile", "Loc",
    "did_you_mean", "Spec", "Text", "Opt", "Int", "Number", "Choice", "Lang", "Regex", "ActionText", "Url", "Host",
    "When", "Seq", "Keys", "Dict", "Struct", "SCHEMA", "DATASETS", "shipped_data",
    "load_profile", "load_profile_text", "find_profile_for", "list_profiles", "default_profile", "profile_to_dict",
    "profile_to_yaml",
]


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
        "data": spelled_out(profile.data),
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
