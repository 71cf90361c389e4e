"""What a profile would say about a site checked without one, read off the run's records: how its URLs carry
the language, which languages answered, how its VI mode was switched on. Written as inferred-profile.yaml so
a user can save, edit and pass it with --profile."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

import yaml

from .artifacts import PageRecord
from .urls import host_of, language_of_url


def infer_profile(target: str, records: Iterable[PageRecord]) -> dict:
    records = list(records)
    audited = [r for r in records if r.outcome == "audited" and r.mode == "normal"]
    styles: Counter = Counter()
    codes: dict[str, Counter] = {}
    for r in audited:
        found = language_of_url(r.final_url or r.url)
        if found:
            styles[(found.style, found.key if found.style == "query" else None)] += 1
            codes.setdefault(found.lang, Counter())[found.code] += 1
    languages = [lang for lang in ("kk", "ru", "en") if lang in codes] or ["kk", "ru", "en"]
    profile: dict = {"name": host_of(target).replace(".", "-") or "site", "target": target,
                     "languages": languages}
    if styles:
        (style, param), _ = styles.most_common(1)[0]
        urls = {"style": style, "codes": {lang: c.most_common(1)[0][0] for lang, c in sorted(codes.items())}}
        if style == "query":
            urls["param"] = param
        profile["language_urls"] = urls
    vi = _vi_steps(records)
    if vi:
        profile["vi"] = vi
    profile["facts"] = {"confirmed": [], "assumed": ["inferred by parity-check from one run; check before relying on it"]}
    return profile


def _vi_steps(records: list[PageRecord]) -> dict | None:
    switched = [(r.get("vi") or {}) for r in records if r.mode == "vi"]
    clicked = [vi for vi in switched if vi.get("state") == "active" and vi.get("switch")]
    if not clicked:
        return None
    switch = clicked[0]["switch"]
    after = clicked[0].get("after") or {}
    step = "click .bvi-open" if switch.get("how") == "bvi-widget" else f"click text {switch.get('text') or switch.get('accessible_name')}"
    vi: dict = {"steps": [step]}
    if "body.bvi-active" in (after.get("markers") or []):
        vi["active_selector"] = "body.bvi-active"
    langs = sorted({r.lang for r in records if r.mode == "vi" and (r.get("vi") or {}).get("state") == "active" and r.lang})
    if langs:
        vi["languages"] = langs
    return vi


def inferred_profile_yaml(target: str, records: Iterable[PageRecord]) -> str:
    header = "# Inferred by parity-check from one run of this site. Save it, edit it, pass it with --profile.\n"
    return header + yaml.safe_dump(infer_profile(target, records), allow_unicode=True, sort_keys=False)
