"""Every record of a generic read says where it was printed: page and box on a PDF, line in a dump."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
import regex

from tests.expected_io import ROOT, pipeline_rows

OFFICE = sorted((ROOT / "tests" / "fixtures" / "office").glob("*.pdf"))


def _printed(page: pymupdf.Page, box: tuple[float, ...]) -> str:
    return regex.sub(r"\s+", "", page.get_textbox(pymupdf.Rect(*box)))


@pytest.mark.parametrize("path", OFFICE, ids=[p.stem for p in OFFICE])
def test_pdf_records_carry_page_and_box(path: Path) -> None:
    _, rows = pipeline_rows(path)
    assert rows is not None
    with pymupdf.open(path) as pdf:
        for initiative in rows.initiatives:
            assert initiative.source_page is not None and initiative.source_bbox is not None, initiative
        for cell in rows.schedule:
            assert cell.source_page is not None and cell.source_bbox is not None, cell
        for value in rows.indicator_values:
            assert value.source_page is not None and value.source_bbox is not None, value
            page = pdf[value.source_page - 1]
            x0, top, x1, bottom = value.source_bbox
            assert 0 <= x0 < x1 <= page.rect.width and 0 <= top < bottom <= page.rect.height
            # The box holds the printed value (a banner target's box is its whole line).
            assert regex.sub(r"\s+", "", value.value_text) in _printed(page, value.source_bbox), value


def test_dump_records_carry_lines() -> None:
    _, rows = pipeline_rows(ROOT / "tests" / "fixtures" / "plans" / "otoineppu_sewerage_business_strategy.md")
    assert rows is not None and rows.initiatives
    text = (ROOT / "tests" / "fixtures" / "plans" / "otoineppu_sewerage_business_strategy.md").read_text("utf-8")
    lines = text.split("\n")
    for initiative in rows.initiatives:
        assert initiative.source_line is not None
        assert regex.sub(r"\s+", "", initiative.title) in regex.sub(r"\s+", "", lines[initiative.source_line - 1])
