"""The reading list: documents as an archivist looks for them, newest first, with a search box that also
finds 文号, 索引号 and 发布机构, a highlighted snippet of why each one matched, and a date range and site
filter beside the box. Every archive Datasette serves (one per shard) is searched and the rows merged by date.
"""

import re
import urllib.parse
from dataclasses import asdict, dataclass

from markupsafe import Markup, escape

from archive import queries
from archive.search import fts_query
from crawler.chars import HAN

PAGE_SIZE = 50
SNIPPET_TOKENS = 24  # FTS5 counts one token a Han character: about a line of text around the match
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # FTS5 marks matches with these; escaped text can never hold them
_INDEXED = f"[{HAN}{MARK_OPEN}{MARK_CLOSE}]"
INDEX_SPACING_RE = re.compile(f" (?={_INDEXED})|(?<={_INDEXED}) ")  # the index's spaces beside Han characters


@dataclass(frozen=True)
class Filters:
    """What the reader asked for, named as the form names it: search words, site, and a 发布日期 range (ISO
    dates, both ends kept)."""

    q: str = ""
    site: str = ""
    since: str = ""
    until: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "Filters":
        page = args.get("page", "1")
        return cls(
            args.get("q", "").strip(),
            args.get("site", ""),
            args.get("since", ""),
            args.get("until", ""),
            int(page) if page.isdigit() and int(page) > 0 else 1,
        )

    def query(self, page: int) -> str:
        """The query string of another page of the same list."""
        return urllib.parse.urlencode({**asdict(self), "page": page})

    def params(self) -> dict:
        # each shard gives its first page*PAGE_SIZE rows; the merge then cuts the page out of them
        return {
            "site": self.site,
            "since": self.since,
            "until": self.until,
            "match": fts_query(self.q),
            "limit": self.page * PAGE_SIZE + 1,
            "mark_open": MARK_OPEN,
            "mark_close": MARK_CLOSE,
            "snippet_tokens": SNIPPET_TOKENS,
        }


async def reading_list(databases, filters: Filters) -> tuple[list[dict], bool]:
    """The page of documents the filters ask for, from every archive, and whether more follow."""
    params = filters.params()
    sql = queries.READING_SEARCH if params["match"] else queries.READING_LIST
    found = []
    for db in databases:
        for row in await db.execute(sql, params):
            found.append({**dict(row), "database": db.name, "snippet": readable_snippet(row["snippet"])})
    found.sort(key=lambda row: (row["published"] is not None, row["published"] or "", row["id"]), reverse=True)
    start = (filters.page - 1) * PAGE_SIZE
    return found[start : start + PAGE_SIZE], len(found) > start + PAGE_SIZE


async def site_keys(databases) -> list[str]:
    return sorted({row["site"] for db in databases for row in await db.execute(queries.SITES)})


def readable_snippet(snippet: str | None) -> Markup | None:
    """FTS5's snippet of the indexed text (a space between Han characters) as a reader wants it: the spaces
    the index put in taken out again, the matched words marked."""
    if not snippet:
        return None
    text = str(escape(INDEX_SPACING_RE.sub("", snippet)))
    return Markup(text.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))
