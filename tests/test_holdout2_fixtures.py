"""The second held-out set (tests/fixtures/holdout2/) keeps to the expected-records format and agrees with its files.

scripts/make_holdout2_pdfs.py prints these documents with LibreOffice and dumps them with poppler,
neither of which CI has: these checks read only the committed PDFs, dumps and records (no
pipeline runs), so that a record cannot drift from its PDF, nor a dump from the PDF it was made
of, unnoticed.
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

HOLDOUT2 = ROOT / "tests" / "fixtures" / "holdout2"
EXPECTED = ROOT / "tests" / "expected"
PDFS = sorted(HOLDOUT2.glob("*.pdf"))
IDS = [pdf.stem for pdf in PDFS]
# The one document of the set that prints no initiative (prose must publish nothing).
PROSE = "keikaku_souron"
# The fonts the builders print with (fonts-ipaexfont, fonts-ipafont-gothic, fonts-ipafont-mincho).
FONTS = {"IPAexGothic", "IPAexMincho", "IPAGothic", "IPAMincho", "IPAPGothic", "IPAPMincho"}
SCRIPT = "make_holdout2_pdfs.py"


def _record(pdf: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EXPECTED / f"{pdf.stem}.json").read_text(encoding="utf-8"))
    return loaded


def _squash(text: str) -> str:
    return "".join(fullwidth_to_halfwidth(text).split())


def _pdf_pages(pdf: Path) -> list[str]:
    with pymupdf.open(pdf) as doc:
        return [_squash(page.get_text()) for page in doc]


def _dump_pages(pdf: Path) -> list[str]:
    """The dump's pages: pdftotext ends every page with a form feed."""
    pages = pdf.with_suffix(".txt").read_text(encoding="utf-8").split("\f")
    return [_squash(page) for page in pages[:-1]]


def _printed(record: dict[str, Any], activities: bool = True) -> list[tuple[str, int, bool]]:
    """(string, page, carried) of every title, department, heading, indicator name, value (and activity) recorded.

    A heading is `carried`: it may be printed on an earlier page (its rows go on over a page break).
    """
    out: list[tuple[str, int, bool]] = []
    for item in record["initiatives"]:
        page = item["page"]
        names = [item["title"], *item["departments"]]
        for indicator in item.get("indicators", []):
            names += [indicator["name"], *(value["value_text"] for value in indicator["values"])]
        if activities:
            names += [step["activity"] for step in item.get("schedule", []) if not step["continued"]]
        out += [(name, page, False) for name in names]
        out += [(heading, page, True) for heading in item.get("hierarchy", [])]
    return out


def _misplaced(record: dict[str, Any], pages: list[str], activities: bool = True) -> list[tuple[str, int]]:
    return [
        (name, page)
        for name, page, carried in _printed(record, activities)
        if not any(_squash(name) in text for text in pages[0 if carried else page - 1 : page])
    ]


def test_there_are_five_documents_one_of_them_prose() -> None:
    assert len(PDFS) == 5 and PROSE in IDS


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_record_names_its_pdf_and_keeps_the_format(pdf: Path) -> None:
    record = _record(pdf)
    assert record["source"] == pdf.relative_to(ROOT).as_posix()
    assert SCRIPT in record["how_checked"]
    assert format_problems(record) == []
    assert bool(record["initiatives"]) == (pdf.stem != PROSE)


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_records_are_printed_on_their_pages(pdf: Path) -> None:
    pages = _pdf_pages(pdf)
    assert 1 <= len(pages) <= 3
    record = _record(pdf)
    assert all(item["page"] <= len(pages) for item in record["initiatives"])
    whole = "".join(pages)
    assert _squash(record["document"]["title"]) in whole
    assert all(_squash(title) in whole for title in record["not_initiatives"])
    assert _misplaced(record, pages) == []


@pytest.mark.parametrize("pdf", PDFS, ids=IDS)
def test_dump_is_of_the_committed_pdf(pdf: Path) -> None:
    """The dump has the PDF's pages and prints every recorded name and value on the same page.

    Not the activities: a schedule sentence wraps in its cell, and the layout dump interleaves its
    lines with those of the cell beside it.
    """
    pages = _dump_pages(pdf)
    assert len(pages) == len(_pdf_pages(pdf))
    assert _misplaced(_record(pdf), pages, activities=False) == []


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
    assert _misplaced(record, ["地域防災力の向上", "交通安全"]) == [("地域防災力の向上", 2)]
    assert _misplaced(record, ["交通安全", "地域防災力の向上"]) == []
