"""A document's rows as Arrow tables, kept beside its normalized stage file (`build/arrow/<id>.arrow`).

Turning JSON lines into Arrow is publishing's largest cost per document (5–10 ms for a seed
document), and publishing is the one part of a run that is not parallel, and that every run repeats
for every document: a run that adds one document publishes all the others again. So publishing keeps
each document's tables once it has made them, and the next publish reads them back in about half a
millisecond. (Making them in the children instead moves the work off the serial part, but on two
cores no run was faster for it: the children did what publishing no longer did.) A file is a cache, keyed by the
sha256 of the normalized stage file it was made from: a missing, stale or damaged one means
publishing reads the JSON lines, and keeps what it made of them.

The file is a keyed file (`pipeline/keyed_file.py`): a first line with its key, then a line of JSON,
`{"tables": {"<table>": [offset, length, size], …}}`, then, for each table with rows, one Arrow IPC
stream of `size` bytes, zstd-compressed into `length` bytes at `offset` after that line. A stream is
compressed whole: a seventh of its bytes (53 kB for a seed document), and quicker to read back than
with Arrow's own compression of each of many small columns (0.5 ms against 3 ms). Each table is
compressed on its own, so that the rows publishing holds until a row group fills keep only their own
table's bytes in memory (one buffer for the whole document kept every document's bytes alive: 30 MiB
more at 100 documents).
Pickle-free, and readable with pyarrow alone.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa

from pipeline.keyed_file import read_keyed, write_keyed

SUFFIX = ".arrow"
_CODEC = "zstd"


def write_arrow_tables(folder: Path, document_id: str, normalized_sha256: str, tables: Mapping[str, pa.Table]) -> None:
    """Keep a document's tables (those with rows), keyed by its normalized stage file's sha256."""
    parts: list[bytes] = []
    places: dict[str, list[int]] = {}
    offset = 0
    for name, table in tables.items():
        if table.num_rows:
            stream = io.BytesIO()
            with pa.ipc.new_stream(stream, table.schema) as writer:
                writer.write_table(table)
            packed = pa.compress(stream.getvalue(), codec=_CODEC, asbytes=True)
            places[name] = [offset, len(packed), stream.tell()]
            parts.append(packed)
            offset += len(packed)
    head = json.dumps({"tables": places}, sort_keys=True).encode("ascii")
    write_keyed(folder / f"{document_id}{SUFFIX}", normalized_sha256, head + b"\n" + b"".join(parts))


def read_arrow_tables(folder: Path, document_id: str, normalized_sha256: str) -> dict[str, pa.Table] | None:
    """A document's kept tables with rows, when they were made from the normalized stage file of that
    sha256; None when there are none, or they are stale or damaged."""
    data = read_keyed(folder / f"{document_id}{SUFFIX}", normalized_sha256)
    if data is None:
        return None
    try:
        end = data.index(b"\n")
        head = json.loads(data[:end])
        body = data[end + 1 :]
        return {
            name: pa.ipc.open_stream(
                pa.decompress(body[start : start + length], decompressed_size=size, codec=_CODEC)
            ).read_all()
            for name, (start, length, size) in head["tables"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError, pa.ArrowException):  # OSError: bad zstd
        return None
