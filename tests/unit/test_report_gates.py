"""Suppressions, baselines and the exit code they lead to."""
from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from parity_check.baseline import BaselineError, apply_baseline, gate_exit_code, load_baseline
from parity_check.report.json_report import result_to_dict
from parity_check.report.notes import is_suppressed, note
from parity_check.report.sample import sample_result
from parity_check.suppress import apply_suppressions, rule_matches, suppress_result

TODAY = dt.date(2025, 5, 1)


def rule(check="*", url=None, selector=None, reason="accepted", expires=None):
    return SimpleNamespace(check=check, url=url, selector=selector, reason=reason, expires=expires)


def _by_check(findings, check):
    return [f for f in findings if f.check == check]


def test_glob_url_regex_and_selector_narrow_a_suppression():
    findings = sample_result().findings
    out = apply_suppressions(findings, [rule("image-*", url=r"example\.gov\.kz/ru/")], TODAY)
    alt = _by_check(out, "image-alt")
    assert sum(is_suppressed(f) for f in alt) == 4 and len(alt) == 11
    assert not any(is_suppressed(f) for f in out if f.check != "image-alt")


def test_selector_match_ignores_list_positions():
    f = _by_check(sample_result().findings, "image-alt")[0]
    assert rule_matches(rule("image-alt", selector="header > a.logo > img:nth-child(3)"), f)
    assert not rule_matches(rule("image-alt", selector="footer img"), f)
    site_wide = _by_check(sample_result().findings, "root-not-kazakh")[0]
    assert not rule_matches(rule("root-not-kazakh", selector="html"), site_wide)  # no element: no match


def test_expired_suppressions_come_back_with_a_note():
    out = apply_suppressions(sample_result().findings,
                             [rule("color-contrast", reason="until redesign", expires="2025-04-30")], TODAY)
    f = _by_check(out, "color-contrast")[0]
    assert not is_suppressed(f)
    assert note(f, "suppression_expired") == {"reason": "until redesign", "expires": "2025-04-30"}
    live = apply_suppressions(sample_result().findings,
                              [rule("color-contrast", expires=dt.date(2025, 5, 1))], TODAY)  # the last day still counts
    assert is_suppressed(_by_check(live, "color-contrast")[0])


def test_a_live_rule_wins_over_an_expired_one():
    out = apply_suppressions(sample_result().findings,
                             [rule("color-contrast", reason="old", expires="2020-01-01"),
                              rule("color-contrast", reason="new", expires=None)], TODAY)
    f = _by_check(out, "color-contrast")[0]
    assert note(f, "suppressed") == {"reason": "new", "expires": None}


def test_suppressed_findings_stay_in_the_report_but_not_in_the_exit_code():
    base = sample_result()
    assert gate_exit_code(base, "serious") == 1
    everything = suppress_result(base, SimpleNamespace(ignore=(rule("*"),)), TODAY)
    assert len(everything.findings) == len(base.findings)
    assert gate_exit_code(everything, "serious") == 0
    assert gate_exit_code(base, "none") == 0
    assert suppress_result(base, SimpleNamespace(ignore=())) is base


def test_unchanged_site_has_zero_new_findings(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(result_to_dict(sample_result()), ensure_ascii=False), encoding="utf-8")
    result = apply_baseline(sample_result(), load_baseline(path))
    assert result.baseline["new"] == 0 and result.baseline["fixed"] == []
    assert {note(f, "baseline") for f in result.findings} == {"persisting"}
    assert gate_exit_code(result, "serious", fail_on_new=True) == 0
    assert gate_exit_code(result, "serious") == 1


def test_new_and_fixed_findings_are_told_apart():
    old = result_to_dict(sample_result())
    gone = old["findings"].pop(0)  # new now
    old["findings"].append({**gone, "fingerprint": "0123456789abcdef", "fingerprints": ["0123456789abcdef"],
                            "check": "old-check"})  # fixed since
    result = apply_baseline(sample_result(), old)
    assert result.baseline["new"] == 1
    assert result.baseline["fixed"] == ["0123456789abcdef"]
    assert result.baseline["fixed_findings"][0]["check"] == "old-check"
    new = [f for f in result.findings if note(f, "baseline") == "new"]
    assert [f.fingerprint for f in new] == [gone["fingerprint"]]
    assert gate_exit_code(result, "serious", fail_on_new=True) == (1 if new[0].impact in ("serious", "critical") else 0)


def test_baseline_notes_survive_suppression_and_vice_versa():
    old = result_to_dict(sample_result())
    result = apply_baseline(sample_result(), old)
    result = suppress_result(result, SimpleNamespace(ignore=(rule("image-alt"),)), TODAY)
    assert result.baseline["new"] == 0  # the summary rides along through replace()
    f = _by_check(result.findings, "image-alt")[0]
    assert is_suppressed(f) and note(f, "baseline") == "persisting"


def test_bad_baseline_files_are_reported(tmp_path):
    with pytest.raises(BaselineError):
        load_baseline(tmp_path / "missing.json")
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    with pytest.raises(BaselineError):
        load_baseline(tmp_path / "x.json")
    (tmp_path / "y.json").write_text("[]", encoding="utf-8")
    with pytest.raises(BaselineError):
        load_baseline(tmp_path / "y.json")


def test_real_profile_suppressions_are_accepted():
    config = pytest.importorskip("parity_check.config")
    sup = config.Suppression(check="image-alt", reason="logo fixed in the next release",
                             url=r"/kk/", expires=dt.date(2030, 1, 1))
    out = apply_suppressions(sample_result().findings, [sup], TODAY)
    assert sum(is_suppressed(f) for f in out) == 7  # the logo on 4 pages, the photos of 3 news items
