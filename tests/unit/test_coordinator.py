"""The coordinator's reading step: pure, cheap checks first, the same in a worker process as here."""

import os

import pytest

from archive.vocabulary import AttachmentStatus
from coordinator import Reading, TextWorkers, attachment_answer, attachment_failure, read_answer
from crawler.classify import NotADocument
from crawler.response import Response, TooLarge
from zwgk.fetcher import FetchError, ResponseTooLarge
from zwgk.portal.sections.faults import LOGIN, SOFT_404, WAF

PAGE = (
    "<html><head><meta charset='gbk'><title>关于做好政务公开工作的通知</title></head><body><div class='TRS_Editor'>"
    "<p>各乡镇人民政府，县直各单位：为做好政务公开工作，现将有关事项通知如下，请认真贯彻落实，确保各项措施落到实处。</p>"
    "</div></body></html>"
).encode("gbk")


def test_an_empty_or_binary_2xx_answer_is_refused_before_anything_is_decoded():
    with pytest.raises(NotADocument, match="empty response body"):
        read_answer(Response("http://x.gov.cn/a.html", 200, b"  \n"))
    with pytest.raises(NotADocument, match="not an HTML page"):  # a page by its word, not by its bytes
        read_answer(Response("http://x.gov.cn/a.html", 200, bytes(range(256)), {"Content-Type": "text/html"}))


def test_a_file_is_a_document_its_list_describes_and_its_bytes_decide_its_versions():
    url = "http://x.gov.cn/xxgk/202401/%E9%A2%84%E7%AE%97.pdf"
    pdf = {"Content-Type": "application/pdf"}
    listed = {"title": "2024年部门预算公开", "published": "2024-01-05"}
    doc = read_answer(Response(url, 200, b"%PDF-1.4 v1", pdf), listed).doc
    assert (doc.method, doc.title, doc.published, doc.text, doc.flags) == (
        "file",
        listed["title"],
        "2024-01-05",
        "",
        [],
    )
    assert doc.attachments == [{"url": url, "name": listed["title"]}]
    assert read_answer(Response(url, 200, b"%PDF-1.4 v1", pdf), listed).doc.content_hash == doc.content_hash
    assert read_answer(Response(url, 200, b"%PDF-1.4 v2", pdf), listed).doc.content_hash != doc.content_hash
    assert read_answer(Response(url, 200, b"%PDF-1.4 v1", pdf)).doc.title == "预算.pdf"  # unlisted: its file name


def test_a_404_is_read_as_gone_and_a_page_as_a_document():
    assert read_answer(Response("http://x.gov.cn/a.html", 404, b"")).verdict.kind == "gone"
    reading = read_answer(Response("http://x.gov.cn/a.html", 200, PAGE))
    assert isinstance(reading, Reading) and reading.doc.title == "关于做好政务公开工作的通知"


def test_a_worker_process_reads_as_this_process_does():
    with TextWorkers(1) as workers:
        assert workers.submit(os.getpid).result() != os.getpid()  # really another process
        there = workers.submit(read_answer, Response("http://x.gov.cn/a.html", 200, PAGE)).result()
        refused = workers.submit(read_answer, Response("http://x.gov.cn/a.html", 200, b""))
        with pytest.raises(NotADocument):
            refused.result()
    here = read_answer(Response("http://x.gov.cn/a.html", 200, PAGE))
    assert (there.doc.text, there.doc.content_hash, there.doc.flags) == (
        here.doc.text,
        here.doc.content_hash,
        here.doc.flags,
    )


def test_an_attachment_outcome_is_told_by_the_answer_or_the_error_type():
    url = "http://x.gov.cn/f.pdf"
    stored = attachment_answer(
        url, Response(url, 200, b"%PDF-1.4", {"Content-Disposition": "attachment; filename=a.pdf"})
    )
    assert (stored.status, stored.body, stored.filename) == (AttachmentStatus.STORED, b"%PDF-1.4", "a.pdf")
    assert attachment_answer(url, Response(url, 404, b"")).status == AttachmentStatus.FAILED
    # the type decides, not the wording: a capped download is too large whatever its message says
    assert attachment_failure(url, ResponseTooLarge("cut")).status == AttachmentStatus.TOO_LARGE
    assert attachment_failure(url, TooLarge("")).error == "TooLarge"
    failed = attachment_failure(url, FetchError("response larger than 50 MiB, said a proxy"))
    assert failed.status == AttachmentStatus.FAILED


@pytest.mark.parametrize(
    "body, content_type, outcome",
    [
        (SOFT_404.encode(), "text/html", "HTTP 200: a soft-404 page, not the file"),
        (LOGIN.encode(), "text/html;charset=utf-8", "HTTP 200: a login page, not the file"),
        (WAF.encode(), None, "HTTP 200: a waf page, not the file"),
        (PAGE, "text/html", None),  # an attachment that is a page (a notice linked as 附件) is kept
        (b"%PDF-1.7\n" + "对不起，您访问的页面不存在".encode() * 3, None, None),  # no type said: a file is a file
        ("页面不存在".encode() * 300000, "text/html", None),  # past MAX_PAGE_INSTEAD: the file
    ],
)
def test_a_page_in_a_files_place_that_says_it_is_gone_or_barred_is_no_stored_file(body, content_type, outcome):
    url = "http://x.gov.cn/xxgk/202401/P020240105.pdf"
    headers = {"Content-Type": content_type} if content_type else {}
    got = attachment_answer(url, Response(url, 200, body, headers))
    assert (got.status, got.error) == (
        (AttachmentStatus.FAILED, outcome) if outcome else (AttachmentStatus.STORED, None)
    )


def test_a_page_sent_to_the_servers_error_page_is_no_document_and_says_where_it_was_sent():
    url, error_page = "http://x.gov.cn/xxgk/202401/t20240105_1.html", "http://x.gov.cn/error.jsp"
    body = "<html><body><h1>系统繁忙，请稍后再试</h1></body></html>".encode()
    with pytest.raises(NotADocument, match=f"^{url}: redirect-to-error-page {error_page}$"):
        read_answer(Response(url, 200, body, {"Content-Type": "text/html"}, final_url=error_page))


@pytest.mark.parametrize("kind", ["application/octet-stream", "text/htm", "application/x-jsp"])
def test_a_page_served_under_a_wrong_type_is_read_as_a_page(kind):
    reading = read_answer(Response("http://x.gov.cn/content.jsp?id=7", 200, PAGE, {"Content-Type": kind}))
    assert (reading.doc.method, reading.doc.title) == ("class:TRS_Editor", "关于做好政务公开工作的通知")
