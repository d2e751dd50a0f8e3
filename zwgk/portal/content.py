"""Deterministic sample documents: titles, bodies and metadata in the style of county-level 政务公开 pages."""

import datetime
import random
from dataclasses import dataclass

ORGS = [
    "青岚县人民政府办公室",
    "青岚县财政局",
    "青岚县教育局",
    "青岚县卫生健康局",
    "青岚县自然资源局",
    "青岚县农业农村局",
    "青岚县市场监督管理局",
    "青岚县住房和城乡建设局",
    "青岚县应急管理局",
    "青岚县人力资源和社会保障局",
]
ORG_CODES = {
    "青岚县人民政府办公室": "青政办发",
    "青岚县财政局": "青财发",
    "青岚县教育局": "青教发",
    "青岚县卫生健康局": "青卫健发",
    "青岚县自然资源局": "青自然资发",
    "青岚县农业农村局": "青农发",
    "青岚县市场监督管理局": "青市监发",
    "青岚县住房和城乡建设局": "青建发",
    "青岚县应急管理局": "青应急发",
    "青岚县人力资源和社会保障局": "青人社发",
}
TOPICS = [
    "做好春季农业生产",
    "开展安全生产大检查",
    "印发政务公开工作要点",
    "调整城乡居民医疗保险缴费标准",
    "公布行政许可事项清单",
    "开展消防安全专项整治",
    "加强义务教育阶段学校招生管理",
    "做好防汛抗旱准备",
    "推进城镇老旧小区改造",
    "发放耕地地力保护补贴",
    "开展食品安全监督抽检",
    "做好高校毕业生就业服务",
    "加强森林草原防火",
    "规范行政事业性收费",
    "开展城乡环境卫生整治",
    "做好冬季取暖保障",
    "推进高标准农田建设",
    "开展义务植树活动",
    "加强农村饮水安全管理",
    "做好退役军人优抚",
]
KINDS = ["通知", "公告", "通告", "实施意见", "工作方案", "批复"]
SLOGANS = ["统筹兼顾、突出重点", "属地管理、分级负责", "依法依规、公开透明", "精准施策、注重实效"]
TASKS = [
    "建立工作台账，逐项明确责任单位和完成时限",
    "加强督促检查，对发现的问题及时整改",
    "做好政策宣传解读，回应群众关切",
    "完善信息报送制度，按月报送工作进展",
    "强化资金保障，规范资金使用管理",
    "健全长效机制，巩固工作成效",
]
BASE_DATE = datetime.date(2026, 10, 30)


@dataclass
class SampleDoc:
    id: int
    date: datetime.date
    title: str
    paragraphs: list[str]
    publisher: str
    doc_number: str | None
    index_number: str
    attachment: str | None = None  # display name of its one attachment
    state: str = "live"  # live | unlisted (still served) | a key of sections.STATE_ANSWERS | loop
    burst: int = 0  # answer this many requests with 503 first
    revision: int = 0
    pages: int = 1  # an article split over several pages
    damage: str | None = None  # how a mirror damaged it: traditional | masked
    hits: int = 0
    created: datetime.date | None = None  # fixes the URL; `date` moves when the document is republished
    attachment_size: int = 2048
    attachment_down: bool = False  # its attachment answers 500 (a broken file server) until this is unset
    attachment_state: str | None = None  # its attachment answers as a page in this state does: soft404, login…
    moved_to: int | None = None  # its page answers 301 to the page of this document (both listed)
    pinned: bool = False  # 置顶: listed above everything else, whatever its date

    def __post_init__(self):
        self.created = self.created or self.date

    @property
    def listed(self) -> bool:
        return self.state in ("live", "blocked412", "blocked521")

    @property
    def etag(self) -> str:
        return f'"{self.id}-{self.revision}"'


def make_doc(doc_id: int, date: datetime.date, rng: random.Random) -> SampleDoc:
    org, topic, kind = rng.choice(ORGS), rng.choice(TOPICS), rng.choice(KINDS)
    title = f"{org}关于{topic}的{kind}"
    number = f"{ORG_CODES[org]}〔{date.year}〕{doc_id % 97 + 1}号" if kind != "公告" else None
    deadline = date + datetime.timedelta(days=rng.randint(10, 60))
    paragraphs = [
        "各乡镇人民政府，县直各有关单位：",
        f"为切实做好{topic}工作，经县人民政府同意，"
        f"现将有关事项{kind if kind in ('通知', '公告', '通告') else '通知'}如下。",
        f"一、总体要求。坚持“{rng.choice(SLOGANS)}”的原则，把{topic}作为本年度的重点工作，确保各项措施落到实处。",
        "二、主要任务",
        f"（一）{rng.choice(TASKS)}。",
        f"（二）{rng.choice(TASKS)}。",
        f"三、工作要求。各单位要高度重视，于{deadline.year}年{deadline.month}月{deadline.day}日前将落实情况报送{org}。"
        f"联系电话：0358-{6000000 + doc_id * 37 % 999999:07d}。",
        org,
        f"{date.year}年{date.month}月{date.day}日",
    ]
    return SampleDoc(
        doc_id, date, title, paragraphs, org, number, f"11141100MB{doc_id:07d}/{date.year}-{doc_id % 1000:05d}"
    )


def make_docs(first_id: int, count: int, seed: int, newest: datetime.date = BASE_DATE) -> list[SampleDoc]:
    """`count` documents, newest first, about two a day going back from `newest`."""
    rng = random.Random(seed)
    return [make_doc(first_id + count - 1 - i, newest - datetime.timedelta(days=i // 2), rng) for i in range(count)]


def revise(doc: SampleDoc, today: datetime.date) -> None:
    """An in-place edit as TRS and jcms do it: new text, republished with today's date, back to the top of its list."""
    doc.revision += 1
    doc.date = today
    doc.paragraphs.insert(
        -2, f"四、本{doc.title[-2:]}第{doc.revision}次修订：执行期限延长至{today.year + 1}年12月31日。"
    )
