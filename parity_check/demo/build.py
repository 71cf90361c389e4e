"""Writes the demo site's HTML and CSS (parity_check/demo/site/) from content.py.

    python -m parity_check.demo.build

The pages are committed as static files, so the site is plain files a reader can open; this script is how
they are kept consistent (header, language switcher, hreflang alternates on every page). A unit test fails
when site/ and this script disagree. Images and PDFs under site/static and site/files are not generated here
(see DEFECTS.md for how they were made).
"""
from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from ..sites.server import BVI_PREFIX
from .content import (ABOUT, APPEALS, CONTACTS, DOCS, EFFICIENCY, HOME, LANG_NAME, LANGS, LEADERS, MENU, NEWS,
                      PROGRAMMES, UI, URL_CODE)
from .dates import format_date, token

SITE_DIR = Path(__file__).resolve().parent / "site"


def e(text: str) -> str:
    return escape(text, quote=True)


def url(lang: str, rel: str = "") -> str:
    return f"/{URL_CODE[lang]}/{rel}"


def date_text(iso: str, lang: str) -> str:
    """A fixed date (of a legal act)."""
    return format_date(dt.date.fromisoformat(iso), lang)


def time_ago(days: int, lang: str) -> str:
    """A <time> for a date relative to the day of serving (news, replies): see dates.py."""
    return f'<time datetime="{token(days)}">{token(days, lang)}</time>'


def page(lang: str, rel: str, title: str, main: str, langs: tuple[str, ...] = LANGS) -> str:
    """A whole page. `rel` is the path after the language prefix; `langs` are the languages the page
    exists in: hreflang alternates name only those, and the switcher sends the others to their home page,
    as CMSs do when a translation is missing."""
    ui = UI[lang]
    alternates = "\n".join(f'<link rel="alternate" hreflang="{l}" href="{url(l, rel)}">' for l in langs)
    current_lang, current_page = ' aria-current="true"', ' aria-current="page"'
    switch = "\n".join(
        f'<li><a href="{url(l, rel) if l in langs else url(l)}" lang="{l}" hreflang="{l}"'
        f'{current_lang if l == lang else ""}>{LANG_NAME[l]}</a></li>' for l in LANGS)
    menu = "\n".join(
        f'<li><a href="{url(lang, r)}"{current_page if r == rel else ""}>{e(label)}</a></li>'
        for r, label in MENU[lang])
    vi = (f'<a class="bvi-open" href="#"><img src="/static/img/eye.svg" alt="" width="24" height="24">'
          f'{e(ui["vi"])}</a>' if ui["vi"] else "")
    # The English pages come from an older template without the widget at all, so no cookie can switch
    # the mode on there either.
    widget = (f'<link rel="stylesheet" href="{BVI_PREFIX}bvi-lite.css">\n'
              f'<script src="{BVI_PREFIX}bvi-lite.js" defer></script>\n' if ui["vi"] else "")
    c = CONTACTS[lang]
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} | {e(ui["site"])}</title>
{alternates}
<link rel="icon" href="/static/img/emblem.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
{widget}</head>
<body>
<a class="skip-link" href="#main">{e(ui["skip"])}</a>
<header class="site-header">
<div class="topbar">
<div class="wrap">
{vi}
<nav class="lang-switch" aria-label="{e(ui["lang_nav"])}"><ul>
{switch}
</ul></nav>
</div>
</div>
<div class="wrap brand">
<a href="{url(lang)}" class="brand-link"><img src="/static/img/emblem.svg" alt="" width="56" height="56"><span>{e(ui["site"])}</span></a>
</div>
<nav class="menu" aria-label="{e(ui["main_nav"])}"><ul class="wrap">
{menu}
</ul></nav>
</header>
<main id="main" class="wrap">
{main}
</main>
<footer class="site-footer">
<div class="wrap">
<h2>{e(ui["footer_contacts"])}</h2>
<p>{e(c["address"])}<br>{e(c["phone_h"])}: <a href="tel:{c["phone"].replace(" ", "").replace("(", "").replace(")", "").replace("-", "")}">{e(c["phone"])}</a></p>
<p class="disclaimer">{e(ui["disclaimer"])}</p>
<p>{e(ui["copyright"])}</p>
</div>
</footer>
</body>
</html>
"""


def news_list(lang: str, items, badge_first: bool) -> str:
    out = []
    for i, n in enumerate(items):
        title, teaser = n[lang][0], n[lang][1]
        # DEFECT D04/D05: the badge is excluded from the VI theme (.bvi-no-styles) and keeps its dark blue
        # text, which is readable on white and not on the black VI background.
        badge = (f' <span class="badge-new bvi-no-styles">{e(UI[lang]["new"])}</span>'
                 if badge_first and i == 0 else "")
        out.append(f"""<li class="news-item">
{time_ago(n["days_ago"], lang)}
<h3><a href="{url(lang, f'news/{n["id"]}/')}">{e(title)}</a>{badge}</h3>
<p>{e(teaser)}</p>
</li>""")
    return '<ul class="news-list">\n' + "\n".join(out) + "\n</ul>"


def news_in(lang: str):
    return [n for n in NEWS if n.get(lang)]


def home(lang: str) -> str:
    h = HOME[lang]
    alt = f' alt="{e(h["map_alt"])}"' if h["map_alt"] is not None else ""
    logos = "\n".join(f'<li><img src="{src}" alt="{e(alt_text)}" width="160" height="64"></li>'
                      for src, alt_text in PROGRAMMES[lang])
    main = f"""<h1>{e(h["h1"])}</h1>
<p class="lead">{e(h["intro"])}</p>
<div class="columns">
<section class="col-main" aria-labelledby="news-h">
<h2 id="news-h">{e(h["news_h"])}</h2>
{news_list(lang, news_in(lang), badge_first=True)}
<p><a href="{h["all_news_href"]}">{e(UI[lang]["all_news"])}</a></p>
</section>
<section class="col-side" aria-labelledby="region-h">
<h2 id="region-h">{e(h["region_h"])}</h2>
<img class="map" src="/static/img/region-map.svg"{alt} width="320" height="220">
<p>{e(h["region_text"])}</p>
<h2>{e(h["programmes_h"])}</h2>
<ul class="logos">
{logos}
</ul>
</section>
</div>"""
    return page(lang, "", h["title"], main)


def about(lang: str) -> str:
    a = ABOUT[lang]
    tasks_lang = ""  # the Russian block on the Kazakh page carries no lang="ru": that is the defect
    units = "\n".join(f"<li>{e(u)}</li>" for u in a["units"])
    main = f"""<h1>{e(a["title"])}</h1>
<section>
<h2>{e(a["status_h"])}</h2>
<p>{e(a["status"])}</p>
</section>
<section>
<h2>{e(a["tasks_h"])}</h2>
<p{tasks_lang}>{e(a["tasks"])}</p>
</section>
<section>
<h2>{e(a["structure_h"])}</h2>
<p>{e(a["structure_intro"])}</p>
<ul class="units">
{units}
</ul>
</section>
<section>
<h2>{e(a["hours_h"])}</h2>
<p>{e(a["hours"])}</p>
</section>"""
    return page(lang, "about/", a["title"], main)


def leadership(lang: str) -> str:
    l = LEADERS[lang]
    people = []
    for i, (name, post, duties, bio) in enumerate(l["people"]):
        people.append(f"""<article class="person">
<img src="/static/img/person-{i + 1}.svg" alt="{e(name)}" width="120" height="150">
<div>
<h2>{e(name)}</h2>
<p class="post">{e(post)}</p>
<h3>{e(l["duties_h"])}</h3>
<p>{e(duties)}</p>
<h3>{e(l["bio_h"])}</h3>
<p>{e(bio)}</p>
</div>
</article>""")
    cls = ' class="small-print"' if l["small_print"] else ""
    main = f'<h1>{e(l["title"])}</h1>\n<div{cls}>\n' + "\n".join(people) + "\n</div>"
    return page(lang, "leadership/", l["title"], main)


def news_index(lang: str) -> str:
    title = MENU[lang][3][1]
    main = f"<h1>{e(title)}</h1>\n" + news_list(lang, news_in(lang), badge_first=False)
    return page(lang, "news/", title, main)


def news_detail(lang: str, n: dict) -> str:
    title, _teaser, body, alt = n[lang]
    paras = "\n".join(f"<p>{e(p)}</p>" for p in body)
    langs = tuple(l for l in LANGS if n.get(l))
    main = f"""<article class="news-detail">
<h1>{e(title)}</h1>
<p class="meta">{e(UI[lang]["published"])}: {time_ago(n["days_ago"], lang)}</p>
<img class="news-photo" src="{n["image"]}" alt="{e(alt)}" width="640" height="360">
{paras}
<p><a href="{url(lang, 'news/')}">{e(UI[lang]["all_news"])}</a></p>
</article>"""
    return page(lang, f"news/{n['id']}/", title, main, langs)


def documents(lang: str) -> str:
    d = DOCS[lang]
    rows = []
    for title, adopted, act, signed, href, kind in d["items"]:
        rows.append(f"""<li class="doc">
<h2><a href="{href}">{e(title)}</a></h2>
<p>{e(act)}</p>
<p>{e(d["adopted"])}: <time datetime="{adopted}">{date_text(adopted, lang)}</time>. {e(d["signed"])}: {e(signed)}.</p>
<p><a href="{href}" class="download">{e(d["download"])} ({e(kind)})</a></p>
</li>""")
    listing = ('<ul class="docs">\n' + "\n".join(rows) + "\n</ul>") if rows else f'<p>{e(d["empty"])}</p>'
    note = f'\n<p class="note-muted bvi-no-styles">{e(d["note"])}</p>' if d["note"] else ""
    main = f'<h1>{e(d["title"])}</h1>\n<p>{e(d["intro"])}</p>{note}\n{listing}'
    return page(lang, "documents/", d["title"], main)


def efficiency(lang: str) -> str:
    f = EFFICIENCY[lang]
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in f["head"])
    rows = "\n".join(f'<tr><th scope="row">{e(r[0])}</th><td>{e(r[1])}</td><td>{e(r[2])}</td></tr>' for r in f["rows"])
    main = f"""<h1>{e(f["title"])}</h1>
<p>{e(f["intro"])}</p>
<table class="targets">
<thead><tr>{head}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p>{e(f["summary"])}</p>"""
    return page(lang, "efficiency/", f["title"], main)


def contacts(lang: str) -> str:
    c = CONTACTS[lang]
    tel = lambda n: n.replace(" ", "").replace("(", "").replace(")", "").replace("-", "")  # noqa: E731
    rows = [(c["address_h"], e(c["address"])),
            (c["phone_h"], f'<a href="tel:{tel(c["phone"])}">{e(c["phone"])}</a>'),
            (c["hotline_h"], f'<a href="tel:{tel(c["hotline"])}">{e(c["hotline"])}</a>'),
            (c["press_h"], f'<a href="tel:{tel(c["press"])}">{e(c["press"])}</a>')]
    if c["email"]:
        rows.append((c["email_h"], f'<a href="mailto:{c["email"]}">{e(c["email"])}</a>'))
    rows.append((c["hours_h"], e(c["hours"])))
    dl = "\n".join(f"<dt>{e(k)}</dt>\n<dd>{v}</dd>" for k, v in rows)
    main = f'<h1>{e(c["title"])}</h1>\n<dl class="contacts">\n{dl}\n</dl>'
    return page(lang, "contacts/", c["title"], main)


def appeals(lang: str) -> str:
    a = APPEALS[lang]
    options = "\n".join(f"<option>{e(t)}</option>" for t in a["topics"])
    if a["phone_labelled"]:
        phone = f'<label for="phone">{e(a["phone"])}</label>\n<input id="phone" name="phone" type="tel" autocomplete="tel">'
    else:  # a caption that looks like a label but is not one: screen readers announce a bare "edit text"
        phone = f'<span class="field-name">{e(a["phone"])}</span>\n<input name="phone" type="tel" autocomplete="tel">'
    reception = "\n".join(f"<tr><th scope=\"row\">{e(who)}</th><td>{e(when)}</td></tr>" for who, when in a["reception"])
    answered = "\n".join(f'<li>{time_ago(d, lang)} — {e(t)} <span class="status">({e(s)})</span></li>'
                         for d, t, s in a["answered"])
    main = f"""<h1>{e(a["title"])}</h1>
<p>{e(a["intro"])}</p>
<section>
<h2>{e(a["form_h"])}</h2>
<form class="appeal" method="post" action="{url(lang, 'appeals/sent/')}">
<div class="field"><label for="fullname">{e(a["name"])}</label>
<input id="fullname" name="fullname" type="text" autocomplete="name" required></div>
<div class="field"><label for="iin">{e(a["iin"])}</label>
<input id="iin" name="iin" type="text" inputmode="numeric" maxlength="12" required></div>
<div class="field">{phone}</div>
<div class="field"><label for="topic">{e(a["topic"])}</label>
<select id="topic" name="topic">
{options}
</select></div>
<div class="field"><label for="message">{e(a["message"])}</label>
<textarea id="message" name="message" rows="6" required></textarea></div>
<button type="submit">{e(a["send"])}</button>
</form>
</section>
<section>
<h2>{e(a["reception_h"])}</h2>
<table class="reception">
{reception}
</table>
</section>
<section>
<h2>{e(a["answered_h"])}</h2>
<ul class="answered">
{answered}
</ul>
</section>"""
    return page(lang, "appeals/", a["title"], main)


def appeal_sent(lang: str) -> str:
    a = APPEALS[lang]
    main = f'<h1>{e(a["sent_title"])}</h1>\n<p>{e(a["sent_text"])}</p>\n<p><a href="{url(lang)}">{e(MENU[lang][0][1])}</a></p>'
    return page(lang, "appeals/sent/", a["sent_title"], main)


def not_found_page() -> str:
    """One 404 page for the whole site, in all three languages (the server cannot know which one)."""
    parts = []
    for lang in LANGS:
        parts.append(f'<section lang="{lang}"><h2>{e(UI[lang]["not_found_title"])}</h2>'
                     f'<p><a href="{url(lang)}">{e(UI[lang]["site"])}</a></p></section>')
    return f"""<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>404 | {e(UI["kk"]["site"])}</title>
<link rel="icon" href="/static/img/emblem.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<main id="main" class="wrap">
<h1>404</h1>
{chr(10).join(parts)}
</main>
</body>
</html>
"""


CSS = """/* Demo site styles. Colours chosen to pass WCAG AA contrast, except the planted defects. */
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: Arial, "DejaVu Sans", "Liberation Sans", sans-serif; line-height: 1.5;
  color: #1f2933; background: #fff; overflow-wrap: break-word; }
a { color: #0b5394; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
  outline: 3px solid #f0a500; outline-offset: 2px; }
.wrap { max-width: 1080px; margin: 0 auto; padding: 0 16px; }
/* The skip link waits above the page and comes down when focused. */
.skip-link { position: absolute; left: 8px; top: -200px; padding: 8px 12px; background: #fff; color: #0b5394; }
.skip-link:focus { top: 8px; z-index: 10; }
.topbar { background: #0b3d4f; color: #fff; }
.topbar .wrap { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center;
  min-height: 44px; gap: 4px 16px; }
.topbar a { color: #fff; }
.bvi-open { display: inline-flex; align-items: center; gap: 8px; padding: 6px 0; }
.bvi-open img { filter: invert(1); }
.lang-switch ul { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0 0 0 auto; padding: 0; }
.lang-switch a { display: inline-block; padding: 6px 10px; text-decoration: none; }
.lang-switch a[aria-current] { font-weight: bold; text-decoration: underline; }
.brand { padding: 16px; }
.brand-link { display: inline-flex; align-items: center; gap: 12px; color: #0b3d4f; text-decoration: none;
  font-size: 1.5rem; font-weight: bold; }
.menu { background: #e8f0f4; border-bottom: 1px solid #c5d5de; }
.menu ul { display: flex; flex-wrap: wrap; list-style: none; padding: 0 16px; margin: 0 auto; }
.menu a { display: block; padding: 12px 14px; color: #0b3d4f; text-decoration: none; font-weight: bold; }
.menu a[aria-current] { text-decoration: underline; }
main { padding-top: 24px; padding-bottom: 40px; }
/* Lines of at most about 75 characters (62 widths of "0"): long lines are hard to follow back to the next line's start. */
main p, main li, main dd, main td, main th { max-width: 62ch; }
h1 { font-size: 2rem; margin: 0 0 16px; color: #0b3d4f; }
h2 { font-size: 1.35rem; margin: 24px 0 8px; }
.lead { font-size: 1.125rem; }
.columns { display: grid; grid-template-columns: 2fr 1fr; gap: 32px; }
.news-list { list-style: none; padding: 0; }
.news-item { border-bottom: 1px solid #d9e2e8; padding: 12px 0; }
.news-item h3 { margin: 4px 0; font-size: 1.15rem; }
.news-item time, .meta { color: #4a5560; }
.badge-new { display: inline-block; margin-left: 8px; padding: 0 6px; font-size: 0.8rem; font-weight: bold;
  color: #0b3d91; border: 1px solid #0b3d91; border-radius: 3px; vertical-align: middle; }
.map { max-width: 100%; height: auto; }
.logos { list-style: none; padding: 0; display: flex; gap: 12px; flex-wrap: wrap; }
.person { display: flex; gap: 20px; padding: 16px 0; border-bottom: 1px solid #d9e2e8; }
.person h2 { margin-top: 0; }
.person .post { font-weight: bold; }
.small-print p, .small-print h3 { font-size: 11px; }
.news-photo { max-width: 100%; height: auto; }
.docs { list-style: none; padding: 0; }
.doc { border-bottom: 1px solid #d9e2e8; padding: 8px 0; }
.doc h2 { font-size: 1.15rem; }
.note-muted { color: #a3a9af; background: #eef0f2; padding: 8px 12px; }
.contacts dt { font-weight: bold; margin-top: 12px; }
.contacts dd { margin: 0; }
.appeal .field { margin-bottom: 14px; display: flex; flex-direction: column; max-width: 560px; }
.appeal label, .appeal .field-name { font-weight: bold; margin-bottom: 4px; }
.appeal input, .appeal select, .appeal textarea { font: inherit; padding: 8px; border: 1px solid #6b7680;
  border-radius: 3px; color: #1f2933; background: #fff; }
.appeal button { font: inherit; font-weight: bold; padding: 10px 24px; color: #fff; background: #0b5394;
  border: 0; border-radius: 3px; cursor: pointer; }
.reception th { text-align: left; padding: 4px 16px 4px 0; }
.targets { border-collapse: collapse; margin: 16px 0; }
.targets th, .targets td { border: 1px solid #c5d5de; padding: 6px 10px; text-align: left; }
.targets td { text-align: right; }
.answered .status { color: #2e6b30; }
.site-footer { background: #0b3d4f; color: #fff; padding: 16px 0 24px; }
.site-footer a { color: #fff; }
.site-footer h2 { margin-top: 8px; }
.disclaimer { font-weight: bold; }
@media (max-width: 760px) { .columns { grid-template-columns: 1fr; } .person { flex-direction: column; } }
"""


def render_all() -> dict[str, str]:
    """{path under site/: text} for every generated file."""
    files: dict[str, str] = {"404.html": not_found_page(), "static/site.css": CSS}
    for lang in LANGS:
        base = URL_CODE[lang] + "/"
        files[base + "index.html"] = home(lang)
        files[base + "about/index.html"] = about(lang)
        files[base + "leadership/index.html"] = leadership(lang)
        files[base + "news/index.html"] = news_index(lang)
        for n in news_in(lang):
            files[base + f"news/{n['id']}/index.html"] = news_detail(lang, n)
        files[base + "documents/index.html"] = documents(lang)
        files[base + "efficiency/index.html"] = efficiency(lang)
        files[base + "contacts/index.html"] = contacts(lang)
        files[base + "appeals/index.html"] = appeals(lang)
        files[base + "appeals/sent/index.html"] = appeal_sent(lang)
    return files


def write(root: Path = SITE_DIR) -> list[Path]:
    written = []
    for rel, text in render_all().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write():
        print(p.relative_to(SITE_DIR.parent))
