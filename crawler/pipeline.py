"""The one text pipeline: decode -> extract -> check -> clean -> metadata, for pages and for text files; and the
document a file a list links is (its metadata through the same tail)."""

import hashlib

from . import integrity, metadata, urls
from .classify import HTML_TYPES, starts_as_markup
from .clean import clean_lines, split_lines
from .decode import Decoded, decode_bytes
from .document import Document, normalise
from .extract import extract
from .filenames import filename_from_disposition
from .response import Response


def finish_lines(lines: list[str], meta: metadata.Candidates, file_digest: str = "") -> Document:
    """Shared tail of every entry point: repair and flag damage, drop furniture, read metadata from text."""
    report = integrity.check_lines(lines)
    lines = clean_lines(report.lines)
    lines = integrity.restore_breaks(lines) if "flattened" in report.flags else lines
    lines = _without_title(lines, meta.best("title"))
    metadata.from_text(lines, meta)
    text = "\n".join(lines)
    return Document(
        text=text,
        **integrity.check_fields(report, meta.finish()),
        flags=report.flags,
        repairs=report.repairs,
        text_simplified=report.simplified("\n".join(lines)),
        file_digest=file_digest,
    )


def _without_title(lines: list[str], title: str | None) -> list[str]:
    """The text without the title printed over it: once, again (a record's 名称 over the heading), after its label
    (标 题： 关于…的通知) or under its label alone on its line (名称：)."""
    start = 0
    while title and start < len(lines):
        if _is_title_line(lines[start], title) or _labelled_title(lines[start], title):
            start += 1
        elif _labels_the_title(lines[start : start + 2], title):
            start += 2
        else:
            break
    return lines[start:]


def _labelled_title(line: str, title: str) -> bool:
    label = metadata.LABEL_RE.match(metadata.in_simplified_labels(line))
    return bool(label) and metadata.label_field(label[1]) == "title" and _is_title_line(line[label.end() :], title)


def _labels_the_title(pair: list[str], title: str) -> bool:
    """`pair` is the title under a title's label alone on its line (名称： / 关于…的通知)."""
    if len(pair) < 2 or not (label := metadata.lone_label(pair[0])):
        return False
    return metadata.label_field(label) == "title" and _is_title_line(pair[1], title)


def _is_title_line(line: str, title: str) -> bool:
    """`line` is the title printed again, maybe with the number the CMS appended in brackets (a print region's
    heading over the text: 关于…的通知(发改运行〔2021〕1283号))."""
    return normalise(title) in {normalise(line), normalise(metadata.split_appended_number(line)[0])}


def process_page(response: Response, hints: dict | None = None, decoded: Decoded | None = None) -> Document:
    """A fetched page (and its further pages) to a document. `hints` fill metadata the page lacks, e.g. from a
    信息公开目录 row; `decoded` saves decoding the body again when the caller already has."""
    decoded = decoded or decode_bytes(response.body, response.content_type)
    extracted = extract(decoded.text, response.final_url or response.url, decoded.encoding)
    lines, attachments, images = list(extracted.lines), list(extracted.attachments), list(extracted.images)
    for part in response.parts:
        part_decoded = decode_bytes(part.body, part.content_type)
        more = extract(part_decoded.text, part.final_url or part.url, part_decoded.encoding)
        lines += more.lines
        attachments += [a for a in more.attachments if a not in attachments]
        images += [i for i in more.images if i not in images]
    meta = extracted.meta
    _add_hints(meta, hints)
    doc = finish_lines(lines, meta)
    doc.attachments, doc.images, doc.method, doc.decoded = attachments, images, extracted.method, decoded
    return doc


def _add_hints(meta: metadata.Candidates, hints: dict | None) -> None:
    """What the list showed beside the link, before what the page shows; a title the list cut short
    (关于开展2024年度政务公开…) only where nothing else names the document."""
    for name, raw in (hints or {}).items():
        cut_short = name == "title" and metadata.CUT_SHORT_RE.search(raw)
        meta.add(name, raw, metadata.TEXT if cut_short else metadata.LISTED)


def is_file(response: Response) -> bool:
    """A 2xx answer that says it is a file, not a page (application/pdf, a Word or Excel document, an image), and
    whose bytes do not open as a page does: a list links a notice's PDF as often as its page. Not an answer that
    calls itself a page whatever its bytes, nor a page served under a wrong type (text/htm, octet-stream)."""
    kind = response.media_type
    declared_a_file = bool(kind) and kind not in HTML_TYPES
    return (
        200 <= response.status < 300 and declared_a_file and bool(response.body) and not starts_as_markup(response.body)
    )


def process_file(response: Response, hints: dict | None = None) -> Document:
    """A file a list links as a document: its metadata what the list showed (its file name for a title when the
    list gave none), its content the file itself (no text is read from it), archived as the document's one
    attachment; its bytes decide its versions."""
    meta = metadata.Candidates()
    _add_hints(meta, hints)
    if not meta.best("title"):
        meta.add("title", served_name(response), metadata.LISTED)
    doc = finish_lines([], meta, file_digest=hashlib.sha256(response.body).hexdigest())
    doc.attachments, doc.method = [{"url": response.url, "name": doc.title}], "file"
    return doc


def served_name(response: Response) -> str:
    """The name the server gives the file, else the last part of its address."""
    named = filename_from_disposition(response.header("content-disposition"))
    return named or urls.file_name(response.final_url or response.url)


def process_text(text: str) -> Document:
    return finish_lines(split_lines(text), metadata.Candidates())
