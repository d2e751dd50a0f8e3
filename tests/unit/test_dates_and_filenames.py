"""Dates as pages write them, and attachment names as servers send them."""

import pytest

from crawler.dates import find_date, is_date_line
from crawler.filenames import filename_from_disposition, safe_filename


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("发布日期：2024-03-01", "2024-03-01"),
        ("2024年3月1日", "2024-03-01"),
        ("2024 年 12 月 9 日", "2024-12-09"),
        ("2019/7/5 10:00", "2019-07-05"),
        ("二〇二四年三月十一日", "2024-03-11"),
        ("２０２４－０３－０５", "2024-03-05"),  # typed full-width
        ("2024／3／5", "2024-03-05"),
        ("二○一九年十二月二十日", "2019-12-20"),
        ("2024年13月1日", None),  # no such month
        ("1900年1月1日", None),  # before any document the archive keeps
        ("第2024号", None),
    ],
)
def test_dates_in_arabic_and_chinese_numerals(text, iso):
    assert find_date(text) == iso


def test_a_date_line_is_a_date_and_nothing_else():
    assert is_date_line("2024年3月1日")
    assert is_date_line("二〇二四年三月一日")
    assert not is_date_line("2024年3月1日起施行")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("attachment; filename*=UTF-8''%E9%99%84%E4%BB%B6.pdf", "附件.pdf"),
        ('attachment; filename="%E9%99%84%E4%BB%B6.doc"', "附件.doc"),
        ("attachment; filename=" + "附件一.xls".encode("gbk").decode("latin-1"), "附件一.xls"),  # raw GBK bytes
        ('attachment; filename="../../etc/passwd"', "passwd"),
        ('attachment; filename="C:\\\\报告\\\\.hidden.pdf"', "hidden.pdf"),
        ("inline", None),
        (None, None),
    ],
)
def test_attachment_names_are_decoded_and_never_paths(header, name):
    assert filename_from_disposition(header) == name


def test_a_name_without_anything_safe_left_is_none():
    assert safe_filename("..") is None
    assert safe_filename("a\x00b\x1f.pdf") == "ab.pdf"
