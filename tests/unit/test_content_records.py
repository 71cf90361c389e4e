"""Page records built in code for the content checks' unit tests, and a site where every required section is
present and every content check passes (the other test modules change one thing in it)."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from parity_check.artifacts import PageRecord
from parity_check.checks import CheckContext, load_all

BASE = "https://akimat.example.kz"
CAPTURED = "2025-06-15T10:00:00Z"
CODES = {"kk": "kz", "ru": "ru", "en": "en"}
SECTION_WORDS = {  # section -> (path, {lang: link text})
    "structure": ("structure", {"kk": "Құрылым", "ru": "Структура", "en": "Structure"}),
    "leadership": ("leadership", {"kk": "Басшылық", "ru": "Руководство", "en": "Leadership"}),
    "contacts": ("contacts", {"kk": "Байланыс", "ru": "Контакты", "en": "Contacts"}),
    "news": ("news", {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}),
    "legal_acts": ("documents", {"kk": "Нормативтік құқықтық актілер", "ru": "Нормативные правовые акты",
                                 "en": "Legal acts"}),
    "appeals": ("appeals", {"kk": "Азаматтардың өтініштері", "ru": "Обращения граждан", "en": "Citizens' appeals"}),
    "efficiency": ("efficiency", {"kk": "Тиімділікті бағалау", "ru": "Оценка эффективности",
                                  "en": "Efficiency evaluation"}),
}
BODY = {"kk": "Облыс әкімдігі облыстың әлеуметтік-экономикалық дамуын қамтамасыз етеді және өтініштерді қарайды.",
        "ru": "Акимат области обеспечивает социально-экономическое развитие области и рассматривает обращения.",
        "en": "The regional akimat provides for the development of the region and reviews the appeals of residents."}
CONTACTS = {
    "kk": "Мекенжайы: 070004, Өскемен қ., Тәуелсіздік даңғылы, 40 үй. Телефон: +7 (7232) 12-34-56. "
          "E-mail: akimat@example.kz",
    "ru": "Адрес: г. Усть-Каменогорск, проспект Независимости, д. 40. Тел.: 8 (7232) 12-34-56. "
          "Эл. почта: akimat@example.kz",
    "en": "Address: 40 Tauelsizdik Avenue, Oskemen. Phone: +7 7232 12 34 56. E-mail: akimat@example.kz",
}
NEWS_DATES = {"kk": ["2025 жылғы 12 маусым", "2025 жылғы 3 маусым"], "ru": ["12 июня 2025", "3 июня 2025"],
              "en": ["June 12, 2025", "June 3, 2025"]}


def url(lang: str, path: str = "") -> str:
    return f"{BASE}/{CODES[lang]}/{path}"


def seg(text: str, kind: str = "text", region: str = "main", tag: str = "p", font_size: float = 16,
        selector: str | None = None, bbox=(10, 10, 600, 20)) -> dict:
    return {"text": text, "kind": kind, "region": region, "tag": tag, "font_size": font_size,
            "selector": selector or f"main > {tag}", "bbox": list(bbox)}


def heading(text: str, tag: str = "h1", region: str = "main") -> dict:
    return seg(text, kind="heading", tag=tag, region=region, font_size=28, selector=f"main > {tag}")


def link(href: str, text: str = "", region: str = "main", selector: str | None = None) -> dict:
    return {"href": href, "raw_href": href, "text": text, "region": region,
            "selector": selector or f"{region} a[href='{href}']", "visible": True}


def img(src: str, complete: bool = True, natural_width: int = 100, bbox=(10, 10, 100, 80), region: str = "main",
        visible: bool = True, alt: str | None = "", selector: str | None = None) -> dict:
    return {"src": src, "alt": alt, "selector": selector or f"img[src='{src}']", "bbox": list(bbox),
            "natural_width": natural_width, "natural_height": natural_width and 80, "complete": complete,
            "visible": visible, "region": region}


def page(page_url: str, lang: str | None, segments=(), links=(), images=(), depth: int = 1,
         outcome: str = "audited", status: int | None = 200, mode: str = "normal",
         discovered_from: str | None = None) -> PageRecord:
    artifacts = {}
    if outcome == "audited":
        artifacts["dom"] = {"segments": list(segments), "links": list(links), "images": list(images),
                            "title": "", "declared_lang": lang}
    return PageRecord(url=page_url, lang=lang, mode=mode, outcome=outcome, status=status, final_url=page_url,
                      error=None if outcome == "audited" else f"HTTP {status}", depth=depth,
                      discovered_from=discovered_from, artifacts=artifacts)


def nav(lang: str, skip: tuple[str, ...] = ()) -> list[dict]:
    return [link(url(lang, path), words[lang], region="nav", selector=f"nav a.{key}")
            for key, (path, words) in SECTION_WORDS.items() if key not in skip]


def good_site(langs=("kk", "ru", "en")) -> list[PageRecord]:
    """Home + one page per section, per language: every content check passes on it."""
    pages = []
    for lang in langs:
        home = url(lang)
        pages.append(page(home, lang, [heading("Облыс әкімдігі"), seg(BODY[lang])], nav(lang), depth=0))
        for key, (path, words) in SECTION_WORDS.items():
            segments = [heading(words[lang]), seg(BODY[lang])]
            if key == "contacts":
                segments = [heading(words[lang]), seg(CONTACTS[lang])]
            if key == "news":
                segments = [heading(words[lang])] + [seg(f"{d}. {BODY[lang]}") for d in NEWS_DATES[lang]]
            pages.append(page(url(lang, path), lang, segments, nav(lang), discovered_from=home))
    return pages


@dataclass
class Profile:  # the shape config.Profile has for the checks: sections, and the file a site's profile came from
    sections: dict = field(default_factory=dict)
    source: str | None = "profiles/site.yaml"


@dataclass
class Rule:
    names: dict
    url_patterns: tuple = ()


def make_ctx(pages, site=None, run=None, thresholds=None, profile=None, languages=("kk", "ru", "en")):
    return CheckContext(pages=list(pages), run={"captured_at": CAPTURED, "target": BASE + "/", **(run or {})},
                        languages=tuple(languages), profile=profile, thresholds=dict(thresholds or {}),
                        site=copy.deepcopy(site or {}))


def run_check(check_id: str, ctx) -> list:
    return list(load_all()[check_id]().run(ctx))


def replace_page(pages, page_url: str, new: PageRecord) -> list[PageRecord]:
    return [new if p.url == page_url else p for p in pages]


def test_good_site_passes_every_content_check():
    ctx = make_ctx(good_site())
    for check_id in ("missing-section", "missing-contact", "broken-link", "broken-image", "scanned-document",
                     "small-font", "stale-content", "deep-section"):
        assert run_check(check_id, ctx) == [], check_id
