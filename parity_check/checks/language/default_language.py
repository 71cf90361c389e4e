"""The site's root opens in a language other than Kazakh."""
from __future__ import annotations

from typing import Iterable

from ...models import Finding
from ...urls import code_to_lang
from ..base import Check, CheckContext, register
from .common import name_args


@register
class DefaultLanguage(Check):
    """Opening the site's address, with a browser that prefers Kazakh, should show the Kazakh version.
    The study found edu.gov.kz opening in Russian. The language is taken from where the root leads (its
    URL's language part), else from the `lang` it declares."""

    id = "default-language"
    tags = ("kz:constitution-art7", "kz:order-124")
    impact = "moderate"
    scope = "site"
    sees = "site"
    requires = ()
    why = "Kazakh is the state language: a state body's site should open in Kazakh."
    messages = {"default": {
        "en": "The site's root {url} opens in {opened_name} ({final_url}), although the browser asked for Kazakh.",
        "ru": "Корневой адрес сайта {url} открывается на языке «{opened_ru}» ({final_url}), хотя браузер запрашивал казахский.",
        "kk": "Сайттың басты мекенжайы {url} қазақ тілін сұраған браузерде басқа тілде ашылады: {opened_kk} ({final_url}).",
    }}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        root = ctx.run.get("root") or {}
        if "kk" not in ctx.languages or root.get("error") or not root.get("final_url"):
            return
        opened = root.get("url_lang") or code_to_lang(root.get("declared_lang"))
        if opened in (None, "kk"):
            return
        yield self.finding(url=root["url"], lang=None, mode="normal", selector=None,
                           args={**name_args(opened=opened), "url": root["url"], "final_url": root["final_url"]},
                           related=[root["final_url"]], evidence={"root": root})
