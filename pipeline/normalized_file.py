"""The normalized stage file of a document (`build/normalized/<id>.jsonl`): one JSON line per row.

The first line says what the file was made from and how many rows of each table follow:
`{"key": "<extracted file's sha256>:<code fingerprint>", "rows": {"initiatives": 106, …}}`; then
come the rows of every table in the order of `pipeline.tables.TABLES`, one compact JSON object per
line. A person reads it with `head`, `grep` or `jq -c`; publishing hands each table's lines to
Arrow's JSON reader as they are (`pipeline.arrow_rows`), without parsing them in Python.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.arrow_rows import row_to_json_line
from pipeline.publish import write_atomic
from pipeline.tables import TABLES

SUFFIX = ".jsonl"


@dataclass(frozen=True)
class NormalizedFile:
    """A normalized stage file, read: its key and each table's rows as JSON lines."""

    key: str
    lines: dict[str, list[bytes]]


def write_normalized(path: Path, key: str, tables: Mapping[str, Sequence[Any]]) -> str:
    """Write a document's plain rows of every table; the sha256 of the bytes written. Not synced to
    disk, as other stage files: a damaged one fails its recorded sha256 and is made again."""
    header = {"key": key, "rows": {name: len(tables.get(name, ())) for name in TABLES}}
    lines = [row_to_json_line(header)]
    for name in TABLES:
        lines.extend(row_to_json_line(row) for row in tables.get(name, ()))
    data = b"\n".join(lines) + b"\n"
    write_atomic(path, data, sync=False)
    return hashlib.sha256(data).hexdigest()


def read_normalized(data: bytes) -> NormalizedFile | None:
    """A normalized stage file's key and lines; None when it is damaged or of another shape."""
    lines = data.split(b"\n")
    try:
        header = json.loads(lines[0])
        counts = [int(header["rows"].get(name, 0)) for name in TABLES]
        key = str(header["key"])
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    if lines[-1] != b"" or len(lines) - 2 != sum(counts) or min(counts, default=0) < 0:
        return None
    out, start = {}, 1
    for name, count in zip(TABLES, counts, strict=True):
        out[name] = lines[start : start + count]
        start += count
    return NormalizedFile(key, out)
