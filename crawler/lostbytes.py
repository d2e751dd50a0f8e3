"""Undo a wrong reading in which some bytes were already lost (each U+FFFD of the wrong reading).

A lost byte is a wildcard: the set of bytes that the wrong reader would have replaced by U+FFFD at that
place. Decoding with the right codec then restores a character only where every byte the wildcards can
stand for gives the same character; otherwise the character stays one U+FFFD, and the characters it could
have been are kept as a suggestion, never written into the text.
"""

import codecs
from dataclasses import dataclass, field
from functools import lru_cache

LOST = "\ufffd"
HIGH_BYTES = range(0x80, 0x100)
# Bytes a Windows-1252 reader leaves undefined: with replacement, each U+FFFD stands for one of them.
CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
GBK_READERS = ("gbk", "gb18030")  # both Python readers: a byte either of them rejects may be the lost one
MAX_CHAR_BYTES = 4
MAX_COMBINATIONS = 4096
MAX_SUGGESTIONS = 12
TOO_OPEN = frozenset({LOST, LOST * 2})  # more byte strings than that: as undecided as two candidates


@dataclass
class Rebuilt:
    text: str
    lost: int = 0  # characters left as U+FFFD
    suggestions: list[list[str]] = field(default_factory=list)  # for each of them, what it could have been


@lru_cache(maxsize=4096)
def gap_candidates(wrong: str, following: bytes) -> frozenset[int]:
    """Bytes that the `wrong` reader turns into exactly one U+FFFD before `following` (the next known bytes)."""
    if wrong == "cp1252":
        return CP1252_UNDEFINED
    if wrong not in GBK_READERS:
        return frozenset(HIGH_BYTES)
    following = following[:MAX_CHAR_BYTES]
    return frozenset(b for b in HIGH_BYTES if any(_reads_as_one_lost(reader, b, following) for reader in GBK_READERS))


def _reads_as_one_lost(reader: str, byte: int, following: bytes) -> bool:
    rest = following.decode(reader, "replace")
    return (bytes([byte]) + following).decode(reader, "replace") == LOST + rest


def tokens_of(segments: list[bytes], wrong: str) -> list:
    """Known bytes as ints, each lost byte as the frozenset of what it can be."""
    tokens: list = list(segments[0])
    for k, segment in enumerate(segments[1:], start=1):
        another_gap_follows = not segment and k < len(segments) - 1
        tokens.append(frozenset(HIGH_BYTES) if another_gap_follows else gap_candidates(wrong, segment[:MAX_CHAR_BYTES]))
        tokens.extend(segment)
    return tokens


def _choices(token) -> tuple:
    return tuple(token) if isinstance(token, frozenset) else (token,)


def _readings(tokens: list, start: int, length: int, codec: str) -> frozenset[str]:
    """Every single character that tokens[start:start+length] can decode to. The byte strings are grown a
    token at a time and only those that can still begin a character go on, so a window no byte string
    decodes is told apart from one with too many that do (the first is no character at all)."""
    window = tuple(tokens[start : start + length])
    if len(window) < length:
        return frozenset()
    if not any(isinstance(token, frozenset) for token in window):
        return _known_reading(bytes(window), codec)
    return _window_readings(window, codec)


def _known_reading(raw: bytes, codec: str) -> frozenset[str]:
    """Known bytes only: the one character they decode to, if they are exactly one (as the search over
    wildcards finds it: a valid character's first bytes always begin one)."""
    try:
        char = raw.decode(codec)
    except UnicodeDecodeError:
        return frozenset()
    return frozenset({char}) if len(char) == 1 else frozenset()


@lru_cache(maxsize=4096)
def _window_readings(window: tuple, codec: str) -> frozenset[str]:
    prefixes = [b""]
    for token in window:
        prefixes = [raw for p in prefixes for b in _choices(token) if _begins_a_character(raw := p + bytes([b]), codec)]
        if len(prefixes) > MAX_COMBINATIONS:
            return TOO_OPEN
    found = set()
    for raw in prefixes:
        try:
            char = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(char) == 1:
            found.add(char)
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def _begins_a_character(raw: bytes, codec: str) -> bool:
    """Whether `raw` is one character or the first bytes of one in `codec`."""
    try:
        return len(codecs.getincrementaldecoder(codec)().decode(raw, final=False)) <= 1
    except UnicodeDecodeError:
        return False


def decode_with_gaps(tokens: list, codec: str) -> Rebuilt:
    """Decode known bytes and wildcards; a character is written only when the bytes leave one candidate."""
    out, lost, suggestions, i = [], 0, [], 0
    while i < len(tokens):
        options = {n: _readings(tokens, i, n, codec) for n in range(1, MAX_CHAR_BYTES + 1)}
        options = {n: chars for n, chars in options.items() if chars}
        if not options:
            out.append(LOST)  # not even the wildcards make a character here: one byte lost
            lost += 1
            i += 1
            continue
        n = _length(tokens, i, options, codec) if len(options) > 1 else next(iter(options))
        chars = options[n]
        if len(chars) == 1:
            out.append(next(iter(chars)))
        else:
            out.append(LOST)
            lost += 1
            suggestions.append(sorted(chars - TOO_OPEN)[:MAX_SUGGESTIONS])
        i += n
    return Rebuilt("".join(out), lost, suggestions)


def _length(tokens: list, start: int, options: dict, codec: str) -> int:
    """Where a wildcard lets several lengths decode, the longest after which a character can start again."""
    for n in sorted(options, reverse=True):
        after = start + n
        if after == len(tokens) or any(_readings(tokens, after, m, codec) for m in range(1, MAX_CHAR_BYTES + 1)):
            return n
    return min(options)
