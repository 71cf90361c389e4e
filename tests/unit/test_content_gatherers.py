"""The links and documents site gatherers, on a fake Playwright request context: no browser, no network."""
from __future__ import annotations

import asyncio
import gc
import weakref

from parity_check.artifacts import PageRecord
from parity_check.gather.gatherers import m_documents, m_links
from parity_check.gather.gatherers.m_documents import candidates, fetch_document, fetch_documents, inspect
from parity_check.gather.gatherers.m_links import PoliteFetcher, check_targets, fetch_guard, targets_and_statuses
from parity_check.gather.session import NetworkGuard
from tests.sites.content_site import scanned_pdf, text_pdf, xlsx

SITE = "http://93.184.216.34"  # a public address written as an IP: no DNS lookups in tests
HOSTS = frozenset({"93.184.216.34"})


class FakeResponse:
    def __init__(self, status, headers=None, body=b""):
        self.status, self.headers, self._body = status, dict(headers or {}), body

    async def body(self):
        return self._body

    async def dispose(self):
        pass


class FakeRequest:
    """Answers from a table {(method, url): [answer, ...]}; the last answer repeats. An answer is a
    FakeResponse or an exception to raise. Every call is logged."""

    def __init__(self, table):
        self.table = {k: list(v) if isinstance(v, list) else [v] for k, v in table.items()}
        self.calls = []

    async def _answer(self, method, url, kw):
        self.calls.append((method, url, kw.get("headers")))
        assert kw.get("max_redirects") == 0 and kw.get("fail_on_status_code") is False
        answers = self.table.get((method, url)) or [FakeResponse(404, {"content-type": "text/html"})]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def head(self, url, **kw):
        return await self._answer("HEAD", url, kw)

    async def get(self, url, **kw):
        return await self._answer("GET", url, kw)


def fetcher(table, allowed_class=None):
    """A fetcher for a run whose target is public (allowed_class None), on loopback or on a private net."""
    sleeps = []

    async def sleep(s):
        sleeps.append(s)

    f = PoliteFetcher(FakeRequest(table), NetworkGuard(allowed_class), sleep=sleep)
    f.sleeps = sleeps
    return f


def run(coro):
    return asyncio.run(coro)


OK_HTML = FakeResponse(200, {"content-type": "text/html; charset=utf-8"})


def test_head_refused_is_asked_again_with_a_short_get():
    f = fetcher({("HEAD", f"{SITE}/a"): FakeResponse(405), ("GET", f"{SITE}/a"): OK_HTML})
    result = run(f.probe(f"{SITE}/a"))
    assert (result["status"], result["method"], result["content_type"]) == (200, "GET", "text/html")
    assert f.request.calls[-1][2] == {"Range": m_links.PROBE_RANGE}


def test_retries_with_backoff_on_5xx_and_429_at_most_twice():
    f = fetcher({("HEAD", f"{SITE}/busy"): [FakeResponse(503), FakeResponse(429, {"Retry-After": "3"}), OK_HTML]})
    result = run(f.probe(f"{SITE}/busy"))
    assert (result["status"], result["attempts"]) == (200, 3) and f.sleeps == [1.0, 3.0]
    f = fetcher({("HEAD", f"{SITE}/down"): FakeResponse(502), ("GET", f"{SITE}/down"): FakeResponse(502)})
    result = run(f.probe(f"{SITE}/down"))
    assert result["status"] == 502 and len(f.request.calls) == 6  # HEAD x3, then GET x3


def test_redirects_are_followed_by_hand():
    f = fetcher({("HEAD", f"{SITE}/old"): FakeResponse(301, {"Location": "/new"}), ("HEAD", f"{SITE}/new"): OK_HTML})
    result = run(f.probe(f"{SITE}/old"))
    assert (result["status"], result["final_url"], result["redirects"]) == (200, f"{SITE}/new", [f"{SITE}/old"])


def test_private_addresses_are_never_requested_unless_the_site_is_on_one():
    table = {("HEAD", f"{SITE}/jump"): FakeResponse(302, {"Location": "http://127.0.0.1:8080/admin"})}
    f = fetcher(table)
    result = run(f.probe(f"{SITE}/jump"))
    assert result.get("blocked") and [c[1] for c in f.request.calls] == [f"{SITE}/jump"]
    f = fetcher({})
    assert run(f.probe("http://10.0.0.7/x")).get("blocked") and f.request.calls == []
    f = fetcher({("HEAD", "http://127.0.0.1:8080/x"): OK_HTML}, allowed_class="loopback")
    assert run(f.probe("http://127.0.0.1:8080/x"))["status"] == 200
    for host in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.1.1", "localhost", "[::1]", "100.64.0.1"):
        f = fetcher({})
        result = run(f.probe(f"http://{host}/x"))
        assert result["blocked"] and result["error"].endswith("address") and f.request.calls == [], host


def test_a_loopback_target_reaches_loopback_only():
    """The crawl's rule (session.NetworkGuard): a site on 127.0.0.1 does not open the private networks."""
    table = {("HEAD", "http://127.0.0.1:8080/"): OK_HTML,
             ("HEAD", "http://127.0.0.1:8080/jump"): FakeResponse(302, {"Location": "http://10.0.0.1/admin"})}
    f = fetcher(table, allowed_class="loopback")
    for url in ("http://10.0.0.1/x", "http://192.168.1.1/x"):
        result = run(f.probe(url))
        assert result["blocked"] and result["error"] == "not requested: private address", url
    result = run(f.probe("http://127.0.0.1:8080/jump"))
    assert result["blocked"] and result["final_url"] == "http://10.0.0.1/admin"
    assert result["redirects"] == ["http://127.0.0.1:8080/jump"]
    assert run(f.probe("http://127.0.0.1:8080/"))["status"] == 200
    assert [c[1] for c in f.request.calls] == ["http://127.0.0.1:8080/jump", "http://127.0.0.1:8080/"]
    # and the other way round: a target on a private network may not reach the checker's own loopback
    f = fetcher({("HEAD", "http://10.0.0.1/x"): OK_HTML}, allowed_class="private")
    assert run(f.probe("http://10.0.0.1/x"))["status"] == 200
    assert run(f.probe("http://127.0.0.1:8080/"))["blocked"]


def test_fetchers_use_the_sessions_guard_or_one_for_the_target():
    class Plan:
        target = "http://127.0.0.1:8080/"

    class Session:
        guard, guard_target = NetworkGuard("loopback"), "http://127.0.0.1:8080/"

    assert run(fetch_guard(Session(), Plan())) is Session.guard
    Session.guard_target = "http://other.example/"  # a guard of another run: not used
    for session in (Session(), object()):
        guard = run(fetch_guard(session, Plan()))
        assert guard is not Session.guard and guard.allowed_class == "loopback"


def test_network_errors_are_recorded_and_a_dead_host_is_left_alone():
    f = fetcher({("HEAD", f"{SITE}/{i}"): TimeoutError("Timeout 15000ms exceeded") for i in range(5)} |
                {("GET", f"{SITE}/{i}"): TimeoutError("Timeout 15000ms exceeded") for i in range(5)})
    results = [run(f.probe(f"{SITE}/{i}")) for i in range(4)]
    assert results[0]["status"] is None and "Timeout" in results[0]["error"]
    assert len(f.request.calls) == 3  # a timeout is not asked again with GET; the fourth is not asked at all
    assert "stopped answering" in results[3]["error"]


def test_a_checker_without_internet_does_not_call_other_sites_broken():
    pages = [_record(f"{SITE}/kz/", "kk", [f"https://10{i}.1.1.1/" for i in range(6)])]
    table = {("HEAD", f"https://10{i}.1.1.1/"): Exception("net::ERR_NAME_NOT_RESOLVED") for i in range(6)}
    out = run(check_targets(targets_and_statuses(pages)[0], fetcher(table), HOSTS, {}))
    assert out["external_unreachable"]
    states = sorted("asked" if t.get("error") else t.get("not_checked") for t in out["targets"].values())
    assert states == ["asked"] * 3 + ["other sites unreachable from the checker"] * 3


def _record(url, lang, links=(), images=(), outcome="audited", status=200):
    dom = {"links": [{"href": h, "text": "x", "selector": "a"} for h in links],
           "images": [dict({"selector": "img"}, **i) for i in images]}
    return PageRecord(url=url, lang=lang, mode="normal", outcome=outcome, status=status, final_url=url,
                      artifacts={"dom": dom} if outcome == "audited" else {})


def test_targets_kinds_referrers_and_page_evidence():
    pages = [_record(f"{SITE}/kz/{i}", "kk", [f"{SITE}/kz/a#top", f"{SITE}/doc.pdf", "mailto:x@y.kz", "javascript:;"],
                     [{"src": f"{SITE}/i.png", "complete": True, "natural_width": 0},
                      {"src": "data:image/png;base64,AA", "complete": True, "natural_width": 1}]) for i in range(12)]
    pages.append(_record(f"{SITE}/ru/", "ru", [f"{SITE}/i.png"], [{"src": f"{SITE}/ok.png", "complete": True,
                                                                  "natural_width": 5}]))
    targets = targets_and_statuses(pages)[0]
    assert set(targets) == {f"{SITE}/kz/a", f"{SITE}/doc.pdf", f"{SITE}/i.png", f"{SITE}/ok.png"}
    assert targets[f"{SITE}/doc.pdf"]["kind"] == "document"
    assert targets[f"{SITE}/i.png"]["kind"] == "image" and targets[f"{SITE}/i.png"]["broken_in_page"]
    assert targets[f"{SITE}/i.png"]["langs"] == {"kk", "ru"}
    assert len(targets[f"{SITE}/kz/a"]["referrers"]) == 10
    assert targets[f"{SITE}/ok.png"]["loaded_in_page"]


def test_check_targets_reuses_the_crawl_and_the_page_and_keeps_to_its_limits():
    pages = [_record(f"{SITE}/kz/", "kk", [f"{SITE}/kz/gone", f"{SITE}/kz/page", f"{SITE}/f.pdf", "https://8.8.8.8/x"],
                     [{"src": f"{SITE}/ok.png", "complete": True, "natural_width": 5}]),
             _record(f"{SITE}/kz/gone", "kk", outcome="failed", status=404),
             _record(f"{SITE}/kz/page", "kk")]
    f = fetcher({("HEAD", f"{SITE}/f.pdf"): FakeResponse(200, {"content-type": "application/pdf",
                                                               "content-length": "1234"})})
    out = run(check_targets(targets_and_statuses(pages)[0], f, HOSTS, targets_and_statuses(pages)[1], max_targets=4))
    t = out["targets"]
    assert (t[f"{SITE}/kz/gone"]["status"], t[f"{SITE}/kz/gone"]["source"]) == (404, "crawl")
    assert t[f"{SITE}/ok.png"]["source"] == "page"
    assert (t[f"{SITE}/f.pdf"]["status"], t[f"{SITE}/f.pdf"]["content_length"]) == (200, 1234)
    assert out["limit_hit"] and out["over_limit"] == 1 and "https://8.8.8.8/x" not in t  # other sites go last
    assert [c[1] for c in f.request.calls] == [f"{SITE}/f.pdf"]
    out = run(check_targets(targets_and_statuses(pages)[0], fetcher({}), HOSTS, {}, max_seconds=-1))
    assert out["time_budget_hit"] and all(v.get("not_checked") or v.get("loaded") for v in out["targets"].values())


# -- documents ----------------------------------------------------------------------------------------------
def test_inspect_tells_scans_from_text():
    scan, text = inspect(scanned_pdf(), "pdf"), inspect(text_pdf(), "pdf")
    assert (scan["has_text_layer"], scan["scanned_pages"], scan["pages"]) == (False, 1, 1)
    assert text["has_text_layer"] and text["text_sample"].startswith("Order No. 124") and text["title"] == "Order 124 text"
    sheet = inspect(xlsx(), "xlsx")
    assert sheet["title"] == "Budget" and "Бюджет" in sheet["text_sample"]
    assert inspect(b"%PDF-1.4 garbage", "pdf")["type"] == "pdf"  # damaged: recorded, not raised


def test_scan_without_pypdf_agrees():
    for data, has_text in ((scanned_pdf(), False), (text_pdf(), True)):
        assert m_documents._scan_pdf(data)["has_text_layer"] is has_text


def _target(**kw):
    return {"referrers": [f"{SITE}/kz/docs"], "langs": {"kk"}, **kw}


def test_fetch_document_too_large_by_head_or_by_range():
    url = f"{SITE}/big.pdf"
    f = fetcher({("HEAD", url): FakeResponse(200, {"content-type": "application/pdf", "content-length": "99999999"})})
    doc = run(fetch_document(f, url, _target()))
    assert doc["too_large"] and doc["bytes"] == 99999999 and len(f.request.calls) == 1
    f = fetcher({("HEAD", url): FakeResponse(200, {"content-type": "application/pdf"}),
                 ("GET", url): FakeResponse(206, {"content-type": "application/pdf", "content-range": "bytes 0-99/5000"},
                                            b"%PDF" + b"0" * 96)})
    doc = run(fetch_document(f, url, _target(), max_bytes=100))
    assert doc["too_large"] and doc["bytes"] == 5000 and f.request.calls[-1][2] == {"Range": "bytes=0-99"}


def test_fetch_document_reads_a_pdf_and_skips_pages_that_only_looked_like_downloads():
    url = f"{SITE}/download?id=7"
    f = fetcher({("HEAD", url): FakeResponse(200, {"content-type": "application/pdf"}),
                 ("GET", url): FakeResponse(200, {"content-type": "application/pdf"}, scanned_pdf())})
    doc = run(fetch_document(f, url, _target(maybe=True)))
    assert doc["type"] == "pdf" and doc["has_text_layer"] is False and doc["languages_seen_by_page"] == ["kk"]
    f = fetcher({("HEAD", url): OK_HTML})
    assert run(fetch_document(f, url, _target(maybe=True))) is None


def test_candidates_and_the_documents_artifact():
    pages = [_record(f"{SITE}/kz/docs", "kk", [f"{SITE}/a.pdf", f"{SITE}/files/get?id=1", f"{SITE}/kz/about",
                                                f"{SITE}/kz/dl"]),
             _record(f"{SITE}/kz/dl", "kk", outcome="failed", status=None)]
    pages[0].artifacts["dom"]["links"].append({"href": f"{SITE}/kz/viewer", "text": "x", "selector": "a"})
    pages.append(_record(f"{SITE}/kz/viewer", "kk"))  # rendered by the PDF viewer: no text, no links
    found = candidates(iter(pages), HOSTS)  # one pass: a stream from the store is enough
    assert found == candidates(pages, HOSTS)
    assert set(found) == {f"{SITE}/a.pdf", f"{SITE}/files/get?id=1", f"{SITE}/kz/dl", f"{SITE}/kz/viewer"}
    assert "maybe" not in found[f"{SITE}/a.pdf"] and found[f"{SITE}/kz/dl"]["maybe"]
    f = fetcher({("HEAD", f"{SITE}/a.pdf"): FakeResponse(405),
                 ("GET", f"{SITE}/a.pdf"): FakeResponse(200, {"content-type": "application/pdf"}, text_pdf())})
    out = run(fetch_documents(found, f, HOSTS))
    assert set(out["documents"]) == {f"{SITE}/a.pdf"}  # the maybes answered 404
    assert out["documents"][f"{SITE}/a.pdf"]["has_text_layer"] is True


def test_requests_keep_to_the_crawls_pace():
    waited = []

    class Pacer:
        async def wait(self, url):
            waited.append(url)

    f = PoliteFetcher(FakeRequest({("HEAD", f"{SITE}/a"): FakeResponse(405), ("GET", f"{SITE}/a"): OK_HTML}),
                      NetworkGuard(None), pacer=Pacer())
    run(f.probe(f"{SITE}/a"))
    assert waited == [f"{SITE}/a", f"{SITE}/a"]


class StreamingStore:
    """Yields fresh records on every pass and remembers them weakly: a gatherer that kept them would
    keep them alive."""

    def __init__(self, make):
        self.make, self.passes, self.refs = make, 0, []

    def iter_pages(self):
        self.passes += 1
        for record in self.make():
            self.refs.append(weakref.ref(record))
            yield record


class FakeSession:
    """Its request context notes how many of `store`'s records are alive at each request."""

    def __init__(self, table):
        self.request = FakeRequest(table)
        self.store, self.alive = None, []
        answer = self.request._answer

        async def counting(method, url, kw):
            gc.collect()
            self.alive.append(sum(r() is not None for r in self.store.refs))
            return await answer(method, url, kw)

        self.request._answer = counting

    async def context(self, lang, mode):
        return self


class Plan:
    target, hosts, rate_limit = f"{SITE}/", HOSTS, 1000.0


def test_links_and_documents_stream_the_records_and_keep_none():
    def make():
        return [_record(f"{SITE}/kz/{i}", "kk", [f"{SITE}/kz/{i + 1}", f"{SITE}/doc.pdf"]) for i in range(30)]

    pdf = FakeResponse(200, {"content-type": "application/pdf"}, text_pdf())
    session = FakeSession({("HEAD", f"{SITE}/doc.pdf"): pdf, ("GET", f"{SITE}/doc.pdf"): pdf,
                           ("HEAD", f"{SITE}/kz/30"): OK_HTML})
    for gather, key in ((m_links.gather_links, "targets"), (m_documents.gather_documents, "documents")):
        store = session.store = StreamingStore(make)
        session.alive.clear()
        out = run(gather(session, store, Plan()))
        assert store.passes == 1 and len(store.refs) == 30
        assert session.alive and set(session.alive) == {0}  # no record held while requests are made
        assert f"{SITE}/doc.pdf" in out[key]
    assert out["documents"][f"{SITE}/doc.pdf"]["referrers"] == [f"{SITE}/kz/{i}" for i in range(10)]
