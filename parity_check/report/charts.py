"""Charts as inline SVG: no script, no external file, readable offline and allowed by the report's CSP.

Each chart is an <svg role="img"> named by its <title> and <desc>; the numbers are also printed beside
each bar (so colour is never the only carrier of meaning) and the report puts a table of the same numbers
under every chart, which is the chart's full text alternative.
"""
from __future__ import annotations

from markupsafe import Markup, escape

# Series colours: each has a contrast of at least 4.5:1 on white (WCAG 1.4.11 asks 3:1 for graphics).
PALETTE = ("#00509e", "#8a3b00", "#2f5d1e", "#5a2a82", "#4d4d4d", "#7a0035")
TEXT = "#1a1a1a"
ROW_HEIGHT = 22
LABEL_WIDTH = 220
BAR_WIDTH = 360
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="13"'


def grouped_bars(chart_id: str, title: str, desc: str, groups: list[tuple[str, list[tuple[str, int]]]]) -> Markup:
    """Horizontal bars: for each group (a category, a language) one bar per series, labelled with its
    series name and value. `groups` = [(group label, [(series label, value), ...]), ...]."""
    top = max((v for _, series in groups for _, v in series), default=0) or 1
    series_names = []
    for _, series in groups:
        for name, _ in series:
            if name not in series_names:
                series_names.append(name)
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series_names)}
    rows = []
    y = 8
    for label, series in groups:
        rows.append(f'<text x="0" y="{y + 14}" fill="{TEXT}" font-weight="bold">{escape(label)}</text>')
        y += ROW_HEIGHT
        for name, value in series:
            width = round(BAR_WIDTH * value / top) if value else 0
            rows.append(f'<text x="16" y="{y + 14}" fill="{TEXT}">{escape(name)}</text>')
            rows.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{max(width, 1)}" height="{ROW_HEIGHT - 6}" '
                        f'fill="{colour[name]}"/>')
            rows.append(f'<text x="{LABEL_WIDTH + max(width, 1) + 6}" y="{y + 14}" fill="{TEXT}">{int(value)}</text>')
            y += ROW_HEIGHT
        y += 6
    width = LABEL_WIDTH + BAR_WIDTH + 60
    height = y + 4
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" {FONT}>'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
        + "".join(rows) + "</svg>")
