"""The normalized stage file of a document (`build/normalized/<id>.jsonl.gz`): one JSON line per row, gzipped.

The first line says what the file was made from and how many rows of each table follow:
`{"key": "<extracted file's sha256>:<code fingerprint>", "rows": {"initiatives": 106, …}}`; then
come the rows of every table in the order of `pipeline.tables.TABLES`, one compact JSON object per
line. A person reads it with `zcat`, `zgrep` or `zcat … | jq -c`; publishing hands each table's
lines to Arrow's JSON reader as they are (`pipeline.arrow_rows`), without parsing them in Python.

Why gzip (level 1): the rows repeat their keys and ids, so the file is a tenth of its JSON (a seed
document: 511 kB → 47 kB), and `build/` shrinks from 8 to about 3 times the raw bytes. Compressing
costs the child 1.4 ms a document and publishing 1 ms to read it back; a rerun hashes a tenth of the
bytes. `mtime=0` keeps the bytes the same for the same rows.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.arrow_rows import row_to_json_line
from pipeline.publish import write_atomic
from pipeline.tables import TABLES

SUFFIX = ".jsonl.gz"


@dataclass(frozen=True)
class NormalizedFile:
    """A normalized stage file, read: its key and each table's rows as JSON lines."""

    key: str
    lines: dict[str, list[bytes]]


def table_lines(tables: Mapping[str, Sequence[Any]]) -> dict[str, list[bytes]]:
    """Each table's plain rows as JSON lines (`row_to_json_line`), as the file holds them."""
    return {name: [row_to_json_line(row) for row in tables.get(name, ())] for name in TABLES}


def write_normalized(path: Path, key: str, lines: Mapping[str, Sequence[bytes]]) -> str:
    """Write a document's rows of every table, as JSON lines (`table_lines`); the sha256 of the bytes
    written. Not synced to disk, as other stage files: a damaged one fails its recorded sha256 and is
    made again."""
    header = {"key": key, "rows": {name: len(lines.get(name, ())) for name in TABLES}}
    out = [row_to_json_line(header)]
    for name in TABLES:
        out.extend(lines.get(name, ()))
    data = gzip.compress(b"\n".join(out) + b"\n", compresslevel=1, mtime=0)
    write_atomic(path, data, sync=False)
    return hashlib.sha256(data).hexdigest()


def read_normalized(data: bytes) -> NormalizedFile | None:
    """A normalized stage file's key and lines (`data`: the file's bytes); None when it is damaged or
    of another shape."""
    try:
        lines = gzip.decompress(data).split(b"\n")
    except (OSError, EOFError, zlib.error):
        return None
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


def document_id_of(path: Path) -> str:
    """The document id a normalized stage file is named by."""
    return path.name.removesuffix(SUFFIX)
