"""A generated trilingual server-rendered site for throughput benchmarks: deterministic for a seed.

generated_site(n_pages=60, seed=0) has n_pages // 3 pages in each of kk, ru and en (at least one): a home
page `/kz/` (`/ru/`, `/en/`) that links the first 50 pages and, on a bigger site, numbered listing pages
`/kz/list/<n>/` with 50 more each (as real sites paginate their news, so no page grows with the site), and
`/kz/page/<k>/` pages with a menu of the first
sections, previous/next links, a language switcher and hreflang alternates. The three languages say the same
thing (parallel sentences, same figures), and the bvi-lite widget is on every page, English included.
There are no planted defects: PLANTED is empty, and pages are meant to pass axe-core in both modes and
parity-check's own checks (a benchmark site has none of the sections the law requires: those are reported
for review, "incomplete").
`/` redirects (302) to `/kz/`.
"""
from __future__ import annotations

import random
from html import escape

from parity_check.sites.server import Response, html_response, not_found, redirect, shared_asset

LANGS = ("kk", "ru", "en")
CODE = {"kk": "kz", "ru": "ru", "en": "en"}
LANG_OF_CODE = {v: k for k, v in CODE.items()}
PLANTED: list[dict] = []
MENU_SIZE = 6
LISTING = 50  # pages linked from the home page and from each listing page

UI = {
    "kk": {"site": "Генерацияланған әкімдік", "home": "Басты бет", "vi": "Көзі нашар көретіндерге арналған нұсқа",
           "notice": "хабарлама", "prev": "Алдыңғы бет", "next": "Келесі бет", "all": "Барлық беттер",
           "menu": "Негізгі мәзір", "langs": "Сайт тілі", "footer": "Өнімділікті өлшеуге арналған ойдан шығарылған сайт."},
    "ru": {"site": "Сгенерированный акимат", "home": "Главная", "vi": "Версия для слабовидящих",
           "notice": "сообщение", "prev": "Предыдущая страница", "next": "Следующая страница", "all": "Все страницы",
           "menu": "Главное меню", "langs": "Язык сайта", "footer": "Вымышленный сайт для измерения производительности."},
    "en": {"site": "Generated Akimat", "home": "Home", "vi": "Version for the visually impaired",
           "notice": "notice", "prev": "Previous page", "next": "Next page", "all": "All pages",
           "menu": "Main menu", "langs": "Site language", "footer": "A fictional site for performance measurements."},
}

TOPICS = [
    ("Білім беру", "Образование", "Education"),
    ("Денсаулық сақтау", "Здравоохранение", "Health care"),
    ("Ауыл шаруашылығы", "Сельское хозяйство", "Agriculture"),
    ("Жолдар мен көлік", "Дороги и транспорт", "Roads and transport"),
    ("Әлеуметтік қолдау", "Социальная поддержка", "Social support"),
    ("Мәдениет және спорт", "Культура и спорт", "Culture and sport"),
    ("Тұрғын үй құрылысы", "Жилищное строительство", "Housing construction"),
    ("Кәсіпкерлік", "Предпринимательство", "Business"),
]

# Parallel sentences (kk, ru, en, figure range): the same figure goes into all three languages.
SENTENCES = [
    ("Биыл өңірде {n} жаңа мектеп салынады.", "В этом году в регионе построят {n} новых школ.",
     "This year {n} new schools will be built in the region.", (2, 12)),
    ("Аудандық емханаларға {n} жаңа дәрігер жұмысқа қабылданды.", "В районные поликлиники принято на работу {n} новых врачей.",
     "{n} new doctors have joined the district clinics.", (5, 60)),
    ("Фермерлерге {n} миллион теңге жеңілдетілген несие берілді.", "Фермерам выдано {n} миллионов тенге льготных кредитов.",
     "Farmers received {n} million tenge in preferential loans.", (100, 900)),
    ("Ауылдық жолдардың {n} шақырымы жөнделді.", "Отремонтировано {n} километров сельских дорог.",
     "{n} kilometres of rural roads have been repaired.", (10, 300)),
    ("Әлеуметтік көмекті {n} отбасы алды.", "Социальную помощь получили {n} семей.",
     "{n} families received social assistance.", (50, 2000)),
    ("Жаңа спорт кешеніне күн сайын {n} адам келеді.", "Новый спортивный комплекс ежедневно посещают {n} человек.",
     "{n} people visit the new sports centre every day.", (100, 900)),
    ("Жыл соңына дейін {n} пәтер пайдалануға беріледі.", "До конца года будет сдано {n} квартир.",
     "{n} flats will be completed by the end of the year.", (50, 600)),
    ("Шағын бизнеске {n} грант бөлінді.", "Малому бизнесу выделено {n} грантов.",
     "{n} grants have been awarded to small businesses.", (10, 200)),
    ("Тұрғындардың өтініштері {n} жұмыс күні ішінде қаралады.", "Обращения жителей рассматриваются в течение {n} рабочих дней.",
     "Residents' appeals are reviewed within {n} working days.", (5, 15)),
    ("Ақпарат әкімдіктің сайтында үнемі жаңартылып отырады.", "Информация регулярно обновляется на сайте акимата.",
     "The information is regularly updated on the akimat's website.", (0, 0)),
]

CSS = """body { margin: 0; font: 16px/1.5 Arial, "DejaVu Sans", sans-serif; color: #1f2933; background: #fff;
  overflow-wrap: break-word; }
a { color: #0b5394; }
header { background: #12355b; color: #fff; padding: 8px 16px; }
header a { color: #fff; }
.bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 4px 16px; }
.bar ul, nav.menu ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.bar li a { display: inline-block; padding: 4px 8px; }
.site { font-size: 24px; font-weight: bold; margin: 8px 0; }
nav.menu { background: #e6eef5; }
nav.menu a { display: block; padding: 10px 12px; color: #12355b; font-weight: bold; }
main { max-width: 900px; margin: 0 auto; padding: 16px; }
main p, main li { max-width: 62ch; }
.pager a { display: inline-block; padding: 6px 0; margin-right: 24px; }
footer { background: #12355b; color: #fff; padding: 12px 16px; }
"""


class GeneratedSite:
    """The site object SiteServer serves: handle(method, path, query, headers) -> Response."""

    name = "generated"

    def __init__(self, n_pages: int = 60, seed: int = 0):
        self.per_lang = max(1, n_pages // 3)
        self.seed = seed
        self.pages = self._build()

    def _content(self, k: int) -> tuple[int, list[tuple[int, int]]]:
        """(topic index, [(sentence index, figure)]) of page k: the same for every language."""
        rng = random.Random(self.seed * 1_000_003 + k)
        topic = rng.randrange(len(TOPICS))
        picks = [(i, rng.randint(*SENTENCES[i][3])) for i in rng.sample(range(len(SENTENCES)), rng.randint(4, 8))]
        return topic, picks

    def _rel(self, k: int) -> str:
        return "" if k == 0 else f"page/{k}/"

    def _title(self, k: int, li: int, topic: int) -> str:
        if k == 0:
            return UI[LANGS[li]]["home"]
        notice, sign = UI[LANGS[li]]["notice"], "No." if LANGS[li] == "en" else "№"
        return f"{TOPICS[topic][li]}: {notice} {sign} {k}"

    def _build(self) -> dict[str, str]:
        contents = [self._content(k) for k in range(self.per_lang)]
        pages = {}
        for li, lang in enumerate(LANGS):
            for k in range(self.per_lang):
                pages[f"/{CODE[lang]}/{self._rel(k)}"] = self._page(lang, li, k, contents)
            for n in range(2, self._listings() + 1):
                pages[f"/{CODE[lang]}/list/{n}/"] = self._listing_page(lang, li, n, contents)
        return pages

    def _listings(self) -> int:
        return max(1, -(-(self.per_lang - 1) // LISTING))

    def _listing(self, lang: str, li: int, n: int, contents) -> str:
        """Listing n (1 is on the home page): its 50 pages and the numbered links to every listing."""
        code, ui = CODE[lang], UI[lang]
        first = 1 + (n - 1) * LISTING
        body = f"<h2>{escape(ui['all'])}</h2>\n<ul>" + "".join(
            f'<li><a href="/{code}/{self._rel(j)}">{escape(self._title(j, li, contents[j][0]))}</a></li>'
            for j in range(first, min(first + LISTING, self.per_lang))) + "</ul>\n"
        if self._listings() > 1:
            body += f'<p class="pager">' + "".join(
                f'<a href="/{code}/{"" if m == 1 else f"list/{m}/"}">{m}</a>'
                for m in range(1, self._listings() + 1) if m != n) + "</p>\n"
        return body

    def _listing_page(self, lang: str, li: int, n: int, contents) -> str:
        ui = UI[lang]
        return self._html(lang, li, f"{ui['all']} ({n})", f"list/{n}/", contents,
                          f"<h1>{escape(ui['all'])} ({n})</h1>\n" + self._listing(lang, li, n, contents))

    def _page(self, lang: str, li: int, k: int, contents) -> str:
        ui, code = UI[lang], CODE[lang]
        topic, picks = contents[k]
        title = self._title(k, li, topic)
        text = " ".join(SENTENCES[s][li].format(n=n) for s, n in picks)
        body = f"<h1>{escape(title)}</h1>\n<p>{escape(text)}</p>\n"
        if k == 0:
            body += self._listing(lang, li, 1, contents)
        else:
            links = []
            if k > 1:
                links.append(f'<a href="/{code}/{self._rel(k - 1)}">{escape(ui["prev"])}</a>')
            if k + 1 < self.per_lang:
                links.append(f'<a href="/{code}/{self._rel(k + 1)}">{escape(ui["next"])}</a>')
            body += f'<p class="pager">{"".join(links)}</p>\n'
        return self._html(lang, li, title, self._rel(k), contents, body)

    def _html(self, lang: str, li: int, title: str, rel: str, contents, body: str) -> str:
        ui, code = UI[lang], CODE[lang]
        alternates = "".join(f'<link rel="alternate" hreflang="{l}" href="/{CODE[l]}/{rel}">' for l in LANGS)
        switch = "".join(f'<li><a href="/{CODE[l]}/{rel}" lang="{l}" hreflang="{l}">'
                         f'{ {"kk": "Қазақша", "ru": "Русский", "en": "English"}[l] }</a></li>' for l in LANGS)
        menu = "".join(f'<li><a href="/{code}/{self._rel(j)}">{escape(self._title(j, li, contents[j][0]))}</a></li>'
                       for j in range(min(MENU_SIZE, self.per_lang)))
        return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} | {escape(ui["site"])}</title>
<link rel="icon" href="data:,">
{alternates}
<style>{CSS}</style>
<link rel="stylesheet" href="/bvi/bvi-lite.css">
<script src="/bvi/bvi-lite.js" defer></script>
</head>
<body>
<header>
<div class="bar"><a href="#" class="bvi-open">{escape(ui["vi"])}</a>
<nav aria-label="{escape(ui["langs"])}"><ul>{switch}</ul></nav></div>
<p class="site"><a href="/{code}/">{escape(ui["site"])}</a></p>
</header>
<nav class="menu" aria-label="{escape(ui["menu"])}"><ul>{menu}</ul></nav>
<main>
{body}</main>
<footer><p>{escape(ui["footer"])}</p></footer>
</body>
</html>
"""

    def paths(self) -> list[str]:
        return list(self.pages)

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        asset = shared_asset(path)
        if asset is not None:
            return asset
        if path == "/":
            return redirect("/kz/", 302)
        page = self.pages.get(path)
        if page is None and not path.endswith("/") and path + "/" in self.pages:
            return redirect(path + "/", 301)
        return html_response(page) if page is not None else not_found()


def generated_site(n_pages: int = 60, seed: int = 0) -> GeneratedSite:
    return GeneratedSite(n_pages=n_pages, seed=seed)
