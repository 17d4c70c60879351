"""Quality rows that concern one record name it in columns, so a researcher joins them without a regex."""

from __future__ import annotations

from extractors.model import Extraction
from pipeline.normalize import NormalizedDocument
from tests.conftest import IIZUKA_2023, normalized

Seed = tuple[Extraction, NormalizedDocument]


def test_value_rows_name_their_indicator_and_card(dx_2023: Seed) -> None:
    rows = dx_2023[1]
    indicators = {i.indicator_id: i.initiative_id for i in rows.indicators}
    per_value = [q for q in rows.quality if q.check == "value_not_numeric"]
    assert per_value
    for row in per_value:
        assert row.indicator_id in indicators and row.initiative_id == indicators[row.indicator_id]
        assert row.detail.startswith(row.indicator_id)


def test_card_findings_name_their_card(dx_2023: Seed, plan_2021: Seed) -> None:
    for _, rows in (dx_2023, plan_2021):
        initiatives = {i.initiative_id for i in rows.initiatives}
        per_card = [q for q in rows.quality if q.check == "heading_missing"]
        assert per_card
        for row in per_card:
            assert row.initiative_id in initiatives
            assert row.detail.startswith(row.initiative_id.split(":", 1)[1] + ": ")


def test_document_rows_name_no_card(plan_2021: Seed) -> None:
    counts = [q for q in plan_2021[1].quality if q.check in ("counts", "cards_vs_index")]
    assert counts and all(q.initiative_id is None and q.indicator_id is None for q in counts)


def test_iizuka_card_findings_name_their_card() -> None:
    rows = normalized(IIZUKA_2023)[1]
    shifted = [q for q in rows.quality if q.check == "shifted_row"]
    assert shifted and all(
        q.initiative_id and q.detail.startswith(f"card {q.initiative_id.split(':')[1]} ") for q in shifted
    )
