"""Schedule cells under a run of fiscal-year headings: activities and their continuations.

A continuation is an arrow glyph of the vocabulary (`→`, `⇒`, `━━▶`; the PDF reader writes `→`
for a drawn arrow, line or filled bar), the extent of a merged cell (a cell spanning several
year columns is the activity in its first year and continued in the others), or an empty
shaded cell: a spreadsheet's bar is a run of filled cells, its text in the first of them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

from extractors.model import RawScheduleCell
from recognizers.vocabulary import label_key, meaning, terms
from recognizers.years import YearColumn

CONTINUATION = "→"


@functools.cache
def _arrow_run_re() -> regex.Pattern[str]:
    glyphs = "".join(sorted({ch for t in terms("arrow") for ch in t}))
    return regex.compile(rf"^[{regex.escape(glyphs)}\s]+$")


@functools.cache
def _trailing_arrow_re() -> regex.Pattern[str]:
    """An arrow of the vocabulary printed after an activity (`調査・研究 ━━━▶`), ending in its head."""
    heads = {t[-1] for t in terms("arrow")}
    shafts = {ch for t in terms("arrow") for ch in t[:-1]} - heads
    head, shaft = regex.escape("".join(sorted(heads))), regex.escape("".join(sorted(shafts)))
    return regex.compile(rf"\s*[{shaft}]*[{head}]+\s*$")


def is_continuation(text: str) -> bool:
    """True for a cell that only continues the activity on its left (`→`, `⇒⇒`, `━━▶`)."""
    key = label_key(text)
    return bool(key) and (meaning("arrow", key) is not None or bool(_arrow_run_re().match(key)))


def is_schedule_marker(text: str) -> bool:
    """A section word that opens a schedule (`工程`, `スケジュール`, `年度計画`)."""
    return meaning("schedule_marker", text) is not None


def year_cells(
    texts: Sequence[str],
    colspans: Sequence[int],
    years: Sequence[YearColumn],
    shaded: Sequence[bool] = (),
    limit: int | None = None,
) -> tuple[RawScheduleCell, ...]:
    """The non-empty schedule cells of a row under the year columns of a heading row.

    A cell is placed under the year column at or left of it, up to `limit` (a 備考 column right
    of the years); a merged cell also covers the year columns its span reaches, as continuations,
    and an activity written with its arrow (`調査・研究 ━━━▶`) is the activity.
    """
    placed: dict[int, list[str]] = {}
    for index, heading in enumerate(years):
        end = years[index + 1].column if index + 1 < len(years) else min(len(texts), limit or len(texts))
        for position in range(heading.column, min(end, len(texts))):
            text = texts[position].strip()
            if not text and position < len(shaded) and shaded[position]:
                text = CONTINUATION
            if not text:
                continue
            if is_continuation(text):
                text = CONTINUATION
            elif stripped := _trailing_arrow_re().sub("", text).strip():
                text = stripped
            placed.setdefault(heading.year, []).append(text)
            reach = position + (colspans[position] if position < len(colspans) else 1)
            for later in years[index + 1 :]:
                if later.column < reach:
                    placed.setdefault(later.year, []).append(CONTINUATION)
    cells = []
    for heading in years:
        if parts := placed.get(heading.year):
            texts_in_force = [p for p in parts if p != CONTINUATION]
            text = "\n".join(texts_in_force) if texts_in_force else CONTINUATION
            cells.append(RawScheduleCell(heading.label, text, heading.year))
    return tuple(cells)
