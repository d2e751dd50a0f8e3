"""Crawls of the sample portal with the real `zwgk crawl` (Scrapy in a subprocess) into a real archive."""

import datetime
import json
import os
import signal
import sqlite3
import ssl
import subprocess
import time
import zlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ZWGK, crawl, rows, zwgk
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from processes import descendants

from crawler.urls import as_sent
from zwgk.portal import SamplePortal, copy_site
from zwgk.portal.content import make_docs
from zwgk.portal.sections import default_sections
from zwgk.portal.sections.generic import GenericSection

TODAY = datetime.date(2026, 11, 20)
FAMILY_SECTIONS = ["trs-tzgg", "trs-zcwj", "jcms-tzgg", "hanweb-gsgg", "gkmlpt", "generic-gsgg", "xxgkml"]
BLOCKED = {"trs-tzgg": "ruishu-412", "jcms-tzgg": "jiasule-521"}


def archived_urls(db, site):
    return {r["url"] for r in rows(db, "select url from documents where site = ?", site)}


def listed_urls(portal, key, states=("live",)):
    section = portal.section(key)
    return {portal.url + section.detail_path(d) for d in section.docs if d.state in states}


def document_requests(portal, key, requests):
    """Paths of detail pages among the requests (list pages, APIs and attachments left out)."""
    section = portal.section(key)
    details = {section.detail_path(d, page) for d in section.docs for page in range(d.pages)}
    return {path for _, path in requests if path in details}


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory):
    """The whole sample portal crawled once."""
    tmp = tmp_path_factory.mktemp("crawl")
    with SamplePortal(copy_site(tmp / "portal")) as portal:
        db = tmp / "archive.db"
        done, summaries, requests = crawl(portal, db)
        yield portal, db, done, summaries, requests


def test_first_crawl_archives_every_document_of_every_family(first_crawl):
    portal, db, done, summaries, _ = first_crawl
    assert done.returncode == 0, done.stderr
    for section in portal.sections:
        assert archived_urls(db, section.key) == listed_urls(portal, section.key), section.key
        summary = summaries[section.key]
        assert summary["status"] == "ok" and summary["walk"] == "full"
        assert summary["new_documents"] == summary["new_versions"] == len(listed_urls(portal, section.key))
        assert summary["blocked"] == (1 if section.key in BLOCKED else 0)
        (coverage,) = summary["coverage"]
        assert coverage["family"] == section.family and coverage["walk"] == "complete"
        assert coverage["archived"] == len(listed_urls(portal, section.key))


def test_list_metadata_reaches_the_documents(first_crawl):
    portal, db, *_ = first_crawl
    for section in portal.sections:
        for doc in section.docs:
            if doc.state != "live":
                continue
            (row,) = rows(db, "select * from documents where url = ?", portal.url + section.detail_path(doc))
            assert row["title"] == doc.title
            assert row["published"] == doc.date.isoformat()
            # 信息公开目录 detail pages carry no metadata table: 索引号 and 文号 come from the list's columns.
            assert row["index_number"] == doc.index_number
            assert row["doc_number"] == doc.doc_number


def test_long_trs_article_is_one_document_of_all_its_pages(first_crawl):
    portal, db, *_ = first_crawl
    section = portal.section("trs-tzgg")
    doc = next(d for d in section.docs if d.pages == 2)
    (version,) = rows(
        db,
        "select v.text, c.part_digests from versions v join documents d on d.id = v.document_id"
        " join captures c on c.version_id = v.id where d.url = ?",
        portal.url + section.detail_path(doc),
    )
    assert doc.paragraphs[1] in version["text"] and doc.paragraphs[4] in version["text"]
    assert len(json.loads(version["part_digests"])) == 1


def test_blocked_pages_are_recorded_but_change_nothing(first_crawl):
    portal, db, *_ = first_crawl
    blocked = rows(db, "select url, status, reason, document_id from captures where outcome = 'blocked' order by url")
    assert {(r["reason"], r["status"]) for r in blocked} == {("ruishu-412", 412), ("jiasule-521", 521)}
    assert all(r["document_id"] is None for r in blocked)
    assert not rows(db, "select 1 from documents where url in (?, ?)", *(r["url"] for r in blocked))


def test_mirror_damage_is_flagged(first_crawl):
    portal, db, *_ = first_crawl
    flags = {r["flags"] for r in rows(db, "select flags from documents where site = 'mirror'")}
    assert '["traditional_converted"]' in flags and '["masked"]' in flags


def test_attachments_are_stored_once_with_safe_names(first_crawl):
    portal, db, *_ = first_crawl
    stored = rows(db, "select a.*, s.size as stored_bytes from attachments a join snapshots s on s.digest = a.digest")
    expected = sum(1 for s in portal.sections for d in s.docs if d.attachment and d.state == "live")
    assert len(stored) == expected and all(a["status"] == "stored" for a in stored)
    assert all(a["size"] == a["stored_bytes"] > 1000 and a["content_type"] == "application/pdf" for a in stored)
    # jcms sends raw GBK names; the generic section sends "../../../etc/cron.d/zwgk\a.pdf".
    jcms = [a for a in stored if "downfile.jsp" in a["url"]]
    assert jcms and all(a["filename"].endswith("附件.pdf") for a in jcms)
    evil = [a for a in stored if "/ggfw/" in a["url"]]
    assert evil and {a["filename"] for a in evil} == {"zwgk.pdf"}
    linked = rows(db, "select count(*) as n from version_attachments")[0]["n"]
    assert linked == expected


@pytest.mark.parametrize("key", FAMILY_SECTIONS)
def test_second_crawl_fetches_only_new_and_changed(portal, db, key):
    first, _, _ = crawl(portal, db, key)
    assert first.returncode == 0, first.stderr
    section = portal.section(key)
    added = section.add(2, TODAY)
    edited = section.edit(section.docs[9].id, TODAY)
    done, summaries, requests = crawl(portal, db, key)
    assert done.returncode == 0, done.stderr
    summary = summaries[key]
    assert summary["walk"] == "incremental"
    assert (summary["new_documents"], summary["new_versions"], summary["withdrawn"]) == (2, 3, 0)
    blocked = {section.detail_path(d) for d in section.docs if d.state.startswith("blocked")}
    expected = {section.detail_path(d) for d in added + [edited]} | blocked
    assert document_requests(portal, key, requests) == expected
    full_walk = rows(
        db, "select pages_walked from list_coverage where walk = 'complete' order by crawl_run_id limit 1"
    )[0]
    assert summary["list_pages"] < full_walk["pages_walked"] or full_walk["pages_walked"] <= 2
    history = rows(
        db,
        "select v.version from versions v join documents d on d.id = v.document_id where d.url = ?",
        portal.url + section.detail_path(edited),
    )
    assert [v["version"] for v in history] == [1, 2]


def test_withdrawn_documents_are_marked_and_moved_ones_stay_live(portal, db):
    crawl(portal, db, "trs-tzgg")
    section = portal.section("trs-tzgg")
    live = [d for d in section.docs if d.state == "live"]
    ways = {"404": live[0], "soft404": live[1], "refresh": live[2], "unlisted": live[3]}
    for how, doc in ways.items():
        section.withdraw(doc.id, how)
    done, summaries, _ = crawl(portal, db, "trs-tzgg")
    assert done.returncode == 0, done.stderr
    assert summaries["trs-tzgg"]["withdrawn"] == 3
    for how, doc in ways.items():
        (row,) = rows(
            db, "select id, status, version_count from documents where url = ?", portal.url + section.detail_path(doc)
        )
        assert row["status"] == ("live" if how == "unlisted" else "withdrawn"), how
        assert row["version_count"] == 1
    reasons = {r["reason"] for r in rows(db, "select reason from captures where outcome = 'withdrawn'")}
    assert reasons <= {"http-404", "soft-404", "refresh-to-column", "redirect-to-column"} and len(reasons) == 3


def test_recheck_uses_conditional_requests(portal, db):
    crawl(portal, db, "hanweb-gsgg")
    done, summaries, _ = crawl(portal, db, "hanweb-gsgg", extra=["--recheck"])
    summary = summaries["hanweb-gsgg"]
    assert done.returncode == 0
    assert summary["not_modified"] == len(listed_urls(portal, "hanweb-gsgg")) and summary["new_versions"] == 0
    assert (
        rows(db, "select count(*) as n from captures where outcome = 'not_modified' and status = 304")[0]["n"]
        == summary["not_modified"]
    )


def test_killed_crawl_resumes_without_loss_or_duplicates(tmp_path):
    section = next(s for s in default_sections() if s.key == "generic-gsgg")
    section.docs += make_docs(20001, 400, seed=11, newest=datetime.date(2024, 1, 1))
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        sites = tmp_path / "sites.toml"
        sites.write_text(portal.sites_toml(concurrency=2), "utf-8")
        process = subprocess.Popen(
            [*ZWGK, "crawl", "--all", "--sites", str(sites), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 60
        while time.time() < deadline and _count(db, "documents") < 60:
            time.sleep(0.1)
        started = descendants(process.pid)  # the text workers, their forkserver, the resource tracker
        assert len(started) >= 2
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.time() + 15
        while time.time() < deadline and any(_exists(pid) for pid in started):
            time.sleep(0.2)
        assert not [pid for pid in started if _exists(pid)], "processes the killed crawl started outlived it"
        partial = _count(db, "documents")
        assert 0 < partial < len(section.docs)
        done, summaries, _ = crawl(portal, db, sites_file=sites)
        assert done.returncode == 0, done.stderr
        assert summaries["generic-gsgg"]["walk"] == "full"
        assert archived_urls(db, "generic-gsgg") == listed_urls(portal, "generic-gsgg")
        assert _count(db, "versions") == _count(db, "documents") == len(section.docs)
        assert rows(db, "select count(*) as n from captures where outcome = 'new_version'")[0]["n"] == len(section.docs)
        assert [r["status"] for r in rows(db, "select status from crawl_runs order by id")] == ["interrupted", "ok"]
        with sqlite3.connect(db) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def _exists(pid: int) -> bool:
    """Alive, and not a zombie waiting for its parent (a reaped orphan is gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def _count(db, table):
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_attachment_size_cap(portal, db):
    crawl(portal, db, "hanweb-gsgg", attachment_max_mb=0.001)
    statuses = {r["status"] for r in rows(db, "select status from attachments")}
    assert statuses == {"too_large"}
    assert not rows(db, "select 1 from attachments where digest is not null")


def test_a_failed_attachment_is_tried_again_by_the_next_crawls_a_few_times(portal, db):
    section = portal.section("hanweb-gsgg")
    back, broken = [doc for doc in section.docs if doc.attachment][:2]
    back.attachment_down = broken.attachment_down = True
    paths = {doc.id: section.attachment_path(doc) for doc in (back, broken)}
    crawl(portal, db, "hanweb-gsgg", retries=0)
    failed = rows(db, "select status, tries, error from attachments where status != 'stored'")
    assert failed == [{"status": "failed", "tries": 1, "error": "HTTP 500"}] * 2
    back.attachment_down = False  # the file server is mended for one of them
    asked = []
    for _night in range(4):
        _, _, requests = crawl(portal, db, "hanweb-gsgg", retries=0)
        asked.append([sum(path == paths[doc.id] for _, path in requests) for doc in (back, broken)])
    # the mended one is stored the next night and left alone after; the broken one is tried three times in all
    assert asked == [[1, 1], [0, 1], [0, 0], [0, 0]]
    by_tries = {r["tries"]: r["status"] for r in rows(db, "select status, tries from attachments where tries > 1")}
    assert by_tries == {2: "stored", 3: "failed"}


def test_a_page_in_a_files_place_saying_it_is_gone_or_barred_is_no_stored_file(portal, db, tmp_path):
    """Portals answer a removed file with their 200 "页面不存在" page, and a file for members with a login page:
    recorded failed with why (and tried again later), by the crawl and by `zwgk fetch` alike, not kept as the file."""
    section = portal.section("hanweb-gsgg")
    gone, barred, kept = [doc for doc in section.docs if doc.attachment and doc.state == "live"][:3]
    gone.attachment_state, barred.attachment_state = "soft404", "login"
    crawl(portal, db, "hanweb-gsgg")
    outcome = {r["url"]: (r["status"], r["error"]) for r in rows(db, "select url, status, error from attachments")}
    assert [outcome[portal.url + section.attachment_path(doc)] for doc in (gone, barred, kept)] == [
        ("failed", "HTTP 200: a soft-404 page, not the file"),
        ("failed", "HTTP 200: a login page, not the file"),
        ("stored", None),
    ]
    fetched = tmp_path / "fetched.db"
    assert zwgk("fetch", portal.url + section.detail_path(gone), "--db", fetched).returncode == 0
    assert rows(fetched, "select status, error from attachments") == [
        {"status": "failed", "error": "HTTP 200: a soft-404 page, not the file"}
    ]


def test_robots_txt_is_obeyed_and_a_failed_site_fails_the_crawl(portal, db, tmp_path):
    sites = tmp_path / "sites.toml"
    sites.write_text(
        f'[sites.private]\nname = "robots.txt forbids /admin/"\nstart_urls = ["{portal.url}/admin/index.html"]\n'
        f"download_delay = 0\nretries = 0\n",
        "utf-8",
    )
    done = zwgk("crawl", "--all", "--sites", sites, "--db", db)
    assert done.returncode == 1
    assert "private: failed" in done.stdout
    assert ("GET", "/admin/index.html") not in portal.requests and ("GET", "/robots.txt") in portal.requests
    (run,) = rows(db, "select status, errors from crawl_runs")
    assert run == {"status": "failed", "errors": 1}


def test_fetch_downloads_the_attachments_too(portal, db):
    section = portal.section("jcms-tzgg")
    doc = next(d for d in section.docs if d.attachment and d.state == "live")
    done, out = __import__("conftest").fetch_json(portal.url + section.detail_path(doc), db)
    assert done.returncode == 0, done.stderr
    (stored,) = rows(db, "select status, filename, size from attachments")
    assert stored["status"] == "stored" and stored["filename"] == doc.attachment + ".pdf" and stored["size"] > 1000


def test_a_list_that_yields_nothing_fails_the_site_with_its_reason(portal, db, tmp_path):
    """No 'ok' crawl of nothing: a selector that matches nothing, or a start URL that is a document, not a list."""
    section = portal.section("trs-tzgg")
    document = portal.url + section.detail_path(next(d for d in section.docs if d.state == "live"))
    sites = tmp_path / "sites.toml"
    sites.write_text(
        f'[sites.picky]\nname = "selector that matches nothing"\n'
        f'start_urls = ["{portal.url}{section.start_url_path}"]\n'
        f'download_delay = 0\nselectors = {{ list_item = "ul.no-such-list li" }}\n'
        f'[sites.document]\nname = "a document, not a list"\nstart_urls = ["{document}"]\ndownload_delay = 0\n',
        "utf-8",
    )
    done = zwgk("crawl", "--all", "--sites", sites, "--db", db)
    assert done.returncode == 1
    lines = {line.split(":")[0]: line for line in done.stdout.splitlines()}
    assert (
        "picky: failed" in lines["picky"]
        and "selectors.list_item 'ul.no-such-list li' matched nothing" in lines["picky"]
    )
    assert "document: failed" in lines["document"] and "no document entries on the list page" in lines["document"]
    runs = {r["site"]: r for r in rows(db, "select site, status, message from crawl_runs")}
    assert runs["picky"]["status"] == runs["document"]["status"] == "failed"
    assert "matched nothing" in runs["picky"]["message"] and "no document entries" in runs["document"]["message"]
    status = zwgk("status", "--db", db, cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    status = status.stdout
    assert "picky: last" in status and "failed" in status and "matched nothing" in status


def test_a_list_not_sorted_by_date_costs_only_its_new_documents(tmp_path):
    """300 documents in sort-number order with dates all over the place, 3 old ones pinned at the top; 5 new,
    back-dated documents appear at the top. The second crawl fetches exactly those 5 and re-checks nothing."""
    from zwgk.portal.sections import unsorted_section

    section = unsorted_section("sorted", 300)
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        first, summaries, _ = crawl(portal, db, "sorted")
        assert first.returncode == 0 and summaries["sorted"]["new_documents"] == 300
        added = section.add(5, TODAY - datetime.timedelta(days=400))
        done, summaries, requests = crawl(portal, db, "sorted")
        assert done.returncode == 0, done.stderr
        assert document_requests(portal, "sorted", requests) == {section.detail_path(d) for d in added}
        list_pages = summaries["sorted"]["list_pages"]
        assert len(requests) <= len(added) + list_pages + 1 and list_pages <= 2  # + robots.txt
        assert summaries["sorted"]["new_documents"] == 5 and summaries["sorted"]["withdrawn"] == 0


def test_scrapy_crawl_portal_archives_a_site_like_zwgk_crawl(portal, db, tmp_path):
    """The Scrapy convention from the project root: `scrapy crawl portal -a site=KEY -a db=PATH`."""
    import sys
    from pathlib import Path

    sites = tmp_path / "sites.toml"
    sites.write_text(portal.sites_toml(["gkmlpt"]), "utf-8")
    root = Path(__file__).resolve().parents[2]
    scrapy = Path(sys.executable).parent / "scrapy"
    done = subprocess.run(
        [
            str(scrapy),
            "crawl",
            "portal",
            "-a",
            "site=gkmlpt",
            "-a",
            f"db={db}",
            "-a",
            f"sites={sites}",
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert archived_urls(db, "gkmlpt") == listed_urls(portal, "gkmlpt")
    assert [r["status"] for r in rows(db, "select status from crawl_runs")] == ["ok"]


def test_fetch_archives_the_images_a_documents_text_shows(portal, db):
    """A document printed as scanned pages: its text is a line and a file; the pages are images, kept as files."""
    folder = portal.site / "xxgk" / "scan"
    folder.mkdir(parents=True)
    (folder / "p1.png").write_text("第一页的扫描图像", "utf-8")  # what the portal serves at that URL is what is kept
    (folder / "index.html").write_text(
        "<html><head><title>关于印发某某办法的通知</title></head><body><h1>关于印发某某办法的通知</h1>"
        "<div id='zoom'><p><img src='p1.png' alt='第1页'></p>"
        "<p>各乡镇人民政府，县直各单位：现将《某某办法》印发给你们，请认真贯彻执行。扫描件见上图。</p></div>"
        "</body></html>",
        "utf-8",
    )
    done, out = __import__("conftest").fetch_json(portal.url + "/xxgk/scan/index.html", db)
    assert done.returncode == 0, done.stderr
    assert out["images"] == [{"url": portal.url + "/xxgk/scan/p1.png", "name": "第1页"}]
    (stored,) = rows(db, "select a.status, a.name, s.body from attachments a join snapshots s on s.digest = a.digest")
    assert stored["status"] == "stored" and stored["name"] == "第1页"
    assert zlib.decompress(stored["body"]) == "第一页的扫描图像".encode()


def test_a_crawl_keeps_the_images_a_text_shows_unless_the_site_says_not_to(portal, db, tmp_path):
    """On by default, as attachments are; `images = false` in the sites file leaves them."""
    section = portal.section("hanweb-gsgg")
    scanned = next(d for d in section.docs if d.state == "live")
    page_html = section.detail_html

    def with_a_scan(doc, page):
        shown = f"<div {section.container}>\n<p><img src='/scan/{doc.id}.png' alt='扫描件'></p>\n"
        return (
            page_html(doc, page).replace(f"<div {section.container}>\n", shown, 1)
            if doc is scanned
            else page_html(doc, page)
        )

    section.detail_html = with_a_scan
    _, _, requests = crawl(portal, tmp_path / "without-images.db", "hanweb-gsgg", images=False)
    assert not [path for _, path in requests if path.startswith("/scan/")]
    _, _, requests = crawl(portal, db, "hanweb-gsgg")
    assert [path for _, path in requests if path.startswith("/scan/")] == [f"/scan/{scanned.id}.png"]
    (image,) = rows(db, "select name, status from attachments where url like '%/scan/%'")
    assert image == {"name": "扫描件", "status": "failed"}  # the portal has no such file: recorded, tried again later


class ChineseNamedSection(GenericSection):
    """Pages and files named in Chinese, with spaces, and linked so, unescaped, as many portals write them."""

    def detail_path(self, doc, page: int = 0) -> str:
        return f"{self.root}{doc.created:%Y%m}/关于 {doc.id} 的通知.html"

    def attachment_path(self, doc) -> str:
        return f"{self.root}{doc.created:%Y%m}/附件 {doc.id}（定稿）.pdf"


class QueryNamedSection(GenericSection):
    """A GBK section that links its files by their Chinese names in a query, unescaped (down.asp?name=附件.pdf),
    served by a server that reads queries as GBK, as its pages are written."""

    def attachment_path(self, doc) -> str:
        return f"{self.root}down.asp"

    def attachment_link(self, doc) -> str:
        return f"{self.attachment_path(doc)}?name=附件 {doc.id}.pdf"

    def attachment_key(self, doc) -> str:
        return self.attachment_link(doc)

    def request_attachment_key(self, path: str, query: dict) -> str:
        return f"{path}?name={query.get('name')}"


def test_a_gbk_page_s_files_named_in_a_query_are_asked_for_as_a_browser_asks(tmp_path):
    """A browser sends a link's query in its page's encoding (the path always as UTF-8): the crawl and `zwgk fetch`
    store every such file, where sending the name as UTF-8 had the server answer 404."""
    docs = make_docs(9401, 6, seed=10)
    for doc in docs:
        doc.attachment = f"{doc.title[-8:]}附件"
    section = QueryNamedSection("asp", "通知公告", "/ggfw/tz/", docs, encoding="gb18030", meta_charset="gb2312")
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        done, summaries, _ = crawl(portal, db, "asp")
        assert done.returncode == 0, done.stderr
        live = [d for d in section.docs if d.state == "live" and d.listed]
        files = rows(db, "select url, status from attachments")
        assert len(files) == len(live) and {f["status"] for f in files} == {"stored"}
        assert all("%B8%BD%BC%FE" in f["url"] for f in files)  # 附件 as GBK
        fetched = tmp_path / "fetched.db"
        assert zwgk("fetch", portal.url + section.detail_path(live[0]), "--db", fetched).returncode == 0
        assert [f["status"] for f in rows(fetched, "select status from attachments")] == ["stored"]


def test_pages_and_files_named_in_chinese_are_archived_once_under_the_address_a_request_sends(tmp_path):
    """The crawl stores every file so linked (none left pending), the next crawl knows every document (none
    fetched again), `zwgk fetch` of a page's address as a browser shows it stores its file and finds the same
    document, and files an earlier release left pending under their unescaped address are stored too."""
    docs = make_docs(9301, 12, seed=9)
    for doc in docs[::2]:
        doc.attachment = f"{doc.title[-12:]}附件"
    section = ChineseNamedSection("named", "通知公告", "/ggfw/tzgg/", docs)
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        first, summaries, _ = crawl(portal, db, "named")
        assert first.returncode == 0, first.stderr
        live = [d for d in section.docs if d.state == "live" and d.listed]
        with_files = [d for d in live if d.attachment]
        assert summaries["named"]["new_documents"] == len(live) and with_files
        assert archived_urls(db, "named") == {as_sent(portal.url + section.detail_path(d)) for d in live}
        files = {r["url"]: r["status"] for r in rows(db, "select url, status from attachments")}
        assert files == {as_sent(portal.url + section.attachment_path(d)): "stored" for d in with_files}

        again, summaries, requests = crawl(portal, db, "named")
        assert again.returncode == 0 and summaries["named"]["new_documents"] == 0
        asked = {unquote(urlsplit(target).path) for _, target in requests}
        assert not asked & {section.detail_path(d) for d in live}

        page = portal.url + section.detail_path(with_files[0])
        fetched = tmp_path / "fetched.db"
        assert zwgk("fetch", page, "--db", fetched).returncode == 0  # the page's file downloaded and stored
        assert rows(fetched, "select url, status from attachments") == [
            {"url": as_sent(portal.url + section.attachment_path(with_files[0])), "status": "stored"}
        ]
        done = zwgk("fetch", page, "--json", "--db", db)
        assert done.returncode == 0, done.stderr
        out = json.loads(done.stdout)
        assert out["url"] == page and out["outcome"] == "unchanged"
        assert len(archived_urls(db, "named")) == len(live)

        # an archive of an earlier release holds such files under their unescaped address, never downloaded
        with sqlite3.connect(db) as conn:
            for url in files:
                conn.execute("update attachments set url = ?, status = 'pending' where url = ?", [unquote(url), url])
        crawl(portal, db, "named")
        statuses = {r["url"]: r["status"] for r in rows(db, "select url, status from attachments")}
        assert statuses == {unquote(url): "stored" for url in files}


def expired_self_signed_certificate(folder: Path) -> ssl.SSLContext:
    """A server's TLS with the certificate browsers warn about on county portals: self-signed, expired yesterday,
    naming another host."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.qinglan.gov.cn")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=365))
        .not_valid_after(now - datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


def test_a_portal_whose_certificate_a_browser_warns_about_is_fetched_as_it_is_crawled(tmp_path):
    """Scrapy does not verify certificates (DOWNLOAD_VERIFY_CERTIFICATES, the one setting); `zwgk fetch` follows
    it, where it used to refuse the page that the nightly crawl archives."""
    with SamplePortal(copy_site(tmp_path / "portal"), tls=expired_self_signed_certificate(tmp_path)) as portal:
        assert portal.url.startswith("https://")
        done, summaries, _ = crawl(portal, tmp_path / "crawled.db", "generic-gsgg")
        assert done.returncode == 0 and summaries["generic-gsgg"]["new_documents"] > 0, done.stderr
        section = portal.section("generic-gsgg")
        doc = next(d for d in section.docs if d.state == "live" and d.attachment)
        fetched = zwgk("fetch", portal.url + section.detail_path(doc), "--json", "--db", tmp_path / "fetched.db")
        assert fetched.returncode == 0, fetched.stderr
        assert json.loads(fetched.stdout)["title"] == doc.title
        assert [r["status"] for r in rows(tmp_path / "fetched.db", "select status from attachments")] == ["stored"]


def test_a_portal_that_checks_its_session_cookie_is_crawled_and_fetched_whole(tmp_path):
    """Every first request is sent back to its own address with the session cookie set (a JSP or IIS site's session
    check). The crawl follows the redirect (the spider used to take every status itself, a 302 as an error, and the
    list failed) and keeps the cookie; `zwgk fetch` keeps it for the page and its file alike."""
    with SamplePortal(copy_site(tmp_path / "portal"), session=True) as portal:
        db = tmp_path / "archive.db"
        done, summaries, _ = crawl(portal, db, "generic-gsgg")
        assert done.returncode == 0, done.stderr
        assert summaries["generic-gsgg"]["status"] == "ok"
        assert archived_urls(db, "generic-gsgg") == listed_urls(portal, "generic-gsgg")
        statuses = {r["status"] for r in rows(db, "select status from attachments")}
        assert statuses == {"stored"}
        section = portal.section("generic-gsgg")
        doc = next(d for d in section.docs if d.state == "live" and d.attachment)
        fetched = tmp_path / "fetched.db"
        assert zwgk("fetch", portal.url + section.detail_path(doc), "--db", fetched).returncode == 0
        assert rows(fetched, "select status from attachments") == [{"status": "stored"}]


def test_a_listed_page_moved_to_another_listed_page_is_archived_under_both_addresses(portal, db):
    """A portal's old address answers 301 to the page's new one, and the list shows both: each listed address is a
    document, the old one archived as where it leads. Scrapy's duplicate filter dropped whichever request came
    second (the redirect's hop, or the new page's own request), so one address was never archived, night after
    night, without a word."""
    section = portal.section("generic-gsgg")
    old, new = [d for d in section.docs if d.state == "live"][3:5]
    old.moved_to = new.id
    done, summaries, _ = crawl(portal, db, "generic-gsgg")
    assert done.returncode == 0 and summaries["generic-gsgg"]["errors"] == 0, done.stderr
    assert archived_urls(db, "generic-gsgg") == listed_urls(portal, "generic-gsgg")
    (moved,) = rows(
        db,
        "select c.final_url from captures c join documents d on d.id = c.document_id where d.url = ?",
        portal.url + section.detail_path(old),
    )
    assert moved == {"final_url": portal.url + section.detail_path(new)}


class FilesListedSection(GenericSection):
    """A list that links some notices' PDFs as the documents themselves, as 财政预决算 and 公报 columns do."""

    def detail_path(self, doc, page: int = 0) -> str:
        return f"{self.root}{doc.created:%Y%m}/{'P' if doc.id % 3 == 0 else 'content_'}{doc.id}.{self.ext(doc)}"

    def ext(self, doc) -> str:
        return "pdf" if doc.id % 3 == 0 else "html"

    def detail_answer(self, doc, page, headers):
        if self.ext(doc) == "pdf":
            return 200, {"Content-Type": "application/pdf"}, f"%PDF-1.4\n{doc.id} r{doc.revision}".encode()
        return super().detail_answer(doc, page, headers)


def test_a_file_a_list_links_as_a_document_is_archived_as_one_and_its_bytes_make_its_versions(tmp_path):
    """Each listed PDF is a document (its title and date the list's, its content the file, stored once, not
    downloaded again); the next crawl fetches none; a republished file is a new version. They were refused as
    'not an HTML page' and counted as errors, every night."""
    section = FilesListedSection("files", "预决算公开", "/czyjs/", make_docs(9900, 9, seed=3))
    files = [d for d in section.docs if section.ext(d) == "pdf"]
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        done, summaries, requests = crawl(portal, db, "files")
        assert done.returncode == 0 and summaries["files"]["errors"] == 0, done.stderr
        assert archived_urls(db, "files") == listed_urls(portal, "files")
        urls = {portal.url + section.detail_path(d): d for d in files}
        stored = rows(
            db,
            "select d.url, d.title, d.published, a.status, a.size from documents d join attachments a on a.url = d.url",
        )
        assert {(r["url"], r["title"], r["published"], r["status"], r["size"]) for r in stored} == {
            (url, d.title, f"{d.date:%Y-%m-%d}", "stored", len(section.detail_answer(d, 0, {})[2]))
            for url, d in urls.items()
        }
        assert sum(path.endswith(".pdf") for _, path in requests) == len(files)  # each fetched once

        again, summaries, requests = crawl(portal, db, "files")
        assert again.returncode == 0 and summaries["files"]["pages_fetched"] == 0
        section.edit(files[0].id, TODAY)  # republished: new bytes, a new date on the list
        again, summaries, _ = crawl(portal, db, "files")
        assert (summaries["files"]["new_versions"], summaries["files"]["errors"]) == (1, 0), again.stderr


def test_fetch_archives_a_file_as_a_document(portal, db):
    """`zwgk fetch` of a file's address (used to be refused as not an HTML page): the same document a list's link
    makes, titled by its file name, the file stored once."""
    url = portal.url + "/files/report.pdf"
    done = zwgk("fetch", url, "--json", "--db", db)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["title"], out["text"], out["attachments"]) == ("report.pdf", "", [{"url": url, "name": "report.pdf"}])
    (stored,) = rows(db, "select status, size from attachments")
    assert stored == {"status": "stored", "size": len((portal.site / "files" / "report.pdf").read_bytes())}
    assert json.loads(zwgk("fetch", url, "--json", "--db", db).stdout)["outcome"] == "unchanged"


class ElsewhereSection(GenericSection):
    """A column whose list links its documents on another host (a 信息公开 platform of its own), once it is set."""

    other_host = ""

    def list_answer(self, method, path, query, form, base):
        answer = super().list_answer(method, path, query, form, base)
        if answer is None or not self.other_host:
            return answer
        status, headers, body = answer
        here, there = f'href="{self.root}', f'href="{self.other_host}{self.root}'
        return status, headers, body.replace(here.encode(self.encoding), there.encode(self.encoding))


def test_documents_on_a_host_the_sites_file_allows_are_followed_from_a_list_of_any_family(tmp_path):
    """allowed_domains said so, but the list parsers kept only links to the list's own host: the site failed with
    a list that yields nothing."""
    section = ElsewhereSection("elsewhere", "信息公开", "/xxgk/", make_docs(9950, 6, seed=4))
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        section.other_host = portal.url.replace("127.0.0.1", "localhost")
        sites = tmp_path / "sites.toml"
        sites.write_text(portal.sites_toml(["elsewhere"]) + 'allowed_domains = ["127.0.0.1", "localhost"]\n', "utf-8")
        db = tmp_path / "archive.db"
        done = zwgk("crawl", "--all", "--sites", sites, "--db", db)
        assert done.returncode == 0, done.stdout + done.stderr
        live = [d for d in section.docs if d.state == "live" and d.listed]
        assert archived_urls(db, "elsewhere") == {section.other_host + section.detail_path(d) for d in live}


def test_files_behind_hotlink_protection_are_asked_for_as_a_readers_browser_asks(portal, db, tmp_path):
    """A file server that answers 403 to a request its own portal did not refer (nginx's valid_referers): the crawl
    and `zwgk fetch` send the document's page as the Referer, as browsers do, where they sent none and failed; so
    does the next crawl for files an earlier one left to try again."""
    section = portal.section("hanweb-gsgg")
    section.hotlink_protected = True
    crawl(portal, db, "hanweb-gsgg")
    statuses = {r["status"] for r in rows(db, "select status from attachments")}
    assert statuses == {"stored"}
    with sqlite3.connect(db) as conn:  # as an earlier release left them: failed once, to be tried again
        conn.execute("update attachments set status = 'failed', digest = null, tries = 1")
    _, _, requests = crawl(portal, db, "hanweb-gsgg")
    assert document_requests(portal, "hanweb-gsgg", requests) == set()  # the files alone, each from its page
    assert {r["status"] for r in rows(db, "select status from attachments")} == {"stored"}
    doc = next(d for d in section.docs if d.state == "live" and d.attachment)
    fetched = tmp_path / "fetched.db"
    assert zwgk("fetch", portal.url + section.detail_path(doc), "--db", fetched).returncode == 0
    assert rows(fetched, "select status from attachments") == [{"status": "stored"}]


class WrapAroundSection(GenericSection):
    """A pager whose 下一页 on the last page leads back to the first."""

    def list_answer(self, method, path, query, form, base):
        answer = super().list_answer(method, path, query, form, base)
        if answer is None:
            return answer
        status, headers, body = answer
        back = '<a href="?page=1">下一页</a>'.encode(self.encoding)
        return status, headers, body.replace("下一页 尾页".encode(self.encoding), back)


def test_a_list_whose_pager_leads_back_ends_its_walk(tmp_path):
    """The walk asked for the same list pages again and again, for ever (8,855 list requests in 40 s, a nightly
    crawl that never ends); it now ends, `looped`, once the pager leads to a page it has asked for."""
    section = WrapAroundSection("wrap", "通知公告", "/tzgg/", make_docs(9700, 25, seed=2))
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        done, summaries, requests = crawl(portal, db, "wrap")
        assert done.returncode == 0 and summaries["wrap"]["status"] == "ok", done.stderr
        assert summaries["wrap"]["new_documents"] == 25
        assert [c["walk"] for c in summaries["wrap"]["coverage"]] == ["looped"]
        assert sum(path.startswith(section.root) and not path.endswith(".html") for _, path in requests) <= 3
