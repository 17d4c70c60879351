"""Style 4: an excerpt chapter of real cards (福岡市 行政運営プラン), printed from Calc in the plan's card style.

The content is the pipeline's reading of the bundled dump, which is hand-checked; what this
module prints of it is what the expected records hold. A card is one ruled block: a header
row (number | title | department), the description merged down the left of the body, the 工程
grid (year headings `3年度 … 6年度`, continuations as `→` glyphs) and the 指標 rows (the name
merged over its heading and value rows). The 取組方針/推進項目 heading lines are printed above
a card where they change. There is no 目次, card numbers skip, and the page numbers printed in
the footer start where the chapter would start in the whole plan, not at 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from normalizers.text import strip_footnote_marks
from office_pdfs.records import Expected, Indicator, Initiative, Step, Value
from office_pdfs.seed_rows import reprint_expected
from office_pdfs.sheets import LANDSCAPE_BODY_H, Look, break_after, landscape_page, put, set_height, set_widths
from office_pdfs.text_fit import height_needed
from pipeline.normalize import NormalizedDocument
from pipeline.tables import InitiativeRow, ScheduleRow, ValueRow
from tests.conftest import PLAN_2021, normalized

STEM = "chapter_excerpt"
CARDS = ("16", "17", "18", "19", "20", "22", "25", "26", "27", "29", "31")
FIRST_PAGE_NUMBER = 14
YEAR_HEADINGS = ("3年度", "4年度", "5年度", "6年度")
KIND_ORDER = ("baseline", "interim_target", "final_target")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
GOTHIC, MINCHO = "IPAexGothic", "IPAexMincho"
# Column widths (points): number, rest of the description column, four years.
WIDTHS = (34.0, 226.0, 125.0, 125.0, 125.0, 125.0)
DESCRIPTION_W = WIDTHS[0] + WIDTHS[1]
TITLE_W = WIDTHS[1] + WIDTHS[2] + WIDTHS[3] + WIDTHS[4]
SIZE = 8.5
GREY = "E7E6E6"
NUMBER = Look(GOTHIC, 10.0, bold=True, fill=GREY, horizontal="center")
TITLE = Look(GOTHIC, 10.0, bold=True)
DEPARTMENT = Look(GOTHIC, 9.0, horizontal="center")
DESCRIPTION = Look(MINCHO, SIZE, vertical="top")
MARK = Look(GOTHIC, 9.0, bold=True, fill=GREY, horizontal="center")
YEAR = Look(GOTHIC, SIZE, fill=GREY, horizontal="center")
CELL = Look(GOTHIC, SIZE)
ARROW = Look(GOTHIC, 12.0, horizontal="center")
VALUE = Look(GOTHIC, SIZE, horizontal="center")
HEADING = Look(GOTHIC, 11.0, bold=True, border=None, wrap=False)
HEADING_H = 18.0
GAP_H = 8.0


@dataclass(frozen=True)
class CardIndicator:
    """One 指標 as printed: its name, the unit the plan's reading gives it, its values (each under its heading)."""

    name: str
    unit: str | None
    values: tuple[ValueRow, ...]


@dataclass(frozen=True)
class Card:
    """One card as printed: its record, grid rows (year index → printed text) and indicators."""

    initiative: InitiativeRow
    hierarchy: tuple[str, str]
    schedule: tuple[dict[int, str], ...]
    steps: tuple[Step, ...]
    indicators: tuple[CardIndicator, ...]


def _hierarchy(rows: NormalizedDocument) -> dict[str, tuple[str, str]]:
    """The printed 取組方針/推進項目 heading lines of every card: numbered in the order the plan gives them."""
    policies: list[str] = []
    measures: list[str] = []
    out: dict[str, tuple[str, str]] = {}
    for item in rows.initiatives:
        if item.policy is None or item.measure is None:
            continue
        if item.policy not in policies:
            policies.append(item.policy)
        if item.measure not in measures:
            measures.append(item.measure)
        number = str(policies.index(item.policy) + 1).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        out[item.initiative_id] = (
            f"取組方針{number}\u3000{item.policy}",
            f"推進項目{CIRCLED[measures.index(item.measure)]}\u3000{item.measure}",
        )
    return out


def _schedule(cells: Sequence[ScheduleRow]) -> tuple[tuple[dict[int, str], ...], tuple[Step, ...]]:
    """The printed grid rows of a card and the steps they stand for."""
    grid: dict[int, dict[int, str]] = {}
    steps: list[Step] = []
    in_force: dict[int, str] = {}
    for cell in sorted(cells, key=lambda c: (c.row_no, c.fiscal_year or 0)):
        if cell.continued:
            if cell.cell_text != "→":
                raise ValueError(f"{cell.initiative_id}: continuation printed as {cell.cell_text!r}")
            text = "→"
        else:
            text = strip_footnote_marks(cell.cell_text)
            in_force[cell.row_no] = text
        if cell.fiscal_year is None:
            raise ValueError(f"{cell.initiative_id}: no fiscal year for {cell.year_label!r}")
        grid.setdefault(cell.row_no, {})[YEAR_HEADINGS.index(cell.year_label)] = text
        steps.append(Step(cell.row_no, cell.fiscal_year, in_force[cell.row_no], cell.continued))
    return tuple(grid[n] for n in sorted(grid)), tuple(steps)


def cards(rows: NormalizedDocument) -> list[Card]:
    """The printed cards, from the pipeline's rows of the dump."""
    hierarchy = _hierarchy(rows)
    out = []
    for number in CARDS:
        item = next(r for r in rows.initiatives if r.item_no == number and r.parent_id is None)
        grid, steps = _schedule([s for s in rows.schedule if s.initiative_id == item.initiative_id])
        indicators = []
        for ind in (i for i in rows.indicators if i.initiative_id == item.initiative_id):
            values = sorted(
                (v for v in rows.indicator_values if v.indicator_id == ind.indicator_id),
                key=lambda v: KIND_ORDER.index(v.kind),
            )
            if [v.kind for v in values] != list(KIND_ORDER):
                raise ValueError(f"{ind.indicator_id}: values {[v.kind for v in values]}")
            indicators.append(CardIndicator(strip_footnote_marks(ind.name_raw), ind.unit, tuple(values)))
        out.append(Card(item, hierarchy[item.initiative_id], grid, steps, tuple(indicators)))
    return out


def _value(value: ValueRow) -> Value:
    if value.fiscal_year is None:
        raise ValueError(f"{value.indicator_id}: no fiscal year under {value.heading!r}")
    return Value(value.kind, value.fiscal_year, value.value_text, value.value)


def _expected(card: Card, page: int) -> Initiative:
    item = card.initiative
    indicators = tuple(Indicator(i.name, i.unit, tuple(_value(v) for v in i.values)) for i in card.indicators)
    return Initiative(
        item_no=item.item_no,
        title=item.title,
        departments=item.departments,
        page=page,
        hierarchy=card.hierarchy,
        schedule=card.steps,
        indicators=indicators,
    )


@dataclass(frozen=True)
class Layout:
    """Row heights of one printed card, planned before it is written."""

    header: float
    body: tuple[float, ...]

    def total(self) -> float:
        """The card's height in points."""
        return self.header + sum(self.body)


def _layout(card: Card) -> Layout:
    item = card.initiative
    header = max(
        20.0, height_needed(item.title, TITLE_W, 10.0), height_needed(item.departments_raw or "", WIDTHS[5], 9.0)
    )
    body: list[float] = [14.0, 13.0]  # 工程, year headings
    for grid_row in card.schedule:
        body.append(max([16.0] + [height_needed(t, WIDTHS[2], SIZE) for t in grid_row.values() if t != "→"]))
    if card.indicators:
        body.append(14.0)  # 指標
    for indicator in card.indicators:
        name_h = height_needed(indicator.name, WIDTHS[2], SIZE)
        heading_h = max(13.0, *(height_needed(v.heading, WIDTHS[3], SIZE) for v in indicator.values))
        value_h = max(15.0, *(height_needed(v.value_text, WIDTHS[3], SIZE) for v in indicator.values))
        spare = name_h - heading_h - value_h
        body.extend([heading_h, value_h + max(0.0, spare)])
    description = height_needed(item.description or "", DESCRIPTION_W, SIZE)
    if description > sum(body):
        grow = (description - sum(body)) / len(body)
        body = [h + grow for h in body]
    return Layout(header, tuple(body))


def _write_card(ws: Worksheet, row: int, card: Card, layout: Layout) -> int:
    """Write a card from `row`; returns the first row after it."""
    item = card.initiative
    put(ws, row, 1, item.item_no, NUMBER)
    put(ws, row, 2, item.title, TITLE, span=(1, 4))
    put(ws, row, 6, item.departments_raw or "", DEPARTMENT)
    set_height(ws, row, layout.header)
    top = row + 1
    put(ws, top, 1, item.description or "", DESCRIPTION, span=(len(layout.body), 2))
    r = top
    put(ws, r, 3, "工程", MARK, span=(1, 4))
    r += 1
    for col, heading in enumerate(YEAR_HEADINGS, start=3):
        put(ws, r, col, heading, YEAR)
    for grid_row in card.schedule:
        r += 1
        for year in range(4):
            text = grid_row.get(year)
            put(ws, r, 3 + year, text, ARROW if text == "→" else CELL)
    if card.indicators:
        r += 1
        put(ws, r, 3, "指標", MARK, span=(1, 4))
    for indicator in card.indicators:
        r += 1
        put(ws, r, 3, indicator.name, CELL, span=(2, 1))
        for col, value in enumerate(indicator.values, start=4):
            put(ws, r, col, value.heading, YEAR)
            put(ws, r + 1, col, value.value_text, VALUE)
        r += 1
    for offset, height in enumerate(layout.body):
        set_height(ws, top + offset, height)
    return r + 1


def _new_headings(previous: tuple[str, str] | None, current: tuple[str, str]) -> tuple[str, ...]:
    """The heading lines printed above a card: both when the 取組方針 changes, the 推進項目 when only it does."""
    if previous is None or previous[0] != current[0]:
        return current
    return current[1:] if previous[1] != current[1] else ()


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    rows = normalized(PLAN_2021)[1]  # the bundled dump, read as the tests read it
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "実行項目"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header="福岡市行政運営プラン（原案）", footer_page_number=True, font=GOTHIC)
    ws.page_setup.firstPageNumber = FIRST_PAGE_NUMBER
    ws.page_setup.useFirstPageNumber = True
    initiatives: list[Initiative] = []
    row, page, used = 1, 1, 0.0
    printed: tuple[str, str] | None = None
    for card in cards(rows):
        layout = _layout(card)
        headings = _new_headings(printed, card.hierarchy)
        need = layout.total() + HEADING_H * len(headings) + GAP_H
        if used and used + need > LANDSCAPE_BODY_H:
            break_after(ws, row - 1)
            page, used = page + 1, 0.0
        for heading in headings:
            put(ws, row, 1, heading, HEADING, span=(1, 6))
            set_height(ws, row, HEADING_H)
            row += 1
        printed = card.hierarchy
        initiatives.append(_expected(card, page))
        row = _write_card(ws, row, card, layout)
        set_height(ws, row, GAP_H)
        row += 1
        used += need
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    return path, reprint_expected(rows, "raw/fukuoka_gyosei_unei_plan_2021_draft.txt", initiatives)
