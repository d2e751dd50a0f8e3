"""Glue between fetching, the text pipeline and the archive: one path for fetch, crawl and reprocess."""
from archive import Archive
from crawler.pipeline import Document, Response, process_page

from .fetcher import FetchError, check_document, fetch

GONE = (404, 410)


def result_json(response: Response, doc: Document | None, result) -> dict:
    """The object `zwgk fetch --json` prints (see shared contract)."""
    doc_fields = ("title", "publisher", "doc_number", "index_number", "published", "text", "attachments", "flags")
    out = {"url": response.url, "final_url": response.final_url or response.url, "status": response.status,
           "encoding": doc.decoded.encoding if doc and doc.decoded else None}
    out.update({f: getattr(doc, f) if doc else None for f in doc_fields})
    out.update(content_hash=doc.content_hash if doc else None, version=result.version if result else None,
               changed=bool(result and result.changed), outcome=result.outcome if result else None)
    return out


def archive_response(archive: Archive, response: Response, site: str | None = None, crawl_run_id: int | None = None):
    """Archive one fetched document URL. Returns (document or None, capture result)."""
    if response.status in GONE:
        result = archive.record_gone(response, crawl_run_id)
        if result is None:
            raise FetchError(f"{response.url}: HTTP {response.status} and not in the archive")
        return None, result
    if not 200 <= response.status < 300:
        raise FetchError(f"{response.url}: HTTP {response.status}")
    check_document(response)
    doc = process_page(response)
    return doc, archive.record_document(response, doc, site=site, crawl_run_id=crawl_run_id)


def fetch_into(archive: Archive, url: str):
    response = fetch(url)
    doc, result = archive_response(archive, response)
    return response, doc, result
