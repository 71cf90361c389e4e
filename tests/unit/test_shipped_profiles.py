"""The shipped profiles live in the top-level profiles/ folder and are found by name from the package."""
from pathlib import Path

from parity_check.config import PACKAGE_PROFILES, list_profiles, load_profile
from parity_check.settings import build_settings

REPO = Path(__file__).resolve().parents[2]


def test_the_shipped_profiles_are_the_top_level_folder():
    assert PACKAGE_PROFILES == (REPO / "profiles").resolve()
    assert not (REPO / "parity_check" / "profiles").exists()
    names = {name for name, _title, _path in list_profiles()}
    assert {"akimvko", "govkz", "demo"} <= names
    assert Path(load_profile("edu").source).resolve().parent == PACKAGE_PROFILES


def test_a_run_remembers_a_shipped_profile_by_name_and_a_local_one_by_path(tmp_path):
    shipped = build_settings("akimvko", None, out_dir=tmp_path / "a")
    assert shipped.saved()["profile_ref"] == "akimvko"
    local = tmp_path / "mine.yaml"
    local.write_text("extends: akimvko\n", encoding="utf-8")
    own = build_settings(None, str(local), out_dir=tmp_path / "b")
    assert own.saved()["profile_ref"] == str(local.resolve())
