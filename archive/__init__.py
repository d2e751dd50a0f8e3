"""The archive database: the only code that writes SQL."""

from .store import Archive, CaptureResult

__all__ = ["Archive", "CaptureResult"]
