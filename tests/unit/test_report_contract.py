"""report.json is a public contract: it must validate against the schema shipped in the package."""
import json
from importlib.resources import files

import jsonschema

from parity_check.models import Finding, PageEntry, RunResult, assign_fingerprints
from parity_check.report.json_report import result_to_dict


def sample_result() -> RunResult:
    findings = [
        Finding(check="image-alt", source="axe", outcome="violation", impact="critical",
                url="http://x.kz/kz/", lang="kk", mode="normal", scope="page", selector="main > img",
                message="Images must have alternate text", tags=("wcag2a", "wcag111")),
        Finding(check="untranslated-text", source="parity-check", outcome="incomplete", impact="moderate",
                url="http://x.kz/kz/", lang="kk", mode="vi", scope="page", selector="#menu a",
                message="<script>alert(1)</script> Главная", related=("http://x.kz/ru/",)),
    ]
    pages = [PageEntry("http://x.kz/kz/", "kk", "normal", 200, "audited", title="Басты бет"),
             PageEntry("http://x.kz/kz/", "kk", "vi", 200, "audited", vi_state="active", vi_method="click bvi-widget"),
             PageEntry("http://x.kz/en/", "en", "vi", 200, "skipped", vi_state="absent", vi_method=None),
             PageEntry("http://x.kz/ru/x", "ru", "normal", None, "failed", error="TimeoutError: 30000 ms")]
    return RunResult(tool={"name": "parity-check", "version": "0.1.0", "axe_version": "4.12.1",
                           "browser": "Chromium 156"}, target="http://x.kz/", started_at="2026-11-27T00:00:00Z",
                     captured_at="2026-11-27T00:01:00Z", languages=["kk", "ru", "en"],
                     coverage={"pages_found": 3, "pages_audited": 2, "pages_failed": 1, "pages_skipped": 1,
                               "truncated": False, "pages_over_limit": 0},
                     pages=pages, findings=assign_fingerprints(findings))


def schema():
    return json.loads(files("parity_check.report").joinpath("schema/report.schema.json").read_text())


def test_report_validates_against_its_schema():
    jsonschema.Draft202012Validator(schema()).validate(result_to_dict(sample_result()))


def test_schema_rejects_a_vi_page_without_its_state():
    data = result_to_dict(sample_result())
    vi_page = next(p for p in data["pages"] if p["mode"] == "vi")
    del vi_page["vi_state"]
    assert list(jsonschema.Draft202012Validator(schema()).iter_errors(data))


def test_summary_counts():
    s = sample_result().summary()
    assert s["by_check"] == {"image-alt": 1, "untranslated-text": 1}
    assert s["by_mode"] == {"normal": 1, "vi": 1} and s["violations"] == 1 and s["incomplete"] == 1
