"""The files of output/ open anywhere: a valid Frictionless data package, metrics, readable modes, pandas dtypes."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.publish import ParquetStream
from pipeline.tables import COMPARISON_TABLES, TABLES
from tests.conftest import DX_2023, PLAN_2021


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "raw").mkdir()
    for path in (PLAN_2021, DX_2023):
        shutil.copy(path, root / "raw" / path.name)
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    return root / "output"


def test_the_data_package_validates_with_frictionless(output: Path) -> None:
    report = frictionless.validate(str(output / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:10]
    package = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
    assert package["contract_version"] == "1"
    assert [r["name"] for r in package["resources"]] == [*TABLES, *COMPARISON_TABLES]
    initiatives = next(r for r in package["resources"] if r["name"] == "initiatives")
    assert initiatives["schema"]["primaryKey"] == ["initiative_id"]
    assert {"fields": "document_id", "reference": {"resource": "documents", "fields": "document_id"}} in initiatives[
        "schema"
    ]["foreignKeys"]
    assert all(f["description"] for r in package["resources"] for f in r["schema"]["fields"])


def test_a_broken_reference_fails_the_package(output: Path, tmp_path: Path) -> None:
    broken = tmp_path / "output"
    shutil.copytree(output, broken)
    indicators = pd.read_parquet(broken / "indicators.parquet")
    indicators.loc[0, "initiative_id"] = "nope:1"
    indicators.to_parquet(broken / "indicators.parquet")
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {row[0] for row in report.flatten(["type"])}


def test_metrics_count_what_was_published(output: Path) -> None:
    metrics = json.loads((output / "metrics.json").read_text(encoding="utf-8"))
    values = pd.read_parquet(output / "indicator_values.parquet")
    assert metrics["documents"] == 2
    assert metrics["values"] == len(values)
    assert metrics["numeric_share"] == round((values.status == "numeric").mean(), 4)
    plan = metrics["per_document"][PLAN_2021.stem]
    assert (plan["cards"], plan["indicators"], plan["values"]) == (106, 99, 295)
    plot = json.loads((output / "plots" / "values_per_document.json").read_text(encoding="utf-8"))
    assert {row["document_id"]: row["values"] for row in plot} == {
        doc: counts["values"] for doc, counts in metrics["per_document"].items()
    }


def test_files_are_readable_by_everyone(output: Path) -> None:
    for path in output.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_integers_with_nulls_stay_integers_in_pandas(output: Path) -> None:
    documents = pd.read_parquet(output / "documents.parquet")
    values = pd.read_parquet(output / "indicator_values.parquet")
    quality = pd.read_parquet(output / "quality.parquet")
    assert str(documents["pages"].dtype) == "Int32" and documents["pages"].isna().all()
    assert str(values["source_page"].dtype) == "Int32" and str(values["fiscal_year"].dtype) == "Int16"
    assert str(quality["expected"].dtype) == "Int32"
    assert values["fiscal_year"].dropna().astype(int).between(2000, 2100).all()


def test_tables_are_written_in_row_groups_of_bounded_size(
    output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Publishing streams a document at a time: with small row groups the tables hold the same rows."""
    monkeypatch.setattr("pipeline.publish.ROW_GROUP_ROWS", 100)
    (tmp_path / "raw").mkdir()
    for path in (PLAN_2021, DX_2023):
        shutil.copy(path, tmp_path / "raw" / path.name)
    assert main(["--root", str(tmp_path), "run", "--quiet", "--jobs", "1"]) == 0
    for name in ("initiatives", "indicators", "indicator_values", "schedule"):
        small = pq.ParquetFile(tmp_path / "output" / f"{name}.parquet")
        sizes = [small.metadata.row_group(i).num_rows for i in range(small.num_row_groups)]
        assert sizes[:-1] == [100] * (len(sizes) - 1) and 0 < sizes[-1] <= 100, name
        assert small.read().equals(pq.read_table(output / f"{name}.parquet")), name
        assert pq.read_metadata(output / f"{name}.parquet").num_row_groups == 1  # 8,192 rows a group


def test_a_stream_of_many_one_row_parts_keeps_its_rows_and_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts are joined every 64 to save their arrays' cost; rows and row-group sizes stay as written."""
    monkeypatch.setattr("pipeline.publish.ROW_GROUP_ROWS", 128)
    schema = pa.schema([("n", pa.int32()), ("text", pa.string())])
    stream = ParquetStream(tmp_path / "t.parquet", schema)
    for n in range(300):
        stream.write(pa.table({"n": pa.array([n], pa.int32()), "text": [f"row {n}"]}, schema=schema))
        stream.write(schema.empty_table())  # skipped
    stream.close()
    written = pq.ParquetFile(tmp_path / "t.parquet")
    sizes = [written.metadata.row_group(i).num_rows for i in range(written.num_row_groups)]
    assert sizes == [128, 128, 44] and stream.rows == 300
    assert written.read().column("n").to_pylist() == list(range(300))
