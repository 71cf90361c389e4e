"""Interrupt and resume: `kill -9` a real `parity-check` process midway, then `parity-check --resume DIR`
finishes the run with no page lost and none audited twice.

The site counts the requests for every page, so "not audited twice" is proven on the server's side: a page
recorded before the kill is not fetched again by the resumed run. The oracle for "no page lost" is the
generated site's own page list, which an uninterrupted run records in full (one normal-mode record each).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from parity_check.sites.server import SiteServer
from tests.sites.generated import generated_site

pytestmark = pytest.mark.browser

PAGES = 12
KILL_AFTER = 4  # records on disk when the run is killed


class CountingSite:
    def __init__(self, site):
        self.site = site
        self.hits: Counter = Counter()
        self._lock = threading.Lock()

    def handle(self, method, path, query, headers):
        if method == "GET" and not path.startswith("/bvi/"):
            with self._lock:
                self.hits[path] += 1
        return self.site.handle(method, path, query, headers)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "parity_check.cli", *args]


def _records(out: Path) -> dict[str, dict]:
    found = {}
    for path in (out / "artifacts" / "pages").glob("*.json"):
        try:
            found[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            pass  # the file being replaced as we read
    return found


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_a_killed_run_resumes_without_losing_or_repeating_a_page(tmp_path):
    site = CountingSite(generated_site(n_pages=PAGES))
    out = tmp_path / "run"
    with SiteServer(site) as base:
        proc = subprocess.Popen(_cli(f"{base}/kz/", "--out", str(out), "--no-vi", "--no-cache", "-q",
                                     "--format", "json"),
                                cwd=tmp_path, start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 240
            while len(_records(out)) < KILL_AFTER and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            os.kill(proc.pid, signal.SIGKILL)  # kill -9 the run itself, as an OOM killer or a CI timeout would
            proc.wait(timeout=30)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # and what it started (its driver and browser), if left
            except ProcessLookupError:
                pass
        before = _records(out)
        assert KILL_AFTER <= len(before) < PAGES, "the run was not killed midway"
        run = json.loads((out / "artifacts" / "run.json").read_text())
        assert run["status"] == "running"
        hits_before = Counter(site.hits)

        resumed = subprocess.run(_cli("--resume", str(out), "-q", "--format", "json"), cwd=tmp_path,
                                 capture_output=True, timeout=600)
        assert resumed.returncode in (0, 1), resumed.stderr.decode()[-2000:]

    after = _records(out)
    during = site.hits - hits_before
    # no page lost: every page of the site, once, in the normal mode
    entries = sorted((_path(r["url"]), r["lang"], r["mode"]) for r in after.values())
    assert entries == sorted(set(entries))
    assert sorted(p for p, _, _ in entries) == sorted(site.site.paths())
    assert all(r["outcome"] == "audited" for r in after.values())
    # none audited twice: what was recorded before the kill was neither fetched nor rewritten as a new visit
    target = "/kz/"  # the resumed run opens its target once to learn where the root leads
    for key, record in before.items():
        path = _path(record["url"])
        assert during[path] == (1 if path == target else 0), (path, during[path])
        assert after[key]["timing_ms"] == record["timing_ms"]
    # and every page missing at the kill was fetched by the resumed run
    for key, record in after.items():
        if key not in before:
            assert during[_path(record["url"])] >= 1
    assert json.loads((out / "artifacts" / "run.json").read_text())["status"] == "complete"
