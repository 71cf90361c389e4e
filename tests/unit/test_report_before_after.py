"""One finding per defect (issue 19), checked against reports users already keep: the report.json that the code
before the change (schema 1.1, one finding per mode, tests/artifacts/baselines/) wrote for each recorded run.

On the same records the current code must report the same defects (check, page, language and element; every
old per-mode finding still answered to by its fingerprint), fewer findings where a defect was seen in both
modes (the demo recording, the only one with VI views: its three planted "both" defects), and that old
report used as --baseline must give 0 new and 0 fixed findings."""
from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity_check.cli import main
from parity_check.models import stable_locator

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
BASELINES = ARTIFACTS / "baselines"
RUNS = {"content": "content", "akimat": "parity/akimat", "gov": "parity/gov", "demo": "demo"}
MERGED = {"content": 0, "akimat": 0, "gov": 0, "demo": 3}  # D01, D02, D03 of parity_check/demo/DEFECTS.md
# What else changed on purpose since the old reports were written (issue 15), so it is not taken for a defect
# lost or gained by merging: a check that did not exist, and list rows no longer reported beside the missing
# version they point to (one missing thing, one finding: the version's own finding links the list page).
ADDED_CHECKS = {"missing-required-link"}
ROW_OF_MISSING_VERSION = "missing-item"
VERSION_CHECKS = {"missing-language-version", "missing-document"}


def _old(name: str, tmp_path: Path) -> tuple[dict, Path]:
    path = tmp_path / f"{name}.baseline.json"
    path.write_bytes(gzip.decompress((BASELINES / f"{name}.report.json.gz").read_bytes()))
    return json.loads(path.read_text(encoding="utf-8")), path


def _instances(findings) -> Counter:
    """Each finding once per mode it was seen in, as (check, page, language, mode, element, outcome)."""
    out = Counter()
    for f in findings:
        for mode in f.get("modes") or [f["mode"]]:
            out[(f["check"], f["url"], f["lang"], mode, stable_locator(f["selector"]), f["outcome"])] += 1
    return out


def _defects(findings) -> set:
    return {(f["check"], f["url"], f["lang"], stable_locator(f["selector"]), f["outcome"]) for f in findings}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_same_defects_fewer_findings_and_no_new_against_an_old_baseline(name, tmp_path):
    old, baseline = _old(name, tmp_path)
    assert old["schema_version"] == "1.1"
    out = tmp_path / "new"
    res = CliRunner().invoke(main, ["--from-artifacts", str(ARTIFACTS / RUNS[name]), "--out", str(out),
                                    "--format", "json", "--fail-on", "none", "--baseline", str(baseline), "-q"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    new = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert new["schema_version"] == "1.2"

    gained = [f for f in new["findings"] if f["check"] in ADDED_CHECKS]
    new_findings = [f for f in new["findings"] if f["check"] not in ADDED_CHECKS]
    gone = _defects(old["findings"]) - _defects(new_findings)
    linked = {(f["lang"], u) for f in new_findings if f["check"] in VERSION_CHECKS for u in f["related"]}
    assert all(check == ROW_OF_MISSING_VERSION and (lang, url) in linked for check, url, lang, _, _ in gone), gone
    old_findings = [f for f in old["findings"] if (f["check"], f["url"], f["lang"], stable_locator(f["selector"]),
                                                   f["outcome"]) not in gone]
    assert _defects(new_findings) == _defects(old_findings)
    assert _instances(new_findings) == _instances(old_findings)
    assert {fp for f in new_findings for fp in f["fingerprints"]} == {f["fingerprint"] for f in old_findings}
    merged = [f for f in new_findings if len(f["modes"]) > 1]
    assert len(merged) == MERGED[name]
    assert len(new_findings) == len(old_findings) - MERGED[name]
    assert new["summary"]["instances"] == sum(len(f["modes"]) or 1 for f in new["findings"])
    # A finding seen in one mode keeps the fingerprint it had.
    assert {f["fingerprint"] for f in new_findings if len(f["modes"]) < 2} <= {f["fingerprint"] for f in old["findings"]}

    assert new["baseline"]["new"] == len(gained)
    assert sorted(new["baseline"]["fixed"]) == sorted(f["fingerprint"] for f in old["findings"]
                                                      if f not in old_findings)
    assert {f["baseline"] for f in new_findings} <= {"persisting"}


def test_the_demos_defects_of_both_modes_are_one_finding_each(tmp_path):
    from parity_check import pipeline
    from parity_check.artifacts import ArtifactStore
    from parity_check.config import load_profile
    from parity_check.report.finalise import finalise_result

    result = finalise_result(pipeline.check(ArtifactStore.locate(ARTIFACTS / "demo"), load_profile("demo")))
    both = sorted((f.check, f.url.split("/", 3)[3], f.seen_in) for f in result.findings if len(f.seen_in) > 1)
    assert both == [("color-contrast", "ru/documents/", ("normal", "vi")), ("image-alt", "kz/", ("normal", "vi")),
                    ("label", "kz/appeals/", ("normal", "vi"))]
    vi_only = {(f.check, f.url.split("/", 3)[3]) for f in result.findings if f.vi_only and f.source == "axe"}
    assert vi_only == {("color-contrast", "kz/"), ("color-contrast", "ru/")}  # D04, D05: apart, and say so


def test_the_old_golden_sample_as_a_baseline(tmp_path):
    """The sample of report/sample.py gained findings with this change (a news template, the logo in the VI
    mode): every finding of the old sample is still matched, only the gained ones are new."""
    from parity_check.baseline import apply_baseline, load_baseline
    from parity_check.report.sample import sample_result

    old, path = _old("sample", tmp_path)
    result = apply_baseline(sample_result(), load_baseline(path))
    assert result.baseline["fixed"] == []
    new = sorted(f.url.rsplit("/", 1)[1] for f in result.findings if f.baseline == "new")
    assert new == ["101", "102", "103"]
    logo = next(f for f in result.findings if f.check == "image-alt" and f.url.endswith("/kk/"))
    assert logo.seen_in == ("normal", "vi") and logo.baseline == "persisting"
