"""One run over the seeds and a hostile file of each kind: every seed is published, every hostile file
is named, nothing raises, and damaged output or stage files are rebuilt."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from tests.conftest import IIZUKA_2023, PLAN_2021, RAW, ROOT
from tests.hostile_pdfs import arrow_heads, same_text_spans, small_fills, unmapped_font_only

VALUE = "10,000\t20,000"  # card 4's interim and final targets in the seed's tab rows
HOSTILE_DUMPS = {
    "era_zero.txt": (PLAN_2021, VALUE, "10,000\t令和0年度までに20,000"),
    "digits_5000.txt": (PLAN_2021, VALUE, "10,000\t" + "9" * 5000),
    "digits_50000.txt": (PLAN_2021, VALUE, "10,000\t" + "1" * 50000),
    "big_count.txt": (PLAN_2021, VALUE, "10,000\t4294967296事業"),
    "ordinal.txt": (IIZUKA_2023, "第4回", "第99999回"),
}


def _hostile_project(root: Path) -> list[str]:
    """raw/ with the five seeds and a hostile file of each kind; the hostile files' source paths."""
    raw = root / "raw"
    raw.mkdir(parents=True)
    for seed in sorted(RAW.glob("*.txt")):
        shutil.copy(seed, raw / seed.name)
    named = []
    for name, (seed, old, new) in HOSTILE_DUMPS.items():
        text = seed.read_text(encoding="utf-8")
        assert old in text
        (raw / name).write_text(text.replace(old, new), encoding="utf-8")
        named.append(f"raw/{name}")
    pdf = (ROOT / "tests" / "fixtures" / "pdf" / "fukuoka_plan_cards.pdf").read_bytes()
    files = {
        "empty.pdf": b"",
        "junk_then_pdf.pdf": b"junk\r\n" + pdf,
        "cut.pdf": pdf[: len(pdf) // 2],
        os.fsdecode(b"name-\xff.txt"): PLAN_2021.read_bytes(),
        "n" * 240 + ".txt": PLAN_2021.read_bytes(),
        "two\nlines.txt": PLAN_2021.read_bytes(),
        "binary.txt": bytes(range(256)) * 64,
    }
    # Pages that used to stall the reader for its whole time limit, and text in glyph ids only.
    files |= {
        "fills_10000.pdf": small_fills(),
        "heads_100000.pdf": arrow_heads(),
        "spans_100000.pdf": same_text_spans(),
        "glyph_ids.pdf": unmapped_font_only(),
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
    named += ["raw/empty.pdf", "raw/junk_then_pdf.pdf", "raw/cut.pdf", "raw/name-\\xff.txt", "raw/two\\nlines.txt"]
    named += ["raw/" + "n" * 240 + ".txt", "raw/binary.txt"]
    named += ["raw/fills_10000.pdf", "raw/heads_100000.pdf", "raw/spans_100000.pdf", "raw/glyph_ids.pdf"]
    manifest = {"era_zero.txt": {"source_url": 12345}, "ordinal.txt": {"note": {"deep": [[[[1]]]]}}}
    (raw / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return named


def test_seeds_and_every_hostile_kind_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    named = _hostile_project(tmp_path)
    start = time.monotonic()
    code = main(["--root", str(tmp_path), "run", "--quiet", "--jobs", "2"])
    assert time.monotonic() - start < 180
    captured = capsys.readouterr()
    assert code == 1  # some files could not be read, and the run says so
    documents = {d["source_path"]: d for d in pq.read_table(tmp_path / "output" / "documents.parquet").to_pylist()}
    for seed in sorted(RAW.glob("*.txt")):
        assert documents[f"raw/{seed.name}"]["status"] == "ok", seed.name
    assert set(named) <= set(documents)
    failed = [d for d in documents.values() if d["status"] == "error"]
    crafted = {"raw/fills_10000.pdf", "raw/heads_100000.pdf", "raw/spans_100000.pdf"}
    unreadable = {"raw/empty.pdf", "raw/cut.pdf", "raw/binary.txt", "raw/glyph_ids.pdf"}
    assert {d["source_path"] for d in failed} == unreadable | crafted
    for path in crafted:  # read to the end, well inside the time limit: they print no plan
        assert documents[path]["error"].startswith(f"{path}: unknown layout: no table"), path
    errors = [line for line in captured.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(failed) and all(any(d["source_path"] in e for e in errors) for d in failed)
    assert "Traceback" not in captured.err
    assert documents["raw/junk_then_pdf.pdf"]["source_format"] == "pdf"
    assert documents["raw/era_zero.txt"]["source_url"] is None  # the manifest's number, reported and ignored
    assert "source_url '12345' is not a string" in captured.err
    assert "without a ToUnicode map" in documents["raw/glyph_ids.pdf"]["error"]
    notes = pq.read_table(tmp_path / "output" / "quality.parquet").to_pylist()
    crowded = [q for q in notes if q["check"] == "reader_note" and "more paths than" in q["detail"]]
    assert [q["document_id"] for q in crowded] == [documents["raw/heads_100000.pdf"]["document_id"]]


def test_damaged_output_and_stage_files_are_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(PLAN_2021, tmp_path / "raw" / PLAN_2021.name)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    good = (tmp_path / "output" / "documents.parquet").read_bytes()
    (tmp_path / "output" / "documents.parquet").write_bytes(b"PAR1 damaged")
    (tmp_path / "output" / "metrics.json").write_text("{", encoding="utf-8")
    (tmp_path / "build" / "normalized" / f"{PLAN_2021.stem}.jsonl.gz").write_text("[1, 2]", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    assert (tmp_path / "output" / "documents.parquet").read_bytes() == good
    assert "documents.parquet: changed or damaged since it was published; written again" in capsys.readouterr().err
