from datetime import UTC, datetime


def now() -> str:
    """Timestamps in the archive: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
