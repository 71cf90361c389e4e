"""Golden files: every format written from the sample run (report/sample.py) must equal the file kept in
tests/golden/. After an intended change, rebuild them with

    UPDATE_GOLDEN=1 python -m pytest -q tests/unit/test_report_golden.py

and read the diff before committing it: it is the review of what readers will see."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from parity_check.report import write_reports
from parity_check.report.sample import sample_result
from tests.unit.test_report_support import fixed_registry  # noqa: F401  (fixture)

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = [("json", "en"), ("sarif", "en"), ("junit", "en"), ("csv", "en"), ("markdown", "en"),
         ("html", "en"), ("html", "kk"), ("html", "ru")]


@pytest.mark.parametrize("fmt,lang", CASES)
def test_format_matches_golden_file(tmp_path, fmt, lang, fixed_registry):
    written = write_reports(sample_result(), tmp_path, [fmt], {"report_lang": lang})[fmt]
    name = written.name if fmt != "html" else f"report.{lang}.html"
    golden = GOLDEN / f"sample.{name}"
    actual = written.read_bytes()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"{golden} is missing: run with UPDATE_GOLDEN=1 to create it"
    assert actual == golden.read_bytes(), f"{name} differs from {golden}; if intended, rebuild with UPDATE_GOLDEN=1"
