"""Fiscal years as the documents print them: 令和6年度, R6, H30, 2024(R6)年度.

Every builder holds its years as Gregorian start years (what the expected records hold) and
prints them through these, so that a printed heading and its record cannot disagree.
"""

from __future__ import annotations

REIWA_FIRST = 2019  # 令和元年度
HEISEI_FIRST = 1989  # 平成元年度


def reiwa_number(fiscal_year: int) -> int:
    """The 令和 year of a fiscal year from 2019 on."""
    if fiscal_year < REIWA_FIRST:
        raise ValueError(f"{fiscal_year} is before 令和")
    return fiscal_year - REIWA_FIRST + 1


def reiwa(fiscal_year: int) -> str:
    """`令和6年度` (`令和元年度` for 2019)."""
    n = reiwa_number(fiscal_year)
    return f"令和{'元' if n == 1 else n}年度"


def reiwa_short(fiscal_year: int) -> str:
    """`R6`."""
    return f"R{reiwa_number(fiscal_year)}"


def heisei_short(fiscal_year: int) -> str:
    """`H30`."""
    if not HEISEI_FIRST <= fiscal_year < REIWA_FIRST:
        raise ValueError(f"{fiscal_year} is not a 平成 year")
    return f"H{fiscal_year - HEISEI_FIRST + 1}"


def short(fiscal_year: int) -> str:
    """`H30` before 令和, `R4` from it."""
    return heisei_short(fiscal_year) if fiscal_year < REIWA_FIRST else reiwa_short(fiscal_year)


def gregorian_with_reiwa(fiscal_year: int) -> str:
    """`2024(R6)年度`."""
    return f"{fiscal_year}({reiwa_short(fiscal_year)})年度"
