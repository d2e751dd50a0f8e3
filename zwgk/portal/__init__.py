"""The bundled sample portal: generated sections in the style of each portal family, plus static pages.

The sections (see sections.py) answer list pages, list APIs, details and attachments like TRS WCM,
Hanweb jcms, Hanweb's newer platform, gkmlpt and plain lists do. The static pages under `site/` are
served encoded as `portal.toml` says; placeholders make them behave like a live portal: {{hits}}
ticks on every request, {{today}} and {{today_cn}} show the current date, {{origin}} is the portal's own
address (for the hostile page's scripts and remote resources). Tests copy the site to a
temporary folder and edit it there, and change section documents through `section(key)`.
"""

import datetime
import shutil
import socket
import ssl
import struct
import threading
import time
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from .sections import Section, default_sections

HERE = Path(__file__).parent
SITE = HERE / "site"
MANIFEST = "portal.toml"
ROBOTS = b"User-agent: *\nDisallow: /admin/\n"
SESSION_COOKIE = "JSESSIONID=qinglan1"
STALL_SECONDS = 5  # longer than the timeout the fault tests give the crawler


def copy_site(dest: Path) -> Path:
    """A writable copy of the bundled site (with its manifest) at `dest`."""
    shutil.copytree(SITE, dest / "site")
    shutil.copy(HERE / MANIFEST, dest / MANIFEST)
    return dest / "site"


class PortalServer(ThreadingHTTPServer):
    """Python's threading server with a portal's listen backlog. Python's own is 5 connections: at a crawl's
    concurrency (16 fetches, each on a connection of its own, as HTTP/1.0 answers close them) its queue overflowed
    when the process was busy, and the kernel dropped the connection, which the crawler's TCP sent again a second
    later (24,082 overflows counted on the benches' machine): crawls stalled for the server, not for themselves.
    nginx's default is 511."""

    request_queue_size = 511


class SamplePortal:
    def __init__(
        self,
        site: Path = SITE,
        port: int = 0,
        sections: list[Section] | None = None,
        big: int = 0,
        tls: ssl.SSLContext | None = None,
        session: bool = False,
    ):
        """`tls`: served over HTTPS with this context's certificate. `session`: a request without the portal's
        session cookie is sent back to its own address with the cookie set (a JSP or IIS site's session check)."""
        self.site = Path(site)
        self.sections = sections if sections is not None else default_sections(big)
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self.server = PortalServer(("127.0.0.1", port), _handler(self))
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self.session = session
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}"

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def sites_toml(self, keys: list[str] | None = None, **settings) -> str:
        """A sites file with one site per section (all, or `keys`), polite settings turned off for this local server."""
        settings = {"download_delay": 0, "concurrency": 8, "autothrottle": False, **settings}
        out = []
        for section in self.sections:
            if keys is None or section.key in keys:
                out.append(
                    f'[sites.{section.key}]\nname = "青岚县 {section.name} ({section.family})"\n'
                    f'start_urls = ["{self.url}{section.start_url_path}"]'
                )
                out += [f"{name} = {_toml_value(value)}" for name, value in settings.items()]
                out.append("")
        return "\n".join(out)

    def answer(self, method: str, target: str, headers: dict, body: bytes) -> tuple[int, dict, bytes]:
        parts = urlsplit(target)
        path = unquote(parts.path)
        self.requests.append((method, target))
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, ROBOTS
        lowered = {k.lower(): v for k, v in headers.items()}
        if self.session and SESSION_COOKIE not in lowered.get("cookie", ""):
            return 302, {"Location": target, "Set-Cookie": f"{SESSION_COOKIE}; Path=/"}, b""
        form = dict(parse_qsl(body.decode("utf-8", "replace"))) if body else {}
        for section in self.sections:
            # a server reads a query in its pages' encoding (an ASP or Tomcat server set to GBK reads GBK escapes)
            query = dict(parse_qsl(parts.query, encoding=section.encoding))
            answer = section.answer(method, path, query, form, lowered, self.url)
            if answer is not None:
                return answer
        return self.render(path)

    def manifest(self) -> dict:
        path = self.site.parent / MANIFEST
        return tomllib.loads(path.read_text("utf-8")).get("pages", {}) if path.exists() else {}

    def start(self) -> "SamplePortal":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def render(self, path: str) -> tuple[int, dict, bytes]:
        target = (self.site / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if self.site.resolve() not in target.parents or not target.is_file():
            return (
                404,
                {"Content-Type": "text/html; charset=utf-8"},
                "<html><body><h1>404 页面不存在</h1></body></html>".encode(),
            )
        page = self.manifest().get(path, {})
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            hits = self.hits[path]
        today = datetime.date.today()
        text = (
            target.read_text("utf-8")
            .replace("{{hits}}", str(hits))
            .replace("{{today}}", today.isoformat())
            .replace("{{today_cn}}", f"{today.year}年{today.month}月{today.day}日")
            .replace("{{origin}}", self.url)
        )
        headers = {"Content-Type": page.get("content_type", "text/html; charset=utf-8")}
        return page.get("status", 200), headers, text.encode(page.get("encoding", "utf-8"))


def _toml_value(value) -> str:
    return (
        str(value).lower()
        if isinstance(value, bool)
        else repr(value)
        if isinstance(value, (int, float))
        else f'"{value}"'
    )


def _handler(portal: SamplePortal):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self._answer(b"")

        def do_POST(self):
            self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _answer(self, request_body: bytes):
            status, headers, body = portal.answer(self.command, self.path, dict(self.headers.items()), request_body)
            fault = headers.pop("X-Zwgk-Fault", None)
            if fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                return
            if fault == "stall":
                time.sleep(STALL_SECONDS)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 3] if fault == "truncated" else body)
            if fault == "truncated":
                self.close_connection = True

        def log_message(self, *args):
            """Quiet: the demo and the tests report what they need themselves."""

    return Handler
