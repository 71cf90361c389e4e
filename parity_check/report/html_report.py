"""report.html: a first readable page for a person. Self-contained, escaped, no scripts."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from . import Reporter

_env = Environment(loader=PackageLoader("parity_check.report", "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


class HtmlReporter(Reporter):
    format = "html"
    filename = "report.html"

    def finish(self) -> Path:
        by_check = defaultdict(list)
        for f in self.findings:
            by_check[f.check].append(f)
        groups = sorted(by_check.items(), key=lambda kv: (-max(_rank(f.impact) for f in kv[1]), kv[0]))
        html = _env.get_template("report.html").render(
            r=self.result, summary=self.result.summary(), groups=groups,
            pages=sorted(self.result.pages, key=lambda p: (p.url, p.lang or "", p.mode)))
        self.path.write_text(html, encoding="utf-8")
        return self.path


def _rank(impact: str) -> int:
    return ["minor", "moderate", "serious", "critical"].index(impact)
