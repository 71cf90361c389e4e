"""Sites that misbehave on purpose, for the crawler's fault tests. Served by SiteServer on 127.0.0.1.

FaultSite: a normal home page `/` linking to one page per fault:
  /error500         always 500 (the crawler retries, then records the failure)
  /slow             answers after `slow_s` seconds (longer than the test's timeout_ms)
  /reset            resets the TCP connection instead of answering
  /loop-a           302 -> /loop-b -> /loop-a ...
  /stream           sends its headers, then HTML forever (no Content-Length, no end)
  /heavy            a 50 MB page (with Content-Length)
  /broken           broken HTML: unclosed and misnested tags, NULs, a lone surrogate, unparseable hrefs
  /charset          UTF-8 Kazakh bytes served as windows-1251
  /calendar?date=   a calendar: every day links to the next days, for ever (a crawler trap)
  /a/               links to `a/`: /a/a/a/... for ever (a relative-link trap)
  /to-private       302 -> http://0.0.0.0:<port>/leak (an address the browser guard must refuse)
and links to http://10.0.0.1/, http://192.168.1.1/ and `private_link` (e.g. a counting server on
127.0.0.2) that the frontier must refuse before any request. `hits` counts the requests per path.

HostileSite: one page whose title, alt texts, link texts and URLs carry markup, scripts and quotes.

ServiceWorkerSite: a page that tries to register a service worker (whose requests the per-tab network guard
would never see) and writes what happened into its title and a `#sw` paragraph (`data-done` once known):
"sw: registered", "sw: not registered" or "sw: refused: <error>". `hits` counts the requests per path.

A site object cannot touch sockets through SiteServer's interface, so the reset and the endless stream
reach the request handler (`_handler()`) and work on its connection directly; the raw Response they
return raises ConnectionResetError from body_bytes(), which the server treats as a client that left.
"""
from __future__ import annotations

import datetime as dt
import inspect
import socket
import struct
import threading
import time
from collections import Counter
from html import escape
from http.server import BaseHTTPRequestHandler

from parity_check.sites.server import Response, html_response, not_found, redirect

HEAVY_BYTES = 50 * 1024 * 1024
STREAM_CAP_S = 120  # the endless page ends after this, whatever the client does (no stray thread)
HOSTILE = "<script>alert(\"x\")</script><b onmouseover='y'>&amp; \"quoted\" 'single'</b>"

FAULT_PATHS = ("/error500", "/slow", "/reset", "/loop-a", "/stream", "/heavy", "/broken", "/charset",
               "/calendar?date=2024-01-01", "/a/", "/to-private")


def page(title: str, body: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'</head><body><main><h1>{escape(title)}</h1>{body}</main></body></html>')


def _handler() -> BaseHTTPRequestHandler:
    """The request handler serving the current request (a caller up the stack)."""
    for frame in inspect.stack()[1:]:
        candidate = frame.frame.f_locals.get("self")
        if isinstance(candidate, BaseHTTPRequestHandler):
            return candidate
    raise RuntimeError("not called from a request handler")


class RawResponse(Response):
    """Does its own socket work in body_bytes() (called by the server before it writes anything)."""

    def __init__(self, action):
        super().__init__(200, b"")
        self.action = action

    def body_bytes(self) -> bytes:
        self.action(_handler())
        raise ConnectionResetError("the fault site dropped this connection on purpose")


def reset_connection(handler: BaseHTTPRequestHandler) -> None:
    sock = handler.connection
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def stream_forever(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
                        b"<!doctype html><html lang=\"en\"><head><title>Endless</title></head><body><main>")
    started = time.monotonic()
    n = 0
    try:
        while time.monotonic() - started < STREAM_CAP_S:
            handler.wfile.write(b"<p>%d more words that never end</p>\n" % n)
            handler.wfile.flush()
            n += 1
            time.sleep(0.01)
    except OSError:
        pass  # the browser gave up: the stream ends with it
    handler.close_connection = True


class FaultSite:
    name = "fault"

    def __init__(self, slow_s: float = 8.0, private_link: str | None = None):
        self.slow_s = slow_s
        self.private_link = private_link
        self.hits: Counter = Counter()
        self._lock = threading.Lock()
        self._heavy: bytes | None = None
        self.port: int | None = None  # set by the test once SiteServer has chosen one

    def home(self) -> str:
        links = "".join(f'<li><a href="{escape(p)}">{escape(p)}</a></li>' for p in FAULT_PATHS)
        private = ["http://10.0.0.1/", "http://192.168.1.1/admin"] + ([self.private_link] if self.private_link else [])
        links += "".join(f'<li><a href="{escape(u)}">intranet</a></li>' for u in private)
        return page("Fault site", f"<p>Every link below misbehaves.</p><ul>{links}</ul>")

    def heavy(self) -> bytes:
        if self._heavy is None:
            head = b'<!doctype html><html lang="en"><head><title>Heavy</title></head><body><main>'
            filler = b"<p>" + b"A heavy page full of words. " * 36 + b"</p>\n"
            self._heavy = head + filler * ((HEAVY_BYTES - len(head)) // len(filler) + 1)
        return self._heavy

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        with self._lock:
            self.hits[path] += 1
        if path == "/":
            return html_response(self.home())
        if path == "/error500":
            return html_response(page("Server error", "<p>Something broke.</p>"), status=500)
        if path == "/slow":
            time.sleep(self.slow_s)
            return html_response(page("Slow", "<p>Finally.</p>"))
        if path == "/reset":
            return RawResponse(reset_connection)
        if path in ("/loop-a", "/loop-b"):
            return redirect("/loop-b" if path == "/loop-a" else "/loop-a")
        if path == "/stream":
            return RawResponse(stream_forever)
        if path == "/heavy":
            return Response(200, self.heavy())
        if path == "/broken":
            return html_response(BROKEN)
        if path == "/charset":
            body = page("Қазақша мәтін", "<p>Әкімдік жаңалықтары: ұлттық тіл күні.</p>", "kk")
            return Response(200, body.replace('<meta charset="utf-8">', "").encode("utf-8"),
                            "text/html; charset=windows-1251")
        if path == "/calendar":
            return html_response(calendar(query.get("date", "2024-01-01")))
        if path.startswith("/a/"):
            return html_response(page(f"Depth {path.count('a')}", '<p><a href="a/">Deeper</a></p>'))
        if path == "/to-private":
            return redirect(f"http://0.0.0.0:{self.port}/leak")
        if path == "/leak":
            return html_response(page("Leaked", "<p>The guard let this through.</p>"))
        return not_found()


def calendar(date: str) -> str:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        day = dt.date(2024, 1, 1)
    links = "".join(f'<li><a href="/calendar?date={day + dt.timedelta(days=d)}">{day + dt.timedelta(days=d)}</a></li>'
                    for d in range(1, 6))
    return page(f"Events on {day}", f"<ul>{links}</ul>")


BROKEN = ("<!doctype html><html lang=en><head><title>Broken <b>page</title><meta charset=utf-8>"
          "<body><main><h1>Broken<p>unclosed <div><span>misnested</div></span>\x00 NUL "
          "<table><tr><td>cell<td>cell<tr></table></table></table>"
          "<p>surrogate references: &#xD800; and &#xDFFF; end"
          "<script>document.write('<p>written');"
          " document.title += String.fromCharCode(0xD800);"  # a lone surrogate only a script can make
          " document.querySelector('h1').append(' x' + String.fromCharCode(0xDC00) + 'y');</script>"
          '<a href="http://[::1">broken IPv6</a> <a href="http://127.0.0.1:99999/">bad port</a> '
          '<a href="http://x:abc/">bad port name</a> <a href="javascript:alert(1)">js</a> '
          '<a href="&#0;">nul</a><img src=x alt="<<>>\'"'
          "<!-- unclosed comment")


class HostileSite:
    """One page (and its target) whose every string a report shows carries markup, scripts and quotes."""

    name = "hostile"

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        if path == "/":
            return html_response(hostile_page())
        if path.startswith("/q/"):
            return html_response(page("Target " + HOSTILE, "<p>" + escape(HOSTILE) + "</p>", "kk"))
        return not_found(page("404 " + HOSTILE, "<p>gone</p>"))


def hostile_page() -> str:
    h = escape(HOSTILE)
    # a URL with quotes and markup in its path and query (the browser percent-encodes some of it)
    url = "/q/%3Cscript%3Ealert(1)%3C/script%3E?x=%27%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E"
    missing = "/gone/%3Cscript%3E%22'"
    return (f'<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>{h}</title></head>'
            f"<body><main><h1>{h}</h1>"
            f"<p>Бұл бет {h} мәтінін көрсетеді.</p>"
            f'<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="{h}" width="40" height="40"></p>'
            f'<p><img src="/missing.png" alt="{h} image.jpg"></p>'
            f'<p><a href="{escape(url)}">{h}</a></p>'
            f'<p><a href="{escape(missing)}">{h} gone</a></p>'
            f'<p><a href="{escape(url)}"><img src="/none.gif" alt=""></a></p>'
            f'<p style="color:#bbb;background:#fff">{h} low contrast</p>'
            f"</main></body></html>")


SW_PAGE = """<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>sw: pending</title></head>
<body><main><h1>Қызмет көрсету</h1><p id="sw">sw: pending</p>
<script>
(async () => {
  let result;
  try {
    const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    result = reg && reg.scope ? "registered" : "not registered";
  } catch (e) {
    result = "refused: " + e.name;
  }
  document.title = "sw: " + result;
  const p = document.getElementById("sw");
  p.textContent = "sw: " + result;
  p.dataset.done = "1";
})();
</script></main></body></html>"""

# What a hostile worker would do: answer the page's requests itself and reach where the page may not.
SW_SCRIPT = """self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("fetch", (event) => event.respondWith(fetch(event.request)));"""


class ServiceWorkerSite:
    name = "service-worker"

    def __init__(self):
        self.hits: Counter = Counter()

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        self.hits[path] += 1
        if path == "/":
            return html_response(SW_PAGE)
        if path == "/sw.js":
            return Response(200, SW_SCRIPT, "text/javascript; charset=utf-8")
        return not_found(page("404", "<p>gone</p>", "kk"))
