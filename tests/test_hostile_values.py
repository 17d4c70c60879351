"""Values no plan prints on purpose still end as a flagged cell or one document's error, never a crash."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import pipeline.stages as stages
from normalizers.era import as_of_date, fiscal_year, year_month
from normalizers.numbers import parse_value
from pipeline.arrow_rows import row_to_json_line
from pipeline.cli import main
from pipeline.manifest import load_manifest
from pipeline.normalize import NormalizedDocument
from pipeline.serialize import to_plain
from pipeline.stages import _prepare
from pipeline.tables import TABLES
from tests.conftest import PLAN_2021, PROGRESS_2017, normalized


@pytest.mark.parametrize("text", ["令和0年度まで", "R0", "平成0年度"], ids=["kanji-era", "letter-era", "heisei"])
def test_an_era_year_zero_is_no_year(text: str) -> None:
    assert fiscal_year(text) is None
    assert fiscal_year(f"{text} 令和3年度") == 2021  # the next year printed is read


def test_an_era_year_zero_is_no_date() -> None:
    assert as_of_date("(R0.1月末時点)") is None and year_month("令和0年3月") is None


@pytest.mark.parametrize(
    "text",
    ["9" * 5000, "1" * 50000, "1~" * 20000, "1," * 30000, "1234567890123456"],
    ids=["5000-digits", "50000-digits", "range-chain", "separators", "16-digits"],
)
def test_numbers_beyond_a_float_are_text_and_quick(text: str) -> None:
    start = time.process_time()
    parsed = parse_value(text)
    assert parsed.status == "text" and parsed.value is None
    assert time.process_time() - start < 1.0


def test_fifteen_digits_are_still_a_number() -> None:
    assert parse_value("123,456,789,012,345").value == 123456789012345.0


def test_a_row_that_overflows_its_column_fails_its_document_alone() -> None:
    document: NormalizedDocument = normalized(PLAN_2021)[1]
    hostile = NormalizedDocument(**{name: list(getattr(document, name)) for name in document.__dataclass_fields__})
    hostile.schedule[0] = replace(hostile.schedule[0], row_no=40000)
    prepared = _prepare(hostile, _stage(hostile))
    published = prepared.document
    assert [d.status for d in published.documents] == ["error"]
    assert published.initiatives == [] and prepared.tables["schedule"].num_rows == 0
    assert prepared.tables["quality"].column("check").to_pylist() == ["publish_error"]
    assert "could not be published" in (published.documents[0].error or "")
    assert _prepare(document, _stage(document)).document is document


def _stage(document: NormalizedDocument) -> dict[str, list[bytes]]:
    """The document's rows as its normalized stage file holds them: JSON lines by table."""
    return {name: [row_to_json_line(to_plain(row)) for row in getattr(document, name)] for name in TABLES}


def test_manifest_fields_of_the_wrong_type_and_deep_nesting(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("x", encoding="utf-8")
    (raw / "manifest.json").write_text(json.dumps({"a.txt": {"source_url": 12345, "note": "ok"}}), encoding="utf-8")
    entries, problems = load_manifest(raw)
    assert entries["a.txt"].source_url is None and entries["a.txt"].note == "ok"
    assert problems == [f"{(raw / 'manifest.json').as_posix()}: a.txt: source_url '12345' is not a string; ignored"]
    (raw / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    entries, problems = load_manifest(raw)
    assert entries == {} and len(problems) == 1 and "ignored" in problems[0]
    (raw / "manifest.json").write_text(json.dumps({"\0": {}, "x" * 300: {"supersedes": "\0"}}), encoding="utf-8")
    entries, problems = load_manifest(raw)
    assert all("no such file" in p or "no file" in p for p in problems) and len(problems) == 3


def test_a_normalizer_that_fails_fails_its_document_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(entry: dict[str, object]) -> NormalizedDocument:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(stages, "normalize_entry", broken)
    meta = {"document_id": "x", "source_path": "raw/x.txt", "source_sha256": "0", "source_format": "text"}
    tables = stages.normalized_tables({"meta": {**meta, "pages": None, "encoding": None}, "extraction": {}})
    assert [row["status"] for row in tables["documents"]] == ["error"]
    assert [row["check"] for row in tables["quality"]] == ["normalize_error"]
    assert "internal error while normalizing: ZeroDivisionError: bug" in tables["quality"][0]["detail"]


def test_a_document_that_fails_to_normalize_is_an_error_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its child inherits the broken normalizer: the run names the file, exits 1, and publishes the rest."""
    original = stages.normalize_entry

    def broken_for_one(entry: dict[str, Any]) -> NormalizedDocument:
        if "progress" in str(entry["meta"]):
            raise ZeroDivisionError("bug")
        return original(entry)

    monkeypatch.setattr(stages, "normalize_entry", broken_for_one)
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in (PLAN_2021, PROGRESS_2017):
        (raw / path.name).write_bytes(path.read_bytes())
    assert main(["--root", str(tmp_path), "run", "--quiet", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"error: raw/{PROGRESS_2017.name}: internal error while normalizing: ZeroDivisionError: bug" in err
    documents = pq.read_table(tmp_path / "output" / "documents.parquet").to_pylist()
    assert {d["document_id"]: d["status"] for d in documents} == {PLAN_2021.stem: "ok", PROGRESS_2017.stem: "error"}
