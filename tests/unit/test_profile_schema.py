"""The profile JSON Schema editors use: generated from the loader's schema, published beside the shipped
profiles, accepting every shipped profile and rejecting what the loader rejects."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from parity_check.cli import main
from parity_check.config import PACKAGE_PROFILES, ProfileError, load_profile_text
from parity_check.config.json_schema import FILE_NAME, check_pattern_dialect, profile_json_schema, profile_json_schema_text


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: YAML 1.2 has no timestamp type, dates stay text."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((PACKAGE_PROFILES / FILE_NAME).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_published_schema_is_the_generated_one():
    published = (PACKAGE_PROFILES / FILE_NAME).read_text(encoding="utf-8")
    assert published == profile_json_schema_text(), \
        "profiles/profile.schema.json is stale: run `parity-check profiles schema > profiles/profile.schema.json`"
    jsonschema.Draft202012Validator.check_schema(profile_json_schema())
    assert check_pattern_dialect(profile_json_schema()) == []


def test_the_cli_prints_the_schema():
    result = CliRunner().invoke(main, ["profiles", "schema"])
    assert result.exit_code == 0 and json.loads(result.output)["title"] == "parity-check profile"


@pytest.mark.parametrize("path", sorted(PACKAGE_PROFILES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_profile_is_valid_and_names_the_schema(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={FILE_NAME}\n")
    errors = sorted(_validator().iter_errors(yaml.load(text, Loader=_EditorLoader)), key=str)
    assert not errors, [e.message for e in errors]


BASE = "target: https://example.kz/\n"
ACCEPTED = {
    "minimal": "",
    "vi steps": "vi: {steps: ['click text Версия для слабовидящих', 'wait 500', 'set cookie bvi=1', "
                "'press Alt+Shift+V', 'wait for body.bvi-active', 'open ?special=1']}",
    "data extends and drops": "data: {vi_switch_names: {kk: ['арнайы нұсқа'], en: null}}",
    "a suppression": "ignore: [{check: color-contrast, url: '/news/', reason: 'the platform header', expires: 2027-01-31}]",
    "a new section": "sections: {vacancies: {names: {kk: ['Бос орындар']}, url_patterns: ['/vacancies']}}",
    "a template": "params: {slug: edu}\nscope: {include: ['/entities/{slug}(/|$)']}",
    "query language URLs": "language_urls: {style: query, param: lang, codes: {kk: kz, ru: ru, en: en}}",
}
REJECTED = {
    "unknown key": "vi_mode: {steps: []}",
    "kz is no language": "languages: [kz, ru]",
    "an empty language list": "languages: []",
    "a page limit of 0": "max_pages: 0",
    "a page limit as text": "max_pages: '200'",
    "too many tabs": "concurrency: 17",
    "unknown URL style": "language_urls: {style: prefixes}",
    "a misspelt action": "vi: {steps: ['klick .bvi-open']}",
    "an undeclared threshold": "thresholds: {small_font: 12}",
    "a negative threshold": "thresholds: {small_font_px: -1}",
    "a suppression without a reason": "ignore: [{check: color-contrast}]",
    "a suppression with no date": "ignore: [{check: color-contrast, reason: x, expires: tomorrow}]",
    "a host with a scheme": "scope: {hosts: ['https://example.kz/']}",
    "a target without a scheme": "target: example.kz/kz",
    "an invalid regex": "scope: {include: ['(unclosed']}",
    "an unknown impact": "fail_on: high",
    "an empty title": "title: {kk: ''}",
    "section names as text": "sections: {contacts: {names: {kk: Байланыс}}}",
    "an unknown data set": "data: {vi_switch_name: {kk: [x]}}",
    "a data value of the wrong shape": "data: {vi_switch_names: {kk: 'көзі нашар'}}",
    "a data set keyed by kz": "data: {vi_switch_names: {kz: [x]}}",
    "an unknown key in a section": "sections: {contacts: {name: {kk: [x]}}}",
}


@pytest.mark.parametrize("case", ACCEPTED, ids=str)
def test_what_the_loader_accepts_the_schema_accepts(case):
    text = BASE + ACCEPTED[case]
    load_profile_text(text)
    assert not list(_validator().iter_errors(yaml.load(text, Loader=_EditorLoader)))


@pytest.mark.parametrize("case", REJECTED, ids=str)
def test_what_the_loader_rejects_the_schema_rejects(case):
    text = BASE + REJECTED[case]
    with pytest.raises(ProfileError):
        load_profile_text(text)
    assert list(_validator().iter_errors(yaml.load(text, Loader=_EditorLoader))), case
