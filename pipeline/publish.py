"""Writing files atomically: a crash never leaves a half-written output behind."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

# Published files are for every reader of the project folder, not only its owner (mkstemp makes 0600).
FILE_MODE = 0o644
# Arrow's integer types → the pandas dtype that keeps nulls without turning the column into floats.
_PANDAS_INTEGERS = {"int8": "Int8", "int16": "Int16", "int32": "Int32", "int64": "Int64"}


def write_atomic(path: Path, data: bytes, sync: bool = True) -> None:
    """Write bytes to a temporary file beside `path`, fsync it (unless `sync` is False), then rename it
    over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_json(path: Path, value: Any) -> None:
    """Pretty, key-sorted UTF-8 JSON (readable and byte-stable), written atomically: for files people read."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"))


def write_stage_json(path: Path, value: Any) -> str:
    """Compact, key-sorted UTF-8 JSON, written atomically: for the stage files under build/.

    Stage files stay JSON, the one format a person can open to debug a read (`python -m json.tool`
    or `jq` indents them; the normalized file is gzipped JSON lines, one row each, see
    `pipeline/normalized_file.py`), but compact: `indent` sends `json` to its pure-Python encoder, five times
    slower, and makes the files 1.6 times as large (the DX strategy's stage file: 14 ms and 350 kB
    indented, 3 ms and 213 kB compact). Binary formats (msgpack, Arrow IPC) would save a little
    more time and cost that readability.

    Returns the sha256 of the bytes written. Stage files are not synced to disk (3–4 ms each): one
    that a crash leaves empty or stale does not match the sha256 recorded in its index, and is
    rebuilt by the next run.
    """
    data = (json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")
    write_atomic(path, data, sync=False)
    return hashlib.sha256(data).hexdigest()


def with_pandas_metadata(schema: pa.Schema) -> pa.Schema:
    """The schema with the `pandas` metadata pyarrow reads back: integer columns come back as pandas'
    nullable integers (`Int32`), not as float64 where they hold a null; no pandas import needed."""
    columns = []
    for field in schema:
        kind = str(field.type)
        numpy_type = _PANDAS_INTEGERS.get(kind, "bool" if kind == "bool" else "object")
        if kind in ("double", "float"):
            numpy_type = "float64" if kind == "double" else "float32"
        pandas_type = {"string": "unicode", "date32[day]": "date", "double": "float64", "float": "float32"}.get(
            kind, kind
        )
        if pa.types.is_nested(field.type):
            pandas_type = "object"
        columns.append(
            {
                "name": field.name,
                "field_name": field.name,
                "pandas_type": pandas_type,
                "numpy_type": numpy_type,
                "metadata": None,
            }
        )
    pandas = {"index_columns": [], "column_indexes": [], "columns": columns}
    return schema.with_metadata({**(schema.metadata or {}), b"pandas": json.dumps(pandas, sort_keys=True).encode()})


#: Rows a Parquet row group holds at most (a few MB of Arrow data): parts are written as they fill, so
#: that publishing holds one row group per table however many documents there are. Small enough that
#: 100 documents fill one of every large table, so that 1,000 need no more memory (measured when chosen: +12 %
#: peak RSS, against +23 % with 16,384); a table of 10⁶ rows is still only about a hundred row groups.
ROW_GROUP_ROWS = 8_192
_PARTS_KEPT = 64  # parts gathered for a row group before they are joined into one


class ParquetStream:
    """One Parquet file written part by part (a document's rows at a time), readable by all.

    Parts are gathered until `ROW_GROUP_ROWS` rows and written as one row group, so that working
    memory is one row group whatever the number of documents; a file of fewer rows is one row group,
    as `pyarrow.parquet.write_table` writes it. Fixed writer options keep the bytes reproducible.
    The file is written in place: it goes into a new output set that replaces the old one as a whole.
    """

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.schema = with_pandas_metadata(schema)
        self._writer = pq.ParquetWriter(
            path, self.schema, compression="zstd", use_dictionary=True, write_statistics=True
        )
        self._parts: list[pa.Table] = []
        self._buffered = 0
        self.rows = 0
        self._flushed = False

    def write(self, table: pa.Table) -> None:
        """Add rows (a table of the declared schema); a full row group is written out."""
        if not table.num_rows:
            return  # most documents have no rows for some tables: an empty part would still cost its arrays
        self._parts.append(table.replace_schema_metadata(self.schema.metadata))
        self._buffered += table.num_rows
        self.rows += table.num_rows
        if len(self._parts) >= _PARTS_KEPT:
            # Many small parts (a table most documents print a row or two of) cost more in their arrays
            # than in their data: they are joined into one, the rows and row groups unchanged.
            self._parts = [pa.concat_tables(self._parts).combine_chunks()]
        while self._buffered >= ROW_GROUP_ROWS:
            gathered = pa.concat_tables(self._parts)
            self._writer.write_table(gathered.slice(0, ROW_GROUP_ROWS), row_group_size=ROW_GROUP_ROWS)
            rest = gathered.slice(ROW_GROUP_ROWS)
            self._parts, self._buffered, self._flushed = [rest], rest.num_rows, True

    def close(self) -> None:
        """Write the last rows (an empty file has one empty row group, as `write_table` writes it) and sync."""
        if self._buffered or not self._flushed:
            table = pa.concat_tables(self._parts) if self._parts else pa.Table.from_batches([], schema=self.schema)
            self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
        self._writer.close()
        self._parts = []
        with open(self.path, "rb") as check:
            os.fsync(check.fileno())
        os.chmod(self.path, FILE_MODE)


def write_parquet(path: Path, table: pa.Table) -> None:
    """Write a whole table as one Parquet file (`ParquetStream` with one part)."""
    stream = ParquetStream(path, table.schema)
    stream.write(table)
    stream.close()
