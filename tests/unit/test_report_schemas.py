"""report.json against its own schema, report.sarif against the official SARIF 2.1.0 schema, and the SARIF
properties GitHub code scanning relies on."""
from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest

from parity_check.report import write_reports
from parity_check.report.json_report import result_to_dict
from parity_check.report.loader import result_from_dict
from parity_check.report.sample import sample_result

# RFC 3986 URI-reference, so `format: uri-reference` is checked even without the optional rfc3987 package.
_URI_REFERENCE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:)?(//[^/?#\s]*)?[^?#\s]*(\?[^#\s]*)?(#\S*)?$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S*$")


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()
    checker.checks("uri-reference")(lambda v: not isinstance(v, str) or (bool(_URI_REFERENCE.match(v))
                                                                        and "%" not in re.sub(r"%[0-9A-Fa-f]{2}", "", v)))
    checker.checks("uri")(lambda v: not isinstance(v, str) or bool(_URI.match(v)))
    return checker


def _schema(name: str) -> dict:
    return json.loads(resources.files("parity_check.report").joinpath("schema", name).read_text(encoding="utf-8"))


def _sarif(tmp_path, result=None, **options) -> dict:
    path = write_reports(result or sample_result(), tmp_path, ["sarif"], options)["sarif"]
    return json.loads(path.read_text(encoding="utf-8"))


def test_report_json_matches_its_schema(tmp_path):
    path = write_reports(sample_result(), tmp_path, ["json"])["json"]
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(_schema("report.schema.json"), format_checker=_format_checker()).validate(data)
    assert data["schema_version"] == "1.2"
    assert data["score"]["value"] == 76
    assert data["template_issues"][0]["check"] == "image-alt" and data["template_issues"][0]["pages"] == 8


def test_report_json_round_trips_through_the_loader():
    data = json.loads(json.dumps(result_to_dict(sample_result()), ensure_ascii=False))
    assert result_to_dict(result_from_dict(data)) == data


def test_sarif_is_valid_against_the_official_schema(tmp_path):
    schema = _schema("sarif-2.1.0-rtm.5.json")
    validator = jsonschema.Draft4Validator(schema, format_checker=_format_checker())
    errors = sorted(validator.iter_errors(_sarif(tmp_path)), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message[:200]}" for e in errors] == []


def test_sarif_meets_github_code_scanning(tmp_path):
    data = _sarif(tmp_path)
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1
    run = data["runs"][0]
    assert run["automationDetails"]["id"] == "parity-check/example.gov.kz/"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in run["results"]})
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert len(rule["properties"]["tags"]) <= 10
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        # GitHub rejects an https URI when the checkout is file://, and a host:port would read as a scheme.
        assert not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri), uri
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert loc["region"]["startLine"] == 1
        assert res["partialFingerprints"]["primaryLocationLineHash"] == res["properties"]["fingerprint"]
        assert res["message"]["text"]


def test_sarif_levels_follow_impact_and_review(tmp_path):
    run = _sarif(tmp_path)["runs"][0]
    by = {(r["ruleId"], r["properties"]["outcome"]): r for r in run["results"]}
    assert by[("image-alt", "violation")]["level"] == "error"          # critical
    assert by[("color-contrast", "violation")]["level"] == "error"     # serious
    assert by[("root-not-kazakh", "violation")]["level"] == "warning"  # moderate
    assert by[("vi-mode-missing", "violation")]["level"] == "note"     # minor
    review = by[("link-name", "incomplete")]
    assert review["level"] == "note" and review["properties"]["needsReview"] is True


def test_sarif_uri_for_ports_queries_and_kazakh_paths():
    from parity_check.report.sarif_report import artifact_uri

    assert artifact_uri("http://127.0.0.1:8123/kk/", "x") == "127.0.0.1_8123/kk/"
    assert artifact_uri("https://www.gov.kz/memleket/entities/edu?lang=kk", "x") == "www.gov.kz/memleket/entities/edu"
    assert artifact_uri("https://a.kz/жаңалықтар", "x") == "a.kz/%D0%B6%D0%B0%D2%A3%D0%B0%D0%BB%D1%8B%D2%9B%D1%82%D0%B0%D1%80"
    assert artifact_uri("", "localhost:8000") == "localhost_8000"


def test_sarif_category_per_entity_and_override(tmp_path):
    from dataclasses import replace

    result = replace(sample_result(), target="https://www.gov.kz/memleket/entities/edu?lang=kk")
    assert _sarif(tmp_path / "a", result)["runs"][0]["automationDetails"]["id"] == \
        "parity-check/www.gov.kz/memleket/entities/edu/"
    assert _sarif(tmp_path / "b", sarif_category="nightly/edu")["runs"][0]["automationDetails"]["id"] == "nightly/edu/"


def test_sarif_keeps_the_most_severe_results_under_githubs_limit(tmp_path, monkeypatch):
    from parity_check.report import sarif_report

    whole = _sarif(tmp_path / "whole")["runs"][0]
    monkeypatch.setattr(sarif_report, "MAX_RESULTS", 5)
    run = _sarif(tmp_path / "cut")["runs"][0]
    assert len(run["results"]) == 5
    assert {r["level"] for r in run["results"]} == {"error"}
    assert run["properties"]["resultsOmitted"] == len(whole["results"]) - 5
    assert whole["properties"]["resultsOmitted"] == whole["properties"]["findingsOmitted"] == 0


def test_sarif_marks_suppressed_and_baseline_states(tmp_path):
    from parity_check.baseline import apply_baseline
    from parity_check.report.json_report import result_to_dict as to_dict
    from parity_check.suppress import suppress_result
    from types import SimpleNamespace

    rule = SimpleNamespace(check="image-alt", url=None, selector=None, reason="platform fix planned", expires=None)
    result = suppress_result(sample_result(), SimpleNamespace(ignore=(rule,)))
    old = to_dict(sample_result())
    old["findings"] = [f for f in old["findings"] if f["check"] != "color-contrast"]
    result = apply_baseline(result, old)
    run = _sarif(tmp_path, result)["runs"][0]
    states = {r["ruleId"]: r.get("baselineState") for r in run["results"]}
    assert states["color-contrast"] == "new" and states["link-name"] == "unchanged"
    alt = next(r for r in run["results"] if r["ruleId"] == "image-alt")
    assert alt["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "platform fix planned"}]
    validator = jsonschema.Draft4Validator(_schema("sarif-2.1.0-rtm.5.json"), format_checker=_format_checker())
    assert list(validator.iter_errors({"version": "2.1.0", "runs": [run]})) == []


@pytest.mark.parametrize("fmt", ["json"])
def test_json_with_notes_still_matches_the_schema(tmp_path, fmt):
    from types import SimpleNamespace
    import datetime as dt

    from parity_check.baseline import apply_baseline
    from parity_check.suppress import suppress_result

    rules = (SimpleNamespace(check="image-*", url=r"/kk/", selector=None, reason="r", expires=dt.date(2030, 1, 1)),
             SimpleNamespace(check="color-contrast", url=None, selector=None, reason="old", expires=dt.date(2020, 1, 1)))
    result = suppress_result(sample_result(), SimpleNamespace(ignore=rules), today=dt.date(2025, 5, 1))
    result = apply_baseline(result, result_to_dict(sample_result()))
    data = json.loads(write_reports(result, tmp_path, [fmt])[fmt].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(_schema("report.schema.json"), format_checker=_format_checker()).validate(data)
    assert data["summary"]["suppressed"] == 7  # image-alt on /kk/: the logo on 4 pages, 3 news photos
    assert data["baseline"]["new"] == 0 and data["baseline"]["fixed"] == []
    expired = [f for f in data["findings"] if f.get("suppression_expired")]
    assert [f["check"] for f in expired] == ["color-contrast"]
