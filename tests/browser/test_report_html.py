"""The officers' report is itself accessible: axe-core finds nothing in a normal view and in a VI-like view
(high contrast preferred, text enlarged to 200%), in each report language, and it is usable by keyboard."""
from __future__ import annotations

from pathlib import Path

import pytest

from parity_check.gather.axe import run_axe
from parity_check.report import write_reports
from parity_check.report.sample import sample_result, tiny_png

pytestmark = pytest.mark.browser

OPEN_ALL = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
# What a visually-impaired reader's settings do to a page: bigger text, more contrast.
VI_CSS = "html { font-size: 200% !important; }"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    (out / "screens").mkdir()
    (out / "screens" / "contrast.png").write_bytes(tiny_png(40, 12, (20, 60, 160)))
    paths = {}
    for lang in ("en", "ru", "kk"):
        written = write_reports(sample_result(), out, ["html"], {"report_lang": lang})
        paths[lang] = written["html"].rename(out / f"report.{lang}.html")
    return paths


def _open(shared_browser, path: Path, vi: bool):
    loop, session = shared_browser.loop, shared_browser.session
    page = loop.run_until_complete(session.fresh_tab("en", "normal"))
    if vi:
        loop.run_until_complete(page.emulate_media(contrast="more"))
    loop.run_until_complete(page.goto(path.as_uri()))
    if vi:
        loop.run_until_complete(page.add_style_tag(content=VI_CSS))
    loop.run_until_complete(page.evaluate(OPEN_ALL))
    return page


def _violations(result: dict) -> list[str]:
    return [f"{r['id']}: {[n['target'] for n in r['nodes']][:5]}" for r in result.get("violations", [])]


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize("vi", [False, True], ids=["normal", "vi"])
def test_report_has_no_axe_violations(shared_browser, reports, lang, vi):
    page = _open(shared_browser, reports[lang], vi)
    try:
        # The AAA contrast rule runs too: a report for low-vision readers should meet it.
        result = shared_browser.loop.run_until_complete(run_axe(page, vi_active=True))
        assert "error" not in result, result
        assert _violations(result) == []
        assert result["rules_run"] > 20
    finally:
        shared_browser.loop.run_until_complete(page.close())


def test_report_embeds_screenshots_and_runs_no_script(shared_browser, reports):
    page = _open(shared_browser, reports["en"], vi=False)
    loop = shared_browser.loop
    try:
        images = loop.run_until_complete(page.evaluate(
            "() => [...document.images].map((i) => ({src: i.src.slice(0, 22), ok: i.complete && i.naturalWidth > 0, alt: i.alt}))"))
        assert len(images) >= 2  # the data: URI crop and the one read from screens/contrast.png
        assert all(i["src"].startswith("data:image/png;base64") and i["ok"] and i["alt"] for i in images)
        assert loop.run_until_complete(page.evaluate("() => document.scripts.length")) == 0
        assert loop.run_until_complete(page.evaluate("() => typeof window.__xss")) == "undefined"
    finally:
        loop.run_until_complete(page.close())


def test_report_is_usable_by_keyboard(shared_browser, reports):
    loop = shared_browser.loop
    page = loop.run_until_complete(shared_browser.session.fresh_tab("en", "normal"))
    try:
        loop.run_until_complete(page.goto(reports["kk"].as_uri()))
        # Number every element, so two summaries with the same text are still told apart.
        loop.run_until_complete(page.evaluate(
            "() => document.querySelectorAll('*').forEach((e, i) => { e.dataset.n = i; })"))
        active = lambda: loop.run_until_complete(page.evaluate(  # noqa: E731
            "() => { const a = document.activeElement; return a ? (a.id || a.className || a.tagName) + '|' + a.dataset.n + '|' + (a.textContent || '').slice(0, 40) : ''; }"))
        loop.run_until_complete(page.keyboard.press("Tab"))
        assert active().startswith("skip|")
        loop.run_until_complete(page.keyboard.press("Enter"))
        assert active().startswith("main|")

        # Tab through everything focusable: focus always moves on and finally leaves the page (no trap).
        focusable = loop.run_until_complete(page.evaluate(
            "() => document.querySelectorAll('a[href], summary').length"))
        seen, previous = [], None
        for _ in range(focusable + 3):
            loop.run_until_complete(page.keyboard.press("Tab"))
            now = active()
            assert now != previous, f"focus stuck on {now}"
            previous = now
            seen.append(now)
            if now.startswith("BODY") or now == "":
                break
        assert len(seen) > 10

        # A summary opens its details with the keyboard alone.
        loop.run_until_complete(page.focus("section[aria-labelledby='by-check'] details > summary"))
        loop.run_until_complete(page.keyboard.press("Enter"))
        assert loop.run_until_complete(page.evaluate(
            "() => document.querySelector(\"section[aria-labelledby='by-check'] details\").open")) is True
    finally:
        loop.run_until_complete(page.close())


# -- a real run: the bundled demo site, its report written beside its artifacts ------------------------------
@pytest.fixture(scope="module")
def demo_reports(audit_site):
    from parity_check.demo import demo_site

    store, result = audit_site(demo_site(), "/", name="demo-report", max_pages=9)
    run_dir = store.root.parent
    paths = {}
    for lang in ("kk", "en"):
        written = write_reports(result, run_dir, ["html"], {"report_lang": lang, "run_dir": run_dir})
        paths[lang] = written["html"].rename(run_dir / f"report.{lang}.html")
    return result, paths


@pytest.mark.parametrize("vi", [False, True], ids=["normal", "vi"])
@pytest.mark.parametrize("lang", ["kk", "en"])
def test_demo_report_has_no_axe_violations(shared_browser, demo_reports, lang, vi):
    result, paths = demo_reports
    assert result.findings, "the demo has planted defects"
    page = _open(shared_browser, paths[lang], vi)
    try:
        axe = shared_browser.loop.run_until_complete(run_axe(page, vi_active=True))
        assert _violations(axe) == []
    finally:
        shared_browser.loop.run_until_complete(page.close())


def test_demo_report_shows_the_crops_of_element_findings(demo_reports):
    result, paths = demo_reports
    with_shot = [f for f in result.findings if isinstance(f.evidence, dict) and f.evidence.get("screenshot")
                 and f.outcome == "violation"]
    html = paths["en"].read_text(encoding="utf-8")
    if not with_shot:
        pytest.skip("no check of this run recorded a crop")
    assert html.count('<img src="data:image/') >= min(len(with_shot), 1)


# -- a whole site's report: the demo recording scaled up (tests/scaled_run.py), template findings and cut lists
@pytest.fixture(scope="module")
def scaled_report(tmp_path_factory):
    from parity_check import pipeline
    from parity_check.config import load_profile
    from parity_check.report.finalise import finalise_result
    from tests.scaled_run import scaled_run

    out = tmp_path_factory.mktemp("scaled")
    profile = load_profile("demo")
    result = finalise_result(pipeline.check(scaled_run(out, 40), profile), profile)
    return write_reports(result, out, ["json", "html"], {"report_lang": "kk", "run_dir": out})["html"]


@pytest.mark.parametrize("vi", [False, True], ids=["normal", "vi"])
def test_a_whole_sites_report_has_no_axe_violations(shared_browser, scaled_report, vi):
    html = scaled_report.read_text(encoding="utf-8")
    assert "Үлгінің беттері" in html and "көрсетілген; барлығы report.json" in html  # template findings, cut lists
    page = _open(shared_browser, scaled_report, vi)
    try:
        axe = shared_browser.loop.run_until_complete(run_axe(page, vi_active=True))
        assert "error" not in axe, axe
        assert _violations(axe) == []
    finally:
        shared_browser.loop.run_until_complete(page.close())


@pytest.mark.parametrize("vi", [False, True], ids=["normal", "vi"])
def test_ranking_page_has_no_axe_violations(shared_browser, tmp_path, vi):
    from dataclasses import replace

    from parity_check.report.ranking import build_ranking, write_ranking

    runs = [("a.json", sample_result()),
            ("b.json", replace(sample_result(), target="https://www.gov.kz/memleket/entities/edu?lang=kk"))]
    paths = write_ranking(build_ranking(runs), tmp_path, "kk")
    page = _open(shared_browser, paths["html"], vi)
    try:
        axe = shared_browser.loop.run_until_complete(run_axe(page, vi_active=True))
        assert _violations(axe) == []
    finally:
        shared_browser.loop.run_until_complete(page.close())


# -- sharding: three shards of a real crawl, merged, equal the unsharded run ----------------------------------
def test_three_shards_merged_equal_the_unsharded_run(shared_browser, tmp_path):
    from parity_check import pipeline
    from parity_check.artifacts import ArtifactStore
    from parity_check.report.json_report import result_to_dict
    from parity_check.report.merge import merge_runs
    from parity_check.sites.server import SiteServer
    from tests.sites.akimat_replica import akimat_replica_site

    def comparable(result):
        data = result_to_dict(result)
        return {k: data[k] for k in ("findings", "pages", "coverage", "summary", "score", "template_issues")}

    # One server for all four runs: the port is part of every URL and so of every fingerprint.
    with SiteServer(akimat_replica_site()) as base:
        def run(name, shard):
            settings = pipeline.RunSettings(target=base + "/", out_dir=tmp_path / name, max_pages=10,
                                            modes=("normal",), shard=shard)
            return shared_browser.gather(settings)

        whole = run("whole", (1, 1))
        shards = [run(f"shard{i}", (i, 3)) for i in (1, 2, 3)]
    merged_store = merge_runs([s.root.parent for s in shards], tmp_path / "merged")
    unsharded, merged = pipeline.check(whole), pipeline.check(ArtifactStore.locate(merged_store.root))
    assert unsharded.findings
    counts = [sum(1 for _ in s.iter_pages()) for s in shards]
    assert sum(1 for c in counts if c) >= 2, counts  # the work really was split
    assert comparable(merged) == comparable(unsharded)
