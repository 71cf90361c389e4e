/*
 * bvi-lite: a small stand-in for the "bvi" widget (npm `bvi`) that most Kazakh and Russian public sites use
 * for their version for the visually impaired. Written for parity-check's local sites; it reproduces what a
 * checker meets on a real site, not every option of the original:
 *   - a `.bvi-open` link or button switches the mode on, without navigation;
 *   - settings live in cookies `bvi_<key>` on path=/ (bvi_panelActive, bvi_fontSize, bvi_theme, bvi_images),
 *     so the mode survives navigation and is applied on every page load while bvi_panelActive=true;
 *   - when on: `body.bvi-active`, the page content wrapped in `div.bvi-body` carrying data-bvi-fontsize,
 *     data-bvi-theme, data-bvi-images, and a `.bvi-panel` with size, theme and "normal version" buttons;
 *   - elements with class `bvi-no-styles` keep their own colours and size (as in bvi): a site that marks
 *     the wrong element so gets a contrast failure in the VI mode only.
 * Load it with <script src="/bvi/bvi-lite.js" defer></script> and /bvi/bvi-lite.css.
 */
(function () {
  "use strict";

  var DEFAULTS = { fontSize: 24, theme: "black", images: "true" };
  var THEMES = ["white", "black", "blue"];
  var MIN_SIZE = 16, MAX_SIZE = 40;

  // The panel speaks the page's language (a Kazakh page with a Russian panel would be a defect itself).
  var TEXT = {
    kk: { region: "Көзі нашар көретіндерге арналған нұсқаның баптаулары", size: "Қаріп өлшемі",
      smaller: "Қаріпті кішірейту", larger: "Қаріпті үлкейту", colours: "Түс схемасы",
      white: "Ақ", black: "Қара", blue: "Көк", off: "Кәдімгі нұсқа" },
    ru: { region: "Настройки версии для слабовидящих", size: "Размер шрифта",
      smaller: "Уменьшить шрифт", larger: "Увеличить шрифт", colours: "Цвет сайта",
      white: "Белый", black: "Чёрный", blue: "Синий", off: "Обычная версия" },
    en: { region: "Settings of the version for the visually impaired", size: "Font size",
      smaller: "Smaller text", larger: "Larger text", colours: "Colours",
      white: "White", black: "Black", blue: "Blue", off: "Normal version" },
  };

  function getCookie(name) {
    var parts = document.cookie ? document.cookie.split(/;\s*/) : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }
  function setCookie(name, value) {
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=86400; SameSite=Lax";
  }
  function clearCookie(name) {
    document.cookie = name + "=; path=/; max-age=0; SameSite=Lax";
  }

  function settings() {
    var size = parseInt(getCookie("bvi_fontSize"), 10);
    var theme = getCookie("bvi_theme");
    return {
      fontSize: size >= MIN_SIZE && size <= MAX_SIZE ? size : DEFAULTS.fontSize,
      theme: THEMES.indexOf(theme) >= 0 ? theme : DEFAULTS.theme,
      images: getCookie("bvi_images") || DEFAULTS.images,
    };
  }
  function save(s) {
    setCookie("bvi_panelActive", "true");
    setCookie("bvi_fontSize", String(s.fontSize));
    setCookie("bvi_theme", s.theme);
    setCookie("bvi_images", s.images);
  }

  function pageLang() {
    var l = (document.documentElement.getAttribute("lang") || "").slice(0, 2).toLowerCase();
    if (l === "kz") l = "kk";
    return TEXT[l] ? l : "ru";
  }

  function wrapper() {
    var body = document.body, existing = null;
    for (var c = body.firstElementChild; c; c = c.nextElementSibling) {
      if (c.classList.contains("bvi-body")) existing = c;
    }
    if (existing) return existing;
    var wrap = document.createElement("div");
    wrap.className = "bvi-body";
    // Scripts stay where they are: moving them does nothing, and the panel is not page content.
    Array.prototype.slice.call(body.childNodes).forEach(function (node) {
      if (node.nodeType === 1 && (node.tagName === "SCRIPT" || node.classList.contains("bvi-panel"))) return;
      wrap.appendChild(node);
    });
    body.insertBefore(wrap, body.firstChild);
    return wrap;
  }

  function unwrap() {
    var wrap = document.querySelector("body > .bvi-body");
    if (!wrap) return;
    while (wrap.firstChild) wrap.parentNode.insertBefore(wrap.firstChild, wrap);
    wrap.remove();
  }

  function button(action, label, text, pressed) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("data-bvi-action", action);
    b.textContent = text;
    if (label !== text) b.setAttribute("aria-label", text + " (" + label + ")");
    if (pressed !== undefined) b.setAttribute("aria-pressed", pressed ? "true" : "false");
    return b;
  }

  function buildPanel(s) {
    var t = TEXT[pageLang()];
    var panel = document.querySelector(".bvi-panel");
    if (panel) panel.remove();
    panel = document.createElement("div");
    panel.className = "bvi-panel";
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", t.region);
    var size = document.createElement("div");
    size.className = "bvi-group";
    size.innerHTML = "<span class=\"bvi-label\"></span>";
    size.firstChild.textContent = t.size + ": " + s.fontSize + "px";
    size.appendChild(button("smaller", t.smaller, "A−"));
    size.appendChild(button("larger", t.larger, "A+"));
    var colours = document.createElement("div");
    colours.className = "bvi-group";
    colours.innerHTML = "<span class=\"bvi-label\"></span>";
    colours.firstChild.textContent = t.colours + ":";
    THEMES.forEach(function (name) {
      colours.appendChild(button("theme-" + name, t[name], t[name], s.theme === name));
    });
    var off = button("off", t.off, t.off);
    off.className = "bvi-close";
    panel.appendChild(size);
    panel.appendChild(colours);
    panel.appendChild(off);
    panel.addEventListener("click", onPanelClick);
    document.body.insertBefore(panel, document.body.firstChild);
  }

  function onPanelClick(event) {
    var b = event.target.closest("[data-bvi-action]");
    if (!b) return;
    var action = b.getAttribute("data-bvi-action"), s = settings();
    if (action === "off") return disable();
    if (action === "smaller") s.fontSize = Math.max(MIN_SIZE, s.fontSize - 1);
    if (action === "larger") s.fontSize = Math.min(MAX_SIZE, s.fontSize + 1);
    if (action.indexOf("theme-") === 0) s.theme = action.slice(6);
    save(s);
    apply();
    var again = document.querySelector(".bvi-panel [data-bvi-action=\"" + action + "\"]");
    if (again) again.focus();
  }

  function apply() {
    var s = settings();
    var wrap = wrapper();
    wrap.setAttribute("data-bvi-fontsize", String(s.fontSize));
    wrap.setAttribute("data-bvi-theme", s.theme);
    wrap.setAttribute("data-bvi-images", s.images);
    wrap.style.setProperty("--bvi-font-size", s.fontSize + "px");
    document.body.classList.add("bvi-active");
    document.body.setAttribute("data-bvi-theme", s.theme);
    buildPanel(s);
  }

  function disable() {
    ["bvi_panelActive", "bvi_fontSize", "bvi_theme", "bvi_images"].forEach(clearCookie);
    var panel = document.querySelector(".bvi-panel");
    if (panel) panel.remove();
    unwrap();
    document.body.classList.remove("bvi-active");
    document.body.removeAttribute("data-bvi-theme");
    var open = document.querySelector(".bvi-open");
    if (open) open.focus();
  }

  function onOpen(event) {
    event.preventDefault();
    save(settings());
    apply();
    var first = document.querySelector(".bvi-panel button");
    if (first) first.focus();
  }

  function init() {
    document.addEventListener("click", function (event) {
      var open = event.target.closest && event.target.closest(".bvi-open");
      if (open) onOpen(event);
    });
    if (getCookie("bvi_panelActive") === "true") apply();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  window.bviLite = { apply: function () { save(settings()); apply(); }, disable: disable };
})();
