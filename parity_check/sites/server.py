"""A small threaded HTTP server for local test and demo sites, and the pieces sites are built from.

A *site* is any object with `handle(method, path, query, headers) -> Response`:
  - `method`  "GET", "HEAD" or "POST" (a POST body is read and dropped: no site here stores anything);
  - `path`    the URL path, percent-decoded ("/kz/about/");
  - `query`   {name: first value} of the query string;
  - `headers` {lower-case name: value} of the request headers.
The server does the HTTP: status line, Content-Length, no body for HEAD. Sites never touch sockets, so a
site can be unit-tested by calling `handle` directly.

Only the standard library is used, so the demo runs wherever parity-check itself runs.
"""
from __future__ import annotations

import json
import mimetypes
import sys
import threading
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Mapping, Union
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

# Shared assets every site may serve under BVI_PREFIX (the bvi-lite widget).
STATIC_DIR = Path(__file__).resolve().parent / "static"
BVI_PREFIX = "/bvi/"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
}
HTML = CONTENT_TYPES[".html"]


@dataclass
class Response:
    status: int = 200
    body: Union[bytes, str] = b""
    content_type: str = HTML
    headers: dict = field(default_factory=dict)

    def body_bytes(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


def content_type_for(path: Union[str, Path]) -> str:
    suffix = Path(str(path)).suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(str(path))[0] or "application/octet-stream"


def html_response(body: str, status: int = 200, headers: dict | None = None) -> Response:
    return Response(status, body, HTML, dict(headers or {}))


def json_response(data, status: int = 200, headers: dict | None = None) -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False), "application/json; charset=utf-8",
                    dict(headers or {}))


def redirect(location: str, status: int = 302) -> Response:
    return Response(status, "", "text/plain; charset=utf-8", {"Location": location})


def not_found(body: str | None = None) -> Response:
    return html_response(body or ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                  "<title>404 Not Found</title></head><body><main><h1>404 Not Found</h1>"
                                  "</main></body></html>"), status=404)


def file_response(path: Path, status: int = 200) -> Response:
    return Response(status, path.read_bytes(), content_type_for(path))


def safe_join(root: Path, url_path: str) -> Path | None:
    """The file under `root` a URL path names, or None if it would leave `root` (`..`, absolute parts)."""
    root = root.resolve()
    candidate = (root / url_path.lstrip("/")).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    return candidate


def shared_asset(path: str) -> Response | None:
    """The shared static file (bvi-lite.js, .css) for a path under BVI_PREFIX; None for other paths."""
    if not path.startswith(BVI_PREFIX):
        return None
    target = safe_join(STATIC_DIR, path[len(BVI_PREFIX):])
    if target is None or not target.is_file():
        return not_found()
    return file_response(target)


# A route answers one exact path: a fixed Response, or a function of the request.
Route = Union[Response, Callable[[str, str, dict, dict], Response]]


class StaticTreeSite:
    """Files from a directory, plus exact-path routes for redirects and special cases.

    `/a/b/` serves `root/a/b/index.html`; `/a/b` (a directory) is redirected to `/a/b/` as ordinary
    servers do, so relative links in the page resolve. `mounts` maps URL prefixes to other directories;
    by default the shared bvi-lite assets are mounted at BVI_PREFIX. A `404.html` in `root` is the body of
    every 404 answer.
    """

    def __init__(self, root: Union[str, Path], routes: Mapping[str, Route] | None = None,
                 mounts: Mapping[str, Union[str, Path]] | None = None):
        self.root = Path(root).resolve()
        self.routes = dict(routes or {})
        self.mounts = {BVI_PREFIX: STATIC_DIR} if mounts is None else {p: Path(d) for p, d in mounts.items()}

    def handle(self, method: str, path: str, query: dict, headers: dict) -> Response:
        route = self.routes.get(path)
        if route is not None:
            return route(method, path, query, headers) if callable(route) else route
        root, rel = self.root, path
        for prefix, directory in self.mounts.items():
            if path.startswith(prefix):
                root, rel = Path(directory), path[len(prefix):]
                break
        target = safe_join(root, rel)
        if target is None:
            return self.not_found_response(path)
        if target.is_dir():
            if not path.endswith("/"):
                qs = urlencode(query)
                return redirect(quote(path + "/") + (f"?{qs}" if qs else ""), status=301)
            target = target / "index.html"
        if not target.is_file():
            return self.not_found_response(path)
        return Response(200, self.transform(target, target.read_bytes()), content_type_for(target))

    def transform(self, file: Path, body: bytes) -> bytes:
        """Hook for subclasses: rewrite a file's bytes as they are served (the demo fills in dates)."""
        return body

    def not_found_response(self, path: str) -> Response:
        page = self.root / "404.html"
        return not_found(page.read_text(encoding="utf-8") if page.is_file() else None)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: Chromium reuses connections, which the benchmark needs
    server_version = "parity-check-site/1"
    timeout = 30  # idle keep-alive connections end, so their threads do not pile up

    def log_message(self, format, *args):  # quiet: no line per request on stderr
        pass

    def do_GET(self):
        self._serve("GET")

    def do_HEAD(self):
        self._serve("HEAD")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._serve("POST")

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path) or "/"
        query = {}
        for k, v in parse_qsl(parts.query, keep_blank_values=True):
            query.setdefault(k, v)
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            resp = self.server.site.handle(method, path, query, headers)
        except Exception:  # a bug in a site: answer 500 and say why on stderr, keep serving
            traceback.print_exc(file=sys.stderr)
            resp = Response(500, "internal error", "text/plain; charset=utf-8")
        body = resp.body_bytes()
        try:
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in resp.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if method != "HEAD" and resp.status not in (204, 304):
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the browser cancelled the request
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # quiet on client disconnects
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class SiteServer:
    """Serves a site on 127.0.0.1 in a daemon thread.

        with SiteServer(demo_site()) as base_url:   # "http://127.0.0.1:54321"
            ...
    """

    def __init__(self, site, host: str = "127.0.0.1", port: int = 0):
        self.site, self.host, self.port = site, host, port
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.base_url: str | None = None

    def start(self) -> str:
        if self._httpd is not None:
            return self.base_url
        self._httpd = _Server((self.host, self.port), _Handler)
        self._httpd.site = self.site
        self.port = self._httpd.server_address[1]
        self.base_url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"site-server-{self.port}", daemon=True)
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
