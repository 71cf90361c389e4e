"""Property-based tests of URL handling, which every link from a hostile page goes through: normalise_url,
the language helpers of urls.py, record keys and the frontier. Arbitrary text may be refused (ValueError)
but never crash anything else, and equivalent URLs are one page."""
from __future__ import annotations

import ipaddress
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import assume, given, settings, strategies as st

from parity_check.artifacts.store import record_key
from parity_check.gather.frontier import Frontier, address_class, refused_address
from parity_check.models import normalise_url
from parity_check.urls import (code_to_lang, host_of, in_scope, is_document, language_of_url, page_key,
                               url_for_language)

HOSTS = st.sampled_from(["x.kz", "WWW.Gov.KZ", "akimvko.gov.kz", "127.0.0.1", "10.0.0.1", "[::1]",
                         "[2001:db8::1]", "xn--80ak6aa92e.kz", "ақпарат.kz"])
# as a browser serialises hrefs: no raw whitespace (it is percent-encoded)
SEGMENT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="/?#%[]\\"),
                  max_size=8)
PARAM = st.sampled_from(["id", "page", "lang", "utm_source", "fbclid", "q", "date", "Lang"])
# as a browser serialises them (a.href): spaces are percent-encoded, never raw
VALUE = st.text("abc123кзә%+-&=", max_size=6)


@st.composite
def web_urls(draw):
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https"]))
    host = draw(HOSTS)
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    path = "/".join(draw(st.lists(SEGMENT, max_size=4)))
    slash = draw(st.sampled_from(["", "/"]))
    query = "&".join(f"{k}={v}" for k, v in draw(st.lists(st.tuples(PARAM, VALUE), max_size=4)))
    fragment = draw(st.sampled_from(["", "#top", "#"]))
    return f"{scheme}://{host}{port}/{path}{slash}" + (f"?{query}" if query else "") + fragment


ANY_TEXT = st.text(max_size=60) | st.builds(lambda a, b: a + b, st.sampled_from(
    ["http://", "https://", "http://[", "https://x.kz:", "//", "mailto:", "javascript:", "http://[::1"]),
    st.text(max_size=30))


@given(ANY_TEXT)
@settings(max_examples=400, deadline=None)
def test_url_helpers_refuse_garbage_only_with_value_error(text):
    for fn in (normalise_url, language_of_url, page_key, is_document, host_of,
               lambda u: in_scope(u, {"x.kz"}), lambda u: url_for_language(u, "kk"),
               lambda u: record_key(u, "kk", "normal")):
        try:
            fn(text)
        except ValueError:
            pass


@given(ANY_TEXT | web_urls())
@settings(max_examples=400, deadline=None)
def test_the_frontier_never_raises_on_a_hostile_link(url):
    f = Frontier(languages=("kk", "ru", "en"), hosts=frozenset({"x.kz", "127.0.0.1"}), max_pages=50,
                 max_depth=5, target_class=None)
    if f.wants(url):
        f.admit(url, f.lang_for(url, None), 1, "https://x.kz/")
    f.admit(url, None, 0, None)


@given(web_urls())
@settings(deadline=None)  # a loaded machine is slow, not wrong
def test_normalised_urls_are_canonical(url):
    n = normalise_url(url)
    assert normalise_url(n) == n
    parts = urlsplit(n)
    assert parts.scheme in ("http", "https") and not parts.fragment
    assert parts.netloc == parts.netloc.lower()
    assert not parts.netloc.endswith({"http": ":80", "https": ":443"}[parts.scheme])  # default port dropped
    assert parts.path == "/" or not parts.path.endswith("/")
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    assert pairs == sorted(pairs)
    assert not any(k.lower().startswith("utm_") or k.lower() == "fbclid" for k, _ in pairs)


def test_ipv6_hosts_normalise_idempotently():
    n = normalise_url("http://[::1]:8080/a/")
    assert normalise_url(n) == n


@given(web_urls())
@settings(deadline=None)  # a loaded machine is slow, not wrong
def test_equivalent_forms_are_one_page_and_one_record(url):
    base = url.split("#")[0]
    variants = [base + "#frag", base.replace("://", "://", 1)]
    parts = urlsplit(base)
    if parts.path not in ("", "/") and not parts.path.endswith("/"):
        variants.append(base.replace(parts.path, parts.path + "/", 1) if parts.path else base)
    sep = "&" if parts.query else "?"
    variants.append(base + f"{sep}utm_source=newsletter")
    for v in variants:
        assert normalise_url(v) == normalise_url(url)
        assert record_key(v, "kk", "normal") == record_key(url, "kk", "normal")


@given(web_urls(), st.sampled_from(["kz", "kk", "ru", "en", "rus", "eng"]), st.sampled_from(["prefix", "query"]),
       st.sampled_from(["kk", "ru", "en"]))
@settings(deadline=None)  # a loaded machine is slow, not wrong
def test_language_versions_share_a_page_key(url, code, style, lang):
    parts = urlsplit(url)
    assume(not language_of_url(url))
    if style == "prefix":
        url = parts._replace(path=f"/{code}{parts.path}").geturl()
    else:
        url = parts._replace(query=(parts.query + "&" if parts.query else "") + f"lang={code}").geturl()
    assume(language_of_url(url) is not None)
    twin = url_for_language(url, lang)
    assert twin is not None and language_of_url(twin).lang == lang
    assert page_key(twin) == page_key(url)


@given(st.sampled_from(["kz", "KK", "kk-KZ", "kaz", "qaz", "ru", "RUS", "en", "eng", "en_US"]))
@settings(deadline=None)  # a loaded machine is slow, not wrong
def test_language_codes(code):
    assert code_to_lang(code) in ("kk", "ru", "en")


@given(st.ip_addresses())
@settings(deadline=None)  # a loaded machine is slow, not wrong
def test_address_classes_follow_the_address(ip):
    host = f"[{ip}]" if ip.version == 6 else str(ip)
    found = address_class(host)
    mapped = getattr(ip, "ipv4_mapped", None) or ip
    if mapped.is_loopback:
        assert found == "loopback"
    elif mapped.is_global and not mapped.is_multicast:
        assert found is None
    else:
        assert found == "private"
    # a target may reach its own kind of address only; a public target reaches no private one
    assert refused_address(host, found) is None
    assert (refused_address(host, None) is None) == (found is None)


@given(st.ip_addresses(v=4).filter(lambda ip: not ip.is_global))
@settings(deadline=None)  # a loaded machine is slow, not wrong
def test_non_public_links_are_refused_for_a_public_site(ip):
    f = Frontier(languages=("kk",), hosts=frozenset({"x.kz", str(ip)}), max_pages=10, max_depth=3)
    assert not f.wants(f"http://{ip}/admin")
    assert f.admit(f"http://{ip}/admin", None, 0, None) == []
    assert str(ipaddress.ip_address(ip)) in f.refused_hosts


def test_multicast_and_reserved_addresses_are_not_public():
    for host in ("224.0.0.1", "239.255.255.250", "[ff02::1]", "240.0.0.1", "0.0.0.0", "100.64.0.1"):
        assert address_class(host) == "private", host
    assert address_class("8.8.8.8") is None
