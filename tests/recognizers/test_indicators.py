"""Value headings, value-row labels and banner targets."""

from __future__ import annotations

import pytest

from recognizers.indicators import (
    comparison_series,
    is_name_heading,
    named_row_kind,
    numbered_row_kind,
    read_banner_target,
    read_bracket_legend,
    read_bracketed_figure,
    read_value_heading,
    read_value_line,
    split_indicator_names,
    value_headings,
)

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
    assert numbered_row_kind(text)[0] == kind


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("平均値", "平均値"),
        ("類似団体 平均値", "類似団体平均値"),
        ("全国平均", "全国平均"),
        ("当該値", None),
        ("実績", None),
    ],
    ids=str,
)
def test_comparison_series(text: str, series: str | None) -> None:
    """A comparison row names its series; the plan's own rows (当該値, 実績) have none."""
    assert comparison_series(text) == series
    assert series is None or comparison_series(series) == series  # reading its series again changes nothing


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


LINES = [
    (
        "指標：電子申請件数 現状 1,240件（令和4年度）→ 目標 3,000件（令和7年度）",
        "電子申請件数",
        [("baseline", "1,240件", "令和4年度"), ("final_target", "3,000件", "令和7年度")],
    ),
    (
        "効果額（千円）：目標 1,200（令和7年度）／実績 980（令和5年度）",
        "効果額(千円)",
        [("final_target", "1,200", "令和7年度"), ("actual", "980", "令和5年度")],
    ),
]


@pytest.mark.parametrize(("text", "name", "values"), LINES, ids=["genjou-mokuhyou", "mokuhyou-jisseki"])
def test_value_line(text: str, name: str, values: list[tuple[str, str, str]]) -> None:
    found = read_value_line(text)
    assert found is not None
    assert found[0] == name and [(v.kind, v.text, v.year) for v in found[1]] == values


@pytest.mark.parametrize(
    "text",
    ["入学者数40人（2014年度）→45人（2019年度）", "人口は40人（2014年）から増えた", "課題：現状 1,240件（令和4年度）"],
    ids=["no-words", "prose", "one-value"],
)
def test_not_a_value_line(text: str) -> None:
    assert read_value_line(text) is None


def test_relative_banner_target_and_bracketed_label() -> None:
    banner = read_banner_target("【数値目標】年少人口（0～14歳） 612人（R元）→ 維持（R6）")
    assert banner is not None and (banner.name, banner.baseline, banner.target) == (
        "年少人口（0～14歳）",
        "612人",
        "維持",
    )


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [("目標", "target", None), ("実績②", "actual", 2), ("目標値①", "target", 1), ("区分", None, None)],
    ids=["bare", "numbered-actual", "numbered-target", "other"],
)
def test_numbered_row_kind(text: str, kind: str | None, number: int | None) -> None:
    assert numbered_row_kind(text) == (kind, number)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("業務量削減目標値（時間）", "target"), ("財政効果実績額（千円）", "actual"), ("目標", None), ("整備計画", None)],
    ids=["target-named", "actual-named", "bare-word", "plan-is-no-indicator"],
)
def test_named_row_kind(text: str, kind: str | None) -> None:
    assert named_row_kind(text) == kind


def test_split_indicator_names() -> None:
    assert split_indicator_names("①電子決裁率\n②コピー用紙の利用枚数 ※2020年度実績：約3,200万枚") == [
        ("電子決裁率", None),
        ("コピー用紙の利用枚数", "2020年度実績：約3,200万枚"),
    ]
    assert split_indicator_names("マイナンバーカード交付率") == [("マイナンバーカード交付率", None)]


def test_years_actuals_beside_a_baseline() -> None:
    """`R4実績` beside `基準値（H30）` is an actual of its year; a 実績 column alone is the baseline of a target."""
    row = ["KPI", "基準値（H30）", "R4実績", "R5実績", "R6目標"]
    assert [(h.kind, h.year) for h in value_headings(row)] == [
        ("baseline", 2018),
        ("actual", 2022),
        ("actual", 2023),
        ("final_target", 2024),
    ]
    assert [h.kind for h in value_headings(["指標", "実績値（R4）", "目標値（R7）"])] == ["baseline", "final_target"]


@pytest.mark.parametrize(
    ("text", "legend"),
    [
        ("【】 平成26年度全国平均", ("全国平均", 2014)),
        ("【】令和4年度 類似団体平均値", ("類似団体平均値", 2022)),
        ("【】 注記", None),  # no year, no comparison group
        ("【】 平成26年度 当該値", None),  # the plan's own values are no bracketed series
    ],
    ids=["zenkoku", "ruiji", "note", "own"],
)
def test_bracket_legend(text: str, legend: tuple[str, int] | None) -> None:
    found = read_bracket_legend(text, era="平成")
    assert (found.series, found.year) == legend if legend else found is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("【992.47】", "992.47"),
        ("【 1,316.70 】", "1,316.70"),
        ("【0.03】", "0.03"),
        ("【No.1】", None),
        ("992.47", None),
    ],
    ids=str,
)
def test_bracketed_figure(text: str, figure: str | None) -> None:
    assert read_bracketed_figure(text) == figure
