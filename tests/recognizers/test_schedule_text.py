"""Schedules written as sentences, clause by clause."""

from __future__ import annotations

import pytest

from recognizers.schedule_text import read_schedule_text

CASES = [
    ("令和6年度に調査・設計、令和7年度までに更新完了", [(2024, "調査・設計", False), (2025, "更新完了", False)]),
    ("令和6年度から実施", [(2024, "実施", False), (2025, "実施", True), (2026, "実施", True)]),
    (
        "令和6年度から令和7年度まで充電設備の整備、令和8年度以降は順次導入",
        [(2024, "充電設備の整備", False), (2025, "充電設備の整備", True), (2026, "順次導入", False)],
    ),
    ("2025(R7)年度 運用開始", [(2025, "運用開始", False)]),
    (
        "令和6年度に適地調査、令和8年度までに5施設へ設置",
        [(2024, "適地調査", False), (2025, "5施設へ設置", False), (2026, "5施設へ設置", True)],
    ),
    ("令和8年度までに5施設へ設置", [(2026, "5施設へ設置", False)]),
]


@pytest.mark.parametrize(
    ("text", "cells"),
    CASES,
    ids=["ni-madeni", "kara", "kara-made-ikou", "gregorian", "madeni-after-a-gap", "madeni-alone"],
)
def test_schedule_sentence(text: str, cells: list[tuple[int, str, bool]]) -> None:
    found = read_schedule_text(text, "令和", 2026)
    assert found is not None and [(c.year, c.activity, c.continued) for c in found] == cells


@pytest.mark.parametrize(
    "text",
    ["庁舎の照明を更新します", "令和6年度", "令和8年度から令和7年度まで整備", "令和6年度から実施、順次拡大"],
    ids=["no-year", "year-alone", "backwards", "undated-clause"],
)
def test_not_a_schedule_sentence(text: str) -> None:
    assert read_schedule_text(text, "令和", 2026) is None


def test_from_a_year_needs_the_plan_end() -> None:
    assert read_schedule_text("令和6年度から実施", "令和", None) is None
