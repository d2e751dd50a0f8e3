"""Attachment names from Content-Disposition headers, made safe to show and to save.

Portals send filenames raw in GBK or UTF-8, percent-encoded, or RFC 5987 encoded. A name is
never a path: directories, drive letters, control characters and leading dots are dropped.
"""

import codecs
import re
import unicodedata
from urllib.parse import unquote, unquote_to_bytes

MAX_NAME = 200
EXTENDED_RE = re.compile(rb"filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)", re.I)
PLAIN_RE = re.compile(rb'filename\s*=\s*(?:"([^"]*)"|([^;]+))', re.I)


def filename_from_disposition(value: bytes | str | None) -> str | None:
    if not value:
        return None
    raw = value.encode("latin-1", "replace") if isinstance(value, str) else value
    extended = EXTENDED_RE.search(raw)
    if extended and _known_codec(charset := extended.group(1).decode("ascii", "replace")):
        return safe_filename(unquote_to_bytes(extended.group(2).strip()).decode(charset, "replace"))
    plain = PLAIN_RE.search(raw)
    if not plain:
        return None
    name = (plain.group(1) if plain.group(1) is not None else plain.group(2)).strip()
    return safe_filename(unquote(_decode_name(name)))


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _decode_name(name: bytes) -> str:
    for codec in ("utf-8", "gb18030"):
        try:
            return name.decode(codec)
        except UnicodeDecodeError:
            continue
    return name.decode("latin-1")


def safe_filename(name: str | None) -> str | None:
    """The base name only, without control characters or leading dots; None when nothing is left."""
    if not name:
        return None
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"^[A-Za-z]:", "", name).strip().lstrip(".").strip()
    return name[:MAX_NAME] or None
