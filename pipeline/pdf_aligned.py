"""Tables printed without ruling: text set in aligned columns under a row of headings.

A chart's data block (`H22 H23 H24 H25 H26` over `当該値 95.25 106.05 …`), a small table typed
with tabs: nothing is drawn, only the words stand in columns. Such a table is found among the
free text of a page (or of a frame, `pdf_frames`) by what is printed:

* items: a line cut where two runs stand more than `ITEM_GAP_EM` ems apart (one cell each);
* a heading row: a line of at least `MIN_COLUMNS` items that are all headings (year labels such
  as `H22`, `R5`, `2024年度`, or short labels that are not values), each heading a column;
  where one line holds the headings of tables printed side by side (four charts in a row), it is
  cut where the step between two headings is more than `SPLIT_PITCH` times the row's usual step,
  and each part heads a table of its own (a lone item cut off on the left heads the label column);
* body rows: the lines right below (less than `ROW_GAP_EM` ems apart) whose every item stands
  in a column — its centre lies in the heading's slot, it overlaps the heading's extent (give or
  take an em) and stays clear of the neighbouring headings — or, one item at most, left of the
  first column (the row's label). The table ends at the first line that does not fit.

Lines above the heading row never join: a chart's axis ticks (a column of numbers, one per
line, printed over the label column) stay paragraphs. A table needs either a body row of at least
`MIN_COLUMNS` cells, or year headings (a chart without data still prints its years and labels).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median_low

import regex

from pipeline.pdf_runs import Run
from pipeline.pdf_text import Line, group_lines, make_line, split_segments

ITEM_GAP_EM = 1.0  # runs further apart than this (in ems) on one line are separate cells
ROW_GAP_EM = 1.5  # a body row starts at most this many ems below the row above it
SPLIT_PITCH = 1.5  # headings this many usual steps apart head separate, side-by-side tables
MIN_COLUMNS = 3
_HEADING_CHARS = 12  # a heading label is short
_YEAR_RE = regex.compile(
    r"^(?:(?:[HRS]|平成|令和|昭和)\s?(?:\d{1,2}|元)|(?:FY)?(?:19|20)\d{2})\s?(?:年度|年)?(?:末|見込|目標|実績)?$"
)
# A value, not a heading: a number (signed, with separators, a unit of up to three characters) or a dash.
_VALUE_RE = regex.compile(r"^[△▲▼+\-−－]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s?\D{0,3}$|^[-－―‐—]$")
_WORD_RE = regex.compile(r"[\p{L}\p{N}]")
_SENTENCE_MARKS = frozenset("。、，．：:")


@dataclass(frozen=True)
class AlignedDraft:
    """A table of aligned text: per row the cell texts (label column first when there is one),
    the x extent of each column and the y extent of each row."""

    rows: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[float, float], ...]
    bands: tuple[tuple[float, float], ...]
    size: float
    page: int

    @property
    def x0(self) -> float:
        """Left edge."""
        return self.columns[0][0]

    @property
    def x1(self) -> float:
        """Right edge."""
        return self.columns[-1][1]

    @property
    def top(self) -> float:
        """Top edge."""
        return self.bands[0][0]

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.bands[-1][1]


@dataclass(slots=True)
class _Item:
    """One cell's worth of text on a line: its line (box and text) and the runs it is made of."""

    line: Line
    runs: list[Run]

    @property
    def cx(self) -> float:
        return (self.line.x0 + self.line.x1) / 2


def is_value(text: str) -> bool:
    """True for a printed value: a number (signed, with separators, a short unit) or a dash."""
    return _VALUE_RE.match(text) is not None


def is_heading(text: str) -> bool:
    """True for a column heading: a year label, or a short label (a word of two characters or more)
    that is neither a value nor a sentence."""
    if _YEAR_RE.match(text):
        return True
    return (
        2 <= len(text) <= _HEADING_CHARS
        and _WORD_RE.search(text) is not None
        and not is_value(text)
        and not _SENTENCE_MARKS & set(text)
    )


def find_tables(runs: Sequence[Run], page: int) -> tuple[list[AlignedDraft], list[Run]]:
    """The aligned tables among a region's free runs, and the runs left for paragraphs."""
    lines = [line for line in group_lines(runs) if not line[0].vertical]
    parts = [split_segments(line, ITEM_GAP_EM) for line in lines]
    cache: dict[int, list[_Item]] = {}
    tables: list[AlignedDraft] = []
    claimed: set[int] = set()
    for index, line_parts in enumerate(parts):
        if len(line_parts) < MIN_COLUMNS:
            continue
        items = [item for item in _items(index, parts, cache) if id(item.runs[0]) not in claimed]
        if len(items) < MIN_COLUMNS:
            continue
        for heading in _heading_groups(items):
            table = _grow(index, heading, parts, cache, claimed, page)
            if table is not None:
                tables.append(table)
    rest = [run for run in runs if id(run) not in claimed]
    return tables, rest


def _items(index: int, parts: list[list[list[Run]]], cache: dict[int, list[_Item]]) -> list[_Item]:
    found = cache.get(index)
    if found is None:
        found = []
        for part in parts[index]:
            line = make_line(part)
            if line.text:
                found.append(_Item(line, part))
        cache[index] = found
    return found


@dataclass(slots=True)
class _Heading:
    """A heading row of one table: its column headings, the label column's heading (if printed),
    and the x limits between which the table's items have their centres (side-by-side tables)."""

    columns: list[_Item]
    lead: _Item | None
    left: float
    right: float = float("inf")


def _heading_groups(items: list[_Item]) -> list[_Heading]:
    """The heading rows among a line's items, one per table printed side by side."""
    steps = [b.cx - a.cx for a, b in pairwise(items)]
    usual = median_low(steps)
    groups: list[list[_Item]] = [[items[0]]]
    for step, item in zip(steps, items[1:], strict=True):
        if step > SPLIT_PITCH * usual:
            groups.append([item])
        else:
            groups[-1].append(item)
    out: list[_Heading] = []
    limit = float("-inf")
    lead: _Item | None = None
    for group in groups:
        if len(group) == 1 and lead is None:
            lead = group[0]  # a lone item left of a table's headings heads its label column
            continue
        if len(group) >= MIN_COLUMNS and all(is_heading(item.line.text) for item in group):
            if out:
                out[-1].right = limit
            out.append(_Heading(group, lead, limit))
        lead = None
        limit = group[-1].line.x1 + group[-1].line.size
    return out


def _grow(
    index: int,
    heading: _Heading,
    parts: list[list[list[Run]]],
    cache: dict[int, list[_Item]],
    claimed: set[int],
    page: int,
) -> AlignedDraft | None:
    """The table under a heading row: the body rows that fit its columns, or None when it is no table."""
    columns = heading.columns
    em = median_low([item.line.size for item in columns])
    centres = [item.cx for item in columns]
    middles = [(a + b) / 2 for a, b in pairwise(centres)]
    first = centres[0] - (centres[1] - centres[0]) / 2
    last = centres[-1] + (centres[-1] - centres[-2]) / 2
    rows: list[tuple[list[_Item], dict[int, _Item]]] = [
        ([heading.lead] if heading.lead else [], dict(enumerate(columns)))
    ]
    bottom = max(item.line.bottom for item in columns)
    for j in range(index + 1, len(parts)):
        if min(run.top for part in parts[j] for run in part) - bottom > ROW_GAP_EM * em:
            break
        items = [
            item
            for item in _items(j, parts, cache)
            if heading.left <= item.cx < heading.right and id(item.runs[0]) not in claimed
        ]
        if not items:
            continue  # a line of the tables beside this one only
        placed = _place(items, columns, middles, first, last, em)
        if placed is None:
            break
        rows.append(placed)
        bottom = max(item.line.bottom for item in items)
    body = rows[1:]
    if not body:
        return None
    full = any(len(cells) >= MIN_COLUMNS for _, cells in body)
    if not full and not all(_YEAR_RE.match(item.line.text) for item in columns):
        return None
    for labels, cells in rows:
        for item in [*labels, *cells.values()]:
            claimed.update(id(run) for run in item.runs)
    return _draft(rows, len(columns), em, page)


def _place(
    items: list[_Item], columns: list[_Item], middles: list[float], first: float, last: float, em: float
) -> tuple[list[_Item], dict[int, _Item]] | None:
    """A line's items as (label items, cell per column index), or None when an item fits no column."""
    labels: list[_Item] = []
    cells: dict[int, _Item] = {}
    for item in items:
        if item.cx < first:
            if labels or cells or item.line.x1 > columns[0].line.x0 + em:
                return None  # one label, left of every cell and clear of the first column
            labels.append(item)
            continue
        if item.cx > last:
            return None
        k = bisect_right(middles, item.cx)
        column = columns[k].line
        if k in cells or item.line.x1 < column.x0 - em or item.line.x0 > column.x1 + em:
            return None
        # A cell stays clear of the neighbouring columns' headings (running text reaches across them).
        if (k > 0 and item.line.x0 <= columns[k - 1].line.x1) or (
            k + 1 < len(columns) and item.line.x1 >= columns[k + 1].line.x0
        ):
            return None
        cells[k] = item
    return labels, cells


def _draft(rows: list[tuple[list[_Item], dict[int, _Item]]], count: int, em: float, page: int) -> AlignedDraft:
    """The draft of a table: texts, column extents (the label column first when any row has a label), row bands."""
    labelled = any(labels for labels, _ in rows)
    spans: list[list[float]] = [[float("inf"), float("-inf")] for _ in range(count + labelled)]
    texts: list[tuple[str, ...]] = []
    bands: list[tuple[float, float]] = []
    for labels, cells in rows:
        placed = [(0, item) for item in labels] + [(k + labelled, item) for k, item in cells.items()]
        for k, item in placed:
            spans[k][0] = min(spans[k][0], item.line.x0)
            spans[k][1] = max(spans[k][1], item.line.x1)
        row = [" ".join(item.line.text for item in labels)] if labelled else []
        row += [cells[k].line.text if k in cells else "" for k in range(count)]
        texts.append(tuple(row))
        bands.append((min(item.line.top for _, item in placed), max(item.line.bottom for _, item in placed)))
    columns = tuple((x0, x1) for x0, x1 in spans)
    return AlignedDraft(tuple(texts), columns, tuple(bands), em, page)
