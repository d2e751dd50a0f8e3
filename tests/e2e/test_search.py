"""Chinese search in a real Datasette started by `zwgk serve`, and from plain sqlite3."""

import json
import sqlite3
import urllib.parse
import urllib.request

import pytest
from conftest import serve_datasette

from archive import Archive
from archive.search import fts_query
from crawler.document import Document
from crawler.response import Response

DOCS = {
    "http://gov.example/a.html": ("关于做好扶贫资金公开的通知", "各县要公开扶贫资金使用情况。"),
    "http://gov.example/b.html": ("2024年县级预算公开", "一般公共预算支出表见附件。"),
    "http://gov.example/c.html": ("政务公开工作要点", "推进政务公开标准化规范化。"),
    "http://gov.example/d.html": ("關於進一步做好政務公開工作的通知", "各部門要加強預算公開。"),
    "http://gov.example/e.html": ("公开招聘公告", "贫困地区扶持政策另行公布。"),  # 扶 and 贫 apart: must not match 扶贫
}


NUMBERED = (
    "http://gov.example/f.html",
    Document(
        text="各乡镇：现印发。",
        title="关于印发工作要点的通知",
        publisher="青岚县人民政府办公室",
        doc_number="青政办发〔2021〕27号",
        index_number="11140000012345678L/2021-00321",
    ),
)


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "archive.db"
    documents = [(url, Document(text=text, title=title)) for url, (title, text) in DOCS.items()] + [NUMBERED]
    with Archive(path) as archive:
        for url, document in documents:
            response = Response(url=url, status=200, body=document.text.encode(), headers={"Content-Type": "text/html"})
            archive.record_document(response, document)
    return path


@pytest.fixture(scope="module")
def datasette(archive_db):
    with serve_datasette(archive_db) as base:
        yield base


def search(base, query):
    url = f"{base}/archive/documents.json?_shape=array&_search={urllib.parse.quote(query)}"
    return sorted(row["url"].rsplit("/", 1)[1] for row in json.load(urllib.request.urlopen(url)))


@pytest.mark.parametrize(
    "query, found",
    [
        ("扶贫", ["a.html"]),  # two characters, and not e.html where 扶 and 贫 stand apart
        ("预算", ["b.html", "d.html"]),  # simplified query finds the traditional document
        ("預算", ["b.html", "d.html"]),  # and the other way round
        ("政务公开", ["c.html", "d.html"]),
        ("政務公開工作", ["c.html", "d.html"]),
        ("公开 通知", ["a.html", "d.html"]),  # every term required
        ("公开招聘公告", ["e.html"]),
        ("资金使用", ["a.html"]),
        ("不存在的词", []),
        ("青政办发〔2021〕27号", ["f.html"]),  # 文号
        ("11140000012345678L/2021-00321", ["f.html"]),  # 索引号
        ("青岚县人民政府办公室", ["f.html"]),  # 发布机构
        ("扶贫 OR 招聘", ["a.html", "e.html"]),
        ("公开 NOT 通知", ["b.html", "c.html", "e.html"]),
        ('"工作要点"', ["c.html", "f.html"]),
    ],
)
def test_datasette_search_box(datasette, query, found):
    assert search(datasette, query) == found


def test_search_box_shows_the_query_as_typed(datasette):
    html = urllib.request.urlopen(f"{datasette}/archive/documents?_search={urllib.parse.quote('扶贫')}").read().decode()
    assert 'name="_search" value="扶贫"' in html


def test_plain_sqlite3_can_search(archive_db):
    with sqlite3.connect(archive_db) as conn:
        rows = conn.execute(
            "select rowid from documents_fts where documents_fts match ?", [fts_query("扶贫")]
        ).fetchall()
        assert rows == [(1,)]
        assert (
            conn.execute("select count(*) from documents_fts where documents_fts match '\"扶 贫\"'").fetchone()[0] == 1
        )
