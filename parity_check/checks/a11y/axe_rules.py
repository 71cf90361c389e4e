"""axe-core's own rules, turned into findings: one finding per failing element, in the mode it failed in."""
from __future__ import annotations

import re
from typing import Iterable

from ...models import Finding, stable_locator
from ..base import Check, CheckContext, register
from ..vision._shared import crop_of, with_screenshot

# Each WCAG success criterion axe tags (wcag143 -> 1.4.3) applies under Kazakhstan's national
# accessibility standard ST RK 2191, which Order 124-НҚ makes binding on state bodies' sites.
KZ_STANDARD_TAG = "kz:st-rk-2191"


def _selector(target) -> str:
    # A node inside an iframe or a shadow root has a list of selectors, outermost first.
    parts = [" ".join(t) if isinstance(t, list) else str(t) for t in (target or [])]
    return " >>> ".join(parts)


def _html_key(html: str) -> str:
    return re.sub(r"\s+", " ", html or "")[:160]


@register
class AxeRules(Check):
    """Runs no logic of its own: reports what axe-core found in each page and mode, element by element."""

    id = "axe"
    requires = ("axe",)
    why = "axe-core found an element that fails a WCAG 2.2 A/AA rule (AAA contrast in the VI mode)."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for page in ctx.audited():
            axe = page.get("axe")
            if not axe:
                continue
            for outcome, results in (("violation", axe.get("violations", [])),
                                     ("incomplete", axe.get("incomplete", []))):
                for rule in results:
                    for node in rule.get("nodes", []):
                        yield self._node_finding(page, rule, node, outcome)

    def _node_finding(self, page, rule: dict, node: dict, outcome: str) -> Finding:
        selector = _selector(node.get("target"))
        tags = tuple(rule.get("tags", []))
        if any(t.startswith("wcag") for t in tags):
            tags += (KZ_STANDARD_TAG,)
        summary = (node.get("failureSummary") or "").strip()
        return Finding(
            check=rule["id"], source="axe", outcome=outcome,
            impact=node.get("impact") or rule.get("impact") or "moderate",
            url=page.url, lang=page.lang, mode=page.mode, scope="page", selector=selector,
            message=rule.get("help", rule["id"]), why=rule.get("description", ""), help_url=rule.get("helpUrl"),
            tags=tags,
            evidence=with_screenshot({"html": node.get("html", ""), "summary": summary, "data": node.get("data")},
                                     crop_of(page, selector)),
            message_key=f"axe.{rule['id']}", message_args={},
            locator=stable_locator(selector, _html_key(node.get("html", ""))),
        )
