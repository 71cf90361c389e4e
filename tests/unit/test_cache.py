"""The incremental-run cache without a browser: keys follow what was fetched, entries survive only the same
tool and settings, and re-validation fetches each sub-resource once per run."""
from __future__ import annotations

import asyncio

from parity_check.artifacts import PageRecord
from parity_check.gather.cache import (Memo, PageCache, content_key, default_cache_dir, document_digest,
                                       resource_digest)


class FakeResponse:
    def __init__(self, url, status, body):
        self.url, self.status, self._body = url, status, body

    async def body(self):
        return self._body

    async def dispose(self):
        pass


class FakeRequest:
    """A Playwright APIRequestContext stand-in serving a dict of url -> (status, body)."""

    def __init__(self, pages):
        self.pages = pages
        self.calls = []

    async def get(self, url, headers=None, timeout=None, max_redirects=None, fail_on_status_code=None):
        self.calls.append((url, headers))
        if url not in self.pages:
            raise ConnectionError(f"no answer from {url}")
        status, body = self.pages[url]
        return FakeResponse(url, status, body)


DOC, API = "https://x.kz/kz/news/1", "https://x.kz/api/news/1"


def _record():
    return PageRecord(url=DOC, lang="kk", mode="normal", outcome="audited", status=200,
                      artifacts={"dom": {"title": "Жаңалық", "links": []}})


def _stored(tmp_path, print_="fp1"):
    cache = PageCache(tmp_path, print_).create()
    key = content_key(print_, document_digest(DOC, 200, b"<html>shell</html>"),
                      {API: resource_digest(200, b'{"title": "one"}')})
    cache.put(_record(), key, DOC, {API: {"type": "fetch", "headers": {"accept": "application/json"}}})
    return cache, key


def test_the_key_follows_the_document_every_resource_and_the_fingerprint():
    doc = document_digest(DOC, 200, b"a")
    base = content_key("fp", doc, {API: "1"})
    assert content_key("fp", doc, {API: "1"}) == base
    assert content_key("fp", document_digest(DOC, 200, b"b"), {API: "1"}) != base
    assert content_key("fp", document_digest(DOC, 404, b"a"), {API: "1"}) != base
    assert content_key("fp", doc, {API: "2"}) != base  # a single-page app: same shell, other data
    assert content_key("fp", doc, {}) != base
    assert content_key("fp2", doc, {API: "1"}) != base
    assert document_digest(DOC + "/#x", 200, b"a") == doc  # one page, however the URL was written


def test_an_unchanged_page_revalidates_to_its_stored_key(tmp_path):
    cache, key = _stored(tmp_path)
    entry = cache.lookup(_record().key)
    assert entry and entry["content_key"] == key
    request = FakeRequest({DOC: (200, b"<html>shell</html>"), API: (200, b'{"title": "one"}')})
    assert asyncio.run(cache.current_key(entry, request, 5000)) == key
    assert request.calls[1] == (API, {"accept": "application/json"})  # the app's own headers, replayed
    assert cache.record_of(entry).get("dom")["title"] == "Жаңалық"


def test_changed_data_behind_the_same_shell_is_a_miss(tmp_path):
    cache, key = _stored(tmp_path)
    entry = cache.lookup(_record().key)
    request = FakeRequest({DOC: (200, b"<html>shell</html>"), API: (200, b'{"title": "two"}')})
    assert asyncio.run(cache.current_key(entry, request, 5000)) not in (key, None)


def test_a_page_that_cannot_be_fetched_has_no_key(tmp_path):
    cache, _ = _stored(tmp_path)
    entry = cache.lookup(_record().key)
    assert asyncio.run(cache.current_key(entry, FakeRequest({}), 5000)) is None


def test_a_resource_is_fetched_once_per_run(tmp_path):
    cache, key = _stored(tmp_path)
    entry = cache.lookup(_record().key)
    request = FakeRequest({DOC: (200, b"<html>shell</html>"), API: (200, b'{"title": "one"}')})
    for _ in range(3):
        assert asyncio.run(cache.current_key(entry, request, 5000)) == key
    assert [u for u, _ in request.calls].count(API) == 1


def test_other_tool_or_settings_and_corrupt_entries_are_misses(tmp_path):
    _stored(tmp_path, "fp1")
    assert PageCache(tmp_path, "fp2").lookup(_record().key) is None
    path = next((tmp_path / "pages").glob("*.json"))
    path.write_text("{broken", encoding="utf-8")
    assert PageCache(tmp_path, "fp1").lookup(_record().key) is None


def test_an_unwritable_record_leaves_no_half_entry(tmp_path):
    cache = PageCache(tmp_path, "fp").create()
    bad = _record()
    bad.artifacts["dom"]["title"] = "x\ud800"  # cannot be written as UTF-8
    cache.put(bad, "k", DOC, {})
    assert list((tmp_path / "pages").iterdir()) == [] and cache.stored == 0


def test_memo_keeps_the_most_recent():
    memo = Memo(size=2)
    memo.put("a", "1")
    memo.put("b", "2")
    memo.get("a")
    memo.put("c", "3")
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == ("1", None, "3")


def test_default_cache_dir_names_the_site():
    assert default_cache_dir("https://akimvko.gov.kz/kz/").name == "akimvko.gov.kz"
    assert default_cache_dir("http://127.0.0.1:8080/").name == "127.0.0.1-8080"


def _state(rows):
    from parity_check.gather.cache import SiteState

    state = SiteState()
    for row in rows:
        state.add(*row)
    return state


def test_site_state_is_order_free_and_follows_every_record():
    rows = [(f"https://x.kz/kz/{i}", "kk", mode, "audited", 200, f"key{i}") for i in range(5) for mode in ("normal", "vi")]
    key = _state(rows).key("print")
    assert key and _state(list(reversed(rows))).key("print") == key
    assert _state(rows[:-1]).key("print") != key  # a page fewer
    assert _state(rows[:-1] + [(*rows[-1][:5], "other")]).key("print") != key  # one page changed
    assert _state(rows[:-1] + [(*rows[-1][:3], "failed", 500, None)]).key("print") != key  # one now fails
    assert _state(rows).key("other tool or settings") != key


def test_site_state_cannot_vouch_for_a_page_without_a_key():
    assert _state([("https://x.kz/", "kk", "normal", "audited", 200, None)]).key("print") is None
    assert _state([("https://x.kz/", "kk", "normal", "failed", 404, None)]).key("print") is not None
    assert _state([]).key("print") is None


def test_site_artifacts_are_reused_only_for_the_same_site_state(tmp_path):
    from parity_check.gather.cache import PageCache

    cache = PageCache(tmp_path, "print").create()
    cache.put_site_artifact("vi_keyboard", "state-a", {"probes": [1]})
    assert cache.site_artifact("vi_keyboard", "state-a") == {"probes": [1]}
    assert cache.site_artifact("vi_keyboard", "state-b") is None
    assert PageCache(tmp_path, "other print").site_artifact("vi_keyboard", "state-a") is None
    assert cache.facts()["site_reused"] == ["vi_keyboard"]
