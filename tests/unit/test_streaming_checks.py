"""The offline phase streams: pipeline.check gives most checks one page group at a time and the site-wide
ones records read from disk, so it must find exactly what every check finds over the whole site held in
memory, while never holding more than a page group and a few recent records."""
from __future__ import annotations

import shutil
import weakref
from pathlib import Path

import pytest

from parity_check import pipeline
from parity_check.artifacts import ArtifactStore, PageRecord
from parity_check.artifacts.lazy import RECENT_RECORDS
from parity_check.checks import CheckContext, load_all
from parity_check.models import assign_fingerprints

RECORDED = Path(__file__).resolve().parents[1] / "artifacts"
RUNS = [RECORDED / "parity" / "gov", RECORDED / "parity" / "akimat", RECORDED / "content"]


def whole_site_findings(store: ArtifactStore) -> list:
    """Every check run once over every record in memory: what the checks define, before any streaming."""
    run = store.read_run()
    pages = list(store.iter_pages())
    ctx = CheckContext(pages=pages, run=run, languages=tuple(run.get("languages", ())), site=store.site_artifacts())
    names = {name for p in pages for name in p.artifacts} | set(ctx.site)
    found = []
    for cls in load_all().values():
        if all(a in names for a in cls.requires):
            found.extend(cls().run(ctx))
    return assign_fingerprints(found)


def as_rows(findings) -> list[tuple]:
    return [(f.fingerprint, f.check, f.url, f.lang, f.mode, f.selector, f.message, f.outcome, f.related,
             repr(sorted(f.evidence.items()))) for f in findings]


@pytest.mark.parametrize("folder", RUNS, ids=lambda p: p.name)
def test_streamed_checks_find_what_whole_site_checks_find(folder):
    store = ArtifactStore.locate(folder)
    streamed = pipeline.check(store)
    expected = whole_site_findings(store)
    assert expected, "the recorded run should have findings to compare"
    assert as_rows(streamed.findings) == as_rows(expected)


def _copies(src: Path, dst: Path, times: int) -> ArtifactStore:
    """A recorded run made `times` bigger: the same pages again under other paths (/copyN/...)."""
    store = ArtifactStore(dst / "artifacts").create()
    shutil.copy(src / "run.json", dst / "artifacts" / "run.json")
    if (src / "site").is_dir():
        shutil.copytree(src / "site", dst / "artifacts" / "site")
    original = ArtifactStore(src)
    for n in range(times):
        for rec in original.iter_pages():
            def moved(u, n=n):
                return u.replace("/kz/", f"/copy{n}/kz/").replace("/ru/", f"/copy{n}/ru/").replace(
                    "/en/", f"/copy{n}/en/") if u and n else u
            store.write_page(PageRecord(url=moved(rec.url), lang=rec.lang, mode=rec.mode, outcome=rec.outcome,
                                        status=rec.status, final_url=moved(rec.final_url), error=rec.error,
                                        depth=rec.depth, artifacts=rec.artifacts))
    return store


class Tracked(dict):
    """A dict that can be watched with a weak reference (plain dicts cannot)."""


def test_check_holds_a_page_group_not_the_site(tmp_path, monkeypatch):
    store = _copies(RECORDED / "parity" / "akimat", tmp_path, times=6)
    total = len(store.page_names())
    refs: list[weakref.ref] = []
    most = 0
    read = ArtifactStore.read_page

    def counting(self, name):
        nonlocal most
        record = read(self, name)
        record.artifacts = Tracked(record.artifacts)  # what makes a record big
        refs.append(weakref.ref(record.artifacts))
        most = max(most, sum(1 for r in refs if r() is not None))
        return record

    monkeypatch.setattr(ArtifactStore, "read_page", counting)
    result = pipeline.check(store)
    assert result.findings and len(result.pages) == total
    # a page group (at most three languages x two modes) and the reader's recent records, whatever the size
    assert total > 3 * (RECENT_RECORDS + 6)
    assert most <= RECENT_RECORDS + 6 + 2, f"{most} records held at once out of {total}"
