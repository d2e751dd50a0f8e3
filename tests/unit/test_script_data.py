"""A document a page carries as data in a script, read where the page's markup holds no text: plain functions."""

import json

import pytest
from lxml import etree
from realpages import FIELDS, load, same_value, text_f1

from crawler.pipeline import process_page
from crawler.response import Response

PARAGRAPHS = [
    "各乡镇人民政府，县直各单位：为做好春耕生产工作，现将有关事项通知如下，请认真贯彻落实，确保各项措施落到实处。",
    "一、提高认识。各单位要高度重视，切实加强组织领导。",
]
ARTICLE = {
    "title": "关于做好2024年春耕生产工作的通知",
    "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p>附件：<a href='/f/a.pdf'>实施方案.pdf</a></p>",
    "publishTime": 1704420000000,  # milliseconds: 2024-01-05 10:00 in Beijing
    "source": "某某县农业农村局",
    "fwzh": "某农发〔2024〕3号",
    "keywords": "春耕 生产 粮食 安全 " * 20,  # a long field that is no text
}


def read(scripts: str, body: str = "<div id='app'></div>"):
    html = f"<html><head><title>某某县人民政府</title></head><body>{body}{scripts}</body></html>"
    return process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))


@pytest.mark.parametrize(
    "scripts",
    [
        f"<script>window.__INITIAL_STATE__ = {json.dumps({'article': ARTICLE}, ensure_ascii=False)};</script>",
        f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps({'props': {'doc': ARTICLE}})}</script>",
        "<script>window.__STATE__ = JSON.parse('"
        + json.dumps({"article": ARTICLE}).replace("\\", "\\\\").replace("'", "\\'")
        + "');</script>",
    ],
)
def test_a_single_page_apps_state_is_the_document(scripts):
    doc = read(scripts + "<script>var config = {SID: '755001'};</script><script src='/js/app.js'></script>")
    assert doc.method == "script data"
    assert doc.text.split("\n") == [*PARAGRAPHS, "附件：实施方案.pdf"]
    assert (doc.title, doc.published, doc.publisher, doc.doc_number) == (
        "关于做好2024年春耕生产工作的通知",
        "2024-01-05",
        "某某县农业农村局",
        "某农发〔2024〕3号",
    )
    assert [a["name"] for a in doc.attachments] == ["实施方案.pdf"]


def test_a_page_whose_markup_holds_its_text_is_read_from_the_markup():
    """A page carrying its document twice (gkmlpt's window._CONFIG beside its rendered text) is read as before."""
    body = "<div class='TRS_Editor'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    scripts = f"<script>window.__INITIAL_STATE__ = {json.dumps({'article': ARTICLE}, ensure_ascii=False)};</script>"
    assert read(scripts, body).method == "class:TRS_Editor"


def test_a_gkmlpt_page_whose_text_box_is_empty_is_read_from_its_config():
    """盐田区司法局's real gkmlpt page (server HTML) with its rendered text taken out, as a page looks before the
    script fills the box: window._CONFIG.DETAIL gives the text and every field of the page's gold."""
    page = next(page for page in load() if page.id == "gkmlpt-yantian-01")
    root = etree.fromstring(page.raw, etree.HTMLParser(encoding="utf-8"))
    for box in root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]"):
        box.clear()
    doc = process_page(Response(page.url, 200, etree.tostring(root, encoding="utf-8", method="html")))
    assert doc.method == "script data"
    assert text_f1(doc.text, page.gold["text"]) >= 0.99
    assert all(same_value(getattr(doc, name), page.gold[name]) for name in FIELDS)


def test_deep_or_broken_script_data_is_passed_over():
    deep = '{"a":' * 5000 + "1" + "}" * 5000
    assert read(f'<script>var x = {deep}; var y = {{"content": "<p>未完</script>', "<p>短</p>").method == "body"
