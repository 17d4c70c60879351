"""The `plancards` command line: help, one-document extraction, validation, dvc.yaml stages."""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import build_parser, main
from tests.conftest import PLAN_2021, ROOT


@pytest.mark.parametrize(
    "command", [[], ["run"], ["stage"], ["extract"], ["diff"], ["validate"]], ids=lambda c: c[0] if c else "top"
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


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert re.fullmatch(r"plancards \d+\.\d+\.\d+\n", capsys.readouterr().out)


def test_a_missing_raw_folder_is_one_line_and_leaves_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "documents.parquet").write_bytes(b"previous")
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 2
    assert (
        capsys.readouterr().err
        == f"error: {tmp_path / 'raw'}: no such folder; put the plan documents (PDFs or text dumps) there\n"
    )
    (tmp_path / "raw").mkdir()
    assert main(["run", "--root", str(tmp_path), "--quiet"]) == 2
    assert "no documents in it" in capsys.readouterr().err
    assert (tmp_path / "output" / "documents.parquet").read_bytes() == b"previous"


@pytest.mark.parametrize("command", ["extract", "diff"])
def test_a_missing_file_is_one_line(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    argv = [command, str(missing)] if command == "extract" else [command, str(PLAN_2021), str(missing)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"error: {missing}: no such file\n" and captured.out == ""


def test_root_after_the_command(tmp_path: Path) -> None:
    args = build_parser().parse_args(["validate", "--root", str(tmp_path)])
    assert args.root == str(tmp_path)
    assert build_parser().parse_args(["--root", "x", "validate"]).root == "x"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`plancards run | head -1`: no traceback, a non-zero exit, and the output still published."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / PLAN_2021.name).write_bytes(PLAN_2021.read_bytes())
    plancards = Path(sys.executable).parent / "plancards"
    command = f"{shlex.quote(str(plancards))} --root {shlex.quote(str(tmp_path))} run --quiet | head -c 1"
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert (tmp_path / "output" / "initiatives.parquet").is_file()


def test_every_command_says_what_it_does() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        assert sub.description and len(sub.description) > 40, name


def test_the_command_line_loads_the_pipeline_only_for_a_command_that_uses_it() -> None:
    """`plancards --help` (and the parser of every command) imports no reader, extractor or pyarrow:
    each command imports what it uses when it runs."""
    heavy = ("pyarrow", "pymupdf", "regex", "extractors.registry", "pipeline.stages", "comparisons.changes", "tqdm")
    code = (
        "import sys; from pipeline.cli import build_parser; build_parser(); "
        f"print([name for name in {heavy!r} if name in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
