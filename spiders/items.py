"""What the spider hands to the archive pipeline."""

from dataclasses import dataclass, field

from crawler.pipeline import Response


@dataclass
class DocumentPage:
    response: Response
    hints: dict = field(default_factory=dict)  # what the list said: title, date, 索引号, 文号


@dataclass
class AttachmentFile:
    url: str
    status: str  # stored | too_large | failed
    body: bytes | None = None
    content_type: str | None = None
    filename: str | None = None
    error: str | None = None
