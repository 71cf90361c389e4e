"""Notes a finding gains after the checks: accepted in the profile (suppressed), an expired acceptance, and
its state against a baseline report. They belong to the report, not to the check that found the problem.

models.Finding may carry these as fields; until it does, a frozen subclass carries them, so suppress.py and
baseline.py work either way and every reporter reads them with `note()`.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..models import Finding

NOTE_FIELDS = ("suppressed", "suppression_expired", "baseline")

if {f.name for f in dataclasses.fields(Finding)} >= set(NOTE_FIELDS):
    NotedFinding = Finding
else:
    @dataclasses.dataclass(frozen=True)
    class NotedFinding(Finding):  # type: ignore[no-redef]
        suppressed: dict[str, Any] | None = None  # {reason, expires}
        suppression_expired: dict[str, Any] | None = None  # {reason, expires}: it counts again
        baseline: str | None = None  # new | persisting


def note(finding: Finding, name: str) -> Any:
    return getattr(finding, name, None)


def with_notes(finding: Finding, **notes: Any) -> Finding:
    """A copy of `finding` with the notes set (the others kept)."""
    unknown = set(notes) - set(NOTE_FIELDS)
    if unknown:
        raise TypeError(f"unknown finding notes: {', '.join(sorted(unknown))}")
    if isinstance(finding, NotedFinding):
        return dataclasses.replace(finding, **notes)
    values = {f.name: getattr(finding, f.name) for f in dataclasses.fields(Finding)}
    return NotedFinding(**values, **notes)


def is_suppressed(finding: Finding) -> bool:
    return bool(note(finding, "suppressed"))


def active(findings):
    """Findings that count: not accepted in the profile."""
    return [f for f in findings if not is_suppressed(f)]


def notes_dict(finding: Finding) -> dict[str, Any]:
    """The notes that are set, as the JSON report writes them (absent notes are left out, so a run with no
    profile suppressions and no baseline writes exactly the 1.0 shape)."""
    return {name: note(finding, name) for name in NOTE_FIELDS if note(finding, name) is not None}


def replace_result(result, **changes):
    """dataclasses.replace for a RunResult that keeps a `baseline` summary riding as a plain attribute
    (until models.RunResult has the field, replace() would drop it)."""
    out = dataclasses.replace(result, **changes)
    if getattr(result, "baseline", None) is not None and getattr(out, "baseline", None) is None:
        out.baseline = result.baseline
    return out
