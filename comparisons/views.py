"""One document's published rows, grouped by initiative for comparing."""

from __future__ import annotations

from dataclasses import dataclass

from comparisons.signals import Profile, make_profile
from pipeline.normalize import NormalizedDocument
from pipeline.tables import IndicatorRow, InitiativeRow, ScheduleRow, ValueRow


@dataclass(frozen=True)
class IndicatorView:
    """An indicator and its values in printed order."""

    row: IndicatorRow
    values: tuple[ValueRow, ...]


@dataclass(frozen=True)
class InitiativeView:
    """An initiative with its schedule rows, indicators and match profile."""

    row: InitiativeRow
    schedule: tuple[ScheduleRow, ...]
    indicators: tuple[IndicatorView, ...]
    profile: Profile

    @property
    def path(self) -> str:
        """The card's path inside its document (`3/1`), the same across versions that keep the numbering."""
        return self.row.initiative_id.split(":", 1)[1]


def document_to_views(document: NormalizedDocument) -> list[InitiativeView]:
    """Every initiative of one document in printed order, with what hangs from it."""
    values: dict[str, list[ValueRow]] = {}
    for value in document.indicator_values:
        values.setdefault(value.indicator_id, []).append(value)
    indicators: dict[str, list[IndicatorView]] = {}
    for indicator in document.indicators:
        view = IndicatorView(indicator, tuple(values.get(indicator.indicator_id, ())))
        indicators.setdefault(indicator.initiative_id, []).append(view)
    schedule: dict[str, list[ScheduleRow]] = {}
    for cell in document.schedule:
        schedule.setdefault(cell.initiative_id, []).append(cell)
    views = []
    for initiative in document.initiatives:
        own = tuple(indicators.get(initiative.initiative_id, ()))
        profile = make_profile(
            initiative.title, initiative.departments, [i.row.name for i in own], initiative.description
        )
        views.append(InitiativeView(initiative, tuple(schedule.get(initiative.initiative_id, ())), own, profile))
    return views
