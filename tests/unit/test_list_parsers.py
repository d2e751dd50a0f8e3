"""Each portal family's list parser, fed the sample portal's list pages as bytes: no HTTP, no Scrapy."""

import pytest

from crawler.decode import decode_bytes
from spiders import lists
from zwgk.portal.sections import default_sections

BASE = "http://127.0.0.1:9"
# Families whose start page itself lists documents (jcms and gkmlpt list through a further request).
DIRECT = ["trs-tzgg", "trs-zcwj", "hanweb-gsgg", "generic-gsgg", "xxgkml", "trs-pxh"]


def first_page(section):
    status, headers, body = section.answer("GET", section.start_url_path, {}, {}, {}, BASE)
    assert status == 200
    return lists.Page(BASE + section.start_url_path, decode_bytes(body, headers.get("Content-Type")).text)


@pytest.mark.parametrize("key", DIRECT)
def test_the_first_list_page_gives_its_entries_in_order_and_a_next_page(key):
    section = next(s for s in default_sections() if s.key == key)
    page = first_page(section)
    family = lists.detect(page)
    assert family == section.family
    listing = lists.parse(family, page)
    assert [BASE + section.detail_path(d) for d in section.page_docs(0)] == [e.url for e in listing.entries]
    assert all(e.title for e in listing.entries)
    assert (listing.next is not None) == (section.page_count() > 1)


@pytest.mark.parametrize("key", ["jcms-tzgg", "gkmlpt"])
def test_a_column_page_asks_for_its_list(key):
    section = next(s for s in default_sections() if s.key == key)
    listing = lists.parse(lists.detect(first_page(section)), first_page(section))
    assert listing.next is not None and not listing.entries


def test_a_gbk_list_page_s_links_are_kept_with_their_query_as_a_browser_sends_it():
    html = (
        "<html><body><ul><li><a href='show.asp?title=关于开展工作的通知'>关于开展工作的通知</a>"
        "<span>2024-01-05</span></li></ul></body></html>"
    )
    page = lists.Page(BASE + "/tzgg/index.asp", html, encoding="gb18030")
    (entry,) = lists.parse("generic", page).entries
    assert entry.url == BASE + "/tzgg/show.asp?title=" + "%B9%D8%D3%DA%BF%AA%D5%B9%B9%A4%D7%F7%B5%C4%CD%A8%D6%AA"


def test_a_list_s_dates_are_read_in_full_width_digits_too():
    html = "<ul><li><a href='/a/1.html'>关于开展工作的通知</a><span>２０２４－０１－０５</span></li></ul>"
    (entry,) = lists.parse("generic", lists.Page(BASE + "/tzgg/", html)).entries
    assert entry.date == "2024-01-05"


def test_a_trs_paged_list_whose_documents_are_named_otherwise_gives_its_entries():
    """Found on real list pages (证监会's 规章库, 国家卫健委's 政策文件): TRS's pager over documents named …/c3217074/
    content.shtml or …/202508/<hex>.shtml gave no entry at all, so a crawl archived nothing of the column."""
    rows = "".join(
        f"<tr><td>{n}</td><td><a href='/csrc/c106256/c32170{n}/content.shtml'>关于修改证券监管规定的决定{n}</a></td>"
        f"<td>2024-01-0{n}</td></tr>"
        for n in range(1, 4)
    )
    html = f"<table>{rows}</table><script>createPageHTML(5, 0, 'fg', 'shtml');</script>"
    page = lists.Page(BASE + "/csrc/c101953/fg.shtml", html)
    assert lists.detect(page) == "trs"
    listing = lists.parse("trs", page)
    assert [e.date for e in listing.entries] == ["2024-01-01", "2024-01-02", "2024-01-03"]
    assert listing.next.url == BASE + "/csrc/c101953/fg_1.shtml"


def test_a_menu_s_links_to_columns_are_no_entries():
    html = (
        "<ul><li><a href='/xxgk/fgzc/bmyjs/'>部门预决算公开</a></li>"
        "<li><a href='/xxgk/tzgg/index.html'>通知公告栏目</a></li>"
        "<li><a href='/xxgk/fgzc/202412/t20241226_1.html'>中华人民共和国科学技术普及法</a><span>2024-12-25</span></li>"
        "</ul>"
    )
    (entry,) = lists.parse("generic", lists.Page(BASE + "/xxgk/fgzc/", html)).entries
    assert entry.url == BASE + "/xxgk/fgzc/202412/t20241226_1.html"


def test_a_block_of_links_in_one_cell_is_no_entry_and_a_row_with_its_own_list_of_interpretations_is_one():
    sidebar = "".join(
        f"<ul><a href='/gg/2012-07-0{n}/{n}.html' title='嘉鱼县关于某事项的公示{n}'>嘉鱼县关于</a></ul>"
        for n in range(1, 7)
    )
    interpretations = "".join(f"<li><a href='/jd/{n}.html'>关于办法的解读文章{n}</a></li>" for n in range(1, 6))
    html = (
        f"<table><tr><td>{sidebar}</td></tr></table><ul><li><a href='/tz/t20250725_1.html'>固定资产投资项目节能审查办法"
        f"</a><div class='popbox'><ul>{interpretations}</ul></div><span>2025/07/25</span></li></ul>"
    )
    entries = lists.parse("generic", lists.Page(BASE + "/tz/", html)).entries
    assert entries[0].url == BASE + "/tz/t20250725_1.html" and entries[0].date == "2025-07-25"
    assert not [e for e in entries if "/gg/" in e.url]  # the sidebar's links


@pytest.mark.parametrize(
    "link",
    [
        "<span class='t'>关于开展政务公开工作的通知</span><span class='d'>2024-01-05</span>",
        "关于开展政务公开工作的通知<em>[2024-01-05]</em>",
    ],
)
def test_a_date_written_inside_the_link_is_the_entry_s_date_not_part_of_its_title(link):
    """Its title is a hint that the archive keeps over the page's heading: it must not end in the list's date."""
    html = f"<ul><li><a href='/a/t20240105_1.html'>{link}</a></li></ul>"
    (entry,) = lists.parse("generic", lists.Page(BASE + "/a/", html)).entries
    assert (entry.title, entry.date) == ("关于开展政务公开工作的通知", "2024-01-05")
    words = "<ul><li><a href='/a/t20240105_2.html'>关于2024年1月5日会议的通知</a></li></ul>"
    assert lists.parse("generic", lists.Page(BASE + "/a/", words)).entries[0].title == "关于2024年1月5日会议的通知"
