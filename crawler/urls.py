"""The one form of an address the archive keys documents, attachments and images by: as a request sends it."""

from urllib.parse import unquote_to_bytes, urljoin

from w3lib.url import safe_url_string


def as_sent(url: str, encoding: str = "utf-8") -> str:
    """`url` as browsers and Scrapy send it: non-ASCII characters and spaces percent-encoded, the path as UTF-8
    and the query in the `encoding` of the page that links it (UTF-8 where that cannot write it), the host in
    IDNA, scheme and host in lower case; an address already so written comes back as it was. Portals link files
    and pages by their Chinese names (附件/关于开展工作的通知.pdf, down.asp?name=通知.doc on a GBK page) as often as
    escaped: in this one form the link, the request and the answer name one document or file, whoever fetched
    it (a crawl, `zwgk fetch`). An address no request could be made of (a port that is not a number) is left
    as written."""
    for query_encoding in dict.fromkeys((encoding, "utf-8")):
        try:
            return safe_url_string(url, query_encoding)
        except UnicodeEncodeError:
            continue
        except ValueError:
            break
    return url


def absolute(base_url: str, href: str, encoding: str = "utf-8") -> str:
    """A link's address on the page at `base_url`, whose `encoding` its query is sent in, as a request sends it."""
    return as_sent(urljoin(base_url, href), encoding)


def file_name(url: str) -> str:
    """The last part of an address's path, as a reader reads it: what a file it names is called."""
    return unescaped(url.split("?")[0].rsplit("/", 1)[-1])


def unescaped(part: str) -> str:
    """A part of an address as a reader reads it: its escapes of UTF-8 decoded (%E5%9B%BE%E7%89%871.png is
    图片1.png), any other escapes left as written (GBK's, %CD%BC, would read as U+FFFD)."""
    try:
        return unquote_to_bytes(part).decode("utf-8")
    except UnicodeDecodeError:
        return part
