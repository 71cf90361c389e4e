"""Small hand-made word lists: the evidence a character model misses on one- and two-word labels.

Why lists at all: statistical models see "Байланыс" or "Басты бет" as a few ambiguous Cyrillic
trigrams (langid puts ~15% of single Kazakh words down as Russian).  A few hundred frequent
function words and UI words settle most short labels.

Rules for adding a word:
  * KAZAKH: words WITHOUT the nine Kazakh-only letters (those are caught by the letters already)
    that are not Russian words.  Written from general knowledge of frequent Kazakh words and the
    DEV split (bench/data/lang_dev.tsv), never from the test split.
  * RUSSIAN: frequent words that are not Kazakh words (Kazakh borrows nouns, never these forms).
  * SHARED: spelled the same in Kazakh and Russian (loanwords, names) -- NEUTRAL evidence: a label
    "Статистика" or "Бюджет" says nothing about the page language.
  * UKRAINIAN / BULGARIAN...: the few words that tell a Cyrillic text is not Russian/Kazakh.
"""
from __future__ import annotations

KAZAKH = frozenset("""
мен бен пен немесе бойынша туралы арасында арасы сайын бастап сияқты сонымен сондай тек ал алайда
ол оны олар осы сол мына бар болып болады болды болатын болса болу болуы болмайды бола болған
алу алады алды алып беру беруге жасау жасалды жасалады жасап жасалатын келу кету керек жатыр отыр
жариялау жарияланды жарияланады жариялады жазу жазылу жабу ашу тазарту басу басып табу табылмады
ету етуге етеді асыру асырылады асырылуда тапсыру тапсырылды жолдау атап атты деп деген дейін
жыл жылы жылдың жылдан жылдар жылдары жылда айы апта биыл кеше кезде кезеңде мерзімі
бет беттер бетке бетте басты бас басшы басшысы басшылары байланыс байланысты байланыстар
мекенжай мекенжайы хабар хабарлама хабарламалар хабарландыру хабарландырулар ереже ережелер ережесі
тарих тарихы есеп есептер есепке есебі жоба жобалар жобасы жобалары орынбасар орынбасары
облыс облысы облыстар аудан ауданы аудандар ауыл ауылы ауылдар ауылдарды сала саласы салалар
салалары тарау тараулар тарауы сайттар сайтта сайтты сайттары сайтын жол жолы жолдар
сумен жер жеке адам адамдар азамат азаматтар бала балалар мектеп мектептер жастар мереке
бос орын орындар орындары сот сотта мемлекет мемлекетке мемлекеттер мемлекеттен
ма ме ба бе ше онда осында сонда жерде жерге арасындағы бойы бастама барысында
жаппай жалпы жане атынан атауы тапсырма кеңсе талап талаптар шара шаралар
болмаса жасады жасалып келе ету атты аталды ашылды ашты жабылды жазылды жазды салынды салу салады
тапсырды табылды табылады басталды басталады бастады жолдады сайланды
ата ана бала жас сынып ауру аурухана емхана ем отан мекеме мекемелер жиын жиналыс кездесу отырыс
жоспар жоспары жоспарлар жауап хат хаттама сурет суреттер бейне бейнелер мерейтой той мерекелер
жарыс жарыстар ойын ойындар басшылар хатшы маман мамандар маманы мекен жылу жылыту тасымал
жолаушы жолаушылар жаман сапалы арнайы ресми тез баяу жылдам тура мол аз таза бес алты жиырма
отыз елу алпыс сексен сен оларды олардан менде сенде неге неше ия егер жайлы орай орайда
тарапынан бойында жанында алдында артында астында шамамен шамасы кесте жою рахмет сынау ойлау
растау ж жж
""".split())

RUSSIAN = frozenset("""
и в во на с со к ко о об обо по за из от до для при без под над у не ни что это как так а но или
также все всех всем его ее её их был была были быть есть который которая которые которых года
году год г гг
этот эта эти этого этой том тем чем если когда где уже только можно нужно может будет будут
было более менее после перед между около среди вместе через
главная новости контакты поиск документы услуги нас войти выйти регистрация подробнее ещё еще
далее назад скачать печать отправить отмена сохранить закрыть открыть руководство структура
деятельность вакансии обращения граждан вопросы ответы версия слабовидящих сайта главную
страница страницы связь обратная условия использования права защищены министерство
управление акимат области города района республики казахстан политики
""".split())

SHARED = frozenset("""
статистика бюджет департамент президент парламент сенат экономика политика интернет сайт форум блог
видео фото архив медиа конкурс проект программа стратегия концепция инвестиция коррупция вакансия
министр комитет агентство меморандум экология фоторепортаж туризм спорт транспорт телефон факс
email e-mail кабинет логин пароль меню карта баннер регламент стандарт мониторинг аудит бизнес
астана алматы шымкент актобе атырау тараз павлодар семей костанай
""".split())

# Ukrainian and other Cyrillic languages: letters and words that Kazakh and Russian never have.
UKRAINIAN_LETTERS = frozenset("їєґ")
BELARUSIAN_LETTERS = frozenset("ў")
SOUTH_SLAVIC_LETTERS = frozenset("ђјљњћџѓќѕ")
UKRAINIAN = frozenset("""
і що це як від щодо який яка які його її цей ця ці був була було також можна після
головна новини пошук сторінка послуги документи звернення громадян
""".split())

# Short Russian words that Ukrainian, Belarusian or Bulgarian also write: evidence for Russian
# only where those languages are not possible.
RUSSIAN_PAN_SLAVIC = frozenset("""
и в во на с со к о по за из от до для при без под над у не ни а но или все так как это что г гг
""".split())

# Frequent English words; English vs Latin Kazakh, and confident one-word English labels.
ENGLISH = frozenset("""
the of and to in for on is are was were by with from at as or be this that it an a not all our your
you we they he she his her their its has have had will would can may should must been being which
who what when where how there here if than then so no yes about after before into over under
between during without within through up down out new more most other some such only also very just
home news search more read us
""".split())

# Function words of other Latin-script languages: a sign that a text restricted to kk/ru/en may be
# in none of them (fr, de, nl, es, it, pt, tr).  Words English or Latin Kazakh also write are left out.
OTHER_LATIN = frozenset("""
le les des du et est pour dans une sur au aux avec par qui que nous vous sont cette ces
der das und ist nicht mit für von zu dem ein eine wir auf auch
het een van voor zijn niet ook wij naar bij uit onze
el los las y del por para una como más
il gli della delle che sono alla nel
os dos das em com não ao
ve bu için ile olarak
""".split())

# Words an English page keeps in any language (brand names, acronyms) and Kazakh realia English
# texts borrow ("akimat", "maslikhat", "oblast"): neutral in Latin script.
SHARED_LATIN = frozenset("""
email e-mail facebook instagram youtube telegram twitter linkedin tiktok whatsapp vk ok pdf doc docx
xls xlsx jpg png faq ok gov kz egov online wifi covid id iin bin
akim akims akimat akimats maslikhat maslikhats mazhilis oblast oblasts aul auls tenge kazakhstan
astana almaty shymkent nur-sultan
""".split())

# Frequent Kazakh words WITH the special letters.  Not needed for Cyrillic (the letters decide);
# transliterated into both Latin alphabets (kazakh.py) they recognise Latin-script Kazakh.
KAZAKH_SPECIAL = frozenset("""
және үшін жаңалықтар жаңалық құжаттар құжат іздеу қызмет қызметтер қызметі мемлекеттік министрлігі
министрлік әкімдігі әкімдік әкімі облысының облысы қаласы қаласының республикасы республикасының
қазақстан қазақстанның ақпарат ақпараттық біз бізбен бізге кіру шығу тіркелу жүктеу көрсету
барлық барлығы толығырақ басшылық құрылым өтініш өтініштер азаматтардың азаматтарға денсаулық
сақтау білім ғылым еңбек әлеуметтік қорғау халық халықты үкіметі үкімет мәслихат жоспар
бағдарлама бағдарламалар қаулы қаулылар бұйрық бұйрықтар заң заңдар туралы бойынша тілі тілдер
қазақ орыс ағылшын жұмыс істейді мүмкіндік арналған нұсқа көзі нашар көретіндерге кері
байланыс сұрақ сұрақтар жауап жиі қойылатын ашық деректер бюджеттік есептер іс шаралар
шара жылғы күні сайт сайты беті басты бет мекенжай телефоны электрондық пошта
""".split())
