"""One finding per defect: templates (templates.py), findings merged across modes (report/finalise.py), template
findings (report/digest.py), and how the reports show them: counted as defects, cut where long, one SARIF
result per template finding."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from parity_check.baseline import apply_baseline
from parity_check.models import Finding, PageEntry, assign_fingerprints
from parity_check.report import write_reports
from parity_check.report.digest import LAYOUT, PATTERN, fix_first, site_score, template_findings
from parity_check.report.finalise import merge_modes
from parity_check.report.json_report import result_to_dict
from parity_check.report.sample import sample_result
from parity_check.templates import element_of, template_of

BASE = "https://akimat.example.kz"


def finding(check="image-alt", url=f"{BASE}/kz/", lang="kk", mode="normal", selector="img.logo", content="logo",
            impact="serious", outcome="violation", scope="page") -> Finding:
    from parity_check.models import stable_locator

    return Finding(check=check, source="axe", outcome=outcome, impact=impact, url=url, lang=lang, mode=mode,
                   scope=scope, selector=selector, message=f"{check} message",
                   locator=stable_locator(selector, content) if selector else None)


# -- templates.py --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url,template", [
    (f"{BASE}/kz/news/123/", f"{BASE}/kz/news/:id"),
    (f"{BASE}/ru/news/2025-05-01", f"{BASE}/ru/news/:id"),
    (f"{BASE}/ru/news/v-regione-postroyat-novye-shkoly", f"{BASE}/ru/news/:slug"),
    (f"{BASE}/kz/about/", f"{BASE}/kz/about"),
    (f"{BASE}/ru/efficiency-evaluation", f"{BASE}/ru/efficiency-evaluation"),
    (f"{BASE}/docs/5f3a9c1e22/", f"{BASE}/docs/:id"),
    ("https://www.gov.kz/memleket/entities/edu/press/news/details/4521?lang=kk",
     "https://www.gov.kz/memleket/entities/edu/press/news/details/:id?lang=kk"),
    (f"{BASE}/index.php?id=17&lang=ru", f"{BASE}/index.php?id=:id&lang=ru"),
])
def test_template_of_a_url(url, template):
    assert template_of(url) == template


def test_the_language_stays_part_of_the_template():
    assert template_of(f"{BASE}/kz/news/1") != template_of(f"{BASE}/ru/news/1")
    assert template_of("https://www.gov.kz/x/news/1?lang=kk") != template_of("https://www.gov.kz/x/news/1?lang=ru")


@pytest.mark.parametrize("selector,element", [
    ('img[src$="photo-123.jpg"]', "img[src]"),
    ("main > h2:nth-child(3)", "main > h2"),
    ("#news-123 > p", "#news- > p"),
    ('.news-item:nth-of-type(2) a[href="/kz/news/1/"]', ".news-item a[href]"),
    ("#editorial-note105", "#editorial-note105"),  # a number inside a name is that element's own
    ("h1", "h1"),
])
def test_element_of_a_selector(selector, element):
    assert element_of(selector) == element


# -- merging across modes -----------------------------------------------------------------------------------
def test_a_defect_of_both_modes_is_one_finding_with_both_fingerprints():
    both = assign_fingerprints([finding(mode="normal", impact="serious"), finding(mode="vi", impact="critical"),
                                finding(mode="vi", selector="span.badge", content="NEW")])
    by_mode = {f.mode: f.fingerprint for f in both if f.selector == "img.logo"}
    merged = merge_modes(both)
    assert len(merged) == 2
    logo = next(f for f in merged if f.selector == "img.logo")
    assert logo.seen_in == ("normal", "vi") and logo.mode == "normal"
    assert logo.fingerprint == by_mode["normal"] and logo.all_fingerprints == (by_mode["normal"], by_mode["vi"])
    assert logo.impact == "critical"  # the worse of the two
    badge = next(f for f in merged if f.selector == "span.badge")
    assert badge.vi_only and badge.all_fingerprints == (badge.fingerprint,)
    assert merge_modes(merged) == merged  # a report read back merges nothing twice


def test_only_the_same_defect_merges():
    findings = assign_fingerprints([
        finding(mode="normal"), finding(mode="vi", content="another logo"),  # another element
        finding(mode="normal", url=f"{BASE}/kz/about"), finding(mode="vi", url=f"{BASE}/ru/about", lang="ru"),
        finding(mode="normal", check="x-check", outcome="incomplete"), finding(mode="vi", check="x-check"),
        finding(mode=None, scope="site", selector=None), finding(mode=None, scope="site", selector=None, lang="ru"),
    ])
    assert merge_modes(findings) == findings


def test_two_identical_elements_pair_in_order():
    findings = assign_fingerprints([finding(mode=m) for m in ("normal", "normal", "vi", "vi", "vi")])
    merged = merge_modes(findings)
    assert [f.seen_in for f in merged] == [("normal", "vi"), ("normal", "vi"), ("vi",)]
    assert len({fp for f in merged for fp in f.all_fingerprints}) == 5


def test_json_writes_modes_and_fingerprints_and_reads_them_back():
    from parity_check.report.loader import result_from_dict

    data = result_to_dict(sample_result())
    logo = next(f for f in data["findings"] if f["check"] == "image-alt" and f["url"] == "https://example.gov.kz/kk/")
    assert logo["modes"] == ["normal", "vi"] and len(logo["fingerprints"]) == 2 and logo["mode"] == "normal"
    vi_only = next(f for f in data["findings"] if f["check"] == "color-contrast")
    assert vi_only["modes"] == ["vi"] and vi_only["fingerprints"] == [vi_only["fingerprint"]]
    assert data["summary"]["instances"] == data["summary"]["total"] + 1
    back = result_from_dict(json.loads(json.dumps(data)))
    assert next(f for f in back.findings if f.fingerprint == logo["fingerprint"]).seen_in == ("normal", "vi")


# -- baselines ------------------------------------------------------------------------------------------------
def _run(findings):
    result = sample_result()
    return replace(result, findings=findings)


def test_a_baseline_with_a_merged_finding_knows_each_mode():
    pair = assign_fingerprints([finding(mode="normal"), finding(mode="vi")])
    old = result_to_dict(_run(merge_modes(pair)))
    # The defect is gone from the VI mode: the finding persists, the VI mode's fingerprint is fixed.
    result = apply_baseline(_run([pair[0]]), old)
    assert result.baseline["new"] == 0 and result.baseline["fixed"] == [pair[1].fingerprint]
    assert result.baseline["fixed_findings"][0]["mode"] == "vi"
    # Written per mode (before 1.2), matched by the merged finding: nothing new, nothing fixed.
    old = result_to_dict(_run(pair))
    result = apply_baseline(_run(merge_modes(pair)), old)
    assert result.baseline["new"] == 0 and result.baseline["fixed"] == []


# -- template findings ---------------------------------------------------------------------------------------
def _news(lang, code, n, mode="normal", **kw):
    return [finding(url=f"{BASE}/{code}/news/{k}/", lang=lang, mode=mode, selector=f'img[src$="photo-{k}.jpg"]',
                    content=f'<img src="photo-{k}.jpg">', impact="critical", **kw) for k in range(1, n + 1)]


def test_a_template_of_news_items_is_one_finding_per_language():
    findings = merge_modes(assign_fingerprints(_news("kk", "kz", 5) + _news("kk", "kz", 5, mode="vi")
                                               + _news("ru", "ru", 4) + _news("en", "en", 2)))
    templates = template_findings(findings)
    assert [(t.kind, t.template, t.pages, t.languages, t.modes, t.instances) for t in templates] == [
        (PATTERN, f"{BASE}/kz/news/:id", 5, {"kk": 5}, ["normal", "vi"], 10),
        (PATTERN, f"{BASE}/ru/news/:id", 4, {"ru": 4}, ["normal"], 4),
    ]  # two English pages are fewer than TEMPLATE_MIN_PAGES: no template finding
    assert templates[0].locator == "img[src]" and re.fullmatch(r"[0-9a-f]{16}", templates[0].id)
    assert templates[0].examples(3) == [f"{BASE}/kz/news/{k}/" for k in (1, 2, 3)]


def test_a_layout_element_spans_templates_and_languages():
    pages = [("kk", "kz/"), ("kk", "kz/about/"), ("kk", "kz/news/1/"), ("ru", "ru/"), ("ru", "ru/news/2/")]
    findings = assign_fingerprints([finding(url=f"{BASE}/{p}", lang=lang) for lang, p in pages])
    [layout] = template_findings(findings)
    assert layout.kind == LAYOUT and layout.template is None
    assert layout.languages == {"kk": 3, "ru": 2} and len(layout.templates) == 5
    # The same element in the kk, ru and en versions of ONE page is that page's defect, not a layout's.
    one_page = assign_fingerprints([finding(url=f"{BASE}/{c}/news/7/", lang=lang)
                                    for lang, c in (("kk", "kz"), ("ru", "ru"), ("en", "en"))])
    assert template_findings(one_page) == []


def test_template_ids_do_not_depend_on_the_pages_found():
    few = template_findings(assign_fingerprints(_news("kk", "kz", 3)))
    more = template_findings(assign_fingerprints(_news("kk", "kz", 30)))
    assert few[0].id == more[0].id


def test_score_and_fix_first_count_defects_and_pages():
    findings = merge_modes(assign_fingerprints(_news("kk", "kz", 6) + _news("kk", "kz", 6, mode="vi")
                                               + [finding(url=f"{BASE}/kz/a{i}", selector=f"#c{i}x") for i in range(3)]))
    pages = [PageEntry(url=f.url, lang="kk", mode=m, status=200, outcome="audited")
             for f in findings for m in ("normal", "vi")]
    result = replace(sample_result(), findings=findings, pages=pages, site={})
    items = fix_first(result)
    assert [(i.check, i.defects, i.pages, bool(i.template)) for i in items] == [
        ("image-alt", 1, 6, True), ("image-alt", 3, 3, False)]
    # The template finding dirties only its first page (both modes): 18 views, 2 + 3 dirty.
    assert site_score(result).clean_views == 18 - 5


# -- the reports' grouped view --------------------------------------------------------------------------------
def _big_result(news_items=400, editorial=120):
    findings = _news("kk", "kz", news_items) + _news("kk", "kz", news_items, mode="vi") + _news("ru", "ru", news_items)
    findings += [finding(check="color-contrast", url=f"{BASE}/kz/news/{k}/", selector=f"#note{k}x", content=str(k))
                 for k in range(1, editorial + 1)]
    findings = merge_modes(assign_fingerprints(findings))
    pages = [PageEntry(url=f"{BASE}/{c}/news/{k}/", lang=lang, mode=m, status=200, outcome="audited")
             for lang, c in (("kk", "kz"), ("ru", "ru")) for k in range(1, news_items + 1) for m in ("normal", "vi")]
    return replace(sample_result(), findings=findings, pages=pages)


def test_html_shows_a_template_once_and_cuts_long_lists(tmp_path):
    from parity_check.report import html_report as h

    html = write_reports(_big_result(), tmp_path, ["json", "html"])["html"].read_text(encoding="utf-8")
    assert html.count('<li id="f-') <= h.FINDINGS_SHOWN * 3  # each list cut, never one per instance
    assert "The first 25 of 120 are shown; all of them are in report.json." in html
    assert f"The first {h.PAGES_SHOWN} of" in html and f"The first {h.PAGE_ROWS_SHOWN} of 1600" in html
    assert html.count("Pages of the template") == 2  # kk and ru: one template finding each
    assert "All 400 pages are in report.json" in html
    assert "normal and visually impaired modes" in html
    assert html.index('id="fix-first"') < html.index('id="templates"') < html.index('id="by-check"') \
        < html.index('id="coverage"') < html.index('id="by-page"')
    assert "<script" not in html


def test_html_size_stays_bounded_as_the_site_grows(tmp_path):
    small = write_reports(_big_result(200, 60), tmp_path / "s", ["html"])["html"].stat().st_size
    large = write_reports(_big_result(2000, 600), tmp_path / "l", ["html"])["html"].stat().st_size
    assert large < small * 1.2


def test_sarif_gives_a_template_finding_one_result(tmp_path):
    result = _big_result(50, 10)
    run = json.loads(write_reports(result, tmp_path, ["sarif"])["sarif"].read_text(encoding="utf-8"))["runs"][0]
    templates = [r for r in run["results"] if "template" in r["properties"]]
    assert len(templates) == 2 and len(run["results"]) == 2 + 10  # kk and ru news templates, 10 editorial notes
    kk = next(r for r in templates if "/kz/news/:id" in r["message"]["text"])
    assert "on 50 pages" in kk["message"]["text"] and "100 findings" in kk["message"]["text"]
    assert kk["properties"]["instances"] == 100 and kk["properties"]["modes"] == ["normal", "vi"]
    assert len(kk["relatedLocations"]) == 10
    assert kk["partialFingerprints"]["primaryLocationLineHash"] == kk["properties"]["template"]


def test_markdown_gives_a_template_finding_one_row(tmp_path):
    text = write_reports(_big_result(300, 5), tmp_path, ["markdown"])["markdown"].read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if "/kz/news/:id" in line]
    assert len(rows) == 1 and "kk 300" in rows[0]
    assert text.count("photo\\-") == 0  # no instance of the template is listed on its own


def test_html_inlines_screenshots_only_up_to_its_budget(tmp_path, monkeypatch):
    from parity_check.report import html_report as h
    from parity_check.report.sample import png_data_uri

    shot = png_data_uri()
    findings = assign_fingerprints([replace(finding(check="color-contrast", url=f"{BASE}/kz/p{i}x", selector=f"#c{i}x",
                                                    content=str(i)), evidence={"screenshot": shot}) for i in range(20)])
    result = replace(sample_result(), findings=findings)
    monkeypatch.setattr(h, "SCREENSHOT_BUDGET", len(shot) * 3 + 1)
    html = write_reports(result, tmp_path, ["html"])["html"].read_text(encoding="utf-8")
    assert html.count('<img src="data:image/png') == 3


def test_every_link_of_a_cut_report_leads_somewhere(tmp_path, monkeypatch):
    from parity_check.report import html_report as h

    findings = []
    for c, lang in (("kz", "kk"), ("ru", "ru"), ("en", "en")):
        for section in ("news", "events", "blog", "docs"):  # 12 templates, each with its photo defect
            findings += [finding(url=f"{BASE}/{c}/{section}/{k}/", lang=lang, selector=f'img[src$="{section}{k}.jpg"]',
                                 content=f"{section}{k}") for k in range(1, 5)]
    result = replace(sample_result(), findings=assign_fingerprints(findings))
    monkeypatch.setattr(h, "TEMPLATES_SHOWN", 2)
    monkeypatch.setattr(h, "FIXES_SHOWN", 4)
    html = write_reports(result, tmp_path, ["html"])["html"].read_text(encoding="utf-8")
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert targets - ids == set()
    assert html.count("Pages of the template") == 6  # the first 2, and the 4 that what to fix first names
    assert "The first 2 of 12 are shown" in html
