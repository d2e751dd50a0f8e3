"""Bad input: one clear line on stderr, a non-zero exit, the archive unchanged."""

import pytest
from conftest import assert_clean_failure, fetch_json, free_port, table_counts, zwgk

TRS = "/xxgk/trs/202108/t20210809_5001.html"


@pytest.fixture
def archived(portal, db):
    fetch_json(portal.url + TRS, db)
    return table_counts(db)


@pytest.mark.parametrize("url", ["not a url", "ftp://example.gov.cn/a.html", "file:///etc/passwd", "http://"])
def test_invalid_url(archived, db, url):
    assert_clean_failure(zwgk("fetch", url, "--json", "--db", db))
    assert table_counts(db) == archived


def test_unreachable_host(archived, db):
    assert_clean_failure(zwgk("fetch", f"http://127.0.0.1:{free_port()}/a.html", "--db", db))
    assert table_counts(db) == archived


@pytest.mark.parametrize(
    "path, words",
    [
        ("/empty.html", "empty response body"),
        ("/no/such/page.html", "not found (http-404)"),
    ],
)
def test_empty_and_unknown_404(portal, archived, db, path, words):
    done = zwgk("fetch", portal.url + path, "--db", db)
    assert_clean_failure(done)
    assert words in done.stderr
    assert table_counts(db) == archived


def test_check_missing_file(tmp_path):
    assert_clean_failure(zwgk("check", tmp_path / "nope.txt"))


def test_history_of_unknown_url(archived, db):
    assert_clean_failure(zwgk("history", "http://127.0.0.1/unknown.html", "--db", db))


def test_unopenable_archive(tmp_path, portal):
    assert_clean_failure(zwgk("fetch", portal.url + TRS, "--db", tmp_path))  # a directory, not a database file


@pytest.mark.parametrize(
    "command",
    [
        ["history", "http://x.gov.cn/a.html"],
        ["status"],
        ["status", "--json"],
        ["export", "--jsonl", "out.jsonl"],
        ["serve"],
        ["reprocess"],
    ],
)
def test_read_only_commands_never_create_an_archive(tmp_path, command):
    db = tmp_path / "typo.db"
    done = zwgk(*command, "--db", db, cwd=tmp_path)
    assert_clean_failure(done)
    assert done.stderr == f"zwgk: no archive at {db}: run `zwgk crawl`, `zwgk fetch` or `zwgk demo` first\n"
    assert not db.exists() and not (tmp_path / "out.jsonl").exists()


def test_status_from_the_archive_alone(archived, db, tmp_path):
    """No sites file: the archive's totals and the sites it holds, without next runs."""
    done = zwgk("status", "--db", db, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"{db}: 1 documents, 1 versions, 1 captures, 0 crawl runs"


def test_demo_refuses_an_unwritable_archive_up_front(tmp_path):
    done = zwgk("demo", "--db", tmp_path / "no-such-folder" / "archive.db", "--portal-port", free_port())
    assert_clean_failure(done)
    assert done.returncode == 2 and "cannot write the archive" in done.stderr and "night 1" not in done.stdout


def test_serve_on_a_taken_port_is_one_line(archived, db):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = zwgk("serve", "--db", db, "--port", taken.getsockname()[1])
    assert_clean_failure(done)
    assert "is in use" in done.stderr
