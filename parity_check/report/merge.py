"""Merging sharded runs: the shards' run folders (each an artifacts/ journal) become one journal, over which
every check runs again, so cross-language and site-level checks see the whole site and the merged report
equals an unsharded run's.

A page key (URL x language x mode) found in several shards keeps the best record (audited over skipped over
failed; then the first shard given). Site artifacts of the same name are merged (lists joined without
duplicates, dicts merged key by key). Other files under a shard's artifacts/ (screenshot crops) are copied
under the same relative path, so evidence paths stay valid.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ..artifacts import ArtifactError, ArtifactStore

_OUTCOME_RANK = {"audited": 2, "skipped": 1, "failed": 0}


def _merge_data(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _merge_data(out[k], v) if k in out else v
        return out
    if isinstance(a, list) and isinstance(b, list):
        seen = {json.dumps(x, sort_keys=True, ensure_ascii=False) for x in a}
        return a + [x for x in b if json.dumps(x, sort_keys=True, ensure_ascii=False) not in seen]
    return a if a is not None else b


def merge_runs(run_dirs: list[Path], out_dir: Path) -> ArtifactStore:
    if not run_dirs:
        raise ArtifactError("no run folders to merge")
    stores = [ArtifactStore.locate(Path(d)) for d in run_dirs]
    runs = [s.read_run() for s in stores]
    targets = {r.get("target") for r in runs}
    if len(targets) != 1:
        raise ArtifactError(f"the shards are of different targets: {', '.join(sorted(map(str, targets)))}")
    out_store = ArtifactStore(Path(out_dir) / "artifacts")
    if out_store.root.exists() and any(out_store.root.iterdir()):
        raise ArtifactError(f"{out_store.root} exists and is not empty; choose another output folder")
    out_store.create()

    best: dict[str, Any] = {}
    for store in stores:
        for record in store.iter_pages():
            kept = best.get(record.key)
            if kept is None or _OUTCOME_RANK.get(record.outcome, 0) > _OUTCOME_RANK.get(kept.outcome, 0):
                best[record.key] = record
    for key in sorted(best):
        out_store.write_page(best[key])

    site: dict[str, Any] = {}
    for store in stores:
        for name, data in store.site_artifacts().items():
            site[name] = _merge_data(site[name], data) if name in site else data
    for name in sorted(site):
        out_store.write_site_artifact(name, site[name])

    for store in stores:  # screenshot crops and any other recorded files
        for path in sorted(store.root.rglob("*")):
            rel = path.relative_to(store.root)
            if path.is_dir() or rel.parts[0] in ("pages", "site") or rel.name == "run.json":
                continue
            dest = out_store.root / rel
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, dest)

    run = {k: v for k, v in runs[0].items() if k not in ("schema_version", "shard")}
    run["started_at"] = min(r.get("started_at", "") for r in runs)
    run["captured_at"] = max(r.get("captured_at", "") for r in runs)
    # Every shard walks the whole frontier (it renders the other shards' pages only to find links), so
    # each counts the same admitted and over-limit pages as an unsharded run: the largest count is it.
    admitted = [int(r["pages_admitted"]) for r in runs if r.get("pages_admitted") is not None]
    run["pages_admitted"] = max(admitted) if admitted else len({(rec.url, rec.lang) for rec in best.values()})
    run["pages_over_limit"] = max(int(r.get("pages_over_limit", 0) or 0) for r in runs)
    run["root"] = next((r["root"] for r in runs if r.get("root")), run.get("root"))
    run["merged_from"] = [str(Path(d)) for d in run_dirs]
    out_store.write_run(run)
    return out_store
