"""The generic profile's working records: a card being read, and how the rows under a header are read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extractors.model import RawCard, RawIndicator, RawScheduleRow, RawValue
from pipeline.blocks import BBox
from recognizers.indicators import ValueHeading
from recognizers.labels import Label
from recognizers.years import YearColumn


@dataclass
class Card:
    """An initiative as the generic profile reads it, filled row by row until it is published."""

    path: str
    item_no: str
    title: str
    departments: str | None = None
    parent_path: str | None = None
    hierarchy: tuple[str, ...] = ()
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    description: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    schedule: list[RawScheduleRow] = field(default_factory=list)
    indicators: list[RawIndicator] = field(default_factory=list)
    indicator_names: list[tuple[str, str | None]] = field(default_factory=list)  # from a `指標` label, (name, note)
    from_heading: bool = False  # a heading or caption made an initiative by what is printed under it
    style: str = ""  # the heading style of a card made from a heading
    unnumbered: bool = False  # printed without a number: its path is `c<n>` in printed order
    labelled: bool = False  # read from labelled fields (事業名称 | …)
    bullet: bool = False  # a bulleted policy under a heading that announces them; paragraphs below describe it

    def published(self, productive: set[str]) -> bool:
        """A card is published with a title; a heading when a schedule or indicator was read under it,
        or under another heading of its style (`productive`): the 施策 without a KPI table of a plan
        whose other 施策 print one are initiatives too."""
        if self.from_heading:
            return bool(self.schedule or self.indicators) or self.style in productive
        if self.labelled:
            # One labelled field alone (a cover's `事業名：…`) describes the document, not an initiative.
            return bool(self.title) and bool(
                self.departments or self.description or self.attributes or self.schedule or self.indicators
            )
        return bool(self.title or self.schedule or self.indicators)


@dataclass
class Mode:
    """How the rows under the last header row of a table are read."""

    kind: str  # list / years / values / sentences
    labels: dict[int, Label] = field(default_factory=dict)
    years: list[YearColumn] = field(default_factory=list)
    values: list[ValueHeading] = field(default_factory=list)
    name_columns: tuple[int, ...] = ()
    unit_column: int | None = None
    pending_name: str | None = None  # a name printed on the header row itself (`name | 現状値 | 目標値`)
    last_name: str | None = None
    last_unit: str | None = None
    indicators: dict[tuple[int, str], int] = field(default_factory=dict)  # (card, name) → its index
    header: tuple[str, ...] = ()
    schedule: list[tuple[Card, RawScheduleRow]] = field(default_factory=list)
    year_limit: int | None = None  # the first column right of the years that is not theirs (備考)
    schedule_column: int | None = None  # a `スケジュール` column of sentences
    read: int = 0  # data rows read under this header
    plan_schedule: bool = False  # its 計画 row was a plan of activities: the 実績 row below reports on them
    split_years: bool = False  # year headings spanning sub-columns (金額 | 対前年比): several measures a year
    note_columns: tuple[int, ...] = ()  # `達成状況 | 備考` right of the value headings
    cells_seen: int = 0  # non-empty cells under the year columns
    figures_seen: int = 0  # of which figures only


def add_values(owner: Card, index: int, values: Sequence[RawValue]) -> None:
    """Append values to the card's indicator at `index` (the record is frozen: replaced)."""
    existing = owner.indicators[index]
    owner.indicators[index] = replace(existing, values=(*existing.values, *values))


def card_to_raw(card: Card) -> RawCard:
    """The card as the profile publishes it."""
    levels = list(card.hierarchy)
    return RawCard(
        path=card.path,
        item_no=card.item_no,
        title=card.title,
        departments=card.departments,
        parent_path=card.parent_path,
        policy=levels[0] if levels else None,
        measure=levels[1] if len(levels) > 1 else None,
        group=levels[2] if len(levels) > 2 else None,
        description="\n".join(card.description) or None,
        attributes=tuple(sorted(card.attributes.items())),
        source_line=card.line,
        source_page=card.page,
        source_bbox=card.bbox,
        schedule=tuple(card.schedule),
        indicators=tuple(card.indicators),
    )
