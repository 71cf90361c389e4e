import json

import pytest

from parity_check.artifacts import ArtifactStore, ArtifactError, PageRecord, SCHEMA_VERSION


def test_round_trip_and_stable_order(tmp_path):
    store = ArtifactStore(tmp_path / "artifacts").create()
    store.write_run({"target": "http://x/"})
    for lang in ("ru", "kk", "en"):
        store.write_page(PageRecord(url=f"http://x/{lang}/", lang=lang, mode="normal", outcome="audited",
                                    artifacts={"dom": {"title": lang}}))
    again = ArtifactStore.locate(tmp_path)
    pages = list(again.iter_pages())
    assert sorted(p.lang for p in pages) == ["en", "kk", "ru"]
    assert [p.key for p in pages] == sorted(p.key for p in pages)
    assert again.read_run()["target"] == "http://x/"


def test_refuses_other_schema_versions(tmp_path):
    store = ArtifactStore(tmp_path).create()
    store.write_run({"target": "t"})
    (store.pages_dir / "a.json").write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1, "url": "u",
                                                         "mode": "normal", "outcome": "audited"}))
    with pytest.raises(ArtifactError, match="schema version"):
        list(store.iter_pages())


def test_locate_explains_what_is_missing(tmp_path):
    with pytest.raises(ArtifactError, match="no saved artifacts"):
        ArtifactStore.locate(tmp_path)


def test_site_artifacts(tmp_path):
    store = ArtifactStore(tmp_path).create()
    store.write_site_artifact("links", {"http://x/a": {"status": 404}})
    assert store.site_artifacts() == {"links": {"http://x/a": {"status": 404}}}
