"""The held-out set (tests/fixtures/holdout/) keeps to the expected-records format and agrees with its committed files.

scripts/make_holdout_pdfs.py prints these documents with LibreOffice and dumps them with poppler,
neither of which CI has: these checks read only the committed PDFs, dumps and records, so that a
record cannot drift from its PDF, nor a dump from the PDF it was made of, unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from normalizers.text import fullwidth_to_halfwidth
from tests.conftest import ROOT
from tests.test_office_fixtures import format_problems

HOLDOUT = ROOT / "tests" / "fixtures" / "holdout"
EXPECTED = ROOT / "tests" / "expected"
PDFS = sorted(HOLDOUT.glob("*.pdf"))
IDS = [pdf.stem for pdf in PDFS]
# The one document of the set that prints no initiative (it tests that prose publishes nothing).
PROSE = "prose_speech"


def _record(pdf: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EXPECTED / f"{pdf.stem}.json").read_text(encoding="utf-8"))
    return loaded


def _squash(text: str) -> str:
    return "".join(fullwidth_to_halfwidth(text).split())


def _printed_names(record: dict[str, Any]) -> list[tuple[str, int, bool]]:
    """(string, page, carried) of every title, department, heading and indicator name a record says is printed.

    A heading is `carried`: it may be printed on an earlier page (the rows below it go on over a page break).
    """
    out: list[tuple[str, int, bool]] = []
    for item in record["initiatives"]:
        names = [item["title"], *item["departments"]]
        names += [indicator["name"] for indicator in item.get("indicators", [])]
        out += [(name, item["page"], False) for name in names]
        out += [(heading, item["page"], True) for heading in item.get("hierarchy", [])]
    return out


def test_there_are_six_held_out_documents() -> None:
    assert len(PDFS) == 6 and PROSE in IDS


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_record_names_its_pdf_and_keeps_the_format(pdf: Path) -> None:
    record = _record(pdf)
    assert record["source"] == pdf.relative_to(ROOT).as_posix()
    assert "make_holdout_pdfs.py" in record["how_checked"]
    assert format_problems(record) == []
    assert bool(record["initiatives"]) == (pdf.stem != PROSE)


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_names_are_printed_on_their_pages(pdf: Path) -> None:
    with pymupdf.open(pdf) as doc:
        pages = [_squash(page.get_text()) for page in doc]
    assert 1 <= len(pages) <= 4
    record = _record(pdf)
    assert _squash(record["document"]["title"]) in "".join(pages)
    assert all(_squash(title) in "".join(pages) for title in record["not_initiatives"])
    misplaced = [
        (name, page)
        for name, page, carried in _printed_names(record)
        if not any(_squash(name) in text for text in pages[page - 1 if not carried else 0 : page])
    ]
    assert misplaced == []


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_dump_is_of_the_committed_pdf(pdf: Path) -> None:
    """The dump has the PDF's pages (form feeds) and prints every name the records hold."""
    dump = pdf.with_suffix(".txt").read_text(encoding="utf-8")
    with pymupdf.open(pdf) as doc:
        assert dump.count("\f") == doc.page_count
    text = _squash(dump)
    assert [name for name, _page, _carried in _printed_names(_record(pdf)) if _squash(name) not in text] == []
