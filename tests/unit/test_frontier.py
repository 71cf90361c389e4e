from parity_check.gather.discovery import parse_sitemap
from parity_check.gather.frontier import Frontier, MAX_QUERY_VARIANTS


def frontier(**kw):
    base = dict(languages=("kk", "ru", "en"), hosts=frozenset({"x.kz"}), max_pages=100, max_depth=5)
    base.update(kw)
    return Frontier(**base)


def test_a_page_is_admitted_with_its_language_counterparts():
    f = frontier()
    got = f.admit("https://x.kz/ru/news", "ru", 0, None)
    assert sorted((a.url, a.lang) for a in got) == [("https://x.kz/en/news", "en"), ("https://x.kz/kz/news", "kk"),
                                                    ("https://x.kz/ru/news", "ru")]
    # visited once: fragments, trailing slashes and kk/kz variants are the same page
    assert f.admit("https://x.kz/kz/news/#top", "kk", 1, None) == []
    assert f.admit("https://x.kz/kk/news", "kk", 1, None) == []


def test_limit_cuts_whole_pages_and_is_counted():
    f = frontier(max_pages=4)
    assert len(f.admit("https://x.kz/ru/a", "ru", 0, None)) == 3
    assert f.admit("https://x.kz/ru/b", "ru", 1, None) == []  # 3 more would exceed 4
    assert len(f.over_limit) == 3 and len(f.admitted) == 3


def test_depth_robots_and_traps():
    f = frontier(max_depth=2, allowed=lambda u: "/private" not in u)
    assert f.admit("https://x.kz/ru/deep", "ru", 3, None) == []
    assert f.admit("https://x.kz/ru/private/x", "ru", 1, None) == [] and f.disallowed
    assert f.admit("https://x.kz/ru/a/b/a/b/a/b/a/b", "ru", 1, None) == [] and f.trapped
    admitted = sum(len(f.admit(f"https://x.kz/calendar?date=2024-01-{d}", None, 1, None)) for d in range(100))
    assert admitted == MAX_QUERY_VARIANTS


def test_scope_and_documents():
    f = frontier()
    assert f.wants("https://x.kz/ru/a")
    assert not f.wants("https://other.kz/ru/a")
    assert not f.wants("https://x.kz/files/report.pdf")


def test_sitemap_and_index():
    pages, nested = parse_sitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  '<url><loc> https://x.kz/ru/a </loc></url><url><loc>https://x.kz/kz/a</loc></url></urlset>')
    assert pages == ["https://x.kz/ru/a", "https://x.kz/kz/a"] and nested == []
    pages, nested = parse_sitemap('<sitemapindex><sitemap><loc>https://x.kz/s1.xml</loc></sitemap></sitemapindex>')
    assert pages == [] and nested == ["https://x.kz/s1.xml"]
    assert parse_sitemap("<not xml") == ([], [])
