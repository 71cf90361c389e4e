"""What keeps a crawl safe and finite without a browser: the private-address rule in the frontier and in
the browser's network guard, refused hosts remembered with their reason, and records that can always be
written whatever a page's text held."""
from __future__ import annotations

import asyncio
import socket

import pytest

from parity_check.gather.crawl import CrawlPlan, HostPacer, _scrub
from parity_check.gather.frontier import MAX_REFUSED_HOSTS, Frontier
from parity_check.gather.session import NetworkGuard


def frontier(target_class=None, hosts=("x.kz",)):
    return Frontier(languages=("kk", "ru", "en"), hosts=frozenset(hosts), max_pages=100, max_depth=5,
                    target_class=target_class)


def test_a_public_site_cannot_lead_the_crawler_into_private_networks():
    f = frontier(hosts=("x.kz", "10.0.0.1", "localhost"))  # even when a profile put them in scope
    for url in ("http://10.0.0.1/", "http://localhost/admin", "http://127.0.0.1:8080/", "http://[::1]/",
                "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/", "http://[::ffff:10.0.0.1]/"):
        assert not f.wants(url), url
        assert f.admit(url, None, 0, None) == [], url
    assert f.refused_hosts["10.0.0.1"] == "private address"
    assert f.refused_hosts["localhost"] == "loopback address"
    assert f.refused_hosts["169.254.169.254"] == "private address"
    assert f.wants("https://x.kz/ru/a")


def test_a_local_site_reaches_its_own_kind_of_address_only():
    f = frontier("loopback", hosts=("127.0.0.1",))
    assert f.wants("http://127.0.0.1:8000/kz/")
    assert not f.wants("http://10.0.0.1/") and f.refused_hosts["10.0.0.1"] == "private address"
    assert not f.wants("http://127.0.0.2/") and f.refused_hosts["127.0.0.2"] == "outside the site's scope"
    intranet = frontier("private", hosts=("10.1.2.3",))
    assert intranet.wants("http://10.1.2.3/kz/")


def test_unparseable_links_are_refused_not_raised():
    f = frontier()
    for href in ("http://[::1", "https://x.kz:99999/", "https://x.kz:abc/", "http://[", ""):
        assert not f.wants(href)
        assert f.admit(href, None, 1, None) == []
    assert f.refused_links >= 4


def test_refused_hosts_are_capped():
    f = frontier()
    for i in range(MAX_REFUSED_HOSTS + 50):
        f.wants(f"https://other{i}.kz/")
    assert len(f.refused_hosts) == MAX_REFUSED_HOSTS and f.refused_links == MAX_REFUSED_HOSTS + 50


def test_the_network_guard_refuses_by_address_and_by_what_a_name_resolves_to(monkeypatch):
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host == "intranet.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 0))]
        if host == "public.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 0))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    public = NetworkGuard(None)
    run = asyncio.run
    assert run(public.refuses("http://10.0.0.1/x.png")) == "private address"
    assert run(public.refuses("http://127.0.0.1:9/")) == "loopback address"
    assert run(public.refuses("http://intranet.example/")).startswith("private address (resolved from")
    assert run(public.refuses("https://public.example/")) is None
    assert run(public.refuses("data:text/html,x")) is None
    local = NetworkGuard("loopback")
    assert run(local.refuses("http://127.0.0.1:9/")) is None
    assert run(local.refuses("http://192.168.0.1/")) == "private address"
    # a loopback target's own requests are not paused at all; documents always are
    patterns = [p["urlPattern"] for p in local.patterns()]
    assert "*://127.*" not in patterns and "*://10.*" in patterns
    assert {"urlPattern": "*", "resourceType": "Document", "requestStage": "Request"} in local.patterns()


def test_page_budget_follows_the_timeout():
    plan = CrawlPlan(target="https://x.kz/", start_urls=(), languages=("kk",), hosts=frozenset({"x.kz"}))
    assert plan.budget_s == 120  # 4 x the default 30 s
    assert CrawlPlan(**{**plan.__dict__, "timeout_ms": 2000}).budget_s == 60  # never under a minute
    assert CrawlPlan(**{**plan.__dict__, "timeout_ms": 45000}).budget_s == 180
    assert CrawlPlan(**{**plan.__dict__, "page_budget_ms": 5000}).budget_s == 5


def test_local_sites_are_not_paced_remote_ones_are():
    async def go():
        pacer = HostPacer(rate=2.0)
        loop = asyncio.get_running_loop()
        start = loop.time()
        for _ in range(3):
            await pacer.wait("http://127.0.0.1:8000/")
        local = loop.time() - start
        start = loop.time()
        for _ in range(3):
            await pacer.wait("https://x.kz/")
        return local, loop.time() - start

    local, remote = asyncio.run(go())
    assert local < 0.1 and remote >= 0.9


@pytest.mark.parametrize("value, expected", [
    ("a\ud800b", "a\ufffdb"),
    ({"t\udc00": ["x\ud83d"]}, {"t\ufffd": ["x\ufffd"]}),
    ("😀 ok", "😀 ok"),
    (3, 3),
])
def test_lone_surrogates_become_replacement_characters(value, expected):
    assert _scrub(value) == expected
