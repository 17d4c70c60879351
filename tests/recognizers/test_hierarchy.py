"""Hierarchy headings: words of the vocabulary with numbers, numbering styles, and what is body text."""

from __future__ import annotations

import pytest

from recognizers.hierarchy import HeadingStack, read_heading, read_trailing_heading

HEADINGS = [
    ("基本目標1 しごとをつくる", "基本目標", "1", "しごとをつくる"),
    ("基本目標Ⅱ　安心して暮らせるまち", "基本目標", "Ⅱ", "安心して暮らせるまち"),
    ("施策1-2 子育て支援の充実", "施策", "1-2", "子育て支援の充実"),
    ("取組方針1 《スマート》迅速で便利なサービスへの転換", "取組方針", "1", "《スマート》迅速で便利なサービスへの転換"),
    ("推進項目① AIやIoTなど先進技術の活用", "推進項目", "①", "AIやIoTなど先進技術の活用"),
    ("政策3：安全・安心", "政策", "3", "安全・安心"),
    ("第2章 計画の概要", "chapter", "2", "計画の概要"),
    ("（2）民間活力の活用等", "paren", "2", "民間活力の活用等"),
    ("① 施設", "circled", "①", "施設"),
    ("1．事業概要", "dotted", "1", "事業概要"),
    ("1 職員の勤務環境の整備に関する事項", "spaced", "1", "職員の勤務環境の整備に関する事項"),
    ("２　目 的", "spaced", "2", "目 的"),
]


@pytest.mark.parametrize(("text", "style", "number", "name"), HEADINGS, ids=[h[0][:8] for h in HEADINGS])
def test_heading(text: str, style: str, number: str, name: str) -> None:
    heading = read_heading(text)
    assert heading is not None
    assert (heading.style, heading.number, heading.name) == (style, number, name)


@pytest.mark.parametrize(
    "text",
    [
        "施策",
        "施策の推進にあたっては、市民の理解を得ることが重要",
        "今後の取組を進めます。",
        "1.00",
        "2021年度",
        "（1）",
        "基本目標1 しごとをつくる\n本市は…",
        "1．" + "あ" * 70,
        "3 件",
        "5 施設へ設置",
        "1 a",
    ],
    ids=[
        "word-alone",
        "glued-word",
        "sentence",
        "figure",
        "year",
        "number-alone",
        "two-lines",
        "too-long",
        "count",
        "count-and-words",
        "latin",
    ],
)
def test_not_a_heading(text: str) -> None:
    assert read_heading(text) is None


def test_levels_are_styles_in_the_order_first_printed() -> None:
    stack = HeadingStack()
    for text in ("基本目標1 a", "施策1 b", "施策2 c", "基本目標2 d", "施策3 e"):
        heading = read_heading(text)
        assert heading is not None
        stack.push(heading)
    assert [h.text for h in stack.current] == ["基本目標2 d", "施策3 e"]
    assert stack.levels == ["基本目標", "施策"]


@pytest.mark.parametrize(
    ("text", "number", "name"),
    [
        ("施策評価シート（令和6年度）施策3 子育て支援の充実", "3", "子育て支援の充実"),
        ("架空町 総合戦略 基本目標2 人の流れ", "2", "人の流れ"),
    ],
    ids=["after-bracket", "after-space"],
)
def test_heading_at_the_end_of_a_title_line(text: str, number: str, name: str) -> None:
    heading = read_trailing_heading(text)
    assert heading is not None and (heading.number, heading.name) == (number, name)


@pytest.mark.parametrize(
    "text",
    ["本市の施策3 については後述します。", "施策評価シート", "令和6年度の施策の方向"],
    ids=["sentence", "none", "no-number"],
)
def test_no_heading_at_the_end(text: str) -> None:
    assert read_trailing_heading(text) is None
