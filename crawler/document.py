"""A document as the text pipeline makes it and the archive keeps it."""

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from .decode import Decoded

# the metadata that, with the text, decides versions
HASHED_FIELDS = ("title", "publisher", "doc_number", "index_number", "published")


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

    # What decides versions: the normalised text and key metadata, nothing a page changes by itself. Hashed once,
    # where the document is made (a text worker), from fields that are not changed afterwards.
    content_hash: str = field(init=False, default="")

    def __post_init__(self) -> None:
        fields = {f: normalise(getattr(self, f) or "") for f in HASHED_FIELDS}
        payload = json.dumps({"text": normalise(self.text), **fields}, ensure_ascii=False, sort_keys=True)
        self.content_hash = hashlib.sha256(payload.encode("utf-8")).hexdigest()


def normalise(text: str) -> str:
    """Text as compared for versions and title lines: NFKC, runs of space as one, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
