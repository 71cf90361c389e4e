"""What the demo site says, in Kazakh, Russian and English. Pure data: build.py turns it into pages.

The body is fictional ("Демо облысы" does not exist); names, phone numbers, addresses and documents are
made up. Planted defects are marked `# DEFECT Dxx` and listed in DEFECTS.md / defects.json.
"""
from __future__ import annotations

LANGS = ("kk", "ru", "en")
URL_CODE = {"kk": "kz", "ru": "ru", "en": "en"}  # Kazakh is /kz/ in the URL, as on most regional sites
LANG_NAME = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

UI = {
    "kk": {
        "site": "Демо облысының әкімдігі",
        "skip": "Негізгі мазмұнға өту",
        "vi": "Көзі нашар көретіндерге арналған нұсқа",
        "lang_nav": "Сайт тілі",
        "main_nav": "Негізгі мәзір",
        "more": "Толығырақ",
        "all_news": "Барлық жаңалықтар",
        "published": "Жарияланған күні",
        "updated": "Жаңартылған күні",
        "footer_contacts": "Байланыс",
        "disclaimer": ("Бұл — ойдан шығарылған мекеменің демо сайты, parity-check құралын көрсету үшін жасалған. "
                       "Сайттағы адамдар, телефон нөмірлері мен құжаттар шынайы емес."),
        "copyright": "© 2025 Демо облысының әкімдігі",
        "new": "ЖАҢА",
        "not_found_title": "Бет табылмады",
    },
    "ru": {
        "site": "Акимат Демо области",
        "skip": "Перейти к основному содержанию",
        "vi": "Версия для слабовидящих",
        "lang_nav": "Язык сайта",
        "main_nav": "Главное меню",
        "more": "Подробнее",
        "all_news": "Все новости",
        "published": "Дата публикации",
        "updated": "Дата обновления",
        "footer_contacts": "Контакты",
        "disclaimer": ("Это демонстрационный сайт вымышленного учреждения, созданный для показа инструмента "
                       "parity-check. Люди, номера телефонов и документы на сайте не настоящие."),
        "copyright": "© 2025 Акимат Демо области",
        "new": "НОВОЕ",
        "not_found_title": "Страница не найдена",
    },
    "en": {
        "site": "Akimat of Demo Region",
        "skip": "Skip to main content",
        "vi": None,  # DEFECT D06: the English version has no switch to the mode for the visually impaired
        "lang_nav": "Site language",
        "main_nav": "Main menu",
        "more": "Read more",
        "all_news": "All news",
        "published": "Published",
        "updated": "Updated",
        "footer_contacts": "Contacts",
        "disclaimer": ("This is a demonstration site of a fictional public body, made to show the parity-check "
                       "tool. The people, phone numbers and documents on it are not real."),
        "copyright": "© 2025 Akimat of Demo Region",
        "new": "NEW",
        "not_found_title": "Page not found",
    },
}

# Menu: (path after the language prefix, label).
MENU = {
    "kk": [("", "Басты бет"), ("about/", "Әкімдік туралы"), ("leadership/", "Басшылық"), ("news/", "Жаңалықтар"),
           ("documents/", "Құжаттар"), ("efficiency/", "Тиімділікті бағалау"), ("contacts/", "Байланыс"),
           ("appeals/", "Обращения граждан")],  # DEFECT D08: Kazakh menu item left in Russian
    "ru": [("", "Главная"), ("about/", "Об акимате"), ("leadership/", "Руководство"), ("news/", "Новости"),
           ("documents/", "Документы"), ("efficiency/", "Оценка эффективности"), ("contacts/", "Контакты"),
           ("appeals/", "Обращения граждан")],
    "en": [("", "Home"), ("about/", "About the akimat"), ("leadership/", "Leadership"), ("news/", "News"),
           ("documents/", "Documents"), ("efficiency/", "Efficiency evaluation"), ("contacts/", "Contacts"),
           ("appeals/", "Citizens' appeals")],
}

HOME = {
    "kk": {
        "title": "Басты бет",
        "h1": "Демо облысының әкімдігі",
        "intro": ("Облыс әкімдігі — облыс аумағындағы атқарушы биліктің алқалы органы. Әкімдік облыстың "
                  "әлеуметтік-экономикалық дамуын қамтамасыз етеді, облыстық бюджетті әзірлеп, оның атқарылуын "
                  "бақылайды, мемлекеттік бағдарламаларды іске асырады және тұрғындардың өтініштерін қарайды."),
        "region_h": "Облыс бір қарағанда",
        "region_text": ("Облыс тоғыз ауданнан және облыстық маңызы бар екі қаладан тұрады. Халқы — 812 мың адам, "
                        "аумағы — 98 мың шаршы шақырым. Әкімшілік орталығы — Демо қаласы."),
        "map_alt": None,  # DEFECT D01: the region map has no alt attribute on the Kazakh home page
        "news_h": "Соңғы жаңалықтар",
        # DEFECT D12: "all news" still points at the old address of the news section (404)
        "all_news_href": "/kz/zhanalyqtar/",
        "programmes_h": "Мемлекеттік бағдарламалар",
    },
    "ru": {
        "title": "Главная",
        "h1": "Акимат Демо области",
        "intro": ("Акимат области — коллегиальный исполнительный орган на территории области. Акимат "
                  "обеспечивает социально-экономическое развитие области, разрабатывает областной бюджет и "
                  "контролирует его исполнение, реализует государственные программы и рассматривает обращения "
                  "жителей."),
        "region_h": "Область в цифрах",
        "region_text": ("В состав области входят девять районов и два города областного значения. Население — "
                        "812 тысяч человек, площадь — 98 тысяч квадратных километров. Административный центр — "
                        "город Демо."),
        "map_alt": "Карта Демо области: девять районов и два города областного значения",
        "news_h": "Последние новости",
        "all_news_href": "/ru/news/",
        "programmes_h": "Государственные программы",
    },
    "en": {
        "title": "Home",
        "h1": "Akimat of Demo Region",
        "intro": ("The akimat is the collective executive body of the region. It is responsible for the "
                  "region's social and economic development, drafts the regional budget and oversees its "
                  "execution, carries out state programmes and reviews residents' appeals."),
        "region_h": "The region at a glance",
        "region_text": ("The region has nine districts and two cities of regional significance. Population: "
                        "812,000; area: 98,000 square kilometres. The administrative centre is Demo city."),
        "map_alt": "Map of Demo Region: nine districts and two cities of regional significance",
        "news_h": "Latest news",
        "all_news_href": "/en/news/",
        "programmes_h": "State programmes",
    },
}

# Logos of programmes on the home page (the study saw a non-working "Халықтық IPO" logo).
PROGRAMMES = {
    "kk": [("/static/img/programmes/digital.svg", "«Цифрлық Демо» бағдарламасының логотипі"),
           ("/static/img/programmes/halyktyk-ipo.svg", "«Халықтық IPO» бағдарламасының логотипі")],
    "ru": [("/static/img/programmes/digital.svg", "Логотип программы «Цифровая Демо»"),
           # DEFECT D13: the Russian home page points at a logo file that does not exist (broken image)
           ("/static/img/programmes/halyk-ipo.png", "Логотип программы «Народное IPO»")],
    "en": [("/static/img/programmes/digital.svg", "Logo of the Digital Demo programme"),
           ("/static/img/programmes/halyktyk-ipo.svg", "Logo of the People's IPO programme")],
}

ABOUT = {
    "kk": {
        "title": "Әкімдік туралы",
        "status_h": "Мәртебесі",
        "status": ("Демо облысының әкімдігі Қазақстан Республикасының «Қазақстан Республикасындағы жергілікті "
                   "мемлекеттік басқару және өзін-өзі басқару туралы» Заңына сәйкес жұмыс істейді. Әкімдіктің "
                   "құрамына облыс әкімі, оның орынбасарлары және әкімдік аппаратының басшысы кіреді. Әкімдік "
                   "өз қызметінде облыс тұрғындары алдында есеп береді, шешімдерін қаулы түрінде қабылдайды."),
        "tasks_h": "Негізгі міндеттері",
        # DEFECT D07: on the Kazakh page this block was never translated and is shown in Russian
        "tasks": ("Акимат области обеспечивает исполнение законов Республики Казахстан на территории области, "
                  "разрабатывает и исполняет областной бюджет, координирует работу местных исполнительных "
                  "органов районов и городов, организует приём граждан и рассмотрение их обращений в сроки, "
                  "установленные законом."),
        "tasks_lang": "ru",  # the block is Russian, and nothing on the page says so
        "structure_h": "Құрылымы",
        "structure_intro": "Әкімдік аппараты мен облыстың жергілікті атқарушы органдары:",
        "units": ["Облыс әкімінің аппараты", "Экономика және бюджеттік жоспарлау басқармасы", "Білім басқармасы",
                  "Денсаулық сақтау басқармасы", "Жолаушылар көлігі және автомобиль жолдары басқармасы",
                  "Жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы",
                  "Ішкі саясат және жастар істері басқармасы"],
        "hours_h": "Жұмыс тәртібі",
        "hours": ("Әкімдік дүйсенбіден жұмаға дейін сағат 9:00-ден 18:30-ға дейін жұмыс істейді, түскі үзіліс "
                  "13:00-ден 14:30-ға дейін. Сенбі мен жексенбі — демалыс күндері. Азаматтарды жеке қабылдау "
                  "кестесі «Азаматтардың өтініштері» бөлімінде жарияланады."),
    },
    "ru": {
        "title": "Об акимате",
        "status_h": "Статус",
        "status": ("Акимат Демо области действует в соответствии с Законом Республики Казахстан «О местном "
                   "государственном управлении и самоуправлении в Республике Казахстан». В состав акимата "
                   "входят аким области, его заместители и руководитель аппарата акимата. Акимат подотчётен "
                   "жителям области и принимает решения в форме постановлений."),
        "tasks_h": "Основные задачи",
        "tasks": ("Акимат области обеспечивает исполнение законов Республики Казахстан на территории области, "
                  "разрабатывает и исполняет областной бюджет, координирует работу местных исполнительных "
                  "органов районов и городов, организует приём граждан и рассмотрение их обращений в сроки, "
                  "установленные законом."),
        "tasks_lang": None,
        "structure_h": "Структура",
        "structure_intro": "Аппарат акимата и местные исполнительные органы области:",
        "units": ["Аппарат акима области", "Управление экономики и бюджетного планирования",
                  "Управление образования", "Управление здравоохранения",
                  "Управление пассажирского транспорта и автомобильных дорог",
                  "Управление координации занятости и социальных программ",
                  "Управление внутренней политики и по делам молодёжи"],
        "hours_h": "Режим работы",
        "hours": ("Акимат работает с понедельника по пятницу с 9:00 до 18:30, перерыв на обед с 13:00 до 14:30. "
                  "Суббота и воскресенье — выходные дни. График личного приёма граждан опубликован в разделе "
                  "«Обращения граждан»."),
    },
    "en": {
        "title": "About the akimat",
        "status_h": "Status",
        "status": ("The Akimat of Demo Region works under the Law of the Republic of Kazakhstan on Local Public "
                   "Administration and Self-Government. The akimat consists of the akim of the region, the "
                   "deputy akims and the head of the akimat's office. It is accountable to the region's "
                   "residents and takes its decisions as resolutions."),
        "tasks_h": "Main tasks",
        "tasks": ("The akimat ensures that the laws of the Republic of Kazakhstan are applied in the region, "
                  "drafts and executes the regional budget, coordinates the local executive bodies of districts "
                  "and cities, and receives citizens and reviews their appeals within the time limits set by law."),
        "tasks_lang": None,
        "structure_h": "Structure",
        "structure_intro": "The akimat's office and the region's local executive bodies:",
        "units": ["Office of the Akim of the Region", "Department of Economy and Budget Planning",
                  "Department of Education", "Department of Health", "Department of Passenger Transport and Roads",
                  "Department of Employment and Social Programmes", "Department of Internal Policy and Youth Affairs"],
        "hours_h": "Opening hours",
        "hours": ("The akimat is open Monday to Friday from 9:00 to 18:30, with a lunch break from 13:00 to 14:30. "
                  "It is closed on Saturdays and Sundays. The schedule of citizens' receptions is published in the "
                  "Citizens' appeals section."),
    },
}

LEADERS = {
    "kk": {
        "title": "Басшылық",
        "duties_h": "Міндеттері",
        "bio_h": "Өмірбаяны",
        "small_print": False,
        "people": [
            ("Асқар Нұрланұлы Демеуов", "Облыс әкімі",
             "Әкімдіктің жұмысын басқарады, облыстық бюджеттің атқарылуына және облыстағы қоғамдық тәртіпке "
             "жауап береді.",
             "1972 жылы туған. Білімі жоғары, экономист. Облыстың қаржы және экономика салаларында 25 жылдан "
             "астам жұмыс істеген. 2022 жылдан бері — Демо облысының әкімі."),
            ("Гүлнар Серікқызы Әміржанова", "Облыс әкімінің орынбасары",
             "Білім беру, денсаулық сақтау, әлеуметтік қорғау және жастар саясаты мәселелерін үйлестіреді.",
             "1980 жылы туған. Дәрігер, денсаулық сақтау менеджменті магистрі. Облыстық денсаулық сақтау "
             "басқармасын басқарған. 2023 жылдан бері — облыс әкімінің орынбасары."),
            ("Дәурен Бақытұлы Қасымов", "Облыс әкімінің орынбасары",
             "Өнеркәсіп, ауыл шаруашылығы, құрылыс, көлік және автомобиль жолдары салаларын үйлестіреді.",
             "1978 жылы туған. Инженер-құрылысшы. Аудан әкімі қызметін атқарған. 2021 жылдан бері — облыс "
             "әкімінің орынбасары."),
        ],
    },
    "ru": {
        "title": "Руководство",
        "duties_h": "Обязанности",
        "bio_h": "Биография",
        "small_print": True,  # DEFECT D14: the leadership page sets its body text at 11px
        "people": [
            ("Демеуов Аскар Нурланович", "Аким области",
             "Руководит работой акимата, отвечает за исполнение областного бюджета и общественный порядок в "
             "области.",
             "Родился в 1972 году. Образование высшее, экономист. Более 25 лет работал в сфере финансов и "
             "экономики области. С 2022 года — аким Демо области."),
            ("Амиржанова Гульнар Сериковна", "Заместитель акима области",
             "Координирует вопросы образования, здравоохранения, социальной защиты и молодёжной политики.",
             "Родилась в 1980 году. Врач, магистр менеджмента в здравоохранении. Руководила областным "
             "управлением здравоохранения. С 2023 года — заместитель акима области."),
            ("Касымов Даурен Бахытович", "Заместитель акима области",
             "Координирует промышленность, сельское хозяйство, строительство, транспорт и автомобильные дороги.",
             "Родился в 1978 году. Инженер-строитель. Работал акимом района. С 2021 года — заместитель акима "
             "области."),
        ],
    },
    "en": {
        "title": "Leadership",
        "duties_h": "Responsibilities",
        "bio_h": "Biography",
        "small_print": False,
        "people": [
            ("Askar Demeuov", "Akim of the Region",
             "Leads the work of the akimat; responsible for the execution of the regional budget and for public "
             "order in the region.",
             "Born in 1972. Economist. Worked in the region's finance and economy sectors for more than 25 years. "
             "Akim of Demo Region since 2022."),
            ("Gulnar Amirzhanova", "Deputy Akim of the Region",
             "Coordinates education, health care, social protection and youth policy.",
             "Born in 1980. Physician, master's degree in health care management. Formerly head of the regional "
             "health department. Deputy akim since 2023."),
            ("Dauren Kassymov", "Deputy Akim of the Region",
             "Coordinates industry, agriculture, construction, transport and roads.",
             "Born in 1978. Civil engineer. Formerly akim of a district. Deputy akim since 2021."),
        ],
    },
}

# News: id -> {lang: (title, teaser, body paragraphs, image alt)}; date and image shared. Dates are days
# before the day the site is served (see DemoSite), so the demo's news never goes stale by itself.
NEWS = [
    {
        "id": 1, "days_ago": 2, "image": "/static/img/news/jobs.png",
        "kk": ("Облыста 1 250 жаңа жұмыс орны ашылды",
               "Шағын және орта бизнесті қолдау бағдарламасы аясында жыл басынан бері 1 250 тұрақты жұмыс орны құрылды.",
               ["Жыл басынан бері облыста шағын және орта бизнесті қолдау бағдарламасы аясында 1 250 жаңа тұрақты "
                "жұмыс орны ашылды. Олардың жартысынан астамы ауылдық елді мекендерде.",
                "Ең көп жұмыс орны өңдеу өнеркәсібінде, ауыл шаруашылығында және қызмет көрсету саласында құрылды. "
                "Облыс әкімі кәсіпкерлермен кездесуде жаңа өндіріс ашуға берілетін жеңілдетілген несиелердің "
                "мерзімі ұзартылатынын айтты."],
               "Жаңа зауыт ғимаратының суреті"),
        # DEFECT D11: the Russian version gives a different figure (1 520 instead of 1 250)
        "ru": ("В области создано 1 520 новых рабочих мест",
               "В рамках программы поддержки малого и среднего бизнеса с начала года создано 1 520 постоянных рабочих мест.",
               ["С начала года в области в рамках программы поддержки малого и среднего бизнеса создано 1 520 новых "
                "постоянных рабочих мест. Больше половины из них — в сельских населённых пунктах.",
                "Больше всего рабочих мест появилось в обрабатывающей промышленности, сельском хозяйстве и сфере "
                "услуг. На встрече с предпринимателями аким области сообщил, что сроки льготных кредитов на "
                "открытие новых производств будут продлены."],
               "Рисунок: здание нового завода"),
        "en": ("1,250 new jobs created in the region",
               "Since the start of the year the small and medium business support programme has created 1,250 permanent jobs.",
               ["Since the beginning of the year, 1,250 new permanent jobs have been created in the region under "
                "the small and medium business support programme. More than half of them are in rural settlements.",
                "Most of the new jobs are in manufacturing, agriculture and services. At a meeting with "
                "entrepreneurs, the akim said that the terms of preferential loans for new production would be "
                "extended."],
               "Drawing of a new factory building"),
    },
    {
        "id": 2, "days_ago": 6, "image": "/static/img/news/school.png",
        "kk": ("Демо қаласында 600 орындық жаңа мектеп ашылды",
               "Жастар шағын ауданындағы мектепте 40 сынып бөлмесі, екі спорт залы және робототехника зертханасы бар.",
               ["Демо қаласының Жастар шағын ауданында 600 оқушыға арналған жаңа мектеп пайдалануға берілді. "
                "Мектепте 40 сынып бөлмесі, екі спорт залы, кітапхана және робототехника зертханасы бар.",
                "Ғимарат мүмкіндігі шектеулі балаларға ыңғайлы етіп салынған: пандустар, лифт және тактильді "
                "жолақтар орнатылған. Жаңа мектеп ескі екі мектептегі үш ауысымды оқуды жоюға мүмкіндік береді."],
               "Жаңа үш қабатты мектеп ғимаратының суреті"),
        "ru": ("В городе Демо открылась новая школа на 600 мест",
               "В школе микрорайона Жастар 40 классных комнат, два спортивных зала и лаборатория робототехники.",
               ["В микрорайоне Жастар города Демо введена в эксплуатацию новая школа на 600 учеников. В школе 40 "
                "классных комнат, два спортивных зала, библиотека и лаборатория робототехники.",
                "Здание построено с учётом потребностей детей с ограниченными возможностями: установлены пандусы, "
                "лифт и тактильные полосы. Новая школа позволит отказаться от трёхсменного обучения в двух старых "
                "школах."],
               "Рисунок нового трёхэтажного здания школы"),
        "en": ("A new school for 600 pupils opens in Demo city",
               "The school in the Zhastar neighbourhood has 40 classrooms, two gyms and a robotics laboratory.",
               ["A new school for 600 pupils has opened in the Zhastar neighbourhood of Demo city. It has 40 "
                "classrooms, two gyms, a library and a robotics laboratory.",
                "The building is designed for children with disabilities, with ramps, a lift and tactile paving. "
                "The new school will end three-shift teaching in two older schools."],
               "Drawing of the new three-storey school building"),
    },
    {
        "id": 3, "days_ago": 11, "image": "/static/img/news/road.png",
        "kk": ("Аудандық жолдарды жөндеу басталды",
               "Биыл облыста 320 шақырым аудандық және ауылдық жол жөнделеді.",
               ["Биыл облыста жалпы ұзындығы 320 шақырым болатын аудандық және ауылдық жолдар жөнделеді. Жұмыстар "
                "наурызда басталып, қазан айына дейін аяқталуы тиіс. Жөндеуге облыстық бюджеттен 18 миллиард "
                "теңге бөлінді.",
                "Жол жұмыстары жүріп жатқан учаскелерде жүргізушілерден жылдамдықты шектеу белгілерін сақтау "
                "сұралады."],
               "Жаңа асфальт төселген ауыл жолының суреті"),
        "ru": ("Начался ремонт районных дорог",
               "В этом году в области отремонтируют 320 километров районных и сельских дорог.",
               ["В этом году в области отремонтируют 320 километров районных и сельских дорог. Работы начались в "
                "марте и должны завершиться до октября. На ремонт из областного бюджета выделено 18 миллиардов "
                "тенге.",
                "На участках, где идут дорожные работы, водителей просят соблюдать знаки ограничения скорости."],
               "Рисунок сельской дороги с новым асфальтом"),
        "en": None,  # DEFECT D09: this news item was never published in English
    },
]

DOCS = {
    "kk": {
        "title": "Құжаттар",
        "intro": "Облыс әкімдігі мен облыстық мәслихаттың құқықтық актілері және бағдарламалық құжаттары.",
        "adopted": "Қабылданған күні",
        "signed": "Қол қойған",
        "download": "Жүктеп алу",
        "note": None,
        "items": [
            ("Демо облысын дамытудың 2025–2027 жылдарға арналған бағдарламасы",
             "2024-12-20", "Облыстық мәслихаттың 2024 жылғы 20 желтоқсандағы № 25/3 шешімі",
             "облыс әкімі А. Н. Демеуов", "/files/kk/damu-bagdarlamasy-2025-2027.pdf", "PDF"),
            # DEFECT D16: the resolution is a scanned image without a text layer
            ("Азаматтарды жеке қабылдау тәртібі туралы",
             "2025-01-15", "Облыс әкімдігінің 2025 жылғы 15 қаңтардағы № 12 қаулысы",
             "облыс әкімі А. Н. Демеуов", "/files/kk/qaulysy-12-2025.pdf", "PDF, сканерленген көшірме"),
        ],
        "empty": "",
    },
    "ru": {
        "title": "Документы",
        "intro": "Правовые акты и программные документы акимата и областного маслихата.",
        "adopted": "Дата принятия",
        "signed": "Подписал",
        "download": "Скачать",
        # DEFECT D02: a note in light grey on light grey, kept out of the VI theme (.bvi-no-styles)
        "note": ("Документы размещены в формате PDF. Для просмотра используйте любую программу для чтения "
                 "PDF-файлов."),
        "items": [
            ("Программа развития Демо области на 2025–2027 годы",
             "2024-12-20", "Решение областного маслихата от 20 декабря 2024 года № 25/3",
             "аким области А. Н. Демеуов", "/files/ru/programma-razvitiya-2025-2027.pdf", "PDF"),
            ("О порядке личного приёма граждан",
             "2025-01-15", "Постановление акимата области от 15 января 2025 года № 12",
             "аким области А. Н. Демеуов", "/files/ru/postanovlenie-12-2025.pdf", "PDF, сканированная копия"),
        ],
        "empty": "",
    },
    "en": {
        "title": "Documents",
        "intro": "Legal acts and programme documents of the akimat and the regional maslikhat.",
        "adopted": "Adopted",
        "signed": "Signed by",
        "download": "Download",
        "note": None,
        "items": [],  # DEFECT D10: the English documents page lists no documents at all
        "empty": "No documents have been published in English yet.",
    },
}

# The section the study found missing on most sites: results against the strategic plan's targets.
EFFICIENCY = {
    "kk": {"title": "Тиімділікті бағалау",
           "intro": ("Облыс әкімдігі қызметінің тиімділігін жыл сайын уәкілетті орган бағалайды. Төменде 2024 "
                     "жылғы стратегиялық жоспардың негізгі нысаналы көрсеткіштерінің орындалуы берілген."),
           "head": ("Көрсеткіш", "Жоспар", "Нәтиже"),
           "rows": [("Жаңа тұрақты жұмыс орындары", "3 800", "3 950"),
                    ("Жөнделген жергілікті жолдар, шақырым", "300", "312"),
                    ("Пайдалануға берілген мектептер", "4", "4"),
                    ("Өтініштерге мерзімінде берілген жауаптар, %", "100", "98,6")],
           "summary": "Бағалаудың қорытынды бағасы — 87 балл, «жоғары тиімділік» деңгейі."},
    "ru": {"title": "Оценка эффективности",
           "intro": ("Эффективность деятельности акимата области ежегодно оценивает уполномоченный орган. Ниже "
                     "приведено выполнение основных целевых индикаторов стратегического плана за 2024 год."),
           "head": ("Показатель", "План", "Факт"),
           "rows": [("Новые постоянные рабочие места", "3 800", "3 950"),
                    ("Отремонтировано местных дорог, км", "300", "312"),
                    ("Введено в эксплуатацию школ", "4", "4"),
                    ("Ответы на обращения в срок, %", "100", "98,6")],
           "summary": "Итоговая оценка — 87 баллов, уровень «высокая эффективность»."},
    "en": {"title": "Efficiency evaluation",
           "intro": ("The efficiency of the akimat is evaluated every year by the authorised body. The table shows "
                     "how the main targets of the strategic plan were met in 2024."),
           "head": ("Indicator", "Target", "Result"),
           "rows": [("New permanent jobs", "3,800", "3,950"),
                    ("Local roads repaired, km", "300", "312"),
                    ("Schools opened", "4", "4"),
                    ("Appeals answered on time, %", "100", "98.6")],
           "summary": "Overall score: 87 points, \"high efficiency\"."},
}

CONTACTS = {
    "kk": {
        "title": "Байланыс",
        "address_h": "Мекенжайы",
        "address": "010000, Демо қаласы, Тәуелсіздік даңғылы, 1",
        "phone_h": "Қабылдау бөлмесі",
        "phone": "+7 (7100) 55-01-01",
        "hotline_h": "Сенім телефоны",
        "hotline": "+7 (7100) 55-01-09",
        "email_h": "Электрондық пошта",
        "email": None,  # DEFECT D15: the Kazakh contacts page gives no e-mail address
        "hours_h": "Жұмыс уақыты",
        "hours": "Дүйсенбі – жұма, 9:00–18:30, түскі үзіліс 13:00–14:30",
        "press_h": "Баспасөз қызметі",
        "press": "+7 (7100) 55-01-15",
    },
    "ru": {
        "title": "Контакты",
        "address_h": "Адрес",
        "address": "010000, город Демо, проспект Тауелсиздик, 1",
        "phone_h": "Приёмная",
        "phone": "+7 (7100) 55-01-01",
        "hotline_h": "Телефон доверия",
        "hotline": "+7 (7100) 55-01-09",
        "email_h": "Электронная почта",
        "email": "info@demo-akimat.example",
        "hours_h": "Время работы",
        "hours": "Понедельник – пятница, 9:00–18:30, обед 13:00–14:30",
        "press_h": "Пресс-служба",
        "press": "+7 (7100) 55-01-15",
    },
    "en": {
        "title": "Contacts",
        "address_h": "Address",
        "address": "1 Tauelsizdik Avenue, Demo city, 010000",
        "phone_h": "Reception",
        "phone": "+7 (7100) 55-01-01",
        "hotline_h": "Hotline",
        "hotline": "+7 (7100) 55-01-09",
        "email_h": "E-mail",
        "email": "info@demo-akimat.example",
        "hours_h": "Opening hours",
        "hours": "Monday to Friday, 9:00–18:30, lunch break 13:00–14:30",
        "press_h": "Press office",
        "press": "+7 (7100) 55-01-15",
    },
}

APPEALS = {
    "kk": {
        "title": "Азаматтардың өтініштері",
        "intro": ("Өтінішіңізді, ұсынысыңызды немесе шағымыңызды осы нысан арқылы жібере аласыз. Өтініштер заңда "
                  "белгіленген мерзімде, әдетте 15 жұмыс күні ішінде қаралады. Жауап көрсетілген мекенжайға "
                  "жіберіледі."),
        "form_h": "Өтініш жіберу",
        "name": "Тегі, аты, әкесінің аты",
        "iin": "ЖСН (жеке сәйкестендіру нөмірі)",
        "phone": "Телефон",
        "phone_labelled": False,  # DEFECT D03: the phone field's caption is not tied to the input
        "topic": "Өтініш тақырыбы",
        "topics": ["Әлеуметтік қолдау", "Білім беру", "Денсаулық сақтау", "Тұрғын үй және коммуналдық шаруашылық",
                   "Жолдар және көлік", "Басқа"],
        "message": "Өтініш мәтіні",
        "send": "Жіберу",
        "reception_h": "Жеке қабылдау кестесі",
        "reception": [("Облыс әкімі", "әр айдың бірінші сейсенбісі, 10:00–13:00"),
                      ("Облыс әкімінің орынбасарлары", "әр бейсенбі, 15:00–18:00")],
        "answered_h": "Соңғы жауаптар",
        "answered": [(4, "Жастар шағын ауданындағы аялдаманы жөндеу туралы", "Жауап берілді"),
                     (9, "Ауылдық емханадағы дәрігерлер кезегі туралы", "Жауап берілді")],
        "sent_title": "Өтініш қабылданды",
        "sent_text": "Рақмет! Өтінішіңіз тіркелді. Жауап 15 жұмыс күні ішінде жіберіледі.",
    },
    "ru": {
        "title": "Обращения граждан",
        "intro": ("Через эту форму можно направить заявление, предложение или жалобу. Обращения рассматриваются в "
                  "сроки, установленные законом, как правило, в течение 15 рабочих дней. Ответ направляется по "
                  "указанному адресу."),
        "form_h": "Отправить обращение",
        "name": "Фамилия, имя, отчество",
        "iin": "ИИН (индивидуальный идентификационный номер)",
        "phone": "Телефон",
        "phone_labelled": True,
        "topic": "Тема обращения",
        "topics": ["Социальная поддержка", "Образование", "Здравоохранение", "Жильё и коммунальное хозяйство",
                   "Дороги и транспорт", "Другое"],
        "message": "Текст обращения",
        "send": "Отправить",
        "reception_h": "График личного приёма",
        "reception": [("Аким области", "первый вторник каждого месяца, 10:00–13:00"),
                      ("Заместители акима области", "каждый четверг, 15:00–18:00")],
        "answered_h": "Последние ответы",
        "answered": [(4, "О ремонте остановки в микрорайоне Жастар", "Ответ дан"),
                     (9, "Об очереди к врачам в сельской поликлинике", "Ответ дан")],
        "sent_title": "Обращение принято",
        "sent_text": "Спасибо! Ваше обращение зарегистрировано. Ответ будет направлен в течение 15 рабочих дней.",
    },
    "en": {
        "title": "Citizens' appeals",
        "intro": ("You can send an application, a proposal or a complaint with this form. Appeals are reviewed "
                  "within the time limits set by law, usually within 15 working days. The reply is sent to the "
                  "address you give."),
        "form_h": "Send an appeal",
        "name": "Full name",
        "iin": "IIN (individual identification number)",
        "phone": "Phone",
        "phone_labelled": True,
        "topic": "Topic",
        "topics": ["Social support", "Education", "Health care", "Housing and utilities", "Roads and transport",
                   "Other"],
        "message": "Your message",
        "send": "Send",
        "reception_h": "Personal reception schedule",
        "reception": [("Akim of the Region", "first Tuesday of every month, 10:00–13:00"),
                      ("Deputy akims", "every Thursday, 15:00–18:00")],
        "answered_h": "Latest replies",
        "answered": [(4, "Repair of the bus stop in the Zhastar neighbourhood", "Answered"),
                     (9, "Waiting times at the rural clinic", "Answered")],
        "sent_title": "Appeal received",
        "sent_text": "Thank you! Your appeal has been registered. You will receive a reply within 15 working days.",
    },
}
