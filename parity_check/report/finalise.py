"""After the checks, before the reports: one finding per defect across modes, the profile's suppressions, then
the baseline comparison. The CLI's `check`, `report merge` and `report render` all pass their RunResult
through here, so the three agree."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..models import IMPACT_ORDER, MODES, Finding, RunResult, normalise_url, stable_locator
from .notes import replace_result


def finalise_result(result: RunResult, profile: Any = None, baseline_path: Path | str | None = None,
                    today: dt.date | None = None) -> RunResult:
    from ..baseline import apply_baseline, load_baseline
    from ..suppress import suppress_result

    result = replace_result(result, findings=merge_modes(result.findings))
    if profile is not None:
        result = suppress_result(result, profile, today)
    if baseline_path:
        result = apply_baseline(result, load_baseline(Path(baseline_path)))
    return result


def _defect_key(f: Finding) -> tuple:
    """What makes two findings the same defect whatever the mode: check, page, language, element."""
    locator = f.locator if f.locator is not None else stable_locator(f.selector)
    return (f.check, normalise_url(f.url) if f.url else "", f.lang or "", f.scope, f.outcome, locator)


def merge_modes(findings: list[Finding]) -> list[Finding]:
    """The same check failing on the same element (stable locator) of the same page in the normal and the
    VI mode is one finding seen in both: it keeps the normal-mode finding's words, evidence and fingerprint,
    takes the worse impact, and lists both modes and both fingerprints (so a baseline that knew either
    still knows it). Findings seen in one mode only are returned as they are; so are findings already merged
    (a report read back), which makes merging twice harmless."""
    groups: dict[tuple, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        if f.mode in MODES and not f.modes:
            groups[_defect_key(f)][f.mode].append(f)
    merged: dict[int, Finding | None] = {}  # id(finding) -> its merged finding, or None once absorbed
    for by_mode in groups.values():
        if len(by_mode) < 2:
            continue
        # Two identical elements on one page give two findings per mode: pair them in order.
        for same in zip(*(by_mode[m] for m in MODES if m in by_mode)):
            first = same[0]
            merged[id(first)] = dataclasses.replace(
                first, impact=max((f.impact for f in same), key=IMPACT_ORDER.index),
                modes=tuple(f.mode for f in same), fingerprints=tuple(f.fingerprint for f in same))
            merged.update((id(f), None) for f in same[1:])
    if not merged:
        return list(findings)
    out = (merged.get(id(f), f) for f in findings)
    return [f for f in out if f is not None]
