// The low-vision views of a page, measured in the page (see v_views.py):
//  - "baseline": remembers, for the page as rendered, which text boxes exist, which boxes already clip
//    their content and which text already overlaps (so a view reports only what it breaks);
//  - "text200" / "spacing": applies 200% text size (every computed font size and line height doubled, as a
//    browser's text-only zoom does) or the WCAG 1.4.12 spacing overrides, then reports text that is now
//    clipped, hidden or overlapping; the view stays applied (for screenshots) until "restore";
//  - "narrow": after the caller has set a 320 CSS px viewport, reports text that runs past the right edge,
//    and, as the other views do, text the narrow layout clips, hides or makes overlap;
//  - "restore": puts back every style the views changed.
// Runs synchronously: styles are read for all elements before any is written, so one layout suffices.
(args, lib) => {
  const { selectorOf } = lib; // page_lib.js: the selectors extract.js writes
  const S = window.__parityViews || (window.__parityViews = {});
  const MAX_FLAGS = args.maxFlags || 30;
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "IFRAME", "OBJECT", "SVG"]);
  const INLINE_OWNERS = new Set(["A", "BUTTON", "LABEL", "SUMMARY", "OPTION", "LEGEND", "CAPTION", "TH", "TD", "DT", "DD", "LI"]);
  // 2-D content WCAG 1.4.10 lets scroll both ways: tables, code, maps, media.
  const TWO_D = "table, pre, code, svg, canvas, video, iframe, img, math, [role=grid], [role=application], [role=img]";
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();


  const docBox = (r) => [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
  const shown = (el) => {
    const st = getComputedStyle(el);
    return st.display !== "none" && st.visibility !== "hidden" && parseFloat(st.opacity) !== 0 && el.getClientRects().length > 0;
  };

  // Elements that own text (the nearest block ancestor of a text node, or a link/button/cell), with
  // their text nodes. The same notion of "segment" as extract.js.
  const textOwners = () => {
    const owners = new Map();
    const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t && owners.size < 3000; t = walker.nextNode()) {
      if (!t.nodeValue || !t.nodeValue.trim()) continue;
      let owner = null;
      for (let n = t.parentElement; n; n = n.parentElement) {
        if (SKIP.has(n.tagName.toUpperCase())) { owner = null; break; }
        if (INLINE_OWNERS.has(n.tagName)) { owner = n; break; }
        const d = getComputedStyle(n).display;
        if (d !== "inline" && d !== "contents") { owner = n; break; }
      }
      if (!owner) continue;
      if (!owners.has(owner)) owners.set(owner, []);
      owners.get(owner).push(t);
    }
    return owners;
  };

  const range = document.createRange();
  const lineRects = (nodes, cap) => {
    const out = [];
    for (const t of nodes) {
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) {
        if (r.width > 1 && r.height > 1) out.push(r);
        if (out.length >= cap) return out;
      }
    }
    return out;
  };

  // Elements that hide what overflows them, and on which axis they do so now.
  const clipping = () => {
    const out = new Map();
    for (const el of document.querySelectorAll("body *")) {
      const st = getComputedStyle(el);
      const hx = st.overflowX === "hidden" || st.overflowX === "clip";
      const hy = st.overflowY === "hidden" || st.overflowY === "clip";
      const ellipsis = st.textOverflow === "ellipsis";
      if (!hx && !hy) continue;
      out.set(el, { x: hx && el.scrollWidth - el.clientWidth > 2, y: hy && el.scrollHeight - el.clientHeight > 2,
        hx, hy, ellipsis });
    }
    return out;
  };

  const inFixed = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const p = getComputedStyle(n).position;
      if (p === "fixed" || p === "sticky") return true;
    }
    return false;
  };

  // Pairs of text owners (neither inside the other) whose lines overlap by a real part of a line.
  const overlaps = (owners) => {
    const items = [];
    let budget = 6000;
    owners.forEach((nodes, el) => {
      if (budget <= 0 || inFixed(el)) return;
      const rects = lineRects(nodes, 20);
      budget -= rects.length;
      for (const r of rects) items.push({ el, l: r.left + scrollX, t: r.top + scrollY, r: r.right + scrollX, b: r.bottom + scrollY });
    });
    const rows = new Map();
    const ROW = 64;
    items.forEach((it, i) => {
      for (let y = Math.floor(it.t / ROW); y <= Math.floor(it.b / ROW); y++) {
        if (!rows.has(y)) rows.set(y, []);
        rows.get(y).push(i);
      }
    });
    const pairs = new Map();
    for (const list of rows.values()) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const a = items[list[i]], b = items[list[j]];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
        if (w <= 2 || h <= 2) continue;
        const smaller = Math.min((a.r - a.l) * (a.b - a.t), (b.r - b.l) * (b.b - b.t));
        // A quarter of a line covered: the glyphs collide, not merely the line boxes' half-leading.
        if (w * h < 0.25 * smaller || h < 0.25 * Math.min(a.b - a.t, b.b - b.t)) continue;
        const [x, y] = a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? [a.el, b.el] : [b.el, a.el];
        pairs.set(x, (pairs.get(x) || new Set()).add(y));
      }
    }
    return pairs;
  };

  const flagOf = (el, kind, extra) => ({ kind, selector: selectorOf(el), tag: el.tagName.toLowerCase(),
    text: clean(el.innerText || el.textContent).slice(0, 160), bbox: docBox(el.getBoundingClientRect()), ...extra });

  // Text newly clipped by an element that hides overflow: which of its text lies outside its box.
  const clippedText = (el, axis) => {
    const box = el.getBoundingClientRect();
    const inner = { l: box.left + el.clientLeft, t: box.top + el.clientTop };
    inner.r = inner.l + el.clientWidth;
    inner.b = inner.t + el.clientHeight;
    let total = 0, outside = 0, fully = 0;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let t = walker.nextNode(); t && n < 300; t = walker.nextNode(), n++) {
      const len = clean(t.nodeValue).length;
      if (!len || !t.parentElement || !shown(t.parentElement)) continue;
      const rects = lineRects([t], 50);
      if (!rects.length) continue;
      // share of each line outside the box on this axis
      let out = 0, gone = 0;
      for (const r of rects) {
        const [a, b, lo, hi] = axis === "y" ? [r.top, r.bottom, inner.t, inner.b] : [r.left, r.right, inner.l, inner.r];
        const seen = Math.max(0, Math.min(b, hi) - Math.max(a, lo));
        const share = 1 - seen / Math.max(1, b - a);
        if (share > 0.05) out += share;
        if (seen <= 1) gone++;
      }
      total += len;
      outside += (len * out) / rects.length;
      if (gone === rects.length) fully += len;
    }
    return { total, outside, fully };
  };

  const collect = (base) => {
    const flags = [];
    // 1. clipping that the view caused
    const now = clipping();
    const hit = [];
    now.forEach((c, el) => {
      const before = base.clip.get(el) || { x: false, y: false };
      for (const axis of ["x", "y"]) {
        if (!c[axis] || before[axis] || !base.shown.has(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 4 || r.height < 4) continue;  // visually-hidden helpers clip by design
        const t = clippedText(el, axis);
        if (!t.total || t.outside < 1) continue;
        hit.push([el, flagOf(el, t.fully >= t.total * 0.999 ? "hidden" : (c.ellipsis && axis === "x" ? "ellipsis" : "clipped"),
          { axis, hidden_share: Math.round((t.outside / t.total) * 100) / 100 })]);
        break;
      }
    });
    // innermost clipping box only: an outer one clipping the same text says nothing new
    for (const [el, f] of hit) if (!hit.some(([o]) => o !== el && el.contains(o))) flags.push(f);
    // 2. overlaps that the view caused
    const pairs = overlaps(textOwners());
    pairs.forEach((set, a) => set.forEach((b) => {
      const had = base.pairs.get(a);
      if (had && had.has(b)) return;
      if (!base.shown.has(a) || !base.shown.has(b)) return;
      flags.push(flagOf(a, "overlap", { other: selectorOf(b), other_text: clean(b.innerText).slice(0, 160),
        other_bbox: docBox(b.getBoundingClientRect()) }));
    }));
    return flags;
  };

  const scrollBox = () => {
    const root = document.documentElement;
    return { scroll_width: root.scrollWidth, client_width: root.clientWidth, scroll_height: root.scrollHeight,
      viewport_width: innerWidth };
  };

  const trim = (flags) => ({ flags: flags.slice(0, MAX_FLAGS), more: Math.max(0, flags.length - MAX_FLAGS) });

  if (args.op === "baseline") {
    const owners = textOwners();
    const shownSet = new Set();
    for (const el of document.querySelectorAll("body, body *")) if (el.getClientRects().length) shownSet.add(el);
    S.base = { clip: clipping(), pairs: overlaps(owners), shown: shownSet, width: innerWidth,
      // where each text owner was, to tell text pushed off-screen by the narrow view from text that was
      // never on screen (slides of a carousel, skip links parked at -9999px)
      onscreen: new Set([...owners.keys()].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 2 && r.height > 2 && r.left + scrollX >= -2 && r.right + scrollX <= innerWidth + 2;
      })) };
    return { owners: owners.size, ...scrollBox() };
  }

  if (args.op === "text200" || args.op === "spacing") {
    if (!S.base) return { error: "no baseline" };
    if (args.op === "text200") {
      const factor = args.factor || 2;
      const els = [document.documentElement, ...document.querySelectorAll("body, body *")];
      const sizes = els.map((el) => { const st = getComputedStyle(el); return [parseFloat(st.fontSize), st.lineHeight]; });
      // Only the two properties are put back later, so a script that restyles an element meanwhile (a
      // carousel moving its slides) keeps its own changes.
      S.saved = els.map((el) => [el, el.hasAttribute("style"), ["font-size", "line-height"].map((p) =>
        [p, el.style.getPropertyValue(p), el.style.getPropertyPriority(p)])]);
      els.forEach((el, i) => {
        const [fs, lh] = sizes[i];
        if (fs > 0) el.style.setProperty("font-size", `${fs * factor}px`, "important");
        if (lh && lh !== "normal" && parseFloat(lh) > 0) el.style.setProperty("line-height", `${parseFloat(lh) * factor}px`, "important");
      });
    } else {
      // The WCAG 1.4.12 overrides, as the W3C's text-spacing bookmarklet applies them.
      const style = document.createElement("style");
      style.id = "__parity_spacing";
      style.textContent = "*{line-height:1.5!important;letter-spacing:0.12em!important;word-spacing:0.16em!important}" +
        "p{margin-bottom:2em!important}";
      document.head.appendChild(style);
      S.spacing = style;
    }
    return { ...trim(collect(S.base)), ...scrollBox() };
  }

  if (args.op === "narrow") {
    if (!S.base) return { error: "no baseline" };
    const vw = document.documentElement.clientWidth;
    const box = scrollBox();
    const scrolls = box.scroll_width > box.client_width + 1;
    const flags = [];
    textOwners().forEach((nodes, el) => {
      if (!S.base.onscreen.has(el) || el.closest(TWO_D) || !shown(el)) return;
      // What of the text is visible: ancestors that hide overflow cut it; a scrolling box inside the
      // viewport keeps it reachable.
      let clipL = -Infinity, clipR = Infinity, reachable = false;
      for (let n = el.parentElement; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
        const ox = getComputedStyle(n).overflowX;
        if (ox === "visible") continue;
        const r = n.getBoundingClientRect();
        if ((ox === "auto" || ox === "scroll") && r.right <= vw + 2) { reachable = true; break; }
        clipL = Math.max(clipL, r.left); clipR = Math.min(clipR, r.right);
      }
      if (reachable) return;
      let worst = 0;
      for (const r of lineRects(nodes, 30)) {
        const right = Math.min(r.right, clipR), left = Math.max(r.left, clipL);
        if (right - left < 2) continue;  // fully clipped by an ancestor: not text a reader scrolls to
        worst = Math.max(worst, right + scrollX - vw, -(left + scrollX));
      }
      if (worst > 2) flags.push({ ...flagOf(el, scrolls ? "offscreen" : "cut-off", { overflow_px: Math.round(worst) }), el });
    });
    // One element to fix: text inside a flagged element (links of a flagged menu bar) adds nothing.
    const flagged = new Set(flags.map((f) => f.el));
    const outer = flags.filter((f) => { for (let n = f.el.parentElement; n; n = n.parentElement) if (flagged.has(n)) return false; return true; });
    outer.forEach((f) => delete f.el);
    // Text the narrow layout cuts off or piles up is lost as surely as text off to the right.
    return { ...trim(outer.concat(collect(S.base))), ...box, scrolls };
  }

  if (args.op === "restore") {
    for (const [el, had, props] of S.saved || []) {
      for (const [p, value, priority] of props) {
        if (value) el.style.setProperty(p, value, priority); else el.style.removeProperty(p);
      }
      if (!had && el.getAttribute("style") === "") el.removeAttribute("style");
    }
    S.saved = null;
    if (S.spacing) { S.spacing.remove(); S.spacing = null; }
    return true;
  }

  if (args.op === "forget") {
    delete window.__parityViews;
    return true;
  }
  return { error: "unknown op " + args.op };
}
