"""Incremental re-runs: a page whose content did not change is not rendered or audited again, and a page
whose content did change is, even when only the data a single-page app fetched changed (its HTML shell
is the same on every page)."""
from __future__ import annotations

import threading
from collections import Counter

import pytest

from parity_check import pipeline
from parity_check.sites.server import SiteServer, html_response, json_response, not_found

pytestmark = pytest.mark.browser

SHELL = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head>
<body><main id="app">Loading</main><script>
fetch('/api/page?path=' + encodeURIComponent(location.pathname), {headers: {Accept: 'application/json'}})
  .then(r => r.json()).then(d => {
    document.title = d.title;
    const app = document.getElementById('app');
    app.innerHTML = '<h1></h1><p></p><nav></nav>';
    app.querySelector('h1').textContent = d.title;
    app.querySelector('p').textContent = d.text;
    for (const href of d.links) {
      const a = document.createElement('a'); a.href = href; a.textContent = href;
      app.querySelector('nav').append(a, ' ');
    }
  });
</script></body></html>"""


class TinyApp:
    """Three pages, one HTML shell, the content from a JSON API."""

    def __init__(self):
        self.data = {
            "/": {"title": "Home", "text": "Welcome to the district.", "links": ["/p/1", "/p/2"]},
            "/p/1": {"title": "Roads", "text": "Forty kilometres repaired.", "links": ["/"]},
            "/p/2": {"title": "Schools", "text": "Two new schools.", "links": ["/"]},
        }
        self.renders = Counter()  # API calls per page: a render of that page
        self._lock = threading.Lock()

    def handle(self, method, path, query, headers):
        if path == "/api/page":
            page = self.data.get(query.get("path", ""))
            if page is None:
                return json_response({"error": "not found"}, status=404)
            with self._lock:
                self.renders[query["path"]] += 1
            return json_response(page)
        if path in self.data:
            return html_response(SHELL)
        return not_found()


@pytest.fixture(scope="module")
def three_runs(shared_browser, tmp_path_factory):
    from parity_check.gather import crawl
    from parity_check.gather.registry import SITE_GATHERERS, load_gatherers

    load_gatherers()
    app = TinyApp()
    cache = tmp_path_factory.mktemp("cache")
    runs = []
    with pytest.MonkeyPatch.context() as mp, SiteServer(app) as base:
        mp.setattr(crawl, "SITE_GATHERERS", [g for g in SITE_GATHERERS if g.name == "crop_files"])
        for step in range(3):
            if step == 2:
                app.data["/p/2"]["text"] = "Three new schools and a kindergarten."  # only the API changed
            before = Counter(app.renders)
            settings = pipeline.RunSettings(target=f"{base}/", out_dir=tmp_path_factory.mktemp(f"run{step}"),
                                            languages=("en",), modes=("normal",), cache_dir=cache)
            store = shared_browser.gather(settings)
            records = {r.url.replace(base, ""): r for r in store.iter_pages()}
            runs.append((store, records, app.renders - before))
    return runs


def test_the_first_run_renders_every_page_and_fills_the_cache(three_runs):
    store, records, renders = three_runs[0]
    assert sorted(records) == ["/", "/p/1", "/p/2"]
    assert all(r.outcome == "audited" and "cached" not in r.artifacts for r in records.values())
    assert store.read_run()["cache"]["stored"] == 3


def test_an_unchanged_site_is_taken_from_the_cache(three_runs):
    first, second = three_runs[0], three_runs[1]
    store, records, _ = second
    assert store.read_run()["pages_reused"] == 3
    assert all("cached" in r.artifacts for r in records.values())
    for path, record in records.items():
        assert record.get("dom") == first[1][path].get("dom")
        assert record.get("axe") == first[1][path].get("axe")
    a, b = pipeline.check(first[0]), pipeline.check(store)
    assert [f.fingerprint for f in a.findings] == [f.fingerprint for f in b.findings]


def test_changed_api_data_behind_the_same_shell_is_audited_again(three_runs):
    store, records, _ = three_runs[2]
    assert "cached" not in records["/p/2"].artifacts
    assert "kindergarten" in " ".join(s["text"] for s in records["/p/2"].get("dom")["segments"])
    assert "cached" in records["/"].artifacts and "cached" in records["/p/1"].artifacts
    assert store.read_run()["pages_reused"] == 2


@pytest.fixture(scope="module")
def vi_runs(shared_browser, tmp_path_factory):
    """A small trilingual site with a VI widget, three runs with one cache: unchanged, then one page edited."""
    from tests.sites.generated import generated_site

    site = generated_site(n_pages=9)
    cache = tmp_path_factory.mktemp("vi-cache")
    runs = []
    with SiteServer(site) as base:
        for step in range(3):
            if step == 2:
                site.pages["/ru/page/1/"] = site.pages["/ru/page/1/"].replace("</main>", "<p>Новый абзац.</p></main>")
            settings = pipeline.RunSettings(target=f"{base}/kz/", out_dir=tmp_path_factory.mktemp(f"vi-run{step}"),
                                            cache_dir=cache)
            store = shared_browser.gather(settings)
            runs.append(store)
    return runs


def test_an_unchanged_site_reuses_the_vi_probes(vi_runs):
    first, second, _ = vi_runs
    assert first.read_run()["cache"]["site_reused"] == []
    assert second.read_run()["cache"]["site_reused"] == ["vi_keyboard", "vi_persistence"]
    assert second.read_run()["pages_reused"] == len(second.page_names())
    a, b = first.site_artifacts(), second.site_artifacts()
    assert b["vi_keyboard"] == a["vi_keyboard"] and b["vi_persistence"] == a["vi_persistence"]
    assert a["vi_keyboard"].get("probes"), "the probe should have found the widget"
    assert [f.fingerprint for f in pipeline.check(first).findings] == \
           [f.fingerprint for f in pipeline.check(second).findings]


def test_one_changed_page_runs_the_vi_probes_again(vi_runs):
    third = vi_runs[2]
    run = third.read_run()
    assert run["cache"]["site_reused"] == []
    assert run["pages_reused"] == len(third.page_names()) - 2  # the edited page, in both modes
