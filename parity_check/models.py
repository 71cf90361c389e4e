"""The shapes every part of parity-check agrees on: findings, page outcomes, the run result.

Findings and page entries are frozen dataclasses so a check cannot mutate what another check sees; the
report writers turn them into the public report contract (see report/schema/report.schema.json).
"""
from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field, asdict
from typing import Any
from urllib.parse import urlsplit, urlunsplit, parse_qsl, urlencode


class Impact(str, enum.Enum):
    """axe-core's four impact levels; our own checks use the same scale so one threshold fits all."""

    CRITICAL = "critical"
    SERIOUS = "serious"
    MODERATE = "moderate"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        return IMPACT_ORDER.index(self.value)


IMPACT_ORDER = ["minor", "moderate", "serious", "critical"]


def impact_at_least(impact: str, threshold: str) -> bool:
    return IMPACT_ORDER.index(impact) >= IMPACT_ORDER.index(threshold)


class Outcome(str, enum.Enum):
    VIOLATION = "violation"
    INCOMPLETE = "incomplete"  # needs a person to review: low confidence is never a violation


class Scope(str, enum.Enum):
    PAGE = "page"
    LANGUAGE = "language"
    SITE = "site"


MODES = ("normal", "vi")
PAGE_OUTCOMES = ("audited", "failed", "skipped", "not_found")  # not_found: see not_found.py
VI_STATES = ("active", "absent", "ineffective")

_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|yclid|_ga|mc_cid|mc_eid)$", re.I)


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies a page: no fragment, no tracking parameters, sorted query,
    lower-case scheme and host, no default port, no trailing slash except the root."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets, or the URL cannot be parsed again
        host = f"[{host}]"
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING_PARAMS.match(k))
    return urlunsplit((scheme, host, path, urlencode(query), ""))


@dataclass(frozen=True)
class Finding:
    """One problem (or one thing a person must review) at one place, in one language, in one mode or in
    several (the same element failing the same check in the normal and the VI mode is one defect)."""

    check: str
    source: str  # "axe" or "parity-check"
    outcome: str
    impact: str
    url: str
    lang: str | None
    mode: str | None
    scope: str
    selector: str | None
    message: str
    why: str = ""  # why it matters: the help text a person reads before fixing
    help_url: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict)
    message_key: str | None = None  # chooses the translated message in the report's language
    message_args: dict[str, Any] = field(default_factory=dict)
    locator: str | None = None  # stable part of the fingerprint: not an nth-child chain
    fingerprint: str = ""
    # Set when one finding stands for the same defect seen in several modes (report/finalise.py merges
    # them): the modes, and the fingerprint each mode's finding had, in the same order. `mode` and
    # `fingerprint` are then the first of each, so a finding seen in one mode keeps its old fingerprint.
    modes: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    # Notes added after the checks (report/notes.py): accepted in the profile, an expired acceptance,
    # and the state against a baseline report.
    suppressed: dict[str, Any] | None = None
    suppression_expired: dict[str, Any] | None = None
    baseline: str | None = None

    def sort_key(self) -> tuple:
        return (self.check, self.url, self.lang or "", self.mode or "", self.selector or "", self.message)

    @property
    def seen_in(self) -> tuple[str, ...]:
        """The modes this finding was seen in (none for a finding of no mode, such as a site-wide one)."""
        return self.modes or ((self.mode,) if self.mode else ())

    @property
    def all_fingerprints(self) -> tuple[str, ...]:
        """Every fingerprint this finding answers to: a baseline that knew any of them knew this defect."""
        return self.fingerprints or ((self.fingerprint,) if self.fingerprint else ())

    @property
    def vi_only(self) -> bool:
        return self.seen_in == ("vi",)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tags"] = list(self.tags)
        d["related"] = list(self.related)
        d["modes"] = list(self.seen_in)
        d["fingerprints"] = list(self.all_fingerprints)
        d["locator"] = self.locator if self.locator is not None else stable_locator(self.selector)
        for note in ("suppressed", "suppression_expired", "baseline"):
            if d[note] is None:
                d.pop(note)
        return d


_POSITIONAL = re.compile(r":nth-(?:child|of-type|last-child|last-of-type)\([^)]*\)|:(?:first|last)-(?:child|of-type)")


def stable_locator(selector: str | None, content_key: str | None = None) -> str:
    """A locator that does not shift when a list gains an item: the selector without positional
    pseudo-classes, plus a short key of the element's own content (its text, alt or link target)."""
    base = _POSITIONAL.sub("", selector or "")
    base = re.sub(r"\s+", " ", base).strip()
    if content_key:
        key = re.sub(r"\s+", " ", content_key).strip()[:200]
        return f"{base}|{key}"
    return base


def assign_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Sorts findings and gives each a fingerprint: sha1 of check, normalised URL, language, mode and
    stable locator. Two findings with the same base get an occurrence suffix in sorted order, so
    fingerprints are unique within a report and stable across runs."""
    from dataclasses import replace

    ordered = sorted(findings, key=Finding.sort_key)
    seen: dict[str, int] = {}
    out = []
    for f in ordered:
        locator = f.locator if f.locator is not None else stable_locator(f.selector)
        basis = "\x1f".join([f.check, normalise_url(f.url) if f.url else "", f.lang or "", f.mode or "",
                             f.scope, locator])
        digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(replace(f, fingerprint=digest if n == 0 else f"{digest}-{n}"))
    return out


@dataclass(frozen=True)
class PageEntry:
    """One URL in one language and one mode, as the report lists it."""

    url: str
    lang: str | None
    mode: str
    status: int | None
    outcome: str
    error: str | None = None
    final_url: str | None = None
    title: str | None = None
    vi_state: str | None = None
    vi_method: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.mode != "vi":
            d.pop("vi_state")
            d.pop("vi_method")
        return d


@dataclass
class CheckError:
    """A check that could not run (say, an artifact it needs is missing): reported, never a crash."""

    check: str
    error: str


@dataclass
class RunResult:
    """Everything one run produced. The one object every report format is written from."""

    tool: dict[str, Any]
    target: str
    started_at: str
    captured_at: str
    languages: list[str]
    coverage: dict[str, Any]
    pages: list[PageEntry]
    findings: list[Finding]
    check_errors: list[CheckError] = field(default_factory=list)
    site: dict[str, Any] = field(default_factory=dict)
    profile: str | None = None
    baseline: dict[str, Any] | None = None

    def summary(self) -> dict[str, Any]:
        def count(keys) -> dict[str, int]:
            out: dict[str, int] = {}
            for f in self.findings:
                for k in keys(f):
                    out[k or "-"] = out.get(k or "-", 0) + 1
            return dict(sorted(out.items()))

        return {
            "total": len(self.findings),
            "violations": sum(1 for f in self.findings if f.outcome == "violation"),
            "incomplete": sum(1 for f in self.findings if f.outcome == "incomplete"),
            # A finding per mode it was seen in: one seen in both counts under each.
            "instances": sum(len(f.seen_in) or 1 for f in self.findings),
            "by_check": count(lambda f: (f.check,)),
            "by_lang": count(lambda f: (f.lang,)),
            "by_mode": count(lambda f: f.seen_in or (None,)),
            "by_impact": count(lambda f: (f.impact,)),
        }
