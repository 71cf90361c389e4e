"""Report formats. One RunResult feeds them all; each format is a module with a Reporter subclass.

A reporter has a start / add / finish life cycle (as Scrapy's exporters do) so a format can stream, and
none of them prints or exits on its own: the CLI decides what to say and which exit code to give.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import ClassVar

from ..models import Finding, RunResult


class Reporter:
    format: ClassVar[str]
    filename: ClassVar[str]

    def __init__(self, out_dir: Path, options: dict | None = None):
        self.out_dir = Path(out_dir)
        self.options = options or {}
        self.path = self.out_dir / self.filename

    def start(self, result: RunResult) -> None:
        self.result = result
        self.findings: list[Finding] = []

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def finish(self) -> Path:
        raise NotImplementedError


FORMATS: dict[str, str] = {
    "json": "parity_check.report.json_report:JsonReporter",
    "html": "parity_check.report.html_report:HtmlReporter",
    "sarif": "parity_check.report.sarif_report:SarifReporter",
    "junit": "parity_check.report.junit_report:JunitReporter",
    "markdown": "parity_check.report.markdown_report:MarkdownReporter",
    "csv": "parity_check.report.csv_report:CsvReporter",
}
# Options every reporter may read (all optional): report_lang (kk|ru|en, the HTML/Markdown language),
# run_dir (where relative screenshot paths are resolved; default out_dir), template_min_pages (how many
# pages make a template issue), sarif_category (overrides the automationDetails.id), full_report (the name
# the Markdown summary points to when it truncates), formats (every format this run writes: set by
# write_reports, so the HTML and Markdown can point to the JSON and CSV that keep what they leave out).


def reporter_class(fmt: str) -> type[Reporter]:
    try:
        module, _, name = FORMATS[fmt].partition(":")
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(sorted(FORMATS))})") from None
    return getattr(importlib.import_module(module), name)


def write_reports(result: RunResult, out_dir: Path, formats: list[str], options: dict | None = None) -> dict[str, Path]:
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    options = {"formats": list(formats), **(options or {})}
    written = {}
    for fmt in formats:
        reporter = reporter_class(fmt)(out_dir, options)
        reporter.start(result)
        for f in result.findings:
            reporter.add(f)
        written[fmt] = reporter.finish()
    return written
