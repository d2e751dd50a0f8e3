"""Generated sections of the sample portal, one per portal family, each answering like the real software.

A section owns its documents and answers the requests for its list pages, list APIs, detail pages
and attachments. Tests (and the demo's second night) change the documents in place: add, revise,
withdraw.
"""

import random

from ..content import make_docs
from .base import Section
from .generic import GenericSection
from .gkmlpt import GkmlptSection
from .hanweb import HanwebSection
from .jcms import JcmsSection
from .trs import TrsSection

__all__ = ["Section", "default_sections", "unsorted_section"]


def unsorted_section(key: str, count: int, pinned: int = 3, seed: int = 11) -> TrsSection:
    """A TRS column in sort-number order: dates all over the place and the `pinned` oldest entries on top."""
    docs = make_docs(300001, count, seed=seed)
    dates = [d.date for d in docs]
    random.Random(seed).shuffle(dates)
    for doc, date in zip(docs, dates):
        doc.date = date
    for doc in docs[len(docs) - pinned :]:
        doc.pinned = True
    return TrsSection(key, "按排序号排列", f"/{key}/", docs, per_page=20, manual_order=True)


def default_sections(big: int = 0) -> list[Section]:
    """One section per family, small enough for tests; `big` adds a TRS section of that many documents."""
    trs = make_docs(5001, 32, seed=1)
    trs[2].pages = 2
    trs[5].state = "blocked412"
    jcms = make_docs(7001, 35, seed=3)
    jcms[4].state = "blocked521"
    mirror = make_docs(9501, 4, seed=8)
    mirror[0].damage, mirror[1].damage = "traditional", "masked"
    sections = [
        TrsSection("trs-tzgg", "通知公告", "/xxgk/tzgg/", trs, encoding="gb18030", meta_charset="gb2312"),
        TrsSection(
            "trs-zcwj",
            "政策文件",
            "/zfxxgk/zcwj/",
            make_docs(6001, 22, seed=2),
            list_name="zwgklist",
            ext="shtml",
            six_args=True,
            per_page=10,
        ),
        JcmsSection("jcms-tzgg", "通知公告", "/col/col1230/", jcms),
        HanwebSection("hanweb-gsgg", "公示公告", "/hanweb/gsgg/", make_docs(8001, 25, seed=4)),
        GkmlptSection("gkmlpt", "政府信息公开", "/gkmlpt/", make_docs(8501, 30, seed=5)),
        GenericSection(
            "generic-gsgg",
            "公示公告",
            "/ggfw/gsgg/",
            make_docs(9001, 24, seed=6),
            encoding="gb18030",
            meta_charset=None,
        ),
        GenericSection(
            "xxgkml",
            "信息公开目录",
            "/xxgkml/",
            make_docs(9201, 21, seed=7),
            encoding="gb18030",
            meta_charset=None,
            header_charset="GBK",
            table=True,
        ),
        GenericSection("mirror", "转载文件", "/mirror/wj/", mirror),
        unsorted_section("trs-pxh", 40),
    ]
    for section in sections:
        for doc in section.docs[1::4]:
            doc.attachment = f"{doc.title[-12:]}附件"
    if big:
        sections.append(TrsSection("big", "大型栏目", "/big/", make_docs(100001, big, seed=9), per_page=20))
    return sections
