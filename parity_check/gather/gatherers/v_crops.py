"""Screenshot crops of the elements findings will point at, taken as the page is rendered.

Page gatherer `crops`: {by_selector: {selector: sha}, kinds: {selector: [kind]}, images: {sha: {png|file, w,
h}}, ms}. Selectors are axe's targets for its violations (when the crawler hands gatherers the artifacts
recorded so far, `visit.artifacts`) and extract.js selectors for text the legibility checks may report.

Site gatherer `crop_files`: after the crawl, moves every crop (of `crops` and `views`) out of the page
records into `artifacts/crops/<sha>.png`, so records stay small and the same template crop is stored once;
the image entry becomes {file: "crops/<sha>.png", w, h}.
"""
from __future__ import annotations

import base64
import time
from collections import defaultdict

from ..registry import page_script, Visit, gatherer, site_gatherer
from .v_cropper import Cropper

_JS = page_script("v_crops.js", __package__)
AXE_CROPS = 6
LEGIBILITY_CROPS = 4
IMPACT_RANK = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
CROP_DIR = "crops"


def axe_targets(axe: dict | None) -> list[dict]:
    """One node of each failing rule in turn, most serious rules first: a few crops that cover many rules."""
    rules = sorted((axe or {}).get("violations") or [], key=lambda r: IMPACT_RANK.get(r.get("impact"), 4))
    queues = []
    for rule in rules:
        nodes = [n["target"][0] for n in rule.get("nodes", [])
                 if len(n.get("target") or []) == 1 and isinstance(n["target"][0], str)]
        queues.append([{"selector": s, "kind": "axe:" + rule.get("id", "")} for s in nodes])
    out, seen = [], set()
    while any(queues):
        for q in queues:
            if q:
                t = q.pop(0)
                if t["selector"] not in seen:
                    seen.add(t["selector"])
                    out.append(t)
    return out


def _round_robin(items: list[dict], limit: int) -> list[dict]:
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        by_kind[it["kind"]].append(it)
    out = []
    while len(out) < limit and any(by_kind.values()):
        for kind in list(by_kind):
            if by_kind[kind] and len(out) < limit:
                out.append(by_kind[kind].pop(0))
    return out


@gatherer("crops")
async def gather_crops(page, visit: Visit) -> dict:
    started = time.monotonic()
    recorded = getattr(visit, "artifacts", None) or {}
    targets = axe_targets(recorded.get("axe"))[:AXE_CROPS * 3]
    try:
        found = await page.evaluate(_JS, {"targets": targets})
    except Exception as e:
        return {"error": f"{type(e).__name__}: {e}"[:200]}
    axe = _round_robin([f for f in found if f["kind"].startswith("axe:")], AXE_CROPS)
    legible = _round_robin([f for f in found if not f["kind"].startswith("axe:")], LEGIBILITY_CROPS)
    kinds: dict[str, list[str]] = defaultdict(list)
    for f in found:
        kinds[f["key"]].append(f["kind"])
    cropper = Cropper(page, limit=AXE_CROPS + LEGIBILITY_CROPS)
    by_selector = {}
    try:
        for f in axe + legible:
            if f["key"] in by_selector:
                continue
            sha = await cropper.shoot(f["bbox"])
            if sha:
                by_selector[f["key"]] = sha
    finally:
        await cropper.close()
    return {"by_selector": by_selector, "kinds": {k: v for k, v in kinds.items() if k in by_selector},
            "images": cropper.images, "ms": int((time.monotonic() - started) * 1000)}


def externalise(record, root) -> int:
    """Writes the record's inline crops as files under root/crops; returns how many entries it moved."""
    moved = 0
    for name in ("crops", "views"):
        art = record.artifacts.get(name)
        images = art.get("images") if isinstance(art, dict) else None
        if not isinstance(images, dict):
            continue
        for sha, img in images.items():
            if not isinstance(img, dict) or "png" not in img:
                continue
            path = root / CROP_DIR / f"{sha}.png"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(img["png"]))
            images[sha] = {"file": f"{CROP_DIR}/{sha}.png", "w": img.get("w"), "h": img.get("h")}
            moved += 1
    return moved


@site_gatherer("crop_files")
async def move_crops_to_files(session, store, plan) -> dict:
    pages = moved = 0
    for record in store.iter_pages():
        n = externalise(record, store.root)
        if n:
            store.write_page(record)
            pages += 1
            moved += n
    files = size = 0
    if (store.root / CROP_DIR).is_dir():
        for f in (store.root / CROP_DIR).glob("*.png"):
            files += 1
            size += f.stat().st_size
    return {"pages": pages, "crops": moved, "files": files, "bytes": size}
