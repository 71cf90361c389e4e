"""Shared fixtures. Browser tests share ONE Chromium for the whole session (contexts are renewed per
run, so no cookie or storage crosses from one test's site to the next)."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest


class SharedBrowser:
    def __init__(self, loop, session):
        self.loop = loop
        self.session = session

    def gather(self, settings, progress=None):
        from parity_check import pipeline

        return self.loop.run_until_complete(pipeline.gather_async(settings, progress, self.session))


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Runs through the command line keep their page cache in the user's cache folder: a test's goes to a
    folder of its own, never the developer's ~/.cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("PARITY_CHECK_CACHE", str(tmp_path_factory.mktemp("user-cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def shared_browser():
    from parity_check import __version__
    from parity_check.gather import BrowserSession, load_settings

    loop = asyncio.new_event_loop()
    session = loop.run_until_complete(BrowserSession(load_settings(), __version__).start())
    yield SharedBrowser(loop, session)
    loop.run_until_complete(session.close())
    loop.close()


@pytest.fixture(scope="session")
def audit_site(shared_browser, tmp_path_factory):
    """audit_site(site, path="/", **RunSettings fields) -> (store, RunResult): serves `site` on 127.0.0.1,
    gathers it with the shared browser and runs every check. Results are cached per (site name, options),
    so several tests can read one run."""
    from parity_check import pipeline
    from parity_check.sites.server import SiteServer

    cache = {}

    def run(site, path="/", name=None, **options):
        key = (name or type(site).__name__, path, tuple(sorted(options.items())))
        if key in cache:
            return cache[key]
        out = tmp_path_factory.mktemp("run")
        with SiteServer(site) as base:
            settings = pipeline.RunSettings(target=base + path, out_dir=Path(out), **options)
            store = shared_browser.gather(settings)
        result = pipeline.check(store, thresholds=options.get("thresholds"))
        cache[key] = (store, result)
        return cache[key]

    return run
