// What the in-page scripts share (extract.js, gatherers/v_views.js, gatherers/v_crops.js), so that a dom
// segment, a flag of a low-vision view and a screenshot crop name one element by one selector.
(() => {
  const cssIdent = (s) => (window.CSS && CSS.escape) ? CSS.escape(s) : s.replace(/[^\w-]/g, "\\$&");

  // A readable selector: an id where one is unique, else a short path of tag.class with :nth-of-type only
  // where siblings share the tag. Fingerprints strip the positional parts (see models.stable_locator).
  const selectorOf = (el) => {
    if (!(el instanceof Element)) return null;
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (node.id && document.querySelectorAll("#" + cssIdent(node.id)).length === 1) {
        parts.unshift("#" + cssIdent(node.id));
        break;
      }
      let part = node.tagName.toLowerCase();
      const classes = Array.from(node.classList).filter((c) => /^[a-zA-Z_][\w-]*$/.test(c)).slice(0, 2);
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

  return { cssIdent, selectorOf };
})()
