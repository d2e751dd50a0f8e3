"""The archivist's Datasette, end to end: a real `zwgk serve` on an archive crawled from the sample portal,
and the pages people see driven in headless Chromium (Debian's, through Playwright)."""

import datetime
import hashlib
import json
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import crawl, edit, fetch_json, get, rows, serve_datasette, zwgk

ARTIFACTS = Path(__file__).parents[1] / "artifacts"
HOSTILE = "/hostile/script.html"
TRS = "/xxgk/trs/202108/t20210809_5001.html"  # a static page whose 文号 the fixture changes, and nothing else
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
SCREEN = {"width": 1400, "height": 900}


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
        fetch_json(portal.url + TRS, db)
        edit(portal, TRS, "青政办发〔2021〕27号</td>", "青政办发〔2021〕28号</td>")
        fetch_json(portal.url + TRS, db)
        with serve_datasette(db) as base:
            yield {
                "portal": portal,
                "db": db,
                "base": base,
                "section": section,
                "edited": edited,
                "withdrawn": withdrawn,
            }


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=SCREEN, accept_downloads=True)
    yield context.new_page()
    context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / name, full_page=False)
    assert (ARTIFACTS / name).stat().st_size > 1000


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
    assert (
        f'<a href="/-/zwgk/history/{edited}?db=archive">{archive["edited"].title}</a>' in table
    )  # titles lead to the history
    assert ">[]<" not in table  # flags as words, not raw JSON
    assert "文件 Documents" in get(f"{archive['base']}/archive")


def test_canned_queries(archive):
    new = query(archive, "new_documents", days=1, site="hanweb-gsgg")
    assert len(new) == len(archive["section"].docs)
    changed = query(archive, "changed_documents", days=1, site="hanweb-gsgg")
    assert [r["title"] for r in changed] == [archive["edited"].title]
    withdrawn = query(archive, "withdrawn_documents", days=1, site="hanweb-gsgg")
    assert [r["title"] for r in withdrawn] == [archive["withdrawn"].title]
    assert {r["site"] for r in query(archive, "damaged_copies", flag="masked")} == {"mirror"}
    (blocked,) = query(archive, "blocked_by_site")
    assert {k: blocked[k] for k in ("site", "reason", "captures")} == {
        "site": "trs-tzgg",
        "reason": "ruishu-412",
        "captures": 2,
    }
    assert blocked["last_seen"].startswith(datetime.date.today().isoformat()[:4])
    # opened as a link gives it, with no days: the last 7 days, not "0 results"
    assert query(archive, "changed_documents", days="", site="hanweb-gsgg") == changed
    sizes = [r["size"] for r in query(archive, "largest_attachments")]
    assert sizes and sizes == sorted(sizes, reverse=True)


def test_search_on_the_crawled_archive(archive):
    title = archive["edited"].title
    found = json.loads(
        get(f"{archive['base']}/archive/documents.json?_shape=array&_search=" + urllib.parse.quote(title[-8:]))
    )
    assert title in {r["title"] for r in found}


def test_stored_page_is_served_under_a_csp_that_forbids_scripts(archive):
    capture = rows(archive["db"], "select id from captures where url like ?", f"%{HOSTILE}")[0]["id"]
    import urllib.request

    with urllib.request.urlopen(f"{archive['base']}/-/zwgk/capture/{capture}/raw") as answer:
        csp = answer.headers["Content-Security-Policy"]
        body = answer.read().decode()
    assert "sandbox" in csp and "default-src 'none'" in csp and "script-src" not in csp
    assert "SCRIPT RAN" in body  # the stored bytes are shown as archived, script text included


@needs_chromium
def test_stored_page_scripts_never_run_in_chromium(archive, page):
    portal, capture = (
        archive["portal"],
        rows(archive["db"], "select id from captures where url like ?", f"%{HOSTILE}")[0]["id"],
    )
    beacons = lambda: [path for _, path in portal.requests if path.startswith("/beacon/")]  # noqa: E731
    archived = beacons()  # `zwgk fetch` keeps the images a text shows (its pixel among them), as files of its own
    assert archived == ["/beacon/pixel.png"]
    wrapper = f"{archive['base']}/-/zwgk/capture/{capture}"
    page.goto(wrapper + "/raw", wait_until="networkidle")
    raw_dom = page.content()
    assert "根据有关规定" in raw_dom  # the last script would have replaced the text with "SCRIPT RAN"
    assert 'data-onload="ran"' not in raw_dom and "<title>EXECUTED</title>" not in raw_dom
    page.goto(wrapper, wait_until="networkidle")
    screenshot(page, "stored_page_sandboxed.png")
    assert beacons() == archived, "a stored page loaded a remote resource or ran a script"
    # The control: the same page straight from the portal does run its scripts and loads its resources.
    page.goto(portal.url + HOSTILE, wait_until="networkidle")
    live_dom = page.content()
    assert 'data-onload="ran"' in live_dom and "根据有关规定" not in live_dom and len(beacons()) > len(archived)


@needs_chromium
def test_history_page_renders_in_chromium(archive, page):
    page.goto(f"{archive['base']}/-/zwgk/history/{document_id(archive, archive['edited'])}")
    assert page.locator("ins").count() and page.get_by_text("v1 → v2").count()
    screenshot(page, "history.png")


@needs_chromium
def test_reading_list_shows_readable_titles_in_the_first_screen(archive, page):
    page.goto(archive["base"] + "/archive")
    page.get_by_role("link", name="阅读与检索文件 Read and search the documents →").click()
    titles = page.locator("table.zwgk-reading td.title > a")
    assert titles.count() >= len(archive["section"].docs)
    first = titles.first.bounding_box()
    assert first["y"] + first["height"] < SCREEN["height"], "the first document is below the first screen"
    assert first["width"] > 200 and first["height"] < 60, f"the title is squeezed: {first}"
    headings = page.locator("table.zwgk-reading th").all_inner_texts()
    assert headings[:4] == ["标题 title", "发布机构 publisher", "文号 document number", "发布日期 published"]
    screenshot(page, "documents.png")
    page.goto(archive["base"] + "/archive/documents")  # Datasette's own table: its twenty descriptions folded
    folded = page.locator("details:not([open]) > dl.column-descriptions")
    assert folded.count() == 1 and not folded.is_visible()


def test_reading_list_filters_by_site_and_date_range_and_pages_through(archive):
    import re

    def titles(**params):
        html = get(f"{archive['base']}/-/zwgk/documents?" + urllib.parse.urlencode(params))
        return re.findall(r'<td class="title"><a href="[^"]+">([^<]+)</a>', html)

    def expected(sql, *args):
        return [r["title"] for r in rows(archive["db"], sql + " order by published desc, id desc", *args)]

    assert titles(site="mirror") == expected("select title from documents where site = 'mirror'")
    day = rows(archive["db"], "select published from documents where site = 'trs-tzgg' order by published limit 1")[0][
        "published"
    ]
    assert titles(since=day, until=day) == expected("select title from documents where published = ?", day)
    everything = expected("select title from documents")
    assert len(everything) > 50  # more than a page: the second page holds the rest, in order
    assert titles() + titles(page=2) == everything
    assert titles(q="植树") and titles(q="植树 NOT 应急") == []  # NOT excludes the only document about 植树
    assert titles(q="植树 OR 饮水安全") == expected(
        "select title from documents where title like '%植树%' or title like '%饮水安全%'"
    )


@needs_chromium
def test_search_for_a_文号_shows_the_document_with_a_snippet(archive, page):
    page.goto(archive["base"] + "/-/zwgk/documents")
    page.get_by_label("检索 Search").fill("青政办发〔2021〕28号")
    page.get_by_role("button", name="检索 Search").click()
    rows_found = page.locator("table.zwgk-reading tbody tr")
    assert rows_found.count() == 1
    assert "青政办发〔2021〕28号" in rows_found.first.inner_text()
    assert "".join(rows_found.first.locator(".snippet mark").all_inner_texts()).startswith("青政办发")
    screenshot(page, "search.png")


@needs_chromium
def test_document_page_in_chromium_with_metadata_text_and_attachment(archive, page, tmp_path):
    doc = next(d for d in archive["section"].docs if d.attachment and d.state == "live")
    page.goto(f"{archive['base']}/-/zwgk/documents")
    page.get_by_role("link", name=doc.title).click()
    assert page.get_by_text(doc.paragraphs[1]).count() == 1
    assert page.locator("dl.zwgk-metadata").inner_text().count("\n") >= 4  # status, site, 发布机构, 发布日期 …
    with page.expect_download() as download:
        page.get_by_role("link", name=doc.attachment).click()
    saved = tmp_path / "attachment"
    download.value.save_as(saved)
    digest = rows(archive["db"], "select digest from attachments where name like ?", f"%{doc.attachment}%")[0]["digest"]
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == digest
    screenshot(page, "document.png")


@needs_chromium
def test_a_metadata_only_change_shows_as_such(archive, page):
    document = rows(archive["db"], "select id from documents where url = ?", archive["portal"].url + TRS)[0]["id"]
    page.goto(f"{archive['base']}/-/zwgk/history/{document}")
    change = page.locator("table.zwgk-diff")
    assert change.locator("tr.zwgk-field").all_inner_texts() == [
        "~\t文号 document number: 青政办发〔2021〕27号 → 青政办发〔2021〕28号"
    ]
    assert change.locator("tr.insert, tr.delete").count() == 0  # the text itself did not change
    screenshot(page, "metadata_change.png")


@needs_chromium
def test_a_link_clicked_inside_a_stored_page_leads_to_the_portal_not_into_datasette(archive, page):
    portal = archive["portal"]
    capture = rows(
        archive["db"], "select id from captures where url = ? and snapshot_digest is not null", portal.url + TRS
    )[0]["id"]
    page.goto(f"{archive['base']}/-/zwgk/capture/{capture}", wait_until="networkidle")
    stored = page.frame_locator("#stored-page")
    link = stored.locator("a[href^='/']").first
    target = link.get_attribute("href")
    link.click()
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_url(f"{portal.url}**")
    assert frame.url == portal.url + target and not frame.url.startswith(archive["base"])


def test_stored_page_links_lead_to_the_portal_and_its_meta_says_utf8(archive):
    """A GB2312 page sent as UTF-8 says so, and its relative links resolve against the original URL."""
    section = archive["portal"].section("trs-tzgg")
    capture = rows(
        archive["db"],
        "select c.id, c.url from captures c where c.url like ? and c.outcome = 'new_version' and c.encoding = ?",
        f"%{section.root}%",
        "gb18030",
    )[0]
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
    import re
    import urllib.request

    doc = next(d for d in archive["section"].docs if d.attachment and d.state == "live")
    html = get(f"{archive['base']}/-/zwgk/history/{document_id(archive, doc)}")
    assert doc.paragraphs[1] in html  # the current text, readable
    link = re.search(r'href="(/-/zwgk/attachment/\d+)\?db=archive">([^<]+)</a>', html)
    assert link and doc.attachment in link.group(2)
    with urllib.request.urlopen(archive["base"] + link.group(1)) as answer:
        body, digest = answer.read(), answer.headers["X-Content-Digest"]
    (stored,) = rows(archive["db"], "select digest from attachments where id = ?", int(link.group(1).rsplit("/", 1)[1]))
    assert digest == f"sha256={stored['digest']}" == f"sha256={hashlib.sha256(body).hexdigest()}"


def test_the_plugin_pages_obey_datasette_permissions(archive):
    """An archive closed to anonymous readers (metadata `allow`) keeps its documents, history, stored pages,
    attachments and feed closed on the plugin's pages too, as on Datasette's own."""
    import asyncio
    import concurrent.futures

    from datasette.app import Datasette

    async def statuses(metadata):
        datasette = Datasette([str(archive["db"])], metadata=metadata)
        paths = [
            "/-/zwgk/history/1",
            "/-/zwgk/capture/1",
            "/-/zwgk/capture/1/raw",
            "/-/zwgk/feed.atom",
            "/archive/documents",
        ]
        answers = {path: (await datasette.client.get(path)).status_code for path in paths}
        listing = (await datasette.client.get("/-/zwgk/documents")).text
        return answers, listing

    def run(coroutine):  # in a thread of its own: Playwright's fixture keeps an event loop running in this one
        with concurrent.futures.ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, coroutine).result()

    closed, listing = run(statuses({"databases": {"archive": {"allow": {"id": "root"}}}}))
    assert set(closed.values()) == {403}, closed
    assert "No documents match" in listing  # the reading list leaves out the archives one may not read
    opened, listing = run(statuses({}))
    assert set(opened.values()) == {200}, opened
    assert "No documents match" not in listing


def test_a_file_capture_is_offered_as_the_file_not_rendered_as_a_page(portal, tmp_path):
    """A listed PDF (or one fetched by hand) is a document whose capture is the file: the capture page links it to
    save, and its raw view serves the stored bytes under their own type, as a download, never as a page."""
    db = tmp_path / "files.db"
    url = portal.url + "/files/report.pdf"
    assert zwgk("fetch", url, "--db", db).returncode == 0
    (capture,) = rows(db, "select id from captures")
    served = (portal.site / "files" / "report.pdf").read_bytes()
    with serve_datasette(db) as base:
        page = get(f"{base}/-/zwgk/capture/{capture['id']}")
        with urllib.request.urlopen(f"{base}/-/zwgk/capture/{capture['id']}/raw") as answer:
            kind, disposition, body = (
                answer.headers["Content-Type"],
                answer.headers["Content-Disposition"],
                answer.read(),
            )
    assert 'id="stored-file"' in page and "<iframe" not in page
    assert (kind, body) == ("application/pdf", served) and disposition.startswith("attachment;")
