"""A replica of a regional akimat site (/kz/ /ru/ /en/ prefixes) with planted language-parity defects.

Planted (see PLANTED): a news item missing in Kazakh, a statistics row missing in English, a document
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
    {"check": "missing-item", "path": "/kz/news/", "lang": "kk", "what": "news item 7 absent in Kazakh"},
    {"check": "missing-item", "path": "/en/statistics/", "lang": "en", "what": "unemployment row absent in English"},
    {"check": "missing-document", "path": "/en/documents/", "lang": "en", "what": "order No. 45 absent in English"},
    {"check": "missing-document", "path": "/kz/documents/", "lang": "kk", "what": "Kazakh page links decree_12_ru.pdf"},
    {"check": "number-mismatch", "path": "/kz/news/3", "lang": "kk", "what": "12 schools in Kazakh, 15 in ru/en"},
    {"check": "number-mismatch", "path": "/kz/statistics/", "lang": "kk", "what": "154 schools in Kazakh, 157 in ru/en"},
    {"check": "number-mismatch", "path": "/en/contacts/", "lang": "en", "what": "reception phone differs in English"},
    {"check": "stale-language", "path": "/en/news/", "lang": "en", "what": "English news stops in August"},
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
            f'hreflang="{l}">{switch_labels[l]}</a> ' for l in LANGS)
        menu = "".join(f'<li><a href="/{code}/{paths[lang]}">{labels[lang]}</a></li>' for paths, labels in MENU)
        html_lang = {"kk": "kk", "ru": "ru", "en": "en"}[lang]
        return (f'<!doctype html><html lang="{html_lang}"><head><meta charset="utf-8"><title>{html.escape(title)} — '
                f'{SITE_NAME[lang]}</title>{alt}</head><body><header><a class="logo" href="/{code}/">{SITE_NAME[lang]}</a>'
                f'<nav class="langs" aria-label="Language">{switcher}</nav><nav class="menu"><ul>{menu}</ul></nav>'
                f'</header><main>{body}</main><footer><p>© 2026 {SITE_NAME[lang]}</p></footer></body></html>')


def parity_site() -> ParitySite:
    return ParitySite()
