"""Runs survive real sites: a site whose pages fail in every way a state site's can, hostile content, and a
browser killed in the middle of a run. The run completes, every admitted page is a record (`audited` or
`failed` with the reason), nothing is requested from private addresses or outside the scope.

Uses the session's shared Chromium. The link-checking site gatherers are left out of the fault run: they
ask out-of-scope link targets whether they answer, which is theirs to test, and this site links to
intranet addresses that no test may send a packet to.
"""
from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from parity_check import pipeline
from parity_check.report import write_reports
from parity_check.sites.server import SiteServer, html_response
from tests.sites.fault_site import HOSTILE, FaultSite, HostileSite, ServiceWorkerSite
from tests.sites.generated import generated_site

pytestmark = pytest.mark.browser

TIMEOUT_MS = 2500
SLOW_S = 8.0
QUERY_VARIANTS = 3


class CountingSite:
    """Stands on 127.0.0.2 where a leaked request would land: it must never be asked anything."""

    def __init__(self):
        self.hits = 0

    def handle(self, method, path, query, headers):
        self.hits += 1
        return html_response("<p>leaked</p>")


def _quiet_site_gatherers(monkeypatch):
    from parity_check.gather import crawl
    from parity_check.gather.registry import SITE_GATHERERS, load_gatherers

    load_gatherers()
    monkeypatch.setattr(crawl, "SITE_GATHERERS", [g for g in SITE_GATHERERS if g.name == "crop_files"])


@pytest.fixture(scope="module")
def fault_run(shared_browser, tmp_path_factory):
    from parity_check.gather import frontier

    bystander = CountingSite()
    with pytest.MonkeyPatch.context() as mp, SiteServer(bystander, host="127.0.0.2") as other:
        mp.setattr(frontier, "MAX_QUERY_VARIANTS", QUERY_VARIANTS)
        _quiet_site_gatherers(mp)
        site = FaultSite(slow_s=SLOW_S, private_link=f"{other}/secret")
        with SiteServer(site) as base:
            site.port = int(base.rsplit(":", 1)[1])
            settings = pipeline.RunSettings(target=f"{base}/", out_dir=tmp_path_factory.mktemp("faults"),
                                            languages=("en",), modes=("normal",), timeout_ms=TIMEOUT_MS)
            store = shared_browser.gather(settings)
    records = {r.url.replace(base, ""): r for r in store.iter_pages()}
    return store, store.read_run(), records, site, bystander


def test_the_run_completes_and_every_admitted_page_is_a_record(fault_run):
    store, run, records, _, _ = fault_run
    assert run["status"] == "complete"
    assert len(records) == run["pages_admitted"]  # nothing dropped
    for path, record in records.items():
        assert record.outcome in ("audited", "failed"), path
        if record.outcome == "failed":
            assert record.error, path


@pytest.mark.parametrize("path, outcome, reason", [
    ("/", "audited", None),
    ("/error500", "failed", "HTTP 500"),
    ("/slow", "failed", f"within {TIMEOUT_MS} ms"),
    ("/reset", "failed", "ERR_CONNECTION_RESET"),
    ("/loop-a", "failed", "ERR_TOO_MANY_REDIRECTS"),
    ("/stream", "failed", "did not finish loading"),
    ("/heavy", "failed", "weighs 50.0 MB"),
    ("/broken", "audited", None),
    ("/charset", "audited", None),
    ("/to-private", "failed", "not requested: http://0.0.0.0:"),
])
def test_each_fault_ends_as_a_record_with_its_reason(fault_run, path, outcome, reason):
    _, _, records, _, _ = fault_run
    record = records[path]
    assert record.outcome == outcome, (record.outcome, record.error)
    if reason:
        assert reason in record.error


def test_a_busy_server_is_asked_again_and_a_slow_one_is_not_waited_for(fault_run):
    _, _, records, site, _ = fault_run
    assert records["/error500"].get("retries") == 2 and site.hits["/error500"] == 3
    assert records["/slow"].timing_ms < SLOW_S * 1000  # the page's timeout_ms, not the server's pace
    assert site.hits["/heavy"] == 1 and site.hits["/stream"] == 1


def test_broken_html_and_a_lone_surrogate_are_recorded(fault_run):
    store, _, records, _, _ = fault_run
    dom = records["/broken"].get("dom")
    assert dom and "\ufffd" in dom["title"]  # the script-made lone surrogate, kept as U+FFFD
    assert records["/charset"].get("dom")["title"]  # mojibake, but recorded


def test_crawler_traps_are_cut(fault_run):
    _, run, records, _, _ = fault_run
    calendar = [p for p in records if p.startswith("/calendar")]
    assert len(calendar) == QUERY_VARIANTS
    assert sorted(p for p in records if p.startswith("/a/")) == ["/a/", "/a/a/", "/a/a/a/"]
    assert run["pages_trapped"] >= 2


def test_private_and_out_of_scope_hosts_are_refused_before_any_request(fault_run):
    _, run, records, site, bystander = fault_run
    refused = run["hosts_refused"]
    assert refused["10.0.0.1"] == "private address" and refused["192.168.1.1"] == "private address"
    assert refused["127.0.0.2"] == "outside the site's scope"
    assert bystander.hits == 0
    assert not any("10.0.0.1" in p or "192.168" in p or "127.0.0.2" in p for p in records)
    # a redirect into a private address is refused by the browser's guard, before the request
    assert any(url.endswith("/leak") for url in run["requests_refused_sample"])
    assert site.hits["/leak"] == 0


# -- service workers ----------------------------------------------------------------------------------------

def test_a_page_cannot_register_a_service_worker(shared_browser, tmp_path, monkeypatch):
    """A service worker's requests are not paused by the tab's network guard (CDP Fetch is per tab), so the
    contexts block registration (session.py: service_workers="block"): the page learns it did not get one,
    and the worker's script is never even fetched."""
    _quiet_site_gatherers(monkeypatch)
    site = ServiceWorkerSite()
    with SiteServer(site) as base:
        settings = pipeline.RunSettings(target=f"{base}/", out_dir=tmp_path, languages=("kk",), modes=("normal",),
                                        wait_for="#sw[data-done]", timeout_ms=10000)
        store = shared_browser.gather(settings)
    record = next(r for r in store.iter_pages() if r.url == f"{base}/")
    assert record.outcome == "audited", record.error
    title = record.get("dom")["title"]
    assert title.startswith("sw: ") and title != "sw: pending", title  # the page's script ran to the end
    assert title != "sw: registered"
    assert site.hits["/sw.js"] == 0


# -- a browser killed in the middle of a run ---------------------------------------------------------------

def _ancestors(pid: int) -> set[int]:
    out = set()
    while pid > 1:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        out.add(pid)
    return out


def our_browser_pids() -> list[int]:
    """The Chromium browser processes this test process launched (through Playwright's driver); other
    processes on the machine, other test runs' browsers included, are never touched."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--remote-debugging-pipe" in args and not any(a.startswith(b"--type=") for a in args) \
                and me in _ancestors(int(entry.name)):
            found.append(int(entry.name))
    return found


def test_a_killed_browser_is_relaunched_and_every_page_still_recorded(shared_browser, tmp_path, monkeypatch):
    _quiet_site_gatherers(monkeypatch)
    killed = []

    def progress(message: str) -> None:
        if message.startswith("[3/") and not killed:
            pids = our_browser_pids()
            assert len(pids) == 1, pids
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    before = shared_browser.session.relaunches
    with SiteServer(generated_site(n_pages=9)) as base:
        settings = pipeline.RunSettings(target=f"{base}/kz/", out_dir=tmp_path, modes=("normal",))
        store = shared_browser.gather(settings, progress)
    run = store.read_run()
    records = list(store.iter_pages())
    assert killed and shared_browser.session.relaunches > before
    assert run["status"] == "complete" and run["browser_relaunches"] >= 1
    assert len(records) == run["pages_admitted"] == 9
    assert [r.url for r in records if r.outcome != "audited"] == []
    assert our_browser_pids() and killed[0] not in our_browser_pids()


# -- hostile content in every report format ----------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_result(audit_site):
    return audit_site(HostileSite(), "/", name="hostile", modes=("normal",), languages=("kk",))


def test_hostile_content_is_escaped_in_every_report_format(hostile_result, tmp_path):
    import csv
    import xml.etree.ElementTree as ET

    from tests.unit.test_report_contract import _TextAndTags

    _, result = hostile_result
    shown = [f for f in result.findings if _carries([f.message, f.evidence, f.selector])]
    assert shown, "no finding carries the page's hostile text; the test needs one"
    assert any(HOSTILE in (p.title or "") for p in result.pages)
    written = write_reports(result, tmp_path, ["json", "html", "sarif", "junit", "markdown", "csv"])

    for fmt in ("json", "sarif"):  # JSON formats carry the text exactly, as data
        assert _carries(json.loads(written[fmt].read_text(encoding="utf-8"))), fmt

    html = written["html"].read_text(encoding="utf-8")
    parser = _TextAndTags()
    parser.feed(html)
    assert "script" not in parser.tags
    assert not any(k.startswith("on") for k, _ in parser.attrs)
    assert HOSTILE in "".join(parser.text)  # shown as text
    csp = next(v for k, v in parser.attrs if k == "content" and "default-src" in (v or ""))
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run, shipped or not

    for fmt in ("junit", "markdown"):
        raw = written[fmt].read_text(encoding="utf-8")
        assert "<script>" not in raw and "<b onmouseover" not in raw, fmt
    ET.fromstring(written["junit"].read_bytes())  # well-formed whatever the page said
    rows = list(csv.DictReader(written["csv"].open(encoding="utf-8-sig", newline="")))
    assert _carries(rows)


def _carries(value) -> bool:
    """Does any string inside `value` (nested lists and dicts, JSON strings included) hold HOSTILE?"""
    if isinstance(value, str):
        if HOSTILE in value:
            return True
        if value[:1] in "[{":
            try:
                return _carries(json.loads(value))
            except ValueError:
                return False
        return False
    if isinstance(value, dict):
        return any(_carries(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_carries(v) for v in value)
    return False
