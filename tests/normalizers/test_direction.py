"""Direction, final targets and achievement rates of one indicator's values."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from normalizers.direction import achievement_rate, direction_of, final_index, name_direction, word_directions


@dataclass(frozen=True)
class V:
    kind: str
    fiscal_year: int | None
    value: float | None
    value_text: str = ""
    status: str = "numeric"
    comparator: str | None = None
    series: str | None = None


@pytest.mark.parametrize(
    ("name", "values", "direction"),
    [
        ("電子申請の利用率(%)", [V("baseline", 2022, 51.3), V("final_target", 2026, 65)], "increase"),
        ("待機児童数(人)", [V("baseline", 2022, 14), V("final_target", 2026, 0)], "decrease"),
        ("窓口の待ち時間の短縮", [V("final_target", 2026, None, "短縮", "text")], "decrease"),
        ("満足度(%)", [V("final_target", 2026, 80, "80%以上", comparator=">=")], "increase"),
        (
            "収納率(%)",
            [V("baseline", 2022, 98), V("final_target", 2026, None, "現状維持", "relative", "=")],
            "maintain",
        ),
        # the hours saved go up, though the name says 削減
        ("業務量削減目標値(時間)", [V("target", 2024, 24), V("target", 2025, 36), V("target", 2026, 48)], "increase"),
        # words and numbers disagree: never a guess
        ("待ち時間の短縮(分)", [V("baseline", 2022, 10), V("final_target", 2026, 20)], "unknown"),
        ("参加者数", [V("final_target", 2026, 100)], "unknown"),  # nothing says
        ("利用率", [V("baseline", 2022, 40), V("final_target", 2026, 30, series="平均値")], "unknown"),
    ],
    ids=["up", "down", "word", "comparator", "maintain", "amount-saved", "conflict", "nothing", "series-ignored"],
)
def test_direction(name: str, values: list[V], direction: str) -> None:
    assert direction_of(name, values) == direction


@pytest.mark.parametrize(
    ("text", "said"),
    [("10%削減", {"decrease"}), ("80%以上", {"increase"}), ("現状維持", {"maintain"}), ("維持管理費", set())],
    ids=["sakugen", "ijou", "genjou-iji", "iji-kanri"],
)
def test_word_directions(text: str, said: set[str]) -> None:
    assert word_directions(text) == said


def test_a_word_inside_a_name_names_the_amount() -> None:
    assert name_direction("窓口の待ち時間の短縮（分）") == {"decrease"}
    assert name_direction("RPAによる削減時間") == set()


def test_final_is_the_last_final_target_else_the_latest_target() -> None:
    assert final_index([V("baseline", 2020, 1), V("interim_target", 2022, 2), V("final_target", 2024, 3)]) == 2
    assert final_index([V("target", 2025, 2), V("target", 2024, 1), V("actual", 2024, 1)]) == 0
    assert final_index([V("baseline", 2020, 1), V("actual", 2021, 2)]) is None


@pytest.mark.parametrize(
    ("target", "actual", "direction", "rate"),
    [(80, 60, "increase", 75.0), (20, 25, "decrease", 80.0), (80, 60, "unknown", None), (0, 5, "increase", None)],
    ids=["increase", "decrease", "unknown", "zero-target"],
)
def test_achievement_rate(target: float, actual: float, direction: str, rate: float | None) -> None:
    assert achievement_rate(target, actual, direction) == rate
