"""What a check is: metadata beside its logic, and a pure function of the recorded artifacts.

Each check lives in a module of its own under checks/<group>/ and subclasses `Check`. Its docstring is its
documentation; `id` is part of the public report format (kebab-case, naming the problem) and never changes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Iterator

from ..artifacts import PageRecord
from ..models import Finding, stable_locator
from ..urls import page_key


@dataclass
class CheckContext:
    """Everything a check may read: the page records of a run and the facts about the site."""

    pages: list[PageRecord]
    run: dict[str, Any]
    languages: tuple[str, ...]
    profile: Any = None  # config.Profile, when the run had one
    thresholds: dict[str, Any] = field(default_factory=dict)
    site: dict[str, Any] = field(default_factory=dict)  # site artifacts by gatherer name
    _by_key: dict | None = None

    def audited(self, mode: str | None = None) -> Iterator[PageRecord]:
        for p in self.pages:
            if p.outcome == "audited" and (mode is None or p.mode == mode):
                yield p

    def versions(self, mode: str = "normal") -> dict[str, dict[str, PageRecord]]:
        """Pages grouped across languages: page_key -> {lang: record}."""
        if self._by_key is None:
            grouped: dict[str, dict[str, PageRecord]] = defaultdict(dict)
            for p in self.pages:
                if p.mode == mode and p.lang:
                    grouped[page_key(p.url)][p.lang] = p
            self._by_key = dict(grouped)
        return self._by_key

    def threshold(self, name: str, default: Any) -> Any:
        return self.thresholds.get(name, default)


class Check:
    """Base class. Subclasses set the class attributes and implement `run`."""

    id: ClassVar[str]
    tags: ClassVar[tuple[str, ...]] = ()
    impact: ClassVar[str] = "moderate"
    scope: ClassVar[str] = "page"
    requires: ClassVar[tuple[str, ...]] = ()  # artifact names read from page records
    why: ClassVar[str] = ""  # why it matters, shown beside every finding
    help_url: ClassVar[str | None] = None
    # Message templates by report language; findings carry the key and the arguments, the English text
    # is the `message` of the JSON report, and the HTML report picks the officer's language.
    messages: ClassVar[dict[str, dict[str, str]]] = {}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers for subclasses ------------------------------------------------------------------------
    def finding(self, *, page: PageRecord | None = None, url: str | None = None, lang: str | None = None,
                mode: str | None = None, selector: str | None = None, key: str = "default",
                args: dict[str, Any] | None = None, outcome: str = "violation", impact: str | None = None,
                related: Iterable[str] = (), evidence: dict[str, Any] | None = None,
                content_key: str | None = None, scope: str | None = None,
                extra_tags: Iterable[str] = ()) -> Finding:
        args = dict(args or {})
        template = self.messages.get(key, {}).get("en", key)
        return Finding(
            check=self.id, source="parity-check", outcome=outcome, impact=impact or self.impact,
            url=url or (page.url if page else ""), lang=lang if lang is not None else (page.lang if page else None),
            mode=mode if mode is not None else (page.mode if page else None), scope=scope or self.scope,
            selector=selector, message=template.format(**args), why=self.why, help_url=self.help_url,
            tags=tuple(self.tags) + tuple(extra_tags), related=tuple(sorted(set(related))),
            evidence=evidence or {}, message_key=f"{self.id}.{key}", message_args=args,
            locator=stable_locator(selector, content_key),
        )


REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    if cls.id in REGISTRY:
        raise ValueError(f"two checks claim the id {cls.id!r}")
    REGISTRY[cls.id] = cls
    return cls
