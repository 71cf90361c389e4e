"""A replica of a regional akimat site (/kz/ /ru/ /en/ prefixes) with planted language-parity defects.

Planted (see PLANTED): a news item missing in Kazakh (its row and its page, reported once), a statistics row missing in English, a document
missing in English, the Kazakh documents page linking the Russian file, differing figures in a news text, a
table and a phone number, an English news list that stopped months ago, a Kazakh news text cut to one
sentence, an English paragraph left in Russian, and an invalid hreflang code. In step (no parity finding
allowed): the home page, "about" (sections), announcements (dates written three ways), and the leadership
page, whose URL differs per language (/kz/basshylyk/, /ru/rukovodstvo/, /en/leadership/) so the pages are
paired only by hreflang and the language switcher.

Served with parity_check.sites.server.SiteServer; the dates are fixed (2026), so runs are reproducible.
"""
from __future__ import annotations

import datetime as dt
import html

from parity_check.sites.server import Response, html_response, not_found, redirect

LANGS = ("kk", "ru", "en")
CODE = {"kk": "kz", "ru": "ru", "en": "en"}
LANG_OF_CODE = {v: k for k, v in CODE.items()}

# Each planted defect: the check that must find it, the page (path) and language it must be reported on.
PLANTED = [
    # one missing thing, one finding: the Kazakh list lacks the row and /kz/news/7 answers 404; reported once,
    # on the page that does not exist, linking both lists
    {"check": "missing-language-version", "path": "/kz/news/7", "lang": "kk", "what": "news item 7 absent in Kazakh"},
    {"check": "missing-item", "path": "/en/statistics/", "lang": "en", "what": "unemployment row absent in English"},
    {"check": "missing-document", "path": "/en/documents/", "lang": "en", "what": "order No. 45 absent in English"},
    {"check": "missing-document", "path": "/kz/documents/", "lang": "kk", "what": "Kazakh page links decree_12_ru.pdf"},
    {"check": "number-mismatch", "path": "/kz/news/3", "lang": "kk", "what": "12 schools in Kazakh, 15 in ru/en"},
    {"check": "number-mismatch", "path": "/kz/statistics/", "lang": "kk", "what": "154 schools in Kazakh, 157 in ru/en"},
    {"check": "number-mismatch", "path": "/en/contacts/", "lang": "en", "what": "reception phone differs in English"},
    {"check": "stale-language", "path": "/en/news/", "lang": "en", "what": "English news stops in August"},
    *({"check": "missing-language-version", "path": f"/en/news/{n}", "lang": "en",
       "what": f"news item {n} has no English version (the English news stopped)"} for n in (5, 6, 7, 8)),
    {"check": "truncated-text", "path": "/kz/news/2", "lang": "kk", "what": "Kazakh news 2 cut to one sentence"},
    {"check": "copied-text", "path": "/en/services/", "lang": "en", "what": "a Russian paragraph on the English page"},
    {"check": "hreflang-error", "path": "/en/contacts/", "lang": "en", "what": "hreflang=\"kz\""},
]
IN_STEP = ["/kz/", "/ru/", "/en/", "/kz/about/", "/ru/about/", "/en/about/", "/kz/announcements/",
           "/ru/announcements/", "/en/announcements/", "/kz/basshylyk/", "/ru/rukovodstvo/", "/en/leadership/"]

KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def fmt_date(d: dt.date, lang: str, style: str = "words") -> str:
    if style == "numeric":
        return d.strftime("%d.%m.%Y")
    if lang == "kk":
        return f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}"
    if lang == "ru":
        return f"{d.day} {RU_MONTHS[d.month - 1]} {d.year} г."
    return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"


SITE_NAME = {"kk": "Шығыс Қазақстан облысының әкімдігі", "ru": "Акимат Восточно-Казахстанской области",
             "en": "Akimat of East Kazakhstan Region"}
MENU = [  # (path per language, label per language)
    ({"kk": "news/", "ru": "news/", "en": "news/"}, {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}),
    ({"kk": "announcements/", "ru": "announcements/", "en": "announcements/"},
     {"kk": "Хабарландырулар", "ru": "Объявления", "en": "Announcements"}),
    ({"kk": "documents/", "ru": "documents/", "en": "documents/"}, {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"}),
    ({"kk": "statistics/", "ru": "statistics/", "en": "statistics/"},
     {"kk": "Статистика", "ru": "Статистика", "en": "Statistics"}),
    ({"kk": "basshylyk/", "ru": "rukovodstvo/", "en": "leadership/"},
     {"kk": "Басшылық", "ru": "Руководство", "en": "Leadership"}),
    ({"kk": "about/", "ru": "about/", "en": "about/"}, {"kk": "Облыс туралы", "ru": "Об области", "en": "About the region"}),
    ({"kk": "services/", "ru": "services/", "en": "services/"},
     {"kk": "Мемлекеттік қызметтер", "ru": "Государственные услуги", "en": "Public services"}),
    ({"kk": "contacts/", "ru": "contacts/", "en": "contacts/"}, {"kk": "Байланыс", "ru": "Контакты", "en": "Contacts"}),
]

# News: id -> date, title and text per language. Paragraph lists; figures must agree unless planted.
NEWS = {
    1: (dt.date(2026, 6, 15), {
        "kk": ("Өскеменде жаңа аурухана ашылды", ["Өскемен қаласында 2026 жылы 300 төсектік көпбейінді аурухана ашылды.",
               "Құрылысқа 18,5 млрд теңге жұмсалды, ауруханада 420 маман жұмыс істейді.",
               "Аурухана облыстың 1,3 млн тұрғынына қызмет көрсетеді."]),
        "ru": ("В Усть-Каменогорске открылась новая больница", ["В Усть-Каменогорске в 2026 году открылась многопрофильная больница на 300 коек.",
               "На строительство направлено 18,5 млрд тенге, в больнице работают 420 специалистов.",
               "Больница будет обслуживать 1,3 млн жителей области."]),
        "en": ("A new hospital opened in Ust-Kamenogorsk", ["A 300-bed multi-profile hospital opened in Ust-Kamenogorsk in 2026.",
               "Construction cost 18.5 billion tenge, and 420 specialists work at the hospital.",
               "The hospital will serve 1.3 million residents of the region."]),
    }),
    2: (dt.date(2026, 7, 2), {
        # PLANTED truncated-text: the Kazakh text is one sentence.
        "kk": ("Облыста егін жинау басталды", ["Облыста егін жинау науқаны басталды."]),
        "ru": ("В области началась уборочная кампания", [
            "В Восточно-Казахстанской области стартовала уборочная кампания, в которой задействовано 2 400 единиц техники.",
            "Зерновые культуры предстоит убрать с площади 520 тысяч гектаров, средняя урожайность ожидается на уровне 14 центнеров с гектара.",
            "Аграрии получили льготное дизельное топливо по цене на 20 процентов ниже рыночной.",
            "Аким области поручил завершить уборку до конца сентября и обеспечить сохранность урожая в хранилищах."]),
        "en": ("Harvest campaign started in the region", [
            "The harvest campaign has started in East Kazakhstan Region, with 2,400 machines involved.",
            "Grain crops are to be harvested from an area of 520 thousand hectares, with an expected average yield of 14 centners per hectare.",
            "Farmers received subsidised diesel fuel at a price 20 percent below the market price.",
            "The akim of the region instructed to complete the harvest by the end of September and keep the crop safe in storage."]),
    }),
    3: (dt.date(2026, 7, 20), {
        # PLANTED number-mismatch: 12 schools in Kazakh, 15 in Russian and English.
        "kk": ("Облыста жаңа мектептер салынуда", ["2026 жылы облыста 12 жаңа мектеп салынады.",
               "Мектептер 9 600 оқушыға арналған, құрылысқа 42 млрд теңге бөлінді."]),
        "ru": ("В области строятся новые школы", ["В 2026 году в области будет построено 15 новых школ.",
               "Школы рассчитаны на 9 600 учеников, на строительство выделено 42 млрд тенге."]),
        "en": ("New schools are being built in the region", ["In 2026, 15 new schools will be built in the region.",
               "The schools are designed for 9,600 pupils, and 42 billion tenge has been allocated."]),
    }),
    4: (dt.date(2026, 8, 3), {
        "kk": ("Жастар форумы өтті", ["Өскеменде облыстық жастар форумы өтті, оған 800 жас қатысты.",
               "Форумда 35 жастар жобасы таныстырылды."]),
        "ru": ("Состоялся молодёжный форум", ["В Усть-Каменогорске прошёл областной молодёжный форум, в нём приняли участие 800 молодых людей.",
               "На форуме представлено 35 молодёжных проектов."]),
        "en": ("Youth forum held", ["A regional youth forum was held in Ust-Kamenogorsk with 800 young people taking part.",
               "35 youth projects were presented at the forum."]),
    }),
    5: (dt.date(2026, 9, 10), {
        "kk": ("Жылу беру маусымына дайындық", ["Облыста 1 250 шақырым жылу желісі жөнделді.",
               "Жылу беру маусымы 15 қыркүйекте басталады."]),
        "ru": ("Подготовка к отопительному сезону", ["В области отремонтировано 1 250 километров тепловых сетей.",
               "Отопительный сезон начнётся 15 сентября."]),
        "en": ("Preparing for the heating season", ["1,250 kilometres of heating networks have been repaired in the region.",
               "The heating season starts on September 15."]),
    }),
    6: (dt.date(2026, 10, 1), {
        "kk": ("Қарттар күні атап өтілді", ["Облыста 62 мыңнан астам зейнеткер құттықталды."]),
        "ru": ("Отмечен День пожилых людей", ["В области поздравили более 62 тысяч пенсионеров."]),
        "en": ("Day of Older Persons celebrated", ["More than 62 thousand pensioners were congratulated in the region."]),
    }),
    7: (dt.date(2026, 10, 22), {
        "kk": ("Туристер саны өсті", ["Биыл облысқа 1,1 млн турист келді, бұл өткен жылғыдан 8 пайызға көп."]),
        "ru": ("Число туристов выросло", ["В этом году область посетили 1,1 млн туристов, это на 8 процентов больше, чем в прошлом году."]),
        "en": ("The number of tourists has grown", ["1.1 million tourists visited the region this year, 8 percent more than last year."]),
    }),
    8: (dt.date(2026, 11, 12), {
        "kk": ("Алтайда жаңа жол ашылды", ["Алтай ауданында ұзындығы 46 шақырым жол пайдалануға берілді."]),
        "ru": ("На Алтае открыта новая дорога", ["В Алтайском районе введена в эксплуатацию дорога протяжённостью 46 километров."]),
        "en": ("A new road opened in Altai", ["A 46-kilometre road was put into operation in Altai district."]),
    }),
}
NEWS_IN = {"kk": [1, 2, 3, 4, 5, 6, 8],  # PLANTED missing-item: no news 7 in Kazakh
           "ru": [1, 2, 3, 4, 5, 6, 7, 8],
           "en": [1, 2, 3, 4]}  # PLANTED stale-language: English stops at 3 August

ANNOUNCEMENTS = [  # in step; dates written differently per language
    (dt.date(2026, 11, 20), {"kk": "Азаматтарды жеке қабылдау кестесі", "ru": "График личного приёма граждан",
                             "en": "Schedule of personal reception of citizens"}),
    (dt.date(2026, 11, 5), {"kk": "Жұмысқа орналасу жәрмеңкесі", "ru": "Ярмарка вакансий", "en": "Job fair"}),
    (dt.date(2026, 10, 14), {"kk": "Қоғамдық тыңдаулар", "ru": "Общественные слушания", "en": "Public hearings"}),
    (dt.date(2026, 9, 30), {"kk": "Гранттар конкурсы", "ru": "Конкурс грантов", "en": "Grant competition"}),
]

DOCUMENTS = [  # (file stem, date, title per language)
    ("order_45", dt.date(2026, 10, 5), {"kk": "№ 45 бұйрық, білім беру ұйымдары туралы",
                                        "ru": "Приказ № 45 об организациях образования",
                                        "en": "Order No. 45 on educational organisations"}),
    ("decree_12", dt.date(2026, 9, 12), {"kk": "№ 12 қаулы, облыстық бюджет туралы",
                                         "ru": "Постановление № 12 об областном бюджете",
                                         "en": "Resolution No. 12 on the regional budget"}),
    ("plan_2026", dt.date(2026, 3, 1), {"kk": "2026 жылға арналған даму жоспары",
                                        "ru": "План развития на 2026 год", "en": "Development plan for 2026"}),
]
FILE_LANG = {"kk": "kz", "ru": "ru", "en": "en"}

STATS = [  # (label per language, 2025 value, 2026 value); values written per language
    ({"kk": "Халық саны, мың адам", "ru": "Численность населения, тыс. человек", "en": "Population, thousand people"},
     "1365.2", "1362.4"),
    ({"kk": "Мектептер саны", "ru": "Количество школ", "en": "Number of schools"}, "152", "157"),
    ({"kk": "Жұмыссыздық деңгейі, %", "ru": "Уровень безработицы, %", "en": "Unemployment rate, %"}, "4.6", "4.4"),
    ({"kk": "Орташа жалақы, теңге", "ru": "Средняя заработная плата, тенге", "en": "Average salary, tenge"},
     "348912", "379540"),
]

CONTACTS = [  # (role per language, phone, e-mail)
    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"}, "+7 (7232) 27-11-50", "akimat@vko.example.kz"),
    ({"kk": "Баспасөз қызметі", "ru": "Пресс-служба", "en": "Press office"}, "+7 (7232) 27-11-64", "press@vko.example.kz"),
    ({"kk": "Азаматтардың өтініштері", "ru": "Обращения граждан", "en": "Citizens' appeals"}, "+7 (7232) 27-11-75",
     "appeals@vko.example.kz"),
]

LEADERS = [
    ({"kk": "Облыс әкімі", "ru": "Аким области", "en": "Akim of the region"},
     {"kk": "Серікбаев Нұрлан Асқарұлы", "ru": "Серикбаев Нурлан Аскарович", "en": "Nurlan Serikbayev"}),
    ({"kk": "Облыс әкімінің бірінші орынбасары", "ru": "Первый заместитель акима области",
      "en": "First deputy akim of the region"},
     {"kk": "Жұмабеков Ерлан Сәкенұлы", "ru": "Жумабеков Ерлан Сакенович", "en": "Yerlan Zhumabekov"}),
]

ABOUT = {  # sections (h2 + paragraph), in step
    "kk": [("Географиясы", "Облыс Қазақстанның шығысында орналасқан, ауданы 97 мың шаршы шақырым."),
           ("Экономикасы", "Облыс экономикасының негізі — түсті металлургия, машина жасау және ауыл шаруашылығы."),
           ("Туризм", "Алтай таулары мен Бұқтырма су қоймасы жыл сайын мыңдаған туристі тартады.")],
    "ru": [("География", "Область расположена на востоке Казахстана, её площадь составляет 97 тысяч квадратных километров."),
           ("Экономика", "Основа экономики области — цветная металлургия, машиностроение и сельское хозяйство."),
           ("Туризм", "Горы Алтая и Бухтарминское водохранилище ежегодно привлекают тысячи туристов.")],
    "en": [("Geography", "The region lies in the east of Kazakhstan and covers 97 thousand square kilometres."),
           ("Economy", "The economy of the region rests on non-ferrous metallurgy, engineering and agriculture."),
           ("Tourism", "The Altai mountains and the Bukhtarma reservoir attract thousands of tourists every year.")],
}

SERVICES = {
    "kk": ["Мемлекеттік қызметтерді электрондық үкімет порталы арқылы алуға болады.",
           "Қызмет алушылардың өтініштері бес жұмыс күні ішінде қаралады."],
    "ru": ["Государственные услуги можно получить через портал электронного правительства.",
           "Обращения получателей услуг рассматриваются в течение пяти рабочих дней."],
    # PLANTED copied-text: the second paragraph was never translated.
    "en": ["Public services can be obtained through the e-government portal.",
           "Обращения получателей услуг рассматриваются в течение пяти рабочих дней."],
}


def _num(value: str, lang: str) -> str:
    whole, _, frac = value.partition(".")
    groups = f"{int(whole):,}"
    if lang == "en":
        return groups + (f".{frac}" if frac else "")
    return groups.replace(",", "\u00a0") + (f",{frac}" if frac else "")


class ParitySite:
    """The site object SiteServer serves."""

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        if path == "/":
            return redirect("/kz/")
        if path.startswith("/files/") and path.endswith(".pdf"):
            return Response(200, b"%PDF-1.4\n% parity fixture\n" + path.encode() + b"\n%%EOF\n", "application/pdf")
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] not in LANG_OF_CODE:
            return not_found()
        lang = LANG_OF_CODE[parts[0]]
        rest = parts[1:]
        page = self._page(lang, rest)
        if page is None:
            return not_found()
        if not path.endswith("/") and (not rest or rest[0] != "news" or len(rest) == 1):
            return redirect(path + "/", 301)
        title, body, alternates = page
        return html_response(self._layout(lang, title, body, alternates))

    # -- pages ------------------------------------------------------------------------------------------
    def _page(self, lang: str, rest: list[str]):
        same = {l: f"/{CODE[l]}/" + "/".join(rest) + ("/" if rest else "") for l in LANGS}
        if not rest:
            return (*self._home(lang), same)
        section = rest[0]
        if section == "news" and len(rest) == 1:
            return (*self._news_list(lang), same)
        if section == "news" and len(rest) == 2 and rest[1].isdigit():
            nid = int(rest[1])
            if nid not in NEWS_IN[lang]:
                return None
            alts = {l: f"/{CODE[l]}/news/{nid}" for l in LANGS if nid in NEWS_IN[l]}
            return (*self._news_item(lang, nid), alts)
        leadership = {"kk": "basshylyk", "ru": "rukovodstvo", "en": "leadership"}
        if len(rest) == 1 and section == leadership[lang]:
            alts = {l: f"/{CODE[l]}/{leadership[l]}/" for l in LANGS}
            return (*self._leadership(lang), alts)
        handlers = {"announcements": self._announcements, "documents": self._documents,
                    "statistics": self._statistics, "about": self._about, "services": self._services,
                    "contacts": self._contacts}
        if len(rest) == 1 and section in handlers:
            alts = dict(same)
            if section == "contacts" and lang == "en":
                alts = {("kz" if l == "kk" else l): u for l, u in same.items()}  # PLANTED hreflang-error
            return (*handlers[section](lang), alts)
        return None

    def _home(self, lang):
        welcome = {"kk": "Облыс әкімдігінің ресми сайтына қош келдіңіздер. Мұнда облыс жаңалықтары, құжаттар мен "
                         "мемлекеттік қызметтер туралы ақпарат жарияланады.",
                   "ru": "Добро пожаловать на официальный сайт акимата области. Здесь публикуются новости области, "
                         "документы и информация о государственных услугах.",
                   "en": "Welcome to the official website of the regional akimat. News of the region, documents and "
                         "information on public services are published here."}[lang]
        return (SITE_NAME[lang], f"<h1>{SITE_NAME[lang]}</h1><p>{welcome}</p>")

    def _news_list(self, lang):
        heading = {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}[lang]
        rows = []
        for nid in sorted(NEWS_IN[lang], key=lambda n: NEWS[n][0], reverse=True):
            date, texts = NEWS[nid]
            title, paras = texts[lang]
            rows.append(f'<li class="news-item"><span class="date">{fmt_date(date, lang)}</span> '
                        f'<a href="/{CODE[lang]}/news/{nid}">{html.escape(title)}</a></li>')
        return heading, f"<h1>{heading}</h1><ul class=\"news-list\">{''.join(rows)}</ul>"

    def _news_item(self, lang, nid):
        date, texts = NEWS[nid]
        title, paras = texts[lang]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
        return title, (f"<article><h1>{html.escape(title)}</h1><p class=\"date\">{fmt_date(date, lang, 'numeric')}"
                       f"</p>{body}</article>")

    def _announcements(self, lang):
        heading = {"kk": "Хабарландырулар", "ru": "Объявления", "en": "Announcements"}[lang]
        rows = "".join(f'<li><span class="date">{fmt_date(d, lang)}</span> <span>{html.escape(t[lang])}</span></li>'
                       for d, t in ANNOUNCEMENTS)
        return heading, f"<h1>{heading}</h1><ul class=\"announcements\">{rows}</ul>"

    def _documents(self, lang):
        heading = {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"}[lang]
        cols = {"kk": ("Атауы", "Күні", "Файл"), "ru": ("Название", "Дата", "Файл"), "en": ("Title", "Date", "File")}[lang]
        rows = []
        for stem, date, titles in DOCUMENTS:
            if stem == "order_45" and lang == "en":
                continue  # PLANTED missing-document
            file_lang = "ru" if (stem == "decree_12" and lang == "kk") else FILE_LANG[lang]  # PLANTED
            rows.append(f"<tr><td>{html.escape(titles[lang])}</td><td>{fmt_date(date, lang, 'numeric')}</td>"
                        f"<td><a href=\"/files/{stem}_{file_lang}.pdf\">PDF</a></td></tr>")
        head = "".join(f"<th>{c}</th>" for c in cols)
        return heading, (f"<h1>{heading}</h1><table class=\"documents\"><thead><tr>{head}</tr></thead>"
                         f"<tbody>{''.join(rows)}</tbody></table>")

    def _statistics(self, lang):
        heading = {"kk": "Облыстың негізгі көрсеткіштері", "ru": "Основные показатели области",
                   "en": "Key indicators of the region"}[lang]
        rows = []
        for labels, v2025, v2026 in STATS:
            if labels["en"].startswith("Unemployment") and lang == "en":
                continue  # PLANTED missing-item
            if labels["en"] == "Number of schools" and lang == "kk":
                v2026 = "154"  # PLANTED number-mismatch
            rows.append(f"<tr><td>{html.escape(labels[lang])}</td><td>{_num(v2025, lang)}</td>"
                        f"<td>{_num(v2026, lang)}</td></tr>")
        head = "".join(f"<th>{c}</th>" for c in ({"kk": "Көрсеткіш", "ru": "Показатель", "en": "Indicator"}[lang],
                                                  "2025", "2026"))
        return heading, (f"<h1>{heading}</h1><table class=\"stats\"><thead><tr>{head}</tr></thead>"
                         f"<tbody>{''.join(rows)}</tbody></table>")

    def _leadership(self, lang):
        heading = {"kk": "Басшылық", "ru": "Руководство", "en": "Leadership"}[lang]
        cards = "".join(f'<div class="person"><h3>{html.escape(names[lang])}</h3><p>{html.escape(roles[lang])}</p></div>'
                        for roles, names in LEADERS)
        return heading, f"<h1>{heading}</h1><div class=\"people\">{cards}</div>"

    def _about(self, lang):
        heading = {"kk": "Облыс туралы", "ru": "Об области", "en": "About the region"}[lang]
        body = "".join(f"<h2>{html.escape(h)}</h2><p>{html.escape(p)}</p>" for h, p in ABOUT[lang])
        return heading, f"<h1>{heading}</h1>{body}"

    def _services(self, lang):
        heading = {"kk": "Мемлекеттік қызметтер", "ru": "Государственные услуги", "en": "Public services"}[lang]
        return heading, f"<h1>{heading}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in SERVICES[lang])

    def _contacts(self, lang):
        heading = {"kk": "Байланыс", "ru": "Контакты", "en": "Contacts"}[lang]
        rows = []
        for roles, phone, mail in CONTACTS:
            if lang == "en" and roles["en"] == "Reception":
                phone = "+7 (7232) 27-11-05"  # PLANTED number-mismatch
            rows.append(f'<li><strong>{html.escape(roles[lang])}</strong>: {phone}, '
                        f'<a href="mailto:{mail}">{mail}</a></li>')
        return heading, f"<h1>{heading}</h1><ul class=\"contacts\">{''.join(rows)}</ul>"

    # -- layout -----------------------------------------------------------------------------------------
    def _layout(self, lang: str, title: str, body: str, alternates: dict) -> str:
        code = CODE[lang]
        alt = "".join(f'<link rel="alternate" hreflang="{l}" href="{u}">' for l, u in alternates.items())
        switch_labels = {"kk": "Қаз", "ru": "Рус", "en": "Eng"}
        switcher = "".join(
            f'<a href="{alternates.get(l) or alternates.get("kz" if l == "kk" else l) or "/" + CODE[l] + "/"}" '
            f'hreflang="{l}" lang="{l}">{switch_labels[l]}</a> ' for l in LANGS)
        nav_label = {"kk": "Тілдер", "ru": "Языки", "en": "Languages"}[lang]
        menu = "".join(f'<li><a href="/{code}/{paths[lang]}">{labels[lang]}</a></li>' for paths, labels in MENU)
        html_lang = {"kk": "kk", "ru": "ru", "en": "en"}[lang]
        return (f'<!doctype html><html lang="{html_lang}"><head><meta charset="utf-8"><title>{html.escape(title)} — '
                f'{SITE_NAME[lang]}</title>{alt}</head><body><header><a class="logo" href="/{code}/">{SITE_NAME[lang]}</a>'
                f'<nav class="langs" aria-label="{nav_label}">{switcher}</nav><nav class="menu"><ul>{menu}</ul></nav>'
                f'</header><main>{body}</main><footer><p>© 2026 {SITE_NAME[lang]}</p></footer></body></html>')


def parity_site() -> ParitySite:
    return ParitySite()


# == A second replica, shaped like the gov.kz platform ====================================================
# Language in the query (?lang=kk|ru|en), no <main> (content in div.page-body), news as a grid of link cards
# with numeric dates, documents as a list of links with files in language folders (/files/ru/...), an
# "about" page of department cards. No hreflang at all (hreflang-error must stay silent).
GOV = "/memleket/entities/vko"

PLANTED_GOV = [
    {"check": "missing-language-version", "path": f"{GOV}/press/news/details/104", "lang": "en",
     "what": "news 104 absent in English (its row in the list and its page: one finding, on the page)"},
    {"check": "missing-document", "path": f"{GOV}/documents", "lang": "kk", "what": "rules-7 absent in Kazakh"},
    {"check": "missing-document", "path": f"{GOV}/documents", "lang": "kk", "what": "Kazakh links the Russian budget file"},
    {"check": "number-mismatch", "path": f"{GOV}/press/news/details/102", "lang": "en", "what": "date 14 March in English"},
    {"check": "truncated-text", "path": f"{GOV}/press/news/details/103", "lang": "en", "what": "English story cut to one sentence"},
    {"check": "stale-language", "path": f"{GOV}/press/announcements", "lang": "kk", "what": "Kazakh announcements stop in June"},
]
IN_STEP_GOV = [f"{GOV}/about", f"{GOV}/press/news/details/101", f"{GOV}/press/news/details/105"]

GOV_NEWS = {  # id -> (date, {lang: (title, paragraphs)})
    101: (dt.date(2026, 11, 18), {
        "kk": ("Облыста цифрлық қызметтер кеңейді", ["Биыл 146 мемлекеттік қызмет электронды форматқа көшірілді.",
               "Қызметтерді 410 мыңнан астам адам пайдаланды."]),
        "ru": ("В области расширены цифровые услуги", ["В этом году 146 государственных услуг переведены в электронный формат.",
               "Услугами воспользовались более 410 тысяч человек."]),
        "en": ("Digital services expanded in the region", ["This year 146 public services were moved online.",
               "More than 410 thousand people used the services."])}),
    102: (dt.date(2026, 11, 12), {
        "kk": ("Жаңа балабақша ашылды", ["2026 жылғы 12 қарашада Семейде 320 орындық балабақша ашылды."]),
        "ru": ("Открыт новый детский сад", ["12 ноября 2026 года в Семее открылся детский сад на 320 мест."]),
        # PLANTED number-mismatch: the English text gives another date.
        "en": ("New kindergarten opened", ["On November 14, 2026 a kindergarten for 320 children opened in Semey."])}),
    103: (dt.date(2026, 11, 5), {
        "kk": ("Су құбыры жаңартылды", [
            "Зырян ауданында ұзындығы 38 шақырым су құбыры қайта жаңартылды, жұмысқа 4,2 млрд теңге жұмсалды.",
            "Жоба арқасында 12 ауылдың 9 мыңнан астам тұрғыны таза ауыз суға қол жеткізді.",
            "Құрылыс жұмыстарына жергілікті 6 мердігер ұйым тартылды, 240 жаңа жұмыс орны ашылды.",
            "Келесі жылы тағы 7 ауылда су құбырын салу жоспарланып отыр."]),
        "ru": ("Обновлён водопровод", [
            "В Зыряновском районе реконструирован водопровод протяжённостью 38 километров, на работы направлено 4,2 млрд тенге.",
            "Благодаря проекту более 9 тысяч жителей 12 сёл получили доступ к чистой питьевой воде.",
            "К строительству привлечены 6 местных подрядных организаций, создано 240 новых рабочих мест.",
            "В следующем году водопровод планируется провести ещё в 7 сёл."]),
        # PLANTED truncated-text
        "en": ("Water supply upgraded", ["A 38-kilometre water pipeline was rebuilt in Zyryan district."])}),
    104: (dt.date(2026, 10, 28), {
        "kk": ("Спорт кешені салынды", ["Алтай қаласында 500 орындық спорт кешені пайдалануға берілді."]),
        "ru": ("Построен спортивный комплекс", ["В городе Алтай введён в эксплуатацию спорткомплекс на 500 мест."]),
        "en": ("Sports complex built", ["A sports complex for 500 spectators opened in the town of Altai."])}),
    105: (dt.date(2026, 10, 20), {
        "kk": ("Фермерлерге субсидия төленді", ["Фермерлерге 12,7 млрд теңге субсидия төленді."]),
        "ru": ("Фермерам выплачены субсидии", ["Фермерам выплачено 12,7 млрд тенге субсидий."]),
        "en": ("Subsidies paid to farmers", ["Farmers received 12.7 billion tenge in subsidies."])}),
}
GOV_NEWS_IN = {"kk": [101, 102, 103, 104, 105], "ru": [101, 102, 103, 104, 105],
               "en": [101, 102, 103, 105]}  # PLANTED missing-item: no 104 in English

GOV_ANNOUNCEMENTS = [
    (dt.date(2026, 11, 24), {"kk": "Тендер нәтижелері", "ru": "Итоги тендера", "en": "Tender results"}),
    (dt.date(2026, 11, 2), {"kk": "Бос лауазымдарға конкурс", "ru": "Конкурс на вакантные должности",
                            "en": "Competition for vacant posts"}),
    (dt.date(2026, 10, 9), {"kk": "Жылу маусымы туралы", "ru": "Об отопительном сезоне", "en": "On the heating season"}),
    (dt.date(2026, 6, 3), {"kk": "Жазғы демалыс", "ru": "Летний отдых детей", "en": "Summer holidays for children"}),
    (dt.date(2026, 5, 21), {"kk": "Су тасқыны", "ru": "О паводках", "en": "On the floods"}),
]
GOV_ANNOUNCEMENTS_KK = 3  # PLANTED stale-language: Kazakh lists only the two oldest (from June back)

GOV_DOCS = [  # (file, date, titles)
    ("rules-7", dt.date(2026, 11, 3), {"kk": "№ 7 қағидалар (PDF, 245 КБ)", "ru": "Правила № 7 (PDF, 245 КБ)",
                                       "en": "Rules No. 7 (PDF, 245 KB)"}),
    ("budget-2026", dt.date(2026, 9, 1), {"kk": "2026 жылғы бюджет (PDF, 1,2 МБ)", "ru": "Бюджет на 2026 год (PDF, 1,2 МБ)",
                                          "en": "Budget for 2026 (PDF, 1.2 MB)"}),
    ("report-2025", dt.date(2026, 3, 15), {"kk": "2025 жылғы есеп (PDF, 880 КБ)", "ru": "Отчёт за 2025 год (PDF, 880 КБ)",
                                           "en": "Report for 2025 (PDF, 880 KB)"}),
]

GOV_DEPARTMENTS = [
    ({"kk": "Білім басқармасы", "ru": "Управление образования", "en": "Department of Education"}, "+7 (7232) 24-31-10"),
    ({"kk": "Денсаулық сақтау басқармасы", "ru": "Управление здравоохранения", "en": "Department of Health"},
     "+7 (7232) 24-31-22"),
    ({"kk": "Ауыл шаруашылығы басқармасы", "ru": "Управление сельского хозяйства", "en": "Department of Agriculture"},
     "+7 (7232) 24-31-37"),
]


class GovParitySite:
    """gov.kz-shaped replica: one path per page, the language in ?lang=."""

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        lang = {"kk": "kk", "kz": "kk", "ru": "ru", "en": "en"}.get(query.get("lang", ""))
        if path in ("/", GOV, GOV + "/") and not lang:
            return redirect(f"{GOV}?lang=kk")
        if path.startswith("/files/"):
            return Response(200, b"%PDF-1.4\n" + path.encode() + b"\n%%EOF\n", "application/pdf")
        if not lang or not path.startswith(GOV):
            return not_found()
        rest = path[len(GOV):].strip("/")
        page = self._page(lang, rest)
        return not_found() if page is None else html_response(self._layout(lang, rest, *page))

    def _page(self, lang, rest):
        if rest == "":
            return {"kk": "Басты бет", "ru": "Главная", "en": "Home"}[lang], "<p>" + SITE_NAME[lang] + "</p>"
        if rest == "press/news":
            cards = "".join(
                f'<a class="card" href="{GOV}/press/news/details/{n}?lang={lang}"><div class="card-date">'
                f'{GOV_NEWS[n][0].strftime("%d.%m.%Y")} 10:00</div><div class="card-title">'
                f'{html.escape(GOV_NEWS[n][1][lang][0])}</div></a>' for n in GOV_NEWS_IN[lang])
            return {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}[lang], f'<div class="news-grid">{cards}</div>'
        if rest.startswith("press/news/details/") and rest.rsplit("/", 1)[-1].isdigit():
            n = int(rest.rsplit("/", 1)[-1])
            if n not in GOV_NEWS_IN[lang]:
                return None
            date, texts = GOV_NEWS[n]
            title, paras = texts[lang]
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
            return title, f'<div class="news-date">{date.strftime("%d.%m.%Y")}</div><div class="news-text">{body}</div>'
        if rest == "press/announcements":
            rows = GOV_ANNOUNCEMENTS[GOV_ANNOUNCEMENTS_KK:] if lang == "kk" else GOV_ANNOUNCEMENTS
            items = "".join(f'<li><span class="date">{fmt_date(d, lang)}</span> <span>{html.escape(t[lang])}</span></li>'
                            for d, t in rows)
            return {"kk": "Хабарландырулар", "ru": "Объявления", "en": "Announcements"}[lang], f"<ul class=\"ann\">{items}</ul>"
        if rest == "documents":
            items = []
            for stem, date, titles in GOV_DOCS:
                if stem == "rules-7" and lang == "kk":
                    continue  # PLANTED missing-document
                folder = "ru" if (stem == "budget-2026" and lang in ("kk", "ru")) else lang
                href = f"/files/{stem}.pdf" if folder == "ru" else f"/files/{folder}/{stem}.pdf"  # PLANTED same file
                items.append(f'<li><a href="{href}">{html.escape(titles[lang])}</a> <span class="date">'
                             f'{date.strftime("%d.%m.%Y")}</span></li>')
            return {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"}[lang], f'<ul class="docs">{"".join(items)}</ul>'
        if rest == "about":
            cards = "".join(f'<div class="dept"><h3>{html.escape(names[lang])}</h3><p>{phone}</p></div>'
                            for names, phone in GOV_DEPARTMENTS)
            return {"kk": "Құрылым", "ru": "Структура", "en": "Structure"}[lang], f'<div class="depts">{cards}</div>'
        return None

    def _layout(self, lang, rest, title, body):
        here = f"{GOV}/{rest}" if rest else GOV
        switcher = "".join(f'<a href="{here}?lang={l}" lang="{l}">{lab}</a> '
                           for l, lab in (("kk", "ҚАЗ"), ("ru", "РУС"), ("en", "ENG")))
        menu = "".join(f'<li><a href="{GOV}/{p}?lang={lang}">{labels[lang]}</a></li>' for p, labels in (
            ("press/news", {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}),
            ("press/announcements", {"kk": "Хабарландырулар", "ru": "Объявления", "en": "Announcements"}),
            ("documents", {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"}),
            ("about", {"kk": "Құрылым", "ru": "Структура", "en": "Structure"})))
        return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'</head><body><div class="topbar"><div class="langs">{switcher}</div></div><nav><ul>{menu}</ul></nav>'
                f'<div class="page-body"><h1>{html.escape(title)}</h1>{body}</div></body></html>')
