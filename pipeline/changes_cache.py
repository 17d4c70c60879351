"""The changes from each version to the one after it, kept under build/changes/ between runs.

Publishing writes every table again (the output set is replaced as a whole), so without this a
run that adds one document would compare every pair of versions again: two documents' views
unpickled and matched per pair, about half of publishing's time per document. The changes between
two versions depend only on both documents' normalized stage files and the code, so they are kept
in `build/changes/<document id>.changes`, keyed by those (the previous version's id and both files'
sha256, and the code's fingerprint), and read back while the key holds.

A file holds its key on the first line, then one compact JSON line per change row. It is a cache:
a missing, stale or damaged file is compared again and rewritten.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from pipeline.arrow_rows import row_to_json_line
from pipeline.keyed_file import read_keyed, write_keyed
from pipeline.serialize import from_plain, to_plain
from pipeline.tables import ChangeRow

CHANGES_SUFFIX = ".changes"


class ChangesCache:
    """Changes between versions, from build/changes/ when their key holds, else compared and kept."""

    def __init__(self, folder: Path, normalized_sha256: Mapping[str, str], fingerprint: str) -> None:
        """`normalized_sha256` maps each published document's id to its normalized stage file's sha256."""
        self.folder = folder
        self._sha256 = normalized_sha256
        self._fingerprint = fingerprint
        self._used: set[str] = set()

    def changes(self, previous: str, document_id: str, compare: Callable[[], list[ChangeRow]]) -> list[ChangeRow]:
        """The changes from `previous` to `document_id`: kept ones when their key holds, else `compare()`."""
        self._used.add(document_id)
        key = self._key(previous, document_id)
        path = self.folder / f"{document_id}{CHANGES_SUFFIX}"
        kept = _rows(read_keyed(path, key))
        if kept is not None:
            return kept
        found = compare()
        write_keyed(path, key, b"".join(row_to_json_line(to_plain(row)) + b"\n" for row in found))
        return found

    def remove_unused(self) -> None:
        """Remove the files of documents that were not compared in this publish (removed, or now first)."""
        for path in self.folder.glob(f"*{CHANGES_SUFFIX}"):
            if path.name[: -len(CHANGES_SUFFIX)] not in self._used:
                path.unlink(missing_ok=True)

    def _key(self, previous: str, document_id: str) -> str:
        parts = (previous, self._sha256.get(previous, ""), document_id, self._sha256.get(document_id, ""))
        return hashlib.sha256("\n".join((*parts, self._fingerprint)).encode()).hexdigest()


def _rows(payload: bytes | None) -> list[ChangeRow] | None:
    """The change rows kept in a file's bytes (one JSON line each); None when there are none kept or
    they are damaged."""
    if payload is None or (payload and not payload.endswith(b"\n")):
        return None
    try:
        return [from_plain(ChangeRow, json.loads(line)) for line in payload.splitlines()]
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
