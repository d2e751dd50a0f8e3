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
    images: list = field(default_factory=list)  # the images the text's box shows, archived as its files (not hashed)
    flags: list = field(default_factory=list)
    repairs: list = field(default_factory=list)
    text_simplified: str | None = None
    method: str = "text"
    decoded: Decoded | None = None
    file_digest: str = ""  # sha256 of the bytes of a document that is a file (a listed PDF): they decide its versions

    # What decides versions: the normalised text and key metadata, nothing a page changes by itself. Hashed once,
    # where the document is made (a text worker), from fields that are not changed afterwards.
    content_hash: str = field(init=False, default="")

    @property
    def files(self) -> list:
        """What the archive downloads with the document: its attachments, then the images its text shows."""
        urls = {a["url"] for a in self.attachments}
        return self.attachments + [image for image in self.images if image["url"] not in urls]

    def __post_init__(self) -> None:
        fields = {f: normalise(getattr(self, f) or "") for f in HASHED_FIELDS}
        file = {"file": self.file_digest} if self.file_digest else {}  # absent from a page's: its hash as it was
        payload = json.dumps({"text": normalise(self.text), **fields, **file}, ensure_ascii=False, sort_keys=True)
        self.content_hash = hashlib.sha256(payload.encode("utf-8")).hexdigest()


# Full-width ASCII and the ideographic space, which NFKC maps one to one onto ASCII (Ｂ to B, ， to ,): mapped
# first, most Chinese text is NFKC already and the quick check passes it, where NFKC proper runs at about a
# tenth of the speed (the same result: a character replaced by its full compatibility decomposition leaves
# the text's NFKD, and so its NFKC, as they were).
FULL_WIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")
FULL_WIDTH_TO_ASCII = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
SPACE_RUN_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as compared for versions and title lines: NFKC, runs of space as one, trimmed."""
    return SPACE_RUN_RE.sub(" ", _nfkc(text)).strip()


def _nfkc(text: str) -> str:
    text = FULL_WIDTH_RE.sub(lambda m: FULL_WIDTH_TO_ASCII[m.group()], text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
