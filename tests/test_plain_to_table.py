"""Publishing converts plain stage rows to Arrow in one step: the same tables as from the records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline.publish import plain_to_table, rows_to_table
from pipeline.serialize import to_plain
from pipeline.tables import TABLES, DocumentRow
from tests.conftest import DX_2023, FUKUYAMA_2023, IIZUKA_2023, PLAN_2021, PROGRESS_2017, normalized


@pytest.mark.parametrize("path", [PLAN_2021, DX_2023, PROGRESS_2017, IIZUKA_2023, FUKUYAMA_2023], ids=lambda p: p.stem)
def test_every_table_of_a_seed_equals_the_records_route(path: Path) -> None:
    document = normalized(path)[1]
    for name, (_, schema) in TABLES.items():
        records = getattr(document, name)
        plain = json.loads(json.dumps(to_plain(records)))  # as the stage file holds them
        assert plain_to_table(plain, schema).equals(rows_to_table(records, schema)), name


def test_dates_maps_and_nulls() -> None:
    row = normalized(PLAN_2021)[1].documents[0]
    dated = DocumentRow(**{**row.__dict__, "published": dt.date(2021, 3, 1), "downloaded": None})
    schema = TABLES["documents"][1]
    plain = json.loads(json.dumps(to_plain([dated])))
    table = plain_to_table(plain, schema)
    assert table.column("published").to_pylist() == [dt.date(2021, 3, 1)]
    assert table.column("downloaded").to_pylist() == [None]
    assert table.equals(rows_to_table([dated], schema))
    initiatives = TABLES["initiatives"][1]
    with_map = [{**to_plain(normalized(PLAN_2021)[1].initiatives[0]), "attributes": [["担当", "総務企画局"]]}]
    assert plain_to_table(with_map, initiatives).column("attributes").to_pylist() == [[("担当", "総務企画局")]]


def test_a_value_past_its_column_raises_for_the_caller_to_report() -> None:
    schedule = TABLES["schedule"][1]
    row = to_plain(normalized(PLAN_2021)[1].schedule[0]) | {"row_no": 40_000}
    with pytest.raises((pa.ArrowException, OverflowError)):
        plain_to_table([row], schedule)
