"""report.json: the public contract other tools read (schema: schema/report.schema.json).

Names here never change; fields are only added (schema_version 1.x). Added in 1.1: `score`,
`template_issues`, `baseline`, `summary.suppressed`, and per finding `suppressed`, `suppression_expired`
and `baseline` (present only when set).

1.2 (one finding per defect): the same check on the same element of the same page in the normal and the VI
mode is one finding; per finding `modes` (the modes it was seen in; `mode` is the first), `fingerprints`
(each mode's fingerprint; `fingerprint` is the first, so a finding seen in one mode keeps its old one),
`locator` (the stable locator the fingerprint and the grouping use) and `template` (the id of the template
finding it belongs to). `template_issues` are the template findings: one
per element of a layout shared by several templates, or per element of one URL template (templates.py),
with `id`, `kind`, `template`, `outcome`, `languages`, `modes`, `instances`, `examples`; `summary.instances`
(findings per mode, as 1.1 counted them), `summary.defects` (things to fix: a template finding once) and
`summary.by_mode` counting a finding under each mode it was seen in. Every instance stays in `findings`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import Finding, RunResult
from . import Reporter
from .digest import defect_count, site_score, template_findings
from .notes import NOTE_FIELDS, active, is_suppressed, notes_dict

REPORT_SCHEMA_VERSION = "1.2"


def finding_to_dict(f: Finding, template: str | None = None) -> dict[str, Any]:
    d = f.to_dict()
    for name in NOTE_FIELDS:
        d.pop(name, None)
    if template:
        d["template"] = template
    d.update(notes_dict(f))
    return d


def result_to_dict(result: RunResult, template_min_pages: int | None = None) -> dict[str, Any]:
    kwargs = {"min_pages": template_min_pages} if template_min_pages else {}
    counted = active(result.findings)
    templates = template_findings(counted, **kwargs)
    template_of = {id(f): t.id for t in templates for f in t.findings}
    summary = result.summary()
    summary["suppressed"] = sum(1 for f in result.findings if is_suppressed(f))
    summary["defects"] = defect_count(counted, templates)
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
        "findings": [finding_to_dict(f, template_of.get(id(f))) for f in result.findings],
        "check_errors": [{"check": e.check, "error": e.error} for e in result.check_errors],
        "summary": summary,
        "score": site_score(result, **kwargs).to_dict(),
        "template_issues": [t.to_dict() for t in templates],
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
