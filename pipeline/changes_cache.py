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
from pipeline.publish import write_atomic
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
        self.reused = 0  # pairs read back, not compared again

    def changes(self, previous: str, document_id: str, compare: Callable[[], list[ChangeRow]]) -> list[ChangeRow]:
        """The changes from `previous` to `document_id`: kept ones when their key holds, else `compare()`."""
        self._used.add(document_id)
        key = self._key(previous, document_id)
        path = self.folder / f"{document_id}{CHANGES_SUFFIX}"
        kept = _read(path, key)
        if kept is not None:
            self.reused += 1
            return kept
        found = compare()
        lines = [key.encode("ascii"), *(row_to_json_line(to_plain(row)) for row in found)]
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, b"\n".join(lines) + b"\n", sync=False)
        return found

    def remove_unused(self) -> None:
        """Remove the files of documents that were not compared in this publish (removed, or now first)."""
        for path in self.folder.glob(f"*{CHANGES_SUFFIX}"):
            if path.name[: -len(CHANGES_SUFFIX)] not in self._used:
                path.unlink(missing_ok=True)

    def _key(self, previous: str, document_id: str) -> str:
        parts = (previous, self._sha256.get(previous, ""), document_id, self._sha256.get(document_id, ""))
        return hashlib.sha256("\n".join((*parts, self._fingerprint)).encode()).hexdigest()


def _read(path: Path, key: str) -> list[ChangeRow] | None:
    """The change rows of a file whose key is `key`; None when it is missing, stale or damaged."""
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError:
        return None
    if lines[0] != key.encode("ascii") or lines[-1] != b"":
        return None
    try:
        return [from_plain(ChangeRow, json.loads(line)) for line in lines[1:-1]]
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
