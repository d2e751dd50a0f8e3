"""Page furniture goes; the document's own sentences that mention the same words stay."""

import re

import opencc
import pytest

from crawler import clean, labels
from crawler.clean import clean_lines
from crawler.pipeline import process_page
from crawler.response import Response

BODY = "各乡镇要在政务服务中心设置打印和关闭电源的提示，点击率不作为考核依据，浏览器兼容性问题由技术部门负责。"


@pytest.mark.parametrize(
    "furniture",
    [
        "点击数：1234",
        "浏览次数: 88 次",
        "访问量：5",
        "阅读 99 次",
        "【打印本页】【关闭窗口】【添加收藏】",
        "[打印] [关闭]",
        "字体：[大 中 小]",
        "字号：〖大 中 小〗",
        "您现在的位置：首页 > 政务公开 > 通知公告",
        "当前位置：首页>>信息公开",
        "分享到：微信 微博 QQ空间",
        "扫一扫在手机打开当前页",
        "上一篇：关于某事的通知",
        "下一篇：无",
        "主办单位：某某市人民政府办公室 承办单位：某某市大数据中心",
        "网站标识码：1411000001 晋ICP备05001234号",
        "晋公网安备 14110202000123号",
        "今天是2024年3月1日 星期五",
        "发布时间：2019-08-09 来源：县政府办公室 浏览次数：12 字体：大 中 小",
        "【關閉窗口】【打印本頁】",
        "點擊數：267",
        "- 來源:",
        "联系我们 | 网站地图",
        "[编辑：张珍珍]",
        "返回顶部打印关闭",
        "分享",
        "大",
        "中国证监会 www.csrc.gov.cn",
        "索 引 号：11360000QL0001/2023-0012345",  # labels spaced out, as the info block of a TRS page prints them
        "发 布 日 期：2023-05-06 文 号：某政办发〔2023〕2号",
        "【发 布 机 构】某某市人民政府办公室",
        "文章录入：张三 审核：李四",  # the CMS's entry credits
        "终审：王五",
        "视力保护色：",  # an eye-care colour switch
        "微信 微博 QQ空间",  # a share bar without its prompt
        "首页 > 政务公开 > 通知公告",  # a breadcrumb with nothing before it to say so
        "网站首页>>正文",
        "【打印正文】【关闭页面】",
        "\ue61a",  # an icon font's glyph alone: a button
        "\ue61a \ue61b \ue61c",
        # a record's line under any label the metadata reader knows (labels.INFO_LABELS: one list for both)
        "发文单位：某某县人民政府办公室 公开日期：2024-03-05",
        "答复单位：某某县教育局 答复时间：2024-03-06",
        "（发文字号：某城管规〔2024〕1号 成文日期：2024-09-24）",  # a record in brackets under the heading
        # a record table's rows as rendered, cells a tab apart, labels with no colon
        "索\u2002引\u2002号    \tMB1686999/2023-21597    \t发文日期   \t2023-08-25",
        "发布机构\t  某某省市场监督管理局  \t文\u2002\u2002号\t便函",
    ],
)
def test_furniture_lines_are_removed(furniture):
    assert clean_lines(["关于做好政务公开工作的通知", BODY, furniture, BODY + "二"]) == [
        "关于做好政务公开工作的通知",
        BODY,
        BODY + "二",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        BODY,
        "点击数达到十万次以上的政务新媒体账号要加强管理。",
        "要做好网站分享到微信等功能的安全评估。",
        "上一篇文件已对此作出规定，本文件不再重复。",
        "各单位主办单位要落实主体责任，承办单位要做好技术保障。" * 2,
        "来源于群众的意见建议要及时回应。",
        "咨询电话：0712-1234567",
        "请关注微信公众号“某某发布”获取最新信息。",
        "审核人员应当在五个工作日内完成审核。",
        "录入系统的数据应当真实准确。",
        "首页>政务公开栏目应当设置政策解读专栏，集中发布解读材料。",  # a sentence naming a path, not a breadcrumb
        "（来源：新华网）",  # a credit, one label in brackets: the text's
    ],
)
def test_body_sentences_mentioning_furniture_words_stay(sentence):
    body = [f"{BODY}{n}" for n in range(10)]
    for position in (1, 5, 11):  # near the head, in the middle, near the tail
        lines = ["关于做好政务公开工作的通知", *body]
        lines.insert(position, sentence)
        assert sentence in clean_lines(lines)


def test_a_tables_head_row_or_a_row_of_one_pair_at_the_texts_edge_stays():
    assert clean_lines(["序号\t文件名称\t文号\t发布日期", BODY]) == ["序号 文件名称 文号 发布日期", BODY]
    assert clean_lines([BODY, "时间\t2024年3月1日上午9:00", "地点\t市政府第一会议室"]) == [
        BODY,
        "时间 2024年3月1日上午9:00",
        "地点 市政府第一会议室",
    ]


def test_counter_inside_info_line_goes_but_info_line_text_kept_out_of_body():
    assert clean_lines(["文章来源: 作者:根河市人民政府办公室 发布时间:2019年08月09日 点击数: 字体:", BODY]) == [BODY]


def test_tail_sections_go():
    assert clean_lines([BODY, "相关文章", "关于某事的通知", "关于另一事的通知"]) == [BODY]
    assert clean_lines([BODY, "相关稿件", "关于某事的通知"]) == [BODY]
    assert clean_lines([BODY, "延伸阅读", "某某局召开某某会议"]) == [BODY]
    assert clean_lines([BODY, "最近搜索", "无", "热门搜索", "无"]) == [BODY]
    # a service box after the text: its heading and note (上海市经信委's page); a sentence naming the service stays
    note = "（注：1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称）"
    assert clean_lines([BODY, "附件：某某报告.docx", "政策性文件留言咨询", note]) == [BODY, "附件：某某报告.docx"]
    assert clean_lines([BODY, "如有疑问，可通过门户网站在线咨询。"]) == [BODY, "如有疑问，可通过门户网站在线咨询。"]


@pytest.mark.parametrize(
    "line",
    [
        "བོད་ལྗོངས་རང་སྐྱོང་ལྗོངས་མི་དམངས་སྲིད་གཞུང་།",  # Tibetan
        "شىنجاڭ ئۇيغۇر ئاپتونوم رايونلۇق خەلق ھۆكۈمىتى",  # Uyghur
        "ᠦᠪᠦᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ",  # Mongolian
        "\ue26a\ue2f6\ue2a3 \ue26a\ue2a7\ue2ce\ue2f6\ue31d",  # Mongolian in Menksoft's private-use code points
        "연변조선족자치주 인민정부",  # Korean
        "Республика",  # Cyrillic
        "１２３４５６",
        "ⅠⅡⅢⅣ",
        "★★★",
        "\ufffd\ufffd",  # full-width digits, Roman numerals, symbols, lost characters
    ],
)
def test_lines_in_any_script_stay(line):
    """Furniture goes by what it is, never by the script a line is written in."""
    assert clean_lines(["关于做好双语政务公开工作的通知", line, "各有关单位："]) == [
        "关于做好双语政务公开工作的通知",
        line,
        "各有关单位：",
    ]


EDITIONS = {  # a minority-language edition's notice: its title, then its text (no Han in either)
    "Tibetan": (
        "བོད་རང་སྐྱོང་ལྗོངས་མི་དམངས་སྲིད་གཞུང་གི་བརྡ་ཐོ།",
        "ས་གནས་ཁག་གིས་སོ་ནམ་ཐོན་སྐྱེད་ཀྱི་ལས་ཀ་ཡག་པོ་བྱེད་དགོས་པ་དང་། འབྲུ་རིགས་ཀྱི་བདེ་འཇགས་ལ་འགན་ལེན་བྱེད་དགོས།",
    ),
    "Uyghur": (
        "ئاپتونوم رايونلۇق خەلق ھۆكۈمىتىنىڭ ئۇقتۇرۇشى",
        "ھەرقايسى ۋىلايەت، ئوبلاست، شەھەرلەر ئەستايىدىل ئىجرا قىلسۇن، دېھقانچىلىق ئىشلىرىنى ياخشى ئىشلىسۇن.",
    ),
    "Mongolian": (
        "ᠥᠪᠦᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ",
        "ᠬᠣᠰᠢᠭᠤ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠳ ᠡᠨᠡ ᠠᠵᠢᠯ ᠢ ᠰᠠᠢᠨ ᠬᠢᠬᠦ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃",
    ),
    "Korean": (
        "연변조선족자치주인민정부 통지",
        "각 현, 시 인민정부와 주정부 각 위원회, 판공실, 국에서는 춘경생산사업을 잘하여야 한다.",
    ),
}


@pytest.mark.parametrize("text_box", ["<div class='content'>", "<div class='wz'>"])  # named, or found by density
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_minority_language_edition_is_read_as_a_chinese_page_is(edition, text_box):
    """Blocks are weighed by the letters of any script but Latin, not by Han alone: a page with no Han keeps
    its navigation out of the text, where it took the whole page before."""
    title, paragraph = EDITIONS[edition]
    html = (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<div class='nav'><a href='/'>ཤོག་ངོས་དང་པོ།</a> <a href='/a'>گېزىت</a> <a href='/b'>뉴스</a></div>"
        f"<h1>{title}</h1>{text_box}<p>{paragraph}</p><p>{paragraph}</p></div>"
        "<div class='footer'>版权所有 ICP备12345678号</div></body></html>"
    )
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert doc.title == title
    assert doc.text.split("\n") == [paragraph, paragraph]


def test_c1_characters_are_not_line_breaks():
    from crawler.pipeline import process_text

    text = "ÕþÎñ\x85¹«¿ª\nÕþÎñ\x1c¹«¿ª"
    assert len(process_text(text).text.split("\n")) == 2


def test_furniture_words_match_in_either_script():
    """The patterns hold every word as OpenCC writes it in traditional script (s2t, s2tw), read off the t2s
    table rather than loading the s2t one in every process."""
    converters = [opencc.OpenCC("s2t"), opencc.OpenCC("s2tw")]
    lists = (clean.BUTTONS, labels.COUNTER_LABELS, labels.INFO_LABELS, clean.LINE_STARTS, clean.FOOTER_LINKS)
    for words in lists:
        pattern = re.compile(f"^(?:{clean._alt(words)})$")
        for word in words:
            for converter in converters:
                assert pattern.match(converter.convert(word)), word
