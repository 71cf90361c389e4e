"""What a check is: metadata beside its logic, and a pure function of the recorded artifacts.

Each check lives in a module of its own under checks/<group>/ and subclasses `Check`. Its docstring is its
documentation; `id` is part of the public report format (kebab-case, naming the problem) and never changes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Iterator, Sequence

from ..artifacts import PageRecord
from ..models import Finding, stable_locator
from ..parity.pages import PageGroup
from ..urls import page_key
from .site_index import SiteIndex


@dataclass
class CheckContext:
    """What a check reads: the records it is given, the whole site through `index`, and the run's facts.

    The pipeline calls a check with `sees = "group"` once per page group (`pages` then holds one page in all
    its languages and modes, fully loaded) and a check with `sees = "site"` once, with every record of the
    run (artifacts read from disk as they are used). Tests may give any records: `index` is then built
    from them, and a check sees the whole site at once.
    """

    pages: Sequence[PageRecord]
    run: dict[str, Any]
    languages: tuple[str, ...]
    profile: Any = None  # config.Profile, when the run had one
    thresholds: dict[str, Any] = field(default_factory=dict)
    site: dict[str, Any] = field(default_factory=dict)  # site artifacts by gatherer name
    index: SiteIndex | None = None  # every record of the run
    memo: dict[str, Any] = field(default_factory=dict)  # what checks share within this call (the alignment)

    def __post_init__(self) -> None:
        if self.index is None:
            from ..not_found import NotFoundDetector
            detector = NotFoundDetector.from_run(getattr(self.profile, "data", None), self.site)
            self.index = SiteIndex.of_records(self.pages, detector)

    def audited(self, mode: str | None = None) -> Iterator[PageRecord]:
        for p in self.pages:
            if p.outcome == "audited" and (mode is None or p.mode == mode):
                yield p

    def versions(self, mode: str = "normal") -> dict[str, dict[str, PageRecord]]:
        """Pages grouped across languages by URL pattern: page_key -> {lang: record}."""
        found = self.memo.get(("versions", mode))
        if found is None:
            grouped: dict[str, dict[str, PageRecord]] = defaultdict(dict)
            for p in self.pages:
                if p.mode == mode and p.lang:
                    grouped[page_key(p.url)][p.lang] = p
            found = self.memo[("versions", mode)] = dict(grouped)
        return found

    def page_groups(self) -> list[PageGroup]:
        """The page groups among `pages` (a page in each of its languages, paired by URL pattern, hreflang
        or switcher over the whole site), holding the records of `pages`."""
        groups = self.index.groups.groups
        if self.pages is self.index.records:
            return groups
        mine = {r.key: r for r in self.pages}
        roots = {self.index.root_of(r) for r in self.pages}
        return [PageGroup(g.key, {lang: mine.get(r.key, r) for lang, r in g.versions.items()}, dict(g.linked_by))
                for g in groups if g.key in roots]

    def threshold(self, name: str, default: Any) -> Any:
        return self.thresholds.get(name, default)

    def data(self, name: str) -> Any:
        """A data set (config/datasets.py) as the run's profile extends it, else as shipped."""
        found = (getattr(self.profile, "data", None) or {}).get(name)
        if found is None:
            from ..config.datasets import shipped
            found = self.memo.setdefault(("data", name), shipped(name))
        return found


class Check:
    """Base class. Subclasses set the class attributes and implement `run`."""

    id: ClassVar[str]
    tags: ClassVar[tuple[str, ...]] = ()
    impact: ClassVar[str] = "moderate"
    scope: ClassVar[str] = "page"
    # "group": judges each page from it and its versions in the other languages and modes, so the pipeline
    # gives it one page group at a time; "site": needs the whole site at once (which sections exist, how
    # deep they are), and reads records from disk as it goes.
    sees: ClassVar[str] = "group"
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
