// Where the elements worth a screenshot are: the targets axe failed (args.targets, axe's selectors) and
// text a legibility check may report (small, italic, capitals, justified, cramped or very long lines),
// and text below 4.5:1 contrast (what a VI mode leaves faint).
// Thresholds here are looser than the checks' defaults: a crop nobody uses costs little, a finding
// without its picture costs the reader. Selectors as extract.js writes them, so checks can match.
(args, lib) => {
  const { selectorOf } = lib; // page_lib.js: the selectors extract.js writes
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
  };
  const visible = (el) => {
    const st = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return st.visibility !== "hidden" && st.display !== "none" && r.width > 2 && r.height > 2;
  };

  const rgb = (s) => {
    const m = (s || "").match(/rgba?\(([^)]+)\)/);
    if (!m) return [255, 255, 255, 1];
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const backgroundOf = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const contrast = (el, st) => {
    const fg = rgb(st.color), bg = backgroundOf(el);
    const mix = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(mix), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };

  const out = [];
  for (const t of args.targets || []) {
    let el = null;
    try { el = document.querySelector(t.selector); } catch (e) { el = null; }
    if (el && visible(el)) out.push({ key: t.selector, kind: t.kind, bbox: box(el) });
  }

  const BLOCKS = "p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6, div, span, a, label, small";
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (out.length > 400) break;
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join(" ");
    const text = clean(own);
    if (text.length < 2) continue;
    const st = getComputedStyle(el);
    if (st.display === "inline" && el.tagName !== "A" && el.tagName !== "SMALL" && el.tagName !== "SPAN") continue;
    if (!visible(el)) continue;
    const fs = parseFloat(st.fontSize) || 16;
    const lh = st.lineHeight === "normal" ? fs * 1.2 : parseFloat(st.lineHeight);
    const r = el.getBoundingClientRect();
    const lines = Math.max(1, Math.round(r.height / Math.max(1, lh)));
    const letters = (clean(el.innerText).match(/\p{L}/gu) || []).length;
    const upper = (clean(el.innerText).match(/\p{Lu}/gu) || []).length;
    const kinds = [];
    if (fs < 12) kinds.push("small");
    if (contrast(el, st) < 4.5) kinds.push("contrast");
    if (st.fontStyle === "italic" && letters >= 80) kinds.push("italic");
    if (letters >= 40 && (st.textTransform === "uppercase" || upper >= 0.8 * letters)) kinds.push("caps");
    if (st.textAlign === "justify" && lines >= 2) kinds.push("justify");
    if (lines >= 2 && lh / fs < 1.2) kinds.push("line-height");
    if (lines >= 2 && clean(el.innerText).length / lines > 75) kinds.push("long-lines");
    for (const kind of kinds) out.push({ key: selectorOf(el), kind, bbox: box(el) });
  }
  return out;
}
