"""report.json: the public contract other tools read (schema: schema/report.schema.json)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import RunResult
from . import Reporter

REPORT_SCHEMA_VERSION = "1.0"


def result_to_dict(result: RunResult) -> dict[str, Any]:
    return {
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
        "findings": [f.to_dict() for f in result.findings],
        "check_errors": [{"check": e.check, "error": e.error} for e in result.check_errors],
        "summary": result.summary(),
    }


class JsonReporter(Reporter):
    format = "json"
    filename = "report.json"

    def finish(self) -> Path:
        data = result_to_dict(self.result)
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                             encoding="utf-8")
        return self.path
