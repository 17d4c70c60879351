"""A document's rows as Arrow tables, kept beside its normalized stage file (`build/arrow/<id>.arrow`).

Turning JSON lines into Arrow is publishing's largest cost per document (5–10 ms for a seed
document), and publishing is the one part of a run that is not parallel, and that every run repeats
for every document. So the child that normalized a document also makes its Arrow tables and keeps
them here; publishing reads them back in about half a millisecond. A file is a cache, keyed by the sha256 of
the normalized stage file it was made from: a missing, stale or damaged one means publishing reads
the JSON lines, as it does for documents read on a Dask cluster.

The file is a first line of JSON, `{"key": "<sha256>", "size": n, "tables": {"<table>": [offset,
length], …}}`, then the zstd-compressed body of `size` bytes: one Arrow IPC stream per table with rows.
The body is compressed whole: a seventh of its bytes (53 kB for a seed document), and, unlike
Arrow's per-buffer compression of many small columns, faster to read back than to leave as is on
disk. Pickle-free, and readable with pyarrow alone.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa

from pipeline.publish import write_atomic

SUFFIX = ".arrow"
_CODEC = "zstd"


def write_arrow_tables(folder: Path, document_id: str, normalized_sha256: str, tables: Mapping[str, pa.Table]) -> None:
    """Keep a document's tables (those with rows), keyed by its normalized stage file's sha256."""
    body = io.BytesIO()
    places: dict[str, list[int]] = {}
    for name, table in tables.items():
        if table.num_rows:
            start = body.tell()
            with pa.ipc.new_stream(body, table.schema) as writer:
                writer.write_table(table)
            places[name] = [start, body.tell() - start]
    data = body.getvalue()
    head = json.dumps({"key": normalized_sha256, "size": len(data), "tables": places}, sort_keys=True)
    packed = pa.compress(data, codec=_CODEC, asbytes=True)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / f"{document_id}{SUFFIX}", head.encode("ascii") + b"\n" + packed, sync=False)


def read_arrow_tables(folder: Path, document_id: str, normalized_sha256: str) -> dict[str, pa.Table] | None:
    """A document's kept tables with rows, when they were made from the normalized stage file of that
    sha256; None when there are none, or they are stale or damaged."""
    try:
        data = (folder / f"{document_id}{SUFFIX}").read_bytes()
        end = data.index(b"\n")
        head = json.loads(data[:end])
        if head["key"] != normalized_sha256:
            return None
        body = pa.decompress(data[end + 1 :], decompressed_size=head["size"], codec=_CODEC)
        return {
            name: pa.ipc.open_stream(body.slice(start, length)).read_all()
            for name, (start, length) in head["tables"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError, pa.ArrowException):
        return None
