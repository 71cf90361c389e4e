"""Replicas of the UK Government Digital Service's accessibility tool audit pages (alphagov/accessibility-tool-
audit) for the CSS, Typography (without blink and marquee) and Page layout categories, plus a clean control
page. Each page holds one barrier, as the audit's do; see README.md for where they come from.

Served by parity_check.sites.server.SiteServer: `/` lists the pages, `/tests/<slug>.html` is a page,
`/tests.css` the stylesheet they share. BARRIERS says, for each page, which checks count as finding it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from parity_check.sites.server import Response, html_response, not_found


@dataclass(frozen=True)
class Barrier:
    slug: str
    category: str
    title: str  # the audit's name for the barrier
    body: str  # the example, in this replica's own words
    found_by: tuple[str, ...]  # check ids that report this barrier


# One rule per barrier, written for this replica (the audit's stylesheet is not copied).
CSS = """
.grows-badly { font-size: 22px; line-height: 26px; max-height: 60px; overflow: hidden; }
.frame { overflow: hidden; height: 8em; }
.note { position: absolute; width: 50%; height: 3em; padding: 1em; border: 1px solid #8a8a8a; overflow: hidden; }
#dish::after { content: "beshbarmak"; }
.as-table { display: table; width: 100%; height: 100px; text-align: center; }
.as-cell { display: table-cell; vertical-align: middle; }
.cramped { line-height: 90%; }
.shouting { text-transform: uppercase; }
.slanted { font-style: italic; }
.tiny { font-size: 8px; }
.justified { text-align: justify; }
.too-wide { width: 50em; }
"""

LONG_LINES = ("Readers with low vision or with reading difficulties lose their place when a line of text runs "
              "across the whole width of a wide screen. Their eyes have a long way to travel back to the start "
              "of the next line, and they often land on the wrong one. A column of about seventy characters "
              "keeps the return short and the reading steady for everyone.")

BARRIERS = (
    Barrier("css-content-is-not-readable-and-functional-when-text-is-increased", "CSS",
            "Content is not readable and functional when text is increased",
            '<p class="grows-badly">These words are hidden as soon as a reader makes the text larger in the '
            'browser, as explained on <a href="/">the audit index</a>.</p>',
            ("resize-clipping",)),
    Barrier("css-page-zoom-boxes-that-dont-expand-with-the-text", "CSS",
            "Page zoom - boxes that don't expand with the text",
            '<div class="frame">The box below keeps its size when the page is zoomed in.'
            '<p class="note">This service covers two regions only. For the others, contact the '
            '<a href="/">regional office</a> or the <a href="/">city office</a> to make an appointment '
            'before you travel.</p></div>',
            ("resize-clipping", "reflow-scroll")),
    Barrier("css-non-decorative-content-inserted-using-css", "CSS", "Non-decorative content inserted using CSS",
            '<p id="dish">The national dish served at the reception is </p>',
            ("css-generated-text",)),
    Barrier("css-visibilityhidden-used-to-visually-hide-content-when-it-should-be-available-to-screenreader",
            "CSS", "visibility:hidden used to visually hide content when it should be available to screen reader",
            '<a href="/">Find out more <span style="visibility:hidden"> about tax returns</span></a>', ()),
    Barrier("css-displaynone-used-to-visually-hide-content-when-it-should-be-available-to-screenreader",
            "CSS", "display:none used to visually hide content when it should be available to screen reader",
            '<a href="/">Find out more <span style="display:none"> about driving licences</span></a>', ()),
    Barrier("css-displaytable-being-used-for-layout", "CSS", "display:table being used for layout",
            '<div class="as-table"><div class="as-cell">Text placed in the middle of the box</div></div>', ()),
    Barrier("typography-inadequate-line-height-used", "Typography", "Inadequate line height used",
            '<p class="cramped">When the lines of a paragraph are set this close together, readers with '
            'cognitive or visual impairments find it hard to follow one line and start the next. Spacing of one '
            'and a half to two times the size of the text lets them move from line to line without losing '
            'their place in the paragraph.</p>',
            ("tight-line-height",)),
    Barrier("typography-all-caps-text-found", "Typography", "All caps text found",
            '<p class="shouting">Writing whole sentences in capital letters makes them slow to read, because '
            'every word becomes a rectangle of the same height and loses the shape readers recognise. Long '
            'passages in capitals are tiring for people with dyslexia, and a screen reader may spell a word '
            'such as US letter by letter, thinking it stands for a country.</p>',
            ("all-caps-text",)),
    Barrier("typography-italics-used-on-long-sections-of-text", "Typography", "Italics used on long sections of text",
            '<p class="slanted">Italic type is meant to pick out a word or a title, not to carry whole '
            'paragraphs. Its letters slope and their edges look ragged on screen, so readers with dyslexia or '
            'low vision struggle to tell them apart. At small sizes a paragraph in italics becomes harder still '
            'to read for almost everyone.</p>',
            ("italic-text",)),
    Barrier("typography-long-lines-of-text", "Typography", "Long lines of text",
            f"<p>{LONG_LINES}</p>", ("long-lines",)),
    Barrier("typography-very-small-text-found", "Typography", "Very small text found",
            '<p class="tiny">This sentence is printed far too small for many people to read.</p>',
            ("tiny-text", "small-font")),
    Barrier("typography-justified-text-found", "Typography", "Justified text found",
            '<p class="justified">Text that is justified to both margins gets extra space between its words, '
            'and the gaps change from line to line. Readers with visual or cognitive impairments find such '
            'uneven gaps distracting, and when words are pushed close together instead it becomes hard to see '
            'where one word ends and the next begins.</p>',
            ("justified-text",)),
    Barrier("page-layout-wide-page-forces-users-to-scroll-horizontally", "Page layout",
            "Wide page forces users to scroll horizontally",
            '<h1>Wide page forces users to scroll horizontally</h1><main><p class="too-wide">A page that only '
            'fits a wide window makes a reader who zooms in scroll sideways along every line, which is slow '
            'for people with low vision and hard for people with limited movement.</p>'
            '<p style="float:right">You have to scroll to the right to read this.</p></main>',
            ("reflow-scroll",)),
)

CONTROL = Barrier("control-page", "Control", "Clean control page",
                  '<h1>Apply for a fishing licence</h1><main><p>You need a licence to fish in rivers and lakes.'
                  '</p><p>It costs 2,000 tenge a year. Read <a href="/">the rules</a> before you apply.</p></main>',
                  ())


def page(b: Barrier) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Accessibility tool audit '
            f'replica - {escape(b.title)}</title><link rel="stylesheet" href="/tests.css"></head>'
            f'<body>{b.body}</body></html>')


def index() -> str:
    items = "".join(f'<li><a href="/tests/{b.slug}.html">{escape(b.category)}: {escape(b.title)}</a></li>'
                    for b in BARRIERS + (CONTROL,))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Accessibility tool audit '
            f'replica</title></head><body><h1>Audit pages</h1><main><ul>{items}</ul></main></body></html>')


class GdsAuditSite:
    """The site object SiteServer serves."""

    name = "gds-audit"

    def __init__(self):
        self.pages = {f"/tests/{b.slug}.html": page(b) for b in BARRIERS + (CONTROL,)}

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        if path == "/":
            return html_response(index())
        if path == "/tests.css":
            return Response(200, CSS, "text/css; charset=utf-8")
        body = self.pages.get(path)
        return html_response(body) if body else not_found()
