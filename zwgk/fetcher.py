"""Fetch one URL for `zwgk fetch`, refusing what cannot be a document page."""
import http.client
import socket
import urllib.error
import urllib.request
import zlib
from urllib.parse import urlsplit

from crawler.pipeline import Response

USER_AGENT = "zwgk-archive/0.1 (+https://pypi.org/project/zwgk-archive/; archive of open government information)"
MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 30


class FetchError(Exception):
    """A fetch that brought nothing archivable; the message is the one line shown to the user."""


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")


def fetch_url(url: str, timeout: float = TIMEOUT) -> Response:
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return _response(url, answer.status, answer.geturl(), answer.headers, answer)
    except urllib.error.HTTPError as error:
        return _response(url, error.code, error.geturl() or url, error.headers, error)
    except (urllib.error.URLError, socket.timeout, OSError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", None) or error.__class__.__name__
        raise FetchError(f"cannot fetch {url}: {reason}") from None


def _response(url, status, final_url, headers, stream) -> Response:
    body = stream.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise FetchError(f"{url}: response larger than {MAX_BYTES // (1024 * 1024)} MiB")
    headers = dict(headers.items())
    expected = next((v for k, v in headers.items() if k.lower() == "content-length"), None)
    if expected and expected.isdigit() and len(body) < int(expected):
        raise FetchError(f"cannot fetch {url}: the connection closed after {len(body)} of {expected} bytes")
    encoding = next((v for k, v in headers.items() if k.lower() == "content-encoding"), "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        body = _inflate(url, body, encoding)
        headers = {k: v for k, v in headers.items() if k.lower() not in ("content-encoding", "content-length")}
    return Response(url=url, status=status, body=body, headers=headers, final_url=final_url)


def _inflate(url: str, body: bytes, encoding: str) -> bytes:
    """Decompress what a server sent compressed unasked, never past the size cap (compression bombs)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, MAX_BYTES + 1)
    except zlib.error as error:
        raise FetchError(f"{url}: broken {encoding} body: {error}") from None
    if len(out) > MAX_BYTES or inflater.unconsumed_tail:
        raise FetchError(f"{url}: response larger than {MAX_BYTES // (1024 * 1024)} MiB once decompressed")
    return out

