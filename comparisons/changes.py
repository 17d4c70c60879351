"""What changed between two versions of a plan, as rows of `changes`.

Initiatives are matched in three passes, so that a renumbered card is a move and not a removal
plus an addition: the same card number with the same title; the same title under another number;
then the most alike of the rest (`comparisons/signals.py`), where keeping the number counts in
favour. Indicators of matched initiatives are matched by name, then by the most alike name;
values by kind, fiscal year and series. `old` and `new` hold the printed text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz

from comparisons.signals import score, text_to_match_form
from comparisons.views import IndicatorView, InitiativeView
from pipeline.tables import ChangeRow, InitiativeRow, ScheduleRow, ValueRow

CHANGES = (
    "initiative_added",
    "initiative_removed",
    "initiative_moved",
    "title_changed",
    "departments_changed",
    "schedule_changed",
    "indicator_added",
    "indicator_removed",
    "indicator_changed",
    "value_changed",
)
# The least score at which two cards of other numbers are one card renumbered, and at which two
# cards of one number are one card retitled (keeping the number is evidence of its own).
MOVED_MIN_SCORE = 0.65
SAME_NUMBER_MIN_SCORE = 0.4
# The least name ratio at which two indicators of one initiative are one indicator renamed.
RENAMED_INDICATOR_MIN_RATIO = 0.7

T = TypeVar("T")


def pair_greedily(
    old: Sequence[T], new: Sequence[T], likeness: Callable[[T, T], float | None]
) -> list[tuple[int, int]]:
    """(old index, new index) pairs, most alike first; `likeness` None means never a pair.

    Ties go to the earlier printed pair, so the result does not depend on anything but the input.
    """
    candidates = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            found = likeness(a, b)
            if found is not None:
                candidates.append((-found, i, j))
    candidates.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def match_initiatives(old: Sequence[InitiativeView], new: Sequence[InitiativeView]) -> list[tuple[int, int]]:
    """(old index, new index) of the initiatives that are one initiative in both versions."""
    pairs: list[tuple[int, int]] = []
    free_old, free_new = set(range(len(old))), set(range(len(new)))

    def take(found: list[tuple[int, int]]) -> None:
        for i, j in found:
            pairs.append((i, j))
            free_old.discard(i)
            free_new.discard(j)

    by_path = {view.path: j for j, view in enumerate(new)}
    take(
        [
            (i, by_path[view.path])
            for i, view in enumerate(old)
            if view.path in by_path and view.profile.title == new[by_path[view.path]].profile.title
        ]
    )
    titles_old = _unique_titles(old, free_old)
    titles_new = _unique_titles(new, free_new)
    take(sorted((i, titles_new[title]) for title, i in titles_old.items() if title in titles_new))

    def likeness(i: int, j: int) -> float | None:
        found = score(old[i].profile, new[j].profile).value
        if old[i].path == new[j].path:
            return found + 1 if found >= SAME_NUMBER_MIN_SCORE else None
        return found if found >= MOVED_MIN_SCORE else None

    rest_old, rest_new = sorted(free_old), sorted(free_new)
    take([(rest_old[i], rest_new[j]) for i, j in pair_greedily(rest_old, rest_new, likeness)])
    return sorted(pairs)


def _unique_titles(views: Sequence[InitiativeView], free: set[int]) -> dict[str, int]:
    """Title → index for the free initiatives whose title no other free initiative shares."""
    seen: dict[str, list[int]] = {}
    for index in sorted(free):
        seen.setdefault(views[index].profile.title, []).append(index)
    return {title: found[0] for title, found in seen.items() if len(found) == 1 and title}


def changes_between(
    previous_document_id: str,
    old: Sequence[InitiativeView],
    document_id: str,
    new: Sequence[InitiativeView],
) -> list[ChangeRow]:
    """Every difference between a document (`new`) and its previous version (`old`), in the new one's order
    (removed initiatives last, in the old one's order)."""
    matched = match_initiatives(old, new)
    old_of_new = {j: i for i, j in matched}
    matched_ids = {old[i].row.initiative_id: new[j].row.initiative_id for i, j in matched}
    rows: list[ChangeRow] = []
    for j, view in enumerate(new):
        if j in old_of_new:
            rows += _Card(previous_document_id, document_id, old[old_of_new[j]], view).changes(matched_ids)
        else:
            rows.append(
                _Card(previous_document_id, document_id, None, view).row(
                    "initiative_added", "title", None, view.row.title_raw
                )
            )
    kept = {i for i, _ in matched}
    for i, view in enumerate(old):
        if i not in kept:
            rows.append(
                _Card(previous_document_id, document_id, view, None).row(
                    "initiative_removed", "title", view.row.title_raw, None
                )
            )
    return rows


def _path(initiative_id: str | None) -> str | None:
    return initiative_id.split(":", 1)[1] if initiative_id else None


def _departments_text(row: InitiativeRow) -> str | None:
    return row.departments_raw or ("、".join(row.departments) or None)


def _cell_key(cell: ScheduleRow) -> tuple[int, int | None, str]:
    """A grid cell's row and fiscal year; the printed heading only where no year was read from it."""
    return (cell.row_no, cell.fiscal_year, "" if cell.fiscal_year is not None else cell.year_label)


def _value_key(value: ValueRow) -> tuple[str, int | None, str | None]:
    return (value.kind, value.fiscal_year, value.series)


def _keyed(values: Sequence[ValueRow]) -> dict[tuple[str, int | None, str | None, int], ValueRow]:
    """Values by (kind, fiscal year, series, occurrence): two values of one key pair in printed order."""
    seen: dict[tuple[str, int | None, str | None], int] = {}
    keyed = {}
    for value in values:
        key = _value_key(value)
        keyed[(*key, seen.get(key, 0))] = value
        seen[key] = seen.get(key, 0) + 1
    return keyed


@dataclass(frozen=True)
class _Card:
    """One initiative in both versions (None on the side it is missing from), making its change rows."""

    previous_document_id: str
    document_id: str
    before: InitiativeView | None
    now: InitiativeView | None

    def row(
        self,
        change: str,
        field: str | None,
        old: str | None,
        new: str | None,
        indicators: tuple[IndicatorView | None, IndicatorView | None] = (None, None),
        fiscal_year: int | None = None,
    ) -> ChangeRow:
        """A change row; ids name the new version's records, or the old one's where there is no new one."""
        either = self.now or self.before
        was, is_ = indicators
        indicator = is_ or was
        return ChangeRow(
            document_id=self.document_id,
            previous_document_id=self.previous_document_id,
            change=change,
            initiative_id=either.row.initiative_id if either else None,
            indicator_id=indicator.row.indicator_id if indicator else None,
            field=field,
            old=old,
            new=new,
            previous_initiative_id=self.before.row.initiative_id if self.before else None,
            previous_indicator_id=was.row.indicator_id if was else None,
            fiscal_year=fiscal_year,
        )

    def changes(self, matched_ids: dict[str, str]) -> list[ChangeRow]:
        """The matched initiative's own changes. A sub-item that follows its renumbered card has not
        moved; one now under another card has (`field` parent_id, with the cards' paths)."""
        before, now = self.before, self.now
        assert before is not None and now is not None
        rows = []
        if before.row.item_no != now.row.item_no:
            rows.append(self.row("initiative_moved", "item_no", before.row.item_no, now.row.item_no))
        elif before.row.parent_id and matched_ids.get(before.row.parent_id) != now.row.parent_id:
            rows.append(
                self.row("initiative_moved", "parent_id", _path(before.row.parent_id), _path(now.row.parent_id))
            )
        if before.row.title != now.row.title:
            rows.append(self.row("title_changed", "title", before.row.title_raw, now.row.title_raw))
        if before.row.departments != now.row.departments:
            old, new = _departments_text(before.row), _departments_text(now.row)
            rows.append(self.row("departments_changed", "departments", old, new))
        return rows + self._schedule_changes(before, now) + self._indicator_changes(before, now)

    def _schedule_changes(self, before: InitiativeView, now: InitiativeView) -> list[ChangeRow]:
        """Cells of one grid row and fiscal year whose printed text differs (a missing cell is None)."""
        old_cells = {_cell_key(c): c for c in before.schedule}
        new_cells = {_cell_key(c): c for c in now.schedule}
        rows = []
        for key in sorted(set(old_cells) | set(new_cells), key=lambda k: (k[0], k[1] is None, k[1] or 0, k[2])):
            was, is_ = old_cells.get(key), new_cells.get(key)
            old_text = was.cell_text if was else None
            new_text = is_.cell_text if is_ else None
            cell = is_ or was
            if old_text != new_text and cell is not None:
                field = (
                    f"row {key[0]}"
                    + (f" {cell.row_label}" if cell.row_label else "")
                    + (f" {key[2]}" if key[2] else "")
                )
                rows.append(self.row("schedule_changed", field, old_text, new_text, fiscal_year=key[1]))
        return rows

    def _indicator_changes(self, before: InitiativeView, now: InitiativeView) -> list[ChangeRow]:
        old, new = before.indicators, now.indicators
        names_old = [text_to_match_form(i.row.name) for i in old]
        names_new = [text_to_match_form(i.row.name) for i in new]

        def likeness(i: int, j: int) -> float | None:
            if names_old[i] == names_new[j]:
                return 2.0
            ratio = fuzz.ratio(names_old[i], names_new[j]) / 100
            return ratio if ratio >= RENAMED_INDICATOR_MIN_RATIO else None

        matched = pair_greedily(range(len(old)), range(len(new)), likeness)
        old_of_new = {j: i for i, j in matched}
        rows = []
        for j, indicator in enumerate(new):
            if j not in old_of_new:
                rows.append(self.row("indicator_added", "name", None, indicator.row.name_raw, (None, indicator)))
                continue
            was = old[old_of_new[j]]
            if was.row.name != indicator.row.name:
                rows.append(
                    self.row("indicator_changed", "name", was.row.name_raw, indicator.row.name_raw, (was, indicator))
                )
            if was.row.unit != indicator.row.unit:
                rows.append(self.row("indicator_changed", "unit", was.row.unit, indicator.row.unit, (was, indicator)))
            rows += self._value_changes(was, indicator)
        kept = {i for i, _ in matched}
        for i, indicator in enumerate(old):
            if i not in kept:
                rows.append(self.row("indicator_removed", "name", indicator.row.name_raw, None, (indicator, None)))
        return rows

    def _value_changes(self, was: IndicatorView, is_: IndicatorView) -> list[ChangeRow]:
        """Values of one kind, year and series whose printed text differs (a value printed on one side only too)."""
        old_values, new_values = _keyed(was.values), _keyed(is_.values)
        rows = []
        for key in [*new_values, *(k for k in old_values if k not in new_values)]:
            old_value, new_value = old_values.get(key), new_values.get(key)
            old_text = old_value.value_text.strip() if old_value else None
            new_text = new_value.value_text.strip() if new_value else None
            if old_text != new_text:
                kind, fiscal_year, series, _ = key
                field = kind + (f" ({series})" if series else "")
                rows.append(self.row("value_changed", field, old_text, new_text, (was, is_), fiscal_year))
        return rows
