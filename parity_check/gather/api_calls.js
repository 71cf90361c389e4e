// The fetch/XHR calls the page made and what they answered (Resource Timing: Chromium records the status of
// every answer, 404s included). A single-page app renders a missing item from an API call that answered
// 404 or nothing; not_found.py reads these. `bytes` is the decoded body size, null where the browser does not
// say (another origin without Timing-Allow-Origin reports 0 for everything).
({ max }) => {
  const calls = performance.getEntriesByType("resource")
    .filter((e) => e.initiatorType === "fetch" || e.initiatorType === "xmlhttprequest");
  const sized = (e) => {
    try {
      return new URL(e.name).origin === location.origin || e.transferSize > 0;
    } catch (err) {
      return false;
    }
  };
  return {
    total: calls.length,
    calls: calls.slice(0, max).map((e) => ({
      url: e.name.slice(0, 500),
      type: e.initiatorType,
      status: e.responseStatus || null,
      bytes: sized(e) ? e.decodedBodySize : null,
    })),
  };
}
