"""Rules the real-page corpus asked for, each on the smallest page that shows it: plain functions, no HTTP."""

import pytest

from crawler import integrity, metadata
from crawler.clean import clean_lines
from crawler.dates import find_date
from crawler.extract import Rendering, extract, parse, script_writes
from crawler.pipeline import finish_lines, process_page, process_text
from crawler.response import Response

TEXT = (
    "<p>各乡镇人民政府，县直各单位：为做好政务公开工作，现将有关事项通知如下，"
    "请认真贯彻落实，确保各项措施落到实处。</p>"
)
TITLE_OF_NOTICE = "国家医保局办公室关于确定医保支持基层医疗卫生服务发展重点联系点的通知"


def page(body: str, head: str = "<title>某某市政府采购网</title>"):
    return extract(f"<html><head>{head}</head><body>{body}</body></html>", "http://x.gov.cn/a.html")


def document(body: str, head: str = "<title>某某市政府采购网</title>"):
    """The page through the whole text path, as `zwgk fetch` reads it."""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))


def test_co_issuing_bodies_apart_by_a_wide_gap_are_one_publisher():
    found = page(f"<div>来源：湖北省统计局  国家统计局湖北调查总队</div><div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["publisher"] == "湖北省统计局 国家统计局湖北调查总队"
    found = page(f"<div>来源：湖北省统计局    打印本页</div><div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["publisher"] == "湖北省统计局"  # a gap before furniture still ends the value


def test_a_名称_cell_of_a_table_in_the_text_is_content_not_the_title():
    body = (
        f"<table><tr><td><div><p class='h'>某某医院医用液氧供应成交结果公告</p><p>发布日期：2022-10-13 浏览数：</p>"
        f"<div>{TEXT * 8}<table><tr><td><p>名称：某某医院医用液氧供应</p><p>品&nbsp;牌：详见附件</p></td></tr></table>"
        f"{TEXT * 8}</div>"
        f"</div></td></tr></table>"
    )
    assert page(body).meta.finish()["title"] == "某某医院医用液氧供应成交结果公告"  # the line above the info line


def test_an_attachment_list_after_the_text_ends_the_document():
    body = (
        f"<td><div>{TEXT}{TEXT}</div><p>附件：<br/><a href='/f/1.pdf'>项目公告.pdf</a><br/>"
        f"<a href='/f/2.jpg'>主要标的信息.JPG</a></p></td>"
    )
    got = page(body)
    assert got.lines[-3:] == ["附件：", "项目公告.pdf", "主要标的信息.JPG"]
    assert [a["name"] for a in got.attachments] == ["项目公告.pdf", "主要标的信息.JPG"]
    assert page(f"<div>{TEXT}<img src='/a.jpg'><a href='/big.jpg'>点击查看大图</a></div>").attachments == []


def test_share_labels_and_time_stamps_over_the_text_are_furniture():
    lines = ["2018-04-19 17:32:17", "2025年06月27日 17:52 来源：", "特此公告！", "二〇一八年四月十九日", "分享："]
    assert clean_lines(lines) == ["特此公告！", "二〇一八年四月十九日"]


def test_a_file_name_is_no_site_address_and_a_line_of_lost_characters_stays():
    assert clean_lines(["主要标的信息.JPG", "中国证监会 www.csrc.gov.cn", "?、??"]) == ["主要标的信息.JPG", "?、??"]


def test_the_ideographic_zero_of_a_date_is_no_mojibake():
    assert process_text("特此通知。\n二〇一八年四月十九日").flags == []


def test_a_run_read_with_a_wrong_codec_is_never_cut_inside_its_letters():
    # ãÉÐÐ is 闵行 read as Latin-1; its middle ÉÐ alone would read 尚, a character the bytes never held
    assert "尚" not in "".join(integrity.check_lines(["ãÉÐÐ 2902"]).lines)


def test_a_title_container_that_holds_the_byline_gives_the_title_and_the_byline_is_furniture():
    found = page(
        '<div class="title"><div class="b_title">美法官要求加州监狱提供手术</div><div>作者 何陈</div>'
        "<div>发布时间：2015-04-09 09:10:00</div></div>" + TEXT,
        head="<title>美法官要求加州监狱提供手术-山西省高级人民法院</title>",
    )
    assert found.meta.best("title") == "美法官要求加州监狱提供手术"
    assert clean_lines(["作者 何陈", "正文第一段。", "作者 签名之后的一句话还在"]) == [
        "正文第一段。",
        "作者 签名之后的一句话还在",
    ]


def test_a_data_table_row_is_one_line_however_its_cells_break_and_a_layout_table_keeps_its_lines():
    grid = (
        "<table><tr><td>\n  <p>产品名称</p>\n</td><td><p>比上期</p><p>价格涨跌（元）</p></td></tr>"
        "<tr><td><div>螺纹钢</div></td><td>\n 0.2\n</td></tr></table>"
    )
    layout = f"<table><tr><td>某某市人民政府</td></tr><tr><td>{TEXT}<p>{'特此通知。' * 120}</p></td></tr></table>"
    assert [" ".join(line.split()) for line in Rendering(parse(grid)).lines()] == [
        "产品名称 比上期 价格涨跌（元）",
        "螺纹钢 0.2",
    ]
    assert len(Rendering(parse(layout)).lines()) == 3


def test_a_label_a_script_writes_into_the_page_is_read():
    script = "<script>var lay1 = '国家统计局'; document.write('<span>来源：国家统计局</span>');</script>"
    assert page(script + TEXT).meta.best("publisher") == "国家统计局"


def test_a_bracketed_label_on_its_line_gives_the_next_line_and_an_empty_one_is_no_value():
    lines = "".join(
        f'<li class="tit"><span>[ {label} ]</span></li><li><span>{value}</span></li>'
        for label, value in [
            ("索引号", "1150000020304795XA/2023-00082"),
            ("发文字号", ""),
            ("发布机构", "江北区公安分局"),
        ]
    )
    meta = page(f"<ul>{lines}</ul>" + TEXT).meta
    assert meta.best("index_number") == "1150000020304795XA/2023-00082"
    assert meta.best("publisher") == "江北区公安分局"
    assert meta.best("doc_number") is None


def test_a_search_box_option_is_no_title_and_the_heads_first_meta_of_a_name_is_the_pages():
    head = (
        '<meta name="ArticleTitle" content="性别变更、更正办理须知">'
        '<meta name="ArticleTitle" content="友谊县农业农村局2022年政府信息公开工作年度报告">'
    )
    found = page("<div><i>标题</i></div><div><i>全文</i></div>" + TEXT, head=head)
    assert found.meta.best("title") == "性别变更、更正办理须知"


def test_a_download_link_that_serves_the_page_or_an_app_is_no_attachment_and_a_placeholder_is_no_source():
    found = page(
        '<div id="zoom">' + TEXT + '<a href="/OpennessContent/download/2783690.html">文本下载</a>'
        '<a class="download" href="http://app.example.cn/download.html">&nbsp;</a>'
        '<a href="/module/download/downfile.jsp?filename=1a7.pdf">关于做好政务公开工作的通知</a></div>'
        "<p>来源：未知来源</p>"
    )
    assert [a["name"] for a in found.attachments] == ["关于做好政务公开工作的通知"]
    assert found.meta.best("publisher") is None


def test_an_inline_element_that_opens_a_label_starts_a_field():
    fields = (
        "<p><font>所属主题：公安、安全、司法</font><font>发文日期：2016-02-03</font>"
        "<font>所属机构：省人民政府办公厅</font></p>"
    )
    meta = page(fields + TEXT).meta.finish()
    assert (meta["published"], meta["publisher"]) == ("2016-02-03", "省人民政府办公厅")


def test_the_heading_over_the_label_lines_is_the_title_above_the_text_or_inside_its_container():
    info = "<div><span>发布时间：[2017-10-18]</span>\n<span>浏览次数：8879</span></div>"
    above = page(f"<div>变性人的婚姻问题研究</div>{info}<div class='show_con'><b>变性人的婚姻问题研究</b>{TEXT}</div>")
    inside = page(
        "<div id='content'><div>户籍登记性别变更更正业务</div>"
        f"<div><b>发布：</b> <b>时间：</b>2012/10/25</div>{TEXT}</div>"
    )
    assert above.meta.best("title") == "变性人的婚姻问题研究"
    assert inside.meta.best("title") == "户籍登记性别变更更正业务"
    assert inside.meta.finish()["published"] == "2012-10-25"


def test_a_question_mark_after_a_question_particle_is_no_lost_character():
    assert process_text("法院应如何认定该婚姻的效力呢?有一种观点认为应是无效婚姻。").flags == []
    assert process_text("法院应如何认定该婚姻的效?有一种观点").flags == ["lost_chars"]
    assert process_text("这是为什么?（笑）").flags == []
    assert process_text("序号 标项名称 数量 单?（元）").flags == ["lost_chars"]  # 价 lost before a bracket


def test_a_named_container_of_links_is_a_list_beside_the_text_not_the_text():
    links = "".join(f"<li><a href='/a/{i}.html'>【天津政法报】市二中院开展第{i}期业务培训</a></li>" for i in range(9))
    found = page(f"<div class='content'><h3>最新更新</h3><ul>{links}</ul></div><div class='text'>{TEXT}</div>")
    assert found.lines[0].startswith("各乡镇人民政府") and found.method == "density"


def test_a_heading_keeps_its_colon_a_bracketed_pair_its_value_and_a_dateline_gives_its_source():
    found = page(
        "<div class='title'>变性女报警称遭“强奸”算不算强奸？ 律师：不太好定义为“妇女”</div>"
        f"<div class='text'><p>2016年06月14日 09:42:04 来源： 中安在线</p>{TEXT}<p>（来源：新华网）</p></div>",
        head="<title>变性女报警称遭“强奸”算不算强奸？ 律师：不太好定义为“妇女”-某某法院</title>",
    )
    assert found.meta.best("title") == "变性女报警称遭“强奸”算不算强奸？ 律师：不太好定义为“妇女”"
    assert {value for *_, value in found.meta.found["publisher"]} == {"中安在线", "新华网"}
    assert found.meta.best("publisher") == "中安在线"


def test_a_source_credited_as_a_contribution_names_the_body():
    found = page(f"<div class='time'>来源：<span>（驻东盟使团供稿）</span></div><div id='zoom'>{TEXT}</div>")
    assert found.meta.best("publisher") == "驻东盟使团"


def test_a_page_tool_after_an_empty_label_is_no_value_and_the_texts_last_lines_give_no_title():
    contact = "<p>2.采购代理机构信息</p><p>名 称：贵州某某工程咨询有限公司</p><p>联系方式：18585427887</p>"
    found = page(
        "<h2>某某乡太阳能路灯采购的中标结果公告</h2>"
        "<p>2025年06月27日 17:52 来源：<span></span> 【<span>打印</span>】</p>"
        f"<div class='vF_detail_content'>{TEXT * 8}{contact}</div>",
        head="<title>某某乡太阳能路灯采购的中标结果公告</title>",
    )
    assert found.meta.best("publisher") is None
    assert found.meta.best("title") == "某某乡太阳能路灯采购的中标结果公告"


def test_a_label_alone_on_its_line_takes_the_line_below_it_also_when_that_opens_the_text():
    title = "市人力资源和社会保障局局长就城乡居民基本医疗保险政策答记者问"
    found = page(
        f"<div><span>索引号：011396186/2020-76452</span>\n<span>名  称：\n    {title}</span></div>"
        f"<div id='zoom'><p>{title}</p>{TEXT}</div><div><a href='/lxwm/'>联系我们</a></div>"
    )
    assert found.meta.best("title") == title


def test_the_date_a_reader_sees_beats_the_head_pubdate():
    def published(body: str) -> str | None:
        head = "<title>某某市公安局</title><meta name='PubDate' content='2023-08-23 10:00'>"
        html = f"<html><head>{head}</head><body>{body}</body></html>"
        return process_page(Response("http://x.gov.cn/a.html", 200, html.encode())).published

    signed = f"<div class='zoom'>{TEXT * 9}<p>某某市公安局</p><p>2023年7月10日</p></div>"
    assert published(signed) == "2023-07-10"  # the only date shown: under the signature
    assert published(
        f"<div class='tit'><h1>某某市统计公报</h1><span>信息提供日期：2025-06-04</span></div>{signed}"
    ) == ("2025-06-04")
    assert published(f"<div class='zoom'>{TEXT * 9}</div>") == "2023-08-23"  # none shown: the CMS's


def test_an_organisation_in_brackets_on_the_dateline_is_the_source():
    dateline = "<h3>我省生态补偿资金规模增加</h3><h5><span>[省发改委]</span>&nbsp;2016-04-01&nbsp;字号：T | T</h5>"
    found = page(f"{dateline}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (found["publisher"], found["published"]) == ("省发改委", "2016-04-01")
    found = page(f"<h3>某某标题的通知</h3><h5>[重要] 2016-04-01</h5><div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["publisher"] is None  # a tag in brackets is no organisation


def test_a_heading_framed_by_a_platforms_tags_is_the_title_without_them():
    title = "某某工程施工总价承包招标资格预审公告"
    body = f"<h3>【湖北省中心】{title}<font>[文件获取中]</font></h3><p>发布时间：2020-07-16</p>"
    assert page(f"{body}<div class='zoom'><p>{title}</p>{TEXT}</div>").meta.finish()["title"] == title
    assert page(f"{body}<div class='zoom'>{TEXT}</div>").meta.finish()["title"] == title  # not shown elsewhere
    tagged = "<h3>[政采云]某某医院检测试剂等10项采购项目公开招标公告</h3><p>发布时间：2026-07-30</p>"
    found = page(f"{tagged}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["title"] == "某某医院检测试剂等10项采购项目公开招标公告"  # the platform it came from, in brackets
    short = page(f"<h3>[通知]关于放假</h3><p>发布时间：2026-07-30</p><div class='zoom'>{TEXT}</div>").meta.finish()
    assert short["title"] == "[通知]关于放假"  # too short a core to be a title alone


def test_the_national_checks_ids_name_the_title_and_the_text():
    info = "<div class='info'><p>发布机构：某某市</p><p>体裁分类：其他</p><p>公开类型：主动公开</p></div>"
    article = f"<h3 id='ivs_title'>关于某某事项的批复</h3><p>发布时间：2021-11-16</p><div id='ivs_content'>{TEXT}</div>"
    got = page(f"<div>{info}{article}<p>附件：</p><p>视频：</p></div>", "<title>关于某某事项的批复_某某市</title>")
    assert len(got.lines) == 1 and got.lines[0].startswith("各乡镇人民政府")  # no labels of the info list
    assert got.meta.finish()["title"] == "关于某某事项的批复"


def test_a_line_the_same_as_the_one_before_is_kept():
    # two cells of a 办事指南 table's row name the same matter: the text holds both, as the page does
    assert clean_lines(["性别变更", "性别变更", "（实施变性手术后）"]) == ["性别变更", "性别变更", "（实施变性手术后）"]


def test_a_label_in_brackets_ends_at_its_closing_bracket():
    block = "<p>【文&ensp;&ensp;号】 晋医保发〔2021〕14号</p><p>【成文日期】 2021-07-28</p><p>【是否有效】 全文有效</p>"
    found = page(f"<h1>关于做好城乡居民医疗保障工作的通知</h1>{block}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (found["doc_number"], found["written"], found["validity"]) == (
        "晋医保发〔2021〕14号",
        "2021-07-28",
        "全文有效",
    )


def test_a_doc_number_printed_after_the_title_on_its_heading_or_under_it():
    title = "财政部 国家税务总局关于保险保障基金有关税收政策继续执行的通知"
    head = f"<title>{title}</title><meta name='ArticleTitle' content='{title}'>"
    beside = f"<div><span>{title}</span> <span>财税〔2013〕81号</span></div><div class='zoom'>{TEXT}</div>"
    assert page(beside, head).meta.finish()["doc_number"] == "财税〔2013〕81号"
    under = f"<h1>{title}</h1><p>财税〔2013〕 81号</p><div class='zoom'>{TEXT}</div>"
    assert page(under, head).meta.finish()["doc_number"] == "财税〔2013〕 81号"
    other = f"<h1>{title}</h1><p>另见 财税〔2010〕77号</p><div class='zoom'>{TEXT}</div>"
    assert page(other, head).meta.finish()["doc_number"] is None  # a number after other words is not the 文号


def test_the_site_error_report_link_is_furniture():
    assert clean_lines(["2013年10月28日", "网站纠错"]) == ["2013年10月28日"]


def test_trs_word_wrapper_is_the_text_not_the_metadata_table_beside_it():
    table = (
        "<table><tr><td>索 引 号：</td><td>11220000013544357T/2022-00426</td>"
        "<td>发文机关：</td><td>某某省人民政府</td></tr></table>"
    )
    tools = "<a href='a.pdf'>pdf下载</a> <a>word下载</a>"
    got = page(f"<div>{table}<div class='Custom_UnionStyle'>{TEXT}</div>{tools}</div>")
    assert got.lines == [TEXT[3:-4]]
    assert clean_lines([TEXT[3:-4], "pdf下载 word下载"]) == [TEXT[3:-4]]


def test_the_heads_markup_is_no_part_of_a_value_and_its_contentsource_names_no_publisher():
    head = (
        "<meta name='ArticleTitle' content='为现代化建设凝聚力量<div>——热烈祝贺会议开幕</div>'>"
        "<meta name='ContentSource' content='某某政府采购网'>"
    )
    found = page(f"<div class='zoom'>{TEXT}</div>", head).meta.finish()
    assert (found["title"], found["publisher"]) == ("为现代化建设凝聚力量——热烈祝贺会议开幕", None)


def test_the_sites_name_in_the_head_title_confirms_no_heading():
    head = "<title>关于某某事项的座谈会召开-中国某某网</title>"
    body = "<div class='title'>中国某某网</div><div><div>关于某某事项的座谈会召开</div><ul><li>来源：新华社</li></ul>"
    found = page(f"{body}</div><div class='zoom'>{TEXT}</div>", head).meta.finish()
    assert found["title"] == "关于某某事项的座谈会召开"


def test_a_message_boards_answer_names_who_answered_and_when():
    info = "<p>留言时间:1573582167000 答复时间:2019年11月14日 答复单位：国家税务总局网站</p>"
    found = page(f"<h1>个人独资企业缴个税吗？</h1>{info}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (found["publisher"], found["published"]) == ("国家税务总局网站", "2019-11-14")


def test_a_date_after_an_empty_source_label_is_no_publisher():
    info = "<div><span>2026-01-15 14:59:40</span></div><div><span>文章来源：</span></div><div>2026-01-15 14:59:40</div>"
    found = page(f"<h1>2025年金融统计数据报告</h1>{info}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["publisher"] is None


def test_a_breadcrumbs_column_named_like_a_label_takes_no_value_and_发文机构_names_the_publisher():
    crumbs = "<div>首页\n&gt;&nbsp;<a>政策</a>\n&gt;&nbsp;<a>发布</a>\n&gt;&nbsp;正文\n</div>"
    found = page(f"{crumbs}<h1>关于某某工作的若干意见</h1><div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["publisher"] is None
    table = "<table><tr><td><b>发文机构：</b></td><td>科技部 金融监管总局</td></tr></table>"
    assert page(f"{table}<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "科技部 金融监管总局"


def test_a_law_databases_bracketed_record_is_metadata_and_its_disclaimer_furniture():
    lines = ["【发布部门】全国人大常委会 【发布文号】中华人民共和国主席令第24号", "【效力级别】法律"]
    record = "".join(f"<p>{line}</p>" for line in lines)
    found = page(f"<h2>中华人民共和国劳动法（2018修正）</h2>{record}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["doc_number"] == "中华人民共和国主席令第24号"
    disclaimer = "免责声明：本网站提供的法规来源于数据提供单位或网络，请务必与正式文本核对后使用。"
    assert clean_lines([*lines, TEXT[3:-4], disclaimer]) == [TEXT[3:-4]]
    assert clean_lines(["【字體：大 中 小】", TEXT[3:-4]]) == [TEXT[3:-4]]  # a page tool, as before


def test_a_number_the_cms_appended_to_the_title_in_brackets_is_the_文号():
    head = "<meta name='ArticleTitle' content='中华人民共和国政府采购法(中华人民共和国主席令 第68号)'>"
    found = page(f"<div class='zoom'>{TEXT}</div>", head).meta.finish()
    assert (found["title"], found["doc_number"]) == ("中华人民共和国政府采购法", "中华人民共和国主席令 第68号")
    head = "<meta name='ArticleTitle' content='关于印发《某某办法》的通知(试行)'>"
    assert page(f"<div class='zoom'>{TEXT}</div>", head).meta.finish()["title"] == "关于印发《某某办法》的通知(试行)"


def test_a_catalogue_entrys_table_above_the_text_names_its_publisher_and_dates():
    entry = (
        "<table><tr><td>目录项的基本信息</td></tr></table><table>"
        "<tr><td>公开事项名称:</td><td>关于印发《某某规则》的通知</td></tr>"
        "<tr><td>索引号:</td><td>000019705/2024-00241</td><td>主办单位:</td><td>国家能源局</td></tr>"
        "<tr><td>制发日期:</td><td>2024-09-13</td></tr></table>"
    )
    found = page(f"<div class='article-content'>{entry}<div>{TEXT * 3}</div></div>")
    meta = found.meta.finish()
    assert (meta["title"], meta["publisher"], meta["published"]) == (
        "关于印发《某某规则》的通知",
        "国家能源局",
        "2024-09-13",
    )
    assert clean_lines(found.lines) == [TEXT[3:-4]] * 3
    footer = "<div>主办单位：某某市人民政府办公室</div>"
    assert page(f"<div class='zoom'>{TEXT * 3}</div>{footer}").meta.finish()["publisher"] is None  # the site's owner


def test_an_empty_attachment_list_and_a_related_reading_heading_end_no_text():
    assert clean_lines([TEXT[3:-4], "相关附件：", "相关导读:", "打印文档"]) == [TEXT[3:-4]]
    assert clean_lines([TEXT[3:-4], "附件：", "某某名单.pdf"]) == [TEXT[3:-4], "附件：", "某某名单.pdf"]


def test_the_print_region_names_the_text_and_the_heading_stands_over_its_number_labels_and_tools():
    record = (
        "<table><tr><td>【时 效 性】</td><td>有效</td><td>【颁布日期】</td><td>2021年04月30日</td></tr>"
        "<tr><td>【颁布单位】</td><td>财政部</td><td>【文　　号】</td><td>财库〔2021〕22号</td></tr></table>"
    )
    tools = "<i>全文打印</i><i>导出WORD</i><i>关闭</i>【字体：<span>大</span><span>中</span><span>小</span>】"
    body = (
        f"<div><p class='x_title'>关于印发《某某管理办法》的通知</p><p>（财库〔2021〕22号）</p>{record}"
        f"<div>{tools}</div><!--startprint--><div class='x_text'><p>{TEXT[3:40]}</p></div><!--endprint--></div>"
    )
    found = page(body, "<title>财政法规管理系统</title>")
    meta = found.meta.finish()
    assert found.lines == [TEXT[3:40]] and found.method == "print region"
    assert (meta["title"], meta["publisher"], meta["published"], meta["doc_number"]) == (
        "关于印发《某某管理办法》的通知",
        "财政部",
        "2021-04-30",
        "财库〔2021〕22号",
    )


def test_信息索引_names_the_index_number_and_an_empty_site_name_leaves_no_separator_on_the_title():
    table = "<table><tr><td>信息索引：</td><td>360A06-05-2012-0024-1</td></tr></table>"
    assert page(f"{table}<div class='zoom'>{TEXT}</div>").meta.finish()["index_number"] == "360A06-05-2012-0024-1"
    found = page(f"<div class='zoom'>{TEXT}</div>", "<title>中华人民共和国劳动争议调解仲裁法-</title>").meta.finish()
    assert found["title"] == "中华人民共和国劳动争议调解仲裁法"
    assert clean_lines(["字体：大 中 小 【打印本稿】 【关闭】", TEXT[3:-4]]) == [TEXT[3:-4]]


def test_an_order_opening_the_title_is_the_文号_and_hidden_text_gives_no_date():
    head = "<meta name='ArticleTitle' content='商务部、中国证监会令2024年第3号 外国投资者对上市公司战略投资管理办法'>"
    found = page(f"<div class='zoom'>{TEXT}</div>", head).meta.finish()
    assert found["doc_number"] == "商务部、中国证监会令2024年第3号"
    assert found["title"] == "商务部、中国证监会令2024年第3号 外国投资者对上市公司战略投资管理办法"
    hidden = "<div style='display:none'>发布时间：2021-06-29 文号：卫生部令第79号</div>"
    found = page(f"{hidden}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (found["published"], found["doc_number"]) == (None, "卫生部令第79号")


def test_what_follows_a_stray_closing_html_tag_is_the_pages_body():
    html = (
        "<html><head><title>某某办法_国务院部门文件_中国政府网</title></head><body><div>网站导航</div></body></html>"
        "<!--end header--><div><table><tr><td>标　题：</td><td>某某管理办法</td><td>发文机关：</td>"
        "<td>某某总局</td></tr><tr><td>发文字号：</td><td>某某总局令第52号</td><td>成文日期：</td>"
        f"<td>2022年03月01日</td></tr></table><div id='UCAP-CONTENT'>{TEXT}</div></div>"
    )
    meta = extract(html, "http://x.gov.cn/a.html").meta.finish()
    assert (meta["title"], meta["publisher"], meta["doc_number"], meta["published"]) == (
        "某某管理办法",
        "某某总局",
        "某某总局令第52号",
        "2022-03-01",
    )


def test_a_label_in_an_element_of_its_own_takes_the_rest_of_its_parent():
    record = (
        "<ul><li><div><span>索 引 号</span>000014672/2014-01328</div></li>"
        "<li><div><span>发布机关</span><div>商　　务　　部<br>环 境 保 护 部<br>工业和信息化部</div></div></li>"
        "<li><div><span>文　　号</span></div><div><span>主 题 词</span></div></li></ul>"
    )
    meta = page(f"{record}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (meta["index_number"], meta["publisher"], meta["doc_number"]) == (
        "000014672/2014-01328",
        "商务部 环境保护部 工业和信息化部",
        None,
    )


def test_a_value_glued_to_the_next_label_ends_where_the_known_label_begins():
    meta = page(f"<div>发布时间：2021-08-24\t来源：中国政府网字号：[大][中][小]</div><div class='zoom'>{TEXT}</div>")
    assert meta.meta.finish()["publisher"] == "中国政府网"
    glued = "<span>发布时间：2024-02-01</span><span>来源：市应急管理局</span><span>阅读：<i>213</i></span>"
    assert page(f"<div>{glued}</div><div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "市应急管理局"
    bracketed = "<div>【来源：某某市统计局】【时间：2024-03-05】</div>"  # pairs bracketed in a row
    assert page(f"{bracketed}<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "某某市统计局"
    reporter = "<div>来源：某某日报 记者 张三</div>"  # a reporter's byline after the source is no part of it
    assert page(f"{reporter}<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "某某日报"
    button = "<div>日期：2024-03-05 来源：某某县政府办 【打印】</div>"  # a page tool a space after the value
    assert page(f"{button}<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "某某县政府办"


def test_a_文号_in_brackets_under_the_heading_is_the_文号_without_them():
    heading = "<h2>关于做好2024年政务公开工作的通知</h2><p>（某政办〔2024〕3号）</p><div>发布日期：2024-03-05</div>"
    head = "<title>关于做好2024年政务公开工作的通知</title>"
    found = page(f"<div>{heading}<div class='zoom'>{TEXT * 3}</div></div>", head)
    assert found.meta.finish()["doc_number"] == "某政办〔2024〕3号"


def test_an_announcements_number_under_the_title_is_its_文号():
    body = (
        "<div class='article_title'>福建省某某局关于发布典型案例的通告</div><div>2025年第1号</div>"
        f"<div class='zoom'>{TEXT}</div>"
    )
    found = page(body, "<title>福建省某某局关于发布典型案例的通告</title>").meta.finish()
    assert found["doc_number"] == "2025年第1号"
    body = body.replace("<div>2025年第1号</div>", f"<div>{TEXT}</div><div>2025年第1号</div>")
    assert page(body, "<title>福建省某某局关于发布典型案例的通告</title>").meta.finish()["doc_number"] is None


def test_an_attachment_list_after_a_named_container_and_a_link_a_click_handler_opens():
    after = (
        "<div><p>附件下载：</p><p><a onclick=\"downloadFj('操作规范.doc','./W020250217.doc')\">"
        "操作规范.doc</a></p></div>"
    )
    found = page(f"<div><div class='TRS_Editor'>{TEXT}</div>{after}</div>")
    assert found.lines[-2:] == ["附件下载：", "操作规范.doc"]
    assert [(a["name"], a["url"]) for a in found.attachments] == [("操作规范.doc", "http://x.gov.cn/W020250217.doc")]


def test_a_share_popup_is_furniture():
    popup = ["分享到微信", "×", "用微信“扫一扫”，点击右上角分享按钮，", "即可将网页分享给您的微信好友或朋友圈。"]
    assert clean_lines([*popup, TEXT[3:-4]]) == [TEXT[3:-4]]
    assert clean_lines(["欢迎市民将本通知分享给亲友，共同参与。"]) == ["欢迎市民将本通知分享给亲友，共同参与。"]


@pytest.mark.parametrize("wrapper", ["content", "content-text"])
def test_a_page_wide_content_wrapper_gives_its_densest_block_as_the_text_and_its_head_as_metadata(wrapper):
    tools = "<p>收藏</p><p>订阅</p><p>已推送，请在“个人中心-我的订阅”中查看</p><p>语音播报：</p>"
    body = (
        f"<div class='{wrapper}'><h3>某某部关于某某事项的公告</h3><h5>某某部 某某总局公告2020年第27号</h5>"
        f"{tools}<h4>日期：<br>2014-05-12</h4><div class='article'><div class='arc_cont'>{TEXT * 8}</div></div>"
        "<p>纠错或建议</p><p>关联解读</p></div>"
    )
    found = page(body, "<title>某某部关于某某事项的公告</title>")
    meta = found.meta.finish()
    assert found.lines[0].startswith("各乡镇") and found.lines[-1].endswith("落到实处。")
    assert found.method == f"class:{wrapper} > density"
    assert (meta["doc_number"], meta["published"]) == ("某某部 某某总局公告2020年第27号", "2014-05-12")


def test_a_文号_under_a_red_head_of_five_issuers_and_a_title_over_two_lines():
    head = ["重庆市甲委员会", "重庆市乙局", "重庆市丙办公室", "国家丁局重庆监管局", "重庆市戊委员会"]
    lines = [*head, "关于印发《某某政策措施》", "的通知", "渝经信规范〔2025〕13号", "各有关单位：", TEXT[3:-4]]
    assert process_text("\n".join(lines)).doc_number == "渝经信规范〔2025〕13号"


def test_a_document_librarys_banner_and_its_download_tools_are_furniture_and_a_题注_dates_the_law():
    note = "（2011年1月17日卫生部令第79号公布 自2011年3月1日起施行）"
    lines = ["国家市场监督管理总局规章", "下载pdf版", "下载文字版", note]
    doc = process_text("\n".join([*lines, "第一条 为规范药品生产质量管理，制定本规范。"]))
    assert doc.text.splitlines()[0].startswith("（2011年1月17日") and doc.published == "2011-01-17"
    assert clean_lines(["下载Word", "下载PDF", "扫码下载", TEXT[3:-4]]) == [TEXT[3:-4]]
    assert clean_lines([TEXT[3:-4], "按国家市场监督管理总局规章执行。"])[-1] == "按国家市场监督管理总局规章执行。"


def test_a_title_printed_only_as_the_texts_red_head_beats_the_cms_copy_of_it():
    copy = "重庆市甲委员会 重庆市乙局关于印发某某产业政策措施的通知"  # the CMS's: no 《》, 发展 lost
    head = f"<title>重庆市甲委员会</title><meta name='ArticleTitle' content='{copy}'>"
    red = "<p>重庆市甲委员会</p><p>重庆市乙局</p><p>关于印发《某某产业发展</p><p>政策措施》的通知</p>"
    found = page(f"<div class='zoom'>{red}{TEXT}</div>", head).meta.finish()
    assert found["title"] == "重庆市甲委员会 重庆市乙局关于印发《某某产业发展政策措施》的通知"
    head = "<meta name='ArticleTitle' content='北京市2024年国民经济和社会发展统计公报'>"
    found = page(f"<div class='zoom'><p>北京市2024年国民经济和社会发展统计公报[1]</p>{TEXT}</div>", head)
    assert found.meta.finish()["title"] == "北京市2024年国民经济和社会发展统计公报"  # one line is a heading


def test_a_text_that_is_only_its_file_is_read_from_its_container():
    link = "<a href='./P020250701.pdf'>国家能源局某某监管局关于明确电力辅助服务市场价格机制等相关事项的通知.pdf</a>"
    found = page(f"<div>首页 机构概览 动态要闻 工作邮箱 搜索</div><div class='TRS_Editor'><p>{link}</p></div>")
    assert found.lines == ["国家能源局某某监管局关于明确电力辅助服务市场价格机制等相关事项的通知.pdf"]
    assert found.method == "class:TRS_Editor"


def test_a_heading_a_br_breaks_over_lines_is_read_whole_where_the_head_title_holds_it():
    title = "民政部 国家发展改革委 财政部<br/>农业农村部 商务部<br/>关于印发《某某行动方案》的通知"
    body = f"<h3 class='mtitle'>{title}</h3><p>时间：2023-10-23 来源：民政部门户网站</p><div class='zoom'>{TEXT}</div>"
    found = page(body, f"<title>{title} - 中华人民共和国民政部</title>").meta.finish()
    assert found["title"] == "民政部 国家发展改革委 财政部 农业农村部 商务部关于印发《某某行动方案》的通知"


@pytest.mark.parametrize("heading", ["<h1>{}</h1>", "<div style='text-align:center'><strong>{}</strong></div>"])
def test_a_sites_name_before_the_title_is_no_line_of_it(heading):
    """`某某县人民政府-标题`: a single '-' after a site's name sets it apart, and the logo's line over the heading,
    though the head <title> holds it right before the heading's words, is no line of the title. A probe: no real
    page holds it."""
    title = "关于做好2024年度政府信息公开工作年度报告编制发布工作的通知"
    body = f"<div class='logo'>某某县人民政府</div>{heading.format(title)}<div>发布时间：2024-01-05</div>"
    found = page(f"{body}<div class='zoom'>{TEXT}</div>", f"<title>某某县人民政府-{title}</title>").meta.finish()
    assert found["title"] == title


@pytest.mark.parametrize("under", ["县长 张三", "某某县人民政府副县长　王小五", "（2024年1月5日）", "縣委書記 李四"])
@pytest.mark.parametrize("site", ["", "在全县经济工作会议上的讲话_"])
def test_a_speechs_speaker_and_day_under_its_title_are_no_heading(under, site):
    """A probe (no real page holds it): the line over the labels was taken for the title, here the speaker's."""
    body = f"<div class='t'>在全县经济工作会议上的讲话</div><div class='s'>{under}</div><div>发布时间：2024-01-05</div>"
    head = f"<title>{site}某某县人民政府</title>"
    found = page(f"<div class='box'>{body}<div class='zoom'>{TEXT}</div></div>", head).meta.finish()
    assert found["title"] == "在全县经济工作会议上的讲话"


def test_a_definition_lists_value_over_lines_is_one_value():
    body = (
        "<dl><dt>标<span></span>题：</dt><dd>文化和旅游部 公安部关于进一步加强大型营业性"
        "<div>演出活动规范管理的通知</div></dd></dl><dl><dt>发文机关：</dt><dd><p>国家发展改革委</p><p>财政部</p></dd></dl>"
        f"<div class='TRS_Editor'>{TEXT}</div>"
    )
    found = page(body).meta.finish()
    assert found["title"] == "文化和旅游部 公安部关于进一步加强大型营业性演出活动规范管理的通知"
    assert found["publisher"] == "国家发展改革委 财政部"  # issuers' lines stay apart


@pytest.mark.parametrize(
    "head, number",
    [
        (["中华人民共和国国务院令", "第\u3000658\u3000号"], "中华人民共和国国务院令 第658号"),
        (["中华人民共和国主席令第68号"], "中华人民共和国主席令第68号"),
        (["某某省人民政府令", "（第12号）"], None),  # not written as the header's serial line
    ],
)
def test_a_decrees_header_over_the_text_is_its_number(head, number):
    decree = "《某某条例》已经国务院常务会议通过，现予公布，自2015年3月1日起施行。"
    doc = process_text("\n".join([*head, decree, "总理 李克强"]))
    assert doc.doc_number == number


def test_a_record_table_padded_by_the_templates_indent_is_read_above_the_text():
    pad = " " * 90
    body = (
        "<div class='article-content'><table><tr><td>目录项的基本信息</td></tr></table><table>"
        f"<tr><td>索引号:{pad}</td><td>{pad}000019705/2026-000125{pad}</td><td>主办单位:</td><td>{pad}国家能源局</td></tr>"
        f"</table><table><tr><td id='detail'>{TEXT * 2}</td></tr></table></div>"
    )
    found = page(body).meta.finish()
    assert (found["index_number"], found["publisher"]) == ("000019705/2026-000125", "国家能源局")


def test_a_short_notice_under_a_record_of_labelled_fields_is_the_text_and_the_record_its_metadata():
    record = (
        "<dl><dt>索 引  号</dt><dd>07B170209202600208</dd></dl>"
        "<dl><dt>信息所属单位</dt><dd>农产品质量安全监管司</dd></dl>"
        "<dl><dt>文　　号</dt><dd></dd></dl><dl><dt>生效日期</dt><dd>2026年08月26日</dd></dl>"
        "<dl><dt>内容概述</dt><dd>农业农村部批准某某等236项农业行业标准，自2027年2月1日起实施，现将有关事项公告如下。</dd></dl>"
    )
    body = f"<div><div>{record}</div><div>{record}</div><div><h2>某某公告</h2><div>{TEXT}</div></div></div>"
    got = page(body)
    assert got.lines == [clean_lines([line])[0] for line in Rendering(parse(TEXT).find("body")).lines()]
    found = got.meta.finish()
    assert (found["index_number"], found["publisher"]) == ("07B170209202600208", "农产品质量安全监管司")
    assert found.get("doc_number") is None  # an empty 文号 does not take the next label for its value


def test_related_interpretations_after_the_text_are_a_related_links_section():
    links = ["1.《关于某某的意见》政策解读", "2.【图解】《关于某某的意见》政策解读"]
    lines = ["特此通知。", "交通运输部", "相关解读：", *links]
    assert clean_lines(lines) == ["特此通知。", "交通运输部"]


@pytest.mark.parametrize(
    "note, written",
    [
        ("（2011年1月17日卫生部令第79号公布 自2011年3月1日起施行）", "2011-01-17"),  # not the day it took effect
        (
            "(2003年9月3日中华人民共和国国务院令第390号公布　根据2016年2月6日《国务院关于修改部分行政法规的决定》"
            "第一次修订 根据2023年7月20日《国务院关于修改和废止部分行政法规的决定》第三次修订)",
            "2023-07-20",
        ),
        ("（2011/1/17卫生部令第79号公布 自2011/3/1起施行）", "2011-01-17"),  # the dates in another printed form
        ("（2003-09-03公布 根据２０２３－０７－２０《…的决定》修订）", "2023-07-20"),
    ],
)
def test_a_laws_head_note_dates_the_text_by_its_last_making_or_revision(note, written):
    doc = process_text("\n".join([note, "第一条 为了规范某某工作，制定本条例。"]))
    assert doc.published == written


def test_a_heading_the_text_repeats_is_the_title_where_the_head_title_names_only_the_site():
    body = (
        "<div class='content-text'><div class='tools'>下载Word 下载PDF</div>"
        "<div class='text-title'>企业信息公示暂行条例</div>"
        f"<div class='law-chapter'><p>企业信息公示暂行条例</p>{TEXT * 3}</div></div>"
    )
    assert page(body, head="<title>国家行政法规库</title>").meta.finish()["title"] == "企业信息公示暂行条例"


def test_a_summary_hidden_by_a_frameworks_class_is_not_read_as_text():
    paragraphs = TEXT * 3
    body = (
        f"<div><div class='detail_article'>{paragraphs}</div><ul class='tags'><li>数字</li><li>部署</li></ul>"
        f"<div class='fxsummary hide'>{paragraphs}</div><a>分享该文章</a></div>"
    )
    assert page(body).lines == Rendering(parse(paragraphs).find("body")).lines()


def test_file_links_after_a_wrappers_text_block_are_its_attachment_list_when_a_script_writes_the_heading():
    body = (
        f"<div class='content'><h1>某某通知</h1><div>发布时间：2025-05-16</div><div id='text'>{TEXT * 3}</div>"
        "<div class='file'><script>document.write('附件：')</script><ol><li><a href='./P1.pdf'>1.规则修改事项.pdf</a>"
        "<br/><a href='./P2.pdf'>2.文件清单修改事项.pdf</a></li></ol></div></div>"
    )
    assert page(body).lines[-2:] == ["1.规则修改事项.pdf", "2.文件清单修改事项.pdf"]
    unheaded = body.replace("<script>document.write('附件：')</script>", "")
    assert page(unheaded).lines[-1] == TEXT[3:-4]  # a bare file link under no heading is no part of the text


def test_a_date_shown_with_the_article_is_its_publication_before_a_labelled_date_of_writing():
    body = (
        "<table><tr><td>发文日期：</td><td>2023-08-25</td><td>文号：</td><td>便函</td></tr></table>"
        f"<h1>某某局关于转发某某通知的通知</h1><div><span><i></i>2023-08-28 08:15</span></div>"
        f"<div class='TRS_Editor'>{TEXT}</div>"
    )
    found = page(body, head="<title>某某局关于转发某某通知的通知_某某局</title>").meta.finish()
    assert (found["published"], found["written"], found["doc_number"]) == ("2023-08-28", "2023-08-25", "便函")


def test_a_county_records_信息索引号_文件编号_and_效力状况_and_a_placeholder_of_dashes_is_no_value():
    # 无锡's 信息公开 record (as another project's fixtures of its pages show it): values wrapped in comments
    record = (
        "<table><tr><td>信息索引号</td><td><!--<$[SYH]>-->014006438/2026-03652<!--<$[SYH]>--></td>"
        "<td>公开日期</td><td>2026-09-18</td></tr>"
        "<tr><td>文件编号</td><td>{number}</td><td>效力状况</td><td>有效</td></tr>"
        "<tr><td>发布机构</td><td>无锡市人民政府</td><td>公开方式</td><td>主动公开</td></tr></table>"
    )
    found = page(record.format(number="政府令187号") + f"<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    got = (found["index_number"], found["doc_number"], found["validity"])
    assert got == ("014006438/2026-03652", "政府令187号", "有效")
    found = page(record.format(number="—&nbsp;&nbsp;—") + f"<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert found["doc_number"] is None and found["publisher"] == "无锡市人民政府"


def test_信息发布时间_is_a_label_and_我要打印_a_page_tool_so_the_heading_over_them_is_the_title():
    # a trading platform's notice: the head <title> names only the site, the heading stands over the info line
    body = (
        "<h2>某某学校校区改造工程</h2><div>信息发布时间：2026-07-06 22:41:54<span></span>来源：某某交易集团"
        "<span></span>阅读次数：<a href='javascript:window.print();'>【我要打印】</a><a>【关闭】</a></div>"
        f"<div class='ewb-trade-right'>{TEXT * 3}</div>"
    )
    found = page(body, head="<title>某某省公共资源交易网</title>").meta.finish()
    assert (found["title"], found["published"]) == ("某某学校校区改造工程", "2026-07-06")
    assert clean_lines(["【我要打印】", "特此公告。"]) == ["特此公告。"]


def test_a_value_under_a_label_alone_on_its_line_is_metadata_not_text():
    head = "<div class='tit'>关于发布某某诊断标准的通告</div><div><span>发布时间：\n2026-07-29\n</span>"
    found = page(head + f"<span>来源:\n法规司\n</span></div><div class='con'>{TEXT * 3}</div>")
    assert found.meta.finish()["publisher"] == "法规司"
    assert clean_lines(["发布时间：", "2026-07-29", "来源:", "法规司", TEXT[3:-4]]) == [TEXT[3:-4]]


def test_the_heading_over_the_labels_inside_the_texts_container_below_its_breadcrumb_is_the_title():
    body = (
        "<div class='content'><div class='crumb'><a>首页</a> &gt; <a>智库动态</a>&gt;<a>热点资讯</a></div>"
        "<p class='title-text'>某某省政府工作报告摘要</p>"
        "<p><span>日期: 2026-01-23</span><span>来源：某某发改</span></p>"
        f"<div class='content-info'>{TEXT * 4}</div></div>"
    )
    found = page(body, head="<title>某某省经济信息中心</title>").meta.finish()
    assert (found["title"], found["publisher"]) == ("某某省政府工作报告摘要", "某某发改")


def test_a_heads_title_with_a_legacy_entity_reads_as_a_browser_reads_it():
    head = '<meta name="ArticleTitle" content="2026年省政府工作报告&ltbr/>——2026年1月27日在某某省人民代表大会上">'
    found = page(f"<div class='zoom'>{TEXT * 3}</div>", head=head).meta.finish()
    assert found["title"] == "2026年省政府工作报告——2026年1月27日在某某省人民代表大会上"


def test_a_related_links_heading_pointing_on_ends_the_text():
    assert clean_lines(["特此公告。", "相关链接>>", "某某解读", "相关附件>>"]) == ["特此公告。"]


def test_a_cms_title_the_page_never_shows_yields_to_the_heading_over_labels_alone_on_their_lines():
    # a template left a 2020 notice's ArticleTitle; the heading a <br> breaks stands over labels whose values
    # are on the lines below them
    head = "<title>某某省卫生健康委员会网站</title><meta name='ArticleTitle' content='关于增加示范县的通知'>"
    body = (
        "<h3>政府工作报告<br>——2026年2月2日在某某省人民代表大会上</h3>"
        "<div>发布时间：<br>2026-02-10 09:20<br>发布人：<br>文章来源：<br>某某政府网</div>"
        f"<div class='zoom'>{TEXT * 3}</div>"
    )
    assert page(body, head=head).meta.finish()["title"] == "政府工作报告——2026年2月2日在某某省人民代表大会上"


def test_what_a_script_writes_is_read_with_its_variables_in_any_writing_form():
    script = (
        "<script>var SourceName='某某日报'; if(SourceName==''){ SourceName='某某省人民政府'; }"
        "$('.SourceName').html('文章来源：'+SourceName);</script>"
    )
    body = f"<div class='info'><span class='SourceName'>{script}</span><span>发布时间：2026-02-02</span></div>"
    found = page(body + f"<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert found["publisher"] == "某某日报"  # the first string given, as the page shows it
    tree = parse('<div><script>el.innerHTML = "<b>附件：</b>";</script><script>document.write(x)</script></div>')
    assert [script_writes(s) for s in tree.iter("script")] == [["<b>附件：</b>"], [""]]


def test_an_attachment_heading_standing_apart_from_its_list_after_the_text_ends_the_document():
    body = (
        f"<div class='wrap'><div class='block'>{TEXT * 6}</div><p class='fjxx'>附件信息：</p>"
        "<ul class='fjxx'><li><a href='https://oss.example.cn/a/1.doc'>采购项目招标文件.doc</a></li></ul></div>"
    )
    assert page(body).lines[-2:] == ["附件信息：", "采购项目招标文件.doc"]


def test_an_everyday_word_alone_is_no_label_and_a_number_a_script_writes_under_the_heading_is_the_文号():
    side = "<ul><li><a href='http://weibo.com/x'>南京<br>发布</a></li><li><a href=''>手机</a></li></ul>"
    record = "<dl><dt>文号</dt><dd>某政规字〔2024〕8号</dd></dl>"  # a label in its own element, unmarked
    found = page(side + record + f"<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert (found["publisher"], found["doc_number"]) == (None, "某政规字〔2024〕8号")
    script = '<p class="fbt"></p><script>var fn = "宁政规字〔2024〕8号"; $(".fbt").text("（ " + fn + " ）");</script>'
    found = page(f"<p class='title'>关于印发某某办法的通知</p>{script}<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert found["doc_number"] == "宁政规字〔2024〕8号"


def test_a_files_size_beside_its_link_is_no_line_of_the_text():
    assert clean_lines(["附件信息：", "采购项目招标文件.doc", "680.1K"]) == ["附件信息：", "采购项目招标文件.doc"]
    assert clean_lines(["增长680.1K吨。"]) == ["增长680.1K吨。"]


def test_an_addressee_line_under_an_empty_source_label_stays_in_the_text():
    lines = ["- 來源:", "各市、自治州人民政府,蘭州新區管委會,省政府各部門:", TEXT[3:-4]]
    assert clean_lines(lines) == lines[1:]


def test_a_date_shown_in_the_info_lines_over_the_heading_beats_the_cms_date():
    head = '<title>关于印发某某办法的政策解读</title><meta name="PubDate" content="2024-09-23 10:09">'
    info = "<p>来源：流通发展司\n<span>类型：原创</span>\n<span>2024-08-30 17:20</span></p>"
    found = page(f"{info}<div class='art-title'>关于印发某某办法的政策解读</div><div class='zoom'>{TEXT}</div>", head)
    assert found.meta.finish()["published"] == "2024-08-30"
    # a date over the heading counts only in the info lines right above it: a top bar's date is far above
    bar = "<p>2024-08-30 星期五</p><ul><li>首页</li><li>政务公开</li></ul>"
    found = page(f"{bar}<div class='art-title'>关于印发某某办法的政策解读</div><div class='zoom'>{TEXT}</div>", head)
    assert found.meta.finish()["published"] == "2024-09-23"


def test_a_dialogs_generically_named_content_box_is_not_the_text():
    notice = "<p>合同示范文本库收集了市场监管部门制定发布的合同示范文本，供查阅下载。</p>"
    dialog = f"<div class='samr-modal'><div class='content'>{notice}</div></div>"
    article = f"<article>{TEXT * 12}</article>"
    assert page(dialog + article).lines[0].startswith("各乡镇人民政府")


def test_the_site_owner_named_by_the_footer_and_a_database_are_no_part_of_the_title():
    head = "<title>学校食堂委托管理服务合同（浙江省2024版）_合同示范文本库_国家市场监督管理总局</title>"
    found = page(f"<article>{TEXT}</article><p>版权所有：国家市场监督管理总局</p>", head).meta.finish()
    assert found["title"] == "学校食堂委托管理服务合同（浙江省2024版）"
    found = page(f"<article>{TEXT}</article><p>发布编号：HT33／SF24 2-2024</p>", head).meta.finish()
    assert found["doc_number"] == "HT33／SF24 2-2024"


def test_the_site_owner_named_by_a_copyright_line_with_a_word_after_it_is_no_part_of_the_title():
    title = "最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定"
    head = f"<title>{title} - 中华人民共和国最高人民法院公报</title>"
    footer = "<p>中华人民共和国最高人民法院 版权所有</p>"
    found = page(f"<div class='content_box'>{TEXT}</div>{footer}", head).meta.finish()
    assert found["title"] == title
    unnamed = page(f"<div class='content_box'>{TEXT}</div><p>中华人民共和国最高人民法院</p>", head).meta.finish()
    assert unnamed["title"].endswith("公报")  # no footer says who runs the site: nothing to strip by


def test_a_heading_element_that_is_a_part_of_the_head_title_and_a_dateline_after_the_sites_name():
    title = "中华人民共和国民事诉讼法（2023年9月1日修正）"
    head = f"<title>{title} - 法律法规 - 芒市长安网_云南长安网德宏芒市频道</title>"
    dateline = "<p class='inf'><a href='/'>芒市长安网</a>&nbsp;&nbsp;&nbsp;2024-12-24 17:28:13</p>"
    found = page(f"<div class='row'><h2>{title}</h2>{dateline}<div class='content'>{TEXT * 3}</div></div>", head)
    assert found.meta.finish()["title"] == title and found.meta.finish()["published"] == "2024-12-24"
    logo_head = "<title>关于某事的通知 - 国家能源局</title>"
    logo = page(f"<h1>国家能源局</h1><div class='content'>{TEXT * 3}</div>", logo_head)
    assert logo.meta.finish()["title"] == "关于某事的通知"  # a short part is a site's or a column's name
    meeting = page(f"<h2>{title}</h2><div class='content'><p>会议时间 2024年5月1日</p>{TEXT * 3}</div>", head)
    assert meeting.meta.finish()["published"] is None  # a name before a date is a body's or a site's name


def test_a_print_regions_heading_with_the_number_the_cms_appended_is_no_line_of_the_text():
    heading = "关于整治虚拟货币“挖矿”活动的通知(发改运行〔2021〕1283号)"
    region = (
        f"<!--startprint--><div><h2 class='article_title'>{heading}</h2><div class='time'>发布时间：2021/09/24</div>"
        f"<div class='article_con'>{TEXT * 3}</div></div><!--endprint-->"
    )
    html = f"<html><head><title>【{heading}】-国家发展和改革委员会</title></head><body>{region}</body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert doc.title == "关于整治虚拟货币“挖矿”活动的通知" and doc.doc_number == "发改运行〔2021〕1283号"
    assert doc.text.startswith("各乡镇人民政府")


def test_a_heading_the_markup_breaks_is_read_with_its_second_half_the_head_title_holds():
    head = "<title>关于做好2024年政务公开工作的通知_某某县人民政府</title>"
    for heading in (
        "<div class='title'>关于做好2024年政务公开\n工作的通知</div>",
        "<div class='title'>关于做好<br>2024年政务公开工作的通知</div>",
    ):
        found = page(f"{heading}<div class='zoom'>{TEXT * 3}</div>", head).meta.finish()
        assert found["title"] == "关于做好2024年政务公开工作的通知"
    repeated = "<div class='title'>关于做好2024年政务公开\n工作的通知</div><div>工作的通知</div>"
    assert (
        page(f"{repeated}<div class='zoom'>{TEXT * 3}</div>", head).meta.finish()["title"]
        == "关于做好2024年政务公开工作的通知"
    )


@pytest.mark.parametrize(
    "heading",
    [
        "<div class='biaoti'>关于做好2024年政务公开工作的通知</div>",  # a box no name tells
        "<h1>关于做好2024年政务公开工作的通知</h1><div>2024-03-01</div><div>【打印】【关闭】</div>",  # tools between
        "<table><tr><td class='xl_title'>关于做好2024年政务公开工作的通知</td></tr></table>",
    ],
)
def test_where_the_head_title_names_only_the_site_the_heading_right_above_the_text_is_the_title(heading):
    body = f"<div class='logo'>某某县人民政府</div>{heading}<div class='TRS_Editor'>{TEXT * 3}</div>"
    assert page(body, "<title>某某县人民政府</title>").meta.finish()["title"] == "关于做好2024年政务公开工作的通知"


def test_a_heading_box_a_br_breaks_is_read_whole_where_the_head_title_names_only_the_site():
    heading = "<div class='title'>某某市人民政府关于印发<br>某某市生活垃圾分类工作实施方案的通知</div>"
    info = "<div>发布时间：2023-09-15 来源：市政府办公室</div>"
    found = page(f"{heading}{info}<div class='zoom'>{TEXT * 3}</div>", "<title>某某市人民政府</title>").meta.finish()
    assert found["title"] == "某某市人民政府关于印发某某市生活垃圾分类工作实施方案的通知"
    byline = "<div class='title'>关于做好2024年政务公开工作的通知<br>发布时间：2024-03-01</div>"
    found = page(f"{byline}<div class='zoom'>{TEXT * 3}</div>", "<title>某某市人民政府</title>").meta.finish()
    assert found["title"] == "关于做好2024年政务公开工作的通知"  # a label's line sharing the box is no part of it
    boxes = "<div class='title'><h1>关于做好2024年政务公开工作的通知</h1><p>某政办字〔2024〕5号</p></div>"
    found = page(f"{boxes}<div class='zoom'>{TEXT * 3}</div>", "<title>某某市人民政府</title>").meta.finish()
    assert (found["title"], found["doc_number"]) == ("关于做好2024年政务公开工作的通知", "某政办字〔2024〕5号")


def test_a_date_set_after_the_heading_in_its_element_is_the_date_shown_not_part_of_the_title():
    title = "关于公布2024年第一批市级非物质文化遗产代表性项目名录的通知"
    head = f"<title>{title}_某某市文化和旅游局</title>"
    signed = f"<div class='zw'>{TEXT * 3}<p>某某市文化和旅游局</p><p>2024年4月10日</p></div>"
    for dated in (f"{title} <span>2024-04-12</span>", f"{title}<span>[2024/04/12 09:30]</span>"):
        found = page(f"<div class='title'>{dated}</div>{signed}", head).meta.finish()
        assert (found["title"], found["published"]) == (title, "2024-04-12")
    dated_title = "某某县人民代表大会常务委员会公告（2024年1月5日）"  # a date in words is the title's own
    found = page(f"<div class='title'>{dated_title}</div>{signed}", f"<title>{dated_title}</title>").meta.finish()
    assert found["title"] == dated_title


def test_a_date_the_markups_line_breaks_split_under_its_label_is_read_as_a_browser_runs_it_together():
    dateline = "<div><span>发布时间：\n  2022-\n  05-\n  23\n  15:\n  56</span><span>浏览次数：</span></div>"
    signed = f"<div class='zoom'>{TEXT * 3}<p>某某市人民政府办公厅</p><p>2022年5月19日</p></div>"
    assert page(f"<h1>关于某事的通知</h1>{dateline}{signed}").meta.finish()["published"] == "2022-05-23"


def test_a_record_block_inside_the_text_签发单位_签发时间_生效时间_is_metadata_not_text():
    record = "<p><strong>文　　号：</strong>某办发〔2022〕28号<strong>签发单位：</strong></p>"
    dates = "<p><strong>签发时间：</strong>2022-05-19<strong>生效时间：</strong>2022-05-19</p>"
    html = f"<html><body><h1>关于某事的通知</h1><div class='zoom'>{record}{dates}{TEXT * 3}</div></body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert (doc.doc_number, doc.written, doc.publisher) == ("某办发〔2022〕28号", "2022-05-19", None)
    assert doc.text.startswith("各乡镇人民政府")


def test_an_avalon_condition_of_literals_the_server_decided_false_hides_its_element():
    original = "<div ms-if=\"'图解.jpg'.indexOf('[原件]')!= -1\"><h4><a href='./a.jpg'>文件下载</a></h4></div>"
    files = (
        "<div ms-if=\"'图解.jpg'.indexOf('[原件]')== -1\"><div class='fj' ms-if=\"'图解.jpg'!=''\">"
        "<h5>附件下载：</h5><p><a href='./a.jpg'>图解.jpg</a></p></div></div>"
    )
    body = f"<div><div class='TRS_Editor'>{TEXT * 3}</div></div>{original}{files}"
    html = f"<html><head><title>关于某事的通知</title></head><body><h1>关于某事的通知</h1>{body}</body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert doc.text.endswith("附件下载：\n图解.jpg")
    undecided = "<div ms-if='list.length>0'><p>相关信息：某某局召开会议</p></div>"
    assert "相关信息：某某局召开会议" in Rendering(parse(f"<html><body>{undecided}</body></html>")).lines()


def test_a_short_text_that_sends_the_reader_to_its_attachment_is_the_text_with_the_list_a_script_heads():
    box = "<div class='main'><div id='detailContent'><div class='TRS_Editor'>&nbsp;见附件</div></div></div>"
    heading = "<div class='xl_tit3' style='display:none;'>附件下载：</div>"
    files = "<div><ul><li><a href='./P0.doc' class='doc_file'>2026年补贴性培训机构目录.doc</a></li></ul></div>"
    footer = f"<div class='foot'>版权所有：某某市人力资源和社会保障局 主办单位：某某市人力资源和社会保障局 {TEXT}</div>"
    head = "<title>2026年补贴性技能培训机构目录</title>"
    html = f"<html><head>{head}</head><body>{box}{heading}{files}{footer}</body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert doc.text == "见附件\n附件下载：\n2026年补贴性培训机构目录.doc"
    unheaded = html.replace(heading, "<div class='xl_tit3' style='display:none;'>相关链接</div>")
    assert "附件下载" not in process_page(Response("http://x.gov.cn/a.html", 200, unheaded.encode())).text


def test_a_box_whose_whole_text_sends_the_reader_to_the_attachments_is_the_text_where_no_box_is_named():
    source = "<span>信息来源：</span>某某市人力资源和社会保障局"
    dateline = f"<div>发布时间：2026-03-27 08:57 {source} 点击数： 字号：T | T</div>"
    box = "<div><div><div>&nbsp;见附件</div></div></div>"
    heading = "<div style='display:none;'>附件下载：</div>"
    files = "<div><ul><li><a href='./P0.doc'>2026年补贴性培训机构目录.doc</a></li></ul></div>"
    body = f"<div>2026年补贴性技能培训机构目录</div>{dateline}{box}{heading}{files}"
    assert document(body, "").text == "见附件\n附件下载：\n2026年补贴性培训机构目录.doc"
    ending = body.replace(box, f"<div>{TEXT}<p>详见附件。</p></div>")  # a text that ends by pointing to its files
    assert document(ending, "").text.startswith("各乡镇人民政府")


def test_where_nothing_else_gives_a_title_the_texts_first_line_naming_a_kind_of_document_is():
    opening = "<p style='text-align:center'><strong>关于做好2024年政务公开工作的通知</strong></p>"
    body = f"<div class='TRS_Editor'>{opening}{TEXT * 3}</div>"
    html = f"<html><head><title>某某县人民政府</title></head><body>{body}</body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert doc.title == "关于做好2024年政务公开工作的通知" and doc.text.startswith("各乡镇人民政府")
    crumb = f"<div>首页 > 政务公开 > 通知公告栏目内容</div><div class='TRS_Editor'>{TEXT * 3}</div>"
    # nothing better: no title (a list's title fills it in a crawl), not the site's name
    assert page(crumb, "<title>某某县人民政府</title>").meta.finish()["title"] is None


def test_a_lone_less_than_sign_before_chinese_is_text_as_a_browser_reads_it():
    title = "关于转发《国家能源局关于印发<坚强局部电网规划建设实施方案>的通知》的通知"
    head = f'<title>能源</title><meta name="ArticleTitle" content="{title}">'
    heading = title + "</坚强局部电网规划建设实施方案>"
    found = page(f"<h2 class='title'>{heading}</h2><div class='zoom'>{TEXT}</div>", head).meta.finish()
    assert found["title"] == title


def test_a_label_right_before_a_script_is_read_with_what_the_script_writes():
    script = "<script>var docsource='深圳市市场监督管理局'; document.write(docsource);</script>"
    source = f"<div><i>来源：{script}</i><i>日期：2025-10-16 15:20</i></div>"
    record = "<ol><li>[制发单位] <span>北京市经济和信息化局</span></li></ol>"
    assert page(source + f"<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "深圳市市场监督管理局"
    assert page(record + f"<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] == "北京市经济和信息化局"


def test_an_attachment_list_after_the_box_the_text_ends_is_the_documents_end():
    files = "<div><p>附件下载：</p><ul><li><a href='./P1.pdf'>附件1：确认表.pdf</a></li></ul></div>"
    lines = page(f"<div><div class='box'><div class='TRS_Editor'>{TEXT}</div></div></div>{files}").lines
    assert lines[-2:] == ["附件下载：", "附件1：确认表.pdf"]


def test_a_font_switchers_icon_is_no_value_of_the_empty_source_label_before_it():
    dateline = "<div><span>\n2023-11-13 10:58\n</span>\n<span>来源：</span>\n</div>"
    info = dateline + "<div><p class='ft'>Aa</p><span>字体：</span></div>"
    assert page(info + f"<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"] is None


def test_a_covers_release_line_in_the_text_is_its_publication_date():
    cover = "<p>浙江省合同示范文本</p><p>学校食堂委托管理服务合同</p><p>2024-06-17发布\u00a0 \u00a02024-07-01施行</p>"

    def published(body: str):
        html = f"<html><head><title>合同示范文本库</title></head><body><article>{body}</article></body></html>"
        return process_page(Response("http://x.gov.cn/a.html", 200, html.encode())).published

    assert published(cover + TEXT) == "2024-06-17"
    assert published("<p>2024-06-17发布的通知要求如下。</p>" + TEXT) is None


def test_a_label_the_markup_leaves_empty_takes_no_line_below_it():
    heading = "<div class='atricle-title'>某某局关于确定重点联系点的通知</div>"
    record = "<ul><li>\n<span>发布日期：</span>\n<span>2026-07-17</span>\n<span>发布机构：</span><i></i></li></ul>"
    dateline = "<div class='time'>\n<span>时间：2020-12-04</span>\n<span>来源：</span>\n</div>"
    alone = "<div><span>来源：</span></div><div>某某市人民政府办公室</div>"  # alone in its block: the next line

    def publisher(html: str):
        return page(html + f"<div class='zoom'>{TEXT}</div>").meta.finish()["publisher"]

    assert publisher(record + heading) is None
    assert publisher(heading + dateline) is None
    assert publisher(heading + alone) == "某某市人民政府办公室"


def test_a_short_box_holding_a_scanned_page_and_its_file_is_the_text():
    name = "某某市医疗保障局办公室 某某市卫生健康委员会办公厅关于确定医保支持基层医疗服务发展重点联系点的通知.txt"
    scan = "<p><a href='./scan_files/p1.png'><img src='./scan_files/p1.png'></a></p>"
    link = f"<p>文件下载链接：<a href='/module/download/downfile.jsp?filename=a.txt'>{name}</a></p>"
    record = "<ul><li><span>名称：</span><span>某某局关于确定联系点的通知</span></li></ul>"
    slogan = "<p><strong>维护医保基金安全，人人有责！举报电话：010-12345678。</strong></p>"
    found = page(f"<div class='atricle'>{record}<div id='zoom'>{scan}{link}{slogan}</div></div>")
    assert found.lines == [f"文件下载链接：{name}", "维护医保基金安全，人人有责！举报电话：010-12345678。"]


def test_the_images_the_text_shows_are_the_documents_own_files():
    body = (
        "<img src='/banner.jpg'>"  # the page's banner, outside the text's box
        "<div class='zoom'>"
        f"{TEXT}<p><a href='/scan/p1.png'><img src='/scan/p1.png' alt=' 第1页 '></a></p>"
        "<p><img src='chart.png'></p><p><img src='chart.png'></p>"  # shown twice, archived once
        "<p><a href='/f/a.pdf'><img src='/icons/pdf.gif'>方案.pdf</a></p>"  # a file link's icon: the file is archived
        "<p><a href='/module/download/downfile.jsp?filename=7'><img src='/icons/doc.gif'>实施细则</a></p>"  # likewise
        "<p><img src='data:image/png;base64,iVBORw0KGgo='><img src='/hidden.png' style='display:none'></p>"
        "</div>"
    )
    found = page(body)
    assert found.images == [
        {"url": "http://x.gov.cn/scan/p1.png", "name": "第1页"},
        {"url": "http://x.gov.cn/chart.png", "name": "chart.png"},
    ]
    assert [a["name"] for a in found.attachments] == ["方案.pdf", "实施细则"]


@pytest.mark.parametrize("day", ["2016-04-01", "2016年04月01日", "２０１６-０４-０１"])
def test_a_dateline_is_read_in_any_numerals_and_is_never_the_title(day):
    """Found by a probe writing the tuning pages' dates otherwise: a dateline in Chinese form between the heading
    and the labels was taken for the title, and one in full-width digits was not read (the date-in-line pattern
    knew ASCII digits only, where the date parser knows both)."""
    head = "<title>《强制性产品认证管理规定》</title>"
    info = f"<div class='cont_info'><p class='time'>{day}</p><p class='from'>作者：某某认证中心</p></div>"
    found = page(f"<div class='cont_tit'>《强制性产品认证管理规定》</div>{info}<div class='zoom'>{TEXT}</div>", head)
    assert found.meta.finish()["title"] == "《强制性产品认证管理规定》"
    dateline = f"<h3>我省生态补偿资金规模增加</h3><h5><span>[省发改委]</span>&nbsp;{day}&nbsp;字号：T | T</h5>"
    found = page(f"{dateline}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (found["publisher"], found["published"]) == ("省发改委", "2016-04-01")


@pytest.mark.parametrize(
    "above_text",
    [
        "<div class='crumb'>当前位置：首页»新闻中心»时政要闻</div><div>发布时间：2026-02-03</div>",  # a breadcrumb
        "<div class='info'><p>2022年07月07日 16:30</p><p>来源：中国网信网</p></div>",  # a date with its time
        "<h5><span>[省发改委]</span></h5><div>字号：大 中 小</div>",  # a source in brackets
        "",  # nothing: the head <title> is the site's name alone
    ],
)
@pytest.mark.parametrize("head", ["<title></title>", "<title>滨江市人民政府门户网站</title>"])
def test_no_title_rather_than_furniture_a_date_a_source_or_the_site_s_name(above_text, head):
    """Found by a probe giving the tuning pages an empty head <title>, or another site's name for one: such pages
    took their breadcrumb, dateline, bracketed source or the site's name for the document's title."""
    assert page(f"{above_text}<div class='zoom'>{TEXT * 3}</div>", head).meta.finish()["title"] is None


def test_a_label_beside_an_empty_one_is_no_value():
    cells = (
        "<div><span>索 引 号</span><span></span><span>文号</span><span></span></div>"
        "<div><span>发布机构</span><span> </span><span>生成日期</span><span></span></div>"
    )
    found = page(f"<h1>关于开展某项工作的通知</h1>{cells}<div class='zoom'>{TEXT}</div>").meta.finish()
    assert (found["publisher"], found["index_number"]) == (None, None)


def test_a_number_in_square_brackets_keeps_them_and_loses_the_bracket_its_pair_stood_in():
    dateline = "<small><span>(发布日期：2026年04月24日</span> <span>文号：沪发改价管[2026]19号)</span></small>"
    found = page(f"<h2>关于气电价格联动调整的通知 {dateline}</h2><div class='zoom'>{TEXT}</div>").meta.finish()
    assert found["doc_number"] == "沪发改价管[2026]19号"


@pytest.mark.parametrize(
    "href, taken",
    [
        ("/fileserver/getFile.do?fileId=1", True),  # a download endpoint with no file name in the link
        ("/UploadFiles/DownLoadFile.aspx?id=2", True),
        ("/servlet/FileDownload?fid=3", True),
        ("/viewer/1.html", False),  # a viewer's page
        ("/play/mov-doc/", False),  # a section's index (a menu's 'MOV.doc')
        ("#", False),
    ],
)
def test_a_link_that_reads_as_a_file_s_name_is_an_attachment_whatever_serves_it(href, taken):
    """Found by a probe giving the tuning pages' attachment links the endpoints Java and .NET portals use."""
    link = f"<p>附件：<a href='{href}'>附件1：岗位汇总表.pdf（120KB）</a></p>"
    found = page(f"<h1>关于开展工作的通知</h1><div class='TRS_Editor'>{TEXT * 3}{link}</div>").attachments
    assert [a["name"] for a in found] == (["附件1：岗位汇总表.pdf（120KB）"] if taken else [])


@pytest.mark.parametrize("listed", ["关于开展2024年度政务公开...", "关于开展2024年度政务公开…"])
def test_a_title_the_list_cut_short_gives_way_to_the_page_s_and_stands_only_where_the_page_names_none(listed):
    heading = "关于开展2024年度政务公开工作考核的通知"
    titled = f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1><div class='zoom'>{TEXT * 3}</div>"
    untitled = f"<html><head><title></title></head><body><div class='zoom'>{TEXT * 3}</div>"
    for html, title in ((titled, heading), (untitled, listed)):
        doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()), {"title": listed})
        assert doc.title == title


def test_a_body_hidden_while_the_page_s_scripts_load_is_read_as_shown():
    # gkmlpt's template: <body style='visibility: hidden'>, shown by its scripts; the record is a definition list
    record = "<dl><dt>发布机构：</dt><dd>某某区司法局</dd><dt>成文日期：</dt><dd>2025-02-21</dd></dl>"
    html = f"<html><head><title>某某区政府信息公开</title></head><body style='visibility: hidden'>{record}"
    found = extract(f"{html}<div class='article-content'>{TEXT * 3}</div></body></html>").meta.finish()
    assert (found["publisher"], found["written"]) == ("某某区司法局", "2025-02-21")


RECORD_ROWS = {  # the record atop the text's own box, labels with no colon
    "spans": "<div><span class='label'>{}</span><span class='value'>{}</span></div>",
    "a table's <th>": "<table><tr><th>{}</th><td>{}</td></tr></table>",
    "a label over its value": "<div><div class='label'>{}</div><div class='value'>{}</div></div>",
}


@pytest.mark.parametrize("row", RECORD_ROWS.values(), ids=RECORD_ROWS)
def test_a_record_on_the_first_lines_of_the_text_s_box_is_read_without_colons(row):
    record = row.format("发布机构", "某某县人民政府") + row.format("文号", "某政发〔2024〕3号")
    heading = "<h2>关于做好政务公开工作的通知</h2><p>【信息来源：某某网】</p>"
    body = f"<div class='content'>{heading}{record}{TEXT * 4}</div>"
    found = page(body).meta.finish()
    assert (found["publisher"], found["doc_number"]) == ("某某县人民政府", "某政发〔2024〕3号")


def test_a_label_in_a_block_over_its_value_names_the_document_even_with_an_everyday_word():
    cell = "<div class='item'><div class='label'>{}</div><div class='value'>{}</div></div>"
    record = cell.format("名称", "关于做好政务公开工作的通知") + cell.format("索引号", "11120000MB1896646L/2024-00066")
    found = page(f"<h1>某某市人民政府</h1><div class='record'>{record}</div><div class='zoom'>{TEXT * 3}</div>").meta
    assert found.finish()["title"] == "关于做好政务公开工作的通知"
    assert page(f"<div class='zoom'><div><div>名称</div>{TEXT * 3}</div></div>").meta.finish().get("title") is None


HEADING = "<h1>国家互联网信息办公室公布《数据出境安全评估办法》</h1>"
UNDER_HEADING = {  # what portals print between the heading and the text
    "a dateline with its time, a label over its value": "<p>2022年07月07日 16:30</p><p>来源：</p><p>中国网信网</p>",
    "a source in brackets over the date": "<p>[省发改委]</p><p>2016-04-01</p>",
    "a site's short name over the date": "<p>新华网</p><p>2024.02.22</p>",
    "a site's name before the dateline": "<p>芒市长安网&nbsp;&nbsp; 2024-12-24 17:28:13</p>",
}


@pytest.mark.parametrize("between", UNDER_HEADING.values(), ids=UNDER_HEADING)
@pytest.mark.parametrize("head_title", ["信息公开", ""], ids=["a section's name", "none"])
def test_the_heading_over_a_byline_names_a_page_whose_head_title_does_not(between, head_title):
    body = f"<div class='nav'><a href='/'>首页</a></div>{HEADING}{between}<div class='zoom'>{TEXT * 3}</div>"
    title = page(body, head=f"<title>{head_title}</title>").meta.finish()["title"]
    assert title == "国家互联网信息办公室公布《数据出境安全评估办法》"


def test_with_no_head_title_a_title_box_naming_the_site_gives_way_to_the_heading_over_the_text():
    body = f"<div class='title'>中国科普网</div>{HEADING}<p>来源：新华社</p><div class='zoom'>{TEXT * 3}</div>"
    assert (
        page(body, head="<title></title>").meta.finish()["title"] == "国家互联网信息办公室公布《数据出境安全评估办法》"
    )


def test_a_record_s_table_or_items_are_no_text_to_a_page_whose_boxes_have_no_known_names():
    record = (
        "<table><tr><td>索 引 号</td><td>PT00103-0200-2024-00039</td><td>文号</td><td>莆市工信〔2024〕148号</td></tr>"
        "<tr><td>发布机构</td><td>莆田市工业和信息化局</td><td>成文日期</td><td>2024-06-13</td></tr></table>"
        "<ul><li>[ 主题分类 ] 工业、交通</li><li>[ 有效性 ] 有效</li></ul>"
    )
    text = "<p>局各科室、直属事业单位：</p><p>经研究，现将操作指南予以印发，请遵照实施。</p><p>莆田市工业和信息化局</p>"
    got = page(f"<div>{record}<div>{text}</div></div>")
    assert got.lines == [
        "局各科室、直属事业单位：",
        "经研究，现将操作指南予以印发，请遵照实施。",
        "莆田市工业和信息化局",
    ]


def test_a_copyright_line_with_its_owner_before_it_is_furniture_and_a_sentence_naming_copyright_is_not():
    footer = ["国家能源局西北监管局版权所有，如需转载，请注明来源", "嘉鱼县信息中心承办 版权所有 未经许可,不得转载"]
    assert clean_lines(["特此通知。", *footer]) == ["特此通知。"]
    assert clean_lines(["著作权人对其作品享有版权所有权利。"]) == ["著作权人对其作品享有版权所有权利。"]


def test_a_counter_over_a_red_head_is_no_part_of_the_title():
    issuers = [
        "某某市经济和信息化委员会",
        "某某市财政局",
        "中共某某市委金融委员会办公室",
        "国家金融监督管理总局某某监管局",
        "某某市商务委员会",
    ]
    tail = "关于印发《某某市支持智能网联新能源商用车产业发展政策措施（2025—2027年）》的通知"
    title = " ".join(issuers) + tail
    head = f"<title>某某市经济和信息化委员会</title><meta name='ArticleTitle' content='{title}'>"
    red_head = "".join(f"<p>{line}</p>" for line in ["浏览次数：1234", *issuers, tail])
    assert page(f"<div class='zoom'>{red_head}{TEXT * 3}</div>", head=head).meta.finish()["title"] == title


def test_page_tools_among_the_labels_under_a_heading_are_passed_over_to_it():
    info = "<p>发布单位：政府采购云平台</p><p>发布时间：2026-07-30 19:59</p><p>浏览 0 次</p><p>浏览次数：1234</p>"
    body = f"<p>采购公告</p><p>某某医院检测试剂采购项目公开招标公告</p>{info}<div class='zoom'>{TEXT * 3}</div>"
    assert (
        page(body, head="<title>某某公共资源交易网</title>").meta.finish()["title"]
        == "某某医院检测试剂采购项目公开招标公告"
    )


@pytest.mark.parametrize("tool", ["浏览次数：1234", "字号：T | T"])
def test_a_page_tool_over_the_heading_is_no_record_to_take_the_line_above_it_for_the_title(tool):
    over = f"<p>当前位置：</p><p>审判参阅 -> 经验交流</p><p>{tool}</p>"
    heading = "<p>关于做好政务公开工作的通知</p><p>作者：张伟 发布时间：2005-10-16</p>"
    box = f"<div class='article_content'>{heading}{TEXT * 3}</div>"
    head = "<title>关于做好政务公开工作的通知 - 某某市人民法院</title>"
    assert page(over + box, head=head).meta.finish()["title"] == "关于做好政务公开工作的通知"


@pytest.mark.parametrize(
    "kind", ["详细信息", "正文", "信息细览", "无标题文档", "Untitled Document", "详细信息 - 某某市人民政府"]
)
def test_a_head_title_naming_only_the_kind_of_page_names_no_document(kind):
    """Found by a probe giving the tuning pages a head <title> of 详细信息: the page kind was taken for the title
    over the heading above the text."""
    body = "<h1>关于做好2024年政务公开工作的通知</h1><div>发布时间：2024-03-01</div>"
    assert page(f"{body}<div class='zoom'>{TEXT * 3}</div>", f"<title>{kind}</title>").meta.finish()["title"] == (
        "关于做好2024年政务公开工作的通知"
    )
    assert page(f"<div class='zoom'>{TEXT * 3}</div>", f"<title>{kind}</title>").meta.finish()["title"] is None


def test_a_source_label_in_traditional_script_on_the_line_under_the_heading_is_no_title():
    """A traditional-script page's byline (中央政府門戶網站 www.gov.cn 2009年06月16日 來源：新華社) was taken for the
    title where the head <title> named none: its 來源 was no label to the heading search."""
    byline = "<p>中央政府門戶網站　www.gov.cn　　2009年06月16日　　來源：新華社</p>"
    heading = f"<p>衛生部印發《技術管理規範徵求意見稿》</p>{byline}"
    body = f"{heading}<p>【字體：大 中 小】</p><div class='zoom'>{TEXT * 3}</div>"
    assert page(body, "<title>详细信息</title>").meta.finish()["title"] == "衛生部印發《技術管理規範徵求意見稿》"


def test_a_red_head_the_text_prints_over_its_文号_is_the_title_where_the_head_title_names_none():
    """A gazette's page (its notice, the date, then the interpretation's red head over 法释〔2020〕15号) had no title
    once its head <title> named only the site."""
    notice = "<p>《最高人民法院关于某某问题的若干规定》已于2020年12月14日通过，现予公布。</p><p>2020年12月29日</p>"
    lines = ["最高人民法院", "关于适用《中华人民共和国民法典》", "时间效力的若干规定", "法释〔2020〕15号"]
    red_head = "".join(f"<p>{line}</p>" for line in lines)
    body = f"<div class='zoom'>{notice}{red_head}{TEXT * 3}</div>"
    assert page(body, "<title>中华人民共和国最高人民法院网</title>").meta.finish()["title"] == (
        "最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定"
    )
    no_kind = red_head.replace("若干规定", "若干问题")  # the last line names no kind of document: no title
    body = f"<div class='zoom'>{notice}{no_kind}{TEXT * 3}</div>"
    assert page(body, "<title></title>").meta.finish()["title"] is None


def test_the_social_share_widgets_prompt_is_furniture_and_no_title():
    """social-share.js's WeChat popup (微信扫一扫：分享 / 微信里点“发现”，扫一下 / 二维码便可将本文分享至朋友圈。)
    under a heading: 中央纪委国家监委网站's commentary pages, whose head <title> names the column and the site, took
    its last line for the title."""
    widget = ["微信扫一扫：分享", "微信里点“发现”，扫一下", "二维码便可将本文分享至朋友圈。"]
    assert clean_lines([*widget, "特此通知。"]) == ["特此通知。"]
    info = "<div>来源：中央纪委国家监委网站</div><div>发布时间：</div><div>2022-05-07 07:00</div><div>分享</div>"
    share = "<div><h4>{}</h4><div><p>{}</p><p>{}</p></div></div>".format(*widget)
    body = f"<h2>广安观潮丨科学精准打好作风建设持久战</h2>{info}{share}<div class='zoom'>{TEXT * 3}</div>"
    head = "<title>评论——中央纪委国家监委网站</title>"
    assert page(body, head).meta.finish()["title"] == "广安观潮丨科学精准打好作风建设持久战"


def test_a_plain_line_above_the_text_that_is_the_head_titles_first_part_is_the_title_and_keywords_are_no_part():
    """A hospital's procurement notice: head <title> 标题 - 站名 - the CMS's keywords, its heading a plain <div> over
    the date; the whole head <title>, keywords and all, was taken for the title."""
    title = "2026年试剂耗材采购项目第七批单一来源采购公示"
    head = f"<title>{title} - 中国医学科学院 血液学研究所 血液病医院 - 2026,年,试剂,耗材,采购,项目,公示</title>"
    body = f"<div>联系我们</div><div>{title}</div><div>2026.07.23</div><div class='zoom'>{TEXT * 3}</div>"
    assert page(body, head).meta.finish()["title"] == title
    assert page(f"<div class='zoom'>{TEXT * 3}</div>", head).meta.finish()["title"] == (
        f"{title} - 中国医学科学院 血液学研究所 血液病医院"
    )
    column_first = f"<title>政策法规解读 - {title} - 某某医院</title>"  # a short first part may be a column's name
    body = f"<div>政策法规解读</div><div class='zoom'>{TEXT * 3}</div>"
    assert page(body, column_first).meta.finish()["title"] == f"政策法规解读 - {title}"  # not the column alone


@pytest.mark.parametrize("source", ["太原晚报 2021-11-25 16:26:07", "人民日报2024-05-13 08:49"])
def test_a_dateline_glued_after_the_source_s_value_dates_the_page_and_is_no_part_of_the_source(source):
    """Pages printing 来源：太原晚报 2021-11-25 16:26:07 under the heading took the date for part of the source
    and gave no date."""
    body = f"<h1>关于做好2024年政务公开工作的通知</h1><div>来源：{source}</div><div class='zoom'>{TEXT * 3}</div>"
    found = page(body, "<title>关于做好2024年政务公开工作的通知</title>").meta.finish()
    assert (found["publisher"], found["published"]) == (source[:4], find_date(source))


def test_a_hidden_search_panel_s_labels_give_no_文号_and_a_hidden_文号_still_does():
    """甘肃省市场监管局's home page hides an advanced search panel (文号： [发文机关] [发文年份] 号, 索引号： [ ]): its
    field captions were read as the page's 文号 and 索引号."""
    panel = (
        "<div style='display:none'><div><label>文号：</label><div><span>发文机关</span><input></div>"
        "<div><span>发文年份</span><input></div><div><span>号</span><input></div></div>"
        "<div><label>索引号：</label><input></div><div><label>附件名称：</label><input></div></div>"
    )
    found = page(f"{panel}<h1>关于做好2024年政务公开工作的通知</h1><div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert (found["doc_number"], found["index_number"]) == (None, None)
    hidden = "<div style='display:none'>文号：某政办〔2024〕5号</div>"
    found = page(f"{hidden}<h1>关于做好2024年政务公开工作的通知</h1><div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert found["doc_number"] == "某政办〔2024〕5号"


def test_the_cms_box_showing_only_images_is_the_text_and_not_the_footer():
    """嘉鱼县's notice-board photographs: the zoom box holds only an image, and the footer (地址：… 邮编：…) was taken
    for the text by the fallbacks."""
    box = "<div id='zoom'><p><img src='/d/file/2012-08-27/board.jpg' alt='官桥村党务村务公开栏.JPG'></p></div>"
    footer = "<div>地址：某某县人民政府 邮编：437200 政务邮箱：zw@example.cn</div><div>管理员电话：0715-6355801</div>"
    got = extract(f"<html><body><h2>官桥村党务村务公开栏</h2>{box}{footer}</body></html>", "http://x.gov.cn/a.html")
    assert (got.lines, [image["name"] for image in got.images]) == ([], ["官桥村党务村务公开栏.JPG"])


def test_the_pages_date_beside_info_labels_at_the_texts_edge_is_furniture_and_a_signatures_date_is_not():
    lines = ["2011-10-27 来源：嘉鱼政务网 责任编辑：嘉鱼政务网编辑", "特此通知。", "某某县人民政府", "2011年10月27日"]
    assert clean_lines(lines) == lines[1:]


def test_a_medium_s_name_before_its_writers_names_atop_the_text_is_a_byline():
    """中央纪委国家监委网站's commentaries open their text with the byline 中央纪委国家监委网站 李鹃; its magazine's
    pages put 本刊记者 赵振宇 in the heading's box, where it was joined to the title."""
    lines = ["中央纪委国家监委网站 李鹃", "5月6日，中央纪委国家监委网站推出监督举报曝光专区。", "新华网 张三 李四"]
    assert clean_lines(lines) == [lines[1]]
    assert clean_lines(["本刊记者 赵振宇", lines[1]]) == [lines[1]]  # a magazine's own reporter
    signature = ["特此通知。", "某某县人民政府办公室 张三"]  # an office is no medium: a signature stays
    assert clean_lines(signature) == signature


def test_a_reporters_byline_in_the_headings_box_is_no_part_of_the_title():
    """The head <title> runs the heading's lines and the byline together; the byline was joined to the title."""
    lines = ["严字当头 一严到底", "——扎实开展全国纪检监察干部队伍教育整顿综述", "本刊记者 赵振宇"]
    heading = "<div class='title'>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>"
    head = f"<title>{''.join(lines)}--中国纪检监察杂志</title>"
    found = page(f"{heading}<div class='zoom'>{TEXT * 3}</div>", head).meta.finish()
    assert found["title"] == "严字当头 一严到底——扎实开展全国纪检监察干部队伍教育整顿综述"


def test_the_texts_head_edge_is_counted_in_the_lines_it_keeps_not_in_the_furniture_over_it():
    """A box holding a record of labels over values, the heading, the date and the font tools over the text: the
    tools stood past the first eight lines and stayed."""
    record = ["[ 发布机构 ]", "某某区公安分局", "[ 有效性 ]", "有效", "[ 成文日期 ]", "2023-04-13", "[ 发布日期 ]"]
    text = ["某某派出所：", *(f"{n}、你所《关于某某问题的请示》收悉。现批复如下。" for n in "一二三四五六七八九十")]
    assert clean_lines([*record, "2023-04-13", "日期：2023-04-13", "大", "中", "小", *text]) == text


def test_a_read_aloud_widget_and_a_catalogue_entrys_record_over_the_text_are_furniture():
    """重庆's pages: a 信息公开 record of labels over values ([ 体裁分类 ] / 公文) and a read-aloud widget over the
    text, read into it where density found the box."""
    record = ["[ 体裁分类 ]", "公文", "公开方式：主动公开"]
    widget = ["语音播报", "语音合成中，请耐心等待...", "进入播报模式", "语音播报", "退出播报模式"]
    text = ["某某派出所：", "你所《关于某某问题的请示》收悉。现批复如下。"]
    assert clean_lines([*record, *widget, *text]) == text


def test_a_record_of_labels_over_values_opening_the_text_box_is_read_past_its_eighth_line():
    """重庆's record, each label alone on its line over its value (<li>[ 发布机构 ]</li><li>…</li>), opening the box
    density found: its publisher and date stood past the first eight lines, where the record was no longer looked
    for once the cleaner took the record's lines out of the text."""
    fields = [
        ("索引号", "1150000020304795XA/2023-00082"),
        ("发文字号", "公治〔2008〕478号"),
        ("主题分类", "公安"),
        ("体裁分类", "公文"),
        ("发布机构", "某某区公安分局"),
        ("有效性", "有效"),
        ("成文日期", "2023-04-10"),
        ("发布日期", "2023-04-13"),
    ]
    record = "<ul>" + "".join(f"<li>[ {label} ]</li><li>{value}</li>" for label, value in fields) + "</ul>"
    body = f"<div>{record}<p>关于某某问题的批复</p>{TEXT * 3}</div>"
    found = extract(f"<html><body>{body}</body></html>", "http://x.gov.cn/a.html").meta.finish()
    assert (found["publisher"], found["published"]) == ("某某区公安分局", "2023-04-13")


def test_font_buttons_a_related_documents_heading_and_a_category_line_are_furniture():
    text = [f"{n}、为做好政务公开工作，现将有关事项通知如下。" for n in "一二三"]
    tail = ["[放大字体]", "[缩小字体]", "相关文档", "某某文件"]
    assert clean_lines(["分 类： 环境监测、保护与治理;通告", *text, *tail]) == text


def test_a_files_icon_beside_its_link_is_no_image_of_the_text_and_a_box_of_files_is_the_text():
    """帝国CMS's attachment block: the file's icon in the cell beside its link's was archived as an image of the
    text; and a box holding only the file (no letters) gave way to the footer."""
    icon = "<td><img alt='文件类型: .doc' src='/e/data/images/downfile.jpg'></td>"
    row = f"<tr>{icon}<td><a href='/d/file/2012-09-04/33bc3f58.doc'>33bc3f58.doc</a> (190.00 KB)</td></tr>"
    box = f"<div id='zoom'><fieldset><legend>36号县领导五联文件</legend><table>{row}</table></fieldset></div>"
    footer = "<div>地址：某某县人民政府 邮编：437200 政务邮箱：zw@example.cn</div>"
    got = extract(f"<html><body><h2>36号县领导五联文件</h2>{box}{footer}</body></html>", "http://x.gov.cn/a.html")
    assert (got.images, got.method) == ([], "id:zoom")
    assert [a["name"] for a in got.attachments] == ["33bc3f58.doc"]


def test_the_unix_epoch_a_cms_prints_for_an_unset_date_is_no_date():
    """A 嘉鱼县 page prints 1970-01-01 where its CMS never set the date: an archive sorted by date put it first."""
    body = "<h1>全省人口和计划生育财务工作座谈会在我县召开</h1><div><span>1970-01-01</span> 来源：中国嘉鱼网</div>"
    found = page(f"{body}<div id='zoom'>{TEXT * 3}</div>", "<title></title>").meta.finish()
    assert (found["title"], found["published"]) == ("全省人口和计划生育财务工作座谈会在我县召开", None)


def test_a_heading_printed_again_over_the_text_does_not_hide_the_labels_under_its_first_print():
    """A court's page whose head <title> names only the site prints its heading over the info line, then again
    over the text: the second print stood between the labels and the text, so no heading was found over them."""
    lines = ["结婚的条件", "发布时间：2022-05-31 16:16:51", "打印", "字号：", "大 |", "中 |", "小"]
    info = "".join(f"<p>{line}</p>" for line in lines)
    body = f"{info}<p>结婚的条件</p><div class='zoom'><p>一</p>{TEXT * 3}</div>"
    assert page(body, "<title>某某区人民法院</title>").meta.finish()["title"] == "结婚的条件"


def test_a_calendar_in_the_sites_header_over_its_breadcrumb_does_not_date_a_page_whose_heading_is_not_found():
    """天津市工信局's header shows a stale calendar (2019年12月3日星期二) over its breadcrumb; with the page's own
    dates gone from its record, the calendar dated the page over the date under the text."""
    header = "<div>天津政务网</div><div>2019年12月3日星期二</div><div>简体 繁体 无障碍</div>"
    trail = "<div>政务公开 &gt; 政策法规 &gt; 委局文件</div>"
    record = "<div>名称：关于做好某某工作的通知　文号：津工信电力〔2024〕21号</div>"
    text = f"<div class='zoom'>{TEXT * 3}<p>2024年11月11日</p></div>"
    html = f"<html><head><title>天津市工业和信息化局</title></head><body>{header}{trail}{record}{text}</body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert (doc.published, doc.written) == ("2024-11-11", "2024-11-11")  # the date under the text, its 成文日期


def test_dates_in_a_row_over_a_law_are_its_versions_not_its_dateline():
    """A law library's 历史沿革 box lists the law's versions (2014-08-07 / 2024-03-10) over the text: with no class
    name to set it apart, the first version dated the page over the 题注's last revision."""
    note = "(2014年8月7日国务院令第654号公布 根据2024年3月10日《国务院关于修改和废止部分行政法规的决定》修订)"
    versions = "<div>历史沿革</div><div>收起</div><div>2014-08-07</div><div>2024-03-10</div>"
    text = f"<div><p>{note}</p><p>第一条 为了规范企业信息公示，制定本条例。</p>{TEXT * 3}</div>"
    html = f"<html><head><title>国家行政法规库</title></head><body><div>企业信息公示暂行条例</div>{versions}{text}"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, f"{html}</body></html>".encode()))
    assert doc.published == "2024-03-10"
    dateline = "<div>2011-10-26 来源：某某政务网</div>"  # a dateline over a report's own date is the page's date
    body = f"<h1>2010年政府工作报告</h1>{dateline}<div class='zoom'><p>2010年1月12日</p>{TEXT * 3}</div>"
    assert page(body, "<title>2010年政府工作报告</title>").meta.finish()["published"] == "2011-10-26"


def test_a_text_printed_twice_in_boxes_with_no_known_names_is_read_once():
    """国家统计局's pages print the text again for print, hidden by their stylesheet (not read): with names nobody
    here knows, the box holding both copies was the densest and the text came out twice."""
    copy = f"<div><p>国家统计局</p>{TEXT * 4}<p>附图</p></div>"
    extracted = page(f"<div><div>首页 &gt; 数据发布</div><div>{copy}{copy}</div></div><div>版权所有：国家统计局</div>")
    assert extracted.lines == ["国家统计局", *[TEXT.removeprefix("<p>").removesuffix("</p>")] * 4, "附图"]


def test_a_footers_address_and_numbers_do_not_outweigh_a_short_text_in_a_box_with_no_known_name():
    """国家能源局华中监管局's notice is four short lines and a PDF: with names nobody here knows, the page's box
    holding the text and the footer (an address, six telephone numbers) was densest, and the whole page was read."""
    menu = "".join(f"<a href='/{i}'>栏目{i}</a>" for i in "一二三四五六七八")
    lines = [
        "华中监能市场规〔2026〕26号",
        "国网华中、西南分部，河南省、湖北省、湖南省、江西省、四川省、重庆市电网企业、电力调度机构、电力交易机构：",
        "为进一步深化华中区域省间电力中长期市场建设，我局制定了实施细则，现印发给你们，请遵照执行。",
        "国家能源局华中监管局",
    ]
    notice = "".join(f"<p>{line}</p>" for line in lines)
    phones = "".join(f"<td>027-8871767{i}（湖北 办证咨询）</td>" for i in range(6))
    footer = (
        "<div><p>主办单位：国家能源局华中监管局 网站标识码：bm62000009号 京ICP备11044902号</p>"
        "<p>办公地址：湖北省武汉市洪山区徐东大街63号国家能源大厦 邮政编码：430066</p>"
        f"<table><tr>{phones}</tr></table></div>"
    )
    extracted = page(f"<div><div>{menu}</div><div><div>{notice}</div></div>{footer}</div>")
    assert extracted.lines == lines


def test_a_date_printed_in_chinese_numerals_is_read_wherever_a_date_in_digits_is():
    """Older documents print their dates in Chinese numerals (二〇一二年二月二日): the dateline under the heading dates
    the page, a date under an empty 来源： label is no publisher, and a law's 题注 dates its text."""
    body = "<h1>关于做好某某工作的通知</h1><div>二〇一二年二月二日 来源：某某县人民政府办公室</div>"
    found = page(f"{body}<div class='zoom'>{TEXT * 3}</div>", "<title>关于做好某某工作的通知</title>").meta.finish()
    assert found["published"] == "2012-02-02"
    body = "<h1>关于做好某某工作的通知</h1><div>来源：</div><div>二〇二六年一月十五日 14:59:40</div>"
    found = page(f"{body}<div class='zoom'>{TEXT * 3}</div>", "<title>关于做好某某工作的通知</title>").meta.finish()
    assert (found.get("publisher"), found["published"]) == (None, "2026-01-15")
    note = "（二〇一一年一月十七日卫生部令第79号公布 自二〇一一年三月一日起施行）"
    assert process_text(f"{note}\n第一条 为了规范某某工作，制定本规范。").published == "2011-01-17"


@pytest.mark.parametrize(
    "over, atop, field, value",
    [
        ("<table><tr><td>信息來源</td><td>综合处</td></tr></table>", "", "publisher", "综合处"),  # a label cell
        ("", "<p><span>發布日期：<b>2018-07-03 17:40:22</b></span></p>", "published", "2018-07-03"),  # atop the text
        ("<div>來源：國家發展和改革委員會</div>", "", "publisher", "國家發展和改革委員會"),  # the value as printed
    ],
)
def test_labels_are_read_in_traditional_script_wherever_they_stand_and_values_as_printed(over, atop, field, value):
    """A traditional-script edition's labels (信息來源, 發布日期) were read only on the page's lines outside the text,
    and a value's characters that labels are made of came out simplified (國家发展和改革委員會)."""
    body = f"<h1>關於做好某某工作的通知</h1>{over}<div class='zoom'>{atop}{TEXT * 3}</div>"
    assert page(body, "<title>關於做好某某工作的通知</title>").meta.finish()[field] == value


def test_an_empty_label_spaced_with_full_width_spaces_takes_no_value_from_the_line_under_it():
    """国家卫健委's record leaves 发布机构 empty: spaced as 发　布　机　构： (as many templates space labels), it was
    not known for empty, and the heading under the record was read as its publisher."""
    record = (
        "<ul><li>\n<span>发　布　日　期：</span>\n<span>2021-08-13</span>\n"
        "<span>发　布　机　构：</span>\n<span></span>\n</li></ul>"
    )
    heading = "<div>国家卫生健康委办公厅  国家医保局办公室关于印发长期处方管理规范（试行）的通知</div>"
    found = page(f"{record}{heading}<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert (found["published"], found.get("publisher")) == ("2021-08-13", None)


def test_a_form_wrapping_the_page_is_read_and_a_search_forms_words_are_not():
    """An ASP.NET page (.aspx) draws everything inside <form id="form1">: forms were skipped as tools, so its info
    line (发布日期：… 来源：…) was never read; a search box's form is still a tool."""
    search = (
        "<form action='/search'><span>站内搜索：</span><input name='q'><span>发布机构：</span><select></select></form>"
    )
    body = (
        f"{search}<form id='form1' method='post' action='./Detail.aspx?id=1'><input type='hidden' name='__VIEWSTATE'>"
        "<h1>关于做好某某工作的通知</h1><div>发布日期：2024-01-05 来源：某某县政府办</div>"
        f"<div id='zoom'>{TEXT * 3}</div></form>"
    )
    found = page(body, "<title>关于做好某某工作的通知_某某县人民政府</title>").meta.finish()
    assert (found["published"], found["publisher"]) == ("2024-01-05", "某某县政府办")
    assert "站内搜索" not in "\n".join(Rendering(parse(f"<html><body>{body}</body></html>")).lines())


@pytest.mark.parametrize(
    "shown",
    [
        "<iframe src='/cms_files/pdfjs/web/viewer.html?file=/cms_files/attach/b033045c.pdf' width='900'></iframe>",
        "<embed src='/cms_files/attach/b033045c.pdf' type='application/pdf'>",
        "<object data='/cms_files/attach/b033045c.pdf' type='application/pdf'></object>",
        "<a href='/zxfile/reader?file=http://x.gov.cn/cms_files/attach/b033045c.pdf'>b033045c.pdf</a>",
    ],
)
def test_a_document_shown_in_the_page_or_in_a_viewer_is_a_file_of_the_document_not_the_viewers_page(shown):
    """工信部's page shows its document's PDF in pdf.js (an <iframe>, no link): it was not archived; 农业农村部's
    links its file through a reader (zxfile/reader?file=…pdf): the reader's page was taken for the file."""
    extracted = page(f"<h1>关于做好某某工作的通知</h1><div class='zoom'>{TEXT * 2}{shown}</div>")
    assert [a["url"] for a in extracted.attachments] == ["http://x.gov.cn/cms_files/attach/b033045c.pdf"]


def test_a_sentence_under_an_empty_source_label_is_no_publisher():
    """证监会's page leaves 来源： empty over a one-sentence text in boxes with no known name: the sentence was read
    as the publisher. A name never ends a sentence; a name beside the label is still read."""
    heading = "<div>某某银行股份有限公司首次公开发行股票申请文件反馈意见<br></div>"
    sentence = "<div><div>某某银行股份有限公司首次公开发行股票申请文件反馈意见，具体见附件。</div></div>"
    info = "<div>\n<span>时间：2020-12-04</span>\n<span>来源：</span>\n</div>"
    found = page(f"<div>{heading}{info}{sentence}</div>").meta.finish()
    assert (found["published"], found.get("publisher")) == ("2020-12-04", None)
    named = "<div>\n<span>时间：2020-12-04</span>\n<span>来源：发行监管部</span>\n</div>"
    assert page(f"<div>{heading}{named}{sentence}</div>").meta.finish()["publisher"] == "发行监管部"


def test_a_columns_name_over_the_heading_is_no_line_of_the_red_head():
    """内蒙古能源局's page with its box names taken away: the column's name 通知公告 over the heading, both the
    text's first lines, read with it as a red head matching the CMS's copy (a long title outweighs four
    characters more); the copy reads the heading as well without it."""
    title = "某某自治区能源局关于公开征求《某某自治区深化提升获得电力服务水平全面打造营商环境行动方案》意见建议的公告"
    head = f"<title>通知公告_某某自治区能源局</title><meta name='ArticleTitle' content='{title}'>"
    body = f"<div><div><span>通知公告</span></div><div><span>{title}</span></div><div>{TEXT * 3}</div></div>"
    assert page(body, head).meta.finish()["title"] == title


def test_a_text_that_is_only_its_files_link_is_found_by_density_not_its_heading():
    """能源局西北监管局's notice is its PDF's link alone: in boxes with no known name, the link's letters counted as a
    way elsewhere twice over, and the heading's box was read as the text (then dropped as the title: no text). A
    file's name counts neither for its box nor against it."""
    title = "国家能源局某某监管局关于明确电力辅助服务市场价格机制等相关事项的通知"
    file = f"<div><p><a href='./P020250701635064649240.pdf'>{title}.pdf</a></p></div>"
    info = "<div><span>2025-07-01 17:38</span><span>来源：市场处</span></div>"
    body = f"<div><div>{title}</div><div>{info}</div><div>{file}</div><div>扫一扫在手机打开当前页</div></div>"
    html = f"<html><head><title>国家能源局某某监管局</title></head><body>{body}</body></html>"
    doc = process_page(Response("http://x.gov.cn/a.html", 200, html.encode()))
    assert doc.text == f"{title}.pdf" and doc.title == title


@pytest.mark.parametrize(
    "over_text",
    [
        ["名称：", TITLE_OF_NOTICE, TITLE_OF_NOTICE],  # a record's 名称 over its value, then the heading
        [TITLE_OF_NOTICE, TITLE_OF_NOTICE],  # the heading printed twice
        ["标题：", TITLE_OF_NOTICE],
        [f"标 题： {TITLE_OF_NOTICE}", f"标 题： {TITLE_OF_NOTICE}", TITLE_OF_NOTICE],  # after its label, twice
    ],
)
def test_the_title_printed_over_the_text_however_often_and_under_its_label_is_no_line_of_it(over_text):
    """医保局's page with its names taken away: its record's 名称 and its heading both stood in the text's box, and
    only a first line that is the title had been taken off."""
    found = metadata.Candidates()
    found.add("title", TITLE_OF_NOTICE, metadata.SHOWN)
    assert (
        finish_lines([*over_text, "各有关单位：", "现将有关事项通知如下。"], found).text
        == "各有关单位：\n现将有关事项通知如下。"
    )


def test_a_heading_under_a_breadcrumb_in_the_texts_box_with_a_byline_among_its_labels_is_the_title():
    """山西省高级人民法院's page with its head <title> naming no document: its text's box opens with the breadcrumb,
    the heading, a byline (作者 何陈) and the date; the menu's last item over the box was taken for the title."""
    menu = "<ul><li><a href='/a'>法律法规</a></li><li><a href='/b'>政府采购意向公开</a></li></ul>"
    heading = "美法官要求加州监狱为焦虑症囚犯提供免费变性手术"
    box = (
        "<div><div>当前位置： <a href='/'>首页</a> &gt; <a href='/c'>海外采撷</a></div>"
        f"<div>{heading}</div><div>作者 何陈</div><div>发布时间：2015-04-09 09:10:00</div>{TEXT * 4}</div>"
    )
    doc = page(f"{menu}{box}", head="<title>山西省高级人民法院</title>")
    assert doc.meta.finish()["title"] == heading


def test_a_heading_over_a_record_whose_last_field_has_a_bracketed_label_the_archive_does_not_keep_is_the_title():
    record = (
        "<table><tr><td>【发布部门】全国人大常委会</td><td>【发布文号】中华人民共和国主席令第24号</td></tr>"
        "<tr><td>【发布日期】2018-12-29</td><td>【实施日期】2018-12-29</td></tr>"
        "<tr><td>【法律话题】合同; 劳动就业</td><td>【产业领域】公共管理</td></tr></table>"
    )
    body = (
        "<nav><a href='/'>首页</a>&gt;<span>法规详情</span></nav>"
        "<section><div><h2>中华人民共和国劳动法（2018修正）</h2><section>"
        f"<h3>【信息来源：<em>全国人大网</em>】</h3>{record}</section>"
        f"<div><p>中华人民共和国劳动法</p>{TEXT * 12}</div></div></section>"
    )
    found = page(body, "<title>全球法规网-中国商务法规</title>").meta.finish()
    assert found["title"] == "中华人民共和国劳动法（2018修正）"


def test_a_heading_a_br_breaks_over_lines_in_a_plain_box_is_one_title_wide_spaces_and_all():
    body = (
        "<div><div>《中华人民共和国民法典》<br>第二编\u3000物权</div>"
        "<div>时间：2020-08-31\u3000\u3000作者：\u3000\u3000来源：新华网</div>"
        f"<div><p>第二编\u3000物权</p>{TEXT * 3}</div></div>"
    )
    assert page(body, "<title></title>").meta.finish()["title"] == "《中华人民共和国民法典》第二编 物权"
    series = "<title>第二编\u3000物权_某某网</title>"  # the CMS titles it by that line alone: no join
    assert page(body, series).meta.finish()["title"] == "第二编\u3000物权"


def test_a_value_a_br_breaks_in_the_item_after_its_labels_item_is_one_value():
    record = (
        "<ul><li><b>名称：</b></li><li>中国民用航空局关于民用无人驾<br>驶航空器监管服务有关事宜的公告</li></ul>"
        "<ul><li><b>发布机构：</b></li><li>综合司<br>运输司</li></ul>"
    )
    found = page(f"<div>{record}</div><div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert found["title"] == "中国民用航空局关于民用无人驾驶航空器监管服务有关事宜的公告"
    assert found["publisher"] == "综合司 运输司"  # issuers a line each, apart by a space


BROKEN_TITLE = "国家能源局华中监管局关于印发《华中区<br>域省间电力中长期市场实施细则》的通知"
WHOLE_TITLE = "国家能源局华中监管局关于印发《华中区域省间电力中长期市场实施细则》的通知"


def test_the_date_under_a_heading_a_br_breaks_over_lines_is_the_pages():
    head = f"<title>{WHOLE_TITLE}</title><meta name='PubDate' content='2026-03-17 10:00'>"
    tools = "".join(f"<p>{tool}</p>" for tool in ("Aa", "字体：", "小", "|", "中", "|", "大", "打印", "关闭"))
    body = (
        f"<div><div>{BROKEN_TITLE}</div><div><span>2026-04-09 09:32</span> <span>来源：国家能源局</span></div></div>"
        f"<div>{tools}</div><div class='zoom'>{TEXT * 3}</div>"
    )
    assert page(body, head).meta.finish()["published"] == "2026-04-09"  # not the head's PubDate


def test_a_文号_under_or_after_a_heading_a_br_breaks_over_lines_is_the_文号():
    head = f"<title>{WHOLE_TITLE}</title>"
    under = f"<div><div>{BROKEN_TITLE}</div><div>华中监能市场〔2026〕12号</div></div><div class='zoom'>{TEXT * 3}</div>"
    assert page(under, head).meta.finish()["doc_number"] == "华中监能市场〔2026〕12号"
    after = f"<div><span>{BROKEN_TITLE}</span> <span>华中监能市场〔2026〕12号</span></div>"
    after += f"<div class='zoom'>{TEXT * 3}</div>"
    assert page(after, head).meta.finish()["doc_number"] == "华中监能市场〔2026〕12号"


def test_a_date_of_a_list_of_dates_over_the_text_is_no_成文日期():
    found = metadata.Candidates()
    metadata.from_text(["历史沿革", "2014-08-07", "2024-03-10", "第一条 为了保障公平竞争，制定本条例。"], found)
    assert found.best("written") is None
    metadata.from_text(["第一条 为了保障公平竞争，制定本条例。", "某某市人民政府", "2024-03-10"], found)
    assert found.best("written") == "2024-03-10"  # the date under the signature


def test_a_heading_a_br_breaks_over_lines_opening_the_texts_box_over_its_labels_is_the_title():
    body = (
        "<div class='content'><h1>柘城县人民政府办公室关于<br>2018年端午节放假安排的通知</h1>"
        "<div><span>发布日期：2018-06-11 15:33:36</span> <span>来源：政府办</span></div>"
        f"{TEXT * 3}</div>"
    )
    found = page(body, "<title></title>").meta.finish()
    assert found["title"] == "柘城县人民政府办公室关于2018年端午节放假安排的通知"


def test_the_page_heading_a_br_breaks_over_the_texts_first_lines_is_no_line_of_the_text_a_red_head_is():
    head = "<title>内乡宝天曼峡谷漂流景区开漂公告</title>"
    heading = "<p>【打印】【关闭】</p><h1>内乡宝天曼峡谷<br>漂流景区开漂公告</h1>"  # under page tools too
    assert document(f"<div class='content'>{heading}{TEXT * 3}</div>", head).text.startswith("各乡镇人民政府")
    red_head = "<p>内乡宝天曼峡谷<br>漂流景区开漂公告</p><p>内政〔2018〕5号</p>"  # the document's own, its <p>s
    doc = document(f"<div class='content'>{red_head}{TEXT * 3}</div>", head)
    assert doc.text.startswith("内乡宝天曼峡谷\n漂流景区开漂公告\n内政〔2018〕5号")


def test_a_文号_in_an_element_right_under_a_broken_page_heading_in_the_texts_box_is_no_line_of_the_text():
    head = "<title>内乡宝天曼峡谷漂流景区开漂公告</title>"
    heading = "<h1>内乡宝天曼峡谷<br>漂流景区开漂公告</h1><p class='wenhao'>内政〔2018〕5号</p>"
    doc = document(f"<div>{heading}{TEXT * 3}</div>", head)
    assert doc.text.startswith("各乡镇人民政府") and doc.doc_number == "内政〔2018〕5号"


def test_markup_a_cms_left_in_the_head_title_is_no_text():
    title = "中华人民共和国财政部令第87号--政府采购货物和服务招标投标管理办法"
    head = f"<title>{title.replace('--', '<br>--')}</title>"
    assert page(f"<div class='zoom'>{TEXT * 3}</div>", head).meta.finish()["title"] == title


def test_a_date_after_a_source_label_left_empty_among_page_tools_is_the_dateline():
    row = "<table><tr><td>字号 大 中 小</td><td>文章来源：<span></span></td><td>2026-01-15 14:59:40</td></tr></table>"
    found = page(f"<div>2025年金融统计数据报告</div>{row}<div class='zoom'>{TEXT * 3}</div>").meta.finish()
    assert found["published"] == "2026-01-15"


def test_a_cms_accounts_发布者_line_is_a_label_line_not_a_heading():
    body = (
        f"<div>贺兰县公安局办理户口公开事项</div><div>发布者：交通公告</div><div>发布时间：2024-01-05</div>{TEXT * 3}"
    )
    assert (
        page(f"<div>{body}</div>", "<title>银川市公安局</title>").meta.finish()["title"]
        == "贺兰县公安局办理户口公开事项"
    )


def test_a_named_heading_is_confirmed_by_the_head_title_holding_its_opening_not_four_characters_of_it():
    body = (
        "<div class='title'>自治区政府部门网站</div><h1>2026年宁夏回族自治区政府工作报告</h1>"
        f"<div>发布日期：2026-01-28</div><div class='zoom'>{TEXT * 3}</div>"
    )
    found = page(body, "<title>2026年宁夏回族自治区政府工作报告- 宁夏</title>").meta.finish()
    assert found["title"] == "2026年宁夏回族自治区政府工作报告"


def test_a_文号_after_the_heading_on_its_line_is_no_part_of_the_title():
    title = "财政部 国家税务总局关于保险保障基金有关税收政策继续执行的通知"
    heading = f"<div><span>{title}</span> <span>财税〔2013〕81号</span></div>"
    body = f"{heading}<div>成文日期：2013-10-27</div><div class='zoom'>{TEXT * 3}</div>"
    found = page(body, "<title>国家税务总局</title>").meta.finish()
    assert found["title"] == title
    assert found["doc_number"] == "财税〔2013〕81号"


def test_a_date_glued_after_a_sources_value_is_the_dateline_past_its_time_and_a_font_tools_opening():
    line = "<div>来源：“云南省人民政府”微信公众号<em></em>时间：2026-02-03 21:17<em></em>【字体：<a>大</a></div>"
    body = f"<h2>2026年云南省人民政府工作报告（全文）</h2>{line}<div class='zoom'>{TEXT * 3}</div>"
    assert page(body).meta.finish()["published"] == "2026-02-03"


def test_the_line_over_the_text_that_is_the_head_title_whole_beats_a_heading_only_its_opening_confirms():
    title = "商务部 环境保护部 工业和信息化部关于印发《企业绿色采购指南（试行）》的通知"
    red_head = "<div class='title'>商务部 环境保护部 工业和信息化部</div>"  # its issuers, which the title opens with
    body = f"{red_head}<div>通知</div><p>{title}</p><div class='zoom'>{TEXT * 3}</div>"
    assert page(body, f"<title>{title}</title>").meta.finish()["title"] == title


def test_a_heading_element_holding_a_widgets_box_is_not_joined_with_it():
    title = "美官员否认伊朗直升机事故存在谋杀行为"
    heading = f"<h1><span>{title}</span><div class='audio'><div>播报文章</div></div></h1>"
    body = f"{heading}<div class='zoom'>{TEXT * 3}</div>"
    assert page(body, f"<title>{title}_【快资讯】</title>").meta.finish()["title"] == title


def test_a_heading_over_a_font_tool_its_links_broke_over_lines_and_a_dateline_is_the_title():
    tools = "<div>【 字体：<p>大</p><p>中</p><p>小 】</p></div><div>打印</div>"
    body = f"<div>政府工作报告</div>{tools}<div>时间：2026-03-26 08:30</div><div class='zoom'>{TEXT * 3}</div>"
    assert page(body, "<title>山东省人民政府 公报汇总 政府工作报告</title>").meta.finish()["title"] == "政府工作报告"


def test_a_red_head_of_many_issuers_over_its_文号_is_the_title_where_the_head_title_names_only_its_owner():
    issuers = ["重庆市经济和信息化委员会", "重庆市财政局", "中共重庆市委金融委员会办公室", "重庆市商务委员会"]
    red_head = "".join(f"<p>{issuer}</p>" for issuer in issuers)
    red_head += "<p>关于印发《重庆市支持商用车</p><p>产业发展政策措施》的通知</p><p>渝经信规范〔2025〕13号</p>"
    link = "<div><a href='./jd.html'>《重庆市支持商用车产业发展政策措施》政策解读</a></div>"
    body = f"{link}<div class='zoom'>{red_head}{TEXT * 3}</div>"
    found = page(body, "<title>重庆市经济和信息化委员会</title>").meta.finish()
    assert found["title"] == " ".join(issuers) + "关于印发《重庆市支持商用车产业发展政策措施》的通知"


def test_a_comment_asked_for_its_lines_shows_none():
    """A rule asking for the lines of the node after a heading met a comment there (a forum page of the mirrors) and
    the page was lost to the error."""
    root = parse("<html><body><h1>标题</h1><!-- 文号 --><p>正文</p></body></html>")
    comment = root.find(".//h1").getnext()
    assert Rendering(root.find("body")).lines(comment) == []


def test_a_websites_name_and_its_columns_before_the_title_in_the_head_title_are_no_part_of_it():
    title = "成都市人民政府办公厅印发关于加快推进养老服务发展若干措施的通知"
    assert (
        page(f"<div>{TEXT * 3}</div>", f"<title>成都市政务服务网 通知公告 {title}</title>").meta.finish()["title"]
        == title
    )
    issuers = (
        "商务部 环境保护部 工业和信息化部关于印发《企业绿色采购指南（试行）》的通知"  # an issuer before a space stays
    )
    assert page(f"<div>{TEXT * 3}</div>", f"<title>{issuers}</title>").meta.finish()["title"] == issuers


def test_a_breadcrumbs_step_its_links_broke_over_lines_is_never_a_heading():
    trail = "<div>当前位置：</div><div>首页</div><div>/&nbsp;政务公开</div><div>/&nbsp;价格管理</div>"
    heading = (
        "<div>关于开展气电价格联动调整有关事项的通知 (发布日期：2026年04月24日 文号：沪发改价管〔2026〕19号)</div>"
    )
    found = page(
        f"{trail}{heading}<div>{TEXT * 3}</div>", "<title>关于开展气电价格联动调整有关事项的通知_价格管理</title>"
    )
    assert found.meta.finish()["title"] == "关于开展气电价格联动调整有关事项的通知"
