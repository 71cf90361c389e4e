// Records what a reader of the page sees, as plain data: text segments with their language context and
// rendering, links, images, hreflang alternates and the page's size. Evaluated once per page and mode.
// Kept free of site-specific logic: every judgement is made offline by the checks.
(opts, lib) => {
  const { selectorOf } = lib; // page_lib.js
  const MAX_SEGMENTS = opts.maxSegments || 3000;
  const MAX_TEXT = 2000;
  const INLINE_OWNERS = new Set(["A", "BUTTON", "LABEL", "SUMMARY", "OPTION", "LEGEND", "CAPTION", "TH", "TD", "DT", "DD", "LI"]);
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "HEAD", "IFRAME", "OBJECT"]);

  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();


  const isVisible = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) === 0) return false;
    return el.getClientRects().length > 0;
  };

  const bbox = (el) => {
    const r = el.getBoundingClientRect();
    return [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
  };

  const langOf = (el) => {
    const host = el.closest("[lang]");
    return host ? host.getAttribute("lang") : null;
  };
  // {lang_nested: true} when the text's language comes from an element inside the body that declares one of
  // its own (even the page's): such text does not inherit the page's language (ACT ucwvc8). `lang` on <body>
  // counts as the page's.
  const nestedLang = (el) => {
    const host = el.closest("[lang]:not([lang=''])");
    return host && host !== document.documentElement && host !== document.body ? { lang_nested: true } : {};
  };

  // Effective background: the first ancestor with a non-transparent background colour.
  const backgroundOf = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const bg = getComputedStyle(n).backgroundColor;
      if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return "rgb(255, 255, 255)";
  };

  const regionOf = (el) => {
    if (el.closest("main, [role=main], article, #content, .content")) return "main";
    if (el.closest("nav, [role=navigation]")) return "nav";
    if (el.closest("header, [role=banner]")) return "header";
    if (el.closest("footer, [role=contentinfo]")) return "footer";
    return "body";
  };

  const kindOf = (el) => {
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) return "heading";
    if (tag === "A") return "link";
    if (tag === "BUTTON" || el.getAttribute("role") === "button") return "button";
    if (tag === "LABEL" || tag === "LEGEND") return "label";
    if (tag === "OPTION") return "option";
    return "text";
  };

  // The element that owns a text node: its nearest block-level ancestor, or an interactive inline
  // element (a menu link, a button), so a menu item is a segment of its own.
  const ownerOf = (textNode) => {
    for (let n = textNode.parentElement; n; n = n.parentElement) {
      if (SKIP.has(n.tagName)) return null;
      if (INLINE_OWNERS.has(n.tagName)) return n;
      const display = getComputedStyle(n).display;
      if (display !== "inline" && display !== "contents") return n;
    }
    return null;
  };

  const owners = new Map();
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const text = t.nodeValue;
    if (!text || !text.trim()) continue;
    const owner = ownerOf(t);
    if (!owner) continue;
    if (!owners.has(owner)) owners.set(owner, []);
    owners.get(owner).push(text);
  }

  const segments = [];
  for (const [el, texts] of owners) {
    if (segments.length >= MAX_SEGMENTS) break;
    const text = clean(texts.join(" ")).slice(0, MAX_TEXT);
    if (!text || !isVisible(el)) continue;
    const style = getComputedStyle(el);
    segments.push({
      selector: selectorOf(el),
      tag: el.tagName.toLowerCase(),
      kind: kindOf(el),
      region: regionOf(el),
      text,
      lang: langOf(el),
      ...nestedLang(el),
      bbox: bbox(el),
      font_size: parseFloat(style.fontSize),
      line_height: style.lineHeight === "normal" ? null : parseFloat(style.lineHeight),
      font_weight: style.fontWeight,
      font_style: style.fontStyle,
      text_transform: style.textTransform,
      text_align: style.textAlign,
      color: style.color,
      background: backgroundOf(el),
    });
  }
  // Text a screen reader announces that is not in text nodes: alt texts, titles, aria-labels.
  for (const el of document.querySelectorAll("[title], [aria-label], input[placeholder], input[type=submit][value], input[type=button][value]")) {
    if (segments.length >= MAX_SEGMENTS) break;
    for (const attr of ["aria-label", "title", "placeholder", "value"]) {
      if (attr === "value" && !(el.type === "submit" || el.type === "button")) continue;
      const v = clean(el.getAttribute(attr));
      if (!v) continue;
      segments.push({ selector: selectorOf(el), tag: el.tagName.toLowerCase(), kind: "attr:" + attr,
        region: regionOf(el), text: v.slice(0, MAX_TEXT), lang: langOf(el), ...nestedLang(el), bbox: bbox(el) });
    }
  }

  const links = [];
  for (const a of document.querySelectorAll("a[href], area[href]")) {
    const href = a.href;
    if (!href) continue;
    const img = a.querySelector("img[alt]");
    links.push({
      href,
      raw_href: a.getAttribute("href"),
      text: clean(a.innerText || a.getAttribute("aria-label") || (img && img.alt) || a.title).slice(0, 300),
      selector: selectorOf(a),
      hreflang: a.getAttribute("hreflang"),
      lang: a.getAttribute("lang"),
      rel: a.getAttribute("rel"),
      region: regionOf(a),
      visible: isVisible(a),
    });
  }

  const images = [];
  for (const img of document.querySelectorAll("img")) {
    images.push({
      src: img.currentSrc || img.src,
      alt: img.hasAttribute("alt") ? img.getAttribute("alt") : null,
      selector: selectorOf(img),
      bbox: bbox(img),
      natural_width: img.naturalWidth,
      natural_height: img.naturalHeight,
      complete: img.complete,
      visible: isVisible(img),
      region: regionOf(img),
    });
  }

  const alternates = Array.from(document.querySelectorAll("link[rel~=alternate][hreflang]")).map((l) => ({
    hreflang: l.getAttribute("hreflang"), href: l.href,
  }));

  // What assistive technology reads (ACT "text inheriting its programmatic language"): rendered text nodes
  // (visible or in the accessibility tree) and the names/descriptions of elements not hidden from everyone.
  const renderedCache = new Map();
  const rendered = (el) => {
    if (!renderedCache.has(el)) {
      renderedCache.set(el, el.checkVisibility ? el.checkVisibility({ visibilityProperty: true })
        : getComputedStyle(el).display !== "none" && getComputedStyle(el).visibility === "visible");
    }
    return renderedCache.get(el);
  };
  const exposed = (el) => rendered(el) && !el.closest("[aria-hidden=true]");
  const idrefText = (el, attr) => clean((el.getAttribute(attr) || "").split(/\s+/).map((id) => {
    const ref = id && document.getElementById(id);
    return ref ? ref.textContent : "";
  }).join(" "));
  // Names and descriptions that are not text nodes: [source, text] pairs (a simplified accname).
  const namesOf = (el) => {
    const out = [];
    const by = idrefText(el, "aria-labelledby");
    const label = clean(el.getAttribute("aria-label"));
    const alt = /^(IMG|AREA)$/.test(el.tagName) || (el.tagName === "INPUT" && el.type === "image")
      ? clean(el.getAttribute("alt")) : "";
    if (by) out.push(["aria-labelledby", by]);
    else if (label) out.push(["aria-label", label]);
    else if (alt) out.push(["alt", alt]);
    const described = idrefText(el, "aria-describedby");
    if (described) out.push(["aria-describedby", described]);
    const title = clean(el.getAttribute("title"));
    if (title) out.push(["title", title]);
    return out;
  };
  // Accessible names only the accessibility tree has (alt texts, aria-labelledby/-describedby); aria-label
  // and title are segments already. `lang`: as for segments, the closest [lang].
  const names = [];
  for (const el of document.querySelectorAll("body img[alt], body area[alt], body input[type=image][alt], body [aria-labelledby], body [aria-describedby]")) {
    if (names.length >= MAX_SEGMENTS) break;
    if (!exposed(el)) continue;
    for (const [source, text] of namesOf(el)) {
      if (source === "aria-label" || source === "title") continue;
      names.push({ selector: selectorOf(el), tag: el.tagName.toLowerCase(), source, text: text.slice(0, MAX_TEXT),
        lang: langOf(el), ...nestedLang(el) });
    }
  }
  // The text inheriting its language from `host`: what the host and its descendants hold, not counting
  // descendants that declare a (non-empty) lang of their own.
  const ownText = (host) => {
    const parts = [];
    let length = 0;
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n !== host && n.nodeType === 1 && n.getAttribute("lang"))
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = host; n && length < MAX_TEXT; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        const t = clean(n.nodeValue);
        if (t && n.parentElement && rendered(n.parentElement)) { parts.push(t); length += t.length + 1; }
      } else {
        const own = namesOf(n);
        if (own.length && exposed(n)) for (const [, t] of own) { parts.push(t); length += t.length + 1; }
      }
    }
    return parts.join(" ").slice(0, MAX_TEXT);
  };

  // Elements that declare their own language (for the element-level language check, ACT off6ek).
  const langElements = [];
  for (const el of document.querySelectorAll("body [lang], body[lang]")) {
    langElements.push({ selector: selectorOf(el), lang: el.getAttribute("lang"),
      text: clean(el.innerText || el.textContent).slice(0, MAX_TEXT), own_text: ownText(el), visible: isVisible(el) });
  }

  const root = document.documentElement;
  return {
    declared_lang: root.getAttribute("lang"),
    xml_lang: root.getAttribute("xml:lang"),
    title: clean(document.title),
    segments,
    links,
    images,
    alternates,
    lang_elements: langElements,
    names,
    meta_description: (document.querySelector("meta[name=description]") || {}).content || null,
    viewport: { width: innerWidth, height: innerHeight, scroll_width: root.scrollWidth,
      scroll_height: root.scrollHeight },
    text_chars: clean(document.body ? document.body.innerText : "").length,
  };
}
