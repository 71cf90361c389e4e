"""A replica of the gov.kz unified platform: a single-page JavaScript app over a JSON API.

- Every path under /memleket/entities/<slug> (`/about`, `/about/structure`, `/press/news`,
  `/press/news/details/<id>`, `/documents`, `/documents/details/<id>`, `/contacts`, anything else) answers 200
  with the SAME empty HTML shell; unknown sections are a "not found" the app renders (a soft 404, as on the
  platform).
- A news item or document with no version in a language: the list API of that language leaves it out, its
  item API answers 404 (or, with `missing_api="empty"`, 200 with an empty body `null`), and the app renders
  the platform's "not found" text ("Бет табылмады" / "Страница не найдена" / "Page not found"), or, with
  `wording="other"`, a wording no data set knows (then only the API answer and the site's learned not-found
  page tell). Documents are listed by title, their files on their own pages (date, number, title, file), as
  on the platform.
- `portals=True` adds the footer links to the e-government and Open Government portals, per language and
  to the portal's version in that language; `drop_portal=(portal, lang)` removes one, `wrong_version=(portal,
  lang)` links another language's version. Runs of a replica with portal links must skip the `links` gatherer:
  the portals are real hosts, and test traffic stays on loopback.
- The language comes from `?lang=kk|ru|en` in the page URL (kk when absent). The app waits `delay_ms`
  (150 by default) after the `load` event, and then fetches /api/v1/entities/<slug>/... with `Accept-Language: <lang>`; the API
  picks the language from that header only. So a reader of the raw HTML, or a checker that reads the page
  at `load`, sees nothing.
- Links are real <a href> with ?lang= kept; the app also navigates between them without reloading
  (history.pushState), as the platform does.
- The VI mode is the platform's own toggle, not bvi: `button#special-version`, state in localStorage
  `specialVersion=1`, class `special-version` on <html>: text 1.5 times larger, white and yellow on black.

    from tests.sites.govkz_spa import govkz_spa_site, PLANTED, ENTRY
    with SiteServer(govkz_spa_site()) as base: start at base + ENTRY
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from urllib.parse import urlsplit

from parity_check.sites.server import Response, html_response, json_response, not_found, redirect

SLUG = "demo-akimat"
ENTRY = f"/memleket/entities/{SLUG}?lang=kk"
ENTITY_PREFIX = "/memleket/entities/"
LANGS = ("kk", "ru", "en")

# `also`: other checks that see the same defect from another angle. One missing thing, one finding: a news
# item or document missing in a language shows as a missing row in that language's list AND as its own page
# saying "not found"; it is reported once, on that page (the list's row is not reported again).
PLANTED = [
    {"check": "untranslated-page", "path": f"/memleket/entities/{SLUG}/press/news/details/203?lang=kk",
     "lang": "kk", "mode": "normal", "what": "the Kazakh version of news item 203 is Russian text",
     "also": ["lang-mismatch", "copied-text", "untranslated-text"]},
    {"check": "missing-language-version", "path": f"/memleket/entities/{SLUG}/press/news/details/204?lang=en",
     "lang": "en", "mode": "normal",
     "what": "news item 204 has no English version: not in the English list, its page a soft 404 (HTTP 200, "
             "the app renders 'Page not found')"},
    *({"check": "missing-language-version", "path": f"/memleket/entities/{SLUG}/press/news/details/{n}?lang=kk",
       "lang": "kk", "mode": "normal", "what": f"news item {n} has no Kazakh version (the Kazakh feed lacks it)"}
      for n in (205, 206)),
    {"check": "missing-document", "path": f"/memleket/entities/{SLUG}/documents/details/302?lang=en",
     "lang": "en", "mode": "normal", "what": "document 302 has no English version (list row and page: one finding)"},
]
# Missing versions by (kind, id): the languages each lacks. Read by the benchmark and the tests.
MISSING = {("news", 204): ("en",), ("news", 205): ("kk",), ("news", 206): ("kk",), ("document", 302): ("en",)}
MISSING_CHECKS = ("missing-item", "missing-document", "missing-language-version")
_ENTITY_PATH = f"/memleket/entities/{SLUG}"
_DETAIL = {"news": f"{_ENTITY_PATH}/press/news/details/{{id}}", "document": f"{_ENTITY_PATH}/documents/details/{{id}}"}
_LISTS = {"news": (f"{_ENTITY_PATH}/press/news", _ENTITY_PATH), "document": (f"{_ENTITY_PATH}/documents",)}


def missing_things() -> list[tuple[str, int, str]]:
    """(kind, id, language) of every missing version MISSING plants."""
    return sorted((kind, item, lang) for (kind, item), langs in MISSING.items() for lang in langs)


def reports(finding, thing) -> bool:
    """Does `finding` report the missing thing: in its language, on its own page or on its list naming it?"""
    kind, item, lang = thing
    if finding.check not in MISSING_CHECKS or finding.lang != lang:
        return False
    path = urlsplit(finding.url).path
    if path == _DETAIL[kind].format(id=item):
        return True
    targets = " ".join((finding.evidence.get("item") or {}).get("link_targets") or [])
    return path in _LISTS[kind] and f"/details/{item}" in targets


def score_missing(result) -> dict:
    """Recall and precision of the findings about missing versions in a run of this replica. A second
    finding about one missing thing counts against precision (one missing thing, one finding)."""
    things = missing_things()
    found = [f for f in result.findings if f.check in MISSING_CHECKS]
    reported = {t: [f for f in found if reports(f, t)] for t in things}
    first = {id(fs[0]) for fs in reported.values() if fs}
    missing_pages = {_DETAIL[k].format(id=i) + f"|{l}" for k, i, l in things}
    views = {f"{urlsplit(p.url).path}|{p.lang}": p for p in result.pages if p.mode == "normal"}
    return {
        "things": len(things),
        "recall": sum(1 for fs in reported.values() if fs) / len(things),
        "precision": len(first) / len(found) if found else 0.0,
        "findings": len(found),
        "duplicates": sum(max(0, len(fs) - 1) for fs in reported.values()),
        "missed": [t for t, fs in reported.items() if not fs],
        "unexpected": [(f.check, urlsplit(f.url).path, f.lang, f.message[:100]) for f in found
                       if not any(reports(f, t) for t in things)],
        "not_found_pages": sum(1 for p in result.pages if p.outcome == "not_found"),
        "missing_pages_not_found": sum(1 for key in missing_pages
                                       if getattr(views.get(key), "outcome", None) == "not_found"),
        "truncated_on_missing": sum(1 for f in result.findings if f.check == "truncated-text"
                                    and f"{urlsplit(f.url).path}|{f.lang}" in missing_pages),
        "told_by": dict(Counter(_told_by(p.error or "") for p in result.pages if p.outcome == "not_found")),
    }


def _told_by(error: str) -> str:
    """Which sign not_found.py went by, from the reason it wrote."""
    if "API call" in error:
        return "api"
    if "“not found” page for this language" in error:
        return "template"
    return "text"


ENTITY = {
    "kk": {"name": "Демо қаласының әкімдігі", "footer": "Ойдан шығарылған мекеме: тестілеуге арналған көшірме.",
           "menu": [("", "Басты бет"), ("/about", "Әкімдік туралы"), ("/about/structure", "Құрылымы"),
                    ("/press/news", "Жаңалықтар"), ("/documents", "Құжаттар"), ("/contacts", "Байланыс")],
           "special": "Көзі нашар көретіндерге арналған нұсқа", "latest": "Соңғы жаңалықтар",
           "not_found": "Бет табылмады", "lang_nav": "Тіл", "main_nav": "Бөлімдер"},
    "ru": {"name": "Акимат города Демо", "footer": "Вымышленное учреждение: копия для тестирования.",
           "menu": [("", "Главная"), ("/about", "Об акимате"), ("/about/structure", "Структура"),
                    ("/press/news", "Новости"), ("/documents", "Документы"), ("/contacts", "Контакты")],
           "special": "Версия для слабовидящих", "latest": "Последние новости",
           "not_found": "Страница не найдена", "lang_nav": "Язык", "main_nav": "Разделы"},
    "en": {"name": "Akimat of Demo City", "footer": "A fictional body: a replica for testing.",
           "menu": [("", "Home"), ("/about", "About"), ("/about/structure", "Structure"),
                    ("/press/news", "News"), ("/documents", "Documents"), ("/contacts", "Contacts")],
           "special": "Version for the visually impaired", "latest": "Latest news",
           "not_found": "Page not found", "lang_nav": "Language", "main_nav": "Sections"},
}

ABOUT = {
    "kk": ("Әкімдік туралы", ["Демо қаласының әкімдігі — қаладағы жергілікті атқарушы орган. Әкімдік қала "
                              "бюджетін атқарады, қоғамдық көлікті, абаттандыруды және тұрғын үй шаруашылығын "
                              "басқарады.", "Әкімдік қала тұрғындарының өтініштерін қарайды және қалалық "
                              "бағдарламалардың орындалуы туралы жыл сайын есеп береді."]),
    "ru": ("Об акимате", ["Акимат города Демо — местный исполнительный орган города. Акимат исполняет городской "
                          "бюджет, управляет общественным транспортом, благоустройством и жилищным хозяйством.",
                          "Акимат рассматривает обращения жителей города и ежегодно отчитывается о выполнении "
                          "городских программ."]),
    "en": ("About the akimat", ["The Akimat of Demo City is the city's local executive body. It executes the "
                                "city budget and runs public transport, urban improvement and housing.",
                                "The akimat reviews residents' appeals and reports every year on the city's "
                                "programmes."]),
}

STRUCTURE = {
    "kk": ("Құрылымы", ["Қала әкімінің аппараты", "Қалалық жолаушылар көлігі бөлімі", "Тұрғын үй-коммуналдық "
                        "шаруашылық бөлімі", "Қалалық білім бөлімі"]),
    "ru": ("Структура", ["Аппарат акима города", "Отдел пассажирского транспорта", "Отдел жилищно-коммунального "
                         "хозяйства", "Городской отдел образования"]),
    "en": ("Structure", ["Office of the City Akim", "Passenger Transport Department", "Housing and Utilities "
                         "Department", "City Education Department"]),
}

# id -> (days before today, {lang: (title, paragraphs)}); a language missing from the dict has no version.
# Dates follow the day of serving, so the news is never stale.
NEWS = {
    201: (3, {
        "kk": ("Қала бағыттарына 25 жаңа автобус шықты",
               ["Демо қаласының бағыттарына газбен жүретін 25 жаңа автобус шықты. Автобустар төмен еденді, "
                "арбамен жүретін жолаушыларға арналған пандусы бар.",
                "Жаңа автобустар ең көп жолаушы тасымалдайтын төрт бағытта жүреді."]),
        "ru": ("На городские маршруты вышли 25 новых автобусов",
               ["На маршруты города Демо вышли 25 новых автобусов на газовом топливе. Автобусы низкопольные, с "
                "пандусом для пассажиров на колясках.",
                "Новые автобусы работают на четырёх самых загруженных маршрутах."]),
        "en": ("25 new buses on city routes",
               ["Twenty-five new gas-powered buses have started running in Demo city. They are low-floor buses "
                "with a ramp for wheelchair users.",
                "The new buses serve the four busiest routes."]),
    }),
    202: (9, {
        "kk": ("Орталық саябақты абаттандыру аяқталды",
               ["Орталық саябақта жаңа жаяу жүргіншілер жолдары, балалар алаңы және 300 орындық "
                "жазғы сахна салынды. Саябаққа 1 200 ағаш отырғызылды."]),
        "ru": ("Завершено благоустройство центрального парка",
               ["В центральном парке построены новые пешеходные дорожки, детская площадка и летняя сцена на "
                "300 мест. В парке высажено 1 200 деревьев."]),
        "en": ("Central park renovation completed",
               ["The central park has new footpaths, a playground and a 300-seat summer stage. 1,200 trees have "
                "been planted."]),
    }),
    203: (15, {
        # PLANTED untranslated-page: the "Kazakh" version is the Russian text, served with lang=kk
        "kk": ("Приём документов на жилищную очередь продлён",
               ["Приём документов для постановки на учёт нуждающихся в жилье продлён до 30 апреля. Документы "
                "принимаются в центрах обслуживания населения и через портал электронного правительства.",
                "Для постановки на очередь необходимы удостоверение личности, справка о составе семьи и "
                "сведения о доходах за последние двенадцать месяцев."]),
        "ru": ("Приём документов на жилищную очередь продлён",
               ["Приём документов для постановки на учёт нуждающихся в жилье продлён до 30 апреля. Документы "
                "принимаются в центрах обслуживания населения и через портал электронного правительства.",
                "Для постановки на очередь необходимы удостоверение личности, справка о составе семьи и "
                "сведения о доходах за последние двенадцать месяцев."]),
        "en": ("Housing queue applications extended",
               ["Applications to join the housing queue are accepted until 30 April at public service centres "
                "and on the e-government portal.",
                "Applicants need an identity card, a certificate of family composition and income details for "
                "the last twelve months."]),
    }),
    204: (20, {
        # PLANTED missing version: no English version
        "kk": ("Наурыз мерекесіне дайындық басталды",
               ["Қалада Наурыз мейрамына арналған іс-шаралар жоспары бекітілді. Мерекелік концерттер мен "
                "ұлттық ойындар бес алаңда өтеді."]),
        "ru": ("Началась подготовка к празднику Наурыз",
               ["В городе утверждён план мероприятий к празднику Наурыз. Праздничные концерты и национальные "
                "игры пройдут на пяти площадках."]),
    }),
    205: (5, {
        # PLANTED missing version: no Kazakh version
        "ru": ("Открыт новый пункт приёма вторсырья",
               ["В микрорайоне Солнечный открылся пункт приёма вторсырья. Жители могут сдать пластик, бумагу "
                "и стекло ежедневно с 9 до 19 часов.",
                "До конца года в городе откроются ещё 6 таких пунктов."]),
        "en": ("New recycling point opened",
               ["A recycling point has opened in the Solnechny district. Residents can bring plastic, paper and "
                "glass every day from 9 am to 7 pm.",
                "Six more such points will open in the city by the end of the year."]),
    }),
    206: (12, {
        # PLANTED missing version: no Kazakh version
        "ru": ("Стартовал приём заявок на городские гранты",
               ["Акимат принимает заявки некоммерческих организаций на 40 городских грантов. Заявки принимаются "
                "до 15 числа следующего месяца.",
                "Общий объём грантов составляет 120 млн тенге."]),
        "en": ("City grant applications open",
               ["The akimat is accepting applications from non-profit organisations for 40 city grants until the "
                "15th of next month.",
                "The grants total 120 million tenge."]),
    }),
}

DOCUMENTS_TITLE = {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"}
DOCUMENT_LABELS = {"kk": ("Күні", "Нөмірі", "Атауы", "Файлды жүктеу (PDF)"),
                   "ru": ("Дата", "Номер", "Название", "Скачать файл (PDF)"),
                   "en": ("Date", "Number", "Title", "Download the file (PDF)")}
# id -> (date, number, {lang: (title, file)}); a language missing from the dict has no version.
DOCUMENTS = {
    301: ("2025-02-03", "45", {
        "kk": ("Қала әкімдігінің 2025 жылғы 3 ақпандағы № 45 қаулысы", "qaulysy-45.pdf"),
        "ru": ("Постановление акимата города от 3 февраля 2025 года № 45", "postanovlenie-45.pdf"),
        "en": ("Resolution No. 45 of the city akimat of 3 February 2025", "resolution-45.pdf")}),
    302: ("2025-03-17", "61", {
        # PLANTED missing version: no English version
        "kk": ("Қалалық қоғамдық көлік тарифтері туралы № 61 шешім", "sheshim-61.pdf"),
        "ru": ("Решение № 61 о тарифах на городской общественный транспорт", "reshenie-61.pdf")}),
    303: ("2025-04-08", "77", {
        "kk": ("Абаттандыру қағидалары туралы № 77 қаулы", "qaulysy-77.pdf"),
        "ru": ("Постановление № 77 о правилах благоустройства", "postanovlenie-77.pdf"),
        "en": ("Resolution No. 77 on the urban improvement rules", "resolution-77.pdf")}),
}

# The portals every state body links to (profiles/data/required_links.yaml): per language, the
# link's text and address (its version in that language where it has versions).
PORTALS = {
    "egov": {"kk": ("Электрондық үкімет порталы", "https://egov.kz/cms/kk"),
             "ru": ("Портал электронного правительства", "https://egov.kz/cms/ru"),
             "en": ("E-government portal", "https://egov.kz/cms/en")},
    "open_data": {"kk": ("Ашық деректер", "https://data.egov.kz/"), "ru": ("Открытые данные", "https://data.egov.kz/"),
                  "en": ("Open data", "https://data.egov.kz/")},
    "open_budgets": {"kk": ("Ашық бюджеттер", "https://budget.egov.kz/"),
                     "ru": ("Открытые бюджеты", "https://budget.egov.kz/"),
                     "en": ("Open budgets", "https://budget.egov.kz/")},
    "open_legal_acts": {"kk": ("Ашық НҚА", "https://legalacts.egov.kz/"), "ru": ("Открытые НПА", "https://legalacts.egov.kz/"),
                        "en": ("Open legal acts", "https://legalacts.egov.kz/")},
    "open_dialogue": {"kk": ("Ашық диалог", "https://dialog.egov.kz/"), "ru": ("Открытый диалог", "https://dialog.egov.kz/"),
                      "en": ("Open dialogue", "https://dialog.egov.kz/")},
}
# What the app shows for an item that does not exist, when the site words it in its own way (wording="other").
OTHER_NOT_FOUND = {"kk": "Мазмұн уақытша қолжетімсіз", "ru": "Материал временно недоступен",
                   "en": "This content is temporarily unavailable"}

CONTACTS = {
    "kk": ("Байланыс", {"address": "Демо қаласы, Бейбітшілік көшесі, 7", "phone": "+7 (7100) 40-00-40",
                        "email": "kense@demo-qala.example", "hours": "Дүйсенбі – жұма, 9:00–18:30"}),
    "ru": ("Контакты", {"address": "город Демо, улица Бейбитшилик, 7", "phone": "+7 (7100) 40-00-40",
                        "email": "kense@demo-qala.example", "hours": "Понедельник – пятница, 9:00–18:30"}),
    "en": ("Contacts", {"address": "7 Beibitshilik Street, Demo city", "phone": "+7 (7100) 40-00-40",
                        "email": "kense@demo-qala.example", "hours": "Monday to Friday, 9:00–18:30"}),
}


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with `text` (ASCII) in Helvetica: a real text layer, no dependencies."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 760 Td ({safe}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


SHELL = """<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="x-dns-prefetch-control" content="off">
<title>eGov</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
"""

APP_CSS = """:root { font-size: 16px; }
html.special-version { font-size: 24px; }
body { margin: 0; font: 1rem/1.5 Arial, "DejaVu Sans", sans-serif; color: #1b1f23; background: #fff;
  overflow-wrap: break-word; }
a { color: #0a58a8; }
.top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem 1rem;
  padding: 0.5rem 1rem; background: #f2f5f8; }
.top ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.top a { display: inline-block; padding: 0.25rem 0.5rem; }
.top a[aria-current] { font-weight: bold; }
#special-version { max-width: 100%; font: inherit; padding: 0.4rem 0.8rem; border: 1px solid #0a58a8; border-radius: 4px;
  background: #fff; color: #0a58a8; cursor: pointer; }
.brand { margin: 0; padding: 1rem; font-size: 1.5rem; font-weight: bold; color: #123; }
nav.sections ul { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0 1rem;
  border-bottom: 1px solid #c9d3dd; }
nav.sections a { display: block; padding: 0.6rem 0.8rem; text-decoration: none; font-weight: bold; }
main { padding: 1rem 1rem 2rem; max-width: 60rem; }
main p, main li, main dd { max-width: 62ch; }
h1 { font-size: 2rem; margin: 0 0 1rem; }
.date { color: #4b5560; }
footer { padding: 1rem; background: #1f3a56; color: #fff; }
html.special-version body, html.special-version body * { background: #000 !important; color: #fff !important;
  border-color: #fff !important; }
html.special-version a { color: #ff0 !important; }
"""

APP_JS = r"""// gov.kz replica app: renders every page client-side from /api/v1/entities/<slug>/...
(function () {
  "use strict";
  var DELAY_MS = __DELAY_MS__;
  var LANGS = ["kk", "ru", "en"];
  var root = document.getElementById("root");

  // The VI state is applied before anything else, so it survives reloads and navigation.
  function applySpecial() {
    document.documentElement.classList.toggle("special-version", localStorage.getItem("specialVersion") === "1");
  }
  applySpecial();

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function state() {
    var m = location.pathname.match(/^\/memleket\/entities\/([^\/]+)(\/.*)?$/);
    var lang = new URLSearchParams(location.search).get("lang");
    return { slug: m ? m[1] : null, section: m && m[2] ? m[2].replace(/\/+$/, "") : "",
             lang: LANGS.indexOf(lang) >= 0 ? lang : "kk" };
  }
  function href(s, section, lang) {
    return "/memleket/entities/" + s.slug + section + "?lang=" + (lang || s.lang);
  }
  function api(s, path) {
    return fetch("/api/v1/entities/" + s.slug + path, { headers: { "Accept-Language": s.lang } })
      .then(function (r) { return r.ok ? r.json() : null; });
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  function route(section) {
    var m;
    if (section === "") return { api: "/press/news?limit=3", view: home };
    if (section === "/about") return { api: "/about", view: paragraphs };
    if (section === "/about/structure") return { api: "/about/structure", view: structure };
    if (section === "/press/news") return { api: "/press/news", view: newsList };
    if ((m = section.match(/^\/press\/news\/details\/(\d+)$/))) return { api: "/press/news/" + m[1], view: paragraphs };
    if (section === "/documents") return { api: "/documents", view: documents };
    if ((m = section.match(/^\/documents\/details\/(\d+)$/))) return { api: "/documents/" + m[1], view: documentPage };
    if (section === "/contacts") return { api: "/contacts", view: contacts };
    return null;
  }

  function newsItems(s, items) {
    return "<ul>" + items.map(function (n) {
      return '<li><span class="date">' + esc(n.date) + '</span> <a href="' +
        href(s, "/press/news/details/" + n.id) + '">' + esc(n.title) + "</a></li>";
    }).join("") + "</ul>";
  }
  function home(s, d, e) { return "<h1>" + esc(e.name) + "</h1><h2>" + esc(e.latest) + "</h2>" + newsItems(s, d.items); }
  function newsList(s, d) { return "<h1>" + esc(d.title) + "</h1>" + newsItems(s, d.items); }
  function paragraphs(s, d) {
    return "<h1>" + esc(d.title) + "</h1>" + (d.date ? '<p class="date">' + esc(d.date) + "</p>" : "") +
      d.paragraphs.map(function (p) { return "<p>" + esc(p) + "</p>"; }).join("");
  }
  function structure(s, d) {
    return "<h1>" + esc(d.title) + "</h1><ul>" + d.units.map(function (u) { return "<li>" + esc(u) + "</li>"; }).join("") + "</ul>";
  }
  function documents(s, d) {
    return "<h1>" + esc(d.title) + "</h1><ul>" + d.items.map(function (x) {
      return '<li><a href="' + href(s, "/documents/details/" + x.id) + '">' + esc(x.title) + '</a> <span class="date">(' +
        esc(x.date) + ")</span></li>";
    }).join("") + "</ul>";
  }
  function documentPage(s, d) {
    var l = d.labels;
    return "<h1>" + esc(d.title) + "</h1><dl><dt>" + esc(l[0]) + "</dt><dd>" + esc(d.date) + "</dd><dt>" + esc(l[1]) +
      "</dt><dd>№ " + esc(d.number) + "</dd><dt>" + esc(l[2]) + "</dt><dd>" + esc(d.title) + '</dd></dl><p><a href="' +
      esc(d.file) + '">' + esc(l[3]) + "</a></p>";
  }
  function contacts(s, d) {
    return "<h1>" + esc(d.title) + "</h1><dl>" + d.rows.map(function (r) {
      var v = r.key === "email" ? '<a href="mailto:' + esc(r.value) + '">' + esc(r.value) + "</a>"
        : r.key === "phone" ? '<a href="tel:' + esc(r.value.replace(/[^+\d]/g, "")) + '">' + esc(r.value) + "</a>" : esc(r.value);
      return "<dt>" + esc(r.label) + "</dt><dd>" + v + "</dd>";
    }).join("") + "</dl>";
  }

  function chrome(s, e, mainHtml) {
    var langs = LANGS.map(function (l) {
      return '<li><a href="' + href(s, s.section, l) + '" lang="' + l + '" hreflang="' + l + '"' +
        (l === s.lang ? ' aria-current="true"' : "") + ">" + { kk: "Қазақша", ru: "Русский", en: "English" }[l] + "</a></li>";
    }).join("");
    var menu = e.menu.map(function (m) {
      return '<li><a href="' + href(s, m.path) + '"' + (m.path === s.section ? ' aria-current="page"' : "") + ">" + esc(m.title) + "</a></li>";
    }).join("");
    var on = document.documentElement.classList.contains("special-version");
    return '<header><div class="top"><button id="special-version" type="button" aria-pressed="' + on + '">' +
      esc(e.special) + '</button><nav aria-label="' + esc(e.lang_nav) + '"><ul>' + langs + "</ul></nav></div>" +
      '<p class="brand">' + esc(e.name) + '</p><nav class="sections" aria-label="' + esc(e.main_nav) + '"><ul>' + menu +
      "</ul></nav></header><main id=\"main\">" + mainHtml + "</main><footer><p>" + esc(e.footer) + "</p>" +
      (e.portals.length ? '<ul class="portals">' + e.portals.map(function (p) {
        return '<li><a href="' + esc(p.href) + '">' + esc(p.text) + "</a></li>";
      }).join("") + "</ul>" : "") + "</footer>";
  }

  var renderId = 0;
  function render() {
    var s = state(), id = ++renderId;
    if (!s.slug) { root.textContent = ""; return Promise.resolve(); }
    var r = route(s.section);
    return sleep(DELAY_MS).then(function () {
      return Promise.all([api(s, ""), r ? api(s, r.api) : Promise.resolve(null)]);
    }).then(function (res) {
      if (id !== renderId) return;  // a newer navigation won
      var e = res[0], d = res[1];
      if (!e) { root.textContent = ""; return; }
      var mainHtml = d && r ? r.view(s, d, e) : "<h1>" + esc(e.not_found) + "</h1>";
      document.documentElement.lang = s.lang;
      document.title = (d && r ? (d.title ? d.title + " | " : "") : e.not_found + " | ") + e.name;
      root.innerHTML = chrome(s, e, mainHtml);
      document.documentElement.setAttribute("data-rendered", "1");
    });
  }

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("#special-version");
    if (b) {
      if (localStorage.getItem("specialVersion") === "1") localStorage.removeItem("specialVersion");
      else localStorage.setItem("specialVersion", "1");
      applySpecial();
      b.setAttribute("aria-pressed", String(document.documentElement.classList.contains("special-version")));
      return;
    }
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/memleket/entities/") !== 0) return;
    ev.preventDefault();
    history.pushState(null, "", url.pathname + url.search);
    document.documentElement.removeAttribute("data-rendered");
    render().then(function () { var h = document.querySelector("main h1"); if (h) { h.tabIndex = -1; h.focus(); } });
  });
  window.addEventListener("popstate", render);
  // The first render starts DELAY_MS after `load`, never before it: a checker that reads the page at
  // `load` always finds the empty shell, however slowly the browser got there.
  if (document.readyState === "complete") render();
  else window.addEventListener("load", function () { render(); });
})();
"""


def _date(days_ago: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days_ago)).isoformat()


def request_lang(headers: dict) -> str:
    """The API's language: the first supported tag of Accept-Language by q-value; kk when none."""
    tags = []
    for i, part in enumerate((headers.get("accept-language") or "").split(",")):
        bits = part.strip().split(";")
        q = 1.0
        for b in bits[1:]:
            if b.strip().startswith("q="):
                try:
                    q = float(b.strip()[2:])
                except ValueError:
                    q = 0.0
        tags.append((-q, i, bits[0].strip().lower()))
    for _q, _i, tag in sorted(tags):
        base = tag.split("-")[0]
        if base in ("kk", "kz"):
            return "kk"
        if base in ("ru", "en"):
            return base
    return "kk"


class GovKzSpaSite:
    """The site object SiteServer serves: handle(method, path, query, headers) -> Response."""

    name = "govkz-spa"

    def __init__(self, delay_ms: int = 150, slug: str = SLUG, missing_api: str = "404", wording: str = "platform",
                 portals: bool = False, drop_portal: tuple[str, str] | None = None,
                 wrong_version: tuple[str, str] | None = None,
                 also: tuple[str, ...] = ()):
        self.slug = slug
        self.slugs = {slug, *also}  # more entities on the same platform, with the same content
        self.app_js = APP_JS.replace("__DELAY_MS__", str(int(delay_ms)))
        self.missing_api, self.wording = missing_api, wording
        self.portals, self.drop_portal, self.wrong_version = portals, drop_portal, wrong_version

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        if path == "/":
            return redirect(f"/memleket/entities/{self.slug}?lang=kk", 302)
        if path == "/memleket/entities" or path.startswith(ENTITY_PREFIX):
            return html_response(SHELL)  # the same shell for every page: the content comes from the API
        if path == "/static/app.js":
            return Response(200, self.app_js, "text/javascript; charset=utf-8")
        if path == "/static/app.css":
            return Response(200, APP_CSS, "text/css; charset=utf-8")
        if path.startswith("/uploads/documents/") and path.endswith(".pdf"):
            name = path.rsplit("/", 1)[1]
            for date, _number, versions in DOCUMENTS.values():
                if any(file == name for _title, file in versions.values()):
                    return Response(200, minimal_pdf(f"{name} ({date}) - fictional document for tests"),
                                    "application/pdf")
            return not_found()
        if path.startswith("/api/v1/entities/"):
            return self.api(path[len("/api/v1/entities/"):].strip("/"), query, request_lang(headers))
        return not_found()

    def portal_links(self, lang: str) -> list[dict]:
        out = []
        for portal, versions in PORTALS.items():
            if self.drop_portal == (portal, lang):
                continue
            text, href = versions[lang]
            if self.wrong_version == (portal, lang):
                href = versions["ru" if lang != "ru" else "kk"][1]
            out.append({"text": text, "href": href})
        return out

    def api(self, rest: str, query: dict, lang: str) -> Response:
        slug, _, section = rest.partition("/")
        headers = {"Content-Language": lang, "Vary": "Accept-Language"}
        missing = json_response({"error": "not found", "lang": lang}, 404, headers)
        # an item with no version in this language: 404, or (as some APIs do) 200 with nothing in it
        no_version = missing if self.missing_api == "404" else Response(200, "null", "application/json", headers)
        if slug not in self.slugs:
            return missing
        ok = lambda data: json_response({"lang": lang, **data}, 200, headers)  # noqa: E731
        e = ENTITY[lang]
        if section == "":
            return ok({"slug": slug, "name": e["name"], "footer": e["footer"], "special": e["special"],
                       "latest": e["latest"], "lang_nav": e["lang_nav"], "main_nav": e["main_nav"],
                       "not_found": e["not_found"] if self.wording == "platform" else OTHER_NOT_FOUND[lang],
                       "menu": [{"path": p, "title": t} for p, t in e["menu"]],
                       "portals": self.portal_links(lang) if self.portals else []})
        if section == "about":
            title, paras = ABOUT[lang]
            return ok({"title": title, "paragraphs": paras})
        if section == "about/structure":
            title, units = STRUCTURE[lang]
            return ok({"title": title, "units": units})
        if section == "press/news":
            items = sorted(({"id": i, "date": _date(d), "title": t[lang][0], "teaser": t[lang][1][0]}
                            for i, (d, t) in NEWS.items() if lang in t), key=lambda n: n["date"], reverse=True)
            limit = query.get("limit")
            if limit and limit.isdigit():
                items = items[:int(limit)]
            return ok({"title": e["menu"][3][1], "items": items})
        m = re.fullmatch(r"press/news/(\d+)", section)
        if m:
            item = NEWS.get(int(m.group(1)))
            if not item or lang not in item[1]:
                return no_version if item else missing
            title, paras = item[1][lang]
            return ok({"id": int(m.group(1)), "date": _date(item[0]), "title": title, "paragraphs": paras})
        if section == "documents":
            return ok({"title": DOCUMENTS_TITLE[lang],
                       "items": [{"id": i, "title": v[lang][0], "date": date, "number": number}
                                 for i, (date, number, v) in DOCUMENTS.items() if lang in v]})
        m = re.fullmatch(r"documents/(\d+)", section)
        if m:
            doc = DOCUMENTS.get(int(m.group(1)))
            if not doc or lang not in doc[2]:
                return no_version if doc else missing
            date, number, versions = doc
            title, file = versions[lang]
            return ok({"id": int(m.group(1)), "title": title, "date": date, "number": number,
                       "file": f"/uploads/documents/{file}", "labels": DOCUMENT_LABELS[lang]})
        if section == "contacts":
            title, c = CONTACTS[lang]
            labels = {"kk": ["Мекенжайы", "Телефон", "Электрондық пошта", "Жұмыс уақыты"],
                      "ru": ["Адрес", "Телефон", "Электронная почта", "Время работы"],
                      "en": ["Address", "Phone", "E-mail", "Opening hours"]}[lang]
            rows = [{"key": k, "label": lbl, "value": c[k]}
                    for k, lbl in zip(("address", "phone", "email", "hours"), labels)]
            return ok({"title": title, "rows": rows})
        return missing


def govkz_spa_site(delay_ms: int = 150, **options) -> GovKzSpaSite:
    return GovKzSpaSite(delay_ms=delay_ms, **options)
