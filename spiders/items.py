"""What the spider hands to the item pipelines."""

from dataclasses import dataclass, field

from crawler.response import Response


@dataclass
class DocumentPage:
    response: Response
    hints: dict = field(default_factory=dict)  # what the list said: title, date, 索引号, 文号
    attachments: list[str] = field(default_factory=list)  # set once archived: its attachments not yet downloaded


@dataclass
class PendingAttachments:
    """Attachments an earlier crawl of the site linked but could not download."""

    linked: dict[str, str]  # URL -> the page of a document that links it
