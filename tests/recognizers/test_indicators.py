"""Value headings, value-row labels and banner targets."""

from __future__ import annotations

import pytest

from recognizers.indicators import is_name_heading, read_banner_target, read_value_heading, row_kind, value_headings

VALUE_HEADINGS = [
    ("現状値（2014年度）", "baseline", 2014),
    ("現状値 (2年度)", "baseline", 2020),
    ("基準値（R元）", "baseline", 2019),
    ("実績値", "baseline", None),
    ("中間目標（4年度）", "interim_target", 2022),
    ("中間値(4年度)", "interim_target", 2022),
    ("最終目標(6年度)", "final_target", 2024),
    ("目標値（2019年度）", "final_target", 2019),
    ("目標値", "final_target", None),
    ("R6目標", "final_target", 2024),
    ("令和6年度目標", "final_target", 2024),
    ("2024年度目標値", "final_target", 2024),
]


@pytest.mark.parametrize(("text", "kind", "year"), VALUE_HEADINGS, ids=[v[0] for v in VALUE_HEADINGS])
def test_value_heading(text: str, kind: str, year: int | None) -> None:
    heading = read_value_heading(text)
    assert heading is not None and (heading.kind, heading.year) == (kind, year)


@pytest.mark.parametrize("text", ["予算額", "指標名", "目標値（2019年度末までに50%）", "区分"], ids=str)
def test_not_a_value_heading(text: str) -> None:
    assert read_value_heading(text) is None


def test_targets_of_several_years_are_per_year_targets() -> None:
    headings = value_headings(["指標", "R6目標", "R7目標", "R8目標"])
    assert [(h.column, h.kind, h.year) for h in headings] == [
        (1, "target", 2024),
        (2, "target", 2025),
        (3, "target", 2026),
    ]


def test_one_target_beside_a_baseline_is_the_final_target() -> None:
    headings = value_headings(["KPI", "現状値（2014年度）", "目標値（2019年度）"])
    assert [h.kind for h in headings] == ["baseline", "final_target"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("指標名", True), ("重要業績評価指標（KPI）", True), ("ＫＰＩ", True), ("事業名", False)],
    ids=str,
)
def test_name_heading(text: str, name: bool) -> None:
    assert is_name_heading(text) is name


@pytest.mark.parametrize(
    ("text", "kind"),
    [("目標値", "target"), ("目標", "target"), ("実績", "actual"), ("当該値", "actual"), ("区分", None)],
)
def test_row_kind(text: str, kind: str | None) -> None:
    assert row_kind(text) == kind


BANNERS = [
    ("入学者数40人（2014年度）→45人（2019年度）", "入学者数", "40人", "2014年度", "45人", "2019年度"),
    (
        "数値目標：転入者数 3,150人（2014年度）→ 3,400人（2019年度）",
        "転入者数",
        "3,150人",
        "2014年度",
        "3,400人",
        "2019年度",
    ),
    ("合計特殊出生率 1.52（H26）⇒ 1.60（H31）", "合計特殊出生率", "1.52", "H26", "1.60", "H31"),
]


@pytest.mark.parametrize(("text", "name", "base", "by", "target", "ty"), BANNERS, ids=[b[1] for b in BANNERS])
def test_banner_target(text: str, name: str, base: str, by: str, target: str, ty: str) -> None:
    banner = read_banner_target(text)
    assert banner is not None
    assert (banner.name, banner.baseline, banner.baseline_year, banner.target, banner.target_year) == (
        name,
        base,
        by,
        target,
        ty,
    )


@pytest.mark.parametrize(
    "text",
    ["人口は40人（2014年）から減少しています", "40人（2014年度）→45人（2019年度）", "整備（検討中）→実施（未定）"],
    ids=["prose", "no-name", "no-years"],
)
def test_not_a_banner(text: str) -> None:
    assert read_banner_target(text) is None
