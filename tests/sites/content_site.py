"""A small akimat site in kk/ru/en with content defects planted where the content checks must find them,
and clean pages where none of them may report anything. Served by parity_check.sites.server.SiteServer.

Planted (PLANTED below says where):
  broken-link       /{l}/services: a page that is gone (404) and one that fails (500); ru also a missing PDF
  broken-image      /{l}/gallery: a missing image (404) and one whose bytes are not a picture
  scanned-document  /files/order-scan.pdf (an image, no text), at its links on /{l}/documents;
                    /ru/announcement shows its text as a tall image
  small-font        /kz/about: body text at 10 px
  missing-section   en has no "efficiency evaluation" (no link; /en/efficiency is 404)
  missing-contact   /en/contacts has no e-mail
  stale-content     /kz/news: newest item 400 days old; /ru/statistics "Обновлено: 15.01.2016"
  deep-section      ru "citizens' appeals" only via about -> more -> archive -> appeals (4 clicks)
Clean on purpose: a text PDF, one more behind a URL with no extension, an XLSX whose server refuses HEAD
(405: the GET fallback), a footer with
11 px copyright small print, fresh news and update dates in the other languages.
"""
from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib

from parity_check.sites.server import Response, html_response, not_found, redirect

CODES = {"kz": "kk", "ru": "ru", "en": "en"}
HTML_LANG = {"kk": "kk", "ru": "ru", "en": "en"}

# -- generated files ---------------------------------------------------------------------------------------


def png(width: int, height: int, stripes: bool = False) -> bytes:
    """A valid RGB PNG; with stripes it looks like lines of text on a page (for the image-of-text page)."""
    rows = []
    for y in range(height):
        dark = stripes and (y // 6) % 4 == 0 and 40 < y < height - 40
        rows.append(b"\x00" + (b"\x30\x30\x30" if dark else b"\xf4\xf4\xf0") * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered objects (1 = catalog), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, len(objects), xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf() -> bytes:
    lines = [b"Order No. 124 on the content of the internet resources of state bodies.",
             b"Every section is reachable within three clicks; documents are published as text."]
    content = b"BT /F1 12 Tf 72 720 Td 16 TL " + b" ".join(b"(%s) Tj T*" % l for l in lines) + b" ET"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                _stream(content),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                b"<< /Title (Order 124 text) >>"])


def scanned_pdf() -> bytes:
    w, h = 60, 80  # a grey page with dark bars where the lines of text were
    pixels = b"".join((b"\x20" if (y // 4) % 3 == 0 and 8 < y < h - 8 else b"\xee") * w for y in range(h))
    content = b"q 540 0 0 720 36 36 cm /Im1 Do Q"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
                _stream(content),
                _stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                                                b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                                                % (w, h)),
                b"<< /Title (Order 124 scan) >>"])


def xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/sharedStrings.xml", "<sst><si><t>Бюджет 2025</t></si><si><t>Budget 2025</t></si></sst>")
        z.writestr("docProps/core.xml", "<cp:coreProperties><dc:title>Budget</dc:title></cp:coreProperties>")
    return buf.getvalue()


# -- words ---------------------------------------------------------------------------------------------------
T = {
    "kk": {
        "site": "Облыс әкімдігі", "home": "Басты бет", "structure": "Құрылым", "leadership": "Басшылық",
        "news": "Жаңалықтар", "documents": "Нормативтік құқықтық актілер", "appeals": "Азаматтардың өтініштері",
        "efficiency": "Тиімділікті бағалау", "contacts": "Байланыс", "about": "Әкімдік туралы",
        "services": "Қызметтер", "gallery": "Фотогалерея", "statistics": "Статистика",
        "announcement": "Хабарландыру", "more": "Толығырақ", "archive": "Мұрағат",
        "intro": ("Облыс әкімдігі облыстың әлеуметтік-экономикалық дамуын қамтамасыз етеді, мемлекеттік "
                  "бағдарламаларды іске асырады және тұрғындардың өтініштерін қарайды."),
        "body": ("Әкімдік облыс тұрғындарына мемлекеттік қызметтер көрсетеді, білім беру, денсаулық сақтау "
                 "және көлік салаларын үйлестіреді. Барлық құжаттар мемлекеттік және орыс тілдерінде "
                 "жарияланады."),
        "updated": "Жаңартылды", "copyright": "© 2025 Облыс әкімдігі. Барлық құқықтар қорғалған.",
        "old": "Ескі бет", "fails": "Есептер", "scan": "Бұйрық (скан)", "text": "Бұйрық (мәтін)",
        "budget": "Бюджет (XLSX)", "missing_pdf": "Жоқ құжат",
    },
    "ru": {
        "site": "Акимат области", "home": "Главная", "structure": "Структура", "leadership": "Руководство",
        "news": "Новости", "documents": "Нормативные правовые акты", "appeals": "Обращения граждан",
        "efficiency": "Оценка эффективности", "contacts": "Контакты", "about": "Об акимате",
        "services": "Услуги", "gallery": "Фотогалерея", "statistics": "Статистика",
        "announcement": "Объявление", "more": "Подробнее", "archive": "Архив",
        "intro": ("Акимат области обеспечивает социально-экономическое развитие области, реализует "
                  "государственные программы и рассматривает обращения жителей."),
        "body": ("Акимат оказывает жителям области государственные услуги, координирует сферы образования, "
                 "здравоохранения и транспорта. Все документы публикуются на государственном и русском языках."),
        "updated": "Обновлено", "copyright": "© 2025 Акимат области. Все права защищены.",
        "old": "Старая страница", "fails": "Отчёты", "scan": "Приказ (скан)", "text": "Приказ (текст)",
        "budget": "Бюджет (XLSX)", "missing_pdf": "Отсутствующий документ",
    },
    "en": {
        "site": "Regional Akimat", "home": "Home", "structure": "Structure", "leadership": "Leadership",
        "news": "News", "documents": "Legal acts", "appeals": "Citizens' appeals",
        "efficiency": "Efficiency evaluation", "contacts": "Contacts", "about": "About the akimat",
        "services": "Services", "gallery": "Photo gallery", "statistics": "Statistics",
        "announcement": "Announcement", "more": "More", "archive": "Archive",
        "intro": ("The regional akimat provides for the social and economic development of the region, carries "
                  "out state programmes and reviews the appeals of residents."),
        "body": ("The akimat provides public services to the residents of the region and coordinates education, "
                 "health care and transport. All documents are published in the state language and in Russian."),
        "updated": "Updated", "copyright": "© 2025 Regional Akimat. All rights reserved.",
        "old": "Old page", "fails": "Reports", "scan": "Order (scan)", "text": "Order (text)",
        "budget": "Budget (XLSX)", "missing_pdf": "Missing document",
    },
}
KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


def spelled(date: dt.date, lang: str) -> str:
    if lang == "kk":
        return f"{date.year} жылғы {date.day} {KK_MONTHS[date.month - 1]}"
    if lang == "ru":
        return f"{date.day} {RU_MONTHS[date.month - 1]} {date.year}"
    return date.strftime("%B ") + f"{date.day}, {date.year}"


NAV = ("structure", "leadership", "news", "documents", "appeals", "efficiency", "contacts", "about", "services",
       "gallery", "statistics", "announcement")


class ContentSite:
    """The site object SiteServer serves: handle(method, path, query, headers) -> Response."""

    name = "content-site"

    def __init__(self, today: dt.date | None = None):
        self.today = today or dt.date.today()
        self.files = {"/files/order-text.pdf": ("application/pdf", text_pdf()),
                      "/files/order-scan.pdf": ("application/pdf", scanned_pdf()),
                      "/img/logo.png": ("image/png", png(120, 60)),
                      "/img/photo.png": ("image/png", png(320, 200)),
                      "/img/announcement.png": ("image/png", png(600, 800, stripes=True)),
                      # PLANTED broken-image: PNG signature, then bytes no decoder accepts
                      "/img/corrupt.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"not really an image" * 20)}

    # -- routing -------------------------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        if path == "/":
            return redirect("/kz/")
        if path in self.files:
            ctype, body = self.files[path]
            return Response(200, body, ctype)
        if path == "/files/download":  # a document behind a URL with no extension
            return Response(200, text_pdf(), "application/pdf", {"Content-Disposition": "inline; filename=plan.pdf"})
        if path == "/files/budget.xlsx":  # a server that refuses HEAD: the checker must try GET
            if method == "HEAD":
                return Response(405, "", "text/plain", {"Allow": "GET"})
            return Response(200, xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] not in CODES:
            return not_found()
        code, lang, page = parts[0], CODES[parts[0]], "/".join(parts[1:])
        if page.endswith("fails"):
            return Response(500, "server error", "text/plain")  # PLANTED broken-link (500)
        render = getattr(self, "page_" + (page.replace("/", "_") or "home"), None)
        if render is None or (lang == "en" and page == "efficiency"):  # PLANTED missing-section (en)
            return not_found()
        return html_response(self.layout(code, lang, page, render(code, lang)))

    # -- the frame every page shares ---------------------------------------------------------------------
    def nav(self, code: str, lang: str) -> str:
        items = []
        for key in NAV:
            if (lang == "en" and key == "efficiency") or (lang == "ru" and key == "appeals"):
                continue  # PLANTED: en lacks the section; ru hides appeals four clicks deep
            items.append(f'<li><a href="/{code}/{key}">{T[lang][key]}</a></li>')
        return "<ul>" + "".join(items) + "</ul>"

    def layout(self, code: str, lang: str, page: str, main: str) -> str:
        t = T[lang]
        switch = " ".join(f'<a href="/{c}/" lang="{HTML_LANG[l]}">{n}</a>' for c, l, n in
                          (("kz", "kk", "Қазақша"), ("ru", "ru", "Русский"), ("en", "en", "English")))
        title = t.get(page.split("/")[-1], t["home"]) if page else t["home"]
        return f"""<!doctype html><html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8">
<title>{title} — {t['site']}</title>
<style>body{{font-family:sans-serif;font-size:16px;margin:0 2rem}} footer{{font-size:11px;color:#555}}
nav li{{display:inline;margin-right:1em}}</style></head>
<body><header><a href="/{code}/"><img src="/img/logo.png" alt="{t['site']}" width="120" height="60"></a>
<div class="langs">{switch}</div><nav>{self.nav(code, lang)}</nav></header>
<main>{main}</main>
<footer><p>{t['copyright']}</p></footer></body></html>"""

    # -- pages ---------------------------------------------------------------------------------------------
    def _article(self, lang: str, key: str, extra: str = "") -> str:
        t = T[lang]
        return f"<h1>{t[key]}</h1><p>{t['intro']}</p><p>{t['body']}</p>{extra}"

    def page_home(self, code, lang):
        return f"<h1>{T[lang]['site']}</h1><p>{T[lang]['intro']}</p><p>{T[lang]['body']}</p>"

    def page_structure(self, code, lang):
        units = {"kk": ["Білім басқармасы", "Денсаулық сақтау басқармасы", "Қаржы басқармасы"],
                 "ru": ["Управление образования", "Управление здравоохранения", "Управление финансов"],
                 "en": ["Department of Education", "Department of Health", "Department of Finance"]}[lang]
        return self._article(lang, "structure", "<ul>" + "".join(f"<li>{u}</li>" for u in units) + "</ul>")

    def page_leadership(self, code, lang):
        people = {"kk": "Облыс әкімі — Серікұлы Асқар. Әкімнің бірінші орынбасары — Нұрланқызы Әйгерім.",
                  "ru": "Аким области — Серикулы Аскар. Первый заместитель акима — Нурланкызы Айгерим.",
                  "en": "Akim of the region: Askar Serikuly. First deputy akim: Aigerim Nurlankyzy."}[lang]
        return self._article(lang, "leadership", f"<p>{people}</p>")

    def page_news(self, code, lang):
        ages = (400, 420, 450) if lang == "kk" else (2, 9, 20)  # PLANTED stale-content: kk news a year old
        items = []
        for i, age in enumerate(ages, 1):
            date = self.today - dt.timedelta(days=age)
            items.append(f'<article><h2>{T[lang]["news"]} {i}: {T[lang]["site"]}</h2>'
                         f'<p class="date">{spelled(date, lang)}</p><p>{T[lang]["intro"]}</p></article>')
        return f"<h1>{T[lang]['news']}</h1>" + "".join(items)

    def page_documents(self, code, lang):
        t = T[lang]
        links = [("/files/order-text.pdf", t["text"]), ("/files/order-scan.pdf", t["scan"]),  # PLANTED scan
                 ("/files/budget.xlsx", t["budget"]), ("/files/download?id=7", "PDF")]
        return self._article(lang, "documents", "<ul>" + "".join(
            f'<li><a href="{h}">{n}</a></li>' for h, n in links) + "</ul>")

    def page_appeals(self, code, lang):
        return self._article(lang, "appeals")

    def page_efficiency(self, code, lang):
        return self._article(lang, "efficiency")

    def page_contacts(self, code, lang):
        address = {"kk": "Мекенжайы: 070004, Өскемен қ., Тәуелсіздік даңғылы, 40 үй.",
                   "ru": "Адрес: 070004, г. Усть-Каменогорск, проспект Независимости, д. 40.",
                   "en": "Address: 40 Tauelsizdik Avenue, Oskemen, 070004."}[lang]
        phone = {"kk": "Телефон", "ru": "Телефон", "en": "Phone"}[lang]
        email = "" if lang == "en" else '<p>E-mail: <a href="mailto:akimat@example.kz">akimat@example.kz</a></p>'
        # PLANTED missing-contact: the English contacts page has no e-mail
        return (f"<h1>{T[lang]['contacts']}</h1><p>{address}</p>"
                f'<p>{phone}: <a href="tel:+77232123456">+7 (7232) 12-34-56</a></p>{email}')

    def page_about(self, code, lang):
        style = ' style="font-size:10px"' if lang == "kk" else ""  # PLANTED small-font on /kz/about
        return (f"<h1>{T[lang]['about']}</h1><p{style}>{T[lang]['intro']}</p><p{style}>{T[lang]['body']}</p>"
                f'<p><a href="/{code}/about/more">{T[lang]["more"]}</a></p>')

    def page_about_more(self, code, lang):
        return self._article(lang, "more", f'<p><a href="/{code}/about/more/archive">{T[lang]["archive"]}</a></p>')

    def page_about_more_archive(self, code, lang):
        return self._article(lang, "archive", f'<p><a href="/{code}/appeals">{T[lang]["appeals"]}</a></p>')

    def page_services(self, code, lang):
        t = T[lang]
        links = [(f"/{code}/old-page", t["old"]), (f"/{code}/reports-fails", t["fails"])]  # PLANTED 404, 500
        if lang == "ru":
            links.append(("/files/missing-report.pdf", t["missing_pdf"]))  # PLANTED missing document
        return self._article(lang, "services", "<ul>" + "".join(
            f'<li><a href="{h}">{n}</a></li>' for h, n in links) + "</ul>")

    def page_gallery(self, code, lang):
        return self._article(lang, "gallery", '<p><img src="/img/photo.png" alt="" width="320" height="200">'
                             '<img src="/img/missing.png" alt="" width="320" height="200">'  # PLANTED 404
                             '<img src="/img/corrupt.png" alt="" width="320" height="200"></p>')  # PLANTED

    def page_statistics(self, code, lang):
        date = dt.date(2016, 1, 15) if lang == "ru" else self.today - dt.timedelta(days=3)  # PLANTED ru stale
        return self._article(lang, "statistics", f"<p>{T[lang]['updated']}: {date.strftime('%d.%m.%Y')}</p>")

    def page_announcement(self, code, lang):
        if lang == "ru":  # PLANTED: the announcement is a picture of a printed page
            return (f"<h1>{T[lang]['announcement']}</h1>"
                    '<p><img src="/img/announcement.png" alt="Объявление" width="600" height="800"></p>')
        return self._article(lang, "announcement")


def content_site(today: dt.date | None = None) -> ContentSite:
    return ContentSite(today)


# -- what a run over this site must report ------------------------------------------------------------------
CONTENT_CHECKS = ("missing-section", "missing-contact", "broken-link", "broken-image", "scanned-document",
                  "small-font", "stale-content", "deep-section")
# check -> {(path, lang, outcome, what)}: what = the target's last path part, or the section / missing kind
EXPECTED = {
    "broken-link": {(f"/{c}/services", CODES[c], "violation", t) for c in CODES for t in ("old-page", "reports-fails")}
                   | {("/ru/services", "ru", "violation", "missing-report.pdf")},
    "broken-image": {(f"/{c}/gallery", CODES[c], "violation", t) for c in CODES for t in ("missing.png", "corrupt.png")},
    "scanned-document": {(f"/{c}/documents", CODES[c], "violation", "order-scan.pdf") for c in CODES}
                        | {("/ru/announcement", "ru", "incomplete", "announcement.png")},
    "small-font": {("/kz/about", "kk", "violation", "")},
    "missing-section": {("/en/", "en", "violation", "efficiency")},
    "missing-contact": {("/en/contacts", "en", "violation", "email")},
    "stale-content": {("/kz/news", "kk", "violation", ""), ("/ru/statistics", "ru", "violation", "")},
    "deep-section": {("/ru/appeals", "ru", "violation", "appeals")},
}
PLANTED_PAGES = {path for found in EXPECTED.values() for path, *_ in found}


def _what(f) -> str:
    ev = f.evidence or {}
    target = ev.get("target") or ev.get("src") or ev.get("document")
    return target.rsplit("/", 1)[-1] if target else ev.get("section") or ev.get("missing") or ""


def reported(findings) -> dict[str, set]:
    """The content findings in EXPECTED's shape."""
    from urllib.parse import urlsplit

    out: dict[str, set] = {c: set() for c in CONTENT_CHECKS}
    for f in findings:
        if f.check in out:
            out[f.check].add((urlsplit(f.url).path, f.lang, f.outcome, _what(f)))
    return out


def record(out_dir: str) -> None:
    """Re-record tests/artifacts/content from a fresh crawl of this site (normal mode), keeping only what the
    content checks read:  python -m tests.sites.content_site tests/artifacts/content"""
    import json
    import shutil
    from pathlib import Path

    from parity_check import pipeline
    from parity_check.sites.server import SiteServer

    tmp = Path(out_dir).with_name(".content-run")
    shutil.rmtree(tmp, ignore_errors=True)
    with SiteServer(ContentSite()) as base:
        pipeline.gather(pipeline.RunSettings(target=base + "/", out_dir=tmp, modes=("normal",), max_pages=90))
    dest = Path(out_dir)
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "pages").mkdir(parents=True)
    (dest / "site").mkdir()
    for name in ("links", "documents"):
        shutil.copy(tmp / "artifacts" / "site" / f"{name}.json", dest / "site" / f"{name}.json")
    shutil.copy(tmp / "artifacts" / "run.json", dest / "run.json")
    keep = {"segments": ("selector", "tag", "kind", "region", "text", "bbox", "font_size"),
            "links": ("href", "raw_href", "text", "selector", "region", "visible"),
            "images": ("src", "alt", "selector", "bbox", "natural_width", "natural_height", "complete", "visible",
                       "region")}
    for path in sorted((tmp / "artifacts" / "pages").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        dom = rec["artifacts"].get("dom")
        rec["artifacts"] = {}
        if dom:
            rec["artifacts"]["dom"] = {"title": dom.get("title"), "declared_lang": dom.get("declared_lang"),
                                       **{k: [{f: item.get(f) for f in fields} for item in dom.get(k, [])]
                                          for k, fields in keep.items()}}
        (dest / "pages" / path.name).write_text(json.dumps(rec, ensure_ascii=False, sort_keys=True,
                                                           separators=(",", ":")), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    import sys

    record(sys.argv[1] if len(sys.argv) > 1 else "tests/artifacts/content")
