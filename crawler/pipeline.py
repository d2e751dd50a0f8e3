"""The one text pipeline: decode -> extract -> check -> clean -> metadata, for pages and for text files."""

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from . import integrity, metadata
from .clean import clean_lines, split_lines
from .decode import Decoded, decode_bytes
from .extract import extract

HASHED_FIELDS = ("title", "publisher", "doc_number", "index_number", "published")


def header_value(headers: dict, name: str) -> str | None:
    """A header by name, whatever case the server wrote it in."""
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


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


@dataclass
class Document:
    text: str
    title: str | None = None
    publisher: str | None = None
    doc_number: str | None = None
    index_number: str | None = None
    published: str | None = None
    written: str | None = None
    topic: str | None = None
    validity: str | None = None
    attachments: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    repairs: list = field(default_factory=list)
    text_simplified: str | None = None
    method: str = "text"
    decoded: Decoded | None = None

    @property
    def content_hash(self) -> str:
        """What decides versions: the normalised text and key metadata, nothing a page changes by itself."""
        fields = {f: _normalise(getattr(self, f) or "") for f in HASHED_FIELDS}
        payload = json.dumps({"text": _normalise(self.text), **fields}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def finish_lines(lines: list[str], meta: metadata.Candidates) -> Document:
    """Shared tail of both entry points: repair and flag damage, drop furniture, read metadata from text."""
    report = integrity.check_lines(lines)
    lines = clean_lines(report.lines)
    lines = integrity.restore_breaks(lines) if "flattened" in report.flags else lines
    title = meta.best("title")
    if title and lines and _normalise(lines[0]) == _normalise(title):
        lines = lines[1:]
    metadata.from_text(lines, meta)
    text = "\n".join(lines)
    return Document(
        text=text,
        **integrity.check_fields(report, meta.finish()),
        flags=report.flags,
        repairs=report.repairs,
        text_simplified=report.simplified("\n".join(lines)),
    )


def process_page(response: Response, hints: dict | None = None, decoded: Decoded | None = None) -> Document:
    """A fetched page (and its further pages) to a document. `hints` fill metadata the page lacks, e.g. from a
    信息公开目录 row; `decoded` saves decoding the body again when the caller already has."""
    decoded = decoded or decode_bytes(response.body, response.content_type)
    extracted = extract(decoded.text, response.final_url or response.url)
    lines, attachments = list(extracted.lines), list(extracted.attachments)
    for part in response.parts:
        more = extract(decode_bytes(part.body, part.content_type).text, part.final_url or part.url)
        lines += more.lines
        attachments += [a for a in more.attachments if a not in attachments]
    meta = extracted.meta
    for name, raw in (hints or {}).items():
        meta.add(name, raw, metadata.LISTED)
    doc = finish_lines(lines, meta)
    doc.attachments, doc.method, doc.decoded = attachments, extracted.method, decoded
    return doc


def process_text(text: str) -> Document:
    return finish_lines(split_lines(text), metadata.Candidates())
