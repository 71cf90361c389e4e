"""report.sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF readers.

What GitHub code scanning needs and how it is met (see its "SARIF support for code scanning" docs):
- locations must be files it can place: it turns absolute URIs into paths relative to the checkout and
  rejects an upload whose URI scheme (https) differs from the checkout's (file). So a page becomes a
  relative `artifactLocation.uri` `<host>/<path>` with `uriBaseId` %SRCROOT%; the full URL, language and
  mode are in the message and in `properties`.
- `partialFingerprints` keep alerts matched across runs: our fingerprint (sha1 of check, URL, language,
  mode, scope, stable locator) as `primaryLocationLineHash`, so the upload action does not try to compute
  one from a source file that does not exist.
- `automationDetails.id` = `parity-check/<site or entity>/`, and `.../shard-I-of-N/` for a shard: uploads
  from a matrix of entities and shards get one category each and do not close each other's alerts; the
  merged shards of an entity share the unsharded run's category. Never a port: a site served on another
  port is the same site, and its alerts must stay matched.
- the grouped view, within GitHub's limits per run ("SARIF results exceed limit": 25,000 results accepted
  of which only the top 5,000 by severity are kept, 1,000 locations per result of which 100 are shown, 20
  tags per rule of which 10 are shown, 10 MB gzipped): a template finding (report/digest.py) is ONE result,
  its instance count, languages and a few example pages in the message and `properties`, the examples also
  as `relatedLocations`; a finding seen in both modes is one result. At most 5,000 results are written,
  the most severe first (a template finding before single findings of the same severity), the rest
  counted in `properties.resultsOmitted`; the first 10 tags of a rule are kept.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ..models import Finding
from . import Reporter
from .digest import TemplateFinding, check_class, impact_rank, site_label, template_findings
from .notes import active, note
from .text import check_title, how_to_fix, why

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/kz-parity-check/parity-check"
MAX_RESULTS = 5_000
MAX_TAGS = 10
RELATED_LOCATIONS = 10
LEVELS = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "note"}


def level_of(f: Finding) -> str:
    if f.outcome == "incomplete":
        return "note"
    return LEVELS.get(f.impact, "warning")


def artifact_uri(url: str, fallback: str) -> str:
    """A relative URI reference for a page: host (a port joined with "_", since "host:port/..." would
    read as a URI scheme) and the percent-encoded path. The query is left out: a "file" GitHub shows
    should not carry one, and the full URL is in the result's message and properties."""
    parts = urlsplit(url) if url else None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname:
        return quote(fallback.replace(":", "_"), safe="/")
    host = parts.hostname.lower() + (f"_{parts.port}" if parts.port else "")
    path = quote(parts.path or "/", safe="/%-._~!$&'()*+,;=@")
    return host + path


def _http(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://", url) else None


def _rule(f: Finding, index: int) -> dict[str, Any]:
    title = check_title(f, "en").value
    description = why(f, "en").value or title
    fix = how_to_fix(f, "en") if f.source != "axe" else None
    help_text = description + (f"\n\nHow to fix: {fix.value}" if fix else "")
    cls = check_class(f.check)
    rule: dict[str, Any] = {
        "id": f.check,
        "name": "".join(w.capitalize() for w in re.split(r"[^A-Za-z0-9]+", f.check) if w) or f.check,
        "shortDescription": {"text": title},
        "fullDescription": {"text": description},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS.get(getattr(cls, "impact", None) or f.impact, "warning")},
        "properties": {"tags": sorted(set(f.tags))[:MAX_TAGS], "source": f.source},
    }
    if _http(f.help_url):
        rule["helpUri"] = f.help_url
    return rule


def _location(url: str, fallback_uri: str, selector: str | None, index: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(url, fallback_uri), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1},
        },
    }
    if index is not None:
        location["id"] = index
    if selector:
        location["logicalLocations"] = [{"fullyQualifiedName": selector, "kind": "element"}]
    return location


def _modes(f: Finding) -> str:
    return "+".join(f.seen_in)


def _result(f: Finding, rule_index: int, fallback_uri: str) -> dict[str, Any]:
    where = ", ".join(x for x in (f.lang, _modes(f) or f.mode) if x)
    text = f"{f.message} - {f.url or fallback_uri}{f' ({where})' if where else ''}"
    if f.selector:
        text += f" at {f.selector}"
    props: dict[str, Any] = {"url": f.url, "lang": f.lang, "mode": f.mode, "modes": list(f.seen_in),
                             "scope": f.scope, "impact": f.impact, "outcome": f.outcome,
                             "fingerprint": f.fingerprint}
    if len(f.all_fingerprints) > 1:
        props["fingerprints"] = list(f.all_fingerprints)
    if f.outcome == "incomplete":
        props["needsReview"] = True
    expired = note(f, "suppression_expired")
    if expired:
        props["suppressionExpired"] = expired
    result: dict[str, Any] = {
        "ruleId": f.check, "ruleIndex": rule_index, "level": level_of(f), "message": {"text": text},
        "locations": [_location(f.url, fallback_uri, f.selector)],
        "partialFingerprints": {"primaryLocationLineHash": f.fingerprint},
        "properties": props,
    }
    state = note(f, "baseline")
    if state:
        result["baselineState"] = "new" if state == "new" else "unchanged"
    suppressed = note(f, "suppressed")
    if suppressed:
        justification = suppressed.get("reason") or ""
        if suppressed.get("expires"):
            justification += f" (until {suppressed['expires']})"
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return result


def entity_label(target: str) -> str:
    """The site or gov.kz entity a run is about, without a port: `akimvko.gov.kz`,
    `www.gov.kz/memleket/entities/edu`."""
    host, _, rest = site_label(target).partition("/")
    return host.rsplit(":", 1)[0] + (f"/{rest}" if rest else "")


def sarif_category(target: str, shard: tuple[int, int] = (1, 1)) -> str:
    """`parity-check/<entity>/`, with `shard-I-of-N/` for one shard of a sharded run. GitHub reads everything
    before the last "/" as the category, so it ends with "/"."""
    i, n = shard
    return f"parity-check/{entity_label(target)}/" + (f"shard-{i}-of-{n}/" if n > 1 else "")


def _template_result(tf: TemplateFinding, rule_index: int, fallback_uri: str) -> dict[str, Any]:
    """One result for a template finding: its first page as the location, a few more as related ones."""
    first = tf.findings[0]
    examples = tf.examples(RELATED_LOCATIONS)
    where = f"template {tf.template}" if tf.template else f"an element shared by {len(tf.templates)} page templates"
    langs = ", ".join(f"{code} {n}" for code, n in tf.languages.items())
    text = (f"{first.message} - on {tf.pages} pages of {where} ({tf.instances} findings; pages per language: "
            f"{langs}; modes: {'+'.join(tf.modes) or '-'}) at {tf.locator}. Examples: {', '.join(examples[:3])}")
    states = {note(f, "baseline") for f in tf.findings}
    result: dict[str, Any] = {
        "ruleId": tf.check, "ruleIndex": rule_index, "level": level_of(first), "message": {"text": text},
        "locations": [_location(first.url, fallback_uri, first.selector)],
        "relatedLocations": [_location(url, fallback_uri, None, i) for i, url in enumerate(examples, 1)],
        "partialFingerprints": {"primaryLocationLineHash": tf.id},
        "properties": {"template": tf.id, "kind": tf.kind, "templatePattern": tf.template, "locator": tf.locator,
                       "impact": tf.impact, "outcome": tf.outcome, "pages": tf.pages, "instances": tf.instances,
                       "languages": tf.languages, "modes": tf.modes, "examples": examples, "fingerprint": tf.id},
    }
    if first.outcome == "incomplete":
        result["properties"]["needsReview"] = True
    if states == {"new"}:
        result["baselineState"] = "new"
    elif states == {"persisting"}:
        result["baselineState"] = "unchanged"
    elif "new" in states:
        result["baselineState"] = "updated"  # the template's defect was known; it reached new pages
    return result


def build_sarif(result, findings: list[Finding], category: str | None = None) -> dict[str, Any]:
    label = site_label(result.target)
    category = category or sarif_category(result.target)
    if not category.endswith("/"):
        category += "/"
    templates = template_findings(active(findings))
    in_template = {id(f) for tf in templates for f in tf.findings}
    # (finding or template finding, its first finding, how many findings it stands for), in report order.
    entries = [(tf, tf.findings[0], len(tf.findings)) for tf in templates]
    entries += [(f, f, 1) for f in findings if id(f) not in in_template]
    ranked = sorted(range(len(entries)), key=lambda i: (-(entries[i][1].outcome == "violation"),
                                                       -impact_rank(entries[i][1].impact), -entries[i][2], i))
    kept = sorted(ranked[:MAX_RESULTS])
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for f in sorted((entries[i][1] for i in kept), key=lambda f: f.check):
        if f.check not in index:
            index[f.check] = len(rules)
            rules.append(_rule(f, index[f.check]))
    results = []
    for i in kept:
        entry, first, _ = entries[i]
        if isinstance(entry, TemplateFinding):
            results.append(_template_result(entry, index[first.check], label))
        else:
            results.append(_result(entry, index[first.check], label))
    notifications = [{"level": "error", "message": {"text": f"check {e.check} could not run: {e.error}"},
                      "descriptor": {"id": e.check}} for e in result.check_errors]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "parity-check", "version": str(result.tool.get("version", "")),
            "semanticVersion": str(result.tool.get("version", "")), "informationUri": INFORMATION_URI,
            "rules": rules,
            "properties": {"axeVersion": result.tool.get("axe_version"), "browser": result.tool.get("browser")},
        }},
        "automationDetails": {"id": category},
        "invocations": [{"executionSuccessful": True, "startTimeUtc": result.started_at,
                         "endTimeUtc": result.captured_at, "toolExecutionNotifications": notifications}],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"target": result.target, "languages": list(result.languages),
                       "coverage": result.coverage, "resultsOmitted": len(entries) - len(kept),
                       "findingsOmitted": sum(entries[i][2] for i in ranked[MAX_RESULTS:])},
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifReporter(Reporter):
    format = "sarif"
    filename = "report.sarif"

    def finish(self) -> Path:
        data = build_sarif(self.result, self.findings, self.options.get("sarif_category"))
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return self.path
