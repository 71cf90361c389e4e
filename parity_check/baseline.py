"""Baselines: compare a run with an older report.json by fingerprint, so a large site can adopt the tool
and fail CI only on what is new.

Every finding is marked `baseline: new` (its fingerprint is not in the old report) or `persisting`; the
old report's fingerprints missing from this run are listed as `fixed`. Fingerprints are sha1 of check,
normalised URL, language, mode, scope and stable locator (models.assign_fingerprints), so an unchanged
site gives zero new findings.
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


def apply_baseline(result: RunResult, baseline: dict[str, Any]) -> RunResult:
    """The run with each finding marked new or persisting and `result.baseline` summarising the
    comparison: {source, target, captured_at, new, persisting, fixed: [fingerprints], fixed_findings}."""
    old = {f["fingerprint"]: f for f in baseline.get("findings", []) if f.get("fingerprint")}
    findings = [with_notes(f, baseline="persisting" if f.fingerprint in old else "new")
                for f in result.findings]
    current = {f.fingerprint for f in findings}
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
        "fixed_findings": [{k: old[fp].get(k) for k in FIXED_FIELDS} for fp in fixed],
    }
    # RunResult gains a `baseline` field when models.py is wired; until then the attribute rides along.
    out.baseline = summary
    return out


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
