"""Remove page furniture from extracted lines: counters, print/close bars, font switches,
breadcrumbs, share bars, prev/next links, info lines and footers.

A line goes only when nothing of the document's own words is left once the furniture is taken out,
so body sentences that merely mention 打印 or 点击 stay.
"""

import re
from functools import cache

from .chars import HAN, either_script_forms, in_either_script
from .dates import PRINTED_DATE, is_date_line
from .labels import COUNTER_LABELS, FONT_LABELS, INFO_LABELS

# Labels that on their own never start a body line: safe to drop anywhere, not only in the head and tail.
ANYWHERE_LABELS = [
    "点击数",
    "点击量",
    "浏览次数",
    "访问量",
    "访问次数",
    "阅读次数",
    *FONT_LABELS,
    "文章来源",
    "责任编辑",
]
BUTTONS = [
    "打印本页",
    "打印文章",
    "打印此页",
    "打印本稿",
    "打印文档",
    "打印正文",
    "打印页面",
    "全文打印",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭页面",
    "关闭",
    "添加收藏",
    "加入收藏",
    "收藏本页",
    "收藏",
    "返回顶部",
    "返回首页",
    "返回",
    "顶部",
    "保存本页",
    "pdf下载",  # the document again as a file: a page tool, not an attachment
    "PDF下载",
    "word下载",
    "Word下载",
    "导出WORD",
    "导出Word",
    "下载pdf版",
    "下载PDF版",
    "下载word版",
    "下载Word版",
    "下载文字版",
    "下载图片版",
    "下载PDF",
    "下载Word",
    "扫码下载",
    "纠错",
    "我要纠错",
    "我要打印",
    "网站纠错",
    "复制链接",
    "分享",
    "Aa",  # a font switcher's icon (Aa 字体：小 | 中 | 大), not a value of the empty 来源： before it
    "视力保护色",  # an eye-care colour switch (视力保护色： and its swatches)
    "放大字体",
    "缩小字体",
    # a read-aloud widget (语音播报 / 语音合成中，请耐心等待... / 进入播报模式 / 退出播报模式)
    "语音播报",
    "进入播报模式",
    "退出播报模式",
    # a share bar's targets without its 分享到 prompt (微信 微博 QQ空间)
    "微信",
    "微博",
    "QQ空间",
    "QQ好友",
    "朋友圈",
    "大",
    "中",
    "小",
    "默认",
]
LINE_STARTS = [
    "您现在的位置",
    "您当前的位置",
    "当前位置",
    "您的位置",
    "所在位置",
    "现在位置",
    "当前栏目",
    "分享到",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "主办单位",
    "承办单位",
    "主办",
    "承办",
    "协办单位",
    "维护单位",
    "技术支持",
    "版权所有",
    "网站标识码",
    "建议使用",
    "推荐分辨率",
    "免责声明",
]
FOOTER_LINKS = [
    "联系我们",
    "网站地图",
    "关于我们",
    "使用帮助",
    "网站声明",
    "隐私声明",
    "无障碍浏览",
    "English",
    "返回首页",
    "设为首页",
    "加入收藏",
]
TAIL_HEADINGS = [
    "相关文章",
    "相关链接",
    "相关阅读",
    "相关稿件",
    "相关新闻",
    "相关报道",
    "延伸阅读",
    "相关信息",
    "相关文件",
    "相关文档",
    "相关解读",
    "相关导读",
    "最近搜索",
    "热门搜索",
    "热点推荐",
    "推荐阅读",
    "猜你喜欢",
    "扫一扫在手机打开当前页",
]
SERVICE_BOX_WORDS = ["留言咨询", "在线咨询", "我要咨询", "我要留言", "在线留言"]
HEAD_TAIL_LINES = 8
MAX_TAIL_LINE = 80


@cache
def _both_scripts(words: tuple[str, ...], gap: str) -> str:
    """Any of `words` in either script, behind a look-ahead for the characters they begin with, then one
    alternative for each such character (关…|關…), longest words first within it: the regex engine tries the words
    only where one can start, and there only those that start so (a line is scanned about eight times faster than
    with the words alone, and a tenth faster again than with every word behind the look-ahead)."""
    by_start: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        rest = gap + in_either_script(word[1:], gap) if len(word) > 1 else ""
        for form in either_script_forms(word[0]):
            by_start.setdefault(form, []).append(rest)
    dispatched = "|".join(f"{re.escape(start)}(?:{'|'.join(rests)})" for start, rests in by_start.items())
    return f"(?=[{re.escape(''.join(by_start))}])(?:{dispatched})"


def _alt(words, spaced: bool = False) -> str:
    """`words` as a pattern; `spaced`: labels as pages write them, any spacing between their characters (索 引 号)."""
    return _both_scripts(tuple(words), r"\s*" if spaced else "")


COLON = r"\s*[:：]\s*"
BUTTON_RE = re.compile(rf"[【\[［]\s*(?:{_alt(BUTTONS)})\s*[】\]］]")
FONT_RE = re.compile(
    rf"[【\[［]?\s*(?:{_alt(['字体', '字号', '文字'])})\s*[:：]?\s*(?:[【\[［(（]?\s*[大中小]\s*[】\]］)）]?\s*){{2,3}}"
)
COUNTER_RE = re.compile(
    rf"(?:{_alt(COUNTER_LABELS)})\s*[:：]?\s*[\[【(（]?\s*\d+\s*[\]】)）]?\s*次?"
    rf"|(?:{_alt(['阅读', '浏览', '访问'])})\s*\d+\s*次|已(?:{_alt(['浏览', '阅读'])})\s*\d+\s*次"
)
TODAY_RE = re.compile(r"今天是\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)?[一二三四五六日天]?")
# Page tools' notes inline: a QR code's prompt, a read-aloud widget's status.
PHRASES = [
    "扫一扫在手机打开当前页",
    "扫一扫在手机上查看当前页面",
    "在手机打开当前页",
    "手机扫一扫",
    "语音合成中，请耐心等待",
]
PHRASES_RE = re.compile(rf"(?:{_alt(PHRASES)})")
# A share popup's lines: 分享到微信 / 用微信“扫一扫”，点击右上角分享按钮， / 即可将网页分享给您的微信好友或朋友圈。,
# and the widely used social-share.js widget's defaults (微信扫一扫：分享 / 微信里点“发现”，扫一下 /
# 二维码便可将本文分享至朋友圈。).
SHARE_PROMPT_RE = re.compile(
    r"^(?:分享到(?:微信|微博|新浪微博|QQ空间|QQ)(?:朋友圈)?"
    r"|(?:用|打开)微信\s*[“\"]?扫一扫[”\"]?[，,].{0,20}"
    r"|即可将?(?:网页|本页|页面|文章)?分享给?您?的?(?:微信)?(?:好友|朋友圈).{0,12}"
    r"|微信扫一扫\s*[:：]\s*分享|微信里点\s*[“\"]发现[”\"]\s*[，,]\s*扫一下.{0,20}|二维码便可将本文分享至朋友圈。?)$"
)
# © only beside a year or 版权 (a Latin-1 misreading of GBK is full of ©: Ò© is 药); 版权所有 where it ends the
# line or a reprint note follows (某某监管局版权所有，如需转载，请注明来源).
# (The look-ahead names the characters a footer mark begins with: the engine tries the marks only there.)
FOOTER_RE = re.compile(
    r"(?=[IC公网版©])(?:ICP\s*备|ICP证|公网安备|网站标识码|Copyright|©\s*(?:19|20)\d{2}|版权所有\s*©"
    r"|版权所有(?=\s*$|[\s，,。;；]*(?:如需转载|转载请|未经)))|^\s*©",
    re.I,
)
# An info label ends at a colon or at the bracket that closes it (【发布部门】全国人大常委会 【效力级别】法律).
SPACED_INFO_LABELS = _alt(INFO_LABELS, spaced=True)
INFO_LABEL = rf"(?:(?:{SPACED_INFO_LABELS}){COLON}|[【\[]\s*(?:{SPACED_INFO_LABELS})\s*[】\]]\s*[:：]?\s*)"
INFO_START_RE = re.compile(rf"^[-·•*]?\s*{INFO_LABEL}")
RECORD_CELL_RE = re.compile(rf"(?:{SPACED_INFO_LABELS})\s*[:：]?")
MIN_RECORD_ROW_PAIRS = 2
# An info label alone on its line (来源: / 法规司): its value is the next line, as short as a value is.
INFO_LABEL_ALONE_RE = re.compile(rf"^[-·•*]?\s*{INFO_LABEL}\s*$")
MAX_LABEL_VALUE = 40
CLAUSE_MARK_RE = re.compile(r"[，,。；;:：！？!?]")
ANYWHERE_START_RE = re.compile(rf"^(?:{_alt(ANYWHERE_LABELS)}){COLON}")
INFO_PAIR_RE = re.compile(rf"{INFO_LABEL}(?:(?!{INFO_LABEL}).)*")
BRACKETED_RE = re.compile(r"^[(（](.+)[)）]$")  # a line in round brackets, what they hold captured
MIN_BRACKETED_PAIRS = 2
BREADCRUMB_MARK_CHARS = ">»＞›"
BREADCRUMB_MARKS = f"[{BREADCRUMB_MARK_CHARS}]"
# A breadcrumb with nothing before it to say so (当前位置): the home page, then short steps (首页 > 政务公开 >
# 通知公告, 网站首页>>正文).
BREADCRUMB_STEP = rf"[^\s{BREADCRUMB_MARK_CHARS}]{{1,15}}"  # a trail's step: a column's name
BREADCRUMB_RE = re.compile(rf"^(?:网站)?首页(?:\s*{BREADCRUMB_MARKS}+\s*{BREADCRUMB_STEP})+\s*{BREADCRUMB_MARKS}*$")
# A trail of short steps (政务公开 > 政策法规 > 委局文件), maybe after its label (当前位置：): where a page's header
# (its logo, language switch, calendar) ends and its document begins.
BREADCRUMB_TRAIL_RE = re.compile(
    rf"^(?:[^\s{BREADCRUMB_MARK_CHARS}]{{2,6}}[:：])?\s*{BREADCRUMB_STEP}"
    rf"(?:\s*{BREADCRUMB_MARKS}+\s*{BREADCRUMB_STEP})+\s*{BREADCRUMB_MARKS}*$"
)
LINE_START_RE = re.compile(rf"^[\[【]?\s*(?:{_alt(LINE_STARTS)})\s*(?:[:：>＞】\]]|$)")
# A line of nothing but buttons, bracketed or not, glued or apart: 返回顶部打印关闭, 分享, a lone 大 / 中 / 小.
BUTTONS_ONLY_RE = re.compile(rf"^(?:[【\[［]?\s*(?:{_alt(BUTTONS)})\s*[】\]］]?[\s|｜·/:：]*)+$")
FOOTER_LINKS_RE = re.compile(rf"^(?:(?:{_alt(FOOTER_LINKS)})[\s|｜·]*)+$")
# A tail section's heading, bracketed or not, maybe pointing on (相关链接>>, 相关文章 »), or a service box's after the
# text (政策性文件留言咨询, 我要咨询: a link to the site's consultation service and its note).
TAIL_HEADING_RE = re.compile(
    rf"^[【\[]?\s*(?:{_alt(TAIL_HEADINGS)})\s*[】\]]?\s*(?:[:：]|>>|＞＞|»)?$"
    rf"|^[{HAN}]{{0,10}}(?:{_alt(SERVICE_BOX_WORDS)})$"
)
# The heading of a list of attachments (附件：, 相关附件, 附件下载); alone as the text's last line, its list is empty.
ATTACHMENT_HEADING = r"(?:相关)?附\s*件(?:下载|列表)?\s*[:：]?"
ATTACHMENT_HEADING_RE = re.compile(ATTACHMENT_HEADING)
# The caption over a 信息公开 catalogue entry's table (目录项的基本信息), its labelled lines taken as metadata, and
# a document library's banner over the text (国家市场监督管理总局规章, 某某委员会行政规范性文件).
CATALOGUE_CAPTION_RE = re.compile(
    r"^(?:(?:信息公开)?目录项?的?(?:基本)?信息|[\u4e00-\u9fff]{2,30}(?:局|委员会|部|厅|政府|办公室)(?:规章|行政规范性文件|规范性文件))$"
)
EDITOR_RE = re.compile(
    rf"^[\[【(（]?\s*(?:{_alt(['责任编辑', '编辑', '审核', '校对'])}){COLON}[^\s\]】)）]{{1,12}}\s*[\]】)）]?$"
)
# A byline with a space for a colon (作者 何陈, 记者 张三 李四), or a medium's name before its writers'
# (中央纪委国家监委网站 李鹃, 新华网 张三 李四): people's names, alone on their line.
BYLINE_RE = re.compile(
    rf"^(?:作者|(?:本刊|本报|本网|特约)?记者|通讯员|撰稿|摄影|[{HAN}]{{2,20}}(?:网站|网|报|社|台))"
    rf"\s+[{HAN}·]{{2,5}}(?:\s+[{HAN}·]{{2,5}}){{0,3}}$"
)
# A masthead line: a site's name and its address (中国证监会 www.csrc.gov.cn), above or below the text.
SITE_LINE_RE = re.compile(rf"^[{HAN}（）()]{{2,30}}\s*(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:cn|com|net|org|gov|edu)/?$")
# Words in any script (Han, Latin, Tibetan, Uyghur, Mongolian, Hangul, Cyrillic, full-width and Roman numerals),
# a symbol (U+FFFD or the ASCII ? a wrong reading leaves for lost characters, ★), or a run of private-use code
# points: text in a font's own encoding (Mongolian in Menksoft's, as the 内蒙古 portals long wrote it), where an icon
# font's glyph stands alone (a share or print button). A line without any is punctuation and layout only.
PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U0010fffd"
HAS_WORDS_RE = re.compile(rf"[^\W_]|[\u2100-\u2bff\u3200-\u33ff\ufffd?]|[{PRIVATE_USE}]{{2}}")
# When the page was made, over the text: a date with a time of day (2018-04-19 17:32:17), maybe beside empty
# info labels. A document's own dates carry no clock time.
TIMESTAMP_RE = re.compile(rf"^{PRINTED_DATE}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?$")
# A file's size shown beside its link in an attachment list (680.1K, (1.2MB)): a page tool's note, not a line of
# the text.
FILE_SIZE_RE = re.compile(r"^[(（\[]?\d+(?:\.\d+)?\s*(?:[KMG]B?|bytes|字节)[)）\]]?$", re.I)
LINE_BREAK_RE = re.compile(r"\r\n|\n|\r")
WHITESPACE_RE = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")


def normalise_line(line: str) -> str:
    return WHITESPACE_RE.sub(" ", line).strip()


def strip_inline_furniture(line: str) -> str:
    for pattern in (BUTTON_RE, FONT_RE, COUNTER_RE, TODAY_RE, PHRASES_RE):
        line = pattern.sub(" ", line)
    return normalise_line(line)


def _is_info_line(line: str, near_edge: bool) -> bool:
    line = _record_in_brackets(line)
    if not (INFO_START_RE.match(line) if near_edge else ANYWHERE_START_RE.match(line)):
        return False
    return not HAS_WORDS_RE.search(INFO_PAIR_RE.sub("", line)) and len(line) <= 160


def _record_in_brackets(line: str) -> str:
    """A record printed in brackets under a heading ((发文字号：… 成文日期：…)) without them; a single label in
    brackets is a credit the text keeps (（来源：新华网）)."""
    inner = BRACKETED_RE.match(line)
    return inner[1] if inner and len(INFO_PAIR_RE.findall(inner[1])) >= MIN_BRACKETED_PAIRS else line


def is_furniture(line: str, near_edge: bool) -> bool:
    """`line` is normalised and already stripped of inline furniture."""
    if not HAS_WORDS_RE.search(line):
        return True
    if LINE_START_RE.match(line) and (near_edge or len(line) < 60):
        return True
    if (FOOTER_RE.search(line) and len(line) < 160) or FOOTER_LINKS_RE.match(line) or SHARE_PROMPT_RE.match(line):
        return True
    if near_edge and (
        CATALOGUE_CAPTION_RE.match(line)
        or EDITOR_RE.match(line)
        or BYLINE_RE.match(line)
        or BREADCRUMB_RE.match(line)
        or SITE_LINE_RE.match(line)
        or BUTTONS_ONLY_RE.match(line)
        or _is_dated_info_line(line)
        or FILE_SIZE_RE.match(line)
    ):
        return True
    return _is_info_line(line, near_edge)


def _is_dated_info_line(line: str) -> bool:
    """When the page was made, maybe beside info labels (2018-04-19 17:32:17 来源：…), or the page's date beside
    them (2011-10-27 来源：嘉鱼政务网 责任编辑：…); a date alone (a signature's) is the text's."""
    rest = INFO_PAIR_RE.sub("", line).strip()
    return bool(TIMESTAMP_RE.match(rest)) or (rest != line and is_date_line(rest))


def _cut_tail_sections(lines: list[str]) -> list[str]:
    """Related-links sections after the text, and an attachment list's heading with no attachment under it."""
    for i, line in enumerate(lines):
        if TAIL_HEADING_RE.match(line) and all(len(rest) <= MAX_TAIL_LINE for rest in lines[i + 1 :]):
            lines = lines[:i]
            break
    return lines[:-1] if lines and ATTACHMENT_HEADING_RE.fullmatch(lines[-1]) else lines


def _reads_as_value(line: str) -> bool:
    """A name or a date, as a label's value is: short, no clause in it, announcing nothing (an empty 來源: over the
    addressee line 各市、自治州人民政府,…,省政府各部門: leaves that line to the text)."""
    return len(line) <= MAX_LABEL_VALUE and not CLAUSE_MARK_RE.search(line)


def _is_record_row(raw: str) -> bool:
    """A record table's row as the page renders it (its cells a tab apart): labels a record prints (spaced or not,
    a colon or none) and their values in turn, a label first, two pairs or more (a row of one pair, 时间 | 3月1日, may
    be the text's own table)."""
    cells = [cell.strip() for cell in raw.split("\t")]
    pairs = len(cells) // 2
    return len(cells) % 2 == 0 and pairs >= MIN_RECORD_ROW_PAIRS and all(map(RECORD_CELL_RE.fullmatch, cells[::2]))


def clean_lines(lines: list[str]) -> list[str]:
    stripped = []
    for raw in lines:
        line = normalise_line(raw)
        cleaned = strip_inline_furniture(line)
        stripped.append((raw, line, cleaned))
    kept = []
    last = len(stripped) - 1
    previous = ""
    for i, (raw, original, cleaned) in enumerate(stripped):
        if not original:
            continue
        near_edge = len(kept) < HEAD_TAIL_LINES or last - i < HEAD_TAIL_LINES
        value_of_label = near_edge and INFO_LABEL_ALONE_RE.match(previous) and _reads_as_value(cleaned)
        previous = cleaned
        if value_of_label or is_furniture(cleaned, near_edge) or (near_edge and _is_record_row(raw)):
            continue
        kept.append(cleaned)
    return _cut_tail_sections(kept)


def clean_text(text: str) -> str:
    return "\n".join(clean_lines(split_lines(text)))


def split_lines(text: str) -> list[str]:
    """Lines at \\n, \\r\\n and \\r only: C1 controls and U+2028 in a wrong reading are characters, not breaks."""
    return LINE_BREAK_RE.split(text)
