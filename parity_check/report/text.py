"""The words of a finding in the reader's language: its message, why it matters, how to fix it, and a
title for its check.

Every function returns a `Text(value, lang)`: `lang` is the language the words are really in, so the HTML
report can mark an English fallback inside a Kazakh page with lang="en" (screen readers then pronounce it
correctly) and say that a translation is missing.

Where the words come from:
- our checks: the class's `messages` {key: {en, ru, kk}} (a finding's `message_key` is "<check>.<key>");
  optional keys "title", "why" and "fix" in the same dict translate the check's title, why and fix;
- axe-core rules: axe-core's own locale file (Russian) or our Kazakh file (i18n/axe_rules.kk.json);
- otherwise the English text the finding carries.
"""
from __future__ import annotations

from typing import NamedTuple

from ..i18n import axe_rule_text, fill
from ..models import Finding
from .digest import check_class


class Text(NamedTuple):
    value: str
    lang: str


def _message_entry(check_id: str, key: str) -> dict | None:
    cls = check_class(check_id)
    messages = getattr(cls, "messages", None) or {}
    entry = messages.get(key)
    return entry if isinstance(entry, dict) else None


def finding_message(f: Finding, lang: str) -> Text:
    if f.source == "axe":
        rule = axe_rule_text(f.check, lang)
        return Text(rule["help"], lang) if rule else Text(f.message, "en")
    if lang != "en" and f.message_key and "." in f.message_key:
        check_id, _, key = f.message_key.partition(".")
        entry = _message_entry(check_id, key)
        if entry and entry.get(lang):
            return Text(fill(entry[lang], f.message_args), lang)
    return Text(f.message, "en")


def check_title(f: Finding, lang: str) -> Text:
    """A heading for a check's group of findings."""
    if f.source == "axe":
        rule = axe_rule_text(f.check, lang)
        return Text(rule["help"], lang) if rule else Text(f.message, "en")
    entry = _message_entry(f.check, "title")
    if entry and entry.get(lang):
        return Text(entry[lang], lang)
    if entry and entry.get("en"):
        return Text(entry["en"], "en")
    return Text(f.check, "en")  # a check id is a name, readable enough in any language


def why(f: Finding, lang: str) -> Text:
    if f.source == "axe":
        rule = axe_rule_text(f.check, lang)
        return Text(rule["description"], lang) if rule and rule.get("description") else Text(f.why, "en")
    entry = _message_entry(f.check, "why")
    if entry and entry.get(lang):
        return Text(entry[lang], lang)
    cls = check_class(f.check)
    return Text(f.why or getattr(cls, "why", "") or "", "en")


def how_to_fix(f: Finding, lang: str) -> Text | None:
    """The check's fix text, or axe-core's failure summary for this element (English: axe-core wrote it
    in the page's run), or None (the report then points to the rule's help link)."""
    entry = _message_entry(f.check, "fix") if f.source != "axe" else None
    if entry and entry.get(lang):
        return Text(entry[lang], lang)
    if entry and entry.get("en"):
        return Text(entry["en"], "en")
    cls = check_class(f.check) if f.source != "axe" else None
    fix = getattr(cls, "fix", None)
    if isinstance(fix, dict) and (fix.get(lang) or fix.get("en")):
        return Text(fix[lang], lang) if fix.get(lang) else Text(fix["en"], "en")
    if isinstance(fix, str) and fix:
        return Text(fix, "en")
    summary = (f.evidence or {}).get("summary") if isinstance(f.evidence, dict) else None
    if isinstance(summary, str) and summary.strip():
        return Text(summary.strip(), "en")
    return None


def axe_untranslated(findings, lang: str) -> bool:
    """Whether some axe-core rule in these findings has no text in `lang`."""
    return lang != "en" and any(f.source == "axe" and axe_rule_text(f.check, lang) is None for f in findings)
