"""broken-link: link targets answering 4xx/5xx or nothing, one finding per page x target."""
from tests.unit.test_content_records import BASE, good_site, link, make_ctx, page, run_check, seg, url

GONE = f"{BASE}/kz/old-page"
OTHER = "https://other.example.org/report"


def _site_with(links, targets=None, extra_pages=()):
    pages = good_site() + [page(url("kk", "services"), "kk", [seg("Қызметтер тізімі")], links)] + list(extra_pages)
    site = {"links": {"targets": targets}} if targets is not None else {}
    return make_ctx(pages, site=site)


def _entry(status=None, error=None, in_scope=True, **kw):
    return {"status": status, "error": error, "in_scope": in_scope, "kind": "link", **kw}


def test_internal_404_is_a_violation_at_the_link():
    ctx = _site_with([link(GONE, "Ескі бет", selector="main li:nth-of-type(1) > a")], {GONE: _entry(404)})
    found = run_check("broken-link", ctx)
    assert [(f.url, f.selector, f.outcome, f.impact) for f in found] == [
        (url("kk", "services"), "main li:nth-of-type(1) > a", "violation", "serious")]
    assert found[0].message == f"The link “Ескі бет” leads to {GONE}, which answers HTTP 404."
    assert found[0].message_args["status"] == 404 and found[0].related == (GONE,)


def test_one_finding_per_page_and_target():
    links = [link(GONE, "Ескі бет"), link(GONE + "#part", "Ескі бет, бөлім"), link(GONE, "Тағы")]
    assert len(run_check("broken-link", _site_with(links, {GONE: _entry(404)}))) == 1


def test_other_sites_refusing_a_robot_are_incomplete():
    targets = {OTHER: _entry(503, in_scope=False), OTHER + "2": _entry(403, in_scope=False),
               OTHER + "3": _entry(None, "TimeoutError: Timeout 15000ms exceeded", in_scope=False),
               OTHER + "4": _entry(404, in_scope=False)}
    found = run_check("broken-link", _site_with([link(u, "x") for u in targets], targets))
    outcome = {f.evidence["target"]: (f.outcome, f.impact) for f in found}
    assert outcome == {OTHER: ("incomplete", "moderate"), OTHER + "2": ("incomplete", "moderate"),
                       OTHER + "3": ("incomplete", "moderate"), OTHER + "4": ("violation", "moderate")}


def test_own_server_not_answering_is_a_violation():
    found = run_check("broken-link", _site_with([link(GONE, "x")], {GONE: _entry(None, "Error: connect ECONNREFUSED")}))
    assert [(f.outcome, f.message_key) for f in found] == [("violation", "broken-link.no_answer")]


def test_without_the_links_artifact_the_crawl_status_is_used():
    gone = page(GONE, "kk", outcome="failed", status=404)
    found = run_check("broken-link", _site_with([link(GONE, "Ескі бет")], None, [gone]))
    assert [(f.outcome, f.evidence["source"]) for f in found] == [("violation", "crawl")]


def test_passes_when_targets_answer():
    targets = {GONE: _entry(200), OTHER: _entry(301, in_scope=False)}
    assert run_check("broken-link", _site_with([link(GONE, "a"), link(OTHER, "b")], targets)) == []


def test_inapplicable_for_links_nobody_checked_or_that_are_not_http():
    links = [link("mailto:akimat@example.kz", "Mail"), link("tel:+77232123456", "Call"),
             link("javascript:void(0)", "Menu"), link(f"{BASE}/kz/not-crawled", "?")]
    targets = {f"{BASE}/kz/blocked": _entry(None, "not requested: private or loopback address", blocked=True)}
    links.append(link(f"{BASE}/kz/blocked", "Blocked"))
    assert run_check("broken-link", _site_with(links, targets)) == []


def test_page_that_says_not_found_is_a_soft_404():
    ghost = page(f"{BASE}/kz/ghost", "kk", [seg("Бет табылмады", kind="heading", tag="h1")],
                 [link(f"{BASE}/kz/ghost", "Қазақша"), link(GONE, "Ескі бет")])  # its own links are not reported
    found = run_check("broken-link", _site_with([link(f"{BASE}/kz/ghost", "Елес")], {GONE: _entry(404)}, [ghost]))
    assert [(f.url, f.outcome, f.message_key) for f in found] == [
        (url("kk", "services"), "violation", "broken-link.soft_404")]
    order = page(f"{BASE}/kz/order", "kk", [seg("Бұйрық № 404 2024 жылғы 12 наурыздағы", kind="heading", tag="h1")])
    assert run_check("broken-link", _site_with([link(f"{BASE}/kz/order", "Бұйрық")], {}, [order])) == []


def test_no_findings_for_other_sites_when_the_checker_was_offline():
    targets = {OTHER: _entry(None, "Error: getaddrinfo ENOTFOUND other.example.org", in_scope=False),
               OTHER + "2": _entry(None, None, in_scope=False, not_checked="other sites unreachable from the checker")}
    ctx = _site_with([link(OTHER, "a"), link(OTHER + "2", "b")], targets)
    ctx.site["links"]["external_unreachable"] = True
    assert run_check("broken-link", ctx) == []


def test_switcher_to_a_missing_translation_is_left_to_the_language_checks():
    missing_en = page(url("en", "services"), "en", outcome="failed", status=404)
    switcher = [link(url("en", "services"), "English", region="header"), link(url("en"), "English home", region="header")]
    ctx = _site_with(switcher + [link(GONE, "Ескі бет")], None, [missing_en, page(GONE, "kk", outcome="failed", status=404)])
    assert [f.evidence["target"] for f in run_check("broken-link", ctx)] == [GONE]
