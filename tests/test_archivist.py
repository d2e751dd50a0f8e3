"""The archivist's Datasette, end to end: a real `zwgk serve` on an archive crawled from the sample portal,
and stored pages checked in headless Chromium."""
import datetime
import json
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from conftest import crawl, fetch_json, get, rows, serve_datasette

ARTIFACTS = Path(__file__).parent / "artifacts"
HOSTILE = "/hostile/script.html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Two nights of the sample portal: one notice edited, one withdrawn; plus a fetched page full of scripts."""
    from zwgk.portal import SamplePortal, copy_site

    tmp = tmp_path_factory.mktemp("archivist")
    with SamplePortal(copy_site(tmp / "portal")) as portal:
        db = tmp / "archive.db"
        crawl(portal, db, "hanweb-gsgg", "mirror", "trs-tzgg")
        section = portal.section("hanweb-gsgg")
        edited = section.edit(section.docs[2].id, datetime.date.today())
        withdrawn = section.withdraw(section.docs[5].id, "404")
        crawl(portal, db, "hanweb-gsgg", "mirror", "trs-tzgg")
        fetch_json(portal.url + HOSTILE, db)
        with serve_datasette(db) as base:
            yield {"portal": portal, "db": db, "base": base, "section": section, "edited": edited, "withdrawn": withdrawn}


def document_id(archive, doc):
    url = archive["portal"].url + archive["section"].detail_path(doc)
    return rows(archive["db"], "select id from documents where url = ?", url)[0]["id"]


def query(archive, name, **params):
    return json.loads(get(f"{archive['base']}/archive/{name}.json?_shape=array&" + urllib.parse.urlencode(params)))


def test_history_page_shows_versions_and_the_diff(archive):
    html = get(f"{archive['base']}/-/zwgk/history/{document_id(archive, archive['edited'])}")
    assert "v1 → v2" in html and "(current 当前)" in html
    revision = archive["edited"].paragraphs[-3]
    assert f"<ins>{revision}</ins>" in html  # the added paragraph, marked as inserted
    assert archive["edited"].title in html
    # republished with today's date: the metadata change is a row of its own
    assert "发布日期 published: <del>" in html and f"<ins>{datetime.date.today().isoformat()}</ins>" in html


def test_documents_table_links_to_history_and_facets_by_year_and_flags(archive):
    data = json.loads(get(f"{archive['base']}/archive/documents.json?_facet=year&_facet_array=flags"))
    facets = data["facet_results"]
    assert {"site", "status", "year", "publisher"} <= set(facets)
    assert {v["value"] for v in facets["status"]["results"]} == {"live", "withdrawn"}
    table = get(f"{archive['base']}/archive/documents")
    assert "history 历史" in table
    edited = document_id(archive, archive["edited"])
    assert f'<a href="/-/zwgk/history/{edited}">{archive["edited"].title}</a>' in table  # titles lead to the history
    assert ">[]<" not in table  # flags as words, not raw JSON
    assert "文件 Documents" in get(f"{archive['base']}/archive")


def test_canned_queries(archive):
    new = query(archive, "new_documents", days=1, site="hanweb-gsgg")
    assert len(new) == len(archive["section"].docs)
    changed = query(archive, "changed_documents", days=1, site="")
    assert [r["title"] for r in changed] == [archive["edited"].title]
    withdrawn = query(archive, "withdrawn_documents", days=1, site="hanweb-gsgg")
    assert [r["title"] for r in withdrawn] == [archive["withdrawn"].title]
    assert {r["site"] for r in query(archive, "damaged_copies", flag="masked")} == {"mirror"}
    blocked, = query(archive, "blocked_by_site")
    assert {k: blocked[k] for k in ("site", "reason", "captures")} == {"site": "trs-tzgg", "reason": "ruishu-412", "captures": 2}
    assert blocked["last_seen"].startswith(datetime.date.today().isoformat()[:4])
    # opened as a link gives it, with no days: the last 7 days, not "0 results"
    assert query(archive, "changed_documents", days="", site="") == changed
    sizes = [r["size"] for r in query(archive, "largest_attachments")]
    assert sizes and sizes == sorted(sizes, reverse=True)


def test_search_on_the_crawled_archive(archive):
    title = archive["edited"].title
    found = json.loads(get(f"{archive['base']}/archive/documents.json?_shape=array&_search=" + urllib.parse.quote(title[-8:])))
    assert title in {r["title"] for r in found}


def test_stored_page_is_served_under_a_csp_that_forbids_scripts(archive):
    capture = rows(archive["db"], "select id from captures where url like ?", f"%{HOSTILE}")[0]["id"]
    import urllib.request

    with urllib.request.urlopen(f"{archive['base']}/-/zwgk/capture/{capture}/raw") as answer:
        csp = answer.headers["Content-Security-Policy"]
        body = answer.read().decode()
    assert "sandbox" in csp and "default-src 'none'" in csp and "script-src" not in csp
    assert "SCRIPT RAN" in body  # the stored bytes are shown as archived, script text included


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_stored_page_scripts_never_run_in_chromium(archive):
    portal, capture = archive["portal"], rows(archive["db"], "select id from captures where url like ?", f"%{HOSTILE}")[0]["id"]
    beacons = lambda: [path for _, path in portal.requests if path.startswith("/beacon/")]  # noqa: E731
    assert beacons() == []
    ARTIFACTS.mkdir(exist_ok=True)
    wrapper = f"{archive['base']}/-/zwgk/capture/{capture}"
    raw_dom = _chromium("--dump-dom", wrapper + "/raw")
    _chromium(f"--screenshot={ARTIFACTS / 'stored_page_sandboxed.png'}", "--window-size=1280,900", wrapper)
    assert "根据有关规定" in raw_dom  # the last script would have replaced the text with "SCRIPT RAN"
    assert 'data-onload="ran"' not in raw_dom and "<title>EXECUTED</title>" not in raw_dom
    assert beacons() == [], "a stored page loaded a remote resource or ran a script"
    assert (ARTIFACTS / "stored_page_sandboxed.png").stat().st_size > 1000
    # The control: the same page straight from the portal does run its scripts and loads its resources.
    live_dom = _chromium("--dump-dom", portal.url + HOSTILE)
    assert 'data-onload="ran"' in live_dom and "根据有关规定" not in live_dom and beacons()


def _chromium(*args) -> str:
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           "--virtual-time-budget=3000", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_history_page_renders_in_chromium(archive):
    ARTIFACTS.mkdir(exist_ok=True)
    page = f"{archive['base']}/-/zwgk/history/{document_id(archive, archive['edited'])}"
    dom = _chromium("--dump-dom", page)
    assert "<ins>" in dom and "v1 → v2" in dom
    _chromium(f"--screenshot={ARTIFACTS / 'history.png'}", "--window-size=1280,1400", page)
    assert (ARTIFACTS / "history.png").stat().st_size > 1000


def test_stored_page_links_lead_to_the_portal_and_its_meta_says_utf8(archive):
    """A GB2312 page sent as UTF-8 says so, and its relative links resolve against the original URL."""
    section = archive["portal"].section("trs-tzgg")
    capture = rows(archive["db"], "select c.id, c.url from captures c where c.url like ? and c.snapshot_digest is not null",
                   f"%{section.root}%")[0]
    body = get(f"{archive['base']}/-/zwgk/capture/{capture['id']}/raw")
    assert f'<base href="{capture["url"]}">' in body
    assert "charset=gb2312" not in body.lower() and "charset=utf-8" in body.lower()


def test_atom_feed_of_new_changed_and_withdrawn_documents(archive):
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(get(f"{archive['base']}/-/zwgk/feed.atom?site=hanweb-gsgg"))
    titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    assert f"[已修改 changed] {archive['edited'].title}" in titles
    assert f"[已撤下 withdrawn] {archive['withdrawn'].title}" in titles
    assert sum(t.startswith("[新发布 new]") for t in titles) == len(archive["section"].docs)
    links = [entry.find(f"{atom}link").get("href") for entry in feed.iter(f"{atom}entry")]
    assert all("/-/zwgk/history/" in link for link in links)
    assert get(links[0])  # each entry leads to the document's history


def test_home_page_leaves_out_the_compressed_blobs(archive):
    home = get(f"{archive['base']}/archive")
    assert "documents" in home and "/archive/snapshots" not in home


def test_document_page_shows_its_text_and_serves_its_attachments_as_archived(archive):
    import hashlib
    import re
    import urllib.request

    doc = next(d for d in archive["section"].docs if d.attachment and d.state == "live")
    html = get(f"{archive['base']}/-/zwgk/history/{document_id(archive, doc)}")
    assert doc.paragraphs[1] in html  # the current text, readable
    link = re.search(r'href="(/-/zwgk/attachment/\d+)">([^<]+)</a>', html)
    assert link and doc.attachment in link.group(2)
    with urllib.request.urlopen(archive["base"] + link.group(1)) as answer:
        body, digest = answer.read(), answer.headers["X-Content-Digest"]
    stored, = rows(archive["db"], "select digest from attachments where id = ?", int(link.group(1).rsplit("/", 1)[1]))
    assert digest == f"sha256={stored['digest']}" == f"sha256={hashlib.sha256(body).hexdigest()}"
