"""How raw bodies are packed in `snapshots`.

A body is zlib-compressed on its own ('zlib'), or, when an earlier body of the same URL exists,
compressed with that body as zlib's preset dictionary ('zlib-dict', `base_digest` naming it). A
page fetched again with only its view counter ticked then costs tens of bytes instead of kilobytes.
A base is always a plain 'zlib' snapshot, so unpacking never needs more than one other row.
"""

import hashlib
import sqlite3
import zlib

LEVEL = 6
MAX_DICT = 32 * 1024  # zlib's window: a dictionary longer than this is only used for its tail


def pack(body: bytes, base: bytes | None = None) -> tuple[str, bytes]:
    if base is None:
        return "zlib", zlib.compress(body, LEVEL)
    packer = zlib.compressobj(LEVEL, zdict=base[-MAX_DICT:])
    return "zlib-dict", packer.compress(body) + packer.flush()


def unpack(compression: str, data: bytes, base: bytes | None = None) -> bytes:
    if compression == "zlib":
        return zlib.decompress(data)
    if compression == "zlib-dict" and base is not None:
        unpacker = zlib.decompressobj(zdict=base[-MAX_DICT:])
        return unpacker.decompress(data) + unpacker.flush()
    raise ValueError(f"cannot unpack a {compression!r} snapshot" + (" without its base" if base is None else ""))


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class Snapshots:
    """Raw bodies, stored once per digest in the `snapshots` table."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn  # any sqlite3 connection: Datasette's too, whatever its row factory

    def body(self, digest: str) -> bytes:
        compression, packed, base_digest = self.conn.execute(
            "SELECT compression, body, base_digest FROM snapshots WHERE digest = ?", [digest]
        ).fetchone()
        return unpack(compression, packed, self.body(base_digest) if base_digest else None)

    def store(self, body: bytes, base_digest: str | None = None) -> str:
        """Store a body once per digest; packed against `base_digest` (an earlier body of the same URL) when given.
        Inside the caller's transaction."""
        digest = body_digest(body)
        if self.conn.execute("SELECT 1 FROM snapshots WHERE digest = ?", [digest]).fetchone() is None:
            base = self.body(base_digest) if base_digest else None
            compression, packed = pack(body, base)
            self.conn.execute(
                "INSERT INTO snapshots (digest, size, stored_size, compression, body, base_digest)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [digest, len(body), len(packed), compression, packed, base_digest],
            )
        return digest

    def base_for(self, document_id: int) -> str | None:
        """The plain-packed snapshot behind the document's latest capture: the dictionary for its next body."""
        row = self.conn.execute(
            "SELECT coalesce(s.base_digest, s.digest) FROM captures c JOIN snapshots s ON s.digest = c.snapshot_digest"
            " WHERE c.document_id = ? ORDER BY c.id DESC LIMIT 1",
            [document_id],
        ).fetchone()
        return row[0] if row else None
