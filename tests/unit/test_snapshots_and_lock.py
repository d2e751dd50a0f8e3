"""Raw bodies packed once per digest (against an earlier body of the same URL), and the crawl lock."""

import multiprocessing
import sqlite3

import pytest

from archive import schema
from archive.database import connect, write
from archive.lock import ArchiveBusy, crawl_lock
from archive.snapshots import Snapshots, body_digest, pack, unpack


def page(views: int) -> bytes:
    """A page as served on two visits: the same but for its view counter."""
    return (
        f"<html><body>{'<p>关于做好政务公开工作的通知</p>' * 40}<span>浏览次数：{views}</span></body></html>"
    ).encode()


def test_a_body_packed_against_its_predecessor_costs_little_and_unpacks_exactly():
    first, second = page(1), page(2)
    alone = pack(second)
    against = pack(second, first)
    assert against[0] == "zlib-dict" and len(against[1]) < len(alone[1])
    assert unpack(*against, base=first) == second and unpack(*alone) == second
    with pytest.raises(ValueError, match="without its base"):
        unpack(*against)


def test_snapshots_are_stored_once_per_digest_and_read_back(tmp_path):
    db = connect(tmp_path / "a.db")
    schema.ensure(db)
    snapshots = Snapshots(db.conn)
    first, second = page(1), page(2)
    with write(db.conn):
        base = snapshots.store(first)
        assert snapshots.store(first) == base == body_digest(first)
        packed = snapshots.store(second, base)
    assert db.execute("select count(*) from snapshots").fetchone()[0] == 2
    assert snapshots.body(packed) == second and snapshots.body(base) == first


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    db = connect(tmp_path / "a.db")
    schema.ensure(db)
    with pytest.raises(sqlite3.IntegrityError), write(db.conn):
        Snapshots(db.conn).store(b"kept?")
        db.execute("insert into documents (id, url) values (1, 'http://x.gov.cn/a'), (1, 'http://x.gov.cn/b')")
    assert db.execute("select count(*) from snapshots").fetchone()[0] == 0


def _try_lock(path, answer):
    try:
        with crawl_lock(path):
            answer.put("got it")
    except ArchiveBusy as busy:
        answer.put(str(busy))


def test_one_crawl_at_a_time_and_the_holder_is_named(tmp_path):
    path = tmp_path / "a.db"
    answer = multiprocessing.get_context("spawn").Queue()
    with crawl_lock(path):
        other = multiprocessing.get_context("spawn").Process(target=_try_lock, args=(path, answer))
        other.start()
        other.join(30)
        assert "another crawl is using" in answer.get(timeout=5) and "pid" in (tmp_path / "a.db.lock").read_text()
    with crawl_lock(path):  # let go on leaving, taken again at once
        pass
