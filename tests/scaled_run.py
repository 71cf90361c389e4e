"""A large run made offline from a recorded one: the demo site's recording (tests/artifacts/demo, kk/ru/en in
the normal and the VI mode) with its news item multiplied, so the reports can be measured at the size of a
whole site (bench/report_bench.py: about 4,700 URLs) and tested at a smaller one, with no browser.

Each language gets `news_items` copies of its recorded news item 2 as `/<lang>/news/<k>/` (k from 101), in
both modes where the recording has them (English has no VI mode: its VI views are skipped). What the copies
add to axe's recorded results, so the run carries the defects the reports must group:

- PLANTED_TEMPLATE: every copy's photo has no alt (`img[src$="photo-<k>.jpg"]`, a different image on each
  page), in both modes: one template finding per language (the news template's photo), each instance one
  finding seen in both modes;
- every EDITORIAL_EVERY-th copy: a low-contrast passage an editor pasted (an element of its own, normal mode);
- every VI_ONLY_EVERY-th copy (kk, ru): a badge the VI theme leaves at low contrast (VI mode only);
- a screenshot crop of every failing element (the recording's largest crop file for all of them).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from parity_check.artifacts import ArtifactStore
from parity_check.artifacts.store import PageRecord

DEMO = Path(__file__).resolve().parent / "artifacts" / "demo"
SOURCE_ITEM = "/news/2/"
FIRST_ITEM = 101
PLANTED_TEMPLATE = "image-alt"
EDITORIAL_EVERY = 5
VI_ONLY_EVERY = 9


def _node(rule_id: str, impact: str, selector: str, html: str, help_: str, description: str) -> dict:
    return {"id": rule_id, "impact": impact, "tags": ["wcag2a", "wcag111"] if rule_id == "image-alt" else
            ["wcag2aa", "wcag143"], "help": help_, "description": description,
            "helpUrl": f"https://dequeuniversity.com/rules/axe/4.12/{rule_id}?application=axeAPI",
            "nodes": [{"target": [selector], "html": html, "impact": impact,
                       "failureSummary": "Fix any of the following:\n  Element does not meet the requirement",
                       "data": None}]}


def _photo(k: int) -> dict:
    return _node("image-alt", "critical", f'img[src$="photo-{k}.jpg"]', f'<img src="/media/photo-{k}.jpg" class="photo">',
                 "Images must have alternative text",
                 "Ensure <img> elements have alternative text or a role of none or presentation")


def _contrast(selector: str, html: str) -> dict:
    return _node("color-contrast", "serious", selector, html,
                 "Elements must meet minimum color contrast ratio thresholds",
                 "Ensure the contrast between foreground and background colors meets WCAG 2 AA minimum contrast "
                 "ratio thresholds")


def _vary(record: dict, k: int) -> dict:
    """The copy of a news item record as item k, with the defects it carries (see the module's text)."""
    # The item's own URL wherever the record names it: its address, hreflang alternates, language switcher.
    out = json.loads(json.dumps(record, ensure_ascii=False).replace(SOURCE_ITEM, f"/news/{k}/"))
    axe = (out.get("artifacts") or {}).get("axe")
    if out["outcome"] != "audited" or not axe:
        return out
    dom = out["artifacts"].get("dom") or {}
    if dom.get("title"):
        dom["title"] = f"{dom['title']} ({k})"
    violations = axe.setdefault("violations", [])
    violations.append(_photo(k))
    if out["mode"] == "normal" and k % EDITORIAL_EVERY == 0:
        violations.append(_contrast(f"#editorial-note{k}", f'<span id="editorial-note{k}" style="color:#aaa">…</span>'))
    if out["mode"] == "vi" and k % VI_ONLY_EVERY == 0:
        violations.append(_contrast(f"#badge{k}", f'<span id="badge{k}" class="bvi-no-styles">…</span>'))
    # Each failing element has its screenshot crop, as the crops gatherer records one for a real run (the
    # recording's largest crop stands for all of them: what matters here is how much the reports inline).
    crops = out["artifacts"].setdefault("crops", {})
    crop = _largest_crop()
    for rule in violations:
        for node in rule["nodes"]:
            crops.setdefault("by_selector", {})[node["target"][0]] = crop
    crops.setdefault("images", {})[crop] = {"file": f"crops/{crop}.png"}
    return out


def _largest_crop() -> str:
    return max((DEMO / "crops").glob("*.png"), key=lambda p: (p.stat().st_size, p.name)).stem


def scaled_run(out_dir: Path, news_items: int) -> ArtifactStore:
    """Writes the scaled run's artifacts under out_dir/artifacts and returns its store."""
    root = Path(out_dir) / "artifacts"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(DEMO / "site", root / "site")
    shutil.copytree(DEMO / "crops", root / "crops")
    store = ArtifactStore(root).create()
    sources = []
    for path in sorted((DEMO / "pages").glob("*.json")):
        shutil.copy2(path, store.pages_dir / path.name)
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["url"].endswith(SOURCE_ITEM):
            sources.append(data)
    for k in range(FIRST_ITEM, FIRST_ITEM + news_items):
        for source in sources:
            store.write_page(PageRecord.from_dict(_vary(source, k)))
    run = json.loads((DEMO / "run.json").read_text(encoding="utf-8"))
    run.pop("schema_version", None)
    run["pages_admitted"] = int(run.get("pages_admitted", 0)) + 3 * news_items
    store.write_run(run)
    return store


def urls_of(store: ArtifactStore) -> int:
    """Distinct URLs (a page in one language) of a run."""
    return len({(r.url, r.lang) for r in store.iter_pages()})
