"""Profile loading and validation (parity_check.config) and the VI action language (parity_check.vi_actions)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from parity_check.config import (
    PACKAGE_PROFILES, SCHEMA, Profile, ProfileError, Struct, find_profile_for, list_profiles, load_profile,
    load_profile_text, profile_to_yaml,
)
from parity_check.vi_actions import Action, parse_action

SHIPPED = [name for name, _, _ in list_profiles()]


def write(tmp_path: Path, text: str, name: str = "site.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str, **kw) -> ProfileError:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(str(path), **kw)
    return info.value


# -- merge order -------------------------------------------------------------------------------------------
def test_defaults_only():
    p = load_profile(None)
    assert p.name == "defaults" and p.source is None and p.target is None
    assert p.languages == ("kk", "ru", "en")
    assert (p.max_pages, p.max_depth, p.concurrency, p.timeout_ms, p.settle_ms) == (200, 5, 2, 30000, 300)
    assert p.fail_on == "serious" and p.language_urls.style == "auto" and p.language_urls.param == "lang"
    assert {"contacts", "structure", "leadership", "news", "legal_acts", "appeals", "efficiency"} <= set(p.sections)
    assert "Байланыс" in p.sections["contacts"].names["kk"]
    assert "Обращения граждан" in p.sections["appeals"].names["ru"]
    assert p.thresholds["small_font_px"] == 12 and p.thresholds["vi_min_font_ratio"] == 1.2


def test_dataclass_defaults_mirror_the_defaults_file():
    shipped, bare = load_profile(None), Profile(name="defaults")
    for f in ("languages", "max_pages", "max_depth", "concurrency", "timeout_ms", "settle_ms", "wait_for",
              "fail_on", "language_urls", "start_urls", "vi", "ignore", "target"):
        assert getattr(shipped, f) == getattr(bare, f), f


def test_shipped_defaults_declare_every_key():
    data = yaml.safe_load((PACKAGE_PROFILES / "_defaults.yaml").read_text(encoding="utf-8"))
    per_site = {"name", "title", "extends", "params", "aliases"}
    assert set(SCHEMA.fields) - per_site <= set(data)
    for key, spec in SCHEMA.fields.items():
        if isinstance(spec, Struct) and key not in per_site:
            assert set(spec.fields) <= set(data[key]), key


def test_profile_beats_defaults_and_overrides_beat_profile(tmp_path):
    path = write(tmp_path, """
        target: https://example.gov.kz/
        max_pages: 50
        max_depth: 2
        thresholds: {small_font_px: 14}
        scope: {exclude: ['/print/']}
    """)
    p = load_profile(str(path), overrides={"max_pages": 7, "max_depth": None, "languages": ("kk", "ru"),
                                           "scope.include": ["/kz/"], "thresholds": {"stale_days": 10}})
    assert p.max_pages == 7  # override wins
    assert p.max_depth == 2  # None means "not given on the command line"
    assert p.languages == ("kk", "ru")
    assert p.concurrency == 2  # default kept
    assert p.thresholds["small_font_px"] == 14 and p.thresholds["stale_days"] == 10  # mappings merge per key
    assert p.thresholds["vi_min_font_ratio"] == 1.2
    assert p.scope.exclude == ("/print/",)  # lists replace
    assert p.scope.include == ("/kz/",)
    assert p.name == "site" and p.source.endswith("site.yaml")


def test_command_line_languages_narrow_the_vi_languages(tmp_path):
    path = write(tmp_path, "vi:\n  languages: [kk, en]\n")
    assert load_profile(str(path), overrides={"languages": ["kk", "ru"]}).vi.languages == ("kk",)


def test_dropping_and_adding_sections(tmp_path):
    path = write(tmp_path, """
        sections:
          efficiency: null
          geoportal:
            names: {kk: [Геопортал], ru: [Геопортал], en: [Geoportal]}
          news:
            url_patterns: ['/zhanalyqtar']
    """)
    p = load_profile(str(path))
    assert "efficiency" not in p.sections and "geoportal" in p.sections
    assert p.sections["news"].url_patterns == ("/zhanalyqtar",)
    assert "Жаңалықтар" in p.sections["news"].names["kk"]  # names kept from the defaults


def test_extends_params_and_what_is_inherited(tmp_path):
    write(tmp_path, """
        title: {en: Base}
        aliases: [base.gov.kz]
        target: "https://portal.example.kz/entities/{slug}?lang=kk"
        scope: {include: ['/entities/{slug}(/|$)']}
        facts: {confirmed: [base fact], assumed: [base guess]}
    """, "base.yaml")
    path = write(tmp_path, """
        extends: base.yaml
        params: {slug: water}
        title: {en: Water committee}
        facts: {assumed: [own guess]}
    """)
    p = load_profile(str(path))
    assert p.target == "https://portal.example.kz/entities/water?lang=kk"
    assert p.scope.include == ("/entities/water(/|$)",)
    assert p.title == {"en": "Water committee"} and p.aliases == ()
    assert p.facts == {"confirmed": ("base fact",), "assumed": ("base guess", "own guess")}


def test_template_params_from_reference_and_from_the_target():
    assert load_profile("govkz?slug=mz").target == "https://www.gov.kz/memleket/entities/mz?lang=kk"
    p = load_profile("govkz", overrides={"target": "https://www.gov.kz/memleket/entities/edu/press/news?lang=ru"})
    assert p.params == {"slug": "edu"} and p.scope.include == ("/memleket/entities/edu(/|\\?|$)",)
    assert p.target == "https://www.gov.kz/memleket/entities/edu/press/news?lang=ru"


def test_ref_reloads_the_same_profile():
    p = load_profile("https://www.gov.kz/memleket/entities/abc?lang=ru")
    assert p.ref == "govkz?slug=abc" and load_profile(p.ref) == p
    assert load_profile("akimvko").ref == "akimvko"


def test_template_without_params_says_how_to_fill_it():
    with pytest.raises(ProfileError) as info:
        load_profile("govkz")
    assert "govkz.yaml:" in str(info.value) and "{slug}" in str(info.value)
    assert "govkz?slug=" in info.value.hint and len(info.value.problems) == 1


def test_local_profiles_dir_and_its_own_defaults(tmp_path):
    write(tmp_path, "thresholds: {my_limit: 3}\nmax_pages: 20\n", "_defaults.yaml")
    write(tmp_path, "thresholds: {my_limit: 5}\n", "mine.yaml")
    p = load_profile("mine", profiles_dir=tmp_path)
    assert p.thresholds["my_limit"] == 5 and p.max_pages == 20 and p.thresholds["small_font_px"] == 12
    assert "mine" in [n for n, _, _ in list_profiles(tmp_path)]
    assert load_profile("akimvko", profiles_dir=tmp_path).name == "akimvko"  # shipped ones stay reachable


# -- errors: file, line, hint ------------------------------------------------------------------------------
def test_unknown_key_with_did_you_mean(tmp_path):
    e = error_of(tmp_path, """
        target: https://example.gov.kz/
        max_pages: 10

        vi_mod:
          steps: []
    """)
    assert str(e) == f"{e.file}:4: unknown key 'vi_mod' (did you mean 'vi'?)"
    assert e.file.endswith("site.yaml") and e.line == 4


@pytest.mark.parametrize("text, line, fragment, hint", [
    ("vi:\n  stpes: [click .x]\n", 2, "unknown key 'stpes' in vi", "did you mean 'steps'?"),
    ("steps: [click .x]\n", 1, "unknown key 'steps'", "did you mean 'vi.steps'?"),
    ("include: ['/kz/']\n", 1, "unknown key 'include'", "did you mean 'scope.include'?"),
    ("slug: mz\n", 1, "unknown key 'slug'", "params"),
    ("thresholds:\n  small_font: 11\n", 2, "unknown threshold 'small_font'", "did you mean 'small_font_px'?"),
])
def test_unknown_keys(tmp_path, text, line, fragment, hint):
    e = error_of(tmp_path, text)
    assert e.line == line and fragment in e.message and hint in e.hint


@pytest.mark.parametrize("text, line, fragment", [
    ("max_pages: many\n", 1, "max_pages: expected a whole number"),
    ("max_pages: true\n", 1, "max_pages: expected a whole number"),
    ("max_pages: 0\n", 1, "from 1 to 100000"),
    ("concurrency: 2.5\n", 1, "concurrency: expected a whole number"),
    ("start_urls: https://x.gov.kz/\n", 1, "start_urls: expected a list"),
    ("target: akimvko.gov.kz\n", 1, "target: expected an http(s) URL"),
    ("scope:\n  hosts: ['https://x.kz/']\n", 2, "scope.hosts[0]: expected a host name"),
    ("thresholds:\n  stale_days: -1\n", 2, "thresholds.stale_days: expected a number"),
    ("title: {en: [a]}\n", 1, "title.en: expected text"),
    ("vi: [click .x]\n", 1, "vi: expected a mapping"),
    ("ignore:\n  - check: color-contrast\n", 2, "'reason' is required"),
    ("ignore:\n  - check: color-contrast\n    reason: r\n    expires: 2025-02-30\n", 4, "2025-02-30"),
])
def test_wrong_types(tmp_path, text, line, fragment):
    e = error_of(tmp_path, text)
    assert e.line == line and fragment in str(e)


@pytest.mark.parametrize("text, line, hint", [
    ("fail_on: seriuos\n", 1, "did you mean 'serious'?"),
    ("language_urls:\n  style: prefx\n", 2, "did you mean 'prefix'?"),
])
def test_invalid_enum_values(tmp_path, text, line, hint):
    e = error_of(tmp_path, text)
    assert e.line == line and e.hint == hint and "expected one of" in e.message


def test_invalid_regex(tmp_path):
    e = error_of(tmp_path, "scope:\n  include:\n    - '/kz/'\n    - '/news/(unclosed'\n")
    assert e.line == 4 and "scope.include[1]: invalid regular expression" in e.message and "escape" in e.hint


def test_invalid_action(tmp_path):
    e = error_of(tmp_path, "vi:\n  steps:\n    - click .bvi-open\n    - clik .bvi-close\n")
    assert e.line == 4 and "vi.steps[1]: invalid action" in e.message and "did you mean 'click'?" in e.message


@pytest.mark.parametrize("text, line, fragment, hint", [
    ("languages: [kk, de]\n", 1, "unknown language 'de'", "kk, ru and en"),
    ("languages: [kaz, ru]\n", 1, "unknown language 'kaz'", "did you mean 'kk'?"),
    ("languages:\n  - ru\n  - kz\n", 3, "'kz' is not a language code", "Kazakh is kk"),
    ("title:\n  ru: Акимат\n  kz: Әкімдік\n", 3, "'kz' is not a language code", "language_urls.codes"),
    ("language_urls:\n  codes: {kz: kz}\n", 2, "'kz' is not a language code", "{kk: kz}"),
    ("languages: [kk, kk]\n", 1, "'kk' is given twice", None),
    ("languages: [kk, ru]\nvi:\n  languages: [en]\n", 3, "en is not among the profile's languages", None),
])
def test_language_codes(tmp_path, text, line, fragment, hint):
    e = error_of(tmp_path, text)
    assert e.line == line and fragment in e.message
    assert hint is None or hint in e.hint


@pytest.mark.parametrize("text, line, fragment", [
    ("target: https://x.kz/\nmax_pages: [1\n", 3, "YAML syntax"),
    ("target: https://x.kz/\nvi:\n\tsteps: []\n", 3, "YAML syntax"),
    ("title: {en: a: b}\n", 1, "YAML syntax"),
    ("max_pages: 5\nmax_depth: 1\nmax_pages: 6\n", 3, "duplicate key 'max_pages'"),
    ("- kk\n- ru\n", 1, "a profile is a mapping"),
    ("max_pages: 0x_\n", 1, "cannot read"),
    ("a: &a [*a]\n", 1, "refers to itself"),
    ("x: !!python/name:os.system\n", 1, "YAML syntax"),
])
def test_broken_yaml(tmp_path, text, line, fragment):
    e = error_of(tmp_path, text)
    assert e.line == line and fragment in e.message


def test_tab_indentation_hint(tmp_path):
    e = error_of(tmp_path, "vi:\n\tsteps: []\n")
    assert e.hint == "indent with spaces, not tabs"


def test_anchor_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    e = error_of(tmp_path, "\n".join(lines) + "\n")
    assert "more than" in e.message


def test_duplicate_key_hint_names_the_first(tmp_path):
    e = error_of(tmp_path, "max_pages: 5\nmax_depth: 1\nmax_pages: 6\n")
    assert e.hint == "first given at line 1"


def test_every_problem_is_reported_at_once(tmp_path):
    e = error_of(tmp_path, "max_pages: x\nfail_on: never\nvi_mod: {}\n")
    assert [p.line for p in e.problems] == [1, 2, 3]
    assert str(e).count("\n") == 2


def test_sections_near_miss_and_empty_new_section(tmp_path):
    e = error_of(tmp_path, "sections:\n  contact:\n    url_patterns: ['/c']\n")
    assert e.line == 2 and "did you mean 'contacts'?" in e.hint
    e = error_of(tmp_path, "sections:\n  geoportal: {}\n")
    assert e.line == 2 and "neither names nor url_patterns" in e.message


def test_extends_errors(tmp_path):
    e = error_of(tmp_path, "max_pages: 3\nextends: govk\n")
    assert e.line == 2 and "no such profile" in e.message and "did you mean 'govkz'?" in e.hint
    write(tmp_path, "extends: site.yaml\n", "other.yaml")
    e = error_of(tmp_path, "extends: other.yaml\n")
    assert "loop" in e.message


def test_errors_in_a_base_point_at_the_base(tmp_path):
    write(tmp_path, "max_pages: 10\nmax_depth: deep\n", "base.yaml")
    e = error_of(tmp_path, "extends: base.yaml\n")
    assert e.file.endswith("base.yaml") and e.line == 2


def test_override_errors():
    with pytest.raises(ProfileError) as info:
        load_profile(None, overrides={"max_pages": 0})
    assert str(info.value).startswith("command line: max_pages")
    with pytest.raises(ProfileError) as info:
        load_profile(None, overrides={"languages": ["kz"]})
    assert "Kazakh is kk" in info.value.hint
    with pytest.raises(ProfileError) as info:
        load_profile(None, overrides={"max_page": 3})
    assert info.value.hint == "did you mean 'max_pages'?"


def test_missing_profiles():
    with pytest.raises(ProfileError) as info:
        load_profile("akimvk")
    assert "did you mean 'akimvko'?" in str(info.value)
    with pytest.raises(ProfileError) as info:
        load_profile("nowhere/missing.yaml")
    assert info.value.file == "nowhere/missing.yaml" and "no such profile file" in info.value.message


# -- shipped profiles --------------------------------------------------------------------------------------
def test_the_expected_profiles_are_shipped():
    assert {"govkz", "edu", "mz", "enbek", "akimvko", "almaty", "e-kyzylorda", "demo"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_profile_loads(name):
    p = load_profile(name + ("?slug=example" if name == "govkz" else ""))
    assert p.name == name and p.target and p.target.startswith(("https://", "http://127.0.0.1"))
    assert set(p.title) == {"kk", "ru", "en"}
    assert p.facts["confirmed"] and (p.facts["assumed"] or name == "demo")
    assert "{" not in p.target and all("{" not in i for i in p.scope.include)


@pytest.mark.parametrize("name, entity", [("edu", "edu"), ("mz", "dsm"), ("enbek", "enbek"), ("almaty", "almaty")])
def test_platform_bodies(name, entity):
    p = load_profile(name)
    assert p.target == f"https://www.gov.kz/memleket/entities/{entity}?lang=kk"
    assert p.language_urls.style == "query" and p.wait_for
    assert any(f"entities/{entity}" in u for u in p.sections["contacts"].url_patterns)


def test_standalone_and_demo_sites():
    vko = load_profile("akimvko")
    assert vko.target == "https://akimvko.gov.kz/" and vko.language_urls.codes["kk"] == "kz"
    assert vko.language_urls.style == "prefix" and vko.vi.active_selector == "body.bvi-active"
    demo = load_profile("demo")
    assert demo.target == "http://127.0.0.1:8765/" and demo.language_urls.codes == {"kk": "kz", "ru": "ru", "en": "en"}
    assert demo.vi.steps == ()  # the VI switch is found by auto-detection
    assert "akim_reports" in load_profile("e-kyzylorda").sections


@pytest.mark.parametrize("target, expected", [
    ("akimvko", "akimvko"),
    ("akimvko.gov.kz", "akimvko"),
    ("https://www.akimvko.gov.kz/ru/news", "akimvko"),
    ("https://www.gov.kz/memleket/entities/mz?lang=ru", "govkz?slug=mz"),
    ("https://www.gov.kz/memleket/entities/dsm/press/news?lang=ru", "mz"),
    ("www.gov.kz/memleket/entities/edu", "edu"),
    ("mz.gov.kz", "mz"),
    ("http://127.0.0.1:8765/kz/", "demo"),
    ("e-kyzylorda.gov.kz", "e-kyzylorda"),
    ("https://www.gov.kz/", None),
    ("http://[::1", None),
    ("https://akimvko.gov.kz.example.com/", None),
    ("example.com", None),
    ("", None),
])
def test_find_profile_for(target, expected):
    assert find_profile_for(target) == expected


def test_a_domain_or_url_as_the_reference():
    assert load_profile("akimvko.gov.kz").name == "akimvko"
    assert load_profile("https://www.gov.kz/memleket/entities/abc").params == {"slug": "abc"}


# -- round trip --------------------------------------------------------------------------------------------
def _same(a: Profile, b: Profile) -> bool:
    return dataclasses.replace(a, source=None) == dataclasses.replace(b, source=None)


@pytest.mark.parametrize("name", [n for n in SHIPPED if n != "govkz"] + ["govkz?slug=mz"])
def test_profile_to_yaml_round_trips(name):
    p = load_profile(name)
    text = profile_to_yaml(p)
    assert text.startswith("# parity-check profile")
    assert _same(load_profile_text(text, source=f"{p.name}.yaml"), p)


def test_round_trip_keeps_ignores_dropped_sections_and_actions(tmp_path):
    path = write(tmp_path, """
        target: https://example.gov.kz/kz/
        start_urls: [/kz/news, 'https://example.gov.kz/ru/']
        vi:
          steps: ["click text \\" Версия \\"", "set cookie bvi_panelActive=true", "wait 2s"]
          languages: [kk]
        sections: {efficiency: null}
        ignore:
          - {check: color-contrast, url: '/kz/old/', reason: legacy archive, expires: 2030-01-31}
          - {check: 'axe-*', selector: '#footer', reason: vendor widget}
    """)
    p = load_profile(str(path))
    assert p.start_urls == ("https://example.gov.kz/kz/news", "https://example.gov.kz/ru/")
    assert p.vi.steps[0] == Action("click text", " Версия ") and p.vi.steps[2] == Action("wait", "2000")
    assert p.ignore[0].expires == dt.date(2030, 1, 31)
    assert p.ignore[1].check == "axe-*" and p.ignore[1].url is None and p.ignore[1].expires is None
    again = load_profile_text(profile_to_yaml(p), source="site.yaml")
    assert _same(again, p) and "efficiency" not in again.sections


# -- VI actions --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, action", [
    ("click .bvi-open", Action("click", ".bvi-open")),
    ("click   a[href*='special']", Action("click", "a[href*='special']")),
    ("click element #x", Action("click", "#x")),
    ("click text Версия для слабовидящих", Action("click text", "Версия для слабовидящих")),
    ('click text "Көзі нашар көретіндерге"', Action("click text", "Көзі нашар көретіндерге")),
    ("set cookie bvi_panelActive=true", Action("set cookie", "bvi_panelActive", "true")),
    ("set cookie bvi-font-size=", Action("set cookie", "bvi-font-size", "")),
    ("set localStorage special=a=b c", Action("set localStorage", "special", "a=b c")),
    ("Set LocalStorage x=1", Action("set localStorage", "x", "1")),
    ("open ?special=1", Action("open", "?special=1")),
    ("open /kz/special", Action("open", "/kz/special")),
    ("navigate to https://x.gov.kz/", Action("open", "https://x.gov.kz/")),
    ("wait 500", Action("wait", "500")),
    ("wait 1s", Action("wait", "1000")),
    ("wait for body.bvi-active", Action("wait for", "body.bvi-active")),
    ("wait for element .panel to be visible", Action("wait for", ".panel")),
    ("press Enter", Action("press", "Enter")),
    ("press Alt+Shift+V", Action("press", "Alt+Shift+V")),
    ("press KeyA", Action("press", "KeyA")),
])
def test_valid_actions(text, action):
    assert parse_action(text) == action
    assert parse_action(str(action)) == action  # str() is the canonical spelling and reads back


@pytest.mark.parametrize("text, fragment", [
    ("", "empty action"),
    ("clik .x", "did you mean 'click'?"),
    ("hover .x", "unknown action"),
    ("click", "needs a CSS selector"),
    ("click text  ", "needs the text"),
    ("set cookie bvi", "needs name=value"),
    ("set cookie a b=1", "cookie name"),
    ("set cookie a=b;c", "cookie value"),
    ("set localStorage =1", "needs name=value"),
    ("open special", "give a URL"),
    ("open javascript:alert(1)", "give a URL"),
    ("wait forever", "'wait for <selector>'"),
    ("wait 90000", "longer than 60000"),
    ("wait for", "needs a CSS selector"),
    ("press", "needs a key"),
    ("press enter", "did you mean 'Enter'?"),
    ("press Ctrl+V", "did you mean 'Control'?"),
])
def test_invalid_actions(text, fragment):
    with pytest.raises(ValueError) as info:
        parse_action(text)
    assert fragment in str(info.value)


def test_non_text_action():
    with pytest.raises(ValueError):
        parse_action(42)  # type: ignore[arg-type]


# -- nothing but ProfileError, whatever the input ----------------------------------------------------------
_KEYS = sorted(SCHEMA.fields) + ["steps", "include", "kk", "kz", "names", "url_patterns", "check", "reason",
                                 "small_font_px", "contacts", "style", "codes"]
_SCALARS = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True)
            | st.sampled_from(["kk", "kz", "ru", "en", "click .x", "clik", "(", "https://x.kz/{slug}", "{slug}",
                               "prefix", "serious", "2025-02-30", "", " ", "a" * 300, "?lang=kk", "/kz/",
                               "http://[::1", "https://x.kz:99999/", "{Slug}", "a{2,3}", "*"])
            | st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
            | st.dates())
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), inner, max_size=4),
                       max_leaves=25)
_MAPPINGS = st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=10) | st.integers(), _VALUES, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MAPPINGS)
def test_random_mappings_raise_only_profile_errors(data):
    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    try:
        assert isinstance(load_profile_text(text, source="random.yaml"), Profile)
    except ProfileError as e:
        assert str(e)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=10), _VALUES, max_size=5))
def test_random_overrides_raise_only_profile_errors(overrides):
    try:
        load_profile(None, overrides=overrides)
    except ProfileError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_random_text_raises_only_profile_errors(text):
    try:
        load_profile_text(text, source="random.yaml")
    except ProfileError as e:
        assert e.problems
