"""A replica of the gov.kz unified platform: a single-page JavaScript app over a JSON API.

- Every path under /memleket/entities/<slug> (`/about`, `/about/structure`, `/press/news`,
  `/press/news/details/<id>`, `/documents`, `/contacts`, anything else) answers 200 with the SAME empty HTML
  shell; unknown sections are a "not found" the app renders (a soft 404, as on the platform).
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

from parity_check.sites.server import Response, html_response, json_response, not_found, redirect

SLUG = "demo-akimat"
ENTRY = f"/memleket/entities/{SLUG}?lang=kk"
ENTITY_PREFIX = "/memleket/entities/"
LANGS = ("kk", "ru", "en")

# `also`: other checks that see the same defect from another angle.
PLANTED = [
    {"check": "untranslated-page", "path": f"/memleket/entities/{SLUG}/press/news/details/203?lang=kk",
     "lang": "kk", "mode": "normal", "what": "the Kazakh version of news item 203 is Russian text",
     "also": ["lang-mismatch", "copied-text", "untranslated-text"]},
    {"check": "missing-item", "path": f"/memleket/entities/{SLUG}/press/news?lang=en",
     "lang": "en", "mode": "normal", "what": "news item 204 is in the kk and ru news lists, not in the en one"},
    {"check": "missing-language-version", "path": f"/memleket/entities/{SLUG}/press/news/details/204?lang=en",
     "lang": "en", "mode": "normal",
     "what": "news item 204 has no English version: a soft 404 (HTTP 200, the app renders 'Page not found')"},
]

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
        # PLANTED missing-translation: no English version
        "kk": ("Наурыз мерекесіне дайындық басталды",
               ["Қалада Наурыз мейрамына арналған іс-шаралар жоспары бекітілді. Мерекелік концерттер мен "
                "ұлттық ойындар бес алаңда өтеді."]),
        "ru": ("Началась подготовка к празднику Наурыз",
               ["В городе утверждён план мероприятий к празднику Наурыз. Праздничные концерты и национальные "
                "игры пройдут на пяти площадках."]),
    }),
}

DOCUMENTS = {
    "kk": ("Құжаттар", [("Қала әкімдігінің 2025 жылғы 3 ақпандағы № 45 қаулысы", "2025-02-03", "qaulysy-45.pdf")]),
    "ru": ("Документы", [("Постановление акимата города от 3 февраля 2025 года № 45", "2025-02-03",
                          "postanovlenie-45.pdf")]),
    "en": ("Documents", [("Resolution No. 45 of the city akimat of 3 February 2025", "2025-02-03",
                          "resolution-45.pdf")]),
}

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
      return '<li><a href="' + esc(x.file) + '">' + esc(x.title) + '</a> <span class="date">(' + esc(x.date) + ", PDF)</span></li>";
    }).join("") + "</ul>";
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
      "</ul></nav></header><main id=\"main\">" + mainHtml + "</main><footer><p>" + esc(e.footer) + "</p></footer>";
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

    def __init__(self, delay_ms: int = 150, slug: str = SLUG, also: tuple[str, ...] = ()):
        self.slug = slug
        self.slugs = {slug, *also}  # more entities on the same platform, with the same content
        self.app_js = APP_JS.replace("__DELAY_MS__", str(int(delay_ms)))

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
            for _title, items in DOCUMENTS.values():
                for title, date, file in items:
                    if file == name:
                        return Response(200, minimal_pdf(f"{name} ({date}) - fictional document for tests"),
                                        "application/pdf")
            return not_found()
        if path.startswith("/api/v1/entities/"):
            return self.api(path[len("/api/v1/entities/"):].strip("/"), query, request_lang(headers))
        return not_found()

    def api(self, rest: str, query: dict, lang: str) -> Response:
        slug, _, section = rest.partition("/")
        headers = {"Content-Language": lang, "Vary": "Accept-Language"}
        missing = json_response({"error": "not found", "lang": lang}, 404, headers)
        if slug not in self.slugs:
            return missing
        ok = lambda data: json_response({"lang": lang, **data}, 200, headers)  # noqa: E731
        e = ENTITY[lang]
        if section == "":
            return ok({"slug": slug, "name": e["name"], "footer": e["footer"], "special": e["special"],
                       "latest": e["latest"], "not_found": e["not_found"], "lang_nav": e["lang_nav"],
                       "main_nav": e["main_nav"], "menu": [{"path": p, "title": t} for p, t in e["menu"]]})
        if section == "about":
            title, paras = ABOUT[lang]
            return ok({"title": title, "paragraphs": paras})
        if section == "about/structure":
            title, units = STRUCTURE[lang]
            return ok({"title": title, "units": units})
        if section == "press/news":
            items = [{"id": i, "date": _date(d), "title": t[lang][0], "teaser": t[lang][1][0]}
                     for i, (d, t) in NEWS.items() if lang in t]
            limit = query.get("limit")
            if limit and limit.isdigit():
                items = items[:int(limit)]
            return ok({"title": e["menu"][3][1], "items": items})
        m = re.fullmatch(r"press/news/(\d+)", section)
        if m:
            item = NEWS.get(int(m.group(1)))
            if not item or lang not in item[1]:
                return missing
            title, paras = item[1][lang]
            return ok({"id": int(m.group(1)), "date": _date(item[0]), "title": title, "paragraphs": paras})
        if section == "documents":
            title, docs = DOCUMENTS[lang]
            return ok({"title": title, "items": [{"title": t, "date": d, "file": f"/uploads/documents/{f}"}
                                                 for t, d, f in docs]})
        if section == "contacts":
            title, c = CONTACTS[lang]
            labels = {"kk": ["Мекенжайы", "Телефон", "Электрондық пошта", "Жұмыс уақыты"],
                      "ru": ["Адрес", "Телефон", "Электронная почта", "Время работы"],
                      "en": ["Address", "Phone", "E-mail", "Opening hours"]}[lang]
            rows = [{"key": k, "label": lbl, "value": c[k]}
                    for k, lbl in zip(("address", "phone", "email", "hours"), labels)]
            return ok({"title": title, "rows": rows})
        return missing


def govkz_spa_site(delay_ms: int = 150) -> GovKzSpaSite:
    return GovKzSpaSite(delay_ms=delay_ms)
