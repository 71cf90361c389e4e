"""findings.csv: one row per finding with every field of the JSON contract, for spreadsheets and ticket
imports. Lists (tags, related, the modes a finding was seen in) are joined with "; "; evidence and
message_args are JSON; `template` is the id of the template finding (report.json `template_issues`) a
finding is an instance of, so a spreadsheet can group them.

Written as UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without it Kazakh letters
arrive garbled), with every field quoted. A cell that starts with = + - @ or a tab or carriage return would
be run as a formula by spreadsheet programs (CSV injection), and so would a part of a cell after a separator:
Excel in Russian and Kazakh locales splits on `;`, others on `,`, a paste on tabs, so a crawled URL
`.../a;=1+1;` becomes a formula cell there whatever the quoting. So a formula start at the beginning of a
cell, or after any of `, ; | tab CR LF` (spaces between allowed), gets an apostrophe before it, the usual
defence; the exact value stays in report.json.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ..models import Finding
from . import Reporter
from .digest import template_findings
from .notes import active, note

COLUMNS = ("fingerprint", "check", "source", "outcome", "impact", "url", "lang", "mode", "scope", "selector",
           "message", "why", "help_url", "tags", "related", "evidence", "message_key", "message_args",
           "baseline", "suppressed_reason", "suppressed_expires", "suppression_expired", "modes", "template")
# a formula start at the beginning of the cell or of any part a spreadsheet may split it into
_FORMULA = re.compile(r"(^|[,;|\t\r\n])([ \u00a0]*)(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])")


def safe_cell(value) -> str:
    s = "" if value is None else str(value)
    return _FORMULA.sub(lambda m: f"{m[1]}{m[2]}'", s)


def row_of(f: Finding, template: str | None = None) -> list[str]:
    suppressed = note(f, "suppressed") or {}
    expired = note(f, "suppression_expired")
    values = {
        "fingerprint": f.fingerprint, "check": f.check, "source": f.source, "outcome": f.outcome,
        "impact": f.impact, "url": f.url, "lang": f.lang, "mode": f.mode, "scope": f.scope,
        "selector": f.selector, "message": f.message, "why": f.why, "help_url": f.help_url,
        "tags": "; ".join(f.tags), "related": "; ".join(f.related),
        "evidence": json.dumps(f.evidence, ensure_ascii=False, sort_keys=True),
        "message_key": f.message_key, "message_args": json.dumps(f.message_args, ensure_ascii=False, sort_keys=True),
        "baseline": note(f, "baseline"), "suppressed_reason": suppressed.get("reason"),
        "suppressed_expires": suppressed.get("expires"),
        "suppression_expired": json.dumps(expired, ensure_ascii=False, sort_keys=True) if expired else None,
        "modes": "; ".join(f.seen_in), "template": template,
    }
    return [safe_cell(values[c]) for c in COLUMNS]


class CsvReporter(Reporter):
    format = "csv"
    filename = "findings.csv"

    def finish(self) -> Path:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)  # RFC 4180 line ends
        writer.writerow(COLUMNS)
        template_of = {id(f): t.id for t in template_findings(active(self.findings)) for f in t.findings}
        for f in self.findings:
            writer.writerow(row_of(f, template_of.get(id(f))))
        self.path.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
        return self.path
