"""The words the archive stores for what happened, one home for each vocabulary: the crawl, the command
line, the dispatcher and the Datasette plugin all use these (StrEnum members are the stored strings)."""

from enum import StrEnum


class Outcome(StrEnum):
    """What one capture did to its document (captures.outcome)."""

    NEW_VERSION = "new_version"
    UNCHANGED = "unchanged"
    REVERTED = "reverted"  # back to an earlier version's content
    DAMAGED = "damaged"  # a damaged copy, kept beside the clean current version
    WITHDRAWN = "withdrawn"
    NOT_MODIFIED = "not_modified"
    BLOCKED = "blocked"


class RunStatus(StrEnum):
    """How a crawl of one site ended (crawl_runs.status)."""

    RUNNING = "running"  # still open: under way, or killed (the next crawl marks it interrupted)
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"
    INTERRUPTED = "interrupted"


UNSUCCESSFUL_RUNS = (RunStatus.FAILED, RunStatus.PARTIAL, RunStatus.INTERRUPTED, RunStatus.RUNNING)


class DocumentStatus(StrEnum):
    LIVE = "live"
    WITHDRAWN = "withdrawn"


class AttachmentStatus(StrEnum):
    PENDING = "pending"
    STORED = "stored"
    TOO_LARGE = "too_large"
    FAILED = "failed"
