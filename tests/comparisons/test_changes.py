"""changes_between on versions of the 2021 plan made by editing its rows: each edit gives exactly its change."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

import pytest

from comparisons.changes import CHANGES, changes_between, match_initiatives
from comparisons.views import document_to_views
from extractors.model import Extraction
from pipeline.normalize import NormalizedDocument

Seed = tuple[Extraction, NormalizedDocument]
TABLE_NAMES = [f.name for f in fields(NormalizedDocument)]


def _moved(identifier: str | None, doc: str, paths: dict[str, str]) -> str | None:
    """`old:45#1` → `new:44#1` under the path mapping."""
    if identifier is None or ":" not in identifier:
        return identifier
    path, hash_, rest = identifier.split(":", 1)[1].partition("#")
    head, slash, tail = path.partition("/")
    head = paths.get(head, head)
    return f"{doc}:{head}{slash}{tail}{hash_}{rest}"


def version(seed: NormalizedDocument, paths: dict[str, str] | None = None) -> NormalizedDocument:
    """The seed as another document `v2`, its cards renumbered by `paths` (card number → card number)."""
    paths = paths or {}
    out = NormalizedDocument()
    for name in TABLE_NAMES:
        rows = []
        for row in getattr(seed, name):
            changed: dict[str, Any] = {"document_id": "v2"}
            for key in ("initiative_id", "parent_id", "indicator_id"):
                if hasattr(row, key):
                    changed[key] = _moved(getattr(row, key), "v2", paths)
            if name == "initiatives" and row.item_no in paths:
                changed["item_no"] = paths[row.item_no]
            rows.append(replace(row, **changed))
        setattr(out, name, rows)
    return out


def diff(old: NormalizedDocument, new: NormalizedDocument) -> list[tuple[str, str | None, str | None, str | None]]:
    rows = changes_between("v1", document_to_views(old), "v2", document_to_views(new))
    assert all(r.change in CHANGES for r in rows)
    return [(r.change, r.field, r.old, r.new) for r in rows]


@pytest.fixture(scope="module")
def plan(plan_2021: Seed) -> NormalizedDocument:
    return plan_2021[1]


def test_an_unchanged_copy_has_no_changes(plan: NormalizedDocument) -> None:
    assert diff(plan, version(plan)) == []


def test_renumbered_cards_are_moves(plan: NormalizedDocument) -> None:
    new = version(plan, {"44": "45", "45": "44"})
    assert sorted(diff(plan, new)) == [
        ("initiative_moved", "item_no", "44", "45"),
        ("initiative_moved", "item_no", "45", "44"),
    ]


def test_a_card_inserted_before_others_moves_them_and_is_added(plan: NormalizedDocument) -> None:
    new = version(plan, {"73": "74", "74": "75"})
    card = next(r for r in plan.initiatives if r.initiative_id.endswith(":47"))
    new.initiatives.append(
        replace(card, initiative_id="v2:73", item_no="73", title="新しい取組", title_raw="新しい取組")
    )
    assert sorted(diff(plan, new)) == [
        ("initiative_added", "title", None, "新しい取組"),
        ("initiative_moved", "item_no", "73", "74"),
        ("initiative_moved", "item_no", "74", "75"),
    ]


def test_a_removed_card_is_one_removal(plan: NormalizedDocument) -> None:
    new = version(plan)
    new.initiatives = [r for r in new.initiatives if not r.initiative_id.endswith(":45")]
    new.indicators = [r for r in new.indicators if not r.initiative_id.endswith(":45")]
    new.indicator_values = [r for r in new.indicator_values if not r.initiative_id.endswith(":45")]
    new.schedule = [r for r in new.schedule if not r.initiative_id.endswith(":45")]
    assert diff(plan, new) == [("initiative_removed", "title", "ヨットハーバーの効率的な施設管理手法の導入", None)]


def test_a_retitled_card_keeps_its_number(plan: NormalizedDocument) -> None:
    new = version(plan)
    new.initiatives = [
        replace(r, title="ヨットハーバーの管理運営", title_raw="ヨットハーバーの管理運営")
        if r.initiative_id == "v2:45"
        else r
        for r in new.initiatives
    ]
    assert diff(plan, new) == [
        ("title_changed", "title", "ヨットハーバーの効率的な施設管理手法の導入", "ヨットハーバーの管理運営")
    ]


def test_departments_schedule_indicators_and_values(plan: NormalizedDocument) -> None:
    new = version(plan)
    new.initiatives = [
        replace(r, departments=("市民局", "総務企画局"), departments_raw="市民局、総務企画局")
        if r.initiative_id == "v2:4"
        else r
        for r in new.initiatives
    ]
    first_cell = next(i for i, r in enumerate(new.schedule) if r.initiative_id == "v2:4")
    new.schedule[first_cell] = replace(new.schedule[first_cell], cell_text="事業の周知")
    indicator = next(r for r in new.indicators if r.initiative_id == "v2:4")
    new.indicators.append(replace(indicator, indicator_id="v2:4#9", name="新しい指標", name_raw="新しい指標"))
    value = next(
        i
        for i, r in enumerate(new.indicator_values)
        if r.indicator_id == indicator.indicator_id and r.kind == "final_target"
    )
    new.indicator_values[value] = replace(new.indicator_values[value], value_text="25,000", value=25000.0)
    assert diff(plan, new) == [
        ("departments_changed", "departments", "市民局", "市民局、総務企画局"),
        ("schedule_changed", "row 1", "事業の周知・PRによる利用促進", "事業の周知"),
        ("value_changed", "final_target", "20,000", "25,000"),
        ("indicator_added", "name", None, "新しい指標"),
    ]


def test_matching_pairs_each_card_once(plan: NormalizedDocument) -> None:
    views = document_to_views(plan)
    pairs = match_initiatives(views, views)
    assert pairs == [(i, i) for i in range(len(views))]
