"""Makes the demo site's binary assets (news PNGs, the PDFs) with the local Chromium. Run once by hand:

    python tests/sites/make_demo_assets.py

The outputs are committed under parity_check/demo/site/; this script only records how they were made
(it lives with the tests because nothing under parity_check/ may import Playwright).
- news/*.png: flat illustrations rendered from inline SVG;
- files/kk|ru/*.pdf: short programme documents printed by Chromium, so they have a real text layer;
- files/kk/qaulysy-12-2025.pdf, files/ru/postanovlenie-12-2025.pdf: the resolution (Kazakh, Russian)
  rendered to a grey, slightly skewed JPEG and printed as a page holding only that picture: "scanned"
  documents with no text layer.
"""
from __future__ import annotations

import asyncio
import base64
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[2] / "parity_check" / "demo" / "site"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

NEWS = {
    "jobs": """<rect width="640" height="360" fill="#dfeaf2"/><rect y="260" width="640" height="100" fill="#9db6c8"/>
<rect x="120" y="140" width="300" height="130" fill="#5a7d9a"/><path d="M120 140 L200 90 L200 140 Z M200 140 L280 90 L280 140 Z M280 140 L360 90 L360 140 Z" fill="#5a7d9a"/>
<rect x="440" y="60" width="35" height="210" fill="#3b566b"/><g fill="#f0c419"><rect x="150" y="170" width="40" height="30"/><rect x="220" y="170" width="40" height="30"/><rect x="290" y="170" width="40" height="30"/><rect x="360" y="170" width="40" height="30"/></g>""",
    "school": """<rect width="640" height="360" fill="#e6f0e6"/><rect y="280" width="640" height="80" fill="#8fb58f"/>
<rect x="140" y="110" width="360" height="175" fill="#c8684a"/><path d="M120 110 L320 50 L520 110 Z" fill="#8a3d28"/>
<g fill="#fff5d6"><rect x="170" y="130" width="40" height="30"/><rect x="240" y="130" width="40" height="30"/><rect x="360" y="130" width="40" height="30"/><rect x="430" y="130" width="40" height="30"/>
<rect x="170" y="190" width="40" height="30"/><rect x="240" y="190" width="40" height="30"/><rect x="360" y="190" width="40" height="30"/><rect x="430" y="190" width="40" height="30"/></g>
<rect x="300" y="210" width="40" height="75" fill="#5a3020"/>""",
    "road": """<rect width="640" height="360" fill="#dbe9f5"/><rect y="170" width="640" height="190" fill="#b5cf9a"/>
<path d="M280 170 L360 170 L560 360 L80 360 Z" fill="#3c3f44"/><g fill="#f5f5f5"><path d="M317 180 L323 180 L330 220 L310 220 Z"/><path d="M306 240 L334 240 L342 290 L298 290 Z"/><path d="M292 310 L348 310 L356 360 L284 360 Z"/></g>
<circle cx="100" cy="150" r="30" fill="#6d8f4e"/><circle cx="540" cy="150" r="35" fill="#6d8f4e"/>""",
}

DOC_CSS = """body { font-family: "DejaVu Serif", serif; font-size: 12pt; line-height: 1.45; margin: 0; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 12pt; } p { margin: 0 0 8pt; text-align: justify; }
.head { text-align: center; font-weight: bold; margin-bottom: 18pt; } ol { padding-left: 18pt; }"""

PROGRAMME = {
    "kk/damu-bagdarlamasy-2025-2027.pdf": ("kk", "Демо облысының әкімдігі",
        "Демо облысын дамытудың 2025–2027 жылдарға арналған бағдарламасы",
        ["Облыстық мәслихаттың 2024 жылғы 20 желтоқсандағы № 25/3 шешімімен бекітілген.",
         "Бағдарламаның мақсаты — облыс тұрғындарының өмір сүру сапасын арттыру, экономиканың тұрақты өсуін "
         "қамтамасыз ету және ауылдық аумақтарды дамыту.",
         "Негізгі бағыттар: шағын және орта бизнесті қолдау; білім беру және денсаулық сақтау нысандарын салу; "
         "аудандық және ауылдық жолдарды жөндеу; ауыз сумен қамтамасыз ету; цифрлық мемлекеттік қызметтер.",
         "Нысаналы көрсеткіштер: 2027 жылға қарай 4 000 жаңа тұрақты жұмыс орнын ашу, жергілікті маңызы бар "
         "жолдардың 85 пайызын жақсы және қанағаттанарлық жағдайға келтіру, үш ауысымды мектептерді жою.",
         "Бағдарламаның орындалуы туралы есеп жыл сайын облыс әкімдігінің сайтында жарияланады."]),
    "ru/programma-razvitiya-2025-2027.pdf": ("ru", "Акимат Демо области",
        "Программа развития Демо области на 2025–2027 годы",
        ["Утверждена решением областного маслихата от 20 декабря 2024 года № 25/3.",
         "Цель программы — повышение качества жизни жителей области, обеспечение устойчивого роста экономики "
         "и развитие сельских территорий.",
         "Основные направления: поддержка малого и среднего бизнеса; строительство объектов образования и "
         "здравоохранения; ремонт районных и сельских дорог; обеспечение питьевой водой; цифровые "
         "государственные услуги.",
         "Целевые показатели: к 2027 году создать 4 000 новых постоянных рабочих мест, привести 85 процентов "
         "дорог местного значения в хорошее и удовлетворительное состояние, ликвидировать трёхсменные школы.",
         "Отчёт о выполнении программы ежегодно публикуется на сайте акимата области."]),
}

RESOLUTION = """<html><head><meta charset="utf-8"><style>
body { margin: 0; width: 794px; height: 1123px; background: #f4f1ea; font-family: "DejaVu Serif", serif;
  font-size: 15px; line-height: 1.4; color: #222; }
.sheet { padding: 70px 64px; transform: rotate(0.7deg); filter: grayscale(1) contrast(0.9) blur(0.35px); }
.one { display: none; } body.LANG .one.LANG { display: block; } h1 { font-size: 17px; text-align: center; }
.sign { margin-top: 48px; }
.stamp { margin-top: 60px; width: 150px; height: 150px; border: 4px double #555; border-radius: 50%; }
</style></head><body><div class="sheet">
<div class="one kk"><h1>ДЕМО ОБЛЫСЫНЫҢ ӘКІМДІГІ<br>ҚАУЛЫ</h1><p>2025 жылғы 15 қаңтар № 12</p>
<p><b>Азаматтарды жеке қабылдау тәртібі туралы</b></p>
<p>«Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы» Қазақстан Республикасының заңнамасына сәйкес
Демо облысының әкімдігі ҚАУЛЫ ЕТЕДІ:</p><p>1. Облыс әкімі азаматтарды әр айдың бірінші сейсенбісінде сағат
10:00-ден 13:00-ге дейін қабылдайды.</p><p>2. Облыс әкімінің орынбасарлары азаматтарды әр бейсенбі сайын
сағат 15:00-ден 18:00-ге дейін қабылдайды.</p><p>3. Осы қаулының орындалуын бақылау облыс әкімі аппаратының
басшысына жүктелсін.</p><p class="sign">Облыс әкімі &nbsp;&nbsp;&nbsp;&nbsp; А. Демеуов</p></div>
<div class="one ru"><h1>АКИМАТ ДЕМО ОБЛАСТИ<br>ПОСТАНОВЛЕНИЕ</h1><p>15 января 2025 года № 12</p>
<p><b>О порядке личного приёма граждан</b></p>
<p>В соответствии с законодательством Республики Казахстан о порядке рассмотрения обращений физических и
юридических лиц акимат Демо области ПОСТАНОВЛЯЕТ:</p><p>1. Аким области принимает граждан в первый вторник
каждого месяца с 10:00 до 13:00.</p><p>2. Заместители акима области принимают граждан каждый четверг с 15:00
до 18:00.</p><p>3. Контроль за исполнением настоящего постановления возложить на руководителя аппарата акима
области.</p><p class="sign">Аким области &nbsp;&nbsp;&nbsp;&nbsp; А. Демеуов</p></div>
<div class="stamp"></div>
</div></body></html>"""


async def main() -> None:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/lib/chromium/chromium", args=ARGS)
        page = await browser.new_page(viewport={"width": 640, "height": 360})
        for name, body in NEWS.items():
            await page.set_content(f'<html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" '
                                   f'width="640" height="360" viewBox="0 0 640 360">{body}</svg></body></html>')
            await page.screenshot(path=str(ROOT / "static/img/news" / f"{name}.png"))
        for rel, (lang, body_name, title, paras) in PROGRAMME.items():
            html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title><style>{DOC_CSS}'
                    f'</style></head><body><p class="head">{body_name}</p><h1>{title}</h1>'
                    + "".join(f"<p>{t}</p>" for t in paras) + "</body></html>")
            await page.set_content(html)
            await page.pdf(path=str(ROOT / "files" / rel), format="A4",
                           margin={"top": "20mm", "bottom": "20mm", "left": "22mm", "right": "18mm"})
        for lang, rel in (("kk", "kk/qaulysy-12-2025.pdf"), ("ru", "ru/postanovlenie-12-2025.pdf")):
            await page.set_viewport_size({"width": 794, "height": 1123})
            await page.set_content(RESOLUTION.replace("LANG", lang).replace("<body>", f'<body class="{lang}">'))
            jpeg = await page.screenshot(type="jpeg", quality=45)
            data = base64.b64encode(jpeg).decode()
            await page.set_content(f'<html><body style="margin:0"><img src="data:image/jpeg;base64,{data}" '
                                   f'style="width:210mm;height:297mm;display:block"></body></html>')
            await page.pdf(path=str(ROOT / "files" / rel), width="210mm", height="297mm",
                           margin={"top": "0", "bottom": "0", "left": "0", "right": "0"})
        await browser.close()


if __name__ == "__main__":
    asyncio.run(main())
