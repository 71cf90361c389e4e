"""The bundled demo site: a fictional trilingual regional akimat ("Демо облысы") with planted defects.

    from parity_check.demo import demo_site
    from parity_check.sites.server import SiteServer
    with SiteServer(demo_site()) as base: ...     # base + "/" redirects to /kz/

Pages are static files under site/ (written by build.py); news and reply dates in them are tokens filled in
relative to the day of serving (dates.py). The defects are listed in DEFECTS.md and, for tests, in
defects.json.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..sites.server import StaticTreeSite, redirect
from .dates import fill

DEMO_DIR = Path(__file__).resolve().parent
SITE_DIR = DEMO_DIR / "site"


class DemoSite(StaticTreeSite):
    def __init__(self, today: dt.date | None = None):
        # Kazakh first: the root answers with a temporary redirect to the Kazakh home page.
        super().__init__(SITE_DIR, routes={"/": redirect("/kz/", 302)})
        self.today = today

    def transform(self, file: Path, body: bytes) -> bytes:
        if file.suffix != ".html":
            return body
        return fill(body.decode("utf-8"), self.today or dt.date.today()).encode("utf-8")


def demo_site(today: dt.date | None = None) -> DemoSite:
    """The demo site object for SiteServer; `today` fixes the dates shown (default: the real today)."""
    return DemoSite(today)


def planted_defects() -> list[dict]:
    """defects.json: [{id, kind, url_path, lang, mode, expected_check, source, note, also_checks?}]."""
    return json.loads((DEMO_DIR / "defects.json").read_text(encoding="utf-8"))
