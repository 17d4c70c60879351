"""The Arrow tables a publish keeps for the next (build/arrow/) are used only while they match their stage file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.arrow_file import read_arrow_tables, write_arrow_tables
from pipeline.cli import main
from tests.conftest import DX_2023, PLAN_2021
from tests.test_views_files import _republish, assert_stale_or_missing_files_unused

SCHEMA = pa.schema([("document_id", pa.string()), ("row_no", pa.int16()), ("box", pa.list_(pa.float32(), 4))])


def _table(rows: int) -> pa.Table:
    return pa.table(
        {
            "document_id": ["d"] * rows,
            "row_no": pa.array(range(rows), pa.int16()),
            "box": pa.array([[1.0, 2.0, 3.0, 4.0]] * rows, pa.list_(pa.float32(), 4)),
        },
        schema=SCHEMA,
    )


def test_tables_come_back_as_they_were_kept_and_only_for_their_key(tmp_path: Path) -> None:
    tables = {"initiatives": _table(3), "schedule": _table(0), "quality": _table(1)}
    write_arrow_tables(tmp_path, "d", "sha-a", tables)
    back = read_arrow_tables(tmp_path, "d", "sha-a")
    assert back is not None and sorted(back) == ["initiatives", "quality"]  # a table of no rows is not kept
    assert all(back[name].equals(tables[name]) for name in back)
    assert read_arrow_tables(tmp_path, "d", "sha-b") is None  # made from another normalized file
    assert read_arrow_tables(tmp_path, "e", "sha-a") is None  # none kept
    path = tmp_path / "d.arrow"
    data = path.read_bytes()
    for damaged in (b"", data[:-5], data[:40], b"[1]\n" + data, data.replace(b'"tables"', b'"tablez"')):
        path.write_bytes(damaged)
        assert read_arrow_tables(tmp_path, "d", "sha-a") is None, damaged[:60]


def test_stale_or_missing_arrow_files_give_the_same_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in (PLAN_2021, DX_2023):
        shutil.copy(path, raw / path.name)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    kept = sorted((tmp_path / "build" / "arrow").iterdir())
    assert [p.name for p in kept] == [f"{DX_2023.stem}.arrow", f"{PLAN_2021.stem}.arrow"]
    assert_stale_or_missing_files_unused(tmp_path, tmp_path / "build" / "arrow")


def test_kept_tables_are_what_publishing_writes(tmp_path: Path) -> None:
    """While its key holds, a document's kept tables are published as they are: its JSON lines are not read again."""
    (tmp_path / "raw").mkdir()
    shutil.copy(PLAN_2021, tmp_path / "raw" / PLAN_2021.name)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    terms = pq.read_table(tmp_path / "output" / "terms.parquet").num_rows
    assert terms > 1
    key = (tmp_path / "build" / "arrow" / f"{PLAN_2021.stem}.arrow").read_bytes().split(b"\n", 1)[0].decode()
    kept = read_arrow_tables(tmp_path / "build" / "arrow", PLAN_2021.stem, key)
    assert kept is not None
    kept["terms"] = kept["terms"].slice(0, 1)
    write_arrow_tables(tmp_path / "build" / "arrow", PLAN_2021.stem, key, kept)
    _republish(tmp_path)
    assert pq.read_table(tmp_path / "output" / "terms.parquet").num_rows == 1
