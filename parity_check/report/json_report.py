"""report.json: the public contract other tools read (schema: schema/report.schema.json).

Names here never change; fields are only added (schema_version 1.x). Added in 1.1: `score`,
`template_issues`, `baseline`, `summary.suppressed`, and per finding `suppressed`, `suppression_expired`
and `baseline` (present only when set).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import Finding, RunResult
from . import Reporter
from .digest import site_score, template_issues
from .notes import NOTE_FIELDS, active, is_suppressed, notes_dict

REPORT_SCHEMA_VERSION = "1.1"


def finding_to_dict(f: Finding) -> dict[str, Any]:
    d = f.to_dict()
    for name in NOTE_FIELDS:
        d.pop(name, None)
    d.update(notes_dict(f))
    return d


def result_to_dict(result: RunResult, template_min_pages: int | None = None) -> dict[str, Any]:
    summary = result.summary()
    summary["suppressed"] = sum(1 for f in result.findings if is_suppressed(f))
    kwargs = {"min_pages": template_min_pages} if template_min_pages else {}
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "tool": result.tool,
        "target": result.target,
        "profile": result.profile,
        "started_at": result.started_at,
        "captured_at": result.captured_at,
        "languages": list(result.languages),
        "coverage": result.coverage,
        "site": result.site,
        "pages": [p.to_dict() for p in sorted(result.pages, key=lambda p: (p.url, p.lang or "", p.mode))],
        "findings": [finding_to_dict(f) for f in result.findings],
        "check_errors": [{"check": e.check, "error": e.error} for e in result.check_errors],
        "summary": summary,
        "score": site_score(result, **kwargs).to_dict(),
        "template_issues": [
            {"check": t.check, "locator": t.locator, "impact": t.impact, "pages": len(t.urls),
             "fingerprints": [f.fingerprint for f in t.findings]}
            for t in template_issues(active(result.findings), **kwargs)],
    }
    baseline = getattr(result, "baseline", None)
    if baseline is not None:
        data["baseline"] = baseline
    return data


class JsonReporter(Reporter):
    format = "json"
    filename = "report.json"

    def finish(self) -> Path:
        data = result_to_dict(self.result, self.options.get("template_min_pages"))
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                             encoding="utf-8")
        return self.path
