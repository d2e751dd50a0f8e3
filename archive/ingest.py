"""One way in for every answer to a document URL, whoever fetched it: `zwgk fetch`, the crawl, re-extraction."""
import json

from crawler.classify import Blocked, NotADocument, check_document, classify
from crawler.decode import decode_bytes
from crawler.pipeline import Document, Response, process_page

from .store import Archive, CaptureResult


def ingest(archive: Archive, response: Response, site: str | None = None, crawl_run_id: int | None = None,
           hints: dict | None = None) -> tuple[Document | None, CaptureResult]:
    """Classify, extract and record one answer. Raises Blocked (after recording it) or NotADocument."""
    if response.status == 304 and archive.document(response.url) is not None:
        return None, archive.record_not_modified(response, crawl_run_id)
    decoded = decode_bytes(response.body, response.content_type)
    verdict = classify(response.status, decoded.text, response.url, response.final_url)
    if verdict.kind == "blocked":
        archive.record_blocked(response, verdict.reason, crawl_run_id)
        raise Blocked(f"{response.url}: blocked ({verdict.reason}, HTTP {response.status}); archive unchanged")
    if verdict.kind == "gone":
        result = archive.record_gone(response, crawl_run_id, verdict.reason)
        if result is None:
            raise NotADocument(f"{response.url}: not found ({verdict.reason}) and not in the archive")
        return None, result
    if verdict.kind == "error":
        raise NotADocument(f"{response.url}: HTTP {response.status}")
    check_document(response.body, response.content_type, response.url, response.status)
    doc = process_page(response, hints, decoded)
    return doc, archive.record_document(response, doc, site=site, crawl_run_id=crawl_run_id)


def reprocess(archive: Archive, site: str | None = None, progress=None) -> dict:
    """Extract every document again from its newest stored capture; a new version only where the result changed.
    `progress`, if given, is called with the number of documents done after each one."""
    counts = {"documents": 0, "new_versions": 0}
    for capture in archive.latest_document_captures(site):
        response = stored_response(archive, capture)
        listed = json.loads(capture["listed"]) if capture["listed"] else {}
        hints = {"title": listed.get("title"), "published": listed.get("published"), **(listed.get("meta") or {})}
        outcome, _ = archive.record_reextraction(capture["document_id"], process_page(response, hints))
        counts["documents"] += 1
        counts["new_versions"] += outcome == "new_version"
        if progress:
            progress(counts["documents"])
    return counts


def stored_response(archive: Archive, capture) -> Response:
    """A capture as it was fetched, rebuilt from the stored bytes."""
    parts = [Response(capture["url"], capture["status"], archive.snapshot_body(digest))
             for digest in json.loads(capture["part_digests"] or "[]")]
    return Response(url=capture["url"], status=capture["status"], body=archive.snapshot_body(capture["snapshot_digest"]),
                    headers=json.loads(capture["headers"] or "{}"), final_url=capture["final_url"], parts=parts)


def result_json(response: Response, doc: Document | None, result: CaptureResult | None) -> dict:
    """The object `zwgk fetch --json` prints (see the shared contract)."""
    doc_fields = ("title", "publisher", "doc_number", "index_number", "published", "text", "attachments", "flags")
    out = {"url": response.url, "final_url": response.final_url or response.url, "status": response.status,
           "encoding": doc.decoded.encoding if doc and doc.decoded else None}
    out.update({f: getattr(doc, f) if doc else None for f in doc_fields})
    out.update(content_hash=doc.content_hash if doc else None, version=result.version if result else None,
               changed=bool(result and result.changed), outcome=result.outcome if result else None)
    return out
