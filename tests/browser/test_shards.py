"""Three shards of a site with a VI mode, merged with `parity-check report merge`, give the unsharded run's
findings, finding for finding (the VI probes and the crawl's VI stamps included)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from parity_check import pipeline
from parity_check.artifacts import ArtifactStore
from parity_check.cli import main
from parity_check.sites.server import SiteServer
from tests.sites.akimat_replica import akimat_replica_site


SKIP = ("views", "crops", "generated_text", "links", "documents")


def _identity(f) -> tuple:
    """A finding without its host and port (the two runs serve the site on different ports)."""
    path = (f.url or "").split("/", 3)[-1]
    return (f.check, path, f.lang, f.mode, f.scope, f.selector, f.outcome, f.impact, f.message_key)


@pytest.mark.browser
def test_three_shards_merged_equal_the_unsharded_run(audit_site, shared_browser, tmp_path):
    # the VI probes and the crawl stay; the low-vision views and the link checks, which shard like any
    # page gatherer, are left out to keep the four runs short
    _, whole = audit_site(akimat_replica_site(), "/", name="akimat-replica", skip=SKIP)
    assert any(f.mode == "vi" for f in whole.findings), "the site's VI mode must be audited"
    shards = []
    with SiteServer(akimat_replica_site()) as base:
        for i in (1, 2, 3):
            out = tmp_path / f"shard{i}"
            shared_browser.gather(pipeline.RunSettings(target=f"{base}/", out_dir=out, shard=(i, 3), skip=SKIP))
            shards.append(out)
    merged_dir = tmp_path / "merged"
    res = CliRunner().invoke(main, ["report", "merge", str(merged_dir), *map(str, shards), "--format", "json,sarif",
                                    "--fail-on", "none"])
    assert res.exit_code == 0, res.output
    merged = pipeline.check(ArtifactStore.locate(merged_dir))
    assert sorted(map(_identity, merged.findings)) == sorted(map(_identity, whole.findings))
    assert merged.coverage["pages_audited"] == whole.coverage["pages_audited"]
    probes = ArtifactStore.locate(merged_dir).site_artifacts()["vi_persistence"]["probes"]
    assert sorted(p["lang"] for p in probes) == sorted({p["lang"] for p in probes}), "one probe per language"
    assert Path(merged_dir / "report.sarif").is_file()
