"""The bundled demo site: a fictional trilingual regional akimat ("Демо облысы") with planted defects.

    from parity_check.demo import demo_site
    from parity_check.sites.server import SiteServer
    with SiteServer(demo_site()) as base: ...     # base + "/" redirects to /kz/

Pages are static files under site/ (written by build.py); the defects are listed in DEFECTS.md and, for
tests, in defects.json.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..sites.server import StaticTreeSite, redirect

DEMO_DIR = Path(__file__).resolve().parent
SITE_DIR = DEMO_DIR / "site"


def demo_site() -> StaticTreeSite:
    # Kazakh first: the root answers with a temporary redirect to the Kazakh home page.
    return StaticTreeSite(SITE_DIR, routes={"/": redirect("/kz/", 302)})


def planted_defects() -> list[dict]:
    """defects.json: [{id, kind, url_path, lang, mode, expected_check, note}]."""
    return json.loads((DEMO_DIR / "defects.json").read_text(encoding="utf-8"))
