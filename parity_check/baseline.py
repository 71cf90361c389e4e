"""Baselines: compare a run with an older report.json by fingerprint, so a large site can adopt the tool
and fail CI only on what is new.

Every finding is marked `baseline: new` (none of its fingerprints is in the old report) or `persisting`; the
old report's fingerprints missing from this run are listed as `fixed`. Fingerprints are sha1 of check,
normalised URL, language, mode, scope and stable locator (models.assign_fingerprints), so an unchanged
site gives zero new findings; a finding seen in both modes carries both modes' fingerprints, so merging
(report schema 1.2) turns nothing new.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .models import RunResult, impact_at_least
from .report.notes import is_suppressed, note, replace_result, with_notes

FIXED_FIELDS = ("fingerprint", "check", "impact", "outcome", "url", "lang", "mode", "selector", "message")


class BaselineError(Exception):
    """The baseline file cannot be used (missing, not JSON, not a parity-check report)."""


def load_baseline(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path} does not exist") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise BaselineError(f"baseline {path} is not a JSON report: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"baseline {path} is not a parity-check report.json (no findings list)")
    data["_source"] = str(path)
    return data


def _answers_to(old_finding: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(fingerprint, mode) of each mode an old finding was seen in: one pair before schema 1.2, one per mode
    for a finding that merged the normal and VI modes."""
    fps = old_finding.get("fingerprints") or [old_finding.get("fingerprint")]
    modes = old_finding.get("modes") or [old_finding.get("mode")]
    if len(modes) != len(fps):
        modes = [old_finding.get("mode")] * len(fps)
    return [(fp, mode) for fp, mode in zip(fps, modes) if fp]


def apply_baseline(result: RunResult, baseline: dict[str, Any]) -> RunResult:
    """The run with each finding marked new or persisting and `result.baseline` summarising the
    comparison: {source, target, captured_at, new, persisting, fixed: [fingerprints], fixed_findings}.

    A finding persists when the baseline knew any of its fingerprints: a finding that now merges the normal
    and the VI mode answers to both modes' fingerprints, so a baseline written before merging (one finding
    per mode) or after it matches either way. A fingerprint of the baseline that no finding answers to is
    fixed (for a merged finding of the baseline, the mode that no longer fails)."""
    old: dict[str, tuple[dict[str, Any], str | None]] = {}
    for f in baseline.get("findings", []):
        for fp, mode in _answers_to(f):
            old[fp] = (f, mode)
    findings = [with_notes(f, baseline="persisting" if any(fp in old for fp in f.all_fingerprints) else "new")
                for f in result.findings]
    current = {fp for f in findings for fp in f.all_fingerprints}
    fixed = sorted(fp for fp in old if fp not in current)
    out = replace_result(result, findings=findings)
    summary = {
        "source": baseline.get("_source"),
        "target": baseline.get("target"),
        "captured_at": baseline.get("captured_at"),
        # another axe-core may have other rules: findings then change with the tool, not the site
        "axe_version": (baseline.get("tool") or {}).get("axe_version"),
        "new": sum(1 for f in findings if note(f, "baseline") == "new"),
        "persisting": sum(1 for f in findings if note(f, "baseline") == "persisting"),
        "fixed": fixed,
        "fixed_findings": [_fixed_entry(fp, *old[fp]) for fp in fixed],
    }
    out.baseline = summary
    return out


def _fixed_entry(fp: str, old_finding: dict[str, Any], mode: str | None) -> dict[str, Any]:
    entry = {k: old_finding.get(k) for k in FIXED_FIELDS}
    entry.update(fingerprint=fp, mode=mode)
    return entry


def gate_exit_code(result: RunResult, fail_on: str, fail_on_new: bool = False) -> int:
    """1 if a violation at or above `fail_on` counts, else 0. Suppressed findings never count; with
    `fail_on_new`, only findings the baseline marked new count (with no baseline, every finding is new,
    which is the safe reading of a first run)."""
    if fail_on == "none":
        return 0
    for f in result.findings:
        if f.outcome != "violation" or is_suppressed(f) or not impact_at_least(f.impact, fail_on):
            continue
        if fail_on_new and note(f, "baseline") == "persisting":
            continue
        return 1
    return 0
