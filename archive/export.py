"""Exports for other tools: WARC 1.1 from the stored raw captures, and JSON Lines of every version.

The WARC holds, per capture, the request as the crawler sent it (method, URL, user agent) and the
answer: a response record with the stored bytes, or a revisit record (identical-payload-digest)
when the same bytes were already written. Bodies are stored decoded (after gzip/deflate), so the
response headers lose Content-Encoding and Transfer-Encoding and get the stored length; the
warcinfo record says so.
"""

import json
from datetime import datetime
from http import HTTPStatus
from io import BytesIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from settings import USER_AGENT

DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def export_warc(archive, stream, site: str | None = None, software: str = "zwgk-archive", progress=None) -> dict:
    """Write the captures (and stored attachments) of `site`, or of all sites, as gzipped WARC 1.1 to `stream`."""
    writer = WARCWriter(stream, gzip=True, warc_version="1.1")
    writer.write_record(
        writer.create_warcinfo_record(
            "zwgk-export.warc.gz",
            {
                "software": software,
                "format": "WARC File Format 1.1",
                "description": "zwgk-archive export; payloads are stored bodies, decoded from any Content-Encoding",
            },
        )
    )
    written: dict[str, tuple[str, str, str]] = {}  # body digest -> (uri, WARC-Date, WARC-Payload-Digest)
    counts = {"response": 0, "revisit": 0, "request": 0}
    for done, capture in enumerate(archive.read.export_captures(site), start=1):
        if progress:
            progress(done)
        body = archive.snapshots.body(capture["digest"]) if capture["digest"] else b""
        date = _warc_date(capture["fetched_at"])
        url = capture["url"]
        writer.write_record(_request(writer, url, date))
        counts["request"] += 1
        http = _response_headers(capture["status"], json.loads(capture["headers"] or "{}"), len(body))
        earlier = written.get(capture["digest"]) if capture["digest"] and body else None
        if earlier:
            record = writer.create_revisit_record(
                url, earlier[2], earlier[0], earlier[1], http_headers=http, warc_headers_dict={"WARC-Date": date}
            )
            counts["revisit"] += 1
        else:
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
            counts["response"] += 1
            if capture["digest"] and body:
                written[capture["digest"]] = (url, date, record.rec_headers.get_header("WARC-Payload-Digest"))
        writer.write_record(record)
    return counts


def export_jsonl(archive, stream, site: str | None = None, progress=None) -> int:
    """One JSON object per version, oldest first per document, with the document's URL, site and status."""
    count = 0
    for row in archive.read.export_versions(site):
        out = dict(row)
        for key in ("attachments", "flags", "repairs"):
            out[key] = json.loads(out[key] or "[]")
        stream.write(json.dumps(out, ensure_ascii=False) + "\n")
        count += 1
        if progress:
            progress(count)
    return count


def _request(writer, url: str, date: str):
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = StatusAndHeaders(
        f"GET {target} HTTP/1.1", [("Host", parts.netloc), ("User-Agent", USER_AGENT)], is_http_request=True
    )
    return writer.create_warc_record(url, "request", http_headers=headers, warc_headers_dict={"WARC-Date": date})


def _response_headers(status: int | None, headers: dict, length: int) -> StatusAndHeaders:
    kept = [(k, v) for k, v in headers.items() if k.lower() not in DROPPED_HEADERS]
    return StatusAndHeaders(
        f"{status or 200} {_reason(status)}", kept + [("Content-Length", str(length))], protocol="HTTP/1.1"
    )


def _reason(status: int | None) -> str:
    try:
        return HTTPStatus(status or 200).phrase
    except ValueError:
        return "Unknown"


def _warc_date(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%dT%H:%M:%SZ")
