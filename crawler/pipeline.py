"""The one text pipeline: decode -> extract -> check -> clean -> metadata, for pages and for text files."""

from . import integrity, metadata
from .clean import clean_lines, split_lines
from .decode import Decoded, decode_bytes
from .document import Document, normalise
from .extract import extract
from .response import Response


def finish_lines(lines: list[str], meta: metadata.Candidates) -> Document:
    """Shared tail of both entry points: repair and flag damage, drop furniture, read metadata from text."""
    report = integrity.check_lines(lines)
    lines = clean_lines(report.lines)
    lines = integrity.restore_breaks(lines) if "flattened" in report.flags else lines
    title = meta.best("title")
    if title and lines and _is_title_line(lines[0], title):
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


def _is_title_line(line: str, title: str) -> bool:
    """`line` is the title printed again, maybe with the number the CMS appended in brackets (a print region's
    heading over the text: 关于…的通知(发改运行〔2021〕1283号))."""
    return normalise(title) in {normalise(line), normalise(metadata.split_appended_number(line)[0])}


def process_page(response: Response, hints: dict | None = None, decoded: Decoded | None = None) -> Document:
    """A fetched page (and its further pages) to a document. `hints` fill metadata the page lacks, e.g. from a
    信息公开目录 row; `decoded` saves decoding the body again when the caller already has."""
    decoded = decoded or decode_bytes(response.body, response.content_type)
    extracted = extract(decoded.text, response.final_url or response.url)
    lines, attachments, images = list(extracted.lines), list(extracted.attachments), list(extracted.images)
    for part in response.parts:
        more = extract(decode_bytes(part.body, part.content_type).text, part.final_url or part.url)
        lines += more.lines
        attachments += [a for a in more.attachments if a not in attachments]
        images += [i for i in more.images if i not in images]
    meta = extracted.meta
    for name, raw in (hints or {}).items():
        meta.add(name, raw, metadata.LISTED)
    doc = finish_lines(lines, meta)
    doc.attachments, doc.images, doc.method, doc.decoded = attachments, images, extracted.method, decoded
    return doc


def process_text(text: str) -> Document:
    return finish_lines(split_lines(text), metadata.Candidates())
