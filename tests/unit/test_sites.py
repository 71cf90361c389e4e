"""The local sites over real HTTP, without a browser: redirects, 404s, content types, the SPA shell and its API."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from parity_check.demo import DEMO_DIR, SITE_DIR, demo_site, planted_defects
from parity_check.demo import build as demo_build
from parity_check.sites.server import STATIC_DIR, Response, SiteServer, StaticTreeSite, redirect
from tests.sites import akimat_replica, generated, govkz_spa

KAZAKH_LETTERS = re.compile("[әғқңөұүһі]", re.IGNORECASE)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(base: str, path: str, method: str = "GET", headers: dict | None = None, data: bytes | None = None):
    """(status, headers, body) without following redirects."""
    req = urllib.request.Request(base + path, method=method, headers=headers or {}, data=data)
    try:
        resp = _OPENER.open(req, timeout=10)
    except urllib.error.HTTPError as err:  # 3xx (not followed), 4xx, 5xx
        resp = err
    with resp:
        return resp.status, resp.headers, resp.read()


def text(base: str, path: str, **kw) -> str:
    status, _h, body = fetch(base, path, **kw)
    assert status == 200, (path, status)
    return body.decode("utf-8")


# --- the server and StaticTreeSite ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree")
    (root / "a").mkdir()
    (root / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    for name, data in {"x.js": b"1", "x.css": b"p{}", "x.json": b"{}", "x.pdf": b"%PDF-1.4", "x.png": b"\x89PNG",
                       "x.svg": b"<svg/>", "x.html": "<p>ә</p>".encode()}.items():
        (root / name).write_bytes(data)
    (root / "404.html").write_text("<p>custom 404</p>", encoding="utf-8")

    def boom(method, path, query, headers):
        raise RuntimeError("a bug in a site")

    routes = {"/": redirect("/a/"), "/echo": lambda m, p, q, h: Response(200, json.dumps([m, p, q, h.get("x-t")]),
                                                                         "application/json"),
              "/boom": boom}
    with SiteServer(StaticTreeSite(root, routes=routes)) as base:
        yield base


def test_server_binds_localhost_on_a_free_port_and_stops():
    server = SiteServer(StaticTreeSite(STATIC_DIR))
    base = server.start()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base) and base == server.base_url and server.port > 0
    assert fetch(base, "/bvi-lite.js")[0] == 200
    server.stop()
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/bvi-lite.js", timeout=2)


@pytest.mark.parametrize("name,ctype", [
    ("x.html", "text/html; charset=utf-8"), ("x.js", "text/javascript; charset=utf-8"),
    ("x.css", "text/css; charset=utf-8"), ("x.json", "application/json"), ("x.pdf", "application/pdf"),
    ("x.png", "image/png"), ("x.svg", "image/svg+xml")])
def test_static_content_types(tree, name, ctype):
    status, headers, _ = fetch(tree, "/" + name)
    assert status == 200 and headers["Content-Type"] == ctype


def test_static_directories_routes_and_404(tree):
    assert fetch(tree, "/")[0:2][0] == 302 and fetch(tree, "/")[1]["Location"] == "/a/"
    status, headers, _ = fetch(tree, "/a")
    assert status == 301 and headers["Location"] == "/a/"
    assert text(tree, "/a/") == "<p>a</p>"
    status, headers, body = fetch(tree, "/missing")
    assert status == 404 and b"custom 404" in body and headers["Content-Type"].startswith("text/html")
    assert fetch(tree, "/%2e%2e/%2e%2e/etc/passwd")[0] == 404  # never leaves the root
    assert fetch(tree, "/bvi/bvi-lite.js")[0] == 200  # shared assets are mounted by default


def test_head_post_query_and_headers_reach_the_site(tree):
    status, headers, body = fetch(tree, "/x.css", method="HEAD")
    assert status == 200 and body == b"" and headers["Content-Length"] == "3"
    assert json.loads(text(tree, "/echo?a=1&b=2&a=3", headers={"X-T": "v"})) == ["GET", "/echo", {"a": "1", "b": "2"}, "v"]
    assert json.loads(text(tree, "/echo", method="POST", data=b"k=v"))[0] == "POST"


def test_a_failing_site_answers_500_and_keeps_serving(tree, capfd):
    assert fetch(tree, "/boom")[0] == 500
    assert "a bug in a site" in capfd.readouterr().err
    assert fetch(tree, "/x.js")[0] == 200


# --- bvi-lite ---------------------------------------------------------------------------------------------

def test_bvi_lite_speaks_the_bvi_conventions():
    js = (STATIC_DIR / "bvi-lite.js").read_text(encoding="utf-8")
    css = (STATIC_DIR / "bvi-lite.css").read_text(encoding="utf-8")
    for needle in ("bvi_panelActive", "bvi_fontSize", "bvi_theme", ".bvi-open", "bvi-body", "bvi-active",
                   "bvi-panel", "data-bvi-fontsize", "data-bvi-theme", "path=/"):
        assert needle in js, needle
    assert ".bvi-no-styles" in css and "#ff0" in css


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_bvi_lite_parses():
    subprocess.run(["node", "--check", str(STATIC_DIR / "bvi-lite.js")], check=True)


# --- the demo site ----------------------------------------------------------------------------------------

TODAY = dt.date(2026, 3, 20)


@pytest.fixture(scope="module")
def demo():
    with SiteServer(demo_site(today=TODAY)) as base:
        yield base


PAGES = ["", "about/", "leadership/", "news/", "news/1/", "news/2/", "documents/", "efficiency/", "contacts/",
         "appeals/"]


def test_demo_root_redirects_to_kazakh(demo):
    status, headers, _ = fetch(demo, "/")
    assert status == 302 and headers["Location"] == "/kz/"


@pytest.mark.parametrize("code,lang", [("kz", "kk"), ("ru", "ru"), ("en", "en")])
def test_demo_pages_switcher_and_widget(demo, code, lang):
    for rel in PAGES:
        html = text(demo, f"/{code}/{rel}")
        assert f'<html lang="{lang}">' in html
        for other in ("kz", "ru", "en"):
            assert f'href="/{other}/{rel}"' in html  # switcher and alternates point at the same page
        assert ('class="bvi-open"' in html) == (lang != "en")  # planted D06: no VI switch in English
        assert ("/bvi/bvi-lite.js" in html) == (lang != "en")
    if lang == "kk":
        assert KAZAKH_LETTERS.search(text(demo, "/kz/news/2/"))


def test_demo_files_and_assets(demo):
    texts = ("kk/damu-bagdarlamasy-2025-2027.pdf", "ru/programma-razvitiya-2025-2027.pdf")
    scans = ("kk/qaulysy-12-2025.pdf", "ru/postanovlenie-12-2025.pdf")
    for rel in texts + scans:
        status, headers, body = fetch(demo, "/files/" + rel)
        assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
        assert f'href="/files/{rel}"' in text(demo, "/%s/documents/" % ("kz" if rel[:2] == "kk" else "ru"))
        data = (SITE_DIR / "files" / rel).read_bytes()
        if rel in scans:
            assert b"/Font" not in data and b"/Image" in data  # a "scan": no text layer
        else:
            assert b"/ToUnicode" in data
    assert fetch(demo, "/static/img/news/school.png")[1]["Content-Type"] == "image/png"
    assert fetch(demo, "/static/site.css")[1]["Content-Type"] == "text/css; charset=utf-8"
    assert fetch(demo, "/bvi/bvi-lite.css")[0] == 200


def test_demo_dates_are_relative_to_the_day_served(demo):
    kk, en = text(demo, "/kz/news/"), text(demo, "/en/news/2/")
    assert "{{" not in kk and '<time datetime="2026-03-18">18.03.2026</time>' in kk  # news 1: two days ago
    assert '<time datetime="2026-03-14">14 March 2026</time>' in en
    assert "{{date:-2:kk}}" in (SITE_DIR / "kz" / "news" / "index.html").read_text(encoding="utf-8")
    assert fetch(demo, "/static/site.css")[2] == (SITE_DIR / "static" / "site.css").read_bytes()


def test_demo_planted_defects_are_where_the_list_says(demo):
    defects = planted_defects()
    assert len({d["id"] for d in defects}) == len(defects)
    for d in defects:
        assert set(d) >= {"id", "kind", "url_path", "lang", "mode", "expected_check", "note"}
        assert d["lang"] in ("kk", "ru", "en") and d["mode"] in ("normal", "vi", "both")
        expected = 404 if d["kind"] == "missing-language-version" else 200
        assert fetch(demo, d["url_path"])[0] == expected, d["id"]
    assert fetch(demo, "/kz/zhanalyqtar/")[0] == 404  # D12 broken link
    assert 'href="/kz/zhanalyqtar/"' in text(demo, "/kz/")
    assert fetch(demo, "/static/img/programmes/halyk-ipo.png")[0] == 404  # D13 broken image
    assert "1 250" in text(demo, "/kz/news/1/") and "1 520" in text(demo, "/ru/news/1/")  # D11
    assert "@" not in text(demo, "/kz/contacts/") and "mailto:" in text(demo, "/ru/contacts/")  # D15
    assert ".pdf" not in text(demo, "/en/documents/")  # D10
    assert "/en/news/3/" not in text(demo, "/en/news/")  # D09
    assert "Обращения граждан" in text(demo, "/kz/")  # D08


def test_demo_site_matches_its_build():
    stale = [rel for rel, content in demo_build.render_all().items()
             if not (SITE_DIR / rel).is_file() or (SITE_DIR / rel).read_text(encoding="utf-8") != content]
    assert not stale, f"run `python -m parity_check.demo.build`: {stale}"
    assert (DEMO_DIR / "DEFECTS.md").is_file()


# --- the older akimat replica ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def akimat():
    with SiteServer(akimat_replica.akimat_replica_site()) as base:
        yield base


def test_akimat_root_robots_sitemap(akimat):
    status, headers, _ = fetch(akimat, "/")
    assert status == 302 and headers["Location"] == "/ru/"
    assert fetch(akimat, "/kz")[1]["Location"] == "/kz/"
    host = akimat.split("//")[1]
    robots = text(akimat, "/robots.txt")
    assert f"Sitemap: http://{host}/sitemap.xml" in robots and "Disallow: /admin/" in robots
    status, headers, body = fetch(akimat, "/sitemap.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    locs = re.findall(r"<loc>http://[^/]+(/[^<]*)</loc>", body.decode())
    assert locs == akimat_replica.page_paths() and len(locs) == 24
    for path in locs:
        assert fetch(akimat, path)[0] == 200, path
    assert fetch(akimat, "/ru/news/")[0] == 404 and fetch(akimat, "/ru/news/999")[0] == 404


def test_akimat_widget_on_kk_and_ru_only(akimat):
    for code, has in (("kz", True), ("ru", True), ("en", False)):
        for rel in ("", "about", "news/101", "feedback"):
            html = text(akimat, f"/{code}/{rel}")
            assert ('class="bvi-open"' in html) == has
    assert 'class="banner" src="/img/banner.svg">' in text(akimat, "/kz/")  # planted: no alt
    assert fetch(akimat, "/img/banner.svg")[1]["Content-Type"] == "image/svg+xml"
    assert {p["check"] for p in akimat_replica.PLANTED} >= {"image-alt", "color-contrast", "label"}


# --- the gov.kz SPA replica --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def govkz():
    with SiteServer(govkz_spa.govkz_spa_site(delay_ms=150)) as base:
        yield base


def test_govkz_every_entity_path_is_the_same_empty_shell(govkz):
    entity = "/memleket/entities/demo-akimat"
    shells = {text(govkz, entity + rel) for rel in ("?lang=kk", "/about?lang=ru", "/about/structure",
                                                    "/press/news?lang=en", "/press/news/details/203?lang=kk",
                                                    "/documents", "/contacts", "/no/such/section")}
    assert len(shells) == 1
    shell = shells.pop()
    assert '<div id="root"></div>' in shell and "/static/app.js" in shell
    assert "Демо" not in shell and "<a " not in shell  # nothing to read without running the app
    assert fetch(govkz, "/")[1]["Location"] == govkz_spa.ENTRY
    status, headers, js = fetch(govkz, "/static/app.js")
    assert headers["Content-Type"] == "text/javascript; charset=utf-8" and b"DELAY_MS = 150;" in js
    assert b"specialVersion" in js and b"special-version" in js and b"Accept-Language" in js
    assert fetch(govkz, "/elsewhere")[0] == 404


def api(base, path, lang=None):
    status, headers, body = fetch(base, "/api/v1/entities/demo-akimat" + path,
                                  headers={"Accept-Language": lang} if lang else {})
    return status, headers, json.loads(body)


def test_govkz_api_answers_in_the_accept_language(govkz):
    names = {lang: api(govkz, "", lang)[2]["name"] for lang in ("kk", "ru", "en")}
    assert names == {"kk": "Демо қаласының әкімдігі", "ru": "Акимат города Демо", "en": "Akimat of Demo City"}
    status, headers, data = api(govkz, "/contacts", "ru-RU,ru;q=0.9,en;q=0.8")
    assert status == 200 and data["lang"] == "ru" and headers["Content-Language"] == "ru"
    assert "Accept-Language" in headers["Vary"] and headers["Content-Type"].startswith("application/json")
    assert api(govkz, "", "en;q=0.5,kk-KZ;q=0.9")[2]["lang"] == "kk"
    assert api(govkz, "", "de")[2]["lang"] == "kk" and api(govkz, "")[2]["lang"] == "kk"
    assert api(govkz, "/about/structure", "en")[2]["units"][0] == "Office of the City Akim"
    assert fetch(govkz, "/api/v1/entities/no-such-body")[0] == 404


def test_govkz_planted_news(govkz):
    ids = {lang: [n["id"] for n in api(govkz, "/press/news", lang)[2]["items"]] for lang in ("kk", "ru", "en")}
    assert 204 in ids["kk"] and 204 in ids["ru"] and 204 not in ids["en"]
    assert {205, 206} <= set(ids["ru"]) and not {205, 206} & set(ids["kk"])
    assert api(govkz, "/press/news/204", "en")[0] == 404 and api(govkz, "/press/news/204", "kk")[0] == 200
    kk_203 = api(govkz, "/press/news/203", "kk")[2]
    assert kk_203["lang"] == "kk" and not KAZAKH_LETTERS.search(" ".join(kk_203["paragraphs"]))
    assert KAZAKH_LETTERS.search(" ".join(api(govkz, "/press/news/201", "kk")[2]["paragraphs"]))
    assert len(api(govkz, "/press/news?limit=3", "ru")[2]["items"]) == 3
    assert [d["id"] for d in api(govkz, "/documents", "en")[2]["items"]] == [301, 303]
    assert api(govkz, "/documents/302", "en")[0] == 404
    doc = api(govkz, "/documents/301", "en")[2]
    assert doc["labels"][0] == "Date" and doc["number"] == "45"
    status, headers, body = fetch(govkz, doc["file"])
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    assert {p["check"] for p in govkz_spa.PLANTED} == {"untranslated-page", "missing-language-version",
                                                       "missing-document"}
    assert api(govkz, "", "kk")[2]["portals"] == [] and api(govkz, "", "kk")[2]["not_found"] == "Бет табылмады"


def test_govkz_variants_empty_answers_other_wording_and_portal_links():
    site = govkz_spa.govkz_spa_site(missing_api="empty", wording="other", portals=True,
                                    drop_portal=("open_data", "kk"), wrong_version=("egov", "ru"))
    with SiteServer(site) as base:
        status, _, body = fetch(base, "/api/v1/entities/demo-akimat/press/news/205", headers={"Accept-Language": "kk"})
        assert (status, body) == (200, b"null")
        entity = api(base, "", "kk")[2]
        assert entity["not_found"] == govkz_spa.OTHER_NOT_FOUND["kk"]
        hrefs = {p["href"] for p in entity["portals"]}
        assert "https://egov.kz/cms/kk" in hrefs and "https://data.egov.kz/" not in hrefs
        assert "https://egov.kz/cms/kk" in {p["href"] for p in api(base, "", "ru")[2]["portals"]}  # wrong version
        assert fetch(base, "/memleket/entities/demo-akimat?lang=kk")[2].count(b"x-dns-prefetch-control") == 1


# --- the generated site -------------------------------------------------------------------------------------

def test_generated_site_size_links_and_determinism():
    site = generated.generated_site(n_pages=60, seed=0)
    paths = site.paths()
    assert len(paths) == 60 and sum(p.startswith("/kz/") for p in paths) == 20
    assert generated.generated_site(60, seed=0).pages == site.pages
    assert generated.generated_site(60, seed=1).pages != site.pages
    assert len(generated.generated_site(n_pages=7).paths()) == 6
    with SiteServer(site) as base:
        assert fetch(base, "/")[1]["Location"] == "/kz/"
        for code in ("kz", "ru", "en"):
            home = text(base, f"/{code}/")
            linked = set(re.findall(r'href="(/%s/[^"]*)"' % code, home))
            assert {p for p in paths if p.startswith(f"/{code}/")} <= linked
        page = text(base, "/en/page/7/")
        assert 'class="bvi-open"' in page and '<html lang="en">' in page
        assert fetch(base, "/en/page/7")[1]["Location"] == "/en/page/7/"
        assert fetch(base, "/en/page/20/")[0] == 404 and fetch(base, "/bvi/bvi-lite.js")[0] == 200


def test_generated_site_paginates_so_no_page_grows_with_the_site():
    small, large = generated.generated_site(n_pages=200), generated.generated_site(n_pages=2000)
    assert max(map(len, large.pages.values())) <= 1.2 * max(map(len, small.pages.values()))
    # every page is still reachable from the home page: home -> listing -> page
    for code in ("kz", "ru", "en"):
        reached, todo = set(), [f"/{code}/"]
        while todo:
            path = todo.pop()
            if path in reached or path not in large.pages:
                continue
            reached.add(path)
            todo.extend(re.findall(r'href="(/%s/[^"]*)"' % code, large.pages[path]))
        assert reached == {p for p in large.pages if p.startswith(f"/{code}/")}
