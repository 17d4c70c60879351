"""The held-out set (tests/fixtures/holdout/) keeps to the expected-records format and agrees with its committed files.

scripts/make_holdout_pdfs.py prints these documents with LibreOffice and dumps them with poppler,
neither of which CI has: these checks read only the committed PDFs, dumps and records, so that a
record cannot drift from its PDF, nor a dump from the PDF it was made of, unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from tests.conftest import ROOT
from tests.expected_io import load_expected
from tests.expected_pages import misplaced, printed, squash
from tests.test_office_fixtures import format_problems

HOLDOUT = ROOT / "tests" / "fixtures" / "holdout"
PDFS = sorted(HOLDOUT.glob("*.pdf"))
IDS = [pdf.stem for pdf in PDFS]
# The one document of the set that prints no initiative (it tests that prose publishes nothing).
PROSE = "prose_speech"


def test_there_are_six_held_out_documents() -> None:
    assert len(PDFS) == 6 and PROSE in IDS


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_record_names_its_pdf_and_keeps_the_format(pdf: Path) -> None:
    record = load_expected(pdf.stem)
    assert record["source"] == pdf.relative_to(ROOT).as_posix()
    assert "make_holdout_pdfs.py" in record["how_checked"]
    assert format_problems(record) == []
    assert bool(record["initiatives"]) == (pdf.stem != PROSE)


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_names_are_printed_on_their_pages(pdf: Path) -> None:
    with pymupdf.open(pdf) as doc:
        pages = [squash(page.get_text()) for page in doc]
    assert 1 <= len(pages) <= 4
    record = load_expected(pdf.stem)
    assert squash(record["document"]["title"]) in "".join(pages)
    assert all(squash(title) in "".join(pages) for title in record["not_initiatives"])
    assert misplaced(record, pages) == []


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_dump_is_of_the_committed_pdf(pdf: Path) -> None:
    """The dump has the PDF's pages (form feeds) and prints every name the records hold."""
    dump = pdf.with_suffix(".txt").read_text(encoding="utf-8")
    with pymupdf.open(pdf) as doc:
        assert dump.count("\f") == doc.page_count
    text = squash(dump)
    assert [name for name, _page, _carried in printed(load_expected(pdf.stem)) if squash(name) not in text] == []
