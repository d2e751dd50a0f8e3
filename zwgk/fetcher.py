"""Fetch one URL for `zwgk fetch`, refusing what cannot be a document page."""
import socket
import urllib.error
import urllib.request
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
    except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"cannot fetch {url}: {reason}") from None


def _response(url, status, final_url, headers, stream) -> Response:
    body = stream.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise FetchError(f"{url}: response larger than {MAX_BYTES // (1024 * 1024)} MiB")
    return Response(url=url, status=status, body=body, headers=dict(headers.items()), final_url=final_url)

