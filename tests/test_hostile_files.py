"""File names and files that no city means to publish still give one line each, and the others are published."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline.pdf_drawings as drawings
from pipeline.cli import main
from pipeline.pdf_plumber import PlumberPages
from pipeline.read_pdf import read_pdf
from pipeline.sources import discover, source_format
from pipeline.stages import extract_document
from tests.conftest import PLAN_2021, ROOT

CARD_PDF = ROOT / "tests" / "fixtures" / "pdf" / "fukuoka_plan_cards.pdf"


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PLAN_2021, raw / PLAN_2021.name)
    return raw


def test_odd_file_names_are_published_with_printable_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _raw(tmp_path)
    names = [b"plan-\xff\xfe.txt", ("x" * 240 + ".txt").encode(), b"two\nlines.txt"]
    for name in names:
        (raw / os.fsdecode(name)).write_bytes(PLAN_2021.read_bytes())
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    out = capsys.readouterr().out
    documents = pq.read_table(tmp_path / "output" / "documents.parquet").to_pylist()
    paths = sorted(d["source_path"] for d in documents)
    assert "raw/plan-\\xff\\xfe.txt" in paths and "raw/two\\nlines.txt" in paths
    assert all(len(d["document_id"]) <= 130 for d in documents) and len({d["document_id"] for d in documents}) == 4
    assert all(line.count("raw/") <= 1 for line in out.splitlines())  # no path split over two lines


def test_a_symlink_to_a_file_elsewhere_keeps_a_relative_path(tmp_path: Path) -> None:
    raw = _raw(tmp_path)
    (raw / "linked.txt").symlink_to(PLAN_2021)
    assert {s.relative_path for s in discover(raw, tmp_path)} == {f"raw/{PLAN_2021.name}", "raw/linked.txt"}


def test_a_file_gone_after_it_was_found_fails_alone(tmp_path: Path) -> None:
    raw = _raw(tmp_path)
    (raw / "gone.txt").write_bytes(PLAN_2021.read_bytes())
    sources = {s.relative_path: s for s in discover(raw, tmp_path)}
    (raw / "gone.txt").unlink()
    entry = extract_document(sources["raw/gone.txt"])
    assert entry["extraction"] is None
    assert entry["error"] == "raw/gone.txt: cannot be read: No such file or directory"


def test_junk_before_the_pdf_header_is_still_a_pdf(tmp_path: Path) -> None:
    data = b"X-Mailer: junk\r\n\r\n" + CARD_PDF.read_bytes()
    assert source_format(data) == "pdf"
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "mailed.pdf").write_bytes(data)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    documents = pq.read_table(tmp_path / "output" / "documents.parquet").to_pylist()
    assert [(d["source_format"], d["status"]) for d in documents] == [("pdf", "ok")]


def test_a_page_with_too_many_paths_is_read_without_them_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap, lowered to 5 paths for the test: the text is read, the quality table names the pages."""
    monkeypatch.setattr(drawings, "MAX_PATHS_PER_PAGE", 5)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(CARD_PDF, raw / CARD_PDF.name)
    assert main(["--root", str(tmp_path), "run", "--quiet", "--jobs", "1"]) == 0
    quality = pq.read_table(tmp_path / "output" / "quality.parquet").to_pylist()
    notes = [q for q in quality if q["check"] == "reader_note" and "drawings not read" in q["detail"]]
    assert [q["status"] for q in notes] == ["warning"]
    assert pq.read_table(tmp_path / "output" / "initiatives.parquet").num_rows > 0


def test_pdfplumber_failing_costs_its_tables_not_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page pdfminer cannot parse (it is stricter than MuPDF): the text is read, a note says what was not."""

    def failing(self: PlumberPages, index: int) -> list[object]:
        raise ValueError("pdfminer gave up")

    monkeypatch.setattr(PlumberPages, "_grids", failing)
    pdf = ROOT / "tests" / "fixtures" / "office" / "kpi_tables.pdf"
    document = read_pdf(pdf.name, pdf.read_bytes())
    assert any(
        "not read (pdfplumber failed" in note and "ValueError: pdfminer gave up" in note for note in document.notes
    )
    assert document.text().strip()
