"""Data sets a profile extends (config/datasets.py): shipped files, the `data:` key, extend-not-replace."""
from __future__ import annotations

import textwrap

import pytest

from parity_check.config import (
    DATASETS, PACKAGE_PROFILES, ProfileError, load_profile, load_profile_text, profile_to_yaml, shipped_data,
)
from parity_check.checks.base import CheckContext


def profile(text: str, **kw):
    return load_profile_text(textwrap.dedent(text).lstrip("\n"), **kw)


def test_every_declared_data_set_ships_with_its_file():
    for name in DATASETS:
        assert (PACKAGE_PROFILES / "data" / f"{name}.yaml").is_file(), name
        assert load_profile(None).data[name] == shipped_data(name)


def test_a_profile_extends_a_list_and_keeps_the_shipped_items():
    p = profile("""
        data:
          vi_switch_names:
            kk: ["Арнайы мүмкіндіктер", "зағип"]
    """)
    kk = p.data["vi_switch_names"]["kk"]
    assert kk[:len(shipped_data("vi_switch_names")["kk"])] == shipped_data("vi_switch_names")["kk"]
    assert kk.count("зағип") == 1 and kk[-1] == "Арнайы мүмкіндіктер"
    assert p.data["vi_switch_names"]["ru"] == shipped_data("vi_switch_names")["ru"]


def test_null_drops_a_shipped_key_and_the_printed_profile_keeps_it_dropped(tmp_path):
    p = profile("""
        data:
          vi_switch_names:
            en: null
    """)
    assert "en" not in p.data["vi_switch_names"]
    saved = tmp_path / "saved.yaml"
    saved.write_text(profile_to_yaml(p), encoding="utf-8")
    again = load_profile(str(saved))
    assert again.data == p.data


def test_extends_chain_adds_in_order(tmp_path):
    (tmp_path / "base.yaml").write_text('data: {vi_switch_names: {ru: ["Специальная версия"]}}\n', encoding="utf-8")
    (tmp_path / "site.yaml").write_text('extends: base.yaml\ndata: {vi_switch_names: {ru: ["Для людей с ОВЗ"]}}\n',
                                        encoding="utf-8")
    ru = load_profile(str(tmp_path / "site.yaml")).data["vi_switch_names"]["ru"]
    assert ru[-2:] == ["Специальная версия", "Для людей с ОВЗ"]


def test_a_profile_directory_may_extend_the_shipped_data(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vi_switch_names.yaml").write_text('en: ["Easy read"]\n', encoding="utf-8")
    p = load_profile(None, profiles_dir=tmp_path)
    assert p.data["vi_switch_names"]["en"][-1] == "Easy read"
    assert load_profile(None).data["vi_switch_names"]["en"][-1] != "Easy read"


@pytest.mark.parametrize("text, message", [
    ("data: {vi_switch_name: {kk: [x]}}", "unknown data set 'vi_switch_name' (did you mean 'vi_switch_names'?)"),
    ("data: {vi_switch_names: {kz: [x]}}", "'kz' is not a language code"),
    ("data: {vi_switch_names: {kk: x}}", "expected a list of text"),
    ("data: [vi_switch_names]", "expected a mapping of data set names"),
])
def test_bad_data_is_refused_with_its_line(text, message):
    with pytest.raises(ProfileError) as info:
        profile(text)
    assert message in str(info.value) and "<profile>:1:" in str(info.value)


def test_a_broken_shipped_style_file_in_a_profile_directory_names_its_line(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vi_switch_names.yaml").write_text('kk: ["a"]\nxx: ["b"]\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(None, profiles_dir=tmp_path)
    assert "vi_switch_names.yaml:2:" in str(info.value)


def test_checks_read_the_profile_data_or_the_shipped_one():
    p = profile('data: {vi_switch_names: {en: ["Easy read"]}}')
    assert CheckContext(pages=[], run={}, languages=("en",), profile=p).data("vi_switch_names")["en"][-1] == "Easy read"
    assert CheckContext(pages=[], run={}, languages=("en",)).data("vi_switch_names") == shipped_data("vi_switch_names")


def test_profiles_data_lists_and_prints_data_sets(tmp_path):
    from click.testing import CliRunner

    from parity_check.cli import main

    runner = CliRunner()
    listed = runner.invoke(main, ["profiles", "data"])
    assert listed.exit_code == 0 and all(name in listed.output for name in DATASETS)
    site = tmp_path / "site.yaml"
    site.write_text('data: {vi_switch_names: {en: ["Easy read"]}}\n', encoding="utf-8")
    shown = runner.invoke(main, ["profiles", "data", "vi_switch_names", "--profile", str(site)])
    assert shown.exit_code == 0 and "- Easy read" in shown.output and "- көзі нашар" in shown.output
    wrong = runner.invoke(main, ["profiles", "data", "vi_switch_name"])
    assert wrong.exit_code == 2 and "did you mean 'vi_switch_names'" in wrong.output
