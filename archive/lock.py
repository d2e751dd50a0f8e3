"""One crawl at a time per archive: an advisory lock on a file next to the database.

flock() locks die with their process, so a crawl killed with SIGKILL never leaves a stale lock.
"""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from .clock import now


class ArchiveBusy(Exception):
    """Another process holds the archive's crawl lock; the message says which."""


@contextmanager
def crawl_lock(db_path: str | Path, wait: bool = False):
    path = Path(f"{db_path}.lock")
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise ArchiveBusy(f"another crawl is using {db_path} ({holder}); try again later or use --wait") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {now()}")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
