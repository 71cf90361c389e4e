"""summary.md: a short Markdown summary for a CI job summary ($GITHUB_STEP_SUMMARY) or a pull request.

GitHub refuses a job summary over 1 MiB, so the file never exceeds `markdown_max_bytes` (default a little
under 1 MiB) whatever the size of the run: the head (score, counts, what to fix first, the table by check) is
always written, then findings row by row until the budget is spent, then a note pointing to the full report.
It shows the grouped view: a template finding is one row however many pages it covers (report.json keeps
every instance), and a finding seen in both modes is one row that names both.

Everything a site controls is escaped: Markdown punctuation gets a backslash, and < > & become entities, so
a page's text cannot open a link, a script tag or a table cell. Escaping alone does not stop GitHub's
autolinks (a bare `https://…`, `www.…`, an e-mail address) or @mentions, which are found in the text after
the escapes are undone: md() breaks their triggers with a zero-width space (the text reads the same), and
page URLs are shown as code spans (`md_url`), which are never linked and copy as they are.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..i18n import DEFAULT_LANG, translator
from ..models import IMPACT_ORDER
from . import Reporter
from .digest import defect_count, fix_first, site_score, template_findings
from .notes import active, is_suppressed, note
from .text import check_title, finding_message

GITHUB_SUMMARY_LIMIT = 1024 * 1024
DEFAULT_MAX_BYTES = GITHUB_SUMMARY_LIMIT - 16 * 1024  # room for whatever the workflow appends
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


_ZWSP = "&#8203;"  # a zero-width space, written as an entity so the file shows where it is
# what GitHub turns into a link or a mention: scheme separators, www., @ (e-mail autolinks and mentions)
_AUTOLINK = re.compile(r"(?i)(:)(?=//)|(?<![\w.])(www)(?=\.)|(@)")


def md(text) -> str:
    """Escapes a value for a Markdown table cell or paragraph; no link, mention or markup survives."""
    s = "" if text is None else str(text)
    s = re.sub(r"\s+", " ", s).strip()
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _AUTOLINK.sub(lambda m: (m[1] or m[2] or "&#64;") + _ZWSP, s)


_NOT_IN_URLS = re.compile(r'[\x00-\x20\x7f<>"`{}|\\^]')


def md_url(url) -> str:
    """A page URL as an inline code span: shown and copied as it is, never linked. Characters a URL may not
    carry raw (space, < > " ` { } | \\ ^, controls) are percent-encoded as a browser would, so no fence or
    table cell can be broken and no markup appears."""
    s = "" if url is None else str(url).strip()
    if not s:
        return ""
    return "`" + _NOT_IN_URLS.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode("utf-8")), s) + "`"


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _modes(f, t) -> str:
    if len(f.seen_in) > 1:
        return t("modes_both")
    if f.vi_only:
        return t("mode_vi_only")
    return t("mode_" + f.mode) if f.mode in ("normal", "vi") else f.mode or ""


def build_markdown(result, findings, lang: str = DEFAULT_LANG, max_bytes: int = DEFAULT_MAX_BYTES,
                   full_report: str = "report.html") -> str:
    t = translator(lang)
    score = site_score(result)
    counted = active(findings)
    violations = [f for f in counted if f.outcome == "violation"]
    review = [f for f in counted if f.outcome == "incomplete"]
    templates = template_findings(counted)
    failing = [x for x in templates if x.outcome == "violation"]
    in_template = {id(f) for x in templates for f in x.findings}
    by_impact = {i: sum(1 for f in violations if f.impact == i) for i in reversed(IMPACT_ORDER)}
    cov = result.coverage
    head = [f"# parity-check: {md_url(result.target)}", ""]
    head.append(f"**{md(t('score_heading'))}: {md(t('score_value', score=score.value))}** · "
                f"{md(t('violations'))}: {len(violations)} ("
                + ", ".join(f"{md(t('impact_' + i))} {n}" for i, n in by_impact.items()) + ") · "
                f"{md(t('needs_review'))}: {len(review)} · "
                f"{md(t('suppressed_heading'))}: {sum(1 for f in findings if is_suppressed(f))}")
    head += ["", md(t("summary_text", defects=defect_count(violations, failing), templates=len(failing),
                      pages=len({(f.url, f.lang) for f in violations}), findings=len(violations),
                      instances=sum(len(f.seen_in) or 1 for f in violations), review=len(review)))]
    head.append("")
    head.append(md(t("coverage_text", found=cov.get("pages_found", 0), audited=cov.get("pages_audited", 0),
                     failed=cov.get("pages_failed", 0), skipped=cov.get("pages_skipped", 0))))
    if cov.get("pages_not_found"):
        head[-1] += " " + md(t("coverage_not_found", n=cov["pages_not_found"]))
    if cov.get("truncated"):
        head += ["", f"> **{md(t('truncated', n=cov.get('pages_over_limit', 0)))}**"]
    baseline = getattr(result, "baseline", None)
    if baseline:
        head += ["", md(t("baseline_text", new=baseline.get("new", 0), persisting=baseline.get("persisting", 0),
                          fixed=len(baseline.get("fixed", []))))]
    head += ["", f"<sub>{md(t('score_formula'))}</sub>", ""]

    fixes = fix_first(result, templates=failing)
    head += [f"## {md(t('fix_first'))}", ""]
    if fixes:
        for i, item in enumerate(fixes, 1):
            title = check_title(item.findings[0], lang).value
            marker = f" ({md(t('template_marker'))})" if item.template else ""
            head.append(f"{i}. **{md(item.check)}**: {md(title)}{marker}, "
                        f"{md(t('fix_first_item', impact=t('impact_' + item.impact), defects=item.defects, pages=item.pages))}")
    else:
        head.append(md(t("nothing_to_fix")))
    head.append("")

    if templates:
        head += [f"## {md(t('template_heading'))}", "",
                 f"| {md(t('impact'))} | {md(t('check'))} | {md(t('template_col'))} | {md(t('element'))} | "
                 f"{md(t('languages_pages'))} | {md(t('examples'))} |", "|---|---|---|---|---|---|"]
        for x in templates:
            flag = f" ({md(t('needs_review'))})" if x.outcome == "incomplete" else ""
            pattern = x.template or t("template_layout", n=len(x.templates))
            langs = ", ".join(f"{code} {n}" for code, n in x.languages.items())
            head.append(f"| {md(t('impact_' + x.impact))}{flag} | {md(x.check)} | {md(pattern)} | {md(x.locator)} | "
                        f"{md(langs)} | {md(' '.join(x.examples(2)))} |")
        head.append("")

    per_check: dict[str, list] = defaultdict(list)
    for f in counted:
        per_check[f.check].append(f)
    head += [f"## {md(t('by_check'))}", "",
             f"| {md(t('check'))} | {md(t('impact'))} | {md(t('violations'))} | {md(t('needs_review'))} | "
             f"{md(t('pages_heading'))} |", "|---|---|---:|---:|---:|"]
    for check, fs in sorted(per_check.items(), key=lambda kv: (-max(IMPACT_ORDER.index(f.impact) for f in kv[1]), kv[0])):
        worst = max((f.impact for f in fs), key=IMPACT_ORDER.index)
        marker = f" ({md(t('template_marker'))})" if any(x.check == check for x in templates) else ""
        head.append(f"| {md(check)}{marker} | {md(t('impact_' + worst))} | "
                    f"{sum(1 for f in fs if f.outcome == 'violation')} | "
                    f"{sum(1 for f in fs if f.outcome == 'incomplete')} | {len({f.url for f in fs})} |")
    if result.check_errors:
        head += ["", f"**{md(t('check_errors'))}:** " + "; ".join(f"{md(e.check)}: {md(e.error)}"
                                                                 for e in result.check_errors)]
    head.append("")

    rows_head = [f"## {md(t('by_page'))}", "",
                 f"| {md(t('impact'))} | {md(t('check'))} | {md(t('page'))} | {md(t('language'))} | "
                 f"{md(t('mode'))} | {md(t('element'))} | {md(t('message'))} |",
                 "|---|---|---|---|---|---|---|"]
    # A template finding's instances are its row above; here the findings of no template.
    ordered = sorted((f for f in counted if id(f) not in in_template),
                     key=lambda f: (-IMPACT_ORDER.index(f.impact), f.outcome != "violation", f.sort_key()))
    body = "\n".join(head) + "\n"
    omitted_note = lambda n: f"\n_{md(t('md_truncated', n=n, file=full_report))}_\n"  # noqa: E731
    reserve = _size(omitted_note(len(ordered))) + 64
    if _size(body) + reserve > max_bytes:
        # Even the head is too big (thousands of checks): cut it at a line boundary.
        cut = body.encode("utf-8")[: max(0, max_bytes - reserve)].decode("utf-8", "ignore")
        return cut[: cut.rfind("\n") + 1] + omitted_note(len(ordered))
    body += "\n".join(rows_head) + "\n"
    parts, used, written = [body], _size(body), 0  # sizes kept as a running sum: the run may be huge
    for f in ordered:
        state = note(f, "baseline")
        flag = f" ({md(t('needs_review'))})" if f.outcome == "incomplete" else ""
        flag += f" ({md(t('baseline_' + state))})" if state else ""
        row = (f"| {md(t('impact_' + f.impact))}{flag} | {md(f.check)} | {md_url(f.url)} | {md(f.lang or '')} | "
               f"{md(_modes(f, t))} | {md(f.selector or '')} | "
               f"{md(finding_message(f, lang).value)} |\n")
        size = _size(row)
        if used + size + reserve > max_bytes:
            break
        parts.append(row)
        used += size
        written += 1
    if written < len(ordered):
        parts.append(omitted_note(len(ordered) - written))
    body = "".join(parts)
    return body


class MarkdownReporter(Reporter):
    format = "markdown"
    filename = "summary.md"

    def finish(self) -> Path:
        text = build_markdown(self.result, self.findings, self.options.get("report_lang") or DEFAULT_LANG,
                              int(self.options.get("markdown_max_bytes") or DEFAULT_MAX_BYTES),
                              self.options.get("full_report") or "report.html")
        self.path.write_text(text, encoding="utf-8")
        return self.path
