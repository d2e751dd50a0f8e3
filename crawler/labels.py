"""The labels pages print before a value, in one place: the fields' labels the metadata reader pairs values
with, and the labels of a record's lines (发布时间：… 来源：… 字号：大 中 小) that the cleaner takes out of the
text. Simplified spellings; the cleaner's patterns add the traditional ones mirrors use.
"""

# What a page counts its readers by (点击数：213, 浏览次数：5).
COUNTER_LABELS = [
    "点击数",
    "点击量",
    "点击率",
    "点击",
    "浏览次数",
    "浏览量",
    "浏览",
    "访问量",
    "访问次数",
    "阅读数",
    "阅读量",
    "阅读次数",
    "阅读",
    "人气",
    "查看次数",
]
# What a page's font-size tool is labelled (字号：大 中 小, 字体：T | T).
FONT_LABELS = ["字体", "字号"]
# label -> field, most specific label first within each field.
LABELS = [
    ("标题", "title"),
    ("名称", "title"),
    ("文件名称", "title"),
    ("公开事项名称", "title"),  # a 信息公开 catalogue entry: 公开事项名称 / 索引号 / 主办单位 / 制发日期
    ("发布机构", "publisher"),
    ("发文机关", "publisher"),
    ("发布机关", "publisher"),
    ("发文单位", "publisher"),
    ("签发单位", "publisher"),  # a record block inside the text: 文号：… 签发单位：… 签发时间：… 生效时间：…
    ("发文机构", "publisher"),
    ("制发机关", "publisher"),
    ("制发单位", "publisher"),
    ("发布单位", "publisher"),
    ("发布部门", "publisher"),
    ("发文部门", "publisher"),
    ("所属机构", "publisher"),
    ("信息所属单位", "publisher"),  # a 信息公开 record's owner (农业农村部's catalogue)
    ("颁布单位", "publisher"),  # a law database's record: 颁布单位 / 颁布日期 / 实施日期 / 时效性 / 法规层次
    ("颁布机关", "publisher"),
    ("发布", "publisher"),
    ("信息来源", "publisher"),
    ("文章来源", "publisher"),
    ("来源单位", "publisher"),
    ("稿源", "publisher"),  # a news desk's source line: 稿源：某某市人民政府办公室
    ("来源", "publisher"),
    ("答复单位", "publisher"),  # a 留言 page's answer: who answered, and when
    ("回复单位", "publisher"),
    ("作者", "publisher"),
    ("发文字号", "doc_number"),
    ("发文文号", "doc_number"),
    ("发布文号", "doc_number"),
    ("发布编号", "doc_number"),  # a model contract's or a standard's number (HT33／SF24 2-2024)
    ("文件编号", "doc_number"),  # 无锡's 信息公开 records: 信息索引号 / 文件编号 / 效力状况 / 公开方式
    ("文号", "doc_number"),
    ("信息索引号", "index_number"),
    ("索引号", "index_number"),
    ("信息索引", "index_number"),
    ("索取号", "index_number"),  # what some 信息公开 records call the 索引号
    ("信息发布日期", "published"),  # 江苏省公共资源交易网: 信息发布时间：… 来源：… 阅读次数：【我要打印】【关闭】
    ("信息发布时间", "published"),
    ("发布日期", "published"),
    ("发布时间", "published"),
    ("公开日期", "published"),
    ("公开时间", "published"),
    ("发稿时间", "published"),
    ("公布日期", "published"),
    ("发表时间", "published"),
    ("发表日期", "published"),
    ("信息提供日期", "published"),
    ("答复时间", "published"),
    ("答复日期", "published"),
    ("回复时间", "published"),
    ("回复日期", "published"),
    ("发布日期时间", "published"),
    ("颁布日期", "published"),
    ("时间", "published"),
    ("日期", "published"),
    ("成文日期", "written"),
    ("发文日期", "written"),
    ("成文时间", "written"),
    ("发文时间", "written"),
    ("印发日期", "written"),
    ("签发时间", "written"),
    ("签发日期", "written"),
    ("制发日期", "written"),
    ("主题分类", "topic"),
    ("有效性", "validity"),
    ("是否有效", "validity"),
    ("时效性", "validity"),
    ("时效", "validity"),
    ("效力状态", "validity"),
    ("效力状况", "validity"),
    ("时效状态", "validity"),
]
# A label naming the publisher in a 信息公开 table or above the text (索引号：… 主办单位：国家能源局), and the site's
# owner in a footer's line: not read in the page's lines at large.
OWNER_LABELS = [("主办单位", "publisher")]
LABEL_FIELD = dict(LABELS + OWNER_LABELS)
# Labels of what the archive does not keep that stand on a record's lines beside the fields' (字号：大 中 小,
# 【效力级别】法律, 实施日期：…).
UNKEPT_RECORD_LABELS = [
    *FONT_LABELS,
    "关键字",
    "效力级别",  # a law database's record: 【发布文号】 【效力级别】 【时效状态】 【实施日期】
    "实施日期",
    "施行日期",
    "生效日期",
    "生效时间",
    "法规层次",
    "首选类别",
]
# The labels only a document's record prints (索引号, 发布机构, 成文日期, 主题分类…): a row or item opening with one
# is the record's, never the text's (时间：, 地点：, 名称：, 来源： open a text's lines as well).
RECORD_ONLY_LABELS = [
    *(label for label, name in LABELS if name in ("index_number", "doc_number", "written", "topic", "validity")),
    *("发布机构", "发文机关", "发布机关", "发文单位", "发文机构", "制发机关", "所属机构"),
    *UNKEPT_RECORD_LABELS,
]
# A 信息公开 catalogue entry's labels for what the archive does not keep ([ 体裁分类 ] 公文, 公开方式：主动公开):
# a record's info lines, as its fields' are.
CATALOGUE_LABELS = [
    "主题词",
    "信息分类",
    "分类",
    "语种",
    "信息格式",
    "体裁分类",
    "组配分类",
    "服务对象",
    "公文种类",
    "生成日期",
    "废止日期",
    "信息类别",
    "有效期",
    "公开方式",
    "公开范围",
    "公开时限",
]
# Labels of 信息公开 tables for what the archive does not keep: never a value of the label before them.
OTHER_LABELS = {
    *UNKEPT_RECORD_LABELS,
    *CATALOGUE_LABELS,
    "关键词",
    "内容概述",
    "所属机构",
    "相关信息",
    "文件下载",
    "附件下载",
}
# A label's text at its longest once its whitespace is collapsed: each character spaced apart, in brackets, with a
# colon (【 公 开 事 项 名 称 】：). An element's text longer than this is no label, without looking further.
MAX_LABEL_TEXT = 2 * max(len(label) for label in [*LABEL_FIELD, *OTHER_LABELS]) + 4
# Labels of the CMS's own workflow, read into no field: who wrote, edited, checked or typed a page in.
WORKFLOW_LABELS = [
    "责任编辑",
    "编辑",
    "审核",
    "审核人",
    "初审",
    "终审",
    "录入",
    "文章录入",
    "信息录入",
    "发布人",  # the CMS account that posted it: 发布时间：… 发布人： 文章来源：…
    "发布者",  # the same account: 发布者：交通公告 under 银川市公安局's heading
    "供稿",
]
# Labels a line of the body may open as well (名称：… of the goods a notice buys): no sign of a record's line.
BODY_LABELS = {"标题", "名称", "文件名称"}
# The labels of a record's lines: every field's label but a title's, the workflow's, the counters' and the record's
# labels the archive does not keep.
INFO_LABELS = [
    *(label for label, _ in LABELS if label not in BODY_LABELS),
    *WORKFLOW_LABELS,
    *UNKEPT_RECORD_LABELS,
    *CATALOGUE_LABELS,
    *COUNTER_LABELS,
]
