"""The text path's shortcuts give what the plain definitions give: counts in one pass, hidden elements found
by their attributes, words matched from their first character, letters counted by removing the rest, texts
compared a chunk at a time, NFKC after full-width forms are mapped."""

import random
import re
import unicodedata

from crawler import clean, integrity
from crawler.chars import TEXT_LETTER_RE, letter_count
from crawler.document import _nfkc
from crawler.extract import _hidden, _link_letters, _text_counts, hidden_elements, parse, text_of

PAGE = """<html><body style="DISPLAY: block"><div id="a">政务<!-- 注释里的字不算 -->公开<a href="#">链接文字
<a href="#">嵌套</a>尾</a>之后的字<p style="Display : NONE">隐藏的</p>
<table><tr><td>单元格<span style="visibility:hidden">看不见</span></td></tr></table></div>
<font>字体里<a>链</a></font><?pi 处理指令?>最后<div class="fxsummary hide">重复的摘要</div><p hidden>也藏</p>
<script>document.write('脚本')</script></body></html>"""


def test_text_counts_in_one_pass_count_what_a_reader_sees():
    root = parse(PAGE)
    hidden = set(hidden_elements(root))
    counts = _text_counts(root, hidden)
    for el in root.iter():
        if isinstance(el.tag, str) and not hidden & {el, *el.iterancestors()} and el.tag != "script":
            seen = text_of(el)
            for gone in [*hidden, *root.iter("script")]:
                seen = seen.replace(text_of(gone), "", 1) if el in gone.iterancestors() else seen
            assert counts[el][:3] == (len(TEXT_LETTER_RE.findall(seen)), len(seen), _link_letters(el)), el.tag
    assert counts[root.find("body")][0] == len("政务公开链接文字嵌套尾之后的字单元格字体里链最后")  # no file links here


def test_a_files_link_counts_half_its_letters_as_link_letters_so_density_counts_it_neither_way():
    links = "<a href='./附件.pdf'>通知全文下载</a><a href='/list.html'>返回列表</a>"
    root = parse(f"<html><body><div>{links}正文</div></body></html>")
    letters, length, link_letters, _ = _text_counts(root, set())[root.find(".//div")]
    assert (letters, length, link_letters) == (12, 12, 6 // 2 + 4)
    assert _link_letters(root.find(".//div")) == 10  # a named container's share of links counts a file's link whole


def test_hidden_elements_are_those_a_style_a_hiding_class_or_the_hidden_attribute_hides_in_document_order():
    root = parse(PAGE)
    assert hidden_elements(root) == [el for el in root.iter() if isinstance(el.tag, str) and _hidden(el)]
    assert [el.tag for el in hidden_elements(root)] == ["p", "span", "div", "p"]


def test_words_behind_a_look_ahead_and_dispatched_on_their_first_character_match_what_the_words_alone_match():
    words = ["点击数", "点击", "浏览", "阅读次数", "阅读", "(打印)", "English", "次"]
    dispatched = re.compile(clean._alt(words))
    plain = re.compile("|".join(clean.in_either_script(w) for w in sorted(words, key=len, reverse=True)))
    lines = [
        "本文點擊數：12",
        "点击 浏览 3 次",
        "(打印)",
        "english",
        "無關的一行",
        "閱讀次數",
        "[English]",
        "阅读阅读次",
    ]
    for line in lines:
        assert [m.span() for m in dispatched.finditer(line)] == [m.span() for m in plain.finditer(line)], line
    spaced = re.compile(clean._alt(["索引号", "索取号"], spaced=True))
    assert spaced.search("【索 引 號】").group() == "索 引 號"


def test_letters_counted_by_removing_the_rest_are_the_letters_listed_one_by_one():
    pool = "政務公开 abc123，。ཀཁ ئۇيغۇر ᠮᠣᠩᠭᠣᠯ 한국어 Кириллица ①Ⅻ\ufffd\u3000\n\t"
    draw = random.Random(20261205)
    for _ in range(200):
        text = "".join(draw.choice(pool) for _ in range(draw.randrange(0, 40)))
        assert letter_count(text) == len(TEXT_LETTER_RE.findall(text)), text


def test_texts_compared_a_chunk_at_a_time_count_every_difference():
    text = "国" * 300 + "發" + "务" * 600 + "體"
    other = "国" * 300 + "发" + "务" * 600 + "体"
    assert integrity._differing(text, other, chunk=7) == 2
    assert integrity._differing(text, other) == sum(map(str.__ne__, text, other)) == 2
    assert integrity._differing(text, other[:-1]) == 1  # up to the shorter's end, as zip compares


def test_nfkc_after_full_width_forms_are_mapped_is_nfkc():
    ranges = [(0x20, 0x17F), (0x300, 0x370), (0x1100, 0x1120), (0x2150, 0x2190), (0x2460, 0x24FF), (0x3000, 0x3100)]
    ranges += [(0x3200, 0x3400), (0x4E00, 0x4E40), (0xAC00, 0xAC20), (0xF900, 0xF920), (0xFF00, 0xFFF0)]
    pool = [chr(code) for start, end in ranges for code in range(start, end)]
    draw = random.Random(20261203)
    for _ in range(20_000):
        text = "".join(draw.choice(pool) for _ in range(draw.randint(1, 12)))
        assert _nfkc(text) == unicodedata.normalize("NFKC", text), text
