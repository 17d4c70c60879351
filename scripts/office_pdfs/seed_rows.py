"""The pipeline's rows of one bundled seed dump, gathered per card for the reprint fixtures.

The reprints print cards of the seed documents as the pipeline reads their dumps (hand-checked
against the documents, golden files in tests/golden/). A card is looked up by the part of its
initiative id after the document id (`1-9/3`, `4`, `1-1-2`); what the reprint prints of it is
then turned into expected records here, so that the three styles agree on how.
"""

from __future__ import annotations

from dataclasses import dataclass

from office_pdfs.records import Indicator, Step, Value, contract_text
from pipeline.normalize import NormalizedDocument
from pipeline.tables import IndicatorRow, InitiativeRow, ScheduleRow, ValueRow


@dataclass(frozen=True)
class SeedIndicator:
    """One indicator of a seed card and its values, in the order the pipeline read them."""

    row: IndicatorRow
    values: tuple[ValueRow, ...]


@dataclass(frozen=True)
class SeedCard:
    """One initiative of a seed dump with its schedule cells and indicators."""

    initiative: InitiativeRow
    schedule: tuple[ScheduleRow, ...]
    indicators: tuple[SeedIndicator, ...]


def seed_card(rows: NormalizedDocument, card: str) -> SeedCard:
    """The card whose initiative id ends in `:card`."""
    found = [i for i in rows.initiatives if i.initiative_id.partition(":")[2] == card]
    if len(found) != 1:
        raise ValueError(f"{card!r}: {len(found)} initiatives in {rows.documents[0].document_id}")
    item = found[0]
    schedule = tuple(
        sorted(
            (s for s in rows.schedule if s.initiative_id == item.initiative_id),
            key=lambda s: (s.row_no, s.fiscal_year or 0),
        )
    )
    indicators = tuple(
        SeedIndicator(ind, tuple(v for v in rows.indicator_values if v.indicator_id == ind.indicator_id))
        for ind in rows.indicators
        if ind.initiative_id == item.initiative_id
    )
    return SeedCard(item, schedule, indicators)


def printed_as_read(printed: str, read: str, what: str) -> str:
    """The expected string of a text printed from the raw reading: it must be what the pipeline normalized."""
    expected = contract_text(printed)
    if "".join(expected.split()) != "".join(read.split()):
        raise ValueError(f"{what}: printed {expected!r} but the pipeline read {read!r}")
    return expected


def step(cell: ScheduleRow) -> Step:
    """The expected record of one schedule cell the reprint prints (text, or a continuation of it)."""
    if cell.fiscal_year is None:
        raise ValueError(f"{cell.initiative_id}: no fiscal year for {cell.year_label!r}")
    return Step(cell.row_no, cell.fiscal_year, cell.activity, cell.continued)


def value(row: ValueRow) -> Value:
    """The expected record of one printed value: its kind and year, its text and number as the pipeline read them."""
    if row.fiscal_year is None:
        raise ValueError(f"{row.indicator_id}: no fiscal year under {row.heading!r}")
    return Value(row.kind, row.fiscal_year, row.value_text, row.value)


def indicator(seed: SeedIndicator, printed_name: str, values: tuple[ValueRow, ...] | None = None) -> Indicator:
    """The expected record of an indicator printed under `printed_name` with `values` (all of them by default)."""
    name = printed_as_read(printed_name, seed.row.name, seed.row.indicator_id)
    return Indicator(name, seed.row.unit, tuple(value(v) for v in (seed.values if values is None else values)))
