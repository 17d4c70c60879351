"""Fiscal-year headings in any printed form, and runs of them across a row.

A heading cell is a year when, apart from annotations such as `（決算）` or `見込`, it is
nothing but a year: `3年度`, `令和3年度`, `R3`, `2021年度`, `2021(R3)年度`, `令和6(2024)年度`,
`H30`, `元年度`, or a relative year (`前年度`, `本年度`) that its absolute neighbours resolve.
A run is two or more such cells in one row whose years go up: a lone number is never a year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from normalizers.era import fiscal_year
from normalizers.text import fullwidth_to_halfwidth
from recognizers.vocabulary import meaning, terms

#: An era year (`令和3`, `R3`, `H30`, `R元`) and a Gregorian year, as printed: the pieces other year patterns use.
ERA_YEAR = r"(?:令和|平成|昭和|R|H|S)\s*(?:元|\d{1,2})"
GREGORIAN_YEAR = r"(?:19|20|21)\d\d"
_YEAR_FORM = regex.compile(
    rf"""^(?:
        {ERA_YEAR}\s*(?:年度|年)?\s*(?:\(\s*{GREGORIAN_YEAR}\s*\))?\s*(?:年度)?
      | {GREGORIAN_YEAR}\s*(?:\(\s*{ERA_YEAR}\s*\))?\s*(?:年度|年)?\s*(?:\(\s*{ERA_YEAR}\s*\))?
      | (?:元|\d{{1,2}})\s*年度
    )$""",
    regex.VERBOSE,
)
_SPACE_RE = regex.compile(r"\s+")


@dataclass(frozen=True)
class YearHeading:
    """A heading cell read as a fiscal year: absolute (`year`) or relative (`offset` from 本年度)."""

    text: str
    year: int | None
    offset: int | None = None


def _strip_annotations(text: str) -> str:
    key = _SPACE_RE.sub("", fullwidth_to_halfwidth(text))
    for word in terms("year_annotation"):
        key = key.replace(f"({word})", "")
    for word in terms("year_annotation"):
        if key.endswith(word) and len(key) > len(word):
            key = key[: -len(word)]
    return key


def read_year_heading(text: str, era: str = "令和") -> YearHeading | None:
    """The fiscal year a heading cell prints, or None when the cell is anything else.

    >>> read_year_heading("令和3年度").year, read_year_heading("2021(R3)年度").year
    (2021, 2021)
    >>> read_year_heading("前年度\\n決算見込").offset
    -1
    """
    key = _strip_annotations(text)
    if not key:
        return None
    offset = meaning("relative_year", key)
    if offset is not None:
        return YearHeading(text, None, int(offset))
    if not _YEAR_FORM.match(key):
        return None
    year = fiscal_year(key, era)
    return YearHeading(text, year) if year is not None else None


def resolve_run(headings: Sequence[YearHeading]) -> list[int | None]:
    """Years of a run of headings: absolute ones as printed, relative ones from their neighbours.

    Relative headings are resolved only when the absolute years of the run are consecutive
    (`前年度 | 本年度 | 29年度 | 30年度`): each column is then one year after the one before.
    """
    years = [h.year for h in headings]
    anchors = {h.year - i for i, h in enumerate(headings) if h.year is not None}
    if len(anchors) == 1 and any(h.year is None for h in headings):
        base = anchors.pop()
        return [base + i for i in range(len(headings))]
    return years


@dataclass(frozen=True)
class YearColumn:
    """A column of a run of year headings: its position, fiscal year and heading as printed."""

    column: int
    year: int
    label: str


def year_run(cells: Sequence[str], era: str = "令和") -> list[YearColumn] | None:
    """The year columns of a row, when the row is a run of year headings.

    Non-year cells may stand left of the run (a label column) or right of it (a 備考
    column); the year cells themselves must be at least two and strictly increasing.
    """
    found = [(i, read_year_heading(c, era)) for i, c in enumerate(cells) if c.strip()]
    run = [(i, h) for i, h in found if h is not None]
    if len(run) < 2:
        return None
    years = resolve_run([h for _, h in run])
    if any(y is None for y in years):
        return None
    resolved = [YearColumn(i, y, h.text.strip()) for (i, h), y in zip(run, years, strict=True) if y is not None]
    if any(b.year <= a.year for a, b in pairwise(resolved)):
        return None
    return resolved


def year_runs(texts: Sequence[str], era: str = "令和") -> list[list[int]]:
    """The columns of each run of two or more increasing fiscal years in a row, left to right."""
    runs: list[list[tuple[int, int]]] = []
    for column, text in enumerate(texts):
        heading = read_year_heading(text.strip(), era) if text.strip() else None
        if heading is None or heading.year is None:
            continue
        if runs and runs[-1][-1][1] < heading.year:
            runs[-1].append((column, heading.year))
        else:
            runs.append([(column, heading.year)])
    return [[column for column, _ in run] for run in runs if len(run) >= 2]
