"""A small ministry site in kk/ru/en whose mode for the visually impaired (the bvi-lite widget, like bvi on
real sites) has planted defects, and clean templates where no vision check may report anything.
Served by parity_check.sites.server.SiteServer.

Templates: home `/{l}/`, news `/{l}/news` (clean), services `/{l}/services`, about `/{l}/about`.
Planted (PLANTED below says where):
  vi-mode-missing      en pages have no switch at all (no widget, no named control)
  vi-mode-keyboard     kk's switch is a clickable <div class="bvi-open">: no tabindex, no role, so no keyboard
                       access and no accessible name (ru's is a proper link: the clean case)
  vi-mode-ineffective  services: the list text forces its size with an id selector and !important, so the
                       mode does not enlarge it (the page's body text stays 15 px);
                       about: a "new" badge marked bvi-no-styles keeps its dark text while the mode paints the
                       background black: its contrast fails only in the VI mode
Clean on purpose: home and news in every language (lines of at most ~70 characters, line height 1.5, no fixed
heights, wrapping navigation, 16 px text), the ru switch, the mode kept across links and languages (cookies).

VisionSite(forgets_mode=True) plants vi-mode-not-persistent as well: every page deletes bvi's cookies before
the widget reads them, so the mode is lost on every link and language change.
"""
from __future__ import annotations

from html import escape

from parity_check.sites.server import Response, html_response, not_found, redirect, shared_asset

CODES = {"kz": "kk", "ru": "ru", "en": "en"}
TEMPLATES = ("", "news", "services", "about")

T = {
    "kk": {
        "site": "Қазақстан Республикасы Цифрлық даму министрлігі", "home": "Басты бет", "news": "Жаңалықтар",
        "services": "Мемлекеттік қызметтер", "about": "Министрлік туралы",
        "vi": "Көзі нашар көретіндерге арналған нұсқа", "skip": "Негізгі мазмұнға өту",
        "intro": "Министрлік цифрлық үкімет пен байланыс саласындағы мемлекеттік саясатты әзірлейді.",
        "body": "Азаматтар қызметтерді онлайн алады. Өтініштер бес жұмыс күні ішінде қаралады.",
        "items": ["Жеке куәлік алу", "Тұрғылықты жері бойынша тіркеу", "Мекенжай анықтамасы",
                  "Электрондық цифрлық қолтаңба"],
        "news_items": ["Жаңа портал іске қосылды", "Байланыс желісі кеңейтілді", "Цифрлық сауаттылық курсы"],
        "new": "Жаңа", "contacts": "Байланыс: +7 7172 00 00 00",
    },
    "ru": {
        "site": "Министерство цифрового развития Республики Казахстан", "home": "Главная", "news": "Новости",
        "services": "Государственные услуги", "about": "О министерстве",
        "vi": "Версия для слабовидящих", "skip": "Перейти к основному содержанию",
        "intro": "Министерство разрабатывает государственную политику в сфере цифрового правительства и связи.",
        "body": "Граждане получают услуги онлайн. Обращения рассматриваются в течение пяти рабочих дней.",
        "items": ["Получение удостоверения личности", "Регистрация по месту жительства", "Адресная справка",
                  "Электронная цифровая подпись"],
        "news_items": ["Запущен новый портал", "Расширена сеть связи", "Курс цифровой грамотности"],
        "new": "Новое", "contacts": "Контакты: +7 7172 00 00 00",
    },
    "en": {
        "site": "Ministry of Digital Development of the Republic of Kazakhstan", "home": "Home", "news": "News",
        "services": "Public services", "about": "About the ministry",
        "vi": "", "skip": "Skip to main content",
        "intro": "The ministry develops state policy on digital government and communications.",
        "body": "Citizens receive services online. Appeals are reviewed within five working days.",
        "items": ["Getting an identity card", "Registration at the place of residence", "Address certificate",
                  "Electronic digital signature"],
        "news_items": ["A new portal is launched", "The network is extended", "A digital literacy course"],
        "new": "New", "contacts": "Contacts: +7 7172 00 00 00",
    },
}
LANG_LABELS = (("kz", "kk", "Қазақша"), ("ru", "ru", "Русский"), ("en", "en", "English"))

CSS = """
body { margin: 0; font: 16px/1.5 Arial, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fff;
       overflow-wrap: break-word; }
header, nav, main, footer { padding: 8px 16px; }
header { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; border-bottom: 1px solid #767676; }
.site-name { font-weight: bold; font-size: 18px; }
.langs, .menu { display: flex; flex-wrap: wrap; gap: 8px 16px; list-style: none; margin: 0; padding: 0; }
a { color: #0b4f9c; }
main { max-width: 34em; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 8px; }
.bvi-open { cursor: pointer; text-decoration: underline; color: #0b4f9c; }
.news-list { padding-left: 1.2em; }
.badge { display: inline-block; margin-left: 8px; padding: 0 6px; border: 1px solid #1a1a1a; font-size: 14px;
         color: #1a1a1a; }
#service-list li { font-size: 15px !important; line-height: 1.5 !important; }
#service-list p { font-size: 15px !important; line-height: 1.5 !important; }
footer { border-top: 1px solid #767676; font-size: 14px; }
/* bvi-lite's panel groups do not wrap; at 320 px a group of buttons would run off the screen */
.bvi-panel .bvi-group { flex-wrap: wrap; }
"""


def _switch(lang: str) -> str:
    if lang == "en":
        return ""  # PLANTED vi-mode-missing: the English version has no switch
    if lang == "kk":
        # PLANTED vi-mode-keyboard: a clickable div (bvi-lite listens for clicks on .bvi-open anywhere)
        return f'<div class="bvi-open">{T[lang]["vi"]}</div>'
    return f'<a href="#" class="bvi-open">{T[lang]["vi"]}</a>'


def _main(lang: str, template: str, code: str) -> str:
    t = T[lang]
    if template == "":
        return (f"<h1>{t['home']}</h1><p>{t['intro']}</p><p>{t['body']}</p>"
                f"<p><a href=\"/{code}/services\">{t['services']}</a></p>")
    if template == "news":
        items = "".join(f"<li><a href=\"/{code}/news\">{escape(n)}</a></li>" for n in t["news_items"])
        return f"<h1>{t['news']}</h1><p>{t['intro']}</p><ul class=\"news-list\">{items}</ul>"
    if template == "services":
        # PLANTED vi-mode-ineffective: #service-list forces 15 px with !important, beating the mode's size
        items = "".join(f"<li>{escape(s)}</li>" for s in t["items"])
        return (f"<h1>{t['services']}</h1><div id=\"service-list\"><p>{t['intro']}</p><p>{t['body']}</p>"
                f"<ul>{items}</ul><p>{t['intro']}</p></div>")
    # about: PLANTED vi-mode-ineffective (a part): the badge keeps its own dark colour (bvi-no-styles) on the
    # mode's black background
    return (f"<h1>{t['about']}<span class=\"badge bvi-no-styles\">{t['new']}</span></h1>"
            f"<p>{t['intro']}</p><p>{t['body']}</p>")


# PLANTED (forgets_mode only) vi-mode-not-persistent: runs before the deferred widget reads its cookies
FORGET = ('<script>["bvi_panelActive", "bvi_fontSize", "bvi_theme", "bvi_images"].forEach(function (c) '
          '{ document.cookie = c + "=; path=/; max-age=0"; });</script>')


def page(lang: str, code: str, template: str, forgets_mode: bool = False) -> str:
    t = T[lang]
    menu = "".join(f"<li><a href=\"/{code}/{p}\">{t[p or 'home']}</a></li>" for p in TEMPLATES)
    langs = "".join(f"<li><a href=\"/{c}/{template}\" lang=\"{l}\" hreflang=\"{l}\">{label}</a></li>"
                    for c, l, label in LANG_LABELS)
    bvi = '' if lang == "en" else ((FORGET if forgets_mode else "") + '<link rel="stylesheet" href="/bvi/bvi-lite.css">'
                                   '<script src="/bvi/bvi-lite.js" defer></script>')
    title = t[template or "home"]
    return (f"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)} | {escape(t['site'])}</title><style>{CSS}</style>{bvi}</head><body>"
            f"<a class=\"skip\" href=\"#main\">{t['skip']}</a>"
            f"<header><span class=\"site-name\">{escape(t['site'])}</span>{_switch(lang)}"
            f"<ul class=\"langs\">{langs}</ul></header>"
            f"<nav aria-label=\"{escape(t['site'])}\"><ul class=\"menu\">{menu}</ul></nav>"
            f"<main id=\"main\">{_main(lang, template, code)}</main>"
            f"<footer><p>{t['contacts']}</p></footer></body></html>")


class VisionSite:
    """The site object SiteServer serves: handle(method, path, query, headers) -> Response."""

    name = "vision-site"

    def __init__(self, forgets_mode: bool = False):
        self.forgets_mode = forgets_mode

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        asset = shared_asset(path)
        if asset is not None:
            return asset
        if path == "/":
            return redirect("/ru/")
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] not in CODES or len(parts) > 2:
            return not_found()
        template = parts[1] if len(parts) == 2 else ""
        if template not in TEMPLATES:
            return not_found()
        return html_response(page(CODES[parts[0]], parts[0], template, self.forgets_mode))
