"""The reports' words: complete catalogues in kk/ru/en, translated findings, a Markdown summary that stays
under GitHub's 1 MiB whatever the run."""
from __future__ import annotations

import re
import string
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from parity_check.i18n import LANGS, axe_rule_text, catalogue, fill, t
from parity_check.report import write_reports
from parity_check.report.markdown_report import GITHUB_SUMMARY_LIMIT, build_markdown
from parity_check.report.sample import sample_result
from parity_check.report.text import finding_message, why
from tests.unit.test_report_support import fixed_registry  # noqa: F401  (fixture)

# Keys whose text is only numbers or placeholders. (Russian and Kazakh may share a word: Элемент, Сайт.)
SAME_ALLOWED = {"percent", "finding_where"}


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_catalogue_is_complete_with_the_same_placeholders():
    for key, entry in catalogue().items():
        assert set(entry) == set(LANGS), key
        assert all(entry[lang].strip() for lang in LANGS), key
        assert _fields(entry["ru"]) == _fields(entry["en"]) == _fields(entry["kk"]), key
        if key not in SAME_ALLOWED:
            assert entry["en"] != entry["ru"] and entry["en"] != entry["kk"], key


def test_fill_leaves_unknown_placeholders_and_refuses_attribute_access():
    assert fill("{a} {b}", {"a": 1}) == "1 {b}"
    assert fill("{a.__class__}", {"a": 1}) == "{a.__class__}"
    assert t("score_value", "kk", score=7) == "100 ұпайдан 7"


def test_findings_speak_the_officers_language(fixed_registry):
    result = sample_result()
    mine = next(f for f in result.findings if f.check == "kk-version-missing" and f.message_args)
    assert finding_message(mine, "kk").value.endswith("бетінің қазақша нұсқасы жоқ")
    assert finding_message(mine, "kk").lang == "kk"
    assert why(mine, "ru").value.startswith("Казахский")
    alt = next(f for f in result.findings if f.check == "image-alt")
    ru = finding_message(alt, "ru")
    assert ru.lang == "ru" and ru.value == axe_rule_text("image-alt", "ru")["help"]
    unknown = next(f for f in result.findings if f.check == "root-not-kazakh")
    assert finding_message(unknown, "kk") == (unknown.message, "en")  # no translation: English, marked so


class _Visible(HTMLParser):
    """Text a reader sees: everything but <style>, code, URLs and the site's own words."""

    SKIP = {"style", "code", "title", "pre"}

    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = tag in self.SKIP or "url" in (attrs.get("class") or "") or tag == "a" and (attrs.get("href") or "").startswith("http")
        self.stack.append((tag, skip or bool(attrs.get("lang")) and tag != "html"))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not any(skip for _, skip in self.stack):
            self.out.append(data.strip())


@pytest.mark.parametrize("other", ["ru", "kk"])
def test_switching_language_changes_the_reports_own_words(tmp_path, other, fixed_registry):
    def visible(lang):
        path = write_reports(sample_result(), tmp_path / lang, ["html"], {"report_lang": lang})["html"]
        parser = _Visible()
        parser.feed(path.read_text(encoding="utf-8"))
        return parser.out

    en, xx = visible("en"), visible(other)
    catalogue_en = {v["en"] for v in catalogue().values()}
    # Every catalogue sentence shown in English is gone from the other language's report.
    shown = [s for s in en if s in catalogue_en and len(s) > 3]
    assert len(shown) > 20
    assert not [s for s in shown if s in xx]


def test_markdown_stays_under_githubs_limit_for_a_huge_run():
    base = sample_result()
    template = next(f for f in base.findings if f.check == "color-contrast")
    # 6,000 different elements (no template groups them), each on a page of its own.
    many = [replace(template, url=f"https://example.gov.kz/kk/page-{i}", message="ә" * 300, fingerprint=f"{i:016x}",
                    selector=f"main p.lead{i}x", locator=None) for i in range(6000)]
    result = replace(base, findings=many)
    text = build_markdown(result, many)
    size = len(text.encode("utf-8"))
    assert size <= GITHUB_SUMMARY_LIMIT
    assert size > GITHUB_SUMMARY_LIMIT * 0.8  # it uses the room rather than stopping early
    assert re.search(r"_\d+ more findings are not shown here", text)
    assert text.endswith("\n")


def test_markdown_cut_even_when_the_head_alone_is_too_big():
    result = sample_result()
    text = build_markdown(result, result.findings, max_bytes=600)
    assert len(text.encode("utf-8")) <= 600
    assert "more findings are not shown" in text


def test_every_axe_rule_has_kazakh_and_russian_help():
    import json
    from importlib import resources

    def rules(lang):
        return json.loads(resources.files("parity_check.i18n").joinpath(f"axe_rules.{lang}.json")
                          .read_text(encoding="utf-8"))["rules"]

    kk, ru = rules("kk"), rules("ru")
    assert set(ru) <= set(kk)
    assert all(v["help"].strip() for v in kk.values())
    assert axe_rule_text("color-contrast", "kk")["description"]
    assert axe_rule_text("image-alt", "en") is None  # English is what axe-core wrote in the finding
