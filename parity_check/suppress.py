"""Suppressions: a profile's `ignore` entries accept known findings with a reason and an expiry date.

An accepted finding stays in the report (marked `suppressed: {reason, expires}`) so nothing disappears
silently, but it no longer fails the run. When the date passes, the acceptance lapses: the finding counts
again and carries `suppression_expired` so the reader sees why it is back.

Rules accept any objects with the attributes `check` (id; `*` globs allowed, as `axe-*`), `url` (a regex
searched in the finding's URL, or None), `selector` (the element's selector, or None), `reason` and
`expires` (a datetime.date, an ISO date string, or None for no expiry) - config.Suppression is one.
"""
from __future__ import annotations

import datetime as dt
import re
from fnmatch import fnmatchcase
from typing import Any, Iterable

from .models import Finding, RunResult, stable_locator
from .report.notes import replace_result, with_notes


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def rule_matches(rule: Any, finding: Finding) -> bool:
    if not fnmatchcase(finding.check, getattr(rule, "check", None) or "*"):
        return False
    url_pattern = getattr(rule, "url", None)
    if url_pattern and re.search(url_pattern, finding.url or "") is None:
        return False
    selector = getattr(rule, "selector", None)
    if selector:
        # An element's nth-child position shifts when a list grows; accepting "the same element" should not
        # lapse because of that, so the positional parts are compared away as the fingerprint does.
        if finding.selector is None:
            return False
        if selector != finding.selector and stable_locator(selector) != stable_locator(finding.selector):
            return False
    return True


def apply_suppressions(findings: Iterable[Finding], rules: Iterable[Any],
                       today: dt.date | None = None) -> list[Finding]:
    """Findings with `suppressed` set where a live rule matches, and `suppression_expired` where only
    expired rules do. The first live matching rule (in profile order) gives the reason."""
    today = today or dt.date.today()
    rules = list(rules or ())
    out = []
    for f in findings:
        live = expired = None
        for rule in rules:
            if not rule_matches(rule, f):
                continue
            expires = _date(getattr(rule, "expires", None))
            entry = {"reason": str(getattr(rule, "reason", "") or ""),
                     "expires": expires.isoformat() if expires else None}
            if expires is not None and expires < today:
                expired = expired or entry
            else:
                live = entry
                break
        if live:
            f = with_notes(f, suppressed=live, suppression_expired=None)
        elif expired:
            f = with_notes(f, suppressed=None, suppression_expired=expired)
        out.append(f)
    return out


def suppress_result(result: RunResult, profile: Any, today: dt.date | None = None) -> RunResult:
    """The run with the profile's `ignore` rules applied (the same run if there are none)."""
    rules = tuple(getattr(profile, "ignore", None) or ())
    if not rules:
        return result
    return replace_result(result, findings=apply_suppressions(result.findings, rules, today))
