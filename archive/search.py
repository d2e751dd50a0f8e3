"""Chinese full-text search on a stock FTS5 table.

FTS5's default tokenizer reads a run of Han characters as one token and `trigram` never matches
fewer than three characters. So the index holds simplified text with a space between Han
characters (one token each), and a query becomes the phrase of its characters: "扶贫" -> '"扶 贫"',
which matches exactly the documents containing 扶贫, in either script. Plain sqlite3 can query it too.
"""

import re

from crawler.chars import HAN, to_simplified

INDEX_TOKEN_RE = re.compile(f"[{HAN}]|[^\\s{HAN}]+")  # a Han character alone, or a run of anything else but space
TERM_RE = re.compile(r'"[^"]*"|\S+')
OPERATORS = ("OR", "NOT", "AND")  # written in capitals between terms, as FTS5 and search engines take them
INDEXED_FIELDS = (
    "title",
    "publisher",
    "doc_number",
    "index_number",
)  # beside the text: 文号 and 索引号 are searched too


def index_text(text: str) -> str:
    return " ".join(INDEX_TOKEN_RE.findall(to_simplified(text or "")))


def fts_query(query: str) -> str:
    """A user's search box words as an FTS5 query: every term a phrase, all terms required unless OR or
    NOT stands between them ("扶贫 OR 救助", "预算 NOT 决算"); a quoted term is one phrase."""
    parts: list[str] = []
    for term in TERM_RE.findall(query or ""):
        if term in OPERATORS:
            if parts and parts[-1] not in OPERATORS:
                parts.append(term)
            continue
        tokens = index_text(term.strip('"')).replace('"', " ").split()
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    while parts and parts[-1] in OPERATORS:
        parts.pop()
    return " ".join(parts)


def index_document(conn, document_id: int, text: str, fields: dict) -> None:
    """Put a document's current text and fields in the search index, in place of what was there."""
    conn.execute("DELETE FROM documents_fts WHERE rowid = ?", [document_id])
    columns = ", ".join(("rowid", "text", *INDEXED_FIELDS))
    conn.execute(
        f"INSERT INTO documents_fts ({columns}) VALUES ({', '.join('?' * (2 + len(INDEXED_FIELDS)))})",
        [document_id, index_text(text), *(index_text(fields[f] or "") for f in INDEXED_FIELDS)],
    )


def rebuild(conn) -> None:
    """Fill the index from every document's current version (after the index gained columns)."""
    rows = conn.execute(
        f"SELECT d.id, v.text, {', '.join('d.' + f for f in INDEXED_FIELDS)} FROM documents d"
        " JOIN versions v ON v.document_id = d.id AND v.version = d.current_version"
    ).fetchall()
    for row in rows:
        index_document(conn, row["id"], row["text"], dict(row))
