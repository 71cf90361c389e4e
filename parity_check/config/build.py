"""The merged layers become a Profile: templates filled, what only the whole profile can show checked
(an unfilled `{slug}`, VI languages outside the profile's), and the dataclasses built."""
from __future__ import annotations

from typing import Any, Iterator
from urllib.parse import urljoin

from ..vi_actions import parse_action
from .layers import _OVERRIDES, _Layer, _fill, _merge, _origin, _overrides_layer, _params_from_url
from .model import LanguageUrls, Problem, Profile, ProfileError, Scope, SectionRule, Suppression, ViConfig
from .schema import _PLACEHOLDER, _where
from .yaml_lines import Loc

_TEMPLATED = ("target", "start_urls", "scope", "wait_for", "vi", "sections", "ignore", "aliases")


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
        aliases=tuple(filled.get("aliases", ())), params=params, data=filled.get("data") or {},
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
