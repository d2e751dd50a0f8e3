"""The sites file: good files load, every mistake is one line naming the site and the key."""

import pytest
from conftest import assert_clean_failure, zwgk

from spiders.sites import SitesError, load_sites

GOOD = """
[sites.qinglan-tzgg]
name = "青岚县人民政府 通知公告"
start_urls = ["https://www.example.gov.cn/xxgk/tzgg/index.html"]
schedule = "30 2 * * *"

[sites.meijiang-gkmlpt]
name = "梅江市 政府信息公开"
start_urls = ["http://www.meijiang.gov.cn/gkmlpt/index"]
cms = "gkmlpt"
download_delay = 2.5
selectors = { next_page = "//a[text()='下一页']" }
"""


def test_good_file_loads(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(GOOD, "utf-8")
    sites = load_sites(path)
    assert sites["qinglan-tzgg"].schedule == "30 2 * * *" and sites["qinglan-tzgg"].domains == ["www.example.gov.cn"]
    assert sites["meijiang-gkmlpt"].cms == "gkmlpt" and sites["meijiang-gkmlpt"].download_delay == 2.5


@pytest.mark.parametrize(
    "text, words",
    [
        ('[sites.a]\nname = "x"\n', "site 'a': key 'start_urls' is required"),
        ('[sites.a]\nname = "x"\nstart_urls = ["ftp://x.gov.cn/"]\n', "site 'a': key 'start_urls' must be"),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\nschedule = "every night"\n',
            "site 'a': key 'schedule'",
        ),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\nschedule = "61 2 * * *"\n',
            "site 'a': key 'schedule'",
        ),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\ncolour = "red"\n',
            "site 'a': unknown key 'colour'",
        ),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\ncms = "wordpress"\n',
            "site 'a': key 'cms' must be one of",
        ),
        ('[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\nconcurrency = 0\n', "site 'a': key 'concurrency'"),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\nselectors = { nope = "li" }\n',
            "site 'a': key 'selectors'",
        ),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\nselectors = { list_item = "ul li[" }\n',
            "site 'a': key 'selectors.list_item': 'ul li[' is not a valid CSS selector",
        ),
        (
            '[sites.a]\nname = "x"\nstart_urls = ["http://x.gov.cn/"]\nselectors = { link = "//a[@href" }\n',
            "site 'a': key 'selectors.link': '//a[@href' is not a valid XPath selector",
        ),
        (
            '[sites.a]\nname = "x"\nstart_url = ["http://x.gov.cn/"]\n',
            "site 'a': unknown key 'start_url' (did you mean 'start_urls'?)",
        ),
        ('[sites.a\nname = "x"\n', "not valid TOML"),
        ('title = "x"\n', "unknown top-level key 'title'"),
        ("", "no sites"),
    ],
)
def test_bad_file_names_site_and_key(tmp_path, db, text, words):
    path = tmp_path / "sites.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(SitesError) as error:
        load_sites(path)
    assert words in str(error.value)
    done = zwgk("crawl", "--all", "--sites", path, "--db", db)
    assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


def test_every_mistake_is_reported_at_once(tmp_path, db):
    path = tmp_path / "sites.toml"
    path.write_text(
        '[sites.a]\nname = "x"\nstart_url = ["http://x.gov.cn/"]\n'
        '[sites.b]\nname = "y"\nstart_urls = ["http://y.gov.cn/"]\nconcurrency = 0\n',
        "utf-8",
    )
    done = zwgk("crawl", "--all", "--sites", path, "--db", db)
    lines = done.stderr.splitlines()
    assert done.returncode == 2 and len(lines) == 3 and all(line.startswith("zwgk: ") for line in lines)
    assert "unknown key 'start_url'" in lines[0] and "'start_urls' is required" in lines[1] and "site 'b'" in lines[2]
    assert not db.exists()


def test_crawl_needs_known_sites(tmp_path, db):
    path = tmp_path / "sites.toml"
    path.write_text(GOOD, "utf-8")
    for args, words in ((["nope"], "no site 'nope'"), ([], "name the sites to crawl or use --all")):
        done = zwgk("crawl", *args, "--sites", path, "--db", db)
        assert_clean_failure(done)
        assert words in done.stderr
    assert_clean_failure(zwgk("crawl", "--all", "--sites", tmp_path / "missing.toml", "--db", db))
