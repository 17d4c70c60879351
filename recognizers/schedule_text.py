"""Schedules written as a sentence: `令和6年度に調査・設計、令和7年度までに更新完了`, `令和6年度から実施`.

A 行動計画 often prints its schedule as text in a `スケジュール` cell instead of a grid. Each clause
(separated by `、`) names a year or a span of years and what is done then:
* `Y1からY2まで ACT` — ACT from Y1 to Y2;
* `Y1から ACT`, `Y1以降(は) ACT` — ACT from Y1 to the end of the plan period;
* `Y1に ACT`, `Y1までに ACT`, `Y1 ACT` — ACT in Y1; `Y1までに ACT` after a clause that ends
  earlier than the year before Y1 — ACT from the year after that clause to Y1.
A clause whose years cannot be read makes the whole cell unread: nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from normalizers.era import fiscal_year
from normalizers.text import fullwidth_to_halfwidth
from recognizers.years import ERA_YEAR, GREGORIAN_YEAR

_YEAR = (
    rf"{ERA_YEAR}\s*(?:\(\s*{GREGORIAN_YEAR}\s*\))?\s*年度"
    rf"|{GREGORIAN_YEAR}\s*(?:\(\s*{ERA_YEAR}\s*\))?\s*年度"
)
_CLAUSE_RE = regex.compile(
    rf"^(?P<start>{_YEAR})\s*(?:(?P<from>から|以降は?|～|~)\s*(?:(?P<end>{_YEAR})\s*(?:まで)?)?|(?P<by>までに|中に|に)?)"
    r"\s*(?P<activity>.*)$"
)


@dataclass(frozen=True)
class TextScheduleCell:
    """One year of a sentence schedule: the year, the activity, whether it continues the year before."""

    year: int
    activity: str
    continued: bool


def read_schedule_text(text: str, era: str, plan_end: int | None) -> list[TextScheduleCell] | None:
    """The years a schedule sentence covers, or None when a clause is not a dated one.

    >>> [(c.year, c.activity, c.continued) for c in read_schedule_text("令和6年度から実施", "令和", 2025)]
    [(2024, '実施', False), (2025, '実施', True)]
    """
    clauses = [c.strip() for c in regex.split(r"[、,]", fullwidth_to_halfwidth(text).replace("\n", "")) if c.strip()]
    out: list[TextScheduleCell] = []
    for clause in clauses:
        match = _CLAUSE_RE.match(clause)
        if match is None or not match["activity"].strip():
            return None
        start = fiscal_year(match["start"], era)
        if start is None:
            return None
        end = start
        if match["by"] == "までに" and out and out[-1].year + 1 < start:
            # `令和6年度に適地調査、令和8年度までに5施設へ設置`: the work runs from the year after the clause before.
            start, end = out[-1].year + 1, start
        if match["from"]:
            end_year = fiscal_year(match["end"], era) if match["end"] else plan_end
            if end_year is None or end_year < start:
                return None
            end = end_year
        activity = match["activity"].strip().removeprefix("は").strip()
        out.extend(TextScheduleCell(year, activity, year > start) for year in range(start, end + 1))
    return out or None
