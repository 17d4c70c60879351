"""Fiscal-year headings in every printed form, and runs of them."""

from __future__ import annotations

import pytest

from recognizers.years import read_year_heading, year_run

HEADINGS = [
    ("3年度", "令和", 2021),
    ("令和3年度", "令和", 2021),
    ("令和 3 年度", "令和", 2021),
    ("R3", "令和", 2021),
    ("Ｒ３", "令和", 2021),
    ("R3年度", "令和", 2021),
    ("2021年度", "令和", 2021),
    ("２０２１年度", "令和", 2021),
    ("2021(R3)年度", "令和", 2021),
    ("2021年度(R3)", "令和", 2021),
    ("令和6(2024)年度", "令和", 2024),
    ("H30", "令和", 2018),
    ("平成30年度", "令和", 2018),
    ("元年度", "令和", 2019),
    ("29年度", "平成", 2017),
    ("2024", "令和", 2024),
    ("令和6年度\n（見込）", "令和", 2024),
]


@pytest.mark.parametrize(("text", "era", "year"), HEADINGS, ids=[h[0].replace("\n", "/") for h in HEADINGS])
def test_year_heading(text: str, era: str, year: int) -> None:
    heading = read_year_heading(text, era)
    assert heading is not None and heading.year == year


@pytest.mark.parametrize(
    ("text", "offset"),
    [("前々年度\n（決算）", -2), ("前年度\n決算見込", -1), ("本年度", 0), ("次年度", 1)],
    ids=["zenzen", "zen", "hon", "ji"],
)
def test_relative_year(text: str, offset: int) -> None:
    heading = read_year_heading(text)
    assert heading is not None and heading.year is None and heading.offset == offset


@pytest.mark.parametrize(
    "text",
    ["R8年度\n当初\n予算額", "予算額", "123", "3,450", "令和9年度から\n令和12年度まで", "合計", ""],
    ids=["budget-column", "word", "number", "figure", "period", "total", "empty"],
)
def test_not_a_year_heading(text: str) -> None:
    assert read_year_heading(text) is None


def test_relative_years_resolve_from_their_neighbours() -> None:
    cells = ["年度\n区分", "", "前々年度\n（決算）", "前年度\n決算見込", "本年度", "29年度", "30年度"]
    run = year_run(cells, "平成")
    assert run is not None
    assert [(c.column, c.year) for c in run] == [(2, 2014), (3, 2015), (4, 2016), (5, 2017), (6, 2018)]


@pytest.mark.parametrize(
    "cells",
    [["指標", "2021"], ["3,450", "3,849"], ["R5", "R4"], ["項目", "令和6年度", "合計"]],
    ids=["one-year", "figures", "decreasing", "one-with-total"],
)
def test_not_a_run(cells: list[str]) -> None:
    assert year_run(cells) is None


def test_run_with_label_and_remarks_columns() -> None:
    run = year_run(["No", "取組項目", "担当課", "R6", "R7", "R8", "R9", "備考"])
    assert run is not None and [c.year for c in run] == [2024, 2025, 2026, 2027] and run[0].label == "R6"
