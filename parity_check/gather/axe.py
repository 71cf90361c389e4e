"""axe-core: where its script comes from and how a page is audited with it.

The script is the one bundled by `axe-playwright-python` (maintained, recent axe-core). It is injected with
`add_init_script` on every browser context, so it is present in every frame (axe's own frame messaging then
audits iframes) and is not blocked by a page's Content-Security-Policy, which `add_script_tag` would be.
"""
from __future__ import annotations

import functools
import os

# WCAG 2.2 A and AA. The AAA contrast rule is added only where the VI mode is really on: a mode for
# low-vision readers promises more contrast than the ordinary page.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
VI_EXTRA_RULES = ["color-contrast-enhanced"]

RUN_AXE = """
async (opts) => {
  if (typeof axe === "undefined") return { error: "axe-core is not present in the page" };
  const ids = axe.getRules(opts.tags).map((r) => r.ruleId).concat(opts.extraRules);
  const rules = {};
  for (const id of opts.extraRules) rules[id] = { enabled: true };
  const result = await axe.run(document, {
    runOnly: { type: "rule", values: ids }, rules, resultTypes: ["violations", "incomplete"],
    iframes: true, elementRef: false,
  });
  const slim = (list) => list.map((r) => ({
    id: r.id, impact: r.impact, tags: r.tags, help: r.help, description: r.description, helpUrl: r.helpUrl,
    nodes: r.nodes.map((n) => ({
      target: n.target, html: (n.html || "").slice(0, 500), impact: n.impact,
      failureSummary: n.failureSummary || null,
      data: ((n.any || []).concat(n.all || [], n.none || [])).map((c) => c.data).filter((d) => d && typeof d === "object").slice(0, 1)[0] || null,
    })),
  }));
  return { version: axe.version, rules_run: ids.length, violations: slim(result.violations),
           incomplete: slim(result.incomplete), passes_count: result.passes.length };
}
"""


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    import axe_playwright_python

    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    with open(path, encoding="utf-8") as fh:
        return fh.read()


async def run_axe(page, vi_active: bool) -> dict:
    extra = VI_EXTRA_RULES if vi_active else []
    return await page.evaluate(RUN_AXE, {"tags": WCAG_TAGS, "extraRules": extra})


def axe_version() -> str:
    import re

    m = re.search(r"axe v(\d+\.\d+\.\d+)", axe_source()[:300])
    return m.group(1) if m else "unknown"
