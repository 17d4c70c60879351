"""The 工程 grid and the 指標 rows of a card, read from its table rows.

Shared by every card layout that prints a schedule grid (a year heading row, then
activity rows with `→` arrows) followed by indicator rows (a name and headings such
as `現状値 (2年度)`, then a row of values). The dumps place these cells at drifting
column positions, so nothing here trusts a column index on its own:

* schedule cells are mapped to the year heading at or left of their column; a row
  with text left of the first year column was shifted left by the dump, and is
  shifted back;
* indicator values are the non-empty cells of a value row, in order, assigned to
  the headings of the oldest header row not yet given values (docs/layouts.md §1:
  aligning values to heading columns fails on 32 of 99 rows; order never does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from extractors.model import Finding, RawIndicator, RawScheduleCell, RawScheduleRow, RawValue
from pipeline.blocks import BBox, Row
from recognizers.schedule import is_continuation
from recognizers.years import read_year_heading

SCHEDULE_MARK = "工程"
INDICATOR_MARK = "指標"
# Heading words of an indicator header and the value kind each one announces.
HEADING_KINDS: tuple[tuple[str, str], ...] = (
    ("現状値", "baseline"),
    ("中間目標", "interim_target"),
    ("中間値", "interim_target"),
    ("最終目標", "final_target"),
    ("最終値", "final_target"),
)
KIND_ORDER = ("baseline", "interim_target", "final_target")
_HEADING_RE = regex.compile(
    r"^(?P<word>現状値|中間目標|中間値|最終目標|最終値)\s*(?P<year>[（(][^()（）]*[)）])?\s*(?P<rest>.*)$", regex.DOTALL
)
_PACKED_NAME_RE = regex.compile(r"^上段\s*[:：]\s*(?P<upper>.+?)\s*下段\s*[:：]\s*(?P<lower>.+)$", regex.DOTALL)
_PACKED_VALUE_RE = regex.compile(r"^(?P<upper>[^()（）]+?)\s*[（(](?P<lower>[^()（）]+)[)）]$")
_SUBHEADING_RE = regex.compile(r"^【[^】]+】$")


def nonempty(cells: Sequence[str]) -> list[tuple[int, str]]:
    """(column, text) of the non-empty cells of a row."""
    return [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]


def is_year_heading_row(cells: Sequence[str]) -> bool:
    """A schedule heading row: two or more cells, all of them fiscal-year headings (`recognizers.years`)."""
    texts = [t for _, t in nonempty(cells)]
    return len(texts) >= 2 and all(read_year_heading(t) is not None for t in texts)


def heading_of(text: str) -> tuple[str, str, str] | None:
    """(kind, heading, value printed inside the heading cell) for an indicator heading cell."""
    match = _HEADING_RE.match(text.strip())
    if not match:
        return None
    kind = dict(HEADING_KINDS)[match["word"]]
    heading = (match["word"] + (match["year"] or "")).strip()
    return kind, heading, match["rest"].strip()


@dataclass
class _Header:
    name: str
    headings: list[tuple[str, str]]  # (kind, heading)
    inline_values: list[str]
    row: Row  # the header row: where the indicator is printed
    filled: bool = False

    @property
    def line(self) -> int | None:
        """The header row's line in a text dump."""
        return self.row.line


@dataclass
class GridResult:
    """Schedule rows, indicators and findings read from one card's rows."""

    schedule: list[RawScheduleRow] = field(default_factory=list)
    indicators: list[RawIndicator] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class CardGridReader:
    """Feeds on the rows of one card after its description, in order.

    `final_year_label` is the heading used for a final value whose header did not
    print one (docs/layouts.md §1, §3: headers missing 最終目標 while the values are complete).
    """

    def __init__(self, card_path: str) -> None:
        self.card_path = card_path
        self.result = GridResult()
        self.section: str | None = None
        self._year_cols: list[tuple[int, str]] = []
        self._headers: list[_Header] = []
        self._name_parts: list[str] = []
        self._label: str | None = None
        self._previous_cells: tuple[RawScheduleCell, ...] = ()

    # -- sections -----------------------------------------------------------------
    def feed(self, row: Row) -> None:
        """Read one row of the card."""
        cells = [c.strip() for c in row.texts]
        texts = [t for _, t in nonempty(cells)]
        if not texts:
            return
        if texts == [SCHEDULE_MARK]:
            self.section = "schedule"
            return
        if texts[0] == INDICATOR_MARK and all(t == INDICATOR_MARK for t in texts):
            self.section = "indicators"
            return
        if is_year_heading_row(cells):
            self.section = "schedule"
            self._year_cols = nonempty(cells)
            return
        if self.section == "schedule" and self._year_cols:
            self._schedule_row(cells, row)
        elif self.section == "indicators":
            self._indicator_row(cells, row)

    # -- schedule -----------------------------------------------------------------
    def _year_for(self, col: int) -> str:
        label = self._year_cols[0][1]
        for year_col, year_label in self._year_cols:
            if year_col <= col:
                label = year_label
        return label

    def _schedule_row(self, cells: list[str], row: Row) -> None:
        found = nonempty(cells)
        shift = max(0, self._year_cols[0][0] - found[0][0])
        if len(found) == 1 and _SUBHEADING_RE.match(found[0][1]):
            # A sub-heading such as 【須崎公園 2期】 labels the rows below it.
            self._label = found[0][1]
            return
        placed: dict[str, str] = {}
        for col, text in found:
            year = self._year_for(col + shift)
            placed[year] = f"{placed[year]}\n{text}" if year in placed else text
        raw_cells = tuple(RawScheduleCell(year, text) for year, text in placed.items())
        continues = None
        if raw_cells and is_continuation(raw_cells[0].text):
            # A row that opens with an arrow continues the activity in force in the row printed
            # above it, in the arrow's year (000 l.861 continues l.860's 4年度 text in 5年度).
            order = [label for _, label in self._year_cols]
            start = order.index(raw_cells[0].year_label)
            carried = [
                c.text
                for c in self._previous_cells
                if order.index(c.year_label) <= start and not is_continuation(c.text)
            ]
            continues = carried[-1] if carried else None
        self.result.schedule.append(
            RawScheduleRow(
                label=self._label, cells=raw_cells, line=row.line, continues=continues, page=row.page, bbox=row.bbox
            )
        )
        self._previous_cells = raw_cells

    # -- indicators ---------------------------------------------------------------
    def _indicator_row(self, cells: list[str], row: Row) -> None:
        found = nonempty(cells)
        heads = [(i, heading_of(t)) for i, t in found]
        first_heading = next((pos for pos, (_, h) in enumerate(heads) if h), None)
        if first_heading is not None:
            name_parts = [*self._name_parts, *(t for _, t in found[:first_heading])]
            self._name_parts = []
            headings = [h for _, h in heads[first_heading:] if h]
            extra = [found[pos][1] for pos, (_, h) in enumerate(heads) if pos > first_heading and not h]
            header = _Header(
                name=" ".join(name_parts),
                headings=[(k, hd) for k, hd, _ in headings],
                inline_values=[v for _, _, v in headings if v] + extra,
                row=row,
            )
            if header.inline_values:
                self._emit(header, header.inline_values, row, [row.bbox] * len(header.inline_values))
            else:
                self._headers.append(header)
            return
        pending = next((h for h in self._headers if not h.filled), None)
        if pending is None:
            # Text before a header: part of the next indicator's name.
            self._name_parts.extend(t for _, t in found)
            return
        boxes = [row.cells[i].bbox if i < len(row.cells) else None for i, _ in found]
        self._emit(pending, [t for _, t in found], row, boxes)

    def _emit(self, header: _Header, values: list[str], row: Row, boxes: list[BBox | None]) -> None:
        """Values of one header, in printed order; each keeps the page, line and box of its cell."""
        header.filled = True
        names = [header.name]
        packed = _PACKED_NAME_RE.match(header.name)
        columns: list[list[str]] = [values]
        if packed:
            names = [packed["upper"], packed["lower"]]
            splits = [_PACKED_VALUE_RE.match(v) for v in values]
            if all(splits):
                columns = [[m["upper"] for m in splits if m], [m["lower"] for m in splits if m]]
            else:
                names = [header.name]
                self._finding("packed_values_unsplit", f"{header.name!r}: {values!r}")
        for name, column in zip(names, columns, strict=False):
            raw_values = [
                replace(value, page=row.page, line=row.line, bbox=box)
                for value, box in zip(self._assign(header, column), boxes, strict=False)
            ]
            self.result.indicators.append(
                RawIndicator(
                    name=name, values=tuple(raw_values), line=header.line, page=header.row.page, bbox=header.row.bbox
                )
            )

    def _assign(self, header: _Header, values: list[str]) -> list[RawValue]:
        headings = list(header.headings)
        if len(values) > len(headings):
            kinds_present = {k for k, _ in headings}
            missing = [k for k in KIND_ORDER if k not in kinds_present]
            if len(values) - len(headings) <= len(missing):
                for kind in missing[: len(values) - len(headings)]:
                    headings.append((kind, ""))
                self._finding(
                    "heading_missing",
                    f"{header.name!r}: header prints {len(header.headings)} headings for {len(values)} values; "
                    "the missing final target takes the grid's last year",
                    status="warning",
                )
                headings.sort(key=lambda kh: KIND_ORDER.index(kh[0]) if kh[0] in KIND_ORDER else 9)
            else:
                self._finding("values_unassigned", f"{header.name!r}: {values[len(headings) :]!r}")
        if len(values) < len(headings):
            # A target cell merged over the interim and final columns (000 l.1283): it is the final target.
            assigned = [*zip(headings[: len(values) - 1], values[:-1], strict=False), (headings[-1], values[-1])]
            self._finding(
                "merged_value_cell",
                f"{header.name!r}: {len(values)} values under {len(headings)} headings; "
                "the last value is read as the last heading's",
                status="warning",
            )
        else:
            assigned = list(zip(headings, values, strict=False))
        hint = self.last_year_label
        return [RawValue(kind=k, heading=hd, text=v, year_hint=None if hd else hint) for (k, hd), v in assigned]

    def _finding(self, check: str, detail: str, status: str = "error") -> None:
        finding = Finding(check=check, status=status, detail=f"{self.card_path}: {detail}", path=self.card_path)
        self.result.findings.append(finding)

    def finish(self) -> GridResult:
        """Close the card: headers that never got values are reported, not dropped."""
        for header in self._headers:
            if not header.filled:
                self.result.indicators.append(
                    RawIndicator(
                        name=header.name, values=(), line=header.line, page=header.row.page, bbox=header.row.bbox
                    )
                )
                self._finding("indicator_without_values", repr(header.name), status="warning")
        if self._name_parts:
            self._finding("indicator_text_unassigned", repr(" ".join(self._name_parts)))
        return self.result

    @property
    def last_year_label(self) -> str | None:
        """The grid's last year heading (`6年度`), where a grid was printed."""
        return self._year_cols[-1][1] if self._year_cols else None


def read_grid(card_path: str, rows: Sequence[Row]) -> tuple[GridResult, str | None]:
    """Read a card's schedule and indicators from its rows: (result, last year heading)."""
    reader = CardGridReader(card_path)
    for row in rows:
        reader.feed(row)
    return reader.finish(), reader.last_year_label
