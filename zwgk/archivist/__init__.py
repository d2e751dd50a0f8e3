"""The archivist's Datasette: Chinese search, bilingual metadata and canned queries, each document's
history with diffs between versions, and stored pages viewed sandboxed.

Pages of the plugin:
  /-/zwgk/documents         the reading list: search with snippets, date range and site filter, over every shard
  /-/zwgk/history/ID        a document's versions in order, with an inline diff between consecutive ones
  /-/zwgk/capture/ID        one capture's details and its stored page in a sandboxed frame
  /-/zwgk/capture/ID/raw    the stored page itself, under a CSP that forbids scripts and any remote load
"""

import json
import re
import urllib.parse

from datasette import Forbidden, hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from archive import queries
from archive.search import fts_query
from archive.snapshots import Snapshots
from crawler.decode import decode_bytes
from crawler.pipeline import is_file, served_name
from crawler.response import Response as StoredAnswer

from .diff import diff_versions, metadata_changes
from .metadata import FIELD_LABELS, QUERIES, STATUS_LABELS, TABLES
from .reading import Filters, reading_list, site_keys

DOCUMENT_PAGE_FIELDS = ("site", "publisher", "doc_number", "index_number", "published", "written", "validity", "topic")
READING_COLUMNS = ("title", "publisher", "doc_number", "published", "status", "version_count", "site")

SEARCHABLE = {"documents": {"fts_table": "documents_fts", "fts_pk": "id"}}
# The stored page may hold anything a portal (or a mirror) put there: nothing of it may run or load. Its
# only <base> is ours, to the portal the page came from, so that a link clicked leaves the archive.
RAW_PAGE_CSP = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri {origin}"
)


def _escape_fts(query):
    return fts_query(query or "")


@hookimpl(trylast=True)
def prepare_connection(conn):
    # Datasette's search calls escape_fts(:search); ours turns Han text into character phrases.
    conn.create_function("escape_fts", 1, _escape_fts)


@hookimpl
def get_metadata(datasette, key, database, table):
    tables = {name: {**meta, **SEARCHABLE.get(name, {})} for name, meta in TABLES.items()}
    reading = (
        f"What governments published, when, and what they later changed or withdrew. "
        f'<a href="{datasette.urls.path("/-/zwgk/documents")}">阅读与检索文件 Read and search the documents →</a>'
    )
    return {
        "title": "zwgk-archive 政务公开档案",
        "description_html": reading,
        "databases": {
            name: {"description_html": reading, "tables": tables, "queries": QUERIES}
            for name in datasette.databases
            if name != "_internal"
        },
    }


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    value = value.get("value") if isinstance(value, dict) else value  # a foreign key expanded with its label
    if table == "documents" and column in ("title", "version_count") and "id" in row.keys() and value is not None:
        history = datasette.urls.path(f"/-/zwgk/history/{int(row['id'])}?db={urllib.parse.quote(database)}")
        label = escape(value) if column == "title" else f"{int(value)} · history 历史"
        return Markup(f'<a href="{history}">{label}</a>')
    if table == "captures" and column == "snapshot_digest" and value and "id" in row.keys():
        view = datasette.urls.path(f"/-/zwgk/capture/{int(row['id'])}?db={urllib.parse.quote(database)}")
        return Markup(f'<a href="{view}">{escape(value[:12])}… view 查看</a>')
    if column == "flags" and isinstance(value, str) and value.startswith("["):
        return ", ".join(json.loads(value)) or "–"  # damage flags as words, a dash for a clean text
    return None


@hookimpl
def register_routes():
    return [
        (r"^/-/zwgk/documents$", documents),
        (r"^/-/zwgk/history/(?P<document_id>\d+)$", history),
        (r"^/-/zwgk/capture/(?P<capture_id>\d+)$", capture),
        (r"^/-/zwgk/capture/(?P<capture_id>\d+)/raw$", raw_page),
        (r"^/-/zwgk/feed\.atom$", feed),
        (r"^/-/zwgk/attachment/(?P<attachment_id>\d+)$", attachment),
    ]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/zwgk/documents"), "label": "文件 Documents"}]


@hookimpl
def extra_body_script(view_name):
    # Datasette lists every column's description above a table: fold them under one line
    return FOLD_DESCRIPTIONS_JS if view_name == "table" else ""


FOLD_DESCRIPTIONS_JS = """
document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
  var fold = document.createElement("details"), title = document.createElement("summary");
  title.textContent = "列说明 Column descriptions (" + list.querySelectorAll("dt").length + ")";
  list.parentNode.insertBefore(fold, list); fold.appendChild(title); fold.appendChild(list);
});
"""


async def documents(datasette, request):
    databases = await _archive_databases(datasette, request)
    filters = Filters.from_args(request.args)
    rows, more = await reading_list(databases, filters)
    return Response.html(
        await datasette.render_template(
            "zwgk_documents.html",
            {
                "rows": rows,
                "more": more,
                "filters": filters,
                "sites": await site_keys(databases),
                "columns": READING_COLUMNS,
                "labels": FIELD_LABELS,
                "statuses": STATUS_LABELS,
            },
            request=request,
        )
    )


async def history(datasette, request):
    db = await _archive_db(datasette, request)
    document_id = int(request.url_vars["document_id"])
    document = (await db.execute(queries.DOCUMENT_BY_ID, [document_id])).first()
    if document is None:
        return Response.html("no such document 无此文件", status=404)
    versions = [dict(r) for r in await db.execute(queries.VERSIONS_OF, [document_id])]
    for version in versions:
        version["flags"] = json.loads(version["flags"] or "[]")
    captures = await db.execute(queries.CAPTURES_OF, [document_id])
    changes = [
        {"from": a, "to": b, "fields": metadata_changes(a, b), "rows": diff_versions(a["text"], b["text"])}
        for a, b in zip(versions, versions[1:])
    ]
    attachments = await db.execute(queries.DOCUMENT_ATTACHMENTS, [document_id])
    current = next((v for v in versions if v["version"] == document["current_version"]), None)
    return Response.html(
        await datasette.render_template(
            "zwgk_history.html",
            {
                "document": dict(document),
                "versions": versions,
                "changes": changes,
                "captures": [dict(c) for c in captures],
                "attachments": [dict(a) for a in attachments],
                "current": current,
                "database": db.name,
                "labels": FIELD_LABELS,
                "statuses": STATUS_LABELS,
                "metadata_fields": DOCUMENT_PAGE_FIELDS,
            },
            request=request,
        )
    )


async def attachment(datasette, request):
    """An attachment as archived: the stored bytes, decompressed, under its own name; the digest in a header."""
    db = await _archive_db(datasette, request)
    row = (await db.execute(queries.ATTACHMENT_BY_ID, [int(request.url_vars["attachment_id"])])).first()
    if row is None or not row["digest"]:
        return Response.text("no stored attachment 无此附件", status=404)
    body = await _snapshot_body(db, row["digest"])
    name = row["filename"] or row["name"] or row["url"].rsplit("/", 1)[-1]
    return Response(
        body,
        content_type=row["content_type"] or "application/octet-stream",
        headers={**_as_a_download(name), "X-Content-Digest": f"sha256={row['digest']}"},
    )


FEED_ENTRIES = 100
FEED_KINDS = {"new": "新发布 new", "changed": "已修改 changed", "withdrawn": "已撤下 withdrawn"}


async def feed(datasette, request):
    """An Atom feed of new, changed and withdrawn documents (all sites, or ?site=KEY)."""
    site = request.args.get("site", "")
    db = await _archive_db(datasette, request)
    rows = await db.execute(queries.FEED, {"site": site, "limit": FEED_ENTRIES})
    base = f"{request.scheme}://{request.host}"
    entries = "".join(_feed_entry(base, datasette, dict(row)) for row in rows)
    updated = next(iter(rows), {"at": "1970-01-01T00:00:00+00:00"})["at"]
    title = f"zwgk-archive {site or '政务公开档案'}: new, changed and withdrawn documents"
    xml = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>{escape(base + request.path)}?site={escape(site)}</id>"
        f'<link rel="self" href="{escape(base + request.path)}"/><updated>{escape(updated)}</updated>{entries}</feed>'
    )
    return Response(xml, content_type="application/atom+xml; charset=utf-8")


def _feed_entry(base: str, datasette, row: dict) -> str:
    link = base + datasette.urls.path(f"/-/zwgk/history/{row['id']}")
    title = f"[{FEED_KINDS[row['kind']]}] {row['title'] or row['url']}"
    return (
        f"<entry><title>{escape(title)}</title><id>{escape(link)}#{row['kind']}-v{row['version']}</id>"
        f'<link href="{escape(link)}"/><updated>{escape(row["at"])}</updated>'
        f"<summary>{escape(row['site'] or '')} · {escape(row['url'])}</summary></entry>"
    )


async def capture(datasette, request):
    row = await _capture(datasette, request)
    if row is None:
        return Response.html("no such capture 无此抓取记录", status=404)
    answer = await _stored_answer(datasette, request, row)
    return Response.html(
        await datasette.render_template(
            "zwgk_capture.html",
            {
                "capture": dict(row),
                "database": (await _archive_db(datasette, request)).name,
                "file": answer is not None and is_file(answer),
                "answer": answer,
            },
            request=request,
        )
    )


async def raw_page(datasette, request):
    """The stored answer: a page as archived under a CSP that forbids scripts and remote loads; a file (a listed
    PDF) as the file, to save, never rendered here."""
    row = await _capture(datasette, request)
    answer = await _stored_answer(datasette, request, row) if row is not None else None
    if answer is None:
        return Response.text("no stored page", status=404)
    if is_file(answer):
        return Response(answer.body, content_type=answer.content_type, headers=_as_a_download(served_name(answer)))
    text = decode_bytes(answer.body, answer.content_type).text
    original = row["final_url"] or row["url"]
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(original))
    return Response(
        as_served_here(text, original),
        content_type="text/html; charset=utf-8",
        headers={
            "Content-Security-Policy": RAW_PAGE_CSP.format(origin=origin),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


async def _stored_answer(datasette, request, row) -> StoredAnswer | None:
    """The capture's answer rebuilt from the stored bytes and headers, or None when no bytes were kept."""
    if not row["snapshot_digest"]:
        return None
    body = await _snapshot_body(await _archive_db(datasette, request), row["snapshot_digest"])
    headers = json.loads(row["headers"] or "{}")
    return StoredAnswer(row["url"], row["status"], body, headers, final_url=row["final_url"])


def _as_a_download(name: str) -> dict:
    return {
        "Content-Disposition": f"attachment; filename*=UTF-8''{urllib.parse.quote(name)}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Referrer-Policy": "no-referrer",
    }


META_CHARSET_RE = re.compile(r"""(<meta[^>]*charset\s*=\s*["']?)[\w-]+""", re.I)
HEAD_RE = re.compile(r"<head[^>]*>", re.I)


def as_served_here(html: str, original_url: str) -> str:
    """The stored page as this view serves it: its meta says the UTF-8 it is now sent in, and a <base> to
    the original URL makes its links (href="/", /xxgk/) lead out to the portal, not into Datasette."""
    html = META_CHARSET_RE.sub(r"\1utf-8", html)
    base = f'<base href="{escape(original_url)}">'
    head = HEAD_RE.search(html)
    return html[: head.end()] + base + html[head.end() :] if head else base + html


async def _snapshot_body(db, digest: str) -> bytes:
    return await db.execute_fn(lambda conn: Snapshots(conn).body(digest))


async def _capture(datasette, request):
    db = await _archive_db(datasette, request)
    return (await db.execute(queries.CAPTURE_BY_ID, [int(request.url_vars["capture_id"])])).first()


async def _archive_databases(datasette, request) -> list:
    """The archives Datasette serves (one per shard) that the actor may see."""
    readable = []
    for name, db in datasette.databases.items():
        if name != "_internal" and await _may_view(datasette, request, name):
            readable.append(db)
    return readable


async def _archive_db(datasette, request):
    """The archive a page is about: ?db=NAME where several shards are served, else the first; a page of an
    archive the actor may not view is refused as Datasette refuses its own (403)."""
    databases = [db for name, db in datasette.databases.items() if name != "_internal"]
    db = next((db for db in databases if db.name == request.args.get("db")), databases[0])
    if not await _may_view(datasette, request, db.name):
        raise Forbidden(f"view-database {db.name}")
    return db


async def _may_view(datasette, request, database: str) -> bool:
    try:
        await datasette.ensure_permissions(
            request.actor, [("view-table", (database, "documents")), ("view-database", database), "view-instance"]
        )
    except Forbidden:
        return False
    return True
