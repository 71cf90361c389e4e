"""Reports at the size of a whole site: how big report.html gets, how fast Chromium opens it, whether it stays
accessible, and how the findings group.

    python bench/report_bench.py [--news-items 1555] [--out DIR]

The run is built offline from the demo site's recording (tests/scaled_run.py: tests/artifacts/demo, kk/ru/en
in the normal and the VI mode, its news item copied --news-items times per language; 1,555 copies make
4,701 URLs and 9,402 page views), with a planted template defect (each news item's photo has no alt, in both
modes), editorial defects of single pages and VI-only ones. Then every check runs on it (pipeline.check, the
demo profile), the result is finalised (modes merged), and every report format is written. Printed: the
size of each report and the time of each phase; how the planted defects grouped; then, in Chromium (the
browser of playwright.config.toml), the time report.html takes to load and paint (folded, as it opens, and
with every <details> open), and axe-core's violations in it in a normal and a 200% text, high-contrast view.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parity_check import __version__, pipeline  # noqa: E402
from parity_check.config import load_profile  # noqa: E402
from parity_check.report import write_reports  # noqa: E402
from parity_check.report.digest import template_findings  # noqa: E402
from parity_check.report.finalise import finalise_result  # noqa: E402
from parity_check.report.notes import active  # noqa: E402
from tests.scaled_run import PLANTED_TEMPLATE, scaled_run, urls_of  # noqa: E402

FORMATS = ["json", "html", "markdown", "sarif", "csv"]
OPEN_ALL = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
PAINTED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
VI_CSS = "html { font-size: 200% !important; }"  # what a low-vision reader's settings do: larger text


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.2f} MB"


def build_and_report(out: Path, news_items: int) -> dict:
    figures: dict = {}
    started = time.perf_counter()
    store = scaled_run(out, news_items)
    figures["build_s"] = round(time.perf_counter() - started, 1)
    figures["urls"] = urls_of(store)
    figures["page_views"] = sum(1 for _ in store.page_names())
    profile = load_profile("demo")
    started = time.perf_counter()
    result = pipeline.check(store, profile)
    figures["check_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    result = finalise_result(result, profile)
    figures["finalise_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    written = write_reports(result, out, FORMATS, {"report_lang": "en", "run_dir": out})
    figures["reports_s"] = round(time.perf_counter() - started, 1)
    figures["sizes"] = {fmt: path.stat().st_size for fmt, path in written.items()}
    data = json.loads(written["json"].read_text(encoding="utf-8"))
    summary = data["summary"]
    figures["findings"] = {"per_page_and_mode": summary["instances"], "findings": summary["total"],
                           "things_to_fix": summary["defects"]}
    planted = [t for t in template_findings(active(result.findings)) if t.check == PLANTED_TEMPLATE
               and t.template and "/news/" in t.template]
    figures["planted_template"] = [{"template": t.template, "pages": t.pages, "languages": t.languages,
                                    "modes": t.modes, "instances": t.instances} for t in planted]
    photos = [f for f in result.findings if f.check == PLANTED_TEMPLATE and "photo-" in (f.selector or "")]
    figures["photo_findings"] = {"findings": len(photos), "seen_in_both_modes": sum(len(f.seen_in) == 2 for f in photos)}
    figures["sarif_results"] = len(json.loads(written["sarif"].read_text(encoding="utf-8"))["runs"][0]["results"])
    return {"figures": figures, "html": written["html"]}


async def browser_figures(html: Path) -> dict:
    from parity_check.gather import BrowserSession, load_settings
    from parity_check.gather.axe import run_axe

    session = await BrowserSession(load_settings(), __version__).start()
    out: dict = {}
    try:
        for label, unfold in (("open_s", False), ("open_unfolded_s", True)):
            page = await session.fresh_tab("en", "normal")
            started = time.perf_counter()
            await page.goto(html.as_uri(), wait_until="load", timeout=120_000)
            if unfold:
                await page.evaluate(OPEN_ALL)
            await page.evaluate(PAINTED)
            out[label] = round(time.perf_counter() - started, 2)
            await page.close()
        for label, vi in (("axe_normal", False), ("axe_200_percent", True)):
            page = await session.fresh_tab("en", "normal")
            if vi:
                await page.emulate_media(contrast="more")
            await page.goto(html.as_uri(), wait_until="load", timeout=120_000)
            if vi:
                await page.add_style_tag(content=VI_CSS)
            await page.evaluate(OPEN_ALL)
            result = await run_axe(page, vi_active=True)
            out[label] = {"violations": [f"{r['id']} ({len(r['nodes'])})" for r in result.get("violations", [])],
                          "rules_run": result.get("rules_run"), "error": result.get("error")}
            await page.close()
    finally:
        await session.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news-items", type=int, default=1555, help="copies of the news item per language")
    parser.add_argument("--out", type=Path, help="run folder (default: a new temporary one)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="report-bench-"))
    built = build_and_report(out, args.news_items)
    figures = built["figures"]
    figures["browser"] = asyncio.run(browser_figures(built["html"]))
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    sizes = figures["sizes"]
    print(f"{figures['urls']} URLs, {figures['page_views']} page views: report.html {_mb(sizes['html'])}, "
          f"report.json {_mb(sizes['json'])}, report.sarif {_mb(sizes['sarif'])} "
          f"({figures['sarif_results']} results), summary.md {_mb(sizes['markdown'])}, findings.csv "
          f"{_mb(sizes['csv'])}; opened in {figures['browser']['open_s']} s "
          f"({figures['browser']['open_unfolded_s']} s unfolded); run folder {out}")


if __name__ == "__main__":
    main()
