"""The one error type a document can fail with: it names the file and the reason in one line."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be read or extracted; `str()` is the one-line report."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
