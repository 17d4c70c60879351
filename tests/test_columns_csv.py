"""`pipeline/data/columns.csv` describes every column of every published table, once, in schema order."""

from __future__ import annotations

import csv

import pytest

from comparisons.changes import CHANGES
from comparisons.signals import FLOORS
from extractors.registry import PARSERS
from normalizers.direction import DIRECTIONS
from normalizers.numbers import COMPARATOR_SUFFIXES, RELATIVE_CELLS
from pipeline.tables import COMPARISON_TABLES, TABLES
from pipeline.validate import KINDS, STATUSES
from tests.conftest import ROOT

COLUMNS_CSV = ROOT / "pipeline" / "data" / "columns.csv"
SCHEMAS = {name: schema for name, (_, schema) in {**TABLES, **COMPARISON_TABLES}.items()}
#: Vocabulary columns: each value must appear in the column's description, in backquotes.
VOCABULARIES: dict[tuple[str, str], set[str]] = {
    ("documents", "source_format"): {"pdf", "text"},
    ("documents", "layout"): {*PARSERS, "unknown"},
    ("documents", "status"): {"ok", "partial", "error"},
    ("documents", "encoding"): {"utf-8", "cp932"},
    ("indicators", "direction"): set(DIRECTIONS),
    ("indicator_values", "kind"): set(KINDS),
    ("indicator_values", "status"): set(STATUSES),
    ("indicator_values", "comparator"): {*RELATIVE_CELLS.values(), *COMPARATOR_SUFFIXES.values()},
    ("indicator_values", "year_source"): {"heading", "grid", "text"},
    ("quality", "status"): {"ok", "warning", "error"},
    ("changes", "change"): set(CHANGES),
    ("initiative_links", "method"): set(FLOORS),
}


def _rows() -> list[dict[str, str]]:
    with COLUMNS_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["table", "column", "description"]
        return list(reader)


def test_every_schema_column_has_exactly_one_row() -> None:
    keys = [(row["table"], row["column"]) for row in _rows()]
    schema_keys = [(name, column) for name, schema in SCHEMAS.items() for column in schema.names]
    duplicated = sorted({key for key in keys if keys.count(key) > 1})
    assert duplicated == []
    missing = [key for key in schema_keys if key not in keys]
    assert missing == [], "schema columns columns.csv does not describe"


def test_no_row_names_a_column_that_does_not_exist() -> None:
    schema_keys = {(name, column) for name, schema in SCHEMAS.items() for column in schema.names}
    unknown = [(row["table"], row["column"]) for row in _rows()]
    unknown = [key for key in unknown if key not in schema_keys]
    assert unknown == [], "columns.csv rows naming no column of pipeline.tables"


def test_rows_follow_the_schemas_order() -> None:
    schema_keys = [(name, column) for name, schema in SCHEMAS.items() for column in schema.names]
    keys = [(row["table"], row["column"]) for row in _rows()]
    assert [key for key in keys if key in set(schema_keys)] == schema_keys


def test_descriptions_are_single_non_empty_lines() -> None:
    for row in _rows():
        text = row["description"]
        assert text.strip() == text and text, f"{row['table']}.{row['column']}: empty or padded"
        assert "\n" not in text and "\r" not in text, f"{row['table']}.{row['column']}: more than one line"


@pytest.mark.parametrize("key", sorted(VOCABULARIES), ids=lambda key: ".".join(key))
def test_vocabulary_columns_list_their_values(key: tuple[str, str]) -> None:
    description = {(row["table"], row["column"]): row["description"] for row in _rows()}[key]
    absent = sorted(value for value in VOCABULARIES[key] if f"`{value}`" not in description)
    assert absent == [], f"{'.'.join(key)}: values its description does not name"
