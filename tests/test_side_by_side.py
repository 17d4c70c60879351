"""Charts printed side by side in one table of a dump: each run of years heads a chart of its own."""

from __future__ import annotations

import pytest

from extractors import generic_plan
from extractors.side_by_side import split_charts
from pipeline.blocks import Cell, Document, Page, Paragraph, Row, Table
from recognizers.grid import table_to_grid
from recognizers.years import year_runs


def _table(*rows: list[str]) -> Table:
    return Table(
        rows=tuple(Row(cells=tuple(Cell(t) for t in r), line=i + 1) for i, r in enumerate(rows)), origin="layout"
    )


ROW = _table(
    ["", "", "", "", "1. 経営の健全性・効率性", "", ""],
    ["110.00", "①収益的収支比率(％)", "", "1.00", "②経費回収率(％)", "【51.49】", ""],
    ["88.00", "H25", "H26", "0.00", "H25", "H26", "全体総括"],
    ["当該値", "107.17", "102.29", "当該値", "59.24", "63.74", ""],
    ["平均値", "", "", "平均値", "41.04", "41.08", ""],
)


@pytest.mark.parametrize(
    ("texts", "runs"),
    [
        (["88.00", "H25", "H26", "0.00", "H25", "H26"], [[1, 2], [4, 5]]),
        (["", "R5", "R6", "R7"], [[1, 2, 3]]),
        (["H26", "H25"], []),  # no run of two increasing years
    ],
    ids=["restarting", "one-run", "decreasing"],
)
def test_year_runs(texts: list[str], runs: list[list[int]]) -> None:
    assert year_runs(texts, era="平成") == runs


def test_each_run_of_years_is_a_chart_with_its_title_and_figure() -> None:
    charts = split_charts(ROW, table_to_grid(ROW), (), era="平成")
    assert charts is not None
    assert [(c.title, c.figure, c.heading) for c in charts] == [
        ("①収益的収支比率(％)", None, None),
        ("②経費回収率(％)", "51.49", "1. 経営の健全性・効率性"),
    ]
    assert [row.texts for row in charts[1].table.rows] == [
        ("0.00", "H25", "H26"),
        ("当該値", "59.24", "63.74"),
        ("平均値", "41.04", "41.08"),
    ]


def test_one_year_run_is_no_row_of_charts() -> None:
    table = _table(["", "R5", "R6"], ["目標", "10", "20"])
    assert split_charts(table, table_to_grid(table), ()) is None


def test_charts_side_by_side_read_as_indicators_under_the_heading_over_them() -> None:
    document = Document(
        path="raw/x.md",
        source_format="text",
        pages=(Page(1, (Paragraph("【】 平成26年度全国平均", line=1), ROW)),),
    )
    (card,) = generic_plan.extract(document).cards
    assert card.title == "経営の健全性・効率性"
    first, second = card.indicators
    assert (first.name, [v.text for v in first.values]) == ("①収益的収支比率(％)", ["107.17", "102.29"])
    assert [(v.text, v.series) for v in second.values] == [
        ("59.24", None),
        ("63.74", None),
        ("41.04", "平均値"),
        ("41.08", "平均値"),
        ("51.49", "全国平均"),
    ]
