"""Rows reach Arrow through its JSON reader (`pipeline.arrow_rows`): the same tables as `pyarrow.array`
makes from the records, and no pandas import on the way."""

from __future__ import annotations

import datetime as dt
import operator
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from pipeline.arrow_rows import json_lines_to_table, plain_to_table, row_to_json_line, rows_to_table
from pipeline.normalized_file import read_normalized, table_lines, write_normalized
from pipeline.serialize import to_plain
from pipeline.tables import TABLES, DocumentRow
from tests.conftest import DX_2023, FUKUYAMA_2023, IIZUKA_2023, PLAN_2021, PROGRESS_2017, ROOT, normalized


def _reference(rows: list[Any], schema: pa.Schema) -> pa.Table:
    """The table `pyarrow.array` makes column by column from the records."""
    fields = operator.attrgetter(*schema.names)
    columns = list(zip(*(fields(row) for row in rows), strict=True)) if rows else [()] * len(schema)
    arrays = [pa.array(list(column), type=field.type) for column, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


@pytest.mark.parametrize("path", [PLAN_2021, DX_2023, PROGRESS_2017, IIZUKA_2023, FUKUYAMA_2023], ids=lambda p: p.stem)
def test_every_table_of_a_seed_equals_the_pyarrow_array_route(path: Path, tmp_path: Path) -> None:
    document = normalized(path)[1]
    tables = {name: to_plain(getattr(document, name)) for name in TABLES}
    write_normalized(tmp_path / "d.jsonl", "key", table_lines(tables))
    stage = read_normalized((tmp_path / "d.jsonl").read_bytes())
    assert stage is not None and stage.key == "key"
    for name, (_, schema) in TABLES.items():
        expected = _reference(getattr(document, name), schema)
        assert json_lines_to_table(stage.lines[name], schema).equals(expected), name
        assert rows_to_table(getattr(document, name), schema).equals(expected), name


def test_dates_maps_and_nulls() -> None:
    row = normalized(PLAN_2021)[1].documents[0]
    dated = DocumentRow(**{**row.__dict__, "published": dt.date(2021, 3, 1), "downloaded": None})
    schema = TABLES["documents"][1]
    table = rows_to_table([dated], schema)
    assert table.column("published").to_pylist() == [dt.date(2021, 3, 1)]
    assert table.column("downloaded").to_pylist() == [None]
    assert table.equals(_reference([dated], schema))
    initiatives = TABLES["initiatives"][1]
    first = to_plain(normalized(PLAN_2021)[1].initiatives[0])
    with_map = [first | {"attributes": [["担当", "総務企画局"], ["期間", "R3"]]}, first | {"attributes": []}]
    assert plain_to_table(with_map, initiatives).column("attributes").to_pylist() == [
        [("担当", "総務企画局"), ("期間", "R3")],
        [],
    ]
    assert json_lines_to_table([], initiatives).num_rows == 0


def test_a_value_past_its_column_raises_for_the_caller_to_report() -> None:
    schedule = TABLES["schedule"][1]
    row = to_plain(normalized(PLAN_2021)[1].schedule[0]) | {"row_no": 40_000}
    with pytest.raises(pa.ArrowInvalid):
        json_lines_to_table([row_to_json_line(row)], schedule)


def test_a_damaged_normalized_file_reads_as_none(tmp_path: Path) -> None:
    write_normalized(tmp_path / "d.jsonl", "key", table_lines({"initiatives": [{"a": 1}]}))
    data = (tmp_path / "d.jsonl").read_bytes()
    assert read_normalized(data) is not None
    for damaged in (b"", b"[1, 2]\n", data[:-3], data + b"{}\n", b'{"key": "k", "rows": {"initiatives": -1}}\n'):
        assert read_normalized(damaged) is None, damaged


def test_a_run_imports_no_pandas(tmp_path: Path) -> None:
    """pyarrow imports pandas (0.2–0.3 s) the first time `pyarrow.array` meets a list; a run never calls it."""
    (tmp_path / "raw").mkdir()
    for path in (PLAN_2021, DX_2023):
        (tmp_path / "raw" / path.name).write_bytes(path.read_bytes())
    code = (
        "import sys; from pipeline.cli import main; "
        f"code = main(['--root', {str(tmp_path)!r}, 'run', '--quiet']); "
        "print('pandas' in sys.modules); sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
