"""Merging sharded runs: the shards' run folders (each an artifacts/ journal) become one journal, over which
every check runs again, so cross-language and site-level checks see the whole site and the merged report
equals an unsharded run's, finding for finding.

- A page key (URL x language x mode) found in several shards keeps the best record (audited over skipped
  over failed; then the first shard given).
- Site artifacts of the same name are merged (lists joined without duplicates, dicts merged key by key),
  except the VI probes (`vi_keyboard`, `vi_persistence`), which each shard ran from its own pages: one
  probe per language is kept, the one an unsharded run would have made, from the shallowest page (and a
  language is the target of one language change only, as in the probe itself).
- The VI records of each shard are stamped with the shard (`vi.crawl`): their wall-clock stamps order the
  visits of one browser, not of several, so vi-mode-not-persistent compares them within a shard only.
- Shards are untrusted input. Screenshot crops are copied only as regular PNG files named by their digest
  under crops/; a symbolic link anywhere in a shard, or a crop that is not a PNG, refuses the merge (a
  hostile shard's `crops/x.png -> /some/secret` would otherwise be copied and embedded in the report).
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from ..artifacts import ArtifactError, ArtifactStore

_OUTCOME_RANK = {"audited": 2, "skipped": 1, "failed": 0}
_PNG = b"\x89PNG\r\n\x1a\n"
_CROP_NAME = re.compile(r"^[0-9a-f]{8,64}\.png$")
_PROBES = ("vi_keyboard", "vi_persistence")  # site artifacts of per-language probes


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


def _refuse_links_and_strays(root: Path) -> list[tuple[Path, Path]]:
    """The crop files of a shard's artifacts folder, as (file, path relative to the folder); refuses a
    symbolic link anywhere in the folder and any crop that is not a regular PNG named by its digest."""
    if root.is_symlink():
        raise ArtifactError(f"refused: {root} is a symbolic link")
    crops: list[tuple[Path, Path]] = []
    for here, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(here) / name
            if path.is_symlink():
                raise ArtifactError(f"refused: {path} is a symbolic link (a shard holds plain files only)")
        rel_dir = Path(here).relative_to(root)
        for name in files:
            path = Path(here) / name
            rel = rel_dir / name
            if rel.parts[0] in ("pages", "site") or rel.as_posix() == "run.json" or re.match(r"^\..*\.tmp$", name):
                continue  # records and site artifacts are read as JSON; a killed write's leftover is skipped
            if rel.parts[0] != "crops" or len(rel.parts) != 2 or not _CROP_NAME.match(name):
                raise ArtifactError(f"refused: {path} is not a record, a site artifact or a crop/<digest>.png")
            with open(path, "rb") as fh:
                if fh.read(len(_PNG)) != _PNG:
                    raise ArtifactError(f"refused: {path} is not a PNG image")
            crops.append((path, rel))
    return crops


def _depths(records: dict[str, Any]) -> dict[tuple[str, Any], tuple[int, str]]:
    """(url, lang) of each VI record -> (depth, url): how an unsharded probe picks its start page."""
    return {(r.url, r.lang): (r.depth or 0, r.url) for r in records.values() if r.mode == "vi"}


def _one_probe_per_language(name: str, shards: list[Any], depths: dict) -> Any:
    """A probe site artifact as one unsharded run would have made it: per language the probe that started
    from the shallowest page of all shards."""
    datas = [d for d in shards if isinstance(d, dict)]
    if not datas:
        return shards[0]
    out = {k: v for d in datas for k, v in d.items() if k != "probes"}
    best: dict[Any, dict] = {}
    for probe in (p for d in datas for p in d.get("probes") or [] if isinstance(p, dict)):
        lang = probe.get("lang")
        rank = depths.get((probe.get("url"), lang), (10**9, str(probe.get("url"))))
        kept = best.get(lang)
        if kept is None or rank < depths.get((kept.get("url"), lang), (10**9, str(kept.get("url")))):
            best[lang] = probe
    probes = [best[lang] for lang in sorted(best, key=lambda lg: (lg != "ru", lg or ""))]
    if name == "vi_persistence":  # each language is the target of one language change only
        tested: set = set()
        trimmed = []
        for probe in probes:
            steps = [s for s in probe.get("languages") or [] if s.get("lang") not in tested]
            tested.update(s.get("lang") for s in steps)
            trimmed.append({**probe, "languages": steps} if "languages" in probe else probe)
        probes = trimmed
    out["probes"] = probes
    return out


def merge_runs(run_dirs: list[Path], out_dir: Path) -> ArtifactStore:
    if not run_dirs:
        raise ArtifactError("no run folders to merge")
    stores = [ArtifactStore.locate(Path(d)) for d in run_dirs]
    crops = [_refuse_links_and_strays(s.root) for s in stores]  # before anything is read or written
    runs = [s.read_run() for s in stores]
    targets = {r.get("target") for r in runs}
    if len(targets) != 1:
        raise ArtifactError(f"the shards are of different targets: {', '.join(sorted(map(str, targets)))}")
    out_store = ArtifactStore(Path(out_dir) / "artifacts")
    if out_store.root.exists() and any(out_store.root.iterdir()):
        raise ArtifactError(f"{out_store.root} exists and is not empty; choose another output folder")
    out_store.create()

    best: dict[str, Any] = {}
    for index, store in enumerate(stores):
        shard = (runs[index].get("settings") or {}).get("shard") or [index + 1, len(stores)]
        for record in store.iter_pages():
            vi = record.artifacts.get("vi")
            if record.mode == "vi" and isinstance(vi, dict):
                vi["crawl"] = f"shard {shard[0]}/{shard[1]}"
            kept = best.get(record.key)
            if kept is None or _OUTCOME_RANK.get(record.outcome, 0) > _OUTCOME_RANK.get(kept.outcome, 0):
                best[record.key] = record
    for key in sorted(best):
        out_store.write_page(best[key])

    per_name: dict[str, list[Any]] = {}
    for store in stores:
        for name, data in store.site_artifacts().items():
            per_name.setdefault(name, []).append(data)
    depths = _depths(best)
    for name in sorted(per_name):
        datas = per_name[name]
        if name in _PROBES:
            merged = _one_probe_per_language(name, datas, depths)
        else:
            merged = datas[0]
            for data in datas[1:]:
                merged = _merge_data(merged, data)
        out_store.write_site_artifact(name, merged)

    for files in crops:  # screenshot crops, copied as plain bytes (never through a link)
        for path, rel in files:
            dest = out_store.root / rel
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, dest, follow_symlinks=False)

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
    if isinstance(run.get("settings"), dict):
        run["settings"] = {**run["settings"], "shard": [1, 1]}
    out_store.write_run(run)
    return out_store


def find_runs(folders: list[Path]) -> list[Path]:
    """Every run folder (one holding artifacts/run.json) under `folders`, in path order; report folders
    beside them (sarif/) are not runs and are passed over. Symbolic links are not followed."""
    found: list[Path] = []
    for folder in folders:
        for here, dirs, _files in os.walk(folder, followlinks=False):
            if (Path(here) / "artifacts" / "run.json").is_file():
                found.append(Path(here))
                dirs[:] = []  # a run's own folders hold no other run
            else:
                dirs.sort()
    return sorted(found)


def group_by_target(run_dirs: list[Path]) -> dict[str, list[Path]]:
    """The shard run folders of each target (site or entity)."""
    groups: dict[str, list[Path]] = {}
    for d in run_dirs:
        target = ArtifactStore.locate(d).read_run().get("target")
        groups.setdefault(str(target), []).append(d)
    return groups
