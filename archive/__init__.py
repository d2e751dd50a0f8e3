"""The archive database: the only code that writes SQL."""
from .store import Archive, CaptureResult
from .ingest import ingest, result_json

__all__ = ["Archive", "CaptureResult", "ingest", "result_json"]
