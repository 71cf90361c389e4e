"""Gatherers register here (modules under gather/gatherers/). Each one records one artifact (plain JSON data) for a rendered page, so work on
language, parity, low vision and crawling can add what it needs without rewriting the page visit."""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable



@dataclass(frozen=True)
class Visit:
    """What a gatherer knows about the page it is looking at."""

    url: str
    lang: str | None
    mode: str
    vi_active: bool
    worker: int
    # what earlier gatherers recorded for this page (crops need axe's failing elements)
    artifacts: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class PageGatherer:
    name: str
    modes: tuple[str, ...]
    run: Callable[[Any, Visit], Awaitable[Any]]


@dataclass(frozen=True)
class SiteGatherer:
    """Runs once after the crawl, with every page record written: for work on the site as a whole
    (checking link targets, fetching documents). Gets (session, store, plan); returns plain data saved
    as artifacts/site/<name>.json."""

    name: str
    run: Callable[[Any, Any, Any], Awaitable[Any]]
    # True when the result depends only on the site's own pages as fetched (what the page cache keys) and
    # the run's settings: a re-run of an unchanged site then takes it from the cache instead of probing
    # again. Not for what asks other sites or fetches files no page key covers (links, documents).
    reusable: bool = False


GATHERERS: list[PageGatherer] = []
SITE_GATHERERS: list[SiteGatherer] = []


def gatherer(name: str, modes: tuple[str, ...] = ("normal", "vi")):
    def register(func):
        GATHERERS.append(PageGatherer(name, modes, func))
        return func
    return register


def site_gatherer(name: str, reusable: bool = False):
    def register(func):
        SITE_GATHERERS.append(SiteGatherer(name, func, reusable))
        return func
    return register


def load_gatherers() -> None:
    """Imports every module under gather/gatherers/, so each registers itself. Order: by module name,
    so `a_dom` runs before later gatherers that may change the page (zoomed views)."""
    import importlib
    import pkgutil

    from . import gatherers

    for info in sorted(pkgutil.iter_modules(gatherers.__path__), key=lambda i: i.name):
        importlib.import_module(f"{gatherers.__name__}.{info.name}")


def load_js(name: str, package: str | None = None) -> str:
    return importlib.resources.files(package or __package__).joinpath(name).read_text(encoding="utf-8")


def page_script(name: str, package: str | None = None) -> str:
    """An in-page script `(args, lib) => ...` made callable as `(args) => ...`, `lib` being page_lib.js's
    shared helpers (one selector function for every gatherer)."""
    return f"(args) => ({load_js(name, package)})(args, {load_js('page_lib.js')})"


