"""The processes a process started, as Linux's /proc lists them: for the test that kills a crawl and the
memory benchmark that counts a crawl with its workers."""

from pathlib import Path


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (its children, theirs, and so on), from /proc's children lists."""
    found, todo = [], [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found
