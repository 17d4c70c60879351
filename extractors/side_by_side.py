"""Charts printed side by side: one table of a dump holding several year grids in a row.

A 経営比較分析表 prints four charts abreast, each a title over its axis ticks, its years
(`H22 … H26`) and its `当該値` / `平均値` rows. A layout dump runs them into one table whose
year row restarts: `88.00 | H22 | … | H26 | 0.00 | H22 | … | H26 | …`. Each run of increasing
years heads a chart of its own: its columns are the run's and the one left of it (the row
labels, and the axis ticks above them). Its title is the text printed over those columns above
the years that names a measure with its unit (`①収益的収支比率(％)`), or the chart's place in a
row of as many titles printed just above the table; a bracketed figure over the chart
(`【992.47】`) and a section heading printed over its columns (`1. 経営の健全性・効率性`) are kept
with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from pipeline.blocks import Cell, Row, Table
from recognizers.figures import is_figures
from recognizers.grid import GridRow
from recognizers.hierarchy import read_heading
from recognizers.indicators import read_bracketed_figure
from recognizers.years import year_runs

_UNIT_END_RE = regex.compile(r"[(（][^()（）]{1,8}[)）]$")


@dataclass(frozen=True)
class Chart:
    """One chart of a row of charts: its title and bracketed figure as printed, and its own table."""

    title: str | None
    figure: str | None
    table: Table
    heading: str | None = None  # a section heading printed over its columns (`1. 経営の健全性・効率性`): over the row


def split_charts(table: Table, grid: list[GridRow], titles: Sequence[str], era: str = "令和") -> list[Chart] | None:
    """The charts of a table whose year row restarts, or None when no row does.

    `titles` are the texts of a row of titles printed just above the table (none when there is none).
    """
    found = next(((r, runs) for r, g in enumerate(grid) if len(runs := year_runs(g.texts, era)) >= 2), None)
    if found is None:
        return None
    years_row, runs = found
    bounds = [(run[0] - 1, run[-1] + 1) for run in runs]
    if bounds[0][0] < 0 or any(a[1] > b[0] for a, b in pairwise(bounds)):
        return None  # no label column left of a run: not a chart's grid
    charts = []
    for index, (start, end) in enumerate(bounds):
        above = [t.strip() for g in grid[:years_row] for t in g.texts[start:end] if t.strip()]
        # A chart's title names what it measures with its unit (`…比率(％)`); notes (`該当数値なし`) do not.
        title = next((t for t in above if _UNIT_END_RE.search(t) and not is_figures(t)), None)
        if title is None and len(titles) == len(bounds):
            title = titles[index]
        figure = next((f for t in above if (f := read_bracketed_figure(t)) is not None), None)
        heading = next((t for t in above if t != title and (h := read_heading(t)) and h.style != "circled"), None)
        rows = tuple(
            Row(_cells(g, start, end), line=g.row.line, page=g.row.page)
            for g in grid[years_row:]
            if any(t.strip() for t in g.texts[start:end])
        )
        charts.append(Chart(title, figure, Table(rows, origin=table.origin, line=table.line, page=table.page), heading))
    return charts


def _cells(grid_row: GridRow, start: int, end: int) -> tuple[Cell, ...]:
    """The row's cells in columns `start`..`end`-1, empty ones where the row stops short."""
    texts, boxes = grid_row.texts, grid_row.bboxes
    return tuple(
        Cell(texts[i] if i < len(texts) else "", bbox=boxes[i] if i < len(boxes) else None) for i in range(start, end)
    )
