"""The archive database: the only code that writes SQL."""
from .store import Archive, CaptureResult
from .ingest import ingest, reprocess, result_json

__all__ = ["Archive", "CaptureResult", "ingest", "reprocess", "result_json"]
