"""A fetched resource as every fetcher (urllib for `zwgk fetch`, Scrapy for crawls) hands it over."""

from dataclasses import dataclass, field


class TooLarge(Exception):
    """An answer longer than the size cap its fetcher was given."""


def header_value(headers: dict, name: str) -> str | None:
    """A header by name, whatever case the server wrote it in."""
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


def media_type(content_type: str | None) -> str:
    """A Content-Type without its parameters, in lower case (text/html for "text/html; charset=GBK"); "" for none."""
    return (content_type or "").split(";")[0].strip().lower()


@dataclass
class Response:
    """A fetched resource as any fetcher (urllib, Scrapy) hands it over."""

    url: str
    status: int
    body: bytes
    headers: dict = field(default_factory=dict)
    final_url: str | None = None
    parts: list["Response"] = field(default_factory=list)  # further pages of an article split over several

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)
