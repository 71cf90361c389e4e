"""Gatherers register here. Each one records one artifact (plain JSON data) for a rendered page, so work on
language, parity, low vision and crawling can add what it needs without rewriting the page visit."""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from .axe import run_axe


@dataclass(frozen=True)
class Visit:
    """What a gatherer knows about the page it is looking at."""

    url: str
    lang: str | None
    mode: str
    vi_active: bool
    worker: int


@dataclass(frozen=True)
class PageGatherer:
    name: str
    modes: tuple[str, ...]
    run: Callable[[Any, Visit], Awaitable[Any]]


GATHERERS: list[PageGatherer] = []


def gatherer(name: str, modes: tuple[str, ...] = ("normal", "vi")):
    def register(func):
        GATHERERS.append(PageGatherer(name, modes, func))
        return func
    return register


def load_js(name: str) -> str:
    return importlib.resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


_EXTRACT = load_js("extract.js")


@gatherer("dom")
async def gather_dom(page, visit: Visit) -> dict:
    return await page.evaluate(_EXTRACT, {"maxSegments": 3000})


@gatherer("axe")
async def gather_axe(page, visit: Visit) -> dict:
    return await run_axe(page, vi_active=visit.vi_active)
