from parity_check.models import Finding, assign_fingerprints, normalise_url, stable_locator


def _finding(selector, url="https://a.gov.kz/kz/news", check="image-alt", lang="kk", mode="normal", msg="m"):
    return Finding(check=check, source="axe", outcome="violation", impact="critical", url=url, lang=lang,
                   mode=mode, scope="page", selector=selector, message=msg)


def test_normalise_url_drops_fragment_tracking_and_trailing_slash():
    assert normalise_url("HTTPS://A.gov.kz:443/kz/news/?utm_source=x&b=2&a=1#top") == "https://a.gov.kz/kz/news?a=1&b=2"
    assert normalise_url("http://a.gov.kz") == "http://a.gov.kz/"
    assert normalise_url("http://127.0.0.1:8080//ru//") == "http://127.0.0.1:8080/ru"


def test_stable_locator_ignores_list_position():
    a = stable_locator("ul.news > li:nth-of-type(3) > img", "photo.jpg")
    b = stable_locator("ul.news > li:nth-of-type(4) > img", "photo.jpg")
    assert a == b
    assert a != stable_locator("ul.news > li:nth-of-type(4) > img", "other.jpg")


def test_fingerprints_unique_and_stable_when_a_list_gains_an_item():
    before = assign_fingerprints([_finding("li:nth-child(1) > img"), _finding("li:nth-child(2) > img")])
    assert len({f.fingerprint for f in before}) == 2
    again = assign_fingerprints([_finding("li:nth-child(2) > img"), _finding("li:nth-child(1) > img")])
    assert [f.fingerprint for f in before] == [f.fingerprint for f in again]


def test_fingerprint_depends_on_language_and_mode():
    base = assign_fingerprints([_finding("img")])[0].fingerprint
    assert assign_fingerprints([_finding("img", lang="ru")])[0].fingerprint != base
    assert assign_fingerprints([_finding("img", mode="vi")])[0].fingerprint != base
    assert assign_fingerprints([_finding("img", url="https://a.gov.kz/kz/news/#x")])[0].fingerprint == base
