"""Parity on a single-page platform: missing language versions found, once each, on the gov.kz SPA replica.

    python bench/spa_parity_bench.py             # every variant of the replica, then the required-link matrix
    python bench/spa_parity_bench.py --quick     # the platform's own variant and three link removals

The replica (tests/sites/govkz_spa.py) answers every URL with its app shell; a news item or document missing
in a language is absent from that language's list, its item API answers 404 or an empty body, and the app
renders a "not found" view (the platform's text, or with wording=other one no data set knows). Each variant
is rendered in real Chromium and checked; the figures:

  missing things    the replica's MISSING (news and documents x the languages they lack)
  recall            missing things reported by missing-item, missing-document or missing-language-version
                    in that language, on the item's list or on its page
  precision         findings of those three checks that report a missing thing, the first one for it
                    (a second finding for the same thing counts against precision: one thing, one finding)
  not-found pages   pages recorded "not_found"; audited pages whose text says "not found" (must be 0)
  truncated         truncated-text findings on a missing version's page (must be 0)

Then `missing-required-link` on the replica's portal links: one run with every link, one run per portal and
language with that link removed (it must be found, and nothing else), one with a link to the wrong language
version. These runs render the home pages only (max_depth 0). The portals are real hosts: the `links`
gatherer is skipped so that nothing is asked of them (test traffic stays on loopback).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parity_check import pipeline  # noqa: E402
from parity_check.config import load_profile  # noqa: E402
from parity_check.sites.server import SiteServer  # noqa: E402
from tests.sites import govkz_spa  # noqa: E402

# Everything but the page's own dom/axe/api and the site's not-found probe: what this benchmark measures.
SKIP = ("links", "documents", "views", "crops", "generated_text", "vi_keyboard", "vi_persistence", "crop_files")
VARIANTS = [("404", "platform"), ("empty", "platform"), ("404", "other"), ("empty", "other")]


def run_site(site, out: Path, **options):
    """(store, result) of one run of `site` with the gov.kz profile's rendering settings."""
    profile = load_profile(f"govkz?slug={govkz_spa.SLUG}")
    with SiteServer(site) as base:
        settings = pipeline.RunSettings(
            target=base + govkz_spa.ENTRY, out_dir=out, modes=("normal",), skip=SKIP, max_pages=120,
            wait_for=profile.wait_for, settle_ms=250, timeout_ms=20000, profile=profile,
            profile_name="govkz", **options)
        store = pipeline.gather(settings)
    return store, pipeline.check(store, profile=profile)


def variant_table(out: Path, variants) -> list[dict]:
    rows = []
    for api, wording in variants:
        started = time.perf_counter()
        _, result = run_site(govkz_spa.govkz_spa_site(missing_api=api, wording=wording), out / f"{api}-{wording}")
        s = govkz_spa.score_missing(result)
        s.update(variant=f"api={api:5} wording={wording:8}", seconds=time.perf_counter() - started)
        rows.append(s)
        print(f"{s['variant']}  recall {s['recall']:6.1%}  precision {s['precision']:6.1%}  "
              f"({s['findings']} findings, {s['duplicates']} duplicates, {s['things']} missing things)  "
              f"missing pages judged not found {s['missing_pages_not_found']}/{s['things']}  "
              f"not-found pages {s['not_found_pages']} {s['told_by']}  truncated-text on them "
              f"{s['truncated_on_missing']}  [{s['seconds']:.0f} s]")
        for t in s["missed"]:
            print(f"    missed: {t}")
        for u in s["unexpected"]:
            print(f"    unexpected: {u}")
    return rows


def link_findings(result) -> list[tuple[str, str, str]]:
    return sorted((f.evidence["portal"], f.lang, f.message_key.split(".")[-1]) for f in result.findings
                  if f.check == "missing-required-link")


def link_matrix(out: Path, removals) -> tuple[int, int, int]:
    """(removals found alone, removals, findings on the complete site)."""
    _, result = run_site(govkz_spa.govkz_spa_site(portals=True), out / "links-all", max_depth=0)
    clean = link_findings(result)
    print(f"every portal linked: {len(clean)} missing-required-link findings {clean or ''}")
    hits = 0
    for portal, lang in removals:
        _, result = run_site(govkz_spa.govkz_spa_site(portals=True, drop_portal=(portal, lang)),
                             out / f"links-{portal}-{lang}", max_depth=0)
        got = link_findings(result)
        ok = got == [(portal, lang, "missing")]
        hits += ok
        print(f"  {portal:16} removed in {lang}: {'found' if ok else 'NOT FOUND ALONE'} {got}")
    _, result = run_site(govkz_spa.govkz_spa_site(portals=True, wrong_version=("egov", "kk")), out / "links-wrong",
                         max_depth=0)
    print(f"egov linked in its Russian version from the Kazakh pages: {link_findings(result)}")
    return hits, len(removals), len(clean)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-links", action="store_true", help="the variants only, not the required-link runs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows = variant_table(out, VARIANTS[:1] if args.quick else VARIANTS)
        if args.no_links:
            return 0
        portals = sorted(govkz_spa.PORTALS)
        removals = ([("egov", "kk"), ("open_data", "ru"), ("open_dialogue", "en")] if args.quick
                    else [(p, l) for p in portals for l in govkz_spa.LANGS])
        hits, total, clean = link_matrix(out, removals)
    worst_recall = min(r["recall"] for r in rows)
    worst_precision = min(r["precision"] for r in rows)
    print(f"\nmissing items and documents: worst recall {worst_recall:.1%}, worst precision {worst_precision:.1%} "
          f"(target >= 95% each): {'met' if worst_recall >= .95 and worst_precision >= .95 else 'NOT met'}")
    print(f"truncated-text on a missing version's page: {sum(r['truncated_on_missing'] for r in rows)} (target 0)")
    print(f"required links: {hits}/{total} removals found alone, {clean} findings on the complete site "
          f"(target {total}/{total} and 0): {'met' if hits == total and clean == 0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
