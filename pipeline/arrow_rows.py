"""Rows to Arrow tables of a declared schema, through Arrow's JSON reader.

Why the JSON reader and not `pyarrow.array`: `pyarrow.array` imports pandas the first time it is
given a Python list, only to ask whether the list is a pandas object (0.2–0.3 s, a fifth of a cold
run on a few documents). The JSON reader is Arrow's own C++ and never does; and the normalized
stage files already hold one row per line, so most rows reach Arrow without being parsed in Python.

Three column types the reader does not make are read in a loose form and converted: dates (ISO
strings, cast), maps (`[key, value]` pairs) and fixed-size lists (boxes: read as lists, cast).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from pipeline.serialize import to_plain


def row_to_json_line(row: Any) -> bytes:
    """One plain row as a line of compact JSON (no newline inside: JSON escapes them)."""
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def json_lines_to_table(lines: Sequence[bytes], schema: pa.Schema) -> pa.Table:
    """Rows given as JSON lines to a table with exactly `schema`; a value that does not fit its
    column (a count past int16, text where a number belongs) raises `pyarrow.ArrowInvalid`."""
    if not lines:
        return empty_table(schema)
    data = b"\n".join(lines)
    table = pa_json.read_json(
        io.BytesIO(data),
        read_options=pa_json.ReadOptions(use_threads=False, block_size=max(len(data) + 1, 1 << 20)),
        parse_options=pa_json.ParseOptions(explicit_schema=_loose(schema), unexpected_field_behavior="error"),
    )
    columns = [_convert(table.column(field.name).combine_chunks(), field.type) for field in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def empty_table(schema: pa.Schema) -> pa.Table:
    """A table of no rows (`Schema.empty_table` goes through `pyarrow.array`, and so imports pandas)."""
    return pa.Table.from_batches([], schema=schema)


def plain_to_table(rows: Iterable[Any], schema: pa.Schema) -> pa.Table:
    """Plain rows (dicts, as `to_plain` makes them) to a table with exactly `schema`."""
    return json_lines_to_table([row_to_json_line(row) for row in rows], schema)


def rows_to_table(rows: Iterable[Any], schema: pa.Schema) -> pa.Table:
    """Frozen record rows to a table with exactly `schema`."""
    return plain_to_table((to_plain(row) for row in rows), schema)


def _loose(schema: pa.Schema) -> pa.Schema:
    """The schema in types the JSON reader makes."""
    return pa.schema([pa.field(field.name, _loose_type(field.type)) for field in schema])


def _loose_type(kind: pa.DataType) -> pa.DataType:
    if kind == pa.date32():
        return pa.string()
    if pa.types.is_map(kind):
        return pa.list_(pa.list_(pa.string()))
    if pa.types.is_fixed_size_list(kind):
        return pa.list_(kind.value_type)
    return kind


def _convert(column: pa.Array, kind: pa.DataType) -> pa.Array:
    """A column read in its loose type, as `kind`."""
    if column.type == kind:
        return column
    if pa.types.is_map(kind):
        pairs = pc.list_flatten(column)
        offsets = pc.subtract(column.offsets, column.offsets[0])
        # Slices, not `list_element(pairs, 0)`: a Python index would be made a scalar by `pyarrow.array`.
        keys, items = (pc.list_flatten(pc.list_slice(pairs, start, start + 1)) for start in (0, 1))
        return pa.MapArray.from_arrays(offsets, keys, items, type=kind, mask=column.is_null())
    return column.cast(kind)
