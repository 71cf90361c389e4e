"""What every report format promises: it writes what the site said without letting it become markup or a
formula, it keeps Kazakh letters intact, and the same run gives the same bytes twice."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from parity_check.report import FORMATS, reporter_class, write_reports
from parity_check.report.sample import HOSTILE, sample_result
from tests.unit.test_report_support import fixed_registry  # noqa: F401  (fixture)

ALL = sorted(FORMATS)
KAZAKH = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"


def _write(tmp_path: Path, fmt: str, **options) -> Path:
    return write_reports(sample_result(), tmp_path, [fmt], options)[fmt]


@pytest.mark.parametrize("fmt", ALL)
def test_every_format_is_deterministic(tmp_path, fmt, fixed_registry):
    a = _write(tmp_path / "a", fmt).read_bytes()
    b = _write(tmp_path / "b", fmt).read_bytes()
    assert a == b
    assert KAZAKH.encode("utf-8") in a


@pytest.mark.parametrize("fmt", ALL)
def test_every_format_has_its_file_name_and_registers(tmp_path, fmt):
    cls = reporter_class(fmt)
    assert cls.format == fmt
    path = _write(tmp_path, fmt)
    assert path.name == cls.filename and path.stat().st_size > 0


def test_json_carries_the_hostile_text_exactly(tmp_path):
    data = json.loads(_write(tmp_path, "json").read_text(encoding="utf-8"))
    assert any(HOSTILE in f["message"] for f in data["findings"])


def test_sarif_carries_the_hostile_text_exactly(tmp_path):
    data = json.loads(_write(tmp_path, "sarif").read_text(encoding="utf-8"))
    assert any(HOSTILE in r["message"]["text"] for r in data["runs"][0]["results"])


def test_junit_is_well_formed_xml_and_keeps_the_text(tmp_path):
    raw = _write(tmp_path, "junit").read_text(encoding="utf-8")
    assert "<script>" not in raw
    root = ET.fromstring(raw.encode("utf-8"))
    texts = [el.text or "" for el in root.iter("failure")] + [el.get("name") for el in root.iter("testcase")]
    assert any(HOSTILE in t for t in texts)


def test_junit_replaces_characters_xml_cannot_carry():
    from parity_check.report.junit_report import clean

    assert clean("a\x00b\x1bc\td") == "a\ufffdb\ufffdc\td"


def test_csv_round_trips_and_defuses_formulas(tmp_path):
    path = _write(tmp_path, "csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads Kazakh letters right
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))
    assert len(rows) == len(sample_result().findings)
    assert any(HOSTILE in r["message"] for r in rows)
    from parity_check.report.csv_report import safe_cell

    assert safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_cell("+1") == "'+1" and safe_cell("@a") == "'@a" and safe_cell("ok") == "ok"
    row = next(r for r in rows if r["check"] == "text-language-mismatch")
    assert json.loads(row["evidence"])["text"] == HOSTILE
    assert row["tags"] == "kz:order-124"


def test_markdown_escapes_markup_links_and_tables(tmp_path):
    text = _write(tmp_path, "markdown").read_text(encoding="utf-8")
    assert "<script>" not in text
    # no live Markdown link from a page's text (a page URL is shown in a code span, where nothing is live)
    assert "](javascript" not in re.sub(r"`[^`]*`", "", text)
    columns = None
    for line in text.splitlines():
        if line.startswith("|---"):
            columns = line.count("|")  # the table's separator row: its column count
        elif line.startswith("| ") and "HYPERLINK" in line:
            # every | inside a cell is escaped, so the row keeps its table's column count
            assert len(re.findall(r"(?<!\\)\|", line)) == columns


class _TextAndTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.attrs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_html_is_escaped_self_contained_and_scriptless(tmp_path, lang, fixed_registry):
    html = _write(tmp_path, "html", report_lang=lang).read_text(encoding="utf-8")
    parser = _TextAndTags()
    parser.feed(html)
    assert "script" not in parser.tags
    assert f'<html lang="{lang}">' in html
    assert "default-src 'none'" in html and "script-src" not in html  # CSP: scripts forbidden
    assert HOSTILE in "".join(parser.text)  # shown as text, not run as markup
    hrefs = [v for k, v in parser.attrs if k == "href"]
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    srcs = [v for k, v in parser.attrs if k == "src"]
    assert srcs and all(s.startswith("data:image/") for s in srcs)
    assert not re.search(r"""(src|href)=["'](?!data:|#|https?:)""", html)  # nothing fetched from outside


def test_html_screenshot_paths_stay_inside_the_run_folder(tmp_path):
    from parity_check.report.html_report import screenshot_uri
    from parity_check.report.sample import tiny_png

    (tmp_path / "run" / "shots").mkdir(parents=True)
    (tmp_path / "run" / "shots" / "a.png").write_bytes(tiny_png())
    (tmp_path / "secret.png").write_bytes(tiny_png())
    run = tmp_path / "run"
    assert screenshot_uri("shots/a.png", run).startswith("data:image/png;base64,")
    assert screenshot_uri("../secret.png", run) is None
    assert screenshot_uri(str(tmp_path / "secret.png"), run) is None
    assert screenshot_uri("shots/missing.png", run) is None
    assert screenshot_uri("data:text/html;base64,PHNjcmlwdD4=", run) is None
    assert screenshot_uri('data:image/png;base64,AAAA" onerror="x', run) is None


def test_reporters_stream_through_start_add_finish(tmp_path):
    result = sample_result()
    for fmt in ALL:
        reporter = reporter_class(fmt)(tmp_path / fmt)
        (tmp_path / fmt).mkdir()
        reporter.start(result)
        for f in result.findings[:3]:
            reporter.add(f)
        assert reporter.finish().is_file()
