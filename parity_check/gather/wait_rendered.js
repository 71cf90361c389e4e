// Resolves when the page has rendered: no fetch/XHR in flight (session.INFLIGHT_SCRIPT counts them) and the
// DOM quiet for a spell. Returns the document's size, measured first: a page heavier than maxBytes is
// refused without waiting for it.
//   afterAction false: just loaded; the spell counts from the DOM's last change since the document began
//                      (kept by the init script), so a page quiet since it loaded needs no wait.
//   afterAction true:  a click or key press was just made; the spell counts from now, since the page may
//                      not have begun to react yet.
async ({ quiet, cap, maxBytes, afterAction }) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const size = nav ? nav.decodedBodySize || nav.transferSize || 0 : 0;
  if (maxBytes && size > maxBytes) return size;
  const start = Date.now();
  let last = start;
  const known = window.__parityLastChange !== undefined;  // not in a document the init script missed
  const obs = known ? null : new MutationObserver(() => { last = Date.now(); });
  if (obs) obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const floor = afterAction ? start : 0;
  const lastChange = () => Math.max(floor, known ? window.__parityLastChange : last);
  // A loaded page that already shows its text needs only a short quiet spell; an almost empty one may be
  // an app shell whose script has not asked for its data yet, and a page that was just clicked may be about
  // to restyle itself (a VI widget loading its styles), so they get the full `quiet`.
  const shown = () => !afterAction && document.body && document.body.innerText.length >= 200;
  while (Date.now() - start < cap) {
    const needed = shown() ? Math.min(quiet, 100) : quiet;
    if ((window.__parityInflight || 0) === 0 && Date.now() - lastChange() >= needed) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (obs) obs.disconnect();
  return size;
}
