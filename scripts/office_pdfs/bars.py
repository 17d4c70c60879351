"""Schedule rows as bars: one activity over consecutive fiscal years, and the steps it stands for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from office_pdfs.records import Step


@dataclass(frozen=True)
class Bar:
    """One activity in force from fiscal year `first` to `last` (Gregorian start years), both included."""

    first: int
    last: int
    text: str

    def years(self) -> range:
        """The fiscal years the bar covers."""
        return range(self.first, self.last + 1)


def steps(row: int, bars: Sequence[Bar]) -> tuple[Step, ...]:
    """The expected schedule of one grid row: the first year of a bar is its text, later years continue it."""
    out: list[Step] = []
    for bar in bars:
        out.extend(Step(row, year, bar.text, year != bar.first) for year in bar.years())
    years = [s.fiscal_year for s in out]
    if len(set(years)) != len(years):
        raise ValueError(f"row {row}: bars overlap: {bars}")
    return tuple(sorted(out, key=lambda s: s.fiscal_year))
