"""`output/datapackage.json`: a Frictionless data package describing every published table.

Built from the same schemas the writer uses (`pipeline/tables.py`) and the column descriptions in
`pipeline/data/columns.csv`, so that any tool that reads data packages finds the tables, their
column types, descriptions, primary and foreign keys and the contract version.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.tables import COMPARISON_TABLES, CONTRACT_VERSION, FOREIGN_KEYS, PRIMARY_KEYS, TABLES

_DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def column_descriptions() -> dict[tuple[str, str], str]:
    """(table, column) → its one-line description, from `pipeline/data/columns.csv`."""
    with (_DATA / "columns.csv").open(encoding="utf-8") as handle:
        return {(row["table"], row["column"]): row["description"] for row in csv.DictReader(handle)}


def arrow_to_frictionless(kind: pa.DataType) -> str:
    """The Table Schema type of an Arrow type (`int16` → `integer`, `date32` → `date`).

    Lists and maps are `any`: Frictionless reads Parquet through pandas, which gives NumPy arrays and
    lists of pairs that its `array` and `object` types refuse; `arrowType` on the field keeps the type.
    """
    if pa.types.is_integer(kind):
        return "integer"
    if pa.types.is_floating(kind):
        return "number"
    if pa.types.is_boolean(kind):
        return "boolean"
    if pa.types.is_date(kind):
        return "date"
    if pa.types.is_nested(kind):
        return "any"
    return "string"


def _resource(name: str, schema: pa.Schema) -> dict[str, Any]:
    descriptions = column_descriptions()
    fields = [
        {
            "name": f.name,
            "type": arrow_to_frictionless(f.type),
            "arrowType": str(f.type),
            "description": descriptions[(name, f.name)],
        }
        for f in schema
    ]
    table_schema: dict[str, Any] = {"fields": fields}
    if name in PRIMARY_KEYS:
        table_schema["primaryKey"] = list(PRIMARY_KEYS[name])
    foreign = [
        {"fields": column, "reference": {"resource": target, "fields": target_column}}
        for (table, column), (target, target_column) in FOREIGN_KEYS.items()
        if table == name
    ]
    if foreign:
        table_schema["foreignKeys"] = foreign
    return {
        "name": name,
        "path": f"{name}.parquet",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "schema": table_schema,
    }


def datapackage_descriptor() -> dict[str, Any]:
    """The data package of output/: one resource per table, in the contract's order."""
    return {
        "name": "plancards-output",
        "title": "Initiatives, schedules and indicators of Japanese municipal plan documents",
        "description": "Written by `plancards run`; docs/CONTRACT.md is the output contract, docs/contract-notes.md "
        "the project's choices and extensions.",
        "contract_version": CONTRACT_VERSION,
        "resources": [_resource(name, schema) for name, (_, schema) in {**TABLES, **COMPARISON_TABLES}.items()],
    }
