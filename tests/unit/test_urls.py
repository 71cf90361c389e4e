from hypothesis import given, strategies as st

from parity_check.models import normalise_url
from parity_check.urls import language_of_url, url_for_language, page_key, in_scope, code_to_lang


def test_prefix_style_with_kz_for_kazakh():
    found = language_of_url("https://akimvko.gov.kz/kz/news/123")
    assert (found.lang, found.style, found.code) == ("kk", "prefix", "kz")
    assert url_for_language("https://akimvko.gov.kz/kz/news/123", "ru") == "https://akimvko.gov.kz/ru/news/123"
    assert url_for_language("https://akimvko.gov.kz/ru/news/123", "kk") == "https://akimvko.gov.kz/kz/news/123"


def test_query_style_of_the_gov_kz_platform():
    url = "https://www.gov.kz/memleket/entities/edu/press/news?lang=ru"
    assert language_of_url(url).lang == "ru"
    assert url_for_language(url, "kk") == "https://www.gov.kz/memleket/entities/edu/press/news?lang=kk"


def test_profile_codes_override_the_guess():
    assert url_for_language("https://x.kz/ru/a", "kk", {"kk": "kk"}) == "https://x.kz/kk/a"


def test_no_language_in_url():
    assert language_of_url("https://x.kz/news/ru-report") is None
    assert url_for_language("https://x.kz/news", "kk") is None


def test_page_key_is_shared_by_language_versions():
    assert page_key("https://x.kz/kz/news/") == page_key("https://x.kz/ru/news") == page_key("https://x.kz/en/news")
    assert page_key("https://g.kz/e/x?lang=kk&id=2") == page_key("https://g.kz/e/x?id=2&lang=en")
    assert page_key("https://x.kz/kz/news") != page_key("https://x.kz/kz/docs")


def test_kz_and_kk_both_mean_kazakh():
    assert code_to_lang("kz") == code_to_lang("kk") == code_to_lang("kk-KZ") == "kk"
    assert code_to_lang("de") is None


def test_scope():
    assert in_scope("https://x.kz/a", {"x.kz"})
    assert not in_scope("https://evil.com/a", {"x.kz"})
    assert not in_scope("mailto:a@x.kz", {"x.kz"})
    assert not in_scope("https://x.kz/search?q=1", {"x.kz"}, exclude=(r"/search",))


urls = st.builds(lambda host, path, q, frag: f"https://{host}/{path}?{q}#{frag}",
                 st.sampled_from(["x.kz", "WWW.Gov.KZ", "127.0.0.1:8000"]),
                 st.text("abc/-_кз", max_size=20), st.text("a=1&b", max_size=10), st.text("xyz", max_size=5))


@given(urls)
def test_normalise_is_idempotent(url):
    assert normalise_url(normalise_url(url)) == normalise_url(url)


@given(st.sampled_from(["x.kz", "127.0.0.1:8000"]), st.text("abc-_", max_size=12),
       st.sampled_from(["kk", "ru", "en"]), st.sampled_from(["prefix", "query"]))
def test_counterpart_round_trip(host, path, lang, style):
    url = f"https://{host}/ru/{path}" if style == "prefix" else f"https://{host}/{path}?lang=ru"
    twin = url_for_language(url, lang)
    assert language_of_url(twin).lang == lang
    assert page_key(twin) == page_key(url)
