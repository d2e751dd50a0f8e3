"""Fetch one URL for `zwgk fetch`, refusing what cannot be a document page."""

import functools
import http.client
import http.cookiejar
import ssl
import urllib.error
import urllib.request
import zlib
from urllib.parse import urlsplit

from w3lib.html import get_meta_refresh

from coordinator import attachment_answer, attachment_failure, record_attachment
from crawler.decode import decode_bytes
from crawler.response import Response, TooLarge, header_value
from crawler.urls import as_sent
from settings import (
    ATTACHMENT_MAXSIZE,
    DOWNLOAD_MAXSIZE,
    DOWNLOAD_TIMEOUT,
    DOWNLOAD_VERIFY_CERTIFICATES,
    METAREFRESH_IGNORE_TAGS,
    METAREFRESH_MAXDELAY,
    MIB,
    REDIRECT_MAX_TIMES,
    USER_AGENT,
)

OP_LEGACY_SERVER_CONNECT = 0x4  # ssl has its name from Python 3.12


class FetchError(Exception):
    """A fetch that brought nothing archivable; the message is the one line shown to the user."""


class ResponseTooLarge(FetchError, TooLarge):
    """An answer past the size cap, as sent or once decompressed."""


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")


def fetch_url(
    url: str, timeout: float = DOWNLOAD_TIMEOUT, max_bytes: int = DOWNLOAD_MAXSIZE, referer: str | None = None
) -> Response:
    """The answer to `url`, under the address as a request sends it (the archive's key, as a crawl's). Redirects
    are followed, by HTTP and by a page's meta refresh, as the crawl's Scrapy follows them (its MetaRefreshMiddleware:
    a refresh sooner than METAREFRESH_MAXDELAY, at most REDIRECT_MAX_TIMES): a page that only sends the reader on
    is archived as where it sends them, under its own address."""
    check_url(url)
    url = as_sent(url)
    answer = _fetch_once(url, timeout, max_bytes, referer)
    for _ in range(REDIRECT_MAX_TIMES):
        target = _refresh_target(answer)
        if target is None:
            break
        answer = _fetch_once(target, timeout, max_bytes, answer.final_url or answer.url)
    answer.url = url
    return answer


def _fetch_once(url: str, timeout: float, max_bytes: int, referer: str | None) -> Response:
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8", **({"Referer": referer} if referer else {})}
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener().open(request, timeout=timeout) as answer:
            return _response(url, answer.status, answer.geturl(), answer.headers, answer, max_bytes)
    except urllib.error.HTTPError as error:
        return _response(url, error.code, error.geturl() or url, error.headers, error, max_bytes)
    except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", None) or error.__class__.__name__
        raise FetchError(f"cannot fetch {url}: {reason}") from None


def _refresh_target(answer: Response) -> str | None:
    """Where a page's meta refresh sends the reader soon enough to follow, read as Scrapy reads it (the first 4,096
    characters of the page); None for no such refresh, one to a page that is no web address, or to itself."""
    if (answer.media_type or "text/html") not in ("text/html", "application/xhtml+xml"):
        return None
    text = decode_bytes(answer.body, answer.content_type).text[:4096]
    here = answer.final_url or answer.url
    interval, target = get_meta_refresh(text, here, ignore_tags=METAREFRESH_IGNORE_TAGS)
    if target is None or interval >= METAREFRESH_MAXDELAY or urlsplit(target).scheme not in ("http", "https"):
        return None
    target = as_sent(target)
    return target if target != here else None


@functools.cache
def _opener() -> urllib.request.OpenerDirector:
    """One opener for a command's fetches (the page, its further hops, its files): cookies kept across them, as the
    crawl's Scrapy keeps them (a portal that sets its session cookie and sends the reader back to the same page
    answers nothing to a client without one), and TLS as the crawl speaks it."""
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        urllib.request.HTTPSHandler(context=tls_context()),
        _Redirects,
    )


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = REDIRECT_MAX_TIMES  # the crawl's bound, where urllib's own is 10


def tls_context() -> ssl.SSLContext:
    """TLS as the crawl's Scrapy speaks it: certificates verified only if DOWNLOAD_VERIFY_CERTIFICATES says so, and
    servers that never learnt secure renegotiation accepted (Scrapy sets OP_LEGACY_SERVER_CONNECT as well)."""
    context = ssl.create_default_context()
    if not DOWNLOAD_VERIFY_CERTIFICATES:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    context.options |= OP_LEGACY_SERVER_CONNECT
    return context


def _response(url, status, final_url, headers, stream, max_bytes: int) -> Response:
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise ResponseTooLarge(f"{url}: response larger than {max_bytes // MIB} MiB")
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
        raise ResponseTooLarge(f"{url}: response larger than {max_bytes // MIB} MiB once decompressed")
    return out


def fetch_attachments(archive, attachments: list[dict], page_url: str, timeout: float = DOWNLOAD_TIMEOUT) -> int:
    """Download the attachments of a fetched document not yet stored, referred by its page as a reader's browser
    asks for them (file servers that refuse other sites' links answer 403 without); returns how many were stored."""
    stored = 0
    for url in archive.attachments.still_pending(attachments):
        try:
            file = attachment_answer(url, fetch_url(url, timeout, ATTACHMENT_MAXSIZE, referer=page_url))
        except FetchError as error:
            file = attachment_failure(url, error)
        record_attachment(archive, file)
        stored += file.body is not None
    return stored
