"""Figure builders of the report: schedule bars, indicator points, the index chart."""

from __future__ import annotations

import plotly.graph_objects as go

from report.charts import (
    DocumentCount,
    indicator_figure,
    indicator_series,
    schedule_bars,
    schedule_figure,
    unplotted_notes,
    values_per_document_figure,
)
from report.load import Indicator, ScheduleCell, Value

CARD = "doc:1"


def cell(row_no: int, year: int | None, text: str, activity: str = "", label: str | None = None) -> ScheduleCell:
    """A schedule cell as the table prints it: an arrow continues the activity given."""
    return ScheduleCell(
        initiative_id=CARD,
        row_no=row_no,
        row_label=label,
        fiscal_year=year,
        year_label=f"{year - 2018}年度" if year else "",
        cell_text=text,
        activity=activity or text,
        continued=text == "→",
        source_page=None,
        source_bbox=None,
    )


def value(kind: str, year: int | None, number: float | None, text: str | None = None, **extra: str) -> Value:
    return Value(
        indicator_id=f"{CARD}#1",
        initiative_id=CARD,
        kind=kind,
        fiscal_year=year,
        value=number,
        value_text=text if text is not None else f"{number:g}",
        status="numeric" if number is not None else "pending",
        heading=kind,
        unit=extra.get("unit"),
        series=extra.get("series"),
        source_page=None,
        source_bbox=None,
    )


INDICATOR = Indicator(f"{CARD}#1", CARD, "オンライン手続きの割合(%)", "%", "increase", None, None)


def test_a_row_with_arrows_is_one_bar_over_its_years() -> None:
    cells = [
        cell(1, 2021, "新電子申請システム導入"),
        cell(1, 2022, "→", "新電子申請システム導入"),
        cell(1, 2023, "→", "新電子申請システム導入"),
        cell(1, 2024, "→", "新電子申請システム導入"),
    ]
    (bar,) = schedule_bars(cells)
    assert (bar.row_no, bar.start, bar.end, bar.carried) == (1, 2021, 2024, False)
    assert bar.activity == "新電子申請システム導入"
    assert bar.cells == ("2021 新電子申請システム導入", "2022 →", "2023 →", "2024 →")
    figure = schedule_figure(cells)
    assert figure is not None
    (trace,) = figure["data"]
    # The bar covers 2021-0.45 … 2024+0.45 on a year axis running 2020.5 … 2024.5.
    assert trace["base"] == [2021 - 0.45] and trace["x"] == [2024 - 2021 + 0.9] and trace["y"] == ["1"]
    assert figure["layout"]["xaxis"]["range"] == [2020.5, 2024.5]
    assert figure["layout"]["xaxis"]["tickvals"] == [2021, 2022, 2023, 2024]
    assert figure["layout"]["xaxis"]["ticktext"][0] == "2021<br>3年度"


def test_a_new_printed_cell_a_dash_or_a_skipped_year_ends_a_bar() -> None:
    cells = [
        cell(1, 2023, "システム刷新"),
        cell(1, 2024, "システム運用"),
        cell(1, 2025, "→", "システム運用"),
        cell(2, 2023, "-"),
        cell(2, 2024, "改善"),
        cell(2, 2026, "→", "改善"),  # 2025 is not in the grid row: the arrow does not bridge it
        cell(3, 2023, "→", "前の行の取組", label="【2期】"),
        cell(3, None, "年度不明"),
    ]
    bars = [(b.row, b.start, b.end, b.activity, b.carried) for b in schedule_bars(cells)]
    assert bars == [
        ("1", 2023, 2023, "システム刷新", False),
        ("1", 2024, 2025, "システム運用", False),
        ("2", 2024, 2024, "改善", False),
        ("2", 2026, 2026, "改善", True),
        ("3 【2期】", 2023, 2023, "前の行の取組", True),
    ]


def test_a_grid_without_activities_has_no_chart() -> None:
    assert schedule_figure([cell(1, 2021, "-"), cell(1, 2022, "")]) is None
    assert schedule_figure([]) is None


def test_baseline_interim_and_final_are_one_line_in_year_order() -> None:
    values = [
        value("final_target", 2024, 100.0),
        value("baseline", 2020, 78.6),
        value("interim_target", 2022, 90.0),
    ]
    (line,) = indicator_series(values)
    assert line.key == "plan"
    assert [(p.fiscal_year, p.value, p.kind) for p in line.points] == [
        (2020, 78.6, "baseline"),
        (2022, 90.0, "interim_target"),
        (2024, 100.0, "final_target"),
    ]
    figure = indicator_figure(INDICATOR, values)
    assert figure is not None
    (trace,) = figure["data"]
    assert trace["x"] == [2020, 2022, 2024] and trace["y"] == [78.6, 90.0, 100.0]
    assert trace["marker"]["symbol"] == ["circle", "diamond", "star"]
    assert trace["text"] == ["78.6", "90", "100"]
    assert figure["layout"]["yaxis"]["title"]["text"] == "%"


def test_targets_actuals_and_comparison_rows_are_separate_lines() -> None:
    values = [
        value("target", 2022, 20.0),
        value("actual", 2021, 12.0),
        value("target", 2021, 10.0),
        value("actual", 2021, 30.0, series="平均値"),
        value("actual", 2022, None, "集計中"),
    ]
    series = indicator_series(values)
    assert [(s.key, [(p.fiscal_year, p.value) for p in s.points]) for s in series] == [
        ("target", [(2021, 10.0), (2022, 20.0)]),
        ("actual", [(2021, 12.0)]),
        ("series:平均値", [(2021, 30.0)]),
    ]
    assert series[2].name == "平均値"


def test_values_that_are_not_numbers_are_notes_in_their_year() -> None:
    values = [value("baseline", 2020, 78.6), value("final_target", 2024, None, "※")]
    figure = indicator_figure(INDICATOR, values)
    assert figure is not None
    assert figure["data"][0]["x"] == [2020]
    (note,) = figure["layout"]["annotations"]
    assert (note["x"], note["text"]) == (2024, "final_target: ※")
    # The pending final target's year is on the axis too.
    assert figure["layout"]["xaxis"]["tickvals"] == [2020, 2024]
    assert unplotted_notes([value("target", None, None, "拡大"), value("actual", 2023, None, "-")]) == []


def test_an_indicator_without_numbers_has_no_chart() -> None:
    assert indicator_figure(INDICATOR, [value("final_target", 2024, None, "現状以上")]) is None


def test_values_per_document_stacks_numbers_and_the_rest() -> None:
    figure = values_per_document_figure([DocumentCount("a", "A市 プラン", 3, 1), DocumentCount("b", "B市", 0, 2)])
    numeric, other = figure["data"]
    assert numeric["y"] == ["a", "b"] and numeric["x"] == [3, 0] and other["x"] == [1, 2]
    assert figure["layout"]["barmode"] == "stack"


def test_figures_are_valid_plotly() -> None:
    values = [value("baseline", 2020, 1.0), value("final_target", 2024, None, "※")]
    figures = [
        schedule_figure([cell(1, 2021, "導入"), cell(1, 2022, "→", "導入")]),
        indicator_figure(INDICATOR, values),
        values_per_document_figure([DocumentCount("a", "A", 1, 1)]),
    ]
    for figure in figures:
        assert figure is not None
        go.Figure(figure)  # raises on a property plotly does not know
