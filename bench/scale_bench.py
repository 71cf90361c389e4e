"""Scale: how much of a run an unchanged site costs the second time, and how memory grows with the site.

    python bench/scale_bench.py incremental [--pages 200]
        Two runs of the generated site (normal + VI mode) with one cache folder: wall time of each and the
        ratio (the goal: the second at most 15% of the first). Also checks that the reused records give
        the same findings as the rendered ones.
    python bench/scale_bench.py memory [--pages 200 2000] [--modes normal] [--gatherers dom,axe]
        One run per size in a fresh process. Peak memory of that process (the crawl, then the site
        gatherers, then the offline checks, each phase apart) and of the browser it drives (Playwright's
        driver and every Chromium process, summed as PSS so shared pages count once).
    python bench/scale_bench.py all

The site is tests/sites/generated.py's generated_site, served by this process on 127.0.0.1; a run's
process (a child for `memory`) renders it. `--gatherers` keeps only the named page gatherers, to make a
2,000-page measurement affordable on a small machine; the crawl's own bookkeeping is the same either way.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parity_check import pipeline  # noqa: E402
from parity_check.sites.server import SiteServer  # noqa: E402
from tests.sites.generated import generated_site  # noqa: E402


# -- incremental ----------------------------------------------------------------------------------------------

def incremental(pages: int, modes: tuple[str, ...]) -> dict:
    cache = Path(tempfile.mkdtemp(prefix="scale-cache-"))
    times, results, facts = [], [], []
    with SiteServer(generated_site(n_pages=pages)) as base:
        for attempt in (1, 2):
            out = Path(tempfile.mkdtemp(prefix=f"scale-run{attempt}-"))
            settings = pipeline.RunSettings(target=f"{base}/kz/", out_dir=out, max_pages=pages, modes=modes,
                                            cache_dir=cache)
            started = time.perf_counter()
            store = pipeline.gather(settings)
            times.append(time.perf_counter() - started)
            run = store.read_run()
            facts.append({"records": sum(1 for _ in store.iter_pages()), "reused": run.get("pages_reused"),
                          "cache": run.get("cache")})
            results.append(pipeline.check(store))
            print(f"run {attempt}: {times[-1]:.1f} s, {facts[-1]}", flush=True)
    same = [f.fingerprint for f in results[0].findings] == [f.fingerprint for f in results[1].findings]
    return {"pages": pages, "modes": list(modes), "first_s": round(times[0], 1), "second_s": round(times[1], 1),
            "ratio": round(times[1] / times[0], 3), "same_findings": same, "runs": facts}


# -- memory ---------------------------------------------------------------------------------------------------

def _kb(path: Path, field: str) -> int:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid]
        out.extend(kids)
        frontier.extend(kids)
    return out


def _is_driver(pid: int) -> bool:
    try:
        return b"playwright" in Path(f"/proc/{pid}/cmdline").read_bytes() and \
            b"chromium" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


class Sampler(threading.Thread):
    """Peak memory per phase: this process's RSS, the PSS of Playwright's driver and of every Chromium
    process; and, through the crawl, the peaks in each quarter of the pages (flat, or growing?)."""

    def __init__(self, expected_records: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.interval = interval
        self.expected = max(1, expected_records)
        self.phase = "start"
        self.records = 0
        self.peaks: dict[str, dict[str, int]] = {}
        self.quarters: dict[int, dict[str, int]] = {}
        self._halt = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._halt.is_set():
            sample = {"python_kb": _kb(Path("/proc/self/status"), "VmRSS"), "driver_kb": 0, "browser_kb": 0}
            for pid in _descendants(me):
                kind = "driver_kb" if _is_driver(pid) else "browser_kb"
                sample[kind] += _kb(Path(f"/proc/{pid}/smaps_rollup"), "Pss")
            for bucket in [self.peaks.setdefault(self.phase, {})] + (
                    [self.quarters.setdefault(min(4, 1 + 4 * self.records // self.expected), {})]
                    if self.phase == "crawl" else []):
                for key, value in sample.items():
                    bucket[key] = max(bucket.get(key, 0), value)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def memory_child(base: str, pages: int, modes: tuple[str, ...], gatherers: str | None,
                 max_pages: int | None = None) -> dict:
    """One run in this (fresh) process; prints its figures as JSON."""
    if gatherers:
        from parity_check.gather import crawl
        from parity_check.gather.registry import GATHERERS, load_gatherers

        load_gatherers()
        keep = set(gatherers.split(","))
        crawl.GATHERERS = [g for g in GATHERERS if g.name in keep]
    limit = max_pages or pages
    sampler = Sampler(expected_records=min(limit, 3 * (pages // 3)) * len(modes))
    sampler.start()

    def progress(message: str) -> None:
        sampler.phase = "site gatherers" if message.startswith("site:") else "crawl"
        if message.startswith("["):
            sampler.records += 1

    out = Path(tempfile.mkdtemp(prefix=f"scale-mem{pages}-"))
    settings = pipeline.RunSettings(target=f"{base}/kz/", out_dir=out, max_pages=limit, modes=modes)
    started = time.perf_counter()
    store = pipeline.gather(settings, progress)
    gathered = time.perf_counter() - started
    sampler.phase = "checks"
    result = pipeline.check(store)
    sampler.phase = "end"
    time.sleep(1)
    sampler.stop()
    records = sum(1 for _ in store.iter_pages())
    return {"pages": pages, "records": records, "audited": result.coverage["pages_audited"],
            "gather_s": round(gathered, 1), "peaks_kb": sampler.peaks,
            "crawl_quarters_kb": {str(q): v for q, v in sorted(sampler.quarters.items())},
            "python_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "artifacts_mb": round(sum(p.stat().st_size for p in (out / "artifacts").rglob("*") if p.is_file())
                                  / 1048576, 1)}


def memory(sizes: list[int], modes: tuple[str, ...], gatherers: str | None,
           max_pages: int | None = None) -> list[dict]:
    figures = []
    for pages in sizes:
        with SiteServer(generated_site(n_pages=pages)) as base:
            cmd = [sys.executable, __file__, "_child", base, str(pages), "--modes", ",".join(modes)]
            if gatherers:
                cmd += ["--gatherers", gatherers]
            if max_pages:
                cmd += ["--max-pages", str(max_pages)]
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"the {pages}-page run failed:\n{done.stderr[-3000:]}")
        figures.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(figures[-1]), flush=True)
    return figures


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def _total(peak: dict) -> int:
    return peak.get("python_kb", 0) + peak.get("driver_kb", 0) + peak.get("browser_kb", 0)


def print_memory(figures: list[dict]) -> None:
    phases = ("crawl", "site gatherers", "checks")
    print("peak memory by phase: python RSS / Playwright driver PSS / Chromium PSS")
    print(f"{'pages':>6} {'records':>8} {'gather':>8}  " + "  ".join(f"{p:>24}" for p in phases))
    for f in figures:
        cells = []
        for phase in phases:
            peak = f["peaks_kb"].get(phase, {})
            cells.append(" / ".join(_mb(peak.get(k, 0)) for k in ("python_kb", "driver_kb", "browser_kb")))
        print(f"{f['pages']:>6} {f['records']:>8} {f['gather_s']:>7.0f}s  " + "  ".join(f"{c:>24}" for c in cells))
    for f in figures:
        quarters = f.get("crawl_quarters_kb") or {}
        print(f"{f['pages']} pages, crawl peak by quarter of the pages: " + ", ".join(
            f"Q{q} {_mb(_total(v))}" for q, v in quarters.items()))
    if len(figures) >= 2:
        small, large = figures[0], figures[-1]
        for phase in phases:
            a, b = small["peaks_kb"].get(phase), large["peaks_kb"].get(phase)
            if a and b:
                print(f"{phase}: {large['pages']} pages peak at {_total(b) / max(_total(a), 1):.2f}x the memory of "
                      f"{small['pages']} (" + ", ".join(f"{k[:-3]} {b.get(k, 0) / max(a.get(k, 0), 1):.2f}x"
                                                          for k in ("python_kb", "driver_kb", "browser_kb")) + ")")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    inc = sub.add_parser("incremental")
    inc.add_argument("--pages", type=int, default=200)
    inc.add_argument("--modes", default="normal,vi")
    mem = sub.add_parser("memory")
    mem.add_argument("--pages", type=int, nargs="+", default=[200, 2000])
    mem.add_argument("--modes", default="normal")
    mem.add_argument("--gatherers", default=None, help="keep only these page gatherers (comma-separated)")
    mem.add_argument("--control", action="store_true",
                     help="also render only each site's three home pages: the peak its biggest page sets "
                          "(the generated home page lists every page, so it grows with the site)")
    everything = sub.add_parser("all")
    everything.add_argument("--gatherers", default=None)
    child = sub.add_parser("_child")
    child.add_argument("base")
    child.add_argument("pages", type=int)
    child.add_argument("--modes", default="normal")
    child.add_argument("--gatherers", default=None)
    child.add_argument("--max-pages", type=int, default=None)
    args = ap.parse_args()

    if args.what == "_child":
        print(json.dumps(memory_child(args.base, args.pages, tuple(args.modes.split(",")), args.gatherers,
                                      args.max_pages)))
        return
    if args.what in ("incremental", "all"):
        pages = getattr(args, "pages", 200) if args.what == "incremental" else 200
        modes = tuple(getattr(args, "modes", "normal,vi").split(","))
        fig = incremental(pages, modes)
        print(f"incremental: {fig['pages']} pages ({'+'.join(fig['modes'])}): first {fig['first_s']} s, "
              f"second {fig['second_s']} s, ratio {fig['ratio']:.1%} (goal <= 15%); "
              f"same findings: {fig['same_findings']}")
    if args.what in ("memory", "all"):
        sizes = args.pages if args.what == "memory" else [200, 2000]
        modes = tuple(args.modes.split(",")) if args.what == "memory" else ("normal",)
        print_memory(memory(sizes, modes, args.gatherers))
        if getattr(args, "control", False):
            print("control: the three home pages only")
            print_memory(memory(sizes, modes, args.gatherers, max_pages=3))


if __name__ == "__main__":
    main()
