"""report.junit.xml: JUnit XML, the test-report format every CI system shows.

A testsuite per check; a testcase per page x language x mode the check applies to (one "site" testcase for
site-wide checks); a <failure> when the check found violations there (all of them listed in its body).
Accepted (suppressed) findings alone make the case <skipped>; findings that need a person's review are
written to <system-out> and do not fail. A check that could not run is a suite with one <error>.

Suites cover the checks seen in the findings, the checks that failed to run, and the checks the run lists in
`tool.checks` (when the pipeline records it), so a clean check also shows as passed.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from ..models import Finding
from . import Reporter
from .digest import check_class
from .notes import is_suppressed, note

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text) -> str:
    """Characters XML 1.0 cannot carry at all (control characters) are replaced, not escaped."""
    return _XML_INVALID.sub("\ufffd", "" if text is None else str(text))


def _scope(check_id: str, findings: list[Finding]) -> str:
    cls = check_class(check_id)
    if cls is not None and check_id != "axe":
        return cls.scope
    return findings[0].scope if findings else "page"


def _case_name(key) -> str:
    url, lang, mode = key
    where = ", ".join(x for x in (lang, mode) if x)
    return f"{url} [{where}]" if where else url


def build_junit(result, findings: list[Finding]) -> ET.Element:
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_check[f.check].append(f)
    errors = {e.check: e.error for e in result.check_errors}
    # "axe" is the check that runs axe-core; its findings carry the rule ids, so it is no suite of its own.
    checks = sorted(set(by_check) | set(errors) | (set(result.tool.get("checks") or ()) - {"axe"}))
    audited = sorted({(p.url, p.lang, p.mode) for p in result.pages if p.outcome == "audited"},
                     key=lambda k: (k[0], k[1] or "", k[2] or ""))
    site_key = (result.target, None, None)

    root = ET.Element("testsuites", name=clean(f"parity-check {result.target}"))
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for check in checks:
        fs = by_check.get(check, [])
        suite = ET.SubElement(root, "testsuite", name=clean(check), timestamp=clean(result.captured_at))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if check in errors:
            case = ET.SubElement(suite, "testcase", classname=clean(f"parity-check.{check}"), name="run")
            ET.SubElement(case, "error", message=clean(errors[check]), type="check-error")
            counts["tests"] += 1
            counts["errors"] += 1
        else:
            by_key: dict[tuple, list[Finding]] = defaultdict(list)
            for f in fs:
                if f.scope == "site":
                    by_key[site_key].append(f)
                for mode in (f.seen_in or (f.mode,)) if f.scope != "site" else ():
                    by_key[(f.url or result.target, f.lang, mode)].append(f)  # fails each mode it was seen in
            keys = set(by_key) | ({site_key} if _scope(check, fs) == "site" else set(audited))
            for key in sorted(keys, key=lambda k: (k[0], k[1] or "", k[2] or "")):
                _case(suite, check, key, by_key.get(key, []), counts)
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    return root


def _case(suite: ET.Element, check: str, key, fs: list[Finding], counts: dict) -> None:
    case = ET.SubElement(suite, "testcase", classname=clean(f"parity-check.{check}"), name=clean(_case_name(key)))
    counts["tests"] += 1
    failing = [f for f in fs if f.outcome == "violation" and not is_suppressed(f)]
    accepted = [f for f in fs if is_suppressed(f)]
    review = [f for f in fs if f.outcome == "incomplete" and not is_suppressed(f)]
    if failing:
        worst = failing[0]
        failure = ET.SubElement(case, "failure", type=clean(worst.impact),
                                message=clean(f"{len(failing)} violation(s): {worst.message}"))
        failure.text = clean("\n".join(_line(f) for f in failing))
        counts["failures"] += 1
    elif accepted and not review:
        reason = (note(accepted[0], "suppressed") or {}).get("reason", "")
        ET.SubElement(case, "skipped", message=clean(f"accepted in the profile: {reason}"))
        counts["skipped"] += 1
    if review:
        out = ET.SubElement(case, "system-out")
        out.text = clean("needs review:\n" + "\n".join(_line(f) for f in review))


def _line(f: Finding) -> str:
    parts = [f"[{f.impact}] {f.message}"]
    if f.selector:
        parts.append(f"element: {f.selector}")
    if f.help_url:
        parts.append(f"help: {f.help_url}")
    if note(f, "baseline"):
        parts.append(f"baseline: {note(f, 'baseline')}")
    parts.append(f"fingerprint: {f.fingerprint}")
    return " | ".join(parts)


class JunitReporter(Reporter):
    format = "junit"
    filename = "report.junit.xml"

    def finish(self) -> Path:
        root = build_junit(self.result, self.findings)
        ET.indent(root, space=" ")
        body = ET.tostring(root, encoding="unicode")
        self.path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", encoding="utf-8")
        return self.path
