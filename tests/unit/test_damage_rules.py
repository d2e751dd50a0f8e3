"""The damage checks' rules, one case each: what is repaired, what is only flagged, what is left alone."""

import pytest

from crawler.pipeline import process_text

LINE = "国家海洋行政主管部门或者其派出机构、其委托的机构可以对前款外国籍调查船{}行海上监视或者登船检查。"


def test_a_lossy_one_character_utf8_as_gbk_run_is_flagged_and_left_as_it_was():
    doc = process_text(LINE.format("杩\ufffd"))  # 进: its third byte lost
    assert "mojibake" in doc.flags and "杩\ufffd" in doc.text
    kept = [r for r in doc.repairs if r.get("flag") == "mojibake"]
    assert kept and kept[0]["how"].startswith("left as it was") and "U+8FC0–U+8FFF" in kept[0]["how"]  # 进 is U+8FDB


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("2.书籍、¿¯物二百五十册以上的；", "2.书籍、刊物二百五十册以上的；"),  # GBK read as Latin-1, no letter in it
        ("重庆三峡银行股份有限¹«司首次公开发行", "重庆三峡银行股份有限公司首次公开发行"),  # a sign beside « is no sign
        (
            "强制穿戴宣扬恐怖主义、æž\ufffd端主义服饰、标志",
            "强制穿戴宣扬恐怖主义、\ufffd端主义服饰、标志",
        ),  # a gap, not æž
        # UTF-8 read as cp1252, its unassigned bytes passed through: rare Han (恪) that UTF-8's structure vouches for
        ("尊重科学，æ\x81ªå®ˆè\x81Œ业道德", "尊重科学，恪守职业道德"),
    ],
)
def test_short_latin_runs_inside_chinese_are_read_back_to_what_their_bytes_say(damaged, repaired):
    doc = process_text(damaged)
    assert doc.text == repaired and "mojibake" in doc.flags


@pytest.mark.parametrize(
    "clean",
    [
        "××县人民政府关于××同志任职的通知",
        "温度±0.5°C，比例为“½”和“¼”。",
        "依椐规定办理相关手续。",  # a typo's rare character: its GBK bytes are UTF-8's 駹涨, no reason to read them so
    ],
)
def test_signs_chinese_text_writes_itself_are_not_mojibake(clean):
    doc = process_text(clean)
    assert doc.text == clean and doc.flags == []


def test_a_rebuilt_run_keeps_the_punctuation_its_bytes_hold():
    line = "(八)深入推進政務公開,做好信息發布工作。"  # a mirror made the page's brackets and commas half-width
    raw = "（九）推進扶貧工作信息公開".encode("gbk")
    shifted = "?" + raw[1:-1].decode("gbk", "replace")  # read one byte out of step, as mirrors do
    doc = process_text(line + "\n" + shifted + "。")
    assert "mojibake" in doc.flags
    assert "九）推進" in doc.text  # full-width, as the bytes hold it


INLINE_ITEMS = (
    "一、主要内容\n第一条，明确制定本规定的背景依据，为鼓励社会力量参与合作共建运动队，制定本规定。\n"
    "第二条，明确本规定资助及奖励的项目和对象，即省级综合性运动会设置的竞技项目。\n"
    "第三条，明确了资助及奖励内容。（一）资助总资金不超过100万元。（二）取得金牌的予以奖励。\n"
    "第四条，明确了社会力量联办市项目运动队资助或奖励的申报材料要求。"
)


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("采掘 … *.* … 6.*\n原材料 … 6.1 … *.*", ["masked"]),  # masked figures
        ("注：带*的为初步数。\n增长 1.5* 2.3* 4.0*", []),  # footnote stars
        ("八、其(略)事宜：无", ["masked"]),  # (略) inside a word
        ("（六）商场、集贸市场、娱乐场所等人员(略)(略)；", ["masked"]),
        ("三、(略)(略)：非行政许可事项", ["masked"]),  # twice in a row after a heading's number
        ("附件：1. 名单(略)", []),  # an omitted attachment
        ("类别 事项 (略)明", ["masked"]),  # (略) opening a word after a space
        ("(略)〔2022〕*号", ["masked"]),  # a document number's serial masked
        # a telephone number's or a mail address's digits starred; a size written with * is no mask
        ("请将意见传真至0991-*。", ["masked"]),
        ("电子邮箱：jianguanhy@*.com", ["masked"]),
        ("电子邮箱：jianguanhy@nea.gov.cn，电话：010-66597000", []),
        ("无缝钢管（219*6，20#） 吨", []),
        ("服务电话：*-83921234", ["masked"]),
        ("拒收来自*@example.com的邮件", []),
        # one (略) closing a clause is how writing marks an omitted detail too (如（略）；), and a part left
        # out is named (附件, 名单): no sign alone
        ("（三）刑期在三年(略)；", []),
        ("附件：获奖名单（略）。\n附件：获奖名单（略）。\n附件：获奖名单（略）。", []),
        # a date's numbers starred (the seed's mirror prints * 年底前); a list's bullet and Markdown's bold are no mask
        ("体、内容、时限、方式等。 * 年底前，各部门完成。", ["masked"]),
        ("自2019年*月*日起施行", ["masked"]),
        ("* 日程安排见附件\n切到**年度**粒度", []),
        ("注：带*的为初步数（2022年）。", []),
        ("?二、节?降耗、?源环境", ["lost_chars"]),  # a lost character before a heading is no sentence end
        ("5.办理时限：5个工作日。 6.?费依据及标准：无", ["lost_chars"]),  # lost after an item's number
        ("（二）?力提升创新体系整体效能", ["lost_chars"]),  # after a bracketed item's number
        ("特此批?。", ["lost_chars"]),  # before a full stop
        ("35 JYHB1801401国 ?坦噻吗滴眼液 辉瑞投资有限公司", ["lost_chars"]),  # opening a table's cell
        ("这是为什么?我们不知道。效力呢?有一种观点。你好吗?。", []),  # questions
        ("三、审批依据（一）《户口登记条例》第二条；（二）公安部的批复。\n四、收费", ["flattened"]),  # 《 opens it
        # a sentence ended, then a note in brackets closed the paragraph before the next heading
        ("三、平台激励\n给予一次性激励。（责任单位：市经济信息委）四、融资租赁激励", ["flattened"]),
        # an article after a chapter's name that lists with 、 (the break before 第十七条 was lost)
        ("第十六条 加强管理。第三章  清扫、分类与处置第十七条 任何单位不得倾倒垃圾。", ["flattened"]),
        ("第十六条 加强管理，按第三章、第四章处置第十七条规定的垃圾。", []),  # cross-references, no break lost
        # numbered items of labelled values run together, and an inline list that ends its items with a comma
        ("一、项目编号：LKZX2025-CG013二、项目名称：路灯采购三、中标信息", ["flattened"]),
        ("具体要求如下：一、严格执行预算，二、加强监督管理。", []),
        # items that open their paragraphs ((一) at the line's start) run together after ；, and an article
        # after a quoted sentence; an inline list inside a sentence, and a heading's words ending in 四、
        ("（一）食品的名称、生产日期；（二）小作坊的名称、地址；（三）准许生产证编号。", ["flattened"]),
        ("第一条 宪法第十一条增加规定：“国家保护私营经济。”第二条 宪法第十条第四款修改。", ["flattened"]),
        ("晋级的条件:（一）执行国家的法律、法规和政策；（二）胜任本职工作；（三）作风正派。", []),
        # a heading's words may open with a year: the text writes 一、 a line each, and 二、 lost its break
        ("一、2025年工作回顾\n过去一年，较好完成了目标任务。二、2026年工作安排\n做好今年工作。", ["flattened"]),
        # or with any number (四、6月份银行间市场…): a month, a quantity
        ("三、存款\n上半年存款增加14.55万亿元。四、6月份银行间市场利率为1.85%。", ["flattened"]),
        ("（四）诸暨市东白湖镇里四、西丁片区；", []),
        # (略) where no omitted part's mark stands: for an ordinal's number, twice with a space between, beside a
        # star, after an opening bracket, opening a line before words or a colon; not after a part's name
        ("第(略) 附 则\n本办法自发布之日起施行。", ["masked"]),
        ("一、总体要求\n(略) (略)\n二、主要任务", ["masked"]),
        ("根据柘政(略)*〕45号文件要求执行。", ["masked"]),
        ("【(略)】关于做好工作的通知", ["masked"]),
        ("(略)：\n各单位要认真落实。", ["masked"]),
        ("(略) 附 则\n本办法自发布之日起施行。", ["masked"]),
        ("资料来源和研究对象的选取（略）\n分析方法与研究变量的确定（略）", []),
        ("附件：\n（略）", []),
        # a list whose next item opens the next line: the items inside this line lost their breaks; not when
        # the items stand a space apart, or the list ends in the line
        ("第八条 禁止下列行为：（一）垦造耕地；（二）全垦造林；\n（三）新建养殖场。", ["flattened"]),
        ("（一）垦造耕地； （二）全垦造林；\n（三）新建养殖场。", []),
        ("第八条 禁止下列行为：（一）垦造耕地；（二）全垦造林。\n（三）新建养殖场。", []),
        # an article announced by a colon, and a cross-reference after one
        ("现就有关问题解释如下：第一条 国家机关工作人员滥用职权的，依法处理。", ["flattened"]),
        ("适用以下规定：第一条规定的情形除外。", []),
        # items run inline where no line of the text opens with one of their style: the author's hand; where
        # lines do open so, the text writes them a paragraph each and the inline ones lost their breaks
        (INLINE_ITEMS, []),
        (INLINE_ITEMS + "\n（三）承接主体参加比赛的费用在专项资金中列支。", ["flattened"]),
    ],
)
def test_masking_and_flattening_signs(text, flags):
    assert process_text(text).flags == flags


def test_a_wrong_reading_that_cannot_be_undone_is_flagged_with_its_reason():
    doc = process_text("?谑?七条 车辆购置税的征收管理，依照本法和规定执行。")  # 第十 read one byte out of step
    assert "mojibake" in doc.flags and doc.text.startswith("?谑?七条")
    assert any(r.get("how", "").startswith("left as it was: one character read") for r in doc.repairs)


def test_a_lossy_line_read_with_the_codec_that_repaired_the_rest_of_the_text_is_repaired_too():
    text = "据对全国流通领域重要生产资料市场价格的监测显示，价格上涨。\n螺纹钢（Φ20mm，HRB400E） 吨 3062.9"
    doc = process_text(text.encode("utf-8").decode("cp1252", "replace"))  # 吨 loses a byte, undefined in cp1252
    assert doc.text.split("\n")[-1] == "螺纹钢（Φ20mm，HRB400E） \ufffd 3062.9"
    assert "mojibake" in doc.flags and "lost_chars" in doc.flags


def test_a_lost_character_before_signs_of_measure_is_no_run_read_out_of_step():
    doc = process_text("2 线材 Φ8-10mm，HPB300 屈?强度≥300MPa")  # 服 lost; 强度≥ is no GBK read out of step
    assert doc.text == "2 线材 Φ8-10mm，HPB300 屈?强度≥300MPa"
    assert doc.flags == ["lost_chars"]


def test_numbered_paragraphs_a_space_apart_are_a_cell_or_a_list_not_a_lost_break():
    row = "基本要求 一、常住户口登记要做到登记项目准确。 二、公民户口登记事项发生变化的，应当及时申报。"
    assert process_text(row).flags == []
    assert process_text(row.replace("。 ", "。")).flags == ["flattened"]


def test_a_traditional_character_before_a_gap_can_be_the_head_of_a_utf8_character_read_as_gbk():
    doc = process_text("主任会议根据常务委" + "员".encode().decode("gbk", "replace") + "会会议审议的情况")
    assert "委鍛\ufffd会" in doc.text  # 员's first two bytes read as 鍛, its third lost: left as it was
    assert doc.flags == ["mojibake", "lost_chars"]


def test_a_run_never_reaches_into_a_clean_neighbour_and_turns_it_into_gaps():
    doc = process_text("公民户口鐧昏\ufffd\ufffd的姓名应当尊重社会公德")  # 登记 as UTF-8 read as GBK, bytes lost
    assert doc.text == "公民户口登\ufffd的姓名应当尊重社会公德"  # 口 stays; 记 lost its bytes


def test_a_text_run_together_whole_is_flattened_and_a_long_paragraph_among_others_is_not():
    paragraph = "本政策措施所列激励标准均为最高标准，实行预算管理和总额控制。（责任单位：市经济信息委）" * 30
    assert "flattened" in process_text(paragraph).flags  # one line of 1,000+ characters, the whole text
    # a provincial work report's paragraph runs past 1,000 characters among dozens of others
    assert process_text("\n".join([paragraph[:50]] * 30 + [paragraph])).flags == []


@pytest.mark.parametrize(
    ("damaged", "flags"),
    [
        ("未能取得土地使用权的(de)受让方，应当依法办理。", ["pinyin_annotations"]),  # 的's neutral tone: no mark
        ("各单位应当及时(jí)报送材料，确保工作落实到位。", ["pinyin_annotations"]),  # a toned one alone
        ("依照该条第（a）项的规定处理，面积为三公顷(ha)。", []),  # a letter item and a unit are no annotations
    ],
)
def test_a_single_annotation_is_known_by_its_tone_mark_or_a_particles_neutral_reading(damaged, flags):
    doc = process_text(damaged)
    assert doc.flags == flags
    assert ("(" not in doc.text) == bool(flags)


def test_a_shifted_run_of_everyday_garble_is_flagged_with_its_reading_offered_never_written():
    """有下列情形之一 read one byte out of step between two lost bytes: ?邢铝星樾沃?, everyday characters but one, so
    the gain of reading it back in step is too small to rewrite the text; it is flagged, the reading a suggestion."""
    damaged = "?邢铝星樾沃?一，需要行政机关负责人出庭的，应当通知其出庭。"
    doc = process_text(damaged)
    assert doc.text == damaged and {"mojibake", "lost_chars"} <= set(doc.flags)
    assert [r["could_be"] for r in doc.repairs if "could_be" in r] == [["下列情形"]]
    questions = "为什么?如何办理?请咨询窗口。"  # their run reads as garble one byte out of step: no mojibake
    assert "mojibake" not in process_text(questions).flags
