"""When an archived document is looked at again."""

import datetime

from spiders.revisit import is_due, revisit_interval

NOW = datetime.datetime(2026, 12, 2, 3, 0, tzinfo=datetime.UTC)


def test_interval_is_a_tenth_of_the_age_within_bounds():
    assert revisit_interval(datetime.timedelta(days=30), 1, 30) == datetime.timedelta(days=3)
    assert revisit_interval(datetime.timedelta(days=2), 1, 30) == datetime.timedelta(days=1)
    assert revisit_interval(datetime.timedelta(days=3000), 1, 30) == datetime.timedelta(days=30)


def test_due_after_the_interval_and_always_when_never_checked():
    assert is_due("2026-11-02", None, None, NOW, 1, 30)
    assert not is_due("2026-11-02", None, "2026-11-30T03:00:00+00:00", NOW, 1, 30)  # 3 days not yet gone
    assert is_due("2026-11-02", None, "2026-11-28T03:00:00+00:00", NOW, 1, 30)
