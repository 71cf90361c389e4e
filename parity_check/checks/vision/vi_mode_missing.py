"""No way to switch the mode for the visually impaired on, in a whole language version or on some pages."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ...models import Finding
from ..base import Check, CheckContext, register
from ._shared import KZ_STANDARD, lang_args
from ._texts import texts

MAX_RELATED = 20


@register
class ViModeMissing(Check):
    """Reads the VI records (`vi.state`): `absent` means neither the site's profile nor the widget search
    (the bvi button, or a control named for the mode in Kazakh, Russian or English) found a switch. When
    every page of a language lacks it, one finding for the language (often the mode exists in Russian and
    not in Kazakh or English); otherwise one finding per page without it. Pages whose mode carried over
    from an earlier page were not searched and do not count."""

    id = "vi-mode-missing"
    tags = ("kz:order-124", KZ_STANDARD)
    impact = "serious"
    scope = "language"
    sees = "site"
    requires = ()  # reads `vi` records; a run without the VI mode (--no-vi) has none and gets no finding
    why = ("State bodies' sites must offer a version for the visually impaired; a reader of the Kazakh or "
           "English version who cannot find it is left with text too small or too faint to read.")
    messages = {
        "language": {
            "en": "The {lang_en} version has no switch to the mode for the visually impaired on any of its "
                  "{n} pages{elsewhere_en}.",
            "ru": "В {lang_ru} версии нет переключателя на версию для слабовидящих ни на одной из {n} "
                  "страниц{elsewhere_ru}.",
            "kk": "{lang_kk} нұсқаның {n} бетінің бірде-бірінде көзі нашар көретіндерге арналған нұсқаға "
                  "ауыстырғыш жоқ{elsewhere_kk}.",
        },
        "page": {
            "en": "This page of the {lang_en} version has no switch to the mode for the visually impaired, "
                  "although other pages of the version have one.",
            "ru": "На этой странице {lang_ru} версии нет переключателя на версию для слабовидящих, хотя на "
                  "других страницах он есть.",
            "kk": "{lang_kk} нұсқаның бұл бетінде көзі нашар көретіндерге арналған нұсқаға ауыстырғыш жоқ, "
                  "ал басқа беттерінде бар.",
        },
    }

    messages = {**messages, **texts(id, why)}  # title, why and fix in the report's languages

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        by_lang: dict[str | None, list] = defaultdict(list)  # lang -> [(page, its VI state)], read once
        for page in ctx.pages:
            if page.mode != "vi":
                continue
            state = (page.get("vi") or {}).get("state")
            if state in ("active", "absent", "ineffective"):
                by_lang[page.lang].append((page, state))
        with_switch = sorted(lang for lang, pages in by_lang.items()
                             if lang and any(state != "absent" for _, state in pages))
        for lang, pages in sorted(by_lang.items(), key=lambda kv: kv[0] or ""):
            absent = sorted((p for p, state in pages if state == "absent"), key=lambda p: (p.depth, p.url))
            if not absent:
                continue
            if len(absent) == len(pages):
                yield self._language_finding(lang, absent, with_switch)
            else:
                for page in absent:
                    yield self.finding(page=page, key="page", scope="page", args=lang_args("lang", lang),
                                       evidence={"vi_state": "absent", "pages_with_switch": len(pages) - len(absent)})

    def _language_finding(self, lang, absent, with_switch) -> Finding:
        args = {"n": len(absent), **lang_args("lang", lang)}
        others = [o for o in with_switch if o != lang]
        if others:
            names = [lang_args("o", o)["o_en"] for o in others]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            args["elsewhere_en"] = f" (the {joined} version{'s have' if len(names) > 1 else ' has'} one)"
            args["elsewhere_ru"] = " (в версиях " + ", ".join(others) + " он есть)"
            args["elsewhere_kk"] = " (" + ", ".join(others) + " нұсқаларында бар)"
        else:
            args.update(elsewhere_en="", elsewhere_ru="", elsewhere_kk="")
        first = absent[0]
        return self.finding(page=first, key="language", args=args, related=[p.url for p in absent[1:MAX_RELATED + 1]],
                            evidence={"pages_without_switch": len(absent), "languages_with_switch": others})
