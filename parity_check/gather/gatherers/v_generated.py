"""Words a page writes with CSS (`content:` of ::before and ::after) instead of in its HTML. They vanish when
a reader replaces the site's styles with their own (high contrast, reader view, a low-vision style sheet)
and some screen readers skip them.

Artifact `generated_text`: {items: [{selector, pseudo (before|after), text, element_text}], more}. Only
content with at least two letters: icon-font glyphs (private-use characters), bullets, quotes, counters and
empty clearfix content are not text a reader needs.
"""
from __future__ import annotations

from ..registry import Visit, gatherer

MAX_ITEMS = 50

_JS = """(max) => {
  const clean = (s) => (s || "").replace(/\\s+/g, " ").trim();
  const cssIdent = (s) => (window.CSS && CSS.escape) ? CSS.escape(s) : s;
  // Identical in effect to extract.js's selectors, so a check can match dom segments and crops.
  const selectorOf = (el) => {
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (node.id && document.querySelectorAll("#" + cssIdent(node.id)).length === 1) {
        parts.unshift("#" + cssIdent(node.id));
        break;
      }
      let part = node.tagName.toLowerCase();
      const classes = Array.from(node.classList).filter((c) => /^[a-zA-Z_][\\w-]*$/.test(c)).slice(0, 2);
      if (classes.length) part += "." + classes.join(".");
      const parent = node.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.tagName === node.tagName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      if (node === document.body) break;
      node = node.parentElement;
    }
    return parts.join(" > ");
  };
  const items = [];
  let more = 0;
  for (const el of document.querySelectorAll("body *")) {
    if (!el.getClientRects().length) continue;
    for (const pseudo of ["before", "after"]) {
      const st = getComputedStyle(el, "::" + pseudo);
      const content = st.content;
      if (!content || content === "none" || content === "normal" || st.display === "none") continue;
      // the rendered string: quoted parts only (counters, attr() and url() are left out)
      const text = clean((content.match(/"((?:[^"\\\\]|\\\\.)*)"/g) || []).map((q) => q.slice(1, -1)).join(""));
      const letters = (text.match(/[\\p{L}]/gu) || []).filter((c) => !/[\\uE000-\\uF8FF]/.test(c));
      if (letters.length < 2) continue;
      if (items.length >= max) { more++; continue; }
      items.push({ selector: selectorOf(el), pseudo, text: text.slice(0, 200),
        element_text: clean(el.innerText).slice(0, 200) });
    }
  }
  return { items, more };
}"""


@gatherer("generated_text", modes=("normal",))
async def gather_generated_text(page, visit: Visit) -> dict:
    try:
        return await page.evaluate(_JS, MAX_ITEMS)
    except Exception as e:  # the page's own problem: recorded, not raised
        return {"error": f"{type(e).__name__}: {e}"[:200]}
