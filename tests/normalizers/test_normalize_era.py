"""normalizers.era: era table, fiscal years and printed dates, on forms printed in raw/."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rawlines import line

from normalizers.era import (
    ERAS,
    as_of_date,
    era_to_gregorian,
    fiscal_year,
    full_date,
    gregorian_to_era,
    year_month,
)

# An independent copy of the era table (first Gregorian year = 元年), typed from the
# calendar, not from the module.
ERA_TABLE = [
    ("明治", "M", 1868),
    ("大正", "T", 1912),
    ("昭和", "S", 1926),
    ("平成", "H", 1989),
    ("令和", "R", 2019),
]


def test_eras_match_independent_table() -> None:
    assert [(e.kanji, e.letter, e.first_year) for e in ERAS] == ERA_TABLE


@pytest.mark.parametrize(("kanji", "letter", "first"), ERA_TABLE, ids=[e[1] for e in ERA_TABLE])
def test_era_to_gregorian_first_year(kanji: str, letter: str, first: int) -> None:
    assert era_to_gregorian(kanji, 1) == first
    assert era_to_gregorian(letter, 1) == first
    assert era_to_gregorian(letter.lower(), 2) == first + 1
    assert gregorian_to_era(first) == (kanji, 1)


def test_era_to_gregorian_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        era_to_gregorian("令和", 0)
    with pytest.raises(ValueError):
        era_to_gregorian("天平", 3)
    with pytest.raises(ValueError):
        gregorian_to_era(1867)


def test_heisei_past_its_end() -> None:
    # Plans written before 2019 printed 平成32年度 for FY2020.
    assert era_to_gregorian("平成", 32) == 2020
    assert gregorian_to_era(2019) == ("令和", 1)
    assert gregorian_to_era(2018) == ("平成", 30)


@given(st.integers(min_value=1, max_value=80))
def test_reiwa_years_round_trip(y: int) -> None:
    year = era_to_gregorian("令和", y)
    assert year == 2018 + y
    assert gregorian_to_era(year) == ("令和", y)
    assert fiscal_year(f"令和{y}年度") == year
    assert fiscal_year(f"R{y}年度") == year


@given(st.integers(min_value=1868, max_value=2100))
def test_gregorian_round_trips_through_every_era(year: int) -> None:
    era, y = gregorian_to_era(year)
    assert era_to_gregorian(era, y) == year
    assert fiscal_year(f"{era}{y}年度") == year


# (id, printed, expected start year, source line holding the printed text or None)
FISCAL_YEARS = [
    ("kanji", "令和3年度", 2021, "002:800"),
    ("kanji-spaced", "令和 3 年度", 2021, None),
    ("kanji-spaced-heisei", "平成 29 年", 2017, "001:148"),
    ("letter-nendo", "R5年度", 2023, "002:454"),
    ("letter", "R3", 2021, None),
    ("letter-zero-padded", "R07", 2025, "003:2545"),
    ("heisei-letter", "H28", 2016, "001:161"),
    ("heisei-letter-nen", "H27年", 2015, "000:101"),
    ("gannen-bare", "元年度", 2019, "000:483"),
    ("gannen-letter", "R元年度", 2019, "000:102"),
    ("gannen-kanji", "令和元年度", 2019, "003:1866"),
    ("bare-default-era", "3年度", 2021, "000:377"),
    ("bare-default-era-2", "2年度", 2020, "000:383"),
    ("gregorian-nendo", "2021年度", 2021, "004:474"),
    ("gregorian", "2021", 2021, None),
    ("gregorian-in-parens", "令和6(2024)年度", 2024, None),
    ("gregorian-in-full-width-parens", "令和6（2024）年度", 2024, None),
    ("era-gregorian-parens-spaced", "令和 2(2020)年", 2020, "003:86"),
    ("letter-gannen-gregorian", "R元(2019)", 2019, "003:86"),
    ("baseline-label", "現状値 (2年度)", 2020, "000:402"),
    ("baseline-label-full-width", "現状値（元年度）", 2019, None),
    ("interim-label", "中間目標(6年度)", 2024, "002:221"),
    ("final-label-spaced", "最終目標 （6年度）", 2024, "000:531"),
    ("era-with-gregorian-full-width", "令和3（2021）年度", 2021, "000:51"),
    ("range-first", "R7～9年度（次期10～12年度）", 2025, "003:1983"),
    ("plan-header", "令和6年度計画", 2024, "003:646"),
    ("full-width-digits", "令和３年度", 2021, None),
    ("full-width-letter", "Ｒ３", 2021, None),
]


@pytest.mark.parametrize(
    ("printed", "expected", "source"), [r[1:] for r in FISCAL_YEARS], ids=[r[0] for r in FISCAL_YEARS]
)
def test_fiscal_year(printed: str, expected: int, source: str | None) -> None:
    if source is not None:
        assert printed in line(source)
    assert fiscal_year(printed) == expected


@pytest.mark.parametrize(
    "printed", ["", "指標", "現状値", "RPA", "1,920", "20000", "5,583", "M365"], ids=lambda s: s or "empty"
)
def test_fiscal_year_none(printed: str) -> None:
    assert fiscal_year(printed) is None


def test_fiscal_year_without_default_era() -> None:
    assert fiscal_year("3年度", default_era=None) is None
    assert fiscal_year("3年度", default_era="平成") == 1991
    assert fiscal_year("令和3年度", default_era=None) == 2021


AS_OF = [
    ("month-end-jiten", "(R3.1月末時点)", datetime.date(2021, 1, 31), "000:403"),
    ("month-end-genzai", "(R2.12月末現在)", datetime.date(2020, 12, 31), "000:959"),
    ("full-width-parens", "（R3.1月末現在）", datetime.date(2021, 1, 31), "000:544"),
    ("month-only-jiten", "(R3.1月時点)", datetime.date(2021, 1, 1), "000:919"),
    ("month-only-full-width", "（R3.1月時点）", datetime.date(2021, 1, 1), "000:711"),
    ("dec-end", "(R4.12月末時点)", datetime.date(2022, 12, 31), "002:234"),
    ("month-end-bare", "(R4.11月末)", datetime.date(2022, 11, 30), "002:376"),
    ("month-genzai", "(R4.11月現在)", datetime.date(2022, 11, 1), "002:1287"),
    ("nov-end", "(R2.11月末現在)", datetime.date(2020, 11, 30), "000:968"),
    ("full-date", "令和3年9月30日時点", datetime.date(2021, 9, 30), "001:50"),
    ("kanji-month-end", "4,342戸(令和5年7月末時点)", datetime.date(2023, 7, 31), "003:2928"),
    ("with-value", "5,583 (R3.1月末時点)", datetime.date(2021, 1, 31), "000:403"),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in AS_OF], ids=[r[0] for r in AS_OF])
def test_as_of_date(printed: str, expected: datetime.date, source: str | None) -> None:
    if source is not None:
        assert printed in line(source)
    assert as_of_date(printed) == expected


@pytest.mark.parametrize("printed", ["", "5,583", "(R6.1月)", "R5.6~", "(見込み件数)"], ids=lambda s: s or "empty")
def test_as_of_date_none(printed: str) -> None:
    # A plain month is a schedule milestone (`発行開始(R6.1月)`), not an as-of date.
    assert as_of_date(printed) is None


YEAR_MONTHS = [
    ("reiwa", "令和3年3月", datetime.date(2021, 3, 1), "000:7"),
    ("reiwa-sept", "令和5年9月", datetime.date(2023, 9, 1), "002:7"),
    ("gregorian-with-era", "2023年（令和5年）6月", datetime.date(2023, 6, 1), "004:7"),
    ("gregorian-with-era-half-width", "2021年(令和3年)11月", datetime.date(2021, 11, 1), "004:43"),
    ("gregorian", "2023年6月", datetime.date(2023, 6, 1), None),
    ("spaced-with-gregorian", "令和 2(2020)年 3月", datetime.date(2020, 3, 1), "003:86"),
    ("from-full-date", "令和5年9月14日（木）", datetime.date(2023, 9, 1), "003:6"),
]


@pytest.mark.parametrize(
    ("printed", "expected", "source"), [r[1:] for r in YEAR_MONTHS], ids=[r[0] for r in YEAR_MONTHS]
)
def test_year_month(printed: str, expected: datetime.date, source: str | None) -> None:
    if source is not None:
        assert printed in line(source)
    assert year_month(printed) == expected


FULL_DATES = [
    ("with-weekday", "令和5年9月14日（木）", datetime.date(2023, 9, 14), "003:6"),
    ("plain", "令和2年12月25日", datetime.date(2020, 12, 25), "004:31"),
    ("gregorian", "2020年7月1日", datetime.date(2020, 7, 1), None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in FULL_DATES], ids=[r[0] for r in FULL_DATES])
def test_full_date(printed: str, expected: datetime.date, source: str | None) -> None:
    if source is not None:
        assert printed in line(source)
    assert full_date(printed) == expected


def test_dates_absent_or_invalid() -> None:
    assert year_month("行政運営プラン") is None
    assert full_date("令和5年9月") is None
    assert full_date("令和5年2月30日") is None
