"""The reports of a whole site, on a scaled copy of the demo recording (tests/scaled_run.py; bench/report_bench.py
measures the full 4,700-URL size): the planted template defect is one template finding per language with
its page count, each of its instances one finding seen in both modes, and report.html does not grow with
the site (its text stays flat, its screenshots stop at their budget)."""
from __future__ import annotations

import json
import re

import pytest

from parity_check import pipeline
from parity_check.config import load_profile
from parity_check.report import write_reports
from parity_check.report.finalise import finalise_result
from parity_check.report.html_report import SCREENSHOT_BUDGET
from tests.scaled_run import EDITORIAL_EVERY, FIRST_ITEM, PLANTED_TEMPLATE, VI_ONLY_EVERY, scaled_run, urls_of

SMALL, LARGE = 20, 60


def _reports(tmp_path, news_items):
    store = scaled_run(tmp_path, news_items)
    profile = load_profile("demo")
    result = finalise_result(pipeline.check(store, profile), profile)
    written = write_reports(result, tmp_path, ["json", "html"], {"run_dir": tmp_path})
    return store, result, json.loads(written["json"].read_text(encoding="utf-8")), written["html"]


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return _reports(tmp_path_factory.mktemp("large"), LARGE)


def test_the_planted_template_defect_is_one_finding_per_language(large):
    store, result, data, _ = large
    assert urls_of(store) == 36 + 3 * LARGE
    planted = [t for t in data["template_issues"] if t["check"] == PLANTED_TEMPLATE and t["kind"] == "pattern"]
    assert sorted((t["template"].split("/", 3)[3], t["languages"], t["modes"], t["instances"]) for t in planted) == [
        ("en/news/:id", {"en": LARGE}, ["normal"], LARGE),  # English pages have no VI mode
        ("kz/news/:id", {"kk": LARGE}, ["normal", "vi"], 2 * LARGE),
        ("ru/news/:id", {"ru": LARGE}, ["normal", "vi"], 2 * LARGE),
    ]
    assert all(t["pages"] == LARGE and len(t["examples"]) == 5 for t in planted)


def _demo_defects(tmp_path) -> int:
    """The things to fix of the recorded demo itself, as the current checks find them."""
    from tests.scaled_run import DEMO
    profile = load_profile("demo")
    result = finalise_result(pipeline.check(pipeline.ArtifactStore.locate(DEMO), profile), profile)
    written = write_reports(result, tmp_path, ["json"], {"run_dir": tmp_path})
    return json.loads(written["json"].read_text(encoding="utf-8"))["summary"]["defects"]


def test_a_defect_seen_in_both_modes_is_one_finding(large, tmp_path):
    _, result, data, _ = large
    photo = [f for f in result.findings if f.url.endswith(f"/kz/news/{FIRST_ITEM}/") and f.check == PLANTED_TEMPLATE]
    assert len(photo) == 1 and photo[0].seen_in == ("normal", "vi")
    vi_only = [f for f in result.findings if f.vi_only and f.selector and f.selector.startswith("#badge")]
    assert len(vi_only) == 2 * len([k for k in range(FIRST_ITEM, FIRST_ITEM + LARGE) if k % VI_ONLY_EVERY == 0])
    editorial = [k for k in range(FIRST_ITEM, FIRST_ITEM + LARGE) if k % EDITORIAL_EVERY == 0]
    # Things to fix: the 3 news templates, the Russian menu item of every Kazakh page (a layout), each
    # editorial note (3 languages) and VI badge, and the other things to fix of the recorded demo.
    assert data["summary"]["defects"] == 4 + 3 * len(editorial) + len(vi_only) + _demo_defects(tmp_path) - 1
    assert data["summary"]["instances"] > data["summary"]["total"] > data["summary"]["defects"]


def test_report_html_stays_the_same_size_as_the_site_grows(large, tmp_path):
    """Its text does not grow with the site, and its screenshots stop at their budget."""
    def text_and_images(path):
        html = path.read_text(encoding="utf-8")
        images = re.findall(r'src="(data:image/[^"]+)"', html)
        return len(html) - sum(map(len, images)), sum(map(len, images))

    small_text, _ = text_and_images(_reports(tmp_path, SMALL)[3])
    big_text, big_images = text_and_images(large[3])
    assert big_text < small_text * 1.1 and big_text < 512 * 1024
    assert 0 < big_images <= SCREENSHOT_BUDGET  # every failing element has a crop; the shown ones are inlined
