"""Japanese eras (元号), fiscal years and printed dates.

The documents mix `令和3年度`, `R3`, `R07`, `H28`, `元年度`, bare `3年度` (in the era of the
document), Gregorian `2021年度` and both at once (`令和6(2024)年度`).  Everything returns
Gregorian years; a fiscal year is identified by the calendar year it starts in.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from typing import NamedTuple

from normalizers.text import fullwidth_to_halfwidth


class Era(NamedTuple):
    """One era: kanji name, the letter used in abbreviations (`R3`), Gregorian year of 元年."""

    kanji: str
    letter: str
    first_year: int


#: Eras in chronological order.  Year 1 (元年) of each is `first_year`.
ERAS: tuple[Era, ...] = (
    Era("明治", "M", 1868),
    Era("大正", "T", 1912),
    Era("昭和", "S", 1926),
    Era("平成", "H", 1989),
    Era("令和", "R", 2019),
)

_BY_NAME: dict[str, Era] = {e.kanji: e for e in ERAS} | {e.letter: e for e in ERAS}


def _era(era: str) -> Era:
    key = fullwidth_to_halfwidth(era.strip()).upper()
    try:
        return _BY_NAME[key]
    except KeyError:
        raise ValueError(f"unknown era: {era!r}") from None


def era_to_gregorian(era: str, year: int) -> int:
    """Gregorian year of `year` of `era` (kanji `令和` or letter `R`); year 1 is 元年.

    No upper bound is checked: plans written before 2019 print `平成32年度` for 2020.

    >>> era_to_gregorian("令和", 3)
    2021
    """
    if year < 1:
        raise ValueError(f"era year must be >= 1, got {year}")
    return _era(era).first_year + year - 1


def gregorian_to_era(year: int) -> tuple[str, int]:
    """(kanji era, era year) of a Gregorian year, in the era that started last by then.

    A year in which the era changed belongs to the new era (2019 → 令和1), which is how
    fiscal years are named (令和元年度 = FY2019).
    """
    for era in reversed(ERAS):
        if year >= era.first_year:
            return era.kanji, year - era.first_year + 1
    raise ValueError(f"year before 明治: {year}")


# --- patterns ---------------------------------------------------------------------------------

_KANJI_ERA = "|".join(e.kanji for e in ERAS)
_LETTER_ERA = "".join(e.letter for e in ERAS)
# An era name and its year.  Kanji eras may be spaced (`令和 3 年度`, `平成 29 年`); letter eras
# are glued to their number (`R3`, `R07`, `H28`) and must not end a word (`RPA3` is no era).
_ERA_YEAR = (
    rf"(?:(?P<{{p}}ek>{_KANJI_ERA})\s*|(?<![A-Za-z])(?P<{{p}}el>[{_LETTER_ERA}]))"
    rf"(?P<{{p}}ey>元|\d{{{{1,2}}}})(?!\d)"
)


def _era_year(p: str) -> str:
    return _ERA_YEAR.format(p=p)


_GREG_PAREN = r"\s*\(\s*(?P<{p}g>\d{{4}})\s*\)"
# A year in 1800-2199 not glued to other digits or to a thousands separator.
_GREGORIAN = r"(?<![\d,.])(?P<{p}>(?:18|19|20|21)\d{{2}})(?![\d]|,\d)"

_FISCAL_YEAR = re.compile(
    "|".join(
        (
            # 令和6(2024)年度, R元(2019), 令和3年度, R3, H28, R07
            _era_year("a") + "(?:" + _GREG_PAREN.format(p="a") + ")?",
            # 2021年度, 2021
            _GREGORIAN.format(p="g"),
            # bare 3年度, 元年度 (read in the default era); 元年 alone is a year too
            r"(?<![\d.,])(?P<by>\d{1,2})\s*年度|(?<![\d.,])(?P<bg>元)\s*年",
        )
    )
)


def _prepare(text: str) -> str:
    # Full-width digits and parentheses are accepted by converting them first.
    return fullwidth_to_halfwidth(unicodedata.normalize("NFC", text))


def _year_number(token: str) -> int:
    return 1 if token == "元" else int(token)


def fiscal_year(text: str, default_era: str | None = "令和") -> int | None:
    """Gregorian start year of the first fiscal year printed in `text`, or None.

    Reads `令和3年度`, `令和 3 年度`, `R3年度`, `R3`, `R07`, `H28`, `H27年`, `R元年度`,
    `令和元年度`, `2021年度`, `2021`, `令和6(2024)年度` (the Gregorian year in parentheses
    wins), and a bare `3年度` / `元年度` in `default_era` (skipped when it is None), also
    inside labels such as `現状値 (2年度)` or `中間目標(6年度)`.

    >>> fiscal_year("現状値（元年度）")
    2019
    >>> fiscal_year("令和6(2024)年度")
    2024
    """
    s = _prepare(text)
    for m in _FISCAL_YEAR.finditer(s):
        if m.group("ag"):
            return int(m.group("ag"))
        if m.group("aey"):
            era, year = m.group("aek") or m.group("ael"), _year_number(m.group("aey"))
            if year >= 1:  # `令和0年度` names no year: read on, as for any text that is not one
                return era_to_gregorian(era, year)
            continue
        if m.group("g"):
            return int(m.group("g"))
        bare = m.group("by") or m.group("bg")
        if bare and default_era is not None:
            year = _year_number(bare)
            if year >= 1:
                return era_to_gregorian(default_era, year)
    return None


# A year of a calendar date: Gregorian `2023年` (optionally followed by the era in
# parentheses, `2023年（令和5年）`), era `令和5年` / `令和 2(2020)年` (the Gregorian year in
# parentheses wins), or the dotted abbreviation `R4.` of `R4.12月末`.
_DATE_YEAR = (
    r"(?:(?<![\d,.])(?P<gy>\d{4})\s*年\s*(?:\([^()]{0,12}\))?"
    "|" + _era_year("d") + r"\s*(?:\(\s*(?P<dg>\d{4})\s*\)\s*)?(?:年|\.)"
    r"|(?<![\d.,])(?P<by>\d{1,2}|元)\s*年"
    ")"
)
_DATE = re.compile(
    _DATE_YEAR + r"\s*(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?(?P<end>\s*末)?(?P<at>\s*(?:時点|現在))?"
)


def _date_year(m: re.Match[str], default_era: str | None) -> int | None:
    if m.group("gy"):
        return int(m.group("gy"))
    if m.group("dg"):
        return int(m.group("dg"))
    if m.group("dey"):
        year = _year_number(m.group("dey"))
        return era_to_gregorian(m.group("dek") or m.group("del"), year) if year >= 1 else None
    if m.group("by") and default_era is not None:
        year = _year_number(m.group("by"))
        return era_to_gregorian(default_era, year) if year >= 1 else None
    return None


def _dates(text: str, default_era: str | None) -> list[tuple[re.Match[str], datetime.date]]:
    """Every (match, date) in text; day 1 when no day is printed, last day for `…月末`."""
    found = []
    for m in _DATE.finditer(_prepare(text)):
        year = _date_year(m, default_era)
        month = int(m.group("m"))
        if year is None or not 1 <= month <= 12:
            continue
        if m.group("d"):
            day = int(m.group("d"))
        elif m.group("end"):
            day = calendar.monthrange(year, month)[1]
        else:
            day = 1
        try:
            found.append((m, datetime.date(year, month, day)))
        except ValueError:  # 2月30日 and the like: not a date
            continue
    return found


def as_of_date(text: str, default_era: str = "令和") -> datetime.date | None:
    """Date of an as-of annotation printed beside a value, or None.

    `(R3.1月末時点)` → 2021-01-31, `(R2.12月末現在)` → 2020-12-31, `(R4.11月末)` → 2022-11-30,
    `(R3.1月時点)` / `(R4.11月現在)` → the first of the month, `令和3年9月30日時点` → 2021-09-30.
    A plain month (`(R6.1月)`, a schedule milestone) is not an as-of date: one of 日, 末,
    時点 or 現在 must be printed.
    """
    for m, date in _dates(text, default_era):
        if m.group("d") or m.group("end") or m.group("at"):
            return date
    return None


def year_month(text: str) -> datetime.date | None:
    """First day of the first year-and-month printed: `令和3年3月`, `2023年（令和5年）6月`, `2023年6月`."""
    found = _dates(text, None)
    return found[0][1].replace(day=1) if found else None


def full_date(text: str) -> datetime.date | None:
    """First full date printed: `令和5年9月14日（木）` → 2023-09-14, `令和2年12月25日`."""
    for m, date in _dates(text, None):
        if m.group("d"):
            return date
    return None
