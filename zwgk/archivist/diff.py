"""What changed between two versions: their metadata field by field, and an inline diff of their texts,
line by line and character by character inside a changed line, since Chinese has no spaces to split
words on."""

import difflib

from crawler.document import HASHED_FIELDS  # the metadata that decides versions

from .metadata import FIELD_LABELS


def metadata_changes(old: dict, new: dict) -> list[dict]:
    """[{"field", "label", "old", "new"}] for each metadata field that differs: a version made by a new
    发布日期 or 文号 alone shows as such, not as an unchanged text."""
    return [
        {"field": name, "label": FIELD_LABELS[name], "old": old.get(name), "new": new.get(name)}
        for name in HASHED_FIELDS
        if (old.get(name) or None) != (new.get(name) or None)
    ]


def diff_versions(old: str, new: str) -> list[dict]:
    """Rows of {"kind": equal|delete|insert|replace, "segments": [(equal|delete|insert, text), ...]}."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    rows = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [{"kind": "equal", "segments": [("equal", line)]} for line in old_lines[a0:a1]]
        elif tag == "delete":
            rows += [{"kind": "delete", "segments": [("delete", line)]} for line in old_lines[a0:a1]]
        elif tag == "insert":
            rows += [{"kind": "insert", "segments": [("insert", line)]} for line in new_lines[b0:b1]]
        else:
            rows += _replaced(old_lines[a0:a1], new_lines[b0:b1])
    return rows


def _replaced(old: list[str], new: list[str]) -> list[dict]:
    rows = [{"kind": "replace", "segments": _char_diff(a, b)} for a, b in zip(old, new)]
    rows += [{"kind": "delete", "segments": [("delete", line)]} for line in old[len(new) :]]
    rows += [{"kind": "insert", "segments": [("insert", line)]} for line in new[len(old) :]]
    return rows


def _char_diff(old: str, new: str) -> list[tuple[str, str]]:
    segments = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("equal", old[a0:a1]))
        if tag in ("delete", "replace"):
            segments.append(("delete", old[a0:a1]))
        if tag in ("insert", "replace"):
            segments.append(("insert", new[b0:b1]))
    return segments
