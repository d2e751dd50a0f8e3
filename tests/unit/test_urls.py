"""The one form of an address the archive keys by (crawler.urls)."""

import pytest

from crawler.urls import absolute, as_sent


@pytest.mark.parametrize(
    "written, sent",
    [
        (
            "http://www.example.gov.cn/附件/通知 1.pdf",
            "http://www.example.gov.cn/%E9%99%84%E4%BB%B6/%E9%80%9A%E7%9F%A5%201.pdf",
        ),
        (
            "http://www.example.gov.cn/down.jsp?filename=关于.pdf&id=1",
            "http://www.example.gov.cn/down.jsp?filename=%E5%85%B3%E4%BA%8E.pdf&id=1",
        ),
        ("http://www.example.gov.cn/%E9%99%84%E4%BB%B6.pdf", "http://www.example.gov.cn/%E9%99%84%E4%BB%B6.pdf"),
        ("HTTP://WWW.Example.gov.cn/Xxgk/Index.html", "http://www.example.gov.cn/Xxgk/Index.html"),
        ("http://政府.cn/xxgk/", "http://xn--mxtq1m.cn/xxgk/"),
        ("http://www.example.gov.cn:port/a.pdf", "http://www.example.gov.cn:port/a.pdf"),  # no request can be made
    ],
)
def test_an_address_as_a_request_sends_it(written, sent):
    assert as_sent(written) == sent
    assert as_sent(sent) == sent


def test_a_link_is_resolved_on_its_page_then_escaped():
    page = "http://www.example.gov.cn/xxgk/tzgg/202401/t20240105_1.html"
    assert absolute(page, "./附件 1.pdf") == "http://www.example.gov.cn/xxgk/tzgg/202401/%E9%99%84%E4%BB%B6%201.pdf"


def test_a_query_is_sent_in_its_page_s_encoding_and_the_path_as_utf8():
    """As browsers send it: a GBK page's down.asp?name=附件.pdf asks the server for GBK bytes; what that encoding
    cannot write goes as UTF-8."""
    page = "http://www.example.gov.cn/xxgk/附件/t1.html"
    assert absolute(page, "down.asp?name=附件.pdf", "gb18030") == (
        "http://www.example.gov.cn/xxgk/%E9%99%84%E4%BB%B6/down.asp?name=%B8%BD%BC%FE.pdf"
    )
    assert as_sent("http://www.example.gov.cn/d?name=附件.pdf", "windows-1252") == as_sent(
        "http://www.example.gov.cn/d?name=附件.pdf"
    )
