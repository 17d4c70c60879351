"""openpyxl building blocks for the spreadsheet fixtures: cells with font, fill and ruling, pages.

Widths and heights are given in points, so that the builders can plan what fits on a page:
LibreOffice prints a column of width w (openpyxl units) 7·w points wide (measured on the
default workbook font).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

POINTS_PER_WIDTH_UNIT = 7.0
# A4 with the margins of `landscape_page` / `portrait_page`: what the body of one page holds.
LANDSCAPE_BODY_W = 770.0
LANDSCAPE_BODY_H = 480.0  # measured; LibreOffice prints rows about 2 % shorter than asked, which leaves a margin
PORTRAIT_BODY_W = 520.0
PORTRAIT_BODY_H = 725.0  # the landscape figures with the page's sides swapped


@dataclass(frozen=True)
class Look:
    """How a cell is printed."""

    font: str = "IPAexGothic"
    size: float = 9.0
    bold: bool = False
    fill: str | None = None  # RGB hex, e.g. "BFBFBF"
    horizontal: str = "left"
    vertical: str = "center"
    border: str | None = "thin"  # openpyxl side style on all four sides, None for no ruling
    wrap: bool = True


def side(style: str | None) -> Side:
    """A ruling side (no line for None)."""
    return Side(style=style, color="000000") if style else Side()


def put(ws: Worksheet, row: int, col: int, text: str | None, look: Look, span: tuple[int, int] = (1, 1)) -> None:
    """Write a cell (merged over `span` = (rows, cols) when larger than one) with its font, fill and ruling."""
    rows, cols = span
    if rows > 1 or cols > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1)
    for r in range(row, row + rows):
        for c in range(col, col + cols):
            cell = ws.cell(r, c)
            cell.border = Border(
                left=side(look.border), right=side(look.border), top=side(look.border), bottom=side(look.border)
            )
            if look.fill:
                cell.fill = PatternFill("solid", fgColor=look.fill)
    cell = ws.cell(row, col)
    if text is not None:
        cell.value = text
    cell.font = Font(name=look.font, size=look.size, bold=look.bold)
    cell.alignment = Alignment(horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap)


def outline(ws: Worksheet, first_row: int, last_row: int, first_col: int, last_col: int, style: str) -> None:
    """Redraw the outer ruling of a block of cells in `style` (offices print a heavier frame)."""
    for r in range(first_row, last_row + 1):
        for c in range(first_col, last_col + 1):
            cell = ws.cell(r, c)
            b = cell.border
            cell.border = Border(
                left=side(style) if c == first_col else b.left,
                right=side(style) if c == last_col else b.right,
                top=side(style) if r == first_row else b.top,
                bottom=side(style) if r == last_row else b.bottom,
            )


def set_widths(ws: Worksheet, widths_pt: Sequence[float]) -> None:
    """Column widths in points, from column A."""
    for i, width in enumerate(widths_pt, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width / POINTS_PER_WIDTH_UNIT


def set_height(ws: Worksheet, row: int, height_pt: float) -> None:
    """A row's height in points."""
    ws.row_dimensions[row].height = round(height_pt, 1)


def landscape_page(ws: Worksheet, header: str | None, footer_page_number: bool, font: str) -> None:
    """A4 landscape at 100 %, the margins `LANDSCAPE_BODY_*` are measured for, a running header and page number."""
    _a4_page(ws, "landscape", header, footer_page_number, font)


def portrait_page(ws: Worksheet, header: str | None, footer_page_number: bool, font: str) -> None:
    """A4 portrait at 100 %, the margins `PORTRAIT_BODY_*` are measured for, a running header and page number."""
    _a4_page(ws, "portrait", header, footer_page_number, font)


def _a4_page(ws: Worksheet, orientation: str, header: str | None, footer_page_number: bool, font: str) -> None:
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.page_margins = PageMargins(left=0.45, right=0.45, top=0.7, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if header:
        ws.oddHeader.right.text = header
        ws.oddHeader.right.font = f"{font},Regular"
        ws.oddHeader.right.size = 8
    if footer_page_number:
        ws.oddFooter.center.text = "- &P -"
        ws.oddFooter.center.font = f"{font},Regular"
        ws.oddFooter.center.size = 9


def break_after(ws: Worksheet, row: int) -> None:
    """A manual page break after `row`."""
    ws.row_breaks.append(Break(id=row))
