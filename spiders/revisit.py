"""When to look at an archived document again: often while it is new, rarely when old, never never.

A document is rechecked once age/10 days have passed since it was last checked (age counted from
its publication date, else from when it was first seen), within the site's revisit_min_days and
revisit_max_days. So a week-old notice is checked daily, a month-old one every three days and
anything older than ten months monthly: documents are edited and withdrawn in place, so every one
comes round again. On a section of two documents a day going back years, that is about 4% of the
section a night (bench/storage.py).
"""

import datetime

AGE_DIVISOR = 10


def revisit_interval(age: datetime.timedelta, min_days: float, max_days: float) -> datetime.timedelta:
    days = min(max_days, max(min_days, age.total_seconds() / 86400 / AGE_DIVISOR))
    return datetime.timedelta(days=days)


def is_due(
    published: str | None,
    first_seen: str | None,
    last_checked: str | None,
    now: datetime.datetime,
    min_days: float,
    max_days: float,
) -> bool:
    if not last_checked:
        return True
    born = _parse(published) or _parse(first_seen) or now
    return now - _parse(last_checked) >= revisit_interval(now - born, min_days, max_days)


def _parse(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)
