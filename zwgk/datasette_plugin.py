"""Datasette plugin: Chinese search through the standard `_search` box, and the archive's table metadata."""
from datasette import hookimpl

from archive.search import fts_query

SEARCHABLE = {"documents": {"fts_table": "documents_fts", "fts_pk": "id"}}
TABLES = {
    "documents": {
        "title": "Documents 文件",
        "description": "One row per document URL with its current metadata; status is live or withdrawn. Search works on titles and texts in simplified or traditional script.",
        "sort_desc": "published",
        "facets": ["site", "status", "publisher"],
    },
    "versions": {"title": "Versions 版本", "description": "Every distinct content of a document.", "sort_desc": "id"},
    "captures": {"title": "Captures 抓取记录", "description": "Every fetch of a document URL and what it brought.", "sort_desc": "id"},
    "snapshots": {"title": "Raw snapshots 原始页面", "description": "Response bodies, zlib-compressed, one row per distinct body."},
    "crawl_runs": {"title": "Crawl runs 抓取任务", "sort_desc": "id"},
}


def _escape_fts(query):
    return fts_query(query or "")


@hookimpl(trylast=True)
def prepare_connection(conn):
    # Datasette's search calls escape_fts(:search); ours turns Han text into character phrases.
    conn.create_function("escape_fts", 1, _escape_fts)


@hookimpl
def get_metadata(datasette, key, database, table):
    tables = {name: {**meta, **SEARCHABLE.get(name, {})} for name, meta in TABLES.items()}
    return {
        "title": "zwgk-archive 政务公开档案",
        "databases": {name: {"tables": tables} for name in datasette.databases if name != "_internal"},
    }
