"""How raw bodies are packed in `snapshots`.

A body is zlib-compressed on its own ('zlib'), or, when an earlier body of the same URL exists,
compressed with that body as zlib's preset dictionary ('zlib-dict', `base_digest` naming it). A
page fetched again with only its view counter ticked then costs tens of bytes instead of kilobytes.
A base is always a plain 'zlib' snapshot, so unpacking never needs more than one other row.
"""

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
