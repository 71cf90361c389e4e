"""An OLDER, server-rendered district akimat site, unlike the demo in content and markup.

What makes it "older": a table layout with <div id="..."> blocks instead of landmarks, paths without a
trailing slash (`/ru/news/101`), the root sending readers to Russian (302 `/ru/`), a /robots.txt and a
/sitemap.xml (which also lists "vacancies" pages linked from nowhere else), and the bvi-lite widget on the
Kazakh and Russian pages only: the English pages have no VI switch.

Planted defects are in PLANTED; everything else is meant to pass axe-core (WCAG A/AA) in both modes and
parity-check's own checks, except that a site this small has no structure, leadership, legal-acts or
efficiency sections (reported for review, "incomplete", not as violations). News dates follow the day of
serving, so the news list is never stale.

    from tests.sites.akimat_replica import akimat_replica_site, PLANTED
    with SiteServer(akimat_replica_site()) as base: ...
"""
from __future__ import annotations

import datetime as dt
from html import escape

from parity_check.sites.server import (Response, html_response, not_found, redirect, shared_asset)

LANGS = ("kk", "ru", "en")
CODE = {"kk": "kz", "ru": "ru", "en": "en"}
LANG_OF_CODE = {v: k for k, v in CODE.items()}

# mode: "normal", "vi" (only with the VI mode on) or "both".
PLANTED = [
    {"check": "image-alt", "path": "/kz/", "lang": "kk", "mode": "both",
     "what": "the district banner photo on the Kazakh home page has no alt"},
    {"check": "color-contrast", "path": "/ru/news", "lang": "ru", "mode": "normal",
     "what": "news dates in #b5b5b5 on white (2:1) in the Russian news list"},
    {"check": "label", "path": "/ru/feedback", "lang": "ru", "mode": "both",
     "what": "the e-mail field of the Russian feedback form has no label"},
    {"check": "color-contrast", "path": "/kz/about", "lang": "kk", "mode": "vi",
     "what": "a dark red notice (.bvi-no-styles): 10:1 on white, 2:1 on the black VI background"},
    {"check": "vi-mode-missing", "path": "/en/", "lang": "en", "mode": "vi",
     "what": "no English page has a VI switch"},
    {"check": "default-language", "path": "/", "lang": None, "mode": "normal",
     "what": "the root redirects (302) to /ru/, not to the Kazakh version"},
]

T = {
    "kk": {"site": "Демо ауданының әкімдігі", "vi": "Көзі нашар көретіндерге арналған нұсқа",
           "menu": ["Басты бет", "Аудан туралы", "Жаңалықтар", "Байланыс", "Кері байланыс"],
           "search": "Іздеу", "read": "Толық оқу", "back": "Жаңалықтар тізіміне оралу", "vacancies": "Бос орындар",
           "copyright": "© 2014–2025 Демо ауданының әкімдігі. Ойдан шығарылған сайт: тестілеуге арналған."},
    "ru": {"site": "Акимат Демо района", "vi": "Версия для слабовидящих",
           "menu": ["Главная", "О районе", "Новости", "Контакты", "Обратная связь"],
           "search": "Поиск", "read": "Читать полностью", "back": "Вернуться к списку новостей",
           "vacancies": "Вакансии",
           "copyright": "© 2014–2025 Акимат Демо района. Вымышленный сайт для тестирования."},
    "en": {"site": "Akimat of Demo District", "vi": None,
           "menu": ["Home", "About the district", "News", "Contacts", "Feedback"],
           "search": "Search", "read": "Read more", "back": "Back to the news list", "vacancies": "Vacancies",
           "copyright": "© 2014–2025 Akimat of Demo District. A fictional site for testing."},
}
MENU_PATHS = ["", "about", "news", "contacts", "feedback"]

HOME = {
    "kk": ("Демо ауданының әкімдігіне қош келдіңіз!",
           "Демо ауданы облыстың солтүстігінде орналасқан. Ауданда 14 ауылдық округ, 38 елді мекен бар, халқы — "
           "42 мың адам. Аудан орталығы — Жаңаауыл ауылы. Негізгі салалары — егін шаруашылығы, мал шаруашылығы "
           "және астық өңдеу.", "Аудан орталығының көрінісі"),
    "ru": ("Добро пожаловать на сайт акимата Демо района!",
           "Демо район расположен на севере области. В районе 14 сельских округов и 38 населённых пунктов, "
           "население — 42 тысячи человек. Районный центр — село Жанаауыл. Основные отрасли — растениеводство, "
           "животноводство и переработка зерна.", "Вид на районный центр"),
    "en": ("Welcome to the website of the Akimat of Demo District!",
           "Demo District lies in the north of the region. It has 14 rural districts and 38 villages with a "
           "population of 42,000. The district centre is the village of Zhanaauyl. Its main industries are crop "
           "farming, livestock and grain processing.", "View of the district centre"),
}

ABOUT = {
    "kk": ("Аудан туралы",
           ["Демо ауданы 1928 жылы құрылған. Аудан аумағы 11 мың шаршы шақырымды алып жатыр.",
            "Аудан әкімдігі ауылдық округтердің әкімдерімен бірлесіп аудан бюджетін атқарады, білім беру, денсаулық "
            "сақтау және әлеуметтік қорғау мекемелерінің жұмысын үйлестіреді."],
           "Назар аударыңыз: азаматтарды қабылдау уақытша ғимараттың екінші қабатында өтеді."),
    "ru": ("О районе",
           ["Демо район образован в 1928 году. Территория района — 11 тысяч квадратных километров.",
            "Акимат района вместе с акимами сельских округов исполняет районный бюджет, координирует работу "
            "учреждений образования, здравоохранения и социальной защиты."],
           "Обратите внимание: приём граждан временно проводится на втором этаже здания."),
    "en": ("About the district",
           ["Demo District was founded in 1928. It covers 11,000 square kilometres.",
            "Together with the akims of the rural districts, the district akimat executes the district budget "
            "and coordinates schools, health care and social protection."],
           "Please note: citizens are temporarily received on the second floor of the building."),
}

# id -> (days before today, {lang: (title, text)}): dates follow the day of serving, so the news is never stale.
NEWS = {
    101: (5, {
        "kk": ("Жаңаауылда жаңа дәрігерлік амбулатория ашылды",
               "Амбулатория күніне 60 адамды қабылдайды. Мұнда жалпы практика дәрігері, педиатр және стоматолог "
               "жұмыс істейді."),
        "ru": ("В Жанаауыле открылась новая врачебная амбулатория",
               "Амбулатория рассчитана на 60 посещений в день. Здесь работают врач общей практики, педиатр и "
               "стоматолог."),
        "en": ("New outpatient clinic opens in Zhanaauyl",
               "The clinic can see 60 patients a day. A general practitioner, a paediatrician and a dentist work "
               "there.")}),
    102: (14, {
        "kk": ("Көктемгі егіс жұмыстарына дайындық басталды",
               "Биыл аудан шаруалары 180 мың гектар жерге дән себуді жоспарлап отыр. Техниканы жөндеу жұмыстары "
               "наурыздың соңына дейін аяқталады."),
        "ru": ("Началась подготовка к весенне-полевым работам",
               "В этом году фермеры района планируют засеять 180 тысяч гектаров. Ремонт техники завершится до "
               "конца марта."),
        "en": ("Preparations for spring sowing begin",
               "This year the district's farmers plan to sow 180,000 hectares. Machinery repairs will be finished "
               "by the end of March.")}),
}

CONTACTS = {
    "kk": [("Мекенжай", "Демо ауданы, Жаңаауыл ауылы, Абай көшесі, 12"), ("Телефон", "+7 (7100) 22-14-00"),
           ("Электрондық пошта", "akimat@demo-audan.example"), ("Жұмыс уақыты", "Дүйсенбі – жұма, 9:00–18:00")],
    "ru": [("Адрес", "Демо район, село Жанаауыл, улица Абая, 12"), ("Телефон", "+7 (7100) 22-14-00"),
           ("Электронная почта", "akimat@demo-audan.example"), ("Часы работы", "Понедельник – пятница, 9:00–18:00")],
    "en": [("Address", "12 Abai Street, Zhanaauyl, Demo District"), ("Phone", "+7 (7100) 22-14-00"),
           ("E-mail", "akimat@demo-audan.example"), ("Opening hours", "Monday to Friday, 9:00–18:00")],
}

FEEDBACK = {
    "kk": ("Кері байланыс", "Сұрағыңызды жазыңыз, жауап 15 жұмыс күні ішінде беріледі.",
           [("name", "Аты-жөніңіз", "text", True), ("email", "Электрондық пошта", "email", True)],
           "Сұрақ мәтіні", "Жіберу"),
    "ru": ("Обратная связь", "Напишите ваш вопрос, ответ будет дан в течение 15 рабочих дней.",
           [("name", "Ваше имя", "text", True),
            ("email", "Электронная почта", "email", False)],  # PLANTED label: the caption is plain text
           "Текст вопроса", "Отправить"),
    "en": ("Feedback", "Write your question; you will receive a reply within 15 working days.",
           [("name", "Your name", "text", True), ("email", "E-mail", "email", True)],
           "Your question", "Send"),
}

VACANCIES = {
    "kk": "Қазіргі уақытта аудан әкімдігінде бос орын жоқ. Хабарландырулар осы бетте жарияланады.",
    "ru": "В настоящее время вакансий в акимате района нет. Объявления публикуются на этой странице.",
    "en": "There are no vacancies at the district akimat at the moment. Announcements are published here.",
}

CSS = """body { margin: 0; background: #e9edf1; font-family: Tahoma, Verdana, "DejaVu Sans", sans-serif;
  font-size: 16px; color: #222; }
#wrapper { max-width: 980px; margin: 0 auto; background: #fff; }
#header { background: #1d4e89; color: #fff; padding: 10px 16px; }
#header a { color: #fff; }
#header .site-name { font-size: 26px; font-weight: bold; margin: 6px 0; }
#toplinks { text-align: right; }
#toplinks a { display: inline-block; padding: 4px 8px; }
#nav { margin: 0; padding: 0; list-style: none; background: #d7e3ef; }
#nav li { display: inline-block; }
#nav a { display: block; padding: 10px 14px; color: #10365f; font-weight: bold; }
td.sidebar { width: 220px; vertical-align: top; padding: 16px; background: #f3f6f9; }
td.content { vertical-align: top; padding: 16px 20px; }
a { color: #0645ad; }
.news-date { color: #555; }
.ru-dates .news-date { color: #b5b5b5; }
.notice { color: #8b0000; font-weight: bold; }
.banner { width: 600px; height: 200px; display: block; }
#footer { background: #1d4e89; color: #fff; padding: 12px 16px; font-size: 14px; }
form p { margin: 10px 0; } input, textarea { font: inherit; max-width: 100%; }
/* Retrofitted later, as such sites were: the layout table becomes a column on narrow screens. */
@media (max-width: 700px) {
  table.layout, table.layout tr, table.layout td { display: block; width: auto; }
  .banner { width: 100%; height: auto; }
}
"""

BANNER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200">
<rect width="600" height="200" fill="#bcd7ee"/><rect y="140" width="600" height="60" fill="#d8c37a"/>
<rect x="80" y="80" width="120" height="70" fill="#8a9bb0"/><rect x="240" y="60" width="160" height="90" fill="#7a8ca3"/>
<rect x="430" y="90" width="100" height="60" fill="#8a9bb0"/><circle cx="520" cy="40" r="22" fill="#f5d76e"/></svg>"""


def _e(s: str) -> str:
    return escape(s, quote=True)


def _page(lang: str, rel: str, title: str, body: str) -> str:
    t, code = T[lang], CODE[lang]
    switch = " | ".join(f'<a href="/{CODE[l]}/{rel}" lang="{l}" hreflang="{l}">{n}</a>'
                        for l, n in (("kk", "Қаз"), ("ru", "Рус"), ("en", "Eng")))
    vi = f'<a href="#" class="bvi-open">{_e(t["vi"])}</a> | ' if t["vi"] else ""
    widget = ('<link rel="stylesheet" href="/bvi/bvi-lite.css"><script src="/bvi/bvi-lite.js" defer></script>'
              if t["vi"] else "")
    menu = "".join(f'<li><a href="/{code}/{p}">{_e(n)}</a></li>' for p, n in zip(MENU_PATHS, t["menu"]))
    side = "".join(f'<li><a href="/{code}/news/{i}">{_e(NEWS[i][1][lang][0])}</a></li>' for i in NEWS)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(title)} - {_e(t["site"])}</title>
<link rel="icon" href="data:,">
<style>{CSS}</style>
{widget}
</head>
<body>
<div id="wrapper">
<div id="header">
<div id="toplinks">{vi}{switch}</div>
<p class="site-name"><a href="/{code}/">{_e(t["site"])}</a></p>
</div>
<ul id="nav">{menu}</ul>
<table class="layout" width="100%" cellspacing="0" cellpadding="0"><tr>
<td class="sidebar"><h2>{_e(t["menu"][2])}</h2><ul>{side}</ul></td>
<td class="content">
{body}
</td>
</tr></table>
<div id="footer">{_e(t["copyright"])}</div>
</div>
</body>
</html>"""


def _home(lang: str) -> str:
    h1, text, alt = HOME[lang]
    alt_attr = "" if lang == "kk" else f' alt="{_e(alt)}"'  # PLANTED image-alt on the Kazakh home page
    return _page(lang, "", T[lang]["menu"][0],
                 f'<h1>{_e(h1)}</h1><img class="banner" src="/img/banner.svg"{alt_attr}><p>{_e(text)}</p>')


def _about(lang: str) -> str:
    title, paras, notice = ABOUT[lang]
    body = f"<h1>{_e(title)}</h1>" + "".join(f"<p>{_e(p)}</p>" for p in paras)
    # PLANTED (kk only): the notice is kept out of the VI theme, so its dark red lands on black.
    cls = "notice bvi-no-styles" if lang == "kk" else "notice"
    body += f'<p><span class="{cls}">{_e(notice)}</span></p>'
    return _page(lang, "about", title, body)


def _date(days_ago: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days_ago)).strftime("%d.%m.%Y")


def _news_list(lang: str) -> str:
    items = []
    for i, (days_ago, texts) in NEWS.items():
        title, text = texts[lang]
        items.append(f'<div class="news"><span class="news-date">{_date(days_ago)}</span>'
                     f'<h2><a href="/{CODE[lang]}/news/{i}">{_e(title)}</a></h2><p>{_e(text[:80])}… '
                     f'<a href="/{CODE[lang]}/news/{i}">{_e(T[lang]["read"])}</a></p></div>')
    cls = ' class="ru-dates"' if lang == "ru" else ""  # PLANTED color-contrast: pale dates in Russian
    return _page(lang, "news", T[lang]["menu"][2], f"<h1>{_e(T[lang]['menu'][2])}</h1><div{cls}>{''.join(items)}</div>")


def _news_item(lang: str, i: int) -> str:
    days_ago, texts = NEWS[i]
    title, text = texts[lang]
    body = (f'<h1>{_e(title)}</h1><p class="news-date">{_date(days_ago)}</p><p>{_e(text)}</p>'
            f'<p><a href="/{CODE[lang]}/news">{_e(T[lang]["back"])}</a></p>')
    return _page(lang, f"news/{i}", title, body)


def _contacts(lang: str) -> str:
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in CONTACTS[lang])
    return _page(lang, "contacts", T[lang]["menu"][3],
                 f"<h1>{_e(T[lang]['menu'][3])}</h1><table class=\"contacts\">{rows}</table>")


def _feedback(lang: str) -> str:
    title, intro, fields, question, send = FEEDBACK[lang]
    parts = []
    for name, caption, kind, labelled in fields:
        if labelled:
            parts.append(f'<p><label for="f-{name}">{_e(caption)}</label><br><input id="f-{name}" name="{name}" '
                         f'type="{kind}" size="40"></p>')
        else:
            parts.append(f'<p>{_e(caption)}<br><input name="{name}" type="{kind}" size="40"></p>')
    parts.append(f'<p><label for="f-text">{_e(question)}</label><br><textarea id="f-text" name="text" rows="6" '
                 f'cols="60"></textarea></p><p><input type="submit" value="{_e(send)}"></p>')
    body = (f"<h1>{_e(title)}</h1><p>{_e(intro)}</p>"
            f'<form method="post" action="/{CODE[lang]}/feedback">{"".join(parts)}</form>')
    return _page(lang, "feedback", title, body)


def _vacancies(lang: str) -> str:
    return _page(lang, "vacancies", T[lang]["vacancies"],
                 f"<h1>{_e(T[lang]['vacancies'])}</h1><p>{_e(VACANCIES[lang])}</p>")


def page_paths() -> list[str]:
    """Every page of the site (the sitemap lists them all)."""
    out = []
    for lang in LANGS:
        c = CODE[lang]
        out += [f"/{c}/", f"/{c}/about", f"/{c}/news"] + [f"/{c}/news/{i}" for i in NEWS]
        out += [f"/{c}/contacts", f"/{c}/feedback", f"/{c}/vacancies"]
    return out


class AkimatReplicaSite:
    """The site object SiteServer serves: handle(method, path, query, headers) -> Response."""

    name = "akimat-replica"

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        asset = shared_asset(path)
        if asset is not None:
            return asset
        host = headers.get("host", "127.0.0.1")
        if path == "/":
            return redirect("/ru/", 302)  # PLANTED default-language: the root opens in Russian
        if path == "/robots.txt":
            return Response(200, f"User-agent: *\nDisallow: /admin/\nSitemap: http://{host}/sitemap.xml\n",
                            "text/plain; charset=utf-8")
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>http://{host}{p}</loc></url>" for p in page_paths())
            return Response(200, '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
                            "application/xml; charset=utf-8")
        if path == "/img/banner.svg":
            return Response(200, BANNER_SVG, "image/svg+xml")
        if path.startswith("/admin"):
            return Response(403, "Forbidden", "text/plain; charset=utf-8")
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] not in LANG_OF_CODE:
            return not_found()
        lang = LANG_OF_CODE[parts[0]]
        if len(parts) == 1 and not path.endswith("/"):
            return redirect(f"/{parts[0]}/", 301)
        rest = parts[1:]
        if path.endswith("/") and rest:
            return not_found()  # old style: /ru/news, never /ru/news/
        if not rest:
            return html_response(_home(lang))
        pages = {"about": _about, "news": _news_list, "contacts": _contacts, "feedback": _feedback,
                 "vacancies": _vacancies}
        if len(rest) == 1 and rest[0] in pages:
            return html_response(pages[rest[0]](lang))
        if len(rest) == 2 and rest[0] == "news" and rest[1].isdigit() and int(rest[1]) in NEWS:
            return html_response(_news_item(lang, int(rest[1])))
        return not_found()


def akimat_replica_site() -> AkimatReplicaSite:
    return AkimatReplicaSite()
