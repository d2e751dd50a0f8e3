"""The coordinator: one way in for every answer to a document URL, whoever fetched it (`zwgk fetch`, the
crawl, re-extraction), from the fetched bytes through crawler/ (text, plain functions) into archive/.

Two steps. `read_answer` is pure and costs the CPU: cheap checks first (an empty or binary 2xx answer is
refused before anything is decoded), then decode once, classify, and the text path. It can run in a worker
process (`TextWorkers`). `record` writes what was read into the archive, in the caller's process, one
answer at a time: the archive keeps one ordered writer.
"""

import json
import os
import select
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

from archive import Archive, CaptureResult
from archive.vocabulary import AttachmentStatus, Outcome
from crawler.classify import Blocked, NotADocument, Verdict, check_document, classify, starts_as_markup
from crawler.decode import decode_bytes
from crawler.document import Document
from crawler.filenames import filename_from_disposition
from crawler.pipeline import is_file, process_file, process_page
from crawler.response import Response, TooLarge

ERROR_CHARS = 300  # of an error message kept with a failed attachment
MAX_PAGE_INSTEAD = 1024 * 1024  # bytes: a "not found" or login page is smaller; an answer this big is the file
PARENT_CHECK_SECONDS = 1.0  # where a process cannot be waited for, how often a worker looks whether it ended


@dataclass
class Reading:
    """What the text path made of one answer: its verdict, and the document when it is one."""

    verdict: Verdict
    doc: Document | None = None


def read_answer(response: Response, hints: dict | None = None) -> Reading:
    """Classify and extract one answer (no archive involved). Raises NotADocument for an answer that is no
    document: an empty or binary 2xx body, or an error status."""
    if is_file(response):
        return Reading(Verdict("document", "file"), process_file(response, hints))
    if 200 <= response.status < 300:
        check_document(response.body, response.content_type, response.url, response.status)
    decoded = decode_bytes(response.body, response.content_type)
    verdict = classify(response.status, decoded.text, response.url, response.final_url)
    if verdict.kind == "error":
        sent = verdict.reason.startswith("redirect-")
        raise NotADocument(
            f"{response.url}: {verdict.reason} {response.final_url}"
            if sent
            else f"{response.url}: HTTP {response.status}"
        )
    if verdict.kind != "document":
        return Reading(verdict)
    return Reading(verdict, process_page(response, hints, decoded))


def record(
    archive: Archive, response: Response, reading: Reading, site: str | None = None, crawl_run_id: int | None = None
) -> tuple[Document | None, CaptureResult]:
    """Write one answer as read. Raises Blocked (after recording it) or NotADocument."""
    verdict = reading.verdict
    if verdict.kind == "blocked":
        archive.record_blocked(response, verdict.reason, crawl_run_id)
        raise Blocked(f"{response.url}: blocked ({verdict.reason}, HTTP {response.status}); archive unchanged")
    if verdict.kind == "gone":
        result = archive.record_gone(response, crawl_run_id, verdict.reason)
        if result is None:
            raise NotADocument(f"{response.url}: not found ({verdict.reason}) and not in the archive")
        return None, result
    result = archive.record_document(response, reading.doc, site=site, crawl_run_id=crawl_run_id)
    if reading.doc.method == "file":  # the document is its file: stored from this answer, not downloaded again
        record_attachment(archive, attachment_answer(response.url, response), crawl_run_id)
    return reading.doc, result


def ingest(
    archive: Archive,
    response: Response,
    site: str | None = None,
    crawl_run_id: int | None = None,
    hints: dict | None = None,
) -> tuple[Document | None, CaptureResult]:
    """Read and record one answer here and now (`zwgk fetch`); a 304 of a known document reads nothing."""
    if known_not_modified(archive, response):
        return None, archive.record_not_modified(response, crawl_run_id)
    return record(archive, response, read_answer(response, hints), site, crawl_run_id)


def known_not_modified(archive: Archive, response: Response) -> bool:
    """A 304 for a document the archive holds: recorded as such, with nothing to read."""
    return response.status == 304 and archive.read.document(response.url) is not None


@dataclass
class AttachmentFile:
    """What became of one attachment download, whoever fetched it (`zwgk fetch` or a crawl)."""

    url: str  # as the document linked it, wherever it redirected
    status: AttachmentStatus
    body: bytes | None = None
    content_type: str | None = None
    filename: str | None = None
    error: str | None = None


def attachment_answer(url: str, answer: Response) -> AttachmentFile:
    """An answer to an attachment URL: stored when it is a 200 that brings the file; failed otherwise, and tried
    again by later crawls: an error status, or a page in the file's place that says it is gone or barred (the
    portal's 200 "页面不存在" page, a login or firewall page), which kept as the file would tell an archivist the
    file was saved."""
    if answer.status != 200:
        return AttachmentFile(url, AttachmentStatus.FAILED, error=f"HTTP {answer.status}")
    if instead := _page_instead_of_file(url, answer):
        return AttachmentFile(url, AttachmentStatus.FAILED, error=f"HTTP 200: a {instead} page, not the file")
    disposition = answer.header("content-disposition")
    return AttachmentFile(
        url, AttachmentStatus.STORED, answer.body, answer.content_type, filename_from_disposition(disposition)
    )


def _page_instead_of_file(url: str, answer: Response) -> str | None:
    """Why an answer is a page saying the file is gone or barred (classify's reason), or None: a file, or a page
    that is one (an attachment may well be a page)."""
    if len(answer.body) > MAX_PAGE_INSTEAD or not starts_as_markup(answer.body):
        return None  # too big for such a page, or no markup where a page starts (%PDF, PK, a Word file's bytes)
    try:
        check_document(answer.body, answer.content_type, url, answer.status)
    except NotADocument:  # empty, or not a page: what the portal sent is the file
        return None
    verdict = classify(answer.status, decode_bytes(answer.body, answer.content_type).text, url, answer.final_url)
    return verdict.reason if verdict.kind in ("gone", "blocked") else None


def attachment_failure(url: str, error: BaseException) -> AttachmentFile:
    """A download that brought no answer: too large when its fetcher stopped it at the size cap, else failed."""
    status = AttachmentStatus.TOO_LARGE if isinstance(error, TooLarge) else AttachmentStatus.FAILED
    return AttachmentFile(url, status, error=(str(error) or error.__class__.__name__)[:ERROR_CHARS])


def record_attachment(archive: Archive, file: AttachmentFile, crawl_run_id: int | None = None) -> None:
    archive.attachments.record(
        file.url, file.status, file.body, file.content_type, file.filename, file.error, crawl_run_id
    )


def worker_count() -> int:
    """Worker processes for the text path: $ZWGK_TEXT_WORKERS, else one core per worker with one core left
    for the process that fetches and writes (0: read in that process itself)."""
    configured = os.environ.get("ZWGK_TEXT_WORKERS")
    return int(configured) if configured and configured.isdigit() else max(1, (os.cpu_count() or 1) - 1)


class TextWorkers:
    """Worker processes for the CPU-bound text path while the caller fetches and records; started by
    forkserver, which forks them from a clean process with the text path already imported. With no
    workers, the work is done in the caller's own process."""

    def __init__(self, workers: int | None = None):
        self.workers = worker_count() if workers is None else workers
        self.pool = None
        if self.workers:
            context = get_context("forkserver")
            context.set_forkserver_preload(["coordinator"])
            self.pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),)
            )

    def submit(self, function, *args) -> Future:
        if self.pool is not None:
            return self.pool.submit(function, *args)
        future = Future()
        try:
            future.set_result(function(*args))
        except Exception as error:  # noqa: BLE001 - handed over through the future, as a pool does
            future.set_exception(error)
        return future

    def map(self, function, items, chunksize: int = 16):
        """function(item) for each item, in order."""
        return map(function, items) if self.pool is None else self.pool.map(function, items, chunksize=chunksize)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _end_with(pid: int) -> None:
    """In a worker: end when the process that started the pool ends, however it ended. Killed (SIGKILL), it
    cannot shut its pool down, and a worker waiting for its next task would wait forever (holding the
    forkserver alive with it)."""
    threading.Thread(target=_exit_after, args=(pid,), daemon=True, name="zwgk-end-with-parent").start()


def _exit_after(pid: int) -> None:
    try:
        handle = os.pidfd_open(pid)  # readable once the process has ended (Linux 5.3+)
    except (AttributeError, OSError):
        while _running(pid):
            time.sleep(PARENT_CHECK_SECONDS)
    else:
        select.select([handle], [], [])
    os._exit(0)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reprocess(archive: Archive, site: str | None = None, progress=None, workers: int | None = None) -> dict:
    """Extract every document again from its newest stored capture, in worker processes; a new version only
    where the result changed. `progress`, if given, is called with the number of documents done after each."""
    counts = {"documents": 0, "new_versions": 0}
    captures = list(archive.read.latest_document_captures(site))
    answers = ((stored_response(archive, capture), _listed_hints(capture)) for capture in captures)
    with TextWorkers(workers) as readers:
        for capture, doc in zip(captures, readers.map(_reextract, answers)):
            doc.images = []  # which images are kept is the fetch's and the site's choice, not re-extraction's
            outcome, _ = archive.record_reextraction(capture["document_id"], doc)
            counts["documents"] += 1
            counts["new_versions"] += outcome == Outcome.NEW_VERSION
            if progress:
                progress(counts["documents"])
    return counts


def _reextract(answer: tuple[Response, dict]) -> Document:
    response, hints = answer
    return process_file(response, hints) if is_file(response) else process_page(response, hints)


def _listed_hints(capture) -> dict:
    listed = json.loads(capture["listed"]) if capture["listed"] else {}
    return {"title": listed.get("title"), "published": listed.get("published"), **(listed.get("meta") or {})}


def stored_response(archive: Archive, capture) -> Response:
    """A capture as it was fetched, rebuilt from the stored bytes."""
    parts = [
        Response(capture["url"], capture["status"], archive.snapshots.body(digest))
        for digest in json.loads(capture["part_digests"] or "[]")
    ]
    return Response(
        url=capture["url"],
        status=capture["status"],
        body=archive.snapshots.body(capture["snapshot_digest"]),
        headers=json.loads(capture["headers"] or "{}"),
        final_url=capture["final_url"],
        parts=parts,
    )


DOC_FIELDS = ("title", "publisher", "doc_number", "index_number", "published", "text", "attachments", "images", "flags")


def result_json(response: Response, doc: Document | None, result: CaptureResult | None) -> dict:
    """The object `zwgk fetch --json` prints (see the shared contract)."""
    out = {
        "url": response.url,
        "final_url": response.final_url or response.url,
        "status": response.status,
        "encoding": doc.decoded.encoding if doc and doc.decoded else None,
    }
    out.update({f: getattr(doc, f) if doc else None for f in DOC_FIELDS})
    out.update(
        content_hash=doc.content_hash if doc else None,
        version=result.version if result else None,
        changed=bool(result and result.changed),
        outcome=result.outcome if result else None,
    )
    return out
