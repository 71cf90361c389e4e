"""The switch to the mode for the visually impaired cannot be reached or used with the keyboard, or has no
accessible name."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import KZ_STANDARD, lang_args
from ._texts import texts


@register
class ViModeKeyboard(Check):
    """Reads the keyboard probe (site artifact `vi_keyboard`: Tab pressed up to 150 times from the top of a
    fresh page, then Enter, then Space; the name from Chromium's accessibility tree). A switch focus goes
    all round the page without meeting, or that neither Enter nor Space switches on while a click does, or
    whose accessible name is empty, is a finding for its language; when the presses run out first, a
    focusable switch is left for review (incomplete). Where the probe did not run, the crawl's description of the
    switch decides: not natively focusable and no tabindex means the keyboard cannot reach it."""

    id = "vi-mode-keyboard"
    tags = ("wcag211", "wcag412", KZ_STANDARD)
    impact = "serious"
    scope = "language"
    sees = "site"
    requires = ()  # reads `vi` records; a run without the VI mode (--no-vi) has none and gets no finding
    why = ("Many people with low vision use the keyboard rather than a mouse they cannot aim; a switch to "
           "the VI mode that only a mouse can use, or that a screen reader announces without a name, keeps "
           "out exactly the readers it is for.")
    messages = {
        "unreachable": {
            "en": "In the {lang_en} version the switch to the mode for the visually impaired (\"{label}\", "
                  "<{tag}>) cannot be reached with the Tab key.",
            "ru": "В {lang_ru} версии до переключателя на версию для слабовидящих («{label}», <{tag}>) нельзя "
                  "добраться клавишей Tab.",
            "kk": "{lang_kk} нұсқада көзі нашар көретіндерге арналған нұсқаға ауыстырғышқа («{label}», <{tag}>) "
                  "Tab пернесімен жету мүмкін емес.",
        },
        "inoperable": {
            "en": "In the {lang_en} version the switch to the mode for the visually impaired (\"{label}\") "
                  "takes keyboard focus but neither Enter nor Space switches the mode on.",
            "ru": "В {lang_ru} версии переключатель на версию для слабовидящих («{label}») получает фокус, "
                  "но ни Enter, ни пробел не включают режим.",
            "kk": "{lang_kk} нұсқада көзі нашар көретіндерге арналған нұсқаға ауыстырғыш («{label}») фокус "
                  "алады, бірақ Enter де, бос орын пернесі де режимді қоспайды.",
        },
        "no_name": {
            "en": "In the {lang_en} version the switch to the mode for the visually impaired (<{tag}>) has no "
                  "accessible name: a screen reader announces nothing that says what it does.",
            "ru": "В {lang_ru} версии у переключателя на версию для слабовидящих (<{tag}>) нет доступного "
                  "имени: программа экранного доступа не сообщит, что он делает.",
            "kk": "{lang_kk} нұсқада көзі нашар көретіндерге арналған нұсқаға ауыстырғыштың (<{tag}>) "
                  "қолжетімді атауы жоқ: экраннан оқу бағдарламасы оның не істейтінін айтпайды.",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        probes = {p.get("lang"): p for p in (ctx.site.get("vi_keyboard") or {}).get("probes", [])
                  if p.get("found") and not p.get("error")}
        clicked_on = {p.lang for p in ctx.pages if p.mode == "vi" and (p.get("vi") or {}).get("state") == "active"}
        for lang in sorted(probes, key=lambda x: x or ""):
            yield from self._from_probe(probes[lang], lang in clicked_on)
        yield from self._from_crawl(ctx, set(probes))

    def _from_probe(self, probe: dict, works_by_click: bool) -> Iterable[Finding]:
        lang = probe.get("lang")
        args = {"label": (probe.get("text") or probe.get("accessible_name") or "")[:60],
                "tag": probe.get("tag") or "?", **lang_args("lang", lang)}
        evidence = {k: probe.get(k) for k in ("how", "tag", "role", "accessible_name", "ax_role", "ax_ignored",
                                              "focusable", "reached", "tab_order", "presses", "activated_by")}
        if probe.get("reached") is False:
            yield self.finding(url=probe["url"], lang=lang, mode="vi", key="unreachable", args=args,
                               evidence=evidence, content_key="unreachable")
        elif probe.get("reached") is None and "reached" in probe:
            # the presses ran out in a very long tab order: a switch nothing makes focusable is still
            # unreachable; a focusable one needs a person to try
            yield self.finding(url=probe["url"], lang=lang, mode="vi", key="unreachable", args=args,
                               evidence=evidence, content_key="unreachable",
                               outcome="violation" if probe.get("focusable") is False else "incomplete")
        elif probe.get("activated_by") is None and works_by_click:
            yield self.finding(url=probe["url"], lang=lang, mode="vi", key="inoperable", args=args,
                               evidence=evidence, content_key="inoperable")
        if not (probe.get("accessible_name") or "").strip() or probe.get("ax_ignored"):
            yield self.finding(url=probe["url"], lang=lang, mode="vi", key="no_name", args=args,
                               evidence=evidence, content_key="no_name")

    def _from_crawl(self, ctx: CheckContext, probed: set) -> Iterable[Finding]:
        """Languages the probe did not cover: judge by the switch the crawl found and described."""
        first: dict = {}
        for page in sorted(ctx.pages, key=lambda p: (p.depth, p.url)):
            if page.mode != "vi" or page.lang in probed or page.lang in first:
                continue
            switch = (page.get("vi") or {}).get("switch")
            if switch:
                first[page.lang] = (page, switch)
        for lang, (page, switch) in sorted(first.items(), key=lambda kv: kv[0] or ""):
            args = {"label": (switch.get("text") or switch.get("accessible_name") or "")[:60],
                    "tag": switch.get("tag") or "?", **lang_args("lang", lang)}
            evidence = {"switch": switch, "source": "crawl"}
            if switch.get("focusable") is False:
                yield self.finding(page=page, key="unreachable", args=args, evidence=evidence,
                                   content_key="unreachable")
            if not (switch.get("accessible_name") or "").strip():
                yield self.finding(page=page, key="no_name", args=args, evidence=evidence, content_key="no_name")
