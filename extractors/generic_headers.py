"""Header rows of a table and what they make of the rows under them, for the generic profile.

A header names its columns with labels (`No | 事業名 | 主管課`), a run of fiscal years, value
headings (`現状値（2014年度）| 目標値（2019年度）`) or a schedule column of sentences; `header_mode`
turns it into a `Mode`. The rest places values under their headings and carries a header over
to a body printed apart from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.generic_state import Mode
from extractors.model import RawValue
from recognizers.figures import is_figures
from recognizers.grid import GridRow
from recognizers.hierarchy import NUMBERING_STYLES, Heading, read_heading
from recognizers.indicators import ValueHeading, is_name_heading, value_headings
from recognizers.labels import header_labels, measures_label
from recognizers.schedule import is_schedule_marker
from recognizers.vocabulary import meaning
from recognizers.years import YearColumn, year_run


def header_mode(texts: list[str], colspans: tuple[int, ...] = (), era: str = "令和") -> Mode | None:
    """How the rows under a header row are read (a list, years, values, sentences), or None for no header."""
    labels = header_labels(texts)
    run = year_run(texts, era)
    if not run and (measures := measures_label(texts, labels)) is not None:
        labels = {**labels, measures.column: measures}  # `目標 | 推進者`: the measures are the list's titles
    years = {y.column for y in run or ()}
    others = [i for i, t in enumerate(texts) if t and i not in labels and i not in years]
    fields = {label.field for label in labels.values()}
    # Other columns of a list header are attribute headings (款項目, 予算額), never values.
    if "title" in fields and ("departments" in fields or run) and not any(is_figures(texts[i]) for i in others):
        return Mode(
            "list", labels=labels, years=run or [], header=tuple(texts), year_limit=limit_after(texts, run or [])
        )
    markers = [i for i, t in enumerate(texts) if t and is_schedule_marker(t)]
    if markers and not run and labels and len(markers) == 1:
        # `取組内容 | スケジュール`: the schedule column holds sentences (`令和6年度から実施`).
        return Mode("sentences", labels=labels, header=tuple(texts), schedule_column=markers[0])
    headings = value_headings(texts, era)
    if headings:
        first = headings[0].column
        value_cols = {h.column for h in headings}
        name_cols = tuple(i for i, t in enumerate(texts) if t and i < first and is_name_heading(t))
        unit_col = next((i for i, t in enumerate(texts) if t and is_unit_heading(t)), None)
        inline = [t for i, t in enumerate(texts) if t and i < first and i not in name_cols and i != unit_col]
        stray = [i for i, t in enumerate(texts) if t and i > first and i not in value_cols and i != unit_col]
        # `達成状況 | 備考` right of the values are the indicator's notes; another heading there is no KPI header.
        if any(i < max(value_cols) or meaning("attribute_label", texts[i]) is None for i in stray):
            return None
        return Mode(
            "values",
            values=headings,
            name_columns=name_cols or tuple(range(first)),
            unit_column=unit_col,
            pending_name=" ".join(inline) if inline and not name_cols else None,
            header=tuple(texts),
            note_columns=tuple(stray),
        )
    if run:
        split = any(c.column < len(colspans) and colspans[c.column] > 1 for c in run)
        unit_col = next((i for i, t in enumerate(texts) if t and is_unit_heading(t)), None)
        return Mode(
            "years",
            years=run,
            labels=labels,
            header=tuple(texts),
            split_years=split,
            unit_column=unit_col,
            year_limit=limit_after(texts, run),
        )
    return None


def carries(mode: Mode, header_last: bool) -> bool:
    """Whether the rows of the next table printed apart are read under this table's header.

    KPI rows go on in the next table; a schedule's, a list's or a `スケジュール` column's rows only under
    a header that read no row in its own table (a list header with only its group headings under it).
    """
    if mode.kind == "values":
        return True
    if mode.kind in ("years", "sentences"):
        return header_last and not mode.schedule
    return mode.kind == "list" and mode.read == 0


def without_leading_columns(mode: Mode, extra: int) -> Mode:
    """The header for a body printed apart from it with `extra` columns fewer: the empty columns left
    of its first heading are dropped (its table had them for a heading row beside the header)."""
    shift = min(extra, next((i for i, t in enumerate(mode.header) if t), 0))
    if shift <= 0:
        return mode

    def moved(columns: Sequence[int]) -> tuple[int, ...]:
        return tuple(c - shift for c in columns if c >= shift)

    return replace(
        mode,
        values=[replace(h, column=h.column - shift) for h in mode.values],
        years=[replace(y, column=y.column - shift) for y in mode.years],
        labels={c - shift: label for c, label in mode.labels.items() if c >= shift},
        name_columns=moved(mode.name_columns),
        note_columns=moved(mode.note_columns),
        unit_column=mode.unit_column - shift if mode.unit_column is not None else None,
        year_limit=mode.year_limit - shift if mode.year_limit is not None else None,
        header=mode.header[shift:],
    )


def heading_row(found: list[tuple[int, str]]) -> Heading | None:
    """A row that prints a heading: in one cell, or its word and number apart from its name (`基本目標1 | 地域の…`)."""
    if len(found) == 1:
        return read_heading(found[0][1])
    if len(found) != 2 or not (heading := read_heading(f"{found[0][1]} {found[1][1]}")):
        return None
    # A hierarchy word's heading whose name is the second cell; numbering alone (`1-9 | …`) is a list's row.
    named = heading.number and heading.style not in NUMBERING_STYLES and heading.name == found[1][1].strip()
    return heading if named else None


def assign_values(
    headings: list[ValueHeading], cells: list[tuple[int, str]], width: int, grid_row: GridRow
) -> list[RawValue] | None:
    """Values under their headings: by column where each value sits in a heading's column range, else in order."""
    bounds = [(h, h.column, headings[i + 1].column if i + 1 < len(headings) else width) for i, h in enumerate(headings)]
    row = grid_row.row

    def value(heading: ValueHeading, column: int, text: str) -> RawValue:
        bbox = grid_row.bboxes[column] if column < len(grid_row.bboxes) else None
        return RawValue(heading.kind, heading.text, text, year=heading.year, page=row.page, line=row.line, bbox=bbox)

    placed: dict[int, list[tuple[int, str]]] = {}
    for column, text in cells:
        slot = next((k for k, (_, start, end) in enumerate(bounds) if start <= column < end), None)
        if slot is None:
            placed = {}
            break
        placed.setdefault(slot, []).append((column, text))
    if placed and all(len(v) == 1 for v in placed.values()):
        return [value(bounds[k][0], *placed[k][0]) for k in sorted(placed)]
    if len(cells) == len(headings):
        return [value(h, column, text) for h, (column, text) in zip(headings, cells, strict=True)]
    return None


def limit_after(header: Sequence[str], years: Sequence[YearColumn]) -> int | None:
    """The first column right of the last year that the header names (`備考`): years stop there."""
    if not years:
        return None
    last = years[-1].column
    return next((i for i in range(last + 1, len(header)) if header[i].strip()), None)


def is_unit_heading(text: str) -> bool:
    """A unit column's heading (`単位`)."""
    return meaning("unit_heading", text) is not None
