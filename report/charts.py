"""Figure builders: pure functions from table rows to plotly figure dicts (`{"data": …, "layout": …}`).

The dicts are what Plotly.newPlot takes; pages.py serializes them with sorted keys, so a figure's
JSON depends only on its rows. Nothing here reads files or knows about HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from report.load import Indicator, ScheduleCell, Value

Figure = dict[str, Any]

#: Kinds of the plan's own baseline → interim → final line, in the order they stand in a year.
PLAN_KINDS = ("baseline", "interim_target", "final_target")
_KIND_RANK = {kind: rank for rank, kind in enumerate((*PLAN_KINDS, "target", "actual"))}
_SERIES_NAMES = {"plan": "baseline → interim → final", "target": "target by year", "actual": "actual"}
_SYMBOLS = {
    "baseline": "circle",
    "interim_target": "diamond",
    "final_target": "star",
    "target": "square",
    "actual": "circle",
}
_COLORS = {"plan": "#1f5fa8", "target": "#d9822b", "actual": "#2e8540"}
_OTHER_COLORS = ("#7b5ea7", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
# A cell printing only a dash says "nothing": no activity to draw in a grid, no value to note on a chart.
_NOTHING = frozenset("-－―‐−ー—")
_FONT = {"family": "IPAPGothic, 'Noto Sans CJK JP', 'Hiragino Sans', Meiryo, sans-serif", "size": 12}
# Characters of activity text that fit in one fiscal year's width of a schedule bar (the rest is in the hover).
_CHARS_PER_YEAR = 11


@dataclass(frozen=True)
class ScheduleBar:
    """One bar of a schedule chart: an activity in force over consecutive fiscal years of one grid row."""

    row_no: int
    row: str  # the y-axis category: the row number and its label
    start: int  # first fiscal year
    end: int  # last fiscal year (inclusive)
    activity: str
    carried: bool  # the bar opens with an arrow: it continues the activity of the row above
    cells: tuple[str, ...]  # `2021 新電子申請システム導入`, `2022 →`: the cells as printed


@dataclass(frozen=True)
class Point:
    """One value on an indicator chart."""

    fiscal_year: int
    value: float
    text: str  # value_text as printed
    kind: str


@dataclass(frozen=True)
class ValueSeries:
    """One line of an indicator chart: the plan's baseline → targets, targets by year, actuals, or a comparison row."""

    key: str  # plan / target / actual / another kind / `series:<label>`
    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class DocumentCount:
    """Values of one document for the index chart."""

    document_id: str
    label: str  # hover text: the document's title
    numeric: int
    other: int  # values printed as text, pending, not applicable …


def _row_category(row_no: int, label: str | None) -> str:
    return f"{row_no} {_shorten(label, 12)}" if label else str(row_no)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> str:
    """A chart label: 5583.0 → `5,583`, 78.6 → `78.6`."""
    return f"{int(value):,}" if value.is_integer() else f"{value:,.6g}"


def _has_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not set(stripped) <= _NOTHING


def schedule_bars(cells: Sequence[ScheduleCell]) -> tuple[ScheduleBar, ...]:
    """The bars of one card's schedule grid, rows in order, each row's bars in year order.

    A printed cell starts a bar; a `continued` cell (an arrow) in the next year extends it. A dash or an
    empty cell ends it, and so does a year the grid skips. Cells without a fiscal year are not drawn.
    """
    rows: dict[int, list[ScheduleCell]] = {}
    for cell in cells:
        if cell.fiscal_year is not None:
            rows.setdefault(cell.row_no, []).append(cell)
    bars: list[ScheduleBar] = []
    for row_no in sorted(rows):
        row_cells = sorted(rows[row_no], key=lambda c: c.fiscal_year or 0)
        label = next((c.row_label for c in row_cells if c.row_label), None)
        category = _row_category(row_no, label)
        current: ScheduleBar | None = None
        for cell in row_cells:
            year = cell.fiscal_year or 0
            if not _has_content(cell.activity):
                if current:
                    bars.append(current)
                current = None
                continue
            printed = f"{year} {cell.cell_text}"
            if current and cell.continued and year == current.end + 1 and cell.activity == current.activity:
                current = ScheduleBar(
                    row_no, category, current.start, year, current.activity, current.carried, (*current.cells, printed)
                )
                continue
            if current:
                bars.append(current)
            current = ScheduleBar(row_no, category, year, year, cell.activity, cell.continued, (printed,))
        if current:
            bars.append(current)
    return tuple(bars)


def _year_ticks(cells: Sequence[ScheduleCell], years: Sequence[int]) -> list[str]:
    """Tick labels: the Gregorian year over the heading as printed (`2021<br>3年度`)."""
    printed: dict[int, str] = {}
    for cell in cells:
        if cell.fiscal_year is not None and cell.year_label and cell.fiscal_year not in printed:
            printed[cell.fiscal_year] = cell.year_label
    return [
        f"{year}<br>{printed[year]}" if year in printed and str(year) not in printed[year] else str(year)
        for year in years
    ]


def schedule_figure(cells: Sequence[ScheduleCell]) -> Figure | None:
    """A Gantt-like chart of one card's schedule: fiscal years across, one line per grid row; None when no bar."""
    bars = schedule_bars(cells)
    if not bars:
        return None
    first = min(c.fiscal_year for c in cells if c.fiscal_year is not None)
    last = max(c.fiscal_year for c in cells if c.fiscal_year is not None)
    years = list(range(first, last + 1))
    categories = list(dict.fromkeys(bar.row for bar in bars))
    trace = {
        "type": "bar",
        "orientation": "h",
        "y": [bar.row for bar in bars],
        "base": [bar.start - 0.45 for bar in bars],
        "x": [bar.end - bar.start + 0.9 for bar in bars],
        "text": [_shorten(bar.activity, _CHARS_PER_YEAR * (bar.end - bar.start + 1)) for bar in bars],
        "textposition": "inside",
        "insidetextanchor": "start",
        "textfont": {"color": "#ffffff"},
        "hovertext": [
            f"row {bar.row_no}: {bar.activity}<br>{bar.start}–{bar.end}<br>" + "<br>".join(bar.cells) for bar in bars
        ],
        "hoverinfo": "text",
        "marker": {"color": ["#7fa7d4" if bar.carried else "#1f5fa8" for bar in bars]},
        "showlegend": False,
    }
    return {
        "data": [trace],
        "layout": {
            "barmode": "overlay",
            "height": 70 + 30 * len(categories),
            "margin": {"l": 120, "r": 10, "t": 40, "b": 10},
            "font": _FONT,
            "xaxis": {
                "range": [first - 0.5, last + 0.5],
                "tickvals": years,
                "ticktext": _year_ticks(cells, years),
                "side": "top",
                "showgrid": True,
                "zeroline": False,
                "fixedrange": True,
            },
            "yaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": categories,
                "autorange": "reversed",
                "automargin": True,  # long row labels widen the margin instead of being cut off
                "fixedrange": True,
            },
            "plot_bgcolor": "#f7f9fc",
        },
    }


def indicator_series(values: Sequence[Value]) -> tuple[ValueSeries, ...]:
    """The lines of one indicator's chart, from its numeric values that have a fiscal year.

    The plan's own baseline, interim and final targets make one line in year order; targets by year,
    actuals and any other kind make one line each; a comparison row (`series`, e.g. 平均値) its own line.
    """
    groups: dict[str, list[Point]] = {}
    for value in values:
        if value.value is None or value.fiscal_year is None:
            continue
        key = f"series:{value.series}" if value.series else "plan" if value.kind in PLAN_KINDS else value.kind
        groups.setdefault(key, []).append(Point(value.fiscal_year, value.value, value.value_text, value.kind))
    ordered: list[str] = [key for key in ("plan", "target", "actual") if key in groups]
    ordered += sorted(key for key in groups if key not in ordered and not key.startswith("series:"))
    ordered += sorted(key for key in groups if key.startswith("series:"))
    return tuple(
        ValueSeries(
            key,
            _SERIES_NAMES.get(key, key.removeprefix("series:")),
            tuple(sorted(groups[key], key=lambda p: (p.fiscal_year, _KIND_RANK.get(p.kind, 99)))),
        )
        for key in ordered
    )


def indicator_figure(indicator: Indicator, values: Sequence[Value]) -> Figure | None:
    """A small chart of one indicator's values by fiscal year (unit on the y axis); None when none is a number."""
    series = indicator_series(values)
    if not series:
        return None
    traces = []
    for index, line in enumerate(series):
        color = _COLORS.get(line.key, _OTHER_COLORS[index % len(_OTHER_COLORS)])
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers+text",
                "name": line.name,
                "x": [p.fiscal_year for p in line.points],
                "y": [p.value for p in line.points],
                # The number alone, not the printed text (`150手続／800手続`), which is in the hover and the table.
                "text": [] if line.key.startswith("series:") else [_number(p.value) for p in line.points],
                "textposition": "bottom center" if line.key == "actual" else "top center",
                "cliponaxis": False,
                "hovertext": [f"{p.kind} {p.fiscal_year}: {p.text}" for p in line.points],
                "hoverinfo": "text",
                "line": {"color": color, "dash": "dot" if line.key.startswith("series:") else "solid"},
                "marker": {"color": color, "size": 9, "symbol": [_SYMBOLS.get(p.kind, "circle") for p in line.points]},
            }
        )
    notes = unplotted_notes(values)
    years = sorted({p.fiscal_year for line in series for p in line.points} | {note["x"] for note in notes})
    unit = indicator.unit or next((v.unit for v in values if v.unit), None)
    return {
        "data": traces,
        "layout": {
            "height": 250,
            "margin": {"l": 55, "r": 20, "t": 25, "b": 30},
            "font": _FONT,
            "showlegend": True,
            "legend": {"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top"},
            "xaxis": {
                "tickvals": years,
                "ticktext": [str(year) for year in years],
                "range": [years[0] - 0.6, years[-1] + 0.6],
                "fixedrange": True,
            },
            "yaxis": {"title": {"text": unit or ""}, "fixedrange": True, "rangemode": "normal"},
            "annotations": notes,
            "plot_bgcolor": "#f7f9fc",
        },
    }


def unplotted_notes(values: Sequence[Value]) -> list[dict[str, Any]]:
    """Annotations at the foot of an indicator chart for values of a fiscal year that are not numbers
    (`※`, `現状以上`), so a pending final target still shows in its year; stacked upwards within a year.
    Dashes and `not_applicable` values say there is nothing, so they get no note."""
    notes: list[dict[str, Any]] = []
    per_year: dict[int, int] = {}
    for value in sorted(values, key=lambda v: (v.fiscal_year or 0, _KIND_RANK.get(v.kind, 99))):
        if value.value is not None or value.fiscal_year is None or not _has_content(value.value_text):
            continue
        if value.status == "not_applicable":
            continue
        stacked = per_year.get(value.fiscal_year, 0)
        per_year[value.fiscal_year] = stacked + 1
        notes.append(
            {
                "x": value.fiscal_year,
                "xref": "x",
                "y": 0.03 + 0.12 * stacked,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": f"{value.kind}: {_shorten(value.value_text, 12)}",
                "hovertext": f"{value.kind} {value.fiscal_year}: {value.value_text} ({value.status})",
                "font": {"color": "#6b7785", "size": 10},
                "bgcolor": "#ffffff",
            }
        )
    return notes


def values_per_document_figure(counts: Sequence[DocumentCount]) -> Figure:
    """The index's bar chart: values per document, numeric values and the rest stacked."""
    labels = [count.document_id for count in counts]
    hover = [count.label for count in counts]

    def trace(name: str, xs: list[int], color: str) -> dict[str, Any]:
        return {
            "type": "bar",
            "orientation": "h",
            "name": name,
            "y": labels,
            "x": xs,
            "text": [str(x) if x else "" for x in xs],
            "textposition": "inside",
            "hovertext": [f"{label}: {x} {name}" for label, x in zip(hover, xs, strict=True)],
            "hoverinfo": "text",
            "marker": {"color": color},
        }

    return {
        "data": [
            trace("numeric values", [count.numeric for count in counts], "#1f5fa8"),
            trace("other values (text, pending, n/a …)", [count.other for count in counts], "#b0bccb"),
        ],
        "layout": {
            "barmode": "stack",
            "height": 90 + 32 * max(len(counts), 1),
            "margin": {"l": 320, "r": 20, "t": 40, "b": 30},
            "font": _FONT,
            "legend": {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "traceorder": "normal"},
            "xaxis": {"fixedrange": True},
            "yaxis": {"type": "category", "autorange": "reversed", "fixedrange": True},
            "plot_bgcolor": "#f7f9fc",
        },
    }
