"""The second held-out set (tests/fixtures/holdout2/) keeps to the expected-records format and agrees with its files.

scripts/make_holdout2_pdfs.py prints these documents with LibreOffice and dumps them with poppler,
neither of which CI has: these checks read only the committed PDFs, dumps and records (no
pipeline runs), so that a record cannot drift from its PDF, nor a dump from the PDF it was made
of, unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from tests.conftest import ROOT
from tests.expected_io import load_expected
from tests.expected_pages import misplaced, squash
from tests.test_office_fixtures import format_problems

HOLDOUT2 = ROOT / "tests" / "fixtures" / "holdout2"
PDFS = sorted(HOLDOUT2.glob("*.pdf"))
IDS = [pdf.stem for pdf in PDFS]
# The one document of the set that prints no initiative (prose must publish nothing).
PROSE = "keikaku_souron"
# The fonts the builders print with (fonts-ipaexfont, fonts-ipafont-gothic, fonts-ipafont-mincho).
FONTS = {"IPAexGothic", "IPAexMincho", "IPAGothic", "IPAMincho", "IPAPGothic", "IPAPMincho"}
SCRIPT = "make_holdout2_pdfs.py"


def _pdf_pages(pdf: Path) -> list[str]:
    with pymupdf.open(pdf) as doc:
        return [squash(page.get_text()) for page in doc]


def _dump_pages(pdf: Path) -> list[str]:
    """The dump's pages: pdftotext ends every page with a form feed."""
    pages = pdf.with_suffix(".txt").read_text(encoding="utf-8").split("\f")
    return [squash(page) for page in pages[:-1]]


def test_there_are_five_documents_one_of_them_prose() -> None:
    assert len(PDFS) == 5 and PROSE in IDS


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_record_names_its_pdf_and_keeps_the_format(pdf: Path) -> None:
    record = load_expected(pdf.stem)
    assert record["source"] == pdf.relative_to(ROOT).as_posix()
    assert SCRIPT in record["how_checked"]
    assert format_problems(record) == []
    assert bool(record["initiatives"]) == (pdf.stem != PROSE)


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_records_are_printed_on_their_pages(pdf: Path) -> None:
    pages = _pdf_pages(pdf)
    assert 1 <= len(pages) <= 3
    record = load_expected(pdf.stem)
    assert all(item["page"] <= len(pages) for item in record["initiatives"])
    whole = "".join(pages)
    assert squash(record["document"]["title"]) in whole
    assert all(squash(title) in whole for title in record["not_initiatives"])
    assert misplaced(record, pages, values=True, activities=True) == []


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_dump_is_of_the_committed_pdf(pdf: Path) -> None:
    """The dump has the PDF's pages and prints every recorded name and value on the same page.

    Not the activities: a schedule sentence wraps in its cell, and the layout dump interleaves its
    lines with those of the cell beside it.
    """
    pages = _dump_pages(pdf)
    assert len(pages) == len(_pdf_pages(pdf))
    assert misplaced(load_expected(pdf.stem), pages, values=True) == []


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_pdf_is_settled_and_printed_in_ipa_fonts(pdf: Path) -> None:
    """Fixed metadata (reproducible bytes) naming the script, and only the fonts the builders ask for."""
    with pymupdf.open(pdf) as doc:
        meta = doc.metadata or {}
        fonts = {font[3].partition("+")[2] for page in doc for font in page.get_fonts()}
    assert SCRIPT in meta["producer"]
    assert meta["creationDate"] == meta["modDate"] == "D:20240401000000+09'00'"
    assert fonts and fonts <= FONTS


def test_misplaced_strings_are_found() -> None:
    """The page check is not a rubber stamp: a title moved to another page is reported."""
    record = {"initiatives": [{"title": "地域防災力の向上", "departments": [], "page": 2}]}
    assert misplaced(record, ["地域防災力の向上", "交通安全"]) == [("地域防災力の向上", 2)]
    assert misplaced(record, ["交通安全", "地域防災力の向上"]) == []
