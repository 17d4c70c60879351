"""Cache files under build/ that say what they were made from: a first line holding their key (a
sha256 of their inputs, in hex), then their bytes. A file whose first line is not the key asked for
was made from other inputs, or is damaged, and is not used; it is made again.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.publish import write_atomic


def write_keyed(path: Path, key: str, payload: bytes) -> None:
    """Write `payload` under `key`, atomically and not synced (a cache: a lost one is made again)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, key.encode("ascii") + b"\n" + payload, sync=False)


def read_keyed(path: Path, key: str) -> bytes | None:
    """The bytes kept under `key`; None when the file is missing or was written under another key."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, newline, payload = data.partition(b"\n")
    return payload if newline and head == key.encode("ascii") else None


def key_holds(path: Path, key: str) -> bool:
    """Whether the file was written under `key`, reading its first line only."""
    expected = key.encode("ascii") + b"\n"
    try:
        with path.open("rb") as handle:
            return handle.read(len(expected)) == expected
    except OSError:
        return False
