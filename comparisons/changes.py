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


@dataclass(frozen=True)
class _Pair:
    document_id: str
    previous_document_id: str


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


def _departments_text(row: InitiativeRow) -> str | None:
    return row.departments_raw or ("、".join(row.departments) or None)


def changes_between(
    previous_document_id: str,
    old: Sequence[InitiativeView],
    document_id: str,
    new: Sequence[InitiativeView],
) -> list[ChangeRow]:
    """Every difference between a document (`new`) and its previous version (`old`)."""
    pair = _Pair(document_id, previous_document_id)
    matched = match_initiatives(old, new)
    new_of_old = {i: j for i, j in matched}
    old_of_new = {j: i for i, j in matched}
    rows: list[ChangeRow] = []
    for j, view in enumerate(new):
        if j in old_of_new:
            rows += _initiative_changes(pair, old[old_of_new[j]], view)
        else:
            rows.append(_row(pair, "initiative_added", now=view, field="title", new=view.row.title_raw))
    for i, view in enumerate(old):
        if i not in new_of_old:
            removed = ChangeRow(
                document_id,
                previous_document_id,
                "initiative_removed",
                view.row.initiative_id,
                None,
                "title",
                view.row.title_raw,
                None,
                view.row.initiative_id,
                None,
                None,
            )
            rows.append(removed)
    return rows


def _row(
    pair: _Pair,
    change: str,
    *,
    before: InitiativeView | None = None,
    now: InitiativeView | None = None,
    indicator_before: IndicatorView | None = None,
    indicator_now: IndicatorView | None = None,
    field: str | None = None,
    old: str | None = None,
    new: str | None = None,
    fiscal_year: int | None = None,
) -> ChangeRow:
    return ChangeRow(
        document_id=pair.document_id,
        previous_document_id=pair.previous_document_id,
        change=change,
        initiative_id=now.row.initiative_id if now else (before.row.initiative_id if before else None),
        indicator_id=(
            indicator_now.row.indicator_id
            if indicator_now
            else (indicator_before.row.indicator_id if indicator_before else None)
        ),
        field=field,
        old=old,
        new=new,
        previous_initiative_id=before.row.initiative_id if before else None,
        previous_indicator_id=indicator_before.row.indicator_id if indicator_before else None,
        fiscal_year=fiscal_year,
    )


def _initiative_changes(pair: _Pair, before: InitiativeView, now: InitiativeView) -> list[ChangeRow]:
    rows = []
    if before.path != now.path:
        rows.append(
            _row(
                pair,
                "initiative_moved",
                before=before,
                now=now,
                field="item_no",
                old=before.row.item_no,
                new=now.row.item_no,
            )
        )
    if before.row.title != now.row.title:
        rows.append(
            _row(
                pair,
                "title_changed",
                before=before,
                now=now,
                field="title",
                old=before.row.title_raw,
                new=now.row.title_raw,
            )
        )
    if before.row.departments != now.row.departments:
        rows.append(
            _row(
                pair,
                "departments_changed",
                before=before,
                now=now,
                field="departments",
                old=_departments_text(before.row),
                new=_departments_text(now.row),
            )
        )
    rows += _schedule_changes(pair, before, now)
    rows += _indicator_changes(pair, before, now)
    return rows


def _cell_key(cell: ScheduleRow) -> tuple[int, int | None, str]:
    """A grid cell's row and fiscal year; the printed heading only where no year was read from it."""
    return (cell.row_no, cell.fiscal_year, "" if cell.fiscal_year is not None else cell.year_label)


def _schedule_changes(pair: _Pair, before: InitiativeView, now: InitiativeView) -> list[ChangeRow]:
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
            label = cell.row_label
            field = f"row {key[0]}" + (f" {label}" if label else "") + ("" if key[1] is not None else f" {key[2]}")
            rows.append(
                _row(
                    pair,
                    "schedule_changed",
                    before=before,
                    now=now,
                    field=field,
                    old=old_text,
                    new=new_text,
                    fiscal_year=key[1],
                )
            )
    return rows


def _indicator_changes(pair: _Pair, before: InitiativeView, now: InitiativeView) -> list[ChangeRow]:
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
    matched_old = {i for i, _ in matched}
    rows = []
    for j, indicator in enumerate(new):
        if j not in old_of_new:
            rows.append(
                _row(
                    pair,
                    "indicator_added",
                    before=before,
                    now=now,
                    indicator_now=indicator,
                    field="name",
                    new=indicator.row.name_raw,
                )
            )
            continue
        was = old[old_of_new[j]]
        for field in ("name", "unit"):
            if getattr(was.row, field) != getattr(indicator.row, field):
                shown = "name_raw" if field == "name" else field
                rows.append(
                    _row(
                        pair,
                        "indicator_changed",
                        before=before,
                        now=now,
                        indicator_before=was,
                        indicator_now=indicator,
                        field=field,
                        old=getattr(was.row, shown),
                        new=getattr(indicator.row, shown),
                    )
                )
        rows += _value_changes(pair, before, now, was, indicator)
    for i, indicator in enumerate(old):
        if i not in matched_old:
            rows.append(
                _row(
                    pair,
                    "indicator_removed",
                    before=before,
                    now=now,
                    indicator_before=indicator,
                    field="name",
                    old=indicator.row.name_raw,
                )
            )
    return rows


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


def _value_changes(
    pair: _Pair, before: InitiativeView, now: InitiativeView, was: IndicatorView, is_: IndicatorView
) -> list[ChangeRow]:
    old_values, new_values = _keyed(was.values), _keyed(is_.values)
    rows = []
    order = [*new_values, *(k for k in old_values if k not in new_values)]
    for key in order:
        old_value, new_value = old_values.get(key), new_values.get(key)
        old_text = old_value.value_text.strip() if old_value else None
        new_text = new_value.value_text.strip() if new_value else None
        if old_text != new_text:
            kind, fiscal_year, series, _ = key
            rows.append(
                _row(
                    pair,
                    "value_changed",
                    before=before,
                    now=now,
                    indicator_before=was,
                    indicator_now=is_,
                    field=kind + (f" ({series})" if series else ""),
                    old=old_text,
                    new=new_text,
                    fiscal_year=fiscal_year,
                )
            )
    return rows
