"""report.json back into a RunResult: the inverse of json_report.result_to_dict, so `report rank` and
`report render` can work from saved reports (and the round trip is tested)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import CheckError, Finding, PageEntry, RunResult
from .notes import with_notes

_FINDING_FIELDS = ("check", "source", "outcome", "impact", "url", "lang", "mode", "scope", "selector", "message",
                   "why", "help_url", "tags", "related", "evidence", "message_key", "message_args", "fingerprint",
                   "modes", "fingerprints", "locator")
_PAGE_FIELDS = ("url", "lang", "mode", "status", "outcome", "error", "final_url", "title", "vi_state", "vi_method")


class ReportError(Exception):
    """A file that is not a parity-check report.json."""


def finding_from_dict(d: dict[str, Any]) -> Finding:
    values = {k: d.get(k) for k in _FINDING_FIELDS if k in d}
    values["tags"] = tuple(d.get("tags") or ())
    values["related"] = tuple(d.get("related") or ())
    # A finding of one mode wrote `modes: [mode]` (schema 1.2) or nothing (1.1): both read back as unmerged.
    modes, fps = tuple(d.get("modes") or ()), tuple(d.get("fingerprints") or ())
    values["modes"], values["fingerprints"] = (modes, fps) if len(modes) > 1 else ((), ())
    values.setdefault("evidence", {})
    values["evidence"] = values["evidence"] or {}
    values["message_args"] = d.get("message_args") or {}
    values.setdefault("why", "")
    f = Finding(**values)
    notes = {k: d[k] for k in ("suppressed", "suppression_expired", "baseline") if d.get(k) is not None}
    return with_notes(f, **notes) if notes else f


def result_from_dict(data: dict[str, Any]) -> RunResult:
    try:
        result = RunResult(
            tool=data["tool"], target=data["target"], started_at=data["started_at"],
            captured_at=data["captured_at"], languages=list(data.get("languages", [])),
            coverage=data["coverage"],
            pages=[PageEntry(**{k: p.get(k) for k in _PAGE_FIELDS}) for p in data.get("pages", [])],
            findings=[finding_from_dict(f) for f in data.get("findings", [])],
            check_errors=[CheckError(e["check"], e["error"]) for e in data.get("check_errors", [])],
            site=data.get("site") or {}, profile=data.get("profile"))
    except (KeyError, TypeError) as e:
        raise ReportError(f"not a parity-check report.json: {type(e).__name__}: {e}") from None
    if data.get("baseline") is not None:
        result.baseline = data["baseline"]
    return result


def load_report(path: Path) -> RunResult:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(f"{path} does not exist") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ReportError(f"{path} is not JSON: {e}") from None
    if not isinstance(data, dict):
        raise ReportError(f"{path} is not a parity-check report.json")
    return result_from_dict(data)
