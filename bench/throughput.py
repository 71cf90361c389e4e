"""Throughput: page-modes audited per second on a generated trilingual site, beside pa11y-ci.

Both tools audit the same pages in the normal mode and with the site's VI mode switched on (pa11y-ci through
its `actions`), with axe-core, in the same Chromium, two at a time. parity-check also crawls the site to find
the pages, switches the VI mode by itself and records every artifact; pa11y-ci is handed the URL list.

    python bench/throughput.py [--pages 60] [--repeat 3] [--skip-pa11y]

pa11y-ci is installed on first use into bench/.pa11y (npm; its own Chromium download is skipped).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parity_check import pipeline  # noqa: E402
from parity_check.gather import load_settings  # noqa: E402
from parity_check.sites.server import SiteServer  # noqa: E402
from tests.sites.generated import generated_site  # noqa: E402

PA11Y_DIR = ROOT / "bench" / ".pa11y"


# What pa11y-ci does besides loading the page: axe. Skipping our other gatherers gives the like-for-like figure.
BEYOND_PA11Y = ("views", "crops", "generated_text", "links", "documents", "vi_keyboard", "vi_persistence",
                "crop_files")


def run_ours(base: str, pages: int, out: Path, skip: tuple[str, ...] = ()) -> tuple[int, float]:
    settings = pipeline.RunSettings(target=f"{base}/kz/", out_dir=out, max_pages=pages, concurrency=2, skip=skip)
    started = time.perf_counter()
    store = pipeline.gather(settings)
    elapsed = time.perf_counter() - started
    records = list(store.iter_pages())
    audited = sum(1 for r in records if r.outcome == "audited")
    urls = sorted({r.url for r in records if r.mode == "normal" and r.outcome == "audited"})
    (out / "urls.json").write_text(json.dumps(urls))
    return audited, elapsed


def ensure_pa11y() -> Path | None:
    binary = PA11Y_DIR / "node_modules" / ".bin" / "pa11y-ci"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        return None
    PA11Y_DIR.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(PA11Y_DIR),
                    "pa11y-ci@4"], check=True, env=env)
    return binary if binary.exists() else None


def run_pa11y(binary: Path, urls: list[str], executable: str, args: list[str]) -> tuple[int, float, str]:
    entries = []
    for url in urls:  # the generated site has the bvi widget on every page, English ones included
        entries.append(url)
        entries.append({"url": url, "actions": ["click element .bvi-open",
                                                "wait for element body.bvi-active to be added"]})
    config = {"defaults": {"runners": ["axe"], "standard": "WCAG2AA", "concurrency": 2, "timeout": 60000,
                           "chromeLaunchConfig": {"executablePath": executable, "args": args}},
              "urls": entries}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(config, fh)
    started = time.perf_counter()
    proc = subprocess.run([str(binary), "--config", fh.name, "--json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    os.unlink(fh.name)
    return len(entries), elapsed, proc.stderr[-500:] if proc.returncode not in (0, 2) else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3,
                    help="rounds of (parity-check, pa11y-ci) run in turn; the medians are compared [3]")
    ap.add_argument("--skip-pa11y", action="store_true")
    opts = ap.parse_args()
    browser = load_settings()
    binary = None if opts.skip_pa11y else ensure_pa11y()
    if binary is None and not opts.skip_pa11y:
        print("pa11y-ci: not installed (no npm); comparison skipped")
    full, like, theirs = [], [], []
    with SiteServer(generated_site(n_pages=opts.pages, seed=0)) as base, tempfile.TemporaryDirectory() as tmp:
        for n in range(1, opts.repeat + 1):
            # in turn, so a busy spell of the machine falls on both tools rather than on one
            full.append(run_ours(base, opts.pages, Path(tmp) / f"full{n}"))
            out = Path(tmp) / f"run{n}"
            like.append(run_ours(base, opts.pages, out, BEYOND_PA11Y))
            line = (f"round {n}: parity-check everything {rate(full[-1]):.2f}/s, pa11y's work {rate(like[-1]):.2f}/s")
            if binary is not None:
                urls = json.loads((out / "urls.json").read_text())
                count, seconds, err = run_pa11y(binary, urls, browser.executable or "", list(browser.args))
                if err:
                    print(f"pa11y-ci failed: {err}")
                    return 1
                theirs.append((count, seconds))
                line += f", pa11y-ci {rate(theirs[-1]):.2f}/s"
            print(line, flush=True)
    f, l = median_of(full), median_of(like)
    print(f"parity-check, everything: {f[0]} page-modes in {f[1]:.1f} s = {rate(f):.2f} page-modes/s (median of "
          f"{opts.repeat}; crawl, VI switch, dom, axe, low-vision views, crops, link and VI probes)")
    print(f"parity-check, pa11y's work: {l[0]} page-modes in {l[1]:.1f} s = {rate(l):.2f} page-modes/s (crawl, "
          f"VI switch, dom + axe; Chromium: {browser.executable or 'Playwright'})")
    if theirs:
        t = median_of(theirs)
        print(f"pa11y-ci:     {t[0]} page-modes audited in {t[1]:.1f} s = {rate(t):.2f} page-modes/s")
        print(f"ratio, like for like: parity-check is {rate(l) / rate(t):.2f}x pa11y-ci (target >= 3x)")
        print(f"ratio, with everything parity-check adds: {rate(f) / rate(t):.2f}x pa11y-ci")
    return 0


def rate(run: tuple[int, float]) -> float:
    return run[0] / run[1]


def median_of(runs: list[tuple[int, float]]) -> tuple[int, float]:
    return sorted(runs, key=rate)[len(runs) // 2]


if __name__ == "__main__":
    sys.exit(main())
