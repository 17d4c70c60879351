"""Style 6: cards of 福岡市DX戦略 実行項目集 (seed 002), reprinted from Calc in the plan's card style.

The content is the pipeline's reading of the bundled dump raw/fukuoka_dx_strategy_action_items_2023.txt
(hand-checked); what this module prints of it is what the expected records hold. A card is one
ruled block: a header band `1-14 | title | 所管局`, the 概要 text down the left beside the 工程
grid (year headings `5年度 … 8年度`), then a 指標 table `指標 | 現状値（4年度） | 中間目標（6年度） |
最終目標（8年度）` with one row per indicator (a cell the plan leaves empty stays empty). A group
prints its band alone, its sub-items follow numbered `①②…`. Continuations are `→` glyphs, except on
some cards, which print a bar as grey-filled cells with the activity in the first one. The section
heading `1. 暮らしのDX` is printed at the top of every page and where the section changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from office_pdfs.records import Expected, Initiative, contract_text
from office_pdfs.seed_rows import SeedCard, SeedIndicator, indicator, printed_as_read, reprint_expected, seed_card, step
from office_pdfs.sheets import LANDSCAPE_BODY_H, Look, break_after, landscape_page, outline, put, set_height, set_widths
from office_pdfs.text_fit import height_needed
from pipeline.normalize import NormalizedDocument
from pipeline.tables import ValueRow
from tests.conftest import DX_2023, normalized

STEM = "dx_reprint"
# Groups print their band alone; the cards after a group are its sub-items.
CARDS = (
    "1-1",
    "1-1/1",
    "1-1/2",
    "1-9",
    "1-9/3",
    "1-9/6",
    "1-13",
    "1-13/3",
    "1-14",
    "4-17",
    "4-17/2",
    "5-2",
    "5-4",
)
BAR_CARDS = frozenset({"1-1/2", "1-9/6", "1-14", "5-2"})  # continuations printed as grey-filled cells
YEAR_HEADINGS = ("5年度", "6年度", "7年度", "8年度")
KIND_HEADINGS = (("baseline", "現状値"), ("interim_target", "中間目標"), ("final_target", "最終目標"))
REIWA_OFFSET = 2018  # 令和n年度 starts in 2018 + n
GOTHIC, MINCHO = "IPAexGothic", "IPAexMincho"
WIDTHS = (40.0, 250.0, 120.0, 120.0, 120.0, 120.0)
DESCRIPTION_W = WIDTHS[0] + WIDTHS[1]
TITLE_W = WIDTHS[1] + WIDTHS[2] + WIDTHS[3] + WIDTHS[4]
GROUP_TITLE_W = TITLE_W + WIDTHS[5]
NAME_W = WIDTHS[0] + WIDTHS[1] + WIDTHS[2]
SIZE = 8.5
BAND, NUMBER_FILL, MARK_FILL, HEAD_FILL, BAR_FILL = "DDEBF7", "9BC2E6", "E7E6E6", "F2F2F2", "BFBFBF"
NUMBER = Look(GOTHIC, 10.5, bold=True, fill=NUMBER_FILL, horizontal="center")
SUB_NUMBER = Look(GOTHIC, 11.0, bold=True, fill=BAND, horizontal="center")
TITLE = Look(GOTHIC, 10.5, bold=True, fill=BAND)
DEPARTMENT = Look(GOTHIC, 9.0, fill=BAND, horizontal="center")
DESCRIPTION = Look(MINCHO, SIZE, vertical="top")
MARK = Look(GOTHIC, 9.0, bold=True, fill=MARK_FILL, horizontal="center")
YEAR = Look(GOTHIC, SIZE, fill=HEAD_FILL, horizontal="center")
CELL = Look(GOTHIC, SIZE)
BAR = Look(GOTHIC, SIZE, fill=BAR_FILL)
ARROW = Look(GOTHIC, 12.0, horizontal="center")
NAME = Look(GOTHIC, SIZE)
VALUE = Look(GOTHIC, SIZE, horizontal="center")
SECTION = Look(GOTHIC, 12.0, bold=True, border=None, wrap=False)
SECTION_H = 22.0
GAP_H = 8.0


@dataclass(frozen=True)
class Card:
    """One card as printed: its seed rows, printed texts, grid and indicator table."""

    key: str
    seed: SeedCard
    section: str
    group: str | None  # the printed band of the group above a sub-item
    grid: tuple[dict[int, str], ...]  # per grid row: year column → printed text ("" for a bar's later years)
    headings: tuple[str, str, str]  # the 指標 table's value headings, in KIND_HEADINGS order
    table: tuple[tuple[SeedIndicator, tuple[ValueRow | None, ...]], ...]  # per indicator: a value per heading

    @property
    def bars(self) -> bool:
        """Whether continuations are printed as grey-filled cells rather than `→`."""
        return self.key in BAR_CARDS

    @property
    def is_group(self) -> bool:
        """A group band: no text, grid or indicators of its own."""
        item = self.seed.initiative
        return not (item.description or self.seed.schedule or self.seed.indicators or item.departments)


def _lines(text: str) -> str:
    """A cell text of the dump as the plan prints it: its spaces are where the cell's lines break."""
    return "\n".join(text.split())


def _heading(kind_label: str, fiscal_year: int) -> str:
    return f"{kind_label}（{fiscal_year - REIWA_OFFSET}年度）"


def _usual_years(rows: NormalizedDocument) -> dict[str, int]:
    """The year each kind of value is given for in most of the plan (the heading a card prints for an empty column)."""
    years: dict[str, Counter[int]] = {}
    for v in rows.indicator_values:
        if v.fiscal_year is not None:
            years.setdefault(v.kind, Counter())[v.fiscal_year] += 1
    return {kind: counts.most_common(1)[0][0] for kind, counts in years.items()}


def _grid(seed: SeedCard, bars: bool) -> tuple[dict[int, str], ...]:
    grid: dict[int, dict[int, str]] = {}
    for cell in seed.schedule:
        if cell.continued:
            if cell.cell_text != "→":
                raise ValueError(f"{cell.initiative_id}: continuation printed as {cell.cell_text!r}")
            text = "" if bars else "→"
        else:
            text = _lines(cell.cell_text)
            printed_as_read(text, cell.activity, f"{cell.initiative_id} row {cell.row_no}")
        grid.setdefault(cell.row_no, {})[YEAR_HEADINGS.index(cell.year_label)] = text
    return tuple(grid[n] for n in sorted(grid))


def _table(
    seed: SeedCard, usual: dict[str, int]
) -> tuple[tuple[str, str, str], tuple[tuple[SeedIndicator, tuple[ValueRow | None, ...]], ...]]:
    """The 指標 table's headings and, per indicator, the value under each (None: the cell is empty)."""
    headings = []
    for kind, label in KIND_HEADINGS:
        years = {v.fiscal_year for ind in seed.indicators for v in ind.values if v.kind == kind}
        if len(years) > 1:
            raise ValueError(f"{seed.initiative.initiative_id}: {kind} for several years {years}")
        year = years.pop() if years else usual[kind]
        assert year is not None
        headings.append(_heading(label, year))
        for ind in seed.indicators:
            for v in ind.values:
                if v.kind == kind and v.heading and contract_text(v.heading) != contract_text(headings[-1]):
                    raise ValueError(f"{ind.row.indicator_id}: heading {v.heading!r}, printed {headings[-1]!r}")
    rows = []
    for ind in seed.indicators:
        by_kind = {v.kind: v for v in ind.values}
        if len(by_kind) != len(ind.values) or set(by_kind) - {k for k, _ in KIND_HEADINGS}:
            raise ValueError(f"{ind.row.indicator_id}: values {[v.kind for v in ind.values]}")
        rows.append((ind, tuple(by_kind.get(kind) for kind, _ in KIND_HEADINGS)))
    return (headings[0], headings[1], headings[2]), tuple(rows)


def cards(rows: NormalizedDocument) -> list[Card]:
    """The printed cards, from the pipeline's rows of the dump."""
    usual = _usual_years(rows)
    out: list[Card] = []
    group: tuple[str, str] | None = None  # the id and printed band of the last top-level card
    for key in CARDS:
        seed = seed_card(rows, key)
        item = seed.initiative
        if item.parent_id is None:
            group = (item.initiative_id, f"{item.item_no} {item.title_raw}")
        elif group is None or group[0] != item.parent_id:
            raise ValueError(f"{key}: printed away from its group")
        section = f"{item.item_no.split('-')[0]}. {item.policy}" if item.parent_id is None else out[-1].section
        headings, table = _table(seed, usual)
        out.append(
            Card(
                key,
                seed,
                section,
                group[1] if item.parent_id is not None else None,
                _grid(seed, key in BAR_CARDS),
                headings,
                table,
            )
        )
    return out


@dataclass(frozen=True)
class Layout:
    """Row heights of one printed card, planned before it is written."""

    band: float
    body: tuple[float, ...]  # 工程 label, year headings, grid rows
    indicators: tuple[float, ...]  # 指標 heading row, then one row per indicator

    def total(self) -> float:
        """The card's height in points."""
        return self.band + sum(self.body) + sum(self.indicators)


def _layout(card: Card) -> Layout:
    item = card.seed.initiative
    if card.is_group:
        return Layout(max(22.0, height_needed(item.title_raw, GROUP_TITLE_W, 10.5)), (), ())
    band = max(
        22.0, height_needed(item.title_raw, TITLE_W, 10.5), height_needed(item.departments_raw or "", WIDTHS[5], 9.0)
    )
    body = [14.0, 13.0]
    for grid_row in card.grid:
        body.append(max([17.0] + [height_needed(t, WIDTHS[2], SIZE) for t in grid_row.values() if t != "→"]))
    description = height_needed(item.description or "", DESCRIPTION_W, SIZE) + 4.0
    if description > sum(body):
        grow = (description - sum(body)) / (len(body) - 2)
        body = body[:2] + [h + grow for h in body[2:]]
    indicators: list[float] = []
    if card.table:
        indicators.append(max(15.0, *(height_needed(h, WIDTHS[3], SIZE) for h in card.headings)))
    for ind, values in card.table:
        texts = [_lines(v.value_text) for v in values if v is not None]
        indicators.append(
            max(
                17.0, height_needed(ind.row.name_raw, NAME_W, SIZE), *(height_needed(t, WIDTHS[3], SIZE) for t in texts)
            )
        )
    return Layout(band, tuple(body), tuple(indicators))


def _write_card(ws: Worksheet, row: int, card: Card, layout: Layout) -> int:
    """Write a card from `row`; returns the first row after it."""
    item = card.seed.initiative
    number = SUB_NUMBER if item.parent_id is not None else NUMBER
    put(ws, row, 1, item.item_no, number)
    set_height(ws, row, layout.band)
    if card.is_group:
        put(ws, row, 2, item.title_raw, TITLE, span=(1, 5))
        outline(ws, row, row, 1, 6, "medium")
        return row + 1
    put(ws, row, 2, item.title_raw, TITLE, span=(1, 4))
    put(ws, row, 6, item.departments_raw or "", DEPARTMENT)
    top = row + 1
    put(ws, top, 1, item.description or "", DESCRIPTION, span=(len(layout.body), 2))
    put(ws, top, 3, "工程", MARK, span=(1, 4))
    for col, heading in enumerate(YEAR_HEADINGS, start=3):
        put(ws, top + 1, col, heading, YEAR)
    r = top + 1
    for grid_row in card.grid:
        r += 1
        for year in range(len(YEAR_HEADINGS)):
            text = grid_row.get(year)
            if text is None:
                look = CELL
            elif card.bars:
                look = BAR
            else:
                look = ARROW if text == "→" else CELL
            put(ws, r, 3 + year, text or None, look)
    for offset, height in enumerate(layout.body):
        set_height(ws, top + offset, height)
    r += 1
    if card.table:
        put(ws, r, 1, "指標", MARK, span=(1, 3))
        for col, heading in enumerate(card.headings, start=4):
            put(ws, r, col, heading, YEAR)
        for ind, values in card.table:
            r += 1
            put(ws, r, 1, ind.row.name_raw, NAME, span=(1, 3))
            for col, v in enumerate(values, start=4):
                put(ws, r, col, _lines(v.value_text) if v is not None else None, VALUE)
        for offset, height in enumerate(layout.indicators):
            set_height(ws, r - len(layout.indicators) + 1 + offset, height)
        r += 1
    outline(ws, row, r - 1, 1, 6, "medium")
    return r


def _expected(card: Card, page: int) -> Initiative:
    item = card.seed.initiative
    indicators = tuple(
        indicator(ind, ind.row.name_raw, tuple(v for v in values if v is not None)) for ind, values in card.table
    )
    return Initiative(
        item_no=item.item_no,
        title=printed_as_read(item.title_raw, item.title, card.key),
        departments=item.departments,
        page=page,
        hierarchy=(card.section,) if card.group is None else (card.section, card.group),
        schedule=tuple(step(cell) for cell in card.seed.schedule),
        indicators=indicators,
    )


def _units(printed: list[Card]) -> list[list[Card]]:
    """Cards that go on one page together: a group band with the first of its sub-items."""
    units: list[list[Card]] = []
    for card in printed:
        if units and units[-1][-1].is_group:
            units[-1].append(card)
        else:
            units.append([card])
    return units


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    rows = normalized(DX_2023)[1]  # the bundled dump, read as the tests read it
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "実行項目"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header="福岡市DX戦略 実行項目集", footer_page_number=True, font=GOTHIC)
    initiatives: list[Initiative] = []
    row, page, used = 1, 1, 0.0
    section: str | None = None
    for unit in _units(cards(rows)):
        layouts = [_layout(card) for card in unit]
        need = sum(layout.total() + GAP_H for layout in layouts)
        new_section = unit[0].section != section
        if used and used + need + SECTION_H * new_section > LANDSCAPE_BODY_H:
            break_after(ws, row - 1)
            page, used = page + 1, 0.0
        if not used or new_section:
            put(ws, row, 1, unit[0].section, SECTION, span=(1, 6))
            set_height(ws, row, SECTION_H)
            row, used, section = row + 1, used + SECTION_H, unit[0].section
        for card, layout in zip(unit, layouts, strict=True):
            initiatives.append(_expected(card, page))
            row = _write_card(ws, row, card, layout)
            set_height(ws, row, GAP_H)
            row += 1
        used += need
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    return path, reprint_expected(rows, "raw/fukuoka_dx_strategy_action_items_2023.txt", initiatives)
