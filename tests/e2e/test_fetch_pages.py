"""`zwgk fetch URL --json` on four portal template styles in four encoding situations."""

import json

import pytest
from conftest import FIXTURES, fetch_json

PAGES = sorted((FIXTURES / "pages").glob("*.json"))
FURNITURE = [
    "浏览次数",
    "点击数",
    "打印本页",
    "关闭窗口",
    "添加收藏",
    "字体",
    "字号",
    "您现在的位置",
    "当前位置",
    "您的位置",
    "分享到",
    "扫一扫",
    "上一篇",
    "下一篇",
    "主办单位",
    "网站标识码",
    "ICP备",
    "公网安备",
    "版权所有",
    "今天是",
    "阅读",
]
CONTRACT_KEYS = {
    "url",
    "final_url",
    "status",
    "encoding",
    "title",
    "publisher",
    "doc_number",
    "index_number",
    "published",
    "text",
    "attachments",
    "flags",
    "content_hash",
    "version",
    "changed",
}


@pytest.fixture(params=PAGES, ids=[p.stem for p in PAGES])
def expected(request):
    return json.loads(request.param.read_text("utf-8"))


def test_fetch_json_matches_expected_page(portal, db, expected):
    done, out = fetch_json(portal.url + expected["path"], db)
    assert done.returncode == 0, done.stderr
    assert CONTRACT_KEYS <= set(out)
    assert out["status"] == 200 and out["url"] == out["final_url"] == portal.url + expected["path"]
    assert out["encoding"] == expected["encoding"]
    assert out["text"] == "\n".join(expected["text"])
    for key in ("title", "publisher", "doc_number", "index_number", "published"):
        assert out[key] == expected[key], key
    assert [(a["url"], a["name"]) for a in out["attachments"]] == [
        (portal.url + a["path"], a["name"]) for a in expected["attachments"]
    ]
    assert out["flags"] == [] and out["version"] == 1 and out["changed"] is True


def test_no_furniture_survives(portal, db, expected):
    _, out = fetch_json(portal.url + expected["path"], db)
    # body sentences in the fixtures that mention 打印, 点击率 and 阅读 must stay
    body_mentions = {"阅读": "阅读本意见有疑问的"}
    for word in FURNITURE:
        for line in out["text"].splitlines():
            if word in line:
                assert body_mentions.get(word, "\0") in line, f"furniture {word!r} left in: {line}"


def test_encoding_source_recorded_on_capture(portal, db, expected):
    import sqlite3

    fetch_json(portal.url + expected["path"], db)
    with sqlite3.connect(db) as conn:
        encoding, source = conn.execute("select encoding, encoding_source from captures").fetchone()
    assert (encoding, source) == (expected["encoding"], expected["encoding_source"])


@pytest.mark.parametrize(
    "refresh, followed",
    [
        ('<meta http-equiv="refresh" content="0;url={target}">', True),  # a stub sending the reader on at once
        ('<meta http-equiv="Refresh" content="2; URL=\'{target}\'">', True),
        ('<meta http-equiv="refresh" content="300">', False),  # the page reloads itself every five minutes
        ('<noscript><meta http-equiv="refresh" content="0;url={target}"></noscript>', False),  # as Scrapy: not there
    ],
)
def test_fetch_follows_a_meta_refresh_as_the_crawl_does(portal, db, refresh, followed):
    """The crawl's Scrapy follows a page's meta refresh (MetaRefreshMiddleware); `zwgk fetch` follows it the same
    way, where it used to archive the stub, an empty page, as the document."""
    section = portal.section("generic-gsgg")
    doc = next(d for d in section.docs if d.state == "live")
    target = portal.url + section.detail_path(doc)
    head = refresh.replace("{target}", target)
    (portal.site / "stub.html").write_text(
        f"<html><head><meta charset='utf-8'>{head}<title>跳转中</title></head><body>正在跳转……</body></html>", "utf-8"
    )
    done, out = fetch_json(portal.url + "/stub.html", db)
    assert done.returncode == 0, done.stderr
    assert out["url"] == portal.url + "/stub.html"
    assert out["final_url"] == (target if followed else out["url"])
    assert (out["title"] == doc.title) is followed
