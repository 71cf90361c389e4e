// Two probes for the visually-impaired (VI) mode, evaluated in the page:
//  - "measure": how large and how contrasting the main text is, and which VI markers are present;
//  - "find": the element that switches the mode on (the bvi widget, or a link/button named for the mode
//    in Kazakh, Russian or English: args.names), with what a keyboard user would meet (focusable? accessible name?).
(args) => {
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();
  // What sites call the switch (profiles/data/vi_switch_names.yaml, extended by the profile), lower case.
  const NAMES = (args.names || []).map((n) => n.toLowerCase());

  const markers = () => {
    const found = [];
    if (document.body && document.body.classList.contains("bvi-active")) found.push("body.bvi-active");
    if (document.querySelector(".bvi-body")) found.push(".bvi-body");
    if (args.activeSelector && document.querySelector(args.activeSelector)) found.push(args.activeSelector);
    return found;
  };

  const parseRgb = (s) => {
    const m = (s || "").match(/rgba?\(([^)]+)\)/);
    if (!m) return [255, 255, 255, 1];
    const p = m[1].split(",").map((x) => parseFloat(x));
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = parseRgb(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const contrast = (a, b) => {
    const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };

  if (args.probe === "measure") {
    // Main text: elements with their own visible text, weighted by how much text they hold.
    const samples = [];
    const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t && samples.length < 2000; t = walker.nextNode()) {
      const text = (t.nodeValue || "").trim();
      const el = t.parentElement;
      if (!text || !el || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(el.tagName)) continue;
      if (el.closest(".bvi-panel, [data-parity-check-ignore]")) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || !el.getClientRects().length) continue;
      samples.push({ size: parseFloat(style.fontSize), weight: text.length,
        contrast: contrast(parseRgb(style.color), background(el)) });
    }
    const total = samples.reduce((s, x) => s + x.weight, 0) || 1;
    const sorted = samples.slice().sort((a, b) => a.size - b.size);
    let acc = 0, median = null;
    for (const s of sorted) { acc += s.weight; if (acc >= total / 2) { median = s.size; break; } }
    const aaa = samples.filter((s) => s.contrast >= 7).reduce((s, x) => s + x.weight, 0);
    return {
      markers: markers(),
      median_font_px: median,
      min_font_px: sorted.length ? sorted[0].size : null,
      share_contrast_7: samples.length ? Math.round((aaa / total) * 1000) / 1000 : null,
      text_chars: total,
      html_class: document.documentElement.className || "",
      body_class: document.body ? document.body.className || "" : "",
      cookies: document.cookie ? document.cookie.split(/;\s*/).map((c) => c.split("=")[0]) : [],
    };
  }

  // probe === "find": candidates in order of confidence; the gatherer clicks the first visible one.
  const describe = (el, how) => {
    const tag = el.tagName.toLowerCase();
    const tabindex = el.getAttribute("tabindex");
    const natively = (tag === "a" && el.hasAttribute("href")) || tag === "button" ||
      (tag === "input" && !el.disabled);
    const name = clean(el.getAttribute("aria-label") || el.innerText || el.getAttribute("title") ||
      (el.querySelector("img[alt]") || {}).alt || "");
    el.setAttribute("data-parity-check-vi", "1");
    return {
      how, tag, role: el.getAttribute("role"), href: el.getAttribute("href"),
      text: clean(el.innerText).slice(0, 200), accessible_name: name.slice(0, 200),
      tabindex, focusable: natively ? tabindex !== "-1" : (tabindex !== null && tabindex !== "-1"),
      visible: el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden",
    };
  };
  const out = [];
  const bvi = document.querySelector(".bvi-open, .bvi-link, [class*='bvi-open'], #bvi-open");
  if (bvi) out.push(describe(bvi, "bvi-widget"));
  if (!out.length) {
    const matches = [];
    for (const el of document.querySelectorAll("a, button, [role=button], [onclick], input[type=button], div, span")) {
      const label = clean([el.innerText, el.getAttribute("aria-label"), el.getAttribute("title"),
        (el.querySelector("img[alt]") || {}).alt].join(" ")).toLowerCase();
      if (label && label.length <= 120 && NAMES.some((n) => label.includes(n))) matches.push(el);
    }
    // The switch is the innermost match: a wrapper that merely contains the named link is not it.
    const innermost = matches.filter((el) => !matches.some((o) => o !== el && el.contains(o)));
    if (innermost.length) out.push(describe(innermost[0], "named-switch"));
  }
  return out;
}
