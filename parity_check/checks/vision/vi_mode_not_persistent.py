"""The mode for the visually impaired is lost when the reader follows a link or changes language."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import KZ_STANDARD, lang_args
from ._texts import texts


@register
class ViModeNotPersistent(Check):
    """Two sources. The persistence probe (site artifact `vi_persistence`): the mode switched on in a tab of
    its own, then a link followed to another page of the same language and the language changed, each time
    measuring whether the mode is still on; a step taken by opening the URL because the page had no link to
    it is reported as needing review (a mode kept in the URL is lost that way). And the crawl's VI records
    when they carry times (`vi.load_started`, `vi.active_since`): a page that had to be switched on again
    although it was loaded after another page of its language had the mode on (not for modes that live at
    their own address, which only following their own links keeps). A language change into a
    version that has no mode at all is left to vi-mode-missing."""

    id = "vi-mode-not-persistent"
    tags = ("kz:order-124", KZ_STANDARD)
    impact = "serious"
    scope = "language"
    sees = "site"
    requires = ()  # reads `vi` records; a run without the VI mode (--no-vi) has none and gets no finding
    why = ("A reader who needed the VI mode to find the switch cannot find it again on the next page: a mode "
           "that switches itself off on every link or language change is unusable.")
    messages = {
        "link": {
            "en": "In the {lang_en} version the mode for the visually impaired switches off when a link is "
                  "followed (to {to}).",
            "ru": "В {lang_ru} версии версия для слабовидящих выключается при переходе по ссылке (на {to}).",
            "kk": "{lang_kk} нұсқада сілтеме бойынша өткенде ({to}) көзі нашар көретіндерге арналған нұсқа "
                  "өшіп қалады.",
        },
        "language": {
            "en": "The mode for the visually impaired switched on in the {lang_en} version is lost when the "
                  "language is changed to {target_en} ({to}).",
            "ru": "Версия для слабовидящих, включённая в {lang_ru} версии, теряется при смене языка на "
                  "{target_ru} ({to}).",
            "kk": "{lang_kk} нұсқада қосылған көзі нашар көретіндерге арналған нұсқа тілді {target_kk} "
                  "ауыстырғанда жоғалады ({to}).",
        },
        "crawl": {
            "en": "This page of the {lang_en} version came up without the mode for the visually impaired, "
                  "although it was opened after the mode had been switched on ({since}).",
            "ru": "Эта страница {lang_ru} версии открылась без версии для слабовидящих, хотя режим уже был "
                  "включён ({since}).",
            "kk": "{lang_kk} нұсқаның бұл беті көзі нашар көретіндерге арналған нұсқасыз ашылды, дегенмен "
                  "режим бұған дейін қосылған еді ({since}).",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        no_mode = _languages_without_mode(ctx)
        for probe in (ctx.site.get("vi_persistence") or {}).get("probes", []):
            if probe.get("error") or not probe.get("switched"):
                continue
            lang = probe.get("lang")
            link = probe.get("link")
            if link and link.get("on") is False:
                yield self._step(probe["url"], lang, "link", link, {"to": link["to"]})
            for step in probe.get("languages", []):
                if step.get("on") is False and step.get("lang") not in no_mode:
                    yield self._step(probe["url"], lang, "language", step,
                                     {"to": step["to"], **_target(step["lang"])})
        yield from self._from_crawl(ctx)

    def _step(self, url, lang, key, step: dict, args: dict) -> Finding:
        return self.finding(url=url, lang=lang, mode="vi", key=key, args={**args, **lang_args("lang", lang)},
                            outcome="violation" if step.get("how") == "click" else "incomplete",
                            related=[step["to"]], evidence={"step": step}, content_key=f"{key}:{step.get('lang', '')}")

    def _from_crawl(self, ctx: CheckContext) -> Iterable[Finding]:
        # (lang, crawl) -> [(page, its vi artifact)], each record read once. The stamps order the visits of
        # one browser: merged shards (report/merge.py stamps `vi.crawl`) are compared each within its own.
        by_lang: dict = defaultdict(list)
        for page in ctx.pages:
            if page.mode != "vi":
                continue
            vi = page.get("vi") or {}
            if vi.get("load_started") is not None and vi.get("state") in ("active", "ineffective"):
                by_lang[(page.lang, vi.get("crawl"))].append((page, vi))
        for (lang, _crawl), pages in by_lang.items():
            if any(_mode_by_url(vi) for _, vi in pages):
                continue  # a mode reached through a URL is kept by following its own links: the probe's case
            on_since = sorted(vi["active_since"] for _, vi in pages
                              if vi.get("state") == "active" and vi.get("active_since") is not None)
            if not on_since:
                continue
            for page, vi in pages:
                if vi.get("method") != "persisted" and vi["load_started"] > on_since[0]:
                    yield self.finding(page=page, key="crawl", scope="page",
                                       args={"since": f"{vi['load_started'] - on_since[0]:.1f} s", **lang_args("lang", lang)},
                                       evidence={"method": vi.get("method"), "load_started": vi["load_started"],
                                                 "mode_on_since": on_since[0]})


def _mode_by_url(vi: dict) -> bool:
    """The mode is another address (a profile's `open`, a switch that is a link to a page): each visit of
    a normal URL has to switch again, which says nothing about persistence."""
    method = vi.get("method") or ""
    href = ((vi.get("switch") or {}).get("href") or "").strip()
    return " open " in f" {method} " or bool(href) and not href.startswith(("#", "javascript:"))


_TARGET = {"kk": ("Kazakh", "казахский", "қазақ тіліне"), "ru": ("Russian", "русский", "орыс тіліне"),
           "en": ("English", "английский", "ағылшын тіліне")}


def _target(code: str | None) -> dict[str, str]:
    en, ru, kk = _TARGET.get(code or "", (code, code, code))
    return {"target": code or "?", "target_en": en, "target_ru": ru, "target_kk": kk}


def _languages_without_mode(ctx: CheckContext) -> set:
    states: dict = defaultdict(set)
    for page in ctx.pages:
        if page.mode == "vi":
            states[page.lang].add((page.get("vi") or {}).get("state"))
    return {lang for lang, s in states.items() if s and s <= {"absent", None}}
