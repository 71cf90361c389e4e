from parity_check.artifacts import PageRecord
from parity_check.config import load_profile_text
from parity_check.infer import infer_profile, inferred_profile_yaml


def records():
    out = []
    for lang, code in (("kk", "kz"), ("ru", "ru"), ("en", "en")):
        out.append(PageRecord(url=f"http://x.kz/{code}/news", lang=lang, mode="normal", outcome="audited"))
        vi = ({"state": "active", "switch": {"how": "bvi-widget", "text": "VI"}, "after": {"markers": ["body.bvi-active"]}}
              if lang != "en" else {"state": "absent", "switch": None})
        out.append(PageRecord(url=f"http://x.kz/{code}/news", lang=lang, mode="vi", outcome="audited", artifacts={"vi": vi}))
    return out


def test_infers_prefix_codes_and_the_bvi_switch():
    p = infer_profile("http://x.kz/", records())
    assert p["language_urls"] == {"style": "prefix", "codes": {"en": "en", "kk": "kz", "ru": "ru"}}
    assert p["vi"] == {"steps": ["click .bvi-open"], "active_selector": "body.bvi-active", "languages": ["kk", "ru"]}


def test_the_inferred_yaml_is_a_valid_profile():
    profile = load_profile_text(inferred_profile_yaml("http://x.kz/", records()), "inferred.yaml")
    assert profile.language_urls.codes["kk"] == "kz" and str(profile.vi.steps[0]) == "click .bvi-open"


def test_nothing_to_infer_without_language_urls_or_a_switch():
    p = infer_profile("http://x.kz/", [PageRecord(url="http://x.kz/a", lang=None, mode="normal", outcome="audited")])
    assert "language_urls" not in p and "vi" not in p
