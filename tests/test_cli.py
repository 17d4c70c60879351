"""The `plancards` command line: help, one-document extraction, validation, dvc.yaml stages."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import build_parser, main
from tests.conftest import PLAN_2021, ROOT


@pytest.mark.parametrize(
    "command", [[], ["run"], ["stage"], ["extract"], ["validate"]], ids=lambda c: c[0] if c else "top"
)
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main([*command, "--help"])
    assert leaving.value.code == 0
    assert "usage: plancards" in capsys.readouterr().out


def test_extract_prints_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(PLAN_2021)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["record"] == "document" and records[0]["layout"] == "fukuoka_plan_cards"
    cards = [r for r in records if r["record"] == "card"]
    assert len(cards) == 106 and cards[0]["path"] == "1"
    assert {r["record"] for r in records} >= {"document", "card", "finding"}


def test_extract_of_unreadable_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(empty)]) == 1
    assert capsys.readouterr().err == f"error: {empty.as_posix()}: empty file\n"


def test_validate_reports_a_broken_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / PLAN_2021.name).write_bytes(PLAN_2021.read_bytes())
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    assert main(["--root", str(tmp_path), "validate"]) == 0
    values = tmp_path / "output" / "indicator_values.parquet"
    table = pq.read_table(values)
    broken = table.set_column(table.schema.get_field_index("kind"), "kind", pa.array(["guess"] * table.num_rows))
    pq.write_table(broken.drop_columns(["as_of"]), values)
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "validate"]) == 1
    err = capsys.readouterr().err
    assert "invalid: indicator_values: column as_of is missing" in err
    assert "invalid: indicator_values: unknown kind 'guess'" in err
    quality = tmp_path / "output" / "quality.parquet"
    rows = pq.read_table(quality)
    extra = rows.slice(0, 1).set_column(0, "document_id", pa.array(["aaa-unknown"]))
    pq.write_table(pa.concat_tables([rows, extra]), quality)
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "validate"]) == 1
    err = capsys.readouterr().err
    assert "invalid: quality: document_id aaa-unknown is not in documents" in err
    assert "invalid: quality: rows are not grouped by document in the documents' order" in err


def test_dvc_stages_call_plancards_commands() -> None:
    commands = re.findall(r"^\s+cmd:\s*(.+)$", (ROOT / "dvc.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    assert commands == [
        "plancards stage extract",
        "plancards stage normalize",
        "plancards stage publish",
        "plancards validate",
    ]
    for command in commands:
        build_parser().parse_args(shlex.split(command)[1:])
