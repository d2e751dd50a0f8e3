from datetime import datetime, timezone


def now() -> str:
    """Timestamps in the archive: UTC, ISO 8601, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
