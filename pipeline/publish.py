"""Writing files atomically: a crash never leaves a half-written output behind."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside `path`, fsync it, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_json(path: Path, value: Any) -> None:
    """Pretty, key-sorted UTF-8 JSON (readable and byte-stable), written atomically."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"))


def rows_to_table(rows: Sequence[Any], schema: pa.Schema) -> pa.Table:
    """Frozen record rows to an Arrow table with exactly the declared schema."""
    columns: list[list[Any]] = [[] for _ in schema.names]
    for row in rows:
        for index, value in enumerate(astuple(row) if not isinstance(row, dict) else row.values()):
            columns[index].append(value)
    arrays = [pa.array(col, type=field.type) for col, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(path: Path, table: pa.Table) -> None:
    """Write a table as Parquet atomically; fixed writer options keep the bytes reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        pq.write_table(table, temp, compression="zstd", use_dictionary=True, write_statistics=True)
        with open(temp, "rb") as check:
            os.fsync(check.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
