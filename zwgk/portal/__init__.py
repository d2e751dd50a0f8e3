"""The bundled sample portal: a local HTTP server over `site/`, encoding each page as `portal.toml` says.

Placeholders make it behave like a live portal: {{hits}} ticks on every request, {{today}} and
{{today_cn}} show the current date. Tests copy the site to a temporary folder and edit it there.
"""
import datetime
import shutil
import threading
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).parent
SITE = HERE / "site"
MANIFEST = "portal.toml"


def copy_site(dest: Path) -> Path:
    """A writable copy of the bundled site (with its manifest) at `dest`."""
    shutil.copytree(SITE, dest / "site")
    shutil.copy(HERE / MANIFEST, dest / MANIFEST)
    return dest / "site"


class SamplePortal:
    def __init__(self, site: Path = SITE, port: int = 0):
        self.site = Path(site)
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

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
            return 404, {"Content-Type": "text/html; charset=utf-8"}, "<html><body><h1>404 页面不存在</h1></body></html>".encode()
        page = self.manifest().get(path, {})
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            hits = self.hits[path]
        today = datetime.date.today()
        text = (target.read_text("utf-8").replace("{{hits}}", str(hits)).replace("{{today}}", today.isoformat())
                .replace("{{today_cn}}", f"{today.year}年{today.month}月{today.day}日"))
        headers = {"Content-Type": page.get("content_type", "text/html; charset=utf-8")}
        return page.get("status", 200), headers, text.encode(page.get("encoding", "utf-8"))


def _handler(portal: SamplePortal):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            portal.requests.append(("GET", self.path))
            status, headers, body = portal.render(path)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler
