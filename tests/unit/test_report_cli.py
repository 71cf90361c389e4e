"""`parity-check report rank | merge | render`, through click, on runs built in code (no browser)."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from parity_check import pipeline
from parity_check.artifacts import ArtifactStore, PageRecord
from parity_check.report import write_reports
from parity_check.report.json_report import result_to_dict
from parity_check.report.sample import sample_result, tiny_png

PNG = tiny_png()
from parity_check.report_cli import report_group

LANGS = ("kk", "ru", "en")


def _invoke(*args):
    result = CliRunner().invoke(report_group, [str(a) for a in args], catch_exceptions=False)
    return result


def _report(tmp_path: Path, name: str, result) -> Path:
    folder = tmp_path / name
    return write_reports(result, folder, ["json"])["json"]


def test_rank_orders_sites_by_score_and_finds_platform_issues(tmp_path):
    good = sample_result()
    good = replace(good, target="https://www.gov.kz/memleket/entities/edu?lang=kk",
                   findings=[f for f in good.findings if f.check == "image-alt"])
    bad = replace(sample_result(), target="https://akimvko.gov.kz/",
                  pages=[replace(p, vi_state="absent") if p.mode == "vi" else p for p in sample_result().pages])
    paths = [_report(tmp_path, "edu", good), _report(tmp_path, "vko", bad)]
    out = tmp_path / "ranking"
    res = _invoke("rank", *paths, "--out", out, "--lang", "kk")
    assert res.exit_code == 0, res.output
    ranking = json.loads((out / "ranking.json").read_text(encoding="utf-8"))
    assert [r["site"] for r in ranking["sites"]] == ["www.gov.kz/memleket/entities/edu", "akimvko.gov.kz"]
    assert ranking["sites"][0]["score"] > ranking["sites"][1]["score"]
    assert ranking["sites"][1]["components"]["V"] == 0.0
    # The logo of every page and the photo of the news template, on both sites.
    assert [(x["check"], len(x["sites"])) for x in ranking["platform_issues"]] == [("image-alt", 2)] * 2
    html = (out / "ranking.html").read_text(encoding="utf-8")
    assert '<html lang="kk">' in html and "Баға = 50 × A" in html and "<script" not in html
    # (www. de-linked with a zero-width space: GitHub would turn it into a link)
    assert "| 1 | www&#8203;.gov.kz/memleket/entities/edu |" in (out / "ranking.md").read_text(encoding="utf-8")


def test_rank_reports_a_bad_file_with_exit_code_2(tmp_path):
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    res = _invoke("rank", tmp_path / "x.json", "--out", tmp_path / "o")
    assert res.exit_code == 2


def test_render_rewrites_reports_from_report_json_in_another_language(tmp_path):
    run = tmp_path / "run"
    write_reports(sample_result(), run, ["json"])
    res = _invoke("render", run, "--format", "html,sarif,markdown,csv,junit", "--lang", "ru")
    assert res.exit_code == 0, res.output
    assert '<html lang="ru">' in (run / "report.html").read_text(encoding="utf-8")
    for name in ("report.sarif", "summary.md", "findings.csv", "report.junit.xml"):
        assert (run / name).is_file()
    assert _invoke("render", run, "--format", "pdf").exit_code == 2


# -- sharding: merged shards equal the unsharded run -------------------------------------------------------
def _record(url: str, lang: str, mode: str, n: int) -> PageRecord:
    if mode == "vi":
        return PageRecord(url=url, lang=lang, mode=mode, outcome="skipped", status=200,
                          artifacts={"vi": {"state": "absent", "method": None}})
    violations = [{"id": "image-alt", "impact": "critical", "tags": ["wcag2a", "wcag111"],
                   "help": "Images must have alternative text", "description": "Ensure <img> has alt",
                   "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/image-alt",
                   "nodes": [{"target": ["header img.logo"], "html": "<img class=logo>", "impact": "critical",
                              "failureSummary": "Fix any", "data": None}]}]
    if n % 2:
        violations.append({"id": "link-name", "impact": "serious", "tags": ["wcag2a"], "help": "Links need text",
                           "description": "d", "helpUrl": None,
                           "nodes": [{"target": [f"main a:nth-child({n})"], "html": "<a></a>", "impact": "serious",
                                      "failureSummary": None, "data": None}]})
    return PageRecord(url=url, lang=lang, mode=mode, outcome="audited", status=200, final_url=url,
                      artifacts={"axe": {"version": "4.12.1", "rules_run": 90, "violations": violations,
                                         "incomplete": [], "passes_count": 10},
                                 "dom": {"declared_lang": lang, "title": f"Бет {n}", "segments": [], "links": [],
                                         "images": [], "alternates": [], "lang_elements": [], "text_chars": 0,
                                         "viewport": {"width": 1280, "height": 900, "scroll_width": 1280,
                                                      "scroll_height": 900}, "meta_description": None}})


def _run_json(n_pages: int) -> dict:
    return {"target": "http://127.0.0.1:9/", "profile": None, "languages": list(LANGS),
            "started_at": "2025-05-01T08:00:00Z", "captured_at": "2025-05-01T08:05:00Z", "tool_version": "0.1.0",
            "axe_version": "4.12.1", "browser": "Chromium", "pages_admitted": n_pages, "pages_over_limit": 0,
            "root": {"url": "http://127.0.0.1:9/", "status": 200}}


def _comparable(result) -> dict:
    data = result_to_dict(result)
    return {k: data[k] for k in ("findings", "pages", "coverage", "summary", "score", "template_issues", "check_errors")}


def test_three_shards_merged_equal_the_unsharded_run(tmp_path):
    records = [_record(f"http://127.0.0.1:9/{lang}/page-{n}", lang, mode, n)
               for n in range(7) for lang in LANGS for mode in ("normal", "vi")]
    whole = ArtifactStore(tmp_path / "whole" / "artifacts").create()
    for r in records:
        whole.write_page(r)
    whole.write_run(_run_json(len({(r.url, r.lang) for r in records})))
    shard_dirs = []
    for i in range(3):
        mine = [r for k, r in enumerate(sorted(records, key=lambda r: r.key)) if k % 3 == i]
        store = ArtifactStore(tmp_path / f"shard{i}" / "artifacts").create()
        for r in mine:
            store.write_page(r)
        # a shard walks the whole frontier, so it counts every admitted page, not only its own
        store.write_run({**_run_json(len({(r.url, r.lang) for r in records})), "shard": [i + 1, 3]})
        (store.root / "crops").mkdir()
        (store.root / "crops" / f"{i:016x}.png").write_bytes(PNG)
        shard_dirs.append(tmp_path / f"shard{i}")

    out = tmp_path / "merged"
    res = _invoke("merge", out, *shard_dirs, "--format", "json,sarif", "--fail-on", "none")
    assert res.exit_code == 0, res.output
    merged = pipeline.check(ArtifactStore.locate(out))
    unsharded = pipeline.check(whole)
    assert merged.findings, "the sample must produce findings to compare"
    assert _comparable(merged) == _comparable(unsharded)
    assert sorted(p.name for p in (out / "artifacts" / "crops").iterdir()) == [f"{i:016x}.png" for i in range(3)]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [f["fingerprint"] for f in report["findings"]] == [f.fingerprint for f in unsharded.findings]

    # The same run compared with its own report as a baseline: nothing new, so --fail-on-new passes.
    again = tmp_path / "again"
    res = _invoke("merge", again, *shard_dirs, "--format", "json", "--baseline", out / "report.json",
                  "--fail-on-new")
    assert res.exit_code == 0, res.output
    assert json.loads((again / "report.json").read_text(encoding="utf-8"))["baseline"]["new"] == 0
    res = _invoke("merge", tmp_path / "strict", *shard_dirs, "--format", "json")
    assert res.exit_code == 1  # critical violations and no baseline


def test_merge_refuses_shards_of_different_sites(tmp_path):
    for name, target in (("a", "http://127.0.0.1:9/"), ("b", "http://127.0.0.1:10/")):
        store = ArtifactStore(tmp_path / name / "artifacts").create()
        store.write_run({**_run_json(0), "target": target})
    res = _invoke("merge", tmp_path / "out", tmp_path / "a", tmp_path / "b")
    assert res.exit_code == 2
