"""Metadata from the places a page states it, the most trustworthy winning: plain functions, no HTTP."""

import pytest

from crawler.extract import extract, strip_site_name

TEXT = (
    '<div class="TRS_Editor"><p>各乡镇人民政府，县直各单位：为做好政务公开工作，现将有关事项通知如下，'
    "请认真贯彻落实。</p></div>"
)


def meta(body: str, head: str = "") -> dict:
    """The metadata of a page with `body` above a document's text."""
    return extract(f"<html><head>{head}</head><body>{body}{TEXT}</body></html>", "http://x.gov.cn/a.html").meta.finish()


def test_spaced_labels_in_one_cell_with_several_pairs_in_a_row():
    found = meta(
        "<table><tr><td><b>索  引  号：</b>11360000QL0001/2023-0012345</td>"
        "<td><span>文      号：</span>赣府字〔2023〕5号</td></tr></table>"
    )
    assert found["index_number"] == "11360000QL0001/2023-0012345" and found["doc_number"] == "赣府字〔2023〕5号"


def test_a_row_of_labels_over_a_row_of_their_values():
    found = meta(
        "<table><tr><th>索引号</th><th>发布机构</th><th>分类</th><th>发布日期</th><th>文号</th></tr>"
        "<tr><td>11360000QL0001/2023-0012345</td><td>某某县人民政府办公室</td><td>综合</td><td>2024-03-01</td>"
        "<td>某政办发〔2024〕3号</td></tr></table>"
    )
    assert (found["index_number"], found["publisher"], found["published"], found["doc_number"]) == (
        "11360000QL0001/2023-0012345",
        "某某县人民政府办公室",
        "2024-03-01",
        "某政办发〔2024〕3号",
    )


def test_definition_list_layout_a_label_line_then_its_value():
    found = meta(
        "<dl><dd><label><font>索 引 号：</font></label><div>11360000QL0001/2023-0012345</div></dd>"
        "<dd><label>发布机构：</label><div>江西省人民政府办公厅</div></dd></dl>"
    )
    assert found["index_number"] == "11360000QL0001/2023-0012345" and found["publisher"] == "江西省人民政府办公厅"


@pytest.mark.parametrize(
    "info, publisher",
    [
        ("发布机构：某某市人民政府办公室 来源：某某日报", "某某市人民政府办公室"),  # 发布机构 before 来源
        ("文章来源： 作者：某某区财政局", "某某区财政局"),  # an empty label, then 作者 naming an office
        ("来源：某某市政府网 作者：张三", "某某市政府网"),
        ("作者：张三", None),  # a person is no publisher
    ],
)
def test_publisher_ranking(info, publisher):
    assert meta(f"<div class='info'>{info}</div>")["publisher"] == publisher


@pytest.mark.parametrize(
    "pair, field, value",
    [
        ("公开时间：2023-05-06", "published", "2023-05-06"),
        ("发稿时间：2023-05-06 10:12", "published", "2023-05-06"),
        ("成文时间：2023-05-04", "written", "2023-05-04"),
        ("发文时间：2023-05-04", "written", "2023-05-04"),
        ("索 取 号：011043419/2020-00123", "index_number", "011043419/2020-00123"),
        ("发文部门：某某市财政局", "publisher", "某某市财政局"),
        ("来源单位：某某市财政局", "publisher", "某某市财政局"),
        ("稿源：某某市人民政府办公室", "publisher", "某某市人民政府办公室"),
        ("时效状态：有效", "validity", "有效"),
    ],
)
def test_the_other_names_portals_give_a_field(pair, field, value):
    assert meta(f"<div class='info'>{pair}</div>")[field] == value


def test_a_labelled_date_the_reader_sees_beats_the_generated_pubdate():
    found = meta("<div>发布日期：2024-04-15</div>", head='<meta name="PubDate" content="2024-06-01 08:00">')
    assert found["published"] == "2024-04-15"


def test_the_generated_pubdate_when_nothing_is_shown():
    assert meta("", head='<meta name="PubDate" content="2024-06-01 08:00">')["published"] == "2024-06-01"


def test_a_hidden_doc_number_and_a_date_shown_alone_under_the_title():
    found = meta(
        '<h1 class="title">关于做好某项工作的通知</h1><p>2012-02-02  来源：某县政务网</p>'
        '<div style="display:none">文号：某政办发〔2012〕2号</div>'
    )
    assert found["doc_number"] == "某政办发〔2012〕2号" and found["published"] == "2012-02-02"


@pytest.mark.parametrize("dateline", ["2024年1月5日 星期五", "2024-01-05 （周五）", "2024年1月5日 週五"])
def test_a_dateline_with_its_weekday_is_shown_and_beats_the_generated_pubdate(dateline):
    head = "<meta name='PubDate' content='2024-02-20 09:00'>"
    assert meta(f"<h1>关于做好某项工作的通知</h1><p>{dateline}</p>", head)["published"] == "2024-01-05"


def test_traditional_labels():
    found = meta("<div>來源：新華社　發布日期：2009-06-16</div>")
    assert found["publisher"] == "新華社" and found["published"] == "2009-06-16"


@pytest.mark.parametrize(
    "head_title, title",
    [
        ("某某市人民政府--关于印发工作要点的通知", "关于印发工作要点的通知"),
        ("关于印发工作要点的通知_某某市人民政府", "关于印发工作要点的通知"),
        ("关于印发工作要点的通知 | 某某网", "关于印发工作要点的通知"),
        ("国务院关于某事的通知_2019年第5号国务院公报", "国务院关于某事的通知"),
        (
            "民事诉讼法（2023年9月1日修正） - 法律法规 - 芒市长安网_云南长安网德宏芒市频道",
            "民事诉讼法（2023年9月1日修正）",
        ),
        # a single '-' before a column and a site, or before a site's name of any length; not inside a number, nor
        # before words of the title
        ("关于开展安全生产大检查的通知-通知公告-滨江市人民政府", "关于开展安全生产大检查的通知"),
        ("关于开展安全生产大检查的通知-滨江市人民政府门户网站", "关于开展安全生产大检查的通知"),
        ("座谈会召开-中国科普网 | 滨江市人民政府网站", "座谈会召开"),
        ("2024-2025年度工作要点-滨江市人民政府", "2024-2025年度工作要点"),
        ("京津冀-雄安新区建设情况的报告", "京津冀-雄安新区建设情况的报告"),
        # a path's arrows, spaced, as a breadcrumb prints them; a bracket unspaced is the title's
        ("滨江市人民政府门户网站 > 关于开展安全生产大检查的通知", "关于开展安全生产大检查的通知"),
        ("关于开展安全生产大检查的通知 >> 滨江市人民政府", "关于开展安全生产大检查的通知"),
        ("关于印发<坚强局部电网规划建设实施方案>的通知", "关于印发<坚强局部电网规划建设实施方案>的通知"),
        # what is kept is kept as printed, its separators too
        (
            "政府工作报告全文 - 2024年1月在某某市人民代表大会上_某某网",
            "政府工作报告全文 - 2024年1月在某某市人民代表大会上",
        ),
    ],
)
def test_site_name_and_issue_suffix_leave_the_title(head_title, title):
    assert strip_site_name(head_title) == title
