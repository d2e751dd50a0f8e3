"""Choosing the codec from bytes when declarations lie."""

import codecs

import pytest

from crawler.decode import decode_bytes, normalise_codec

TEXT = "关于朱镕基、王喆、陈堃同志任职的通知：政务公开工作要点"


def page(charset_meta: str | None = None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">' if charset_meta else ""
    return f"<html><head>{meta}<title>通知</title></head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize(
    "codec, header, meta, expected, source",
    [
        ("gb18030", None, "gb2312", "gb18030", "meta"),  # gb2312 declared, characters outside it
        ("gb18030", "text/html; charset=utf-8", "gbk", "gb18030", "meta"),  # header lies
        ("utf-8", "text/html; charset=utf-8", "gb2312", "utf-8", "http-header"),  # meta lies
        ("utf-8", None, "gb2312", "utf-8", "detected"),  # meta lies, no header
        ("gb18030", None, None, "gb18030", "detected"),  # nothing declared
        ("utf-8", None, None, "utf-8", "detected"),
        ("gb18030", "text/html; charset=iso-8859-1", None, "gb18030", "detected"),  # Latin-1 header on GBK
    ],
)
def test_declared_charsets_that_lie(codec, header, meta, expected, source):
    decoded = decode_bytes(page(meta).encode(codec), header)
    assert TEXT in decoded.text
    assert (decoded.encoding, decoded.source) == (expected, source)


KOREAN = "연변조선족자치주 인민정부 공고: 정부정보공개 사업을 강화하는 데 관한 통지입니다. 집행하십시오. " * 3
BIG5 = "關於進一步推進政務公開工作的通知：各縣市人民政府，請認真貫徹執行，確保各項措施落到實處。" * 3


@pytest.mark.parametrize(
    "text, codec, family",  # family: the codec and the supersets a detector may name for it
    [(BIG5, "big5hkscs", {"big5hkscs"}), (KOREAN, "euc-kr", {"euc-kr", "cp949"})],
)
@pytest.mark.parametrize("declared", [False, True])
def test_another_cjk_codec_is_not_read_as_gb18030(text, codec, family, declared):
    """GB18030 is tried before the detector, and must give way where the bytes are Big5 or EUC-KR; a Korean
    page read with the codec it declares is Korean text, not implausible Chinese."""
    meta = f'<meta charset="{codec}">' if declared else ""
    body = f"<html><head>{meta}<title>x</title></head><body><p>{text}</p></body></html>".encode(codec)
    decoded = decode_bytes(body)
    assert decoded.encoding in family and decoded.source == ("meta" if declared else "detected")
    assert text in decoded.text


def test_bom_wins():
    decoded = decode_bytes(codecs.BOM_UTF8 + page("gb2312").encode("utf-8"), "text/html; charset=gbk")
    assert (decoded.encoding, decoded.source) == ("utf-8", "bom")
    assert decoded.text.startswith("<html>")


def test_gb2312_and_gbk_mean_gb18030():
    assert normalise_codec("GB2312") == normalise_codec("gbk") == normalise_codec("x-gbk") == "gb18030"
    assert normalise_codec("no-such-codec") is None


def test_undecodable_bytes_fall_back_without_crashing():
    decoded = decode_bytes(b"<p>" + "政务公开".encode("gb18030") + b"\xff\xff\xfe</p>", None)
    assert "政务公开" in decoded.text and decoded.source == "fallback"
