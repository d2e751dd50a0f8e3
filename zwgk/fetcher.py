"""Fetch one URL for `zwgk fetch`, refusing what cannot be a document page."""

import http.client
import urllib.error
import urllib.request
import zlib
from urllib.parse import urlsplit

from archive.vocabulary import AttachmentStatus
from crawler.filenames import filename_from_disposition
from crawler.pipeline import Response, header_value
from settings import USER_AGENT

MAX_BYTES = 20 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024
TIMEOUT = 30


class FetchError(Exception):
    """A fetch that brought nothing archivable; the message is the one line shown to the user."""


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")


def fetch_url(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Response:
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return _response(url, answer.status, answer.geturl(), answer.headers, answer, max_bytes)
    except urllib.error.HTTPError as error:
        return _response(url, error.code, error.geturl() or url, error.headers, error, max_bytes)
    except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", None) or error.__class__.__name__
        raise FetchError(f"cannot fetch {url}: {reason}") from None


def _response(url, status, final_url, headers, stream, max_bytes: int) -> Response:
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise FetchError(f"{url}: response larger than {max_bytes // (1024 * 1024)} MiB")
    headers = dict(headers.items())
    expected = header_value(headers, "content-length")
    if expected and expected.isdigit() and len(body) < int(expected):
        raise FetchError(f"cannot fetch {url}: the connection closed after {len(body)} of {expected} bytes")
    encoding = (header_value(headers, "content-encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        body = _inflate(url, body, encoding, max_bytes)
        headers = {k: v for k, v in headers.items() if k.lower() not in ("content-encoding", "content-length")}
    return Response(url=url, status=status, body=body, headers=headers, final_url=final_url)


def _inflate(url: str, body: bytes, encoding: str, max_bytes: int) -> bytes:
    """Decompress what a server sent compressed unasked, never past the size cap (compression bombs)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise FetchError(f"{url}: broken {encoding} body: {error}") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise FetchError(f"{url}: response larger than {max_bytes // (1024 * 1024)} MiB once decompressed")
    return out


def fetch_attachments(archive, attachments: list[dict], timeout: float = TIMEOUT) -> int:
    """Download the attachments of a fetched document not yet stored; returns how many were stored."""
    stored = 0
    for url in archive.still_pending(attachments):
        try:
            answer = fetch_url(url, timeout, ATTACHMENT_MAX_BYTES)
        except FetchError as error:
            too_large = "larger than" in str(error)
            archive.record_attachment(
                url, AttachmentStatus.TOO_LARGE if too_large else AttachmentStatus.FAILED, error=str(error)
            )
            continue
        if answer.status != 200:
            archive.record_attachment(url, AttachmentStatus.FAILED, error=f"HTTP {answer.status}")
            continue
        archive.record_attachment(
            url,
            AttachmentStatus.STORED,
            answer.body,
            answer.content_type,
            filename_from_disposition(answer.header("content-disposition")),
        )
        stored += 1
    return stored
