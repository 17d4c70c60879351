"""The spaces a layout dump prints between Japanese text and numbers or Latin words: which are closed up."""

from __future__ import annotations

import pytest

from pipeline.read_layout_text import clean
from pipeline.spaced_digits import COUNTERS, NUMERAL_PREFIXES, close_spaced_digits


@pytest.mark.parametrize("counter", COUNTERS, ids=COUNTERS)
def test_a_number_is_glued_to_its_counter(counter: str) -> None:
    assert close_spaced_digits(f"1,250 {counter}") == f"1,250{counter}"


@pytest.mark.parametrize("prefix", NUMERAL_PREFIXES, ids=NUMERAL_PREFIXES)
def test_a_numeral_prefix_is_glued_to_its_number(prefix: str) -> None:
    assert close_spaced_digits(f"{prefix} 3") == f"{prefix}3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和 2 年度", "令和2年度"),
        ("令和 6 年 3 月改定", "令和6年3月改定"),
        ("令和 6(2024)年度", "令和6(2024)年度"),
        ("第 5 次総合計画", "第5次総合計画"),
        ("約 2 割", "約2割"),
        ("12,400 人（2014 年度）", "12,400人（2014年度）"),
        ("基準値（R 元）", "基準値（R元）"),
        ("PR シート", "PRシート"),
        ("ICT を活用", "ICTを活用"),
        ("1 学校施設の長寿命化", "1 学校施設の長寿命化"),
        ("施策3 子育て支援の充実", "施策3 子育て支援の充実"),
        ("現状 1,240 件", "現状 1,240件"),
        ("上下水道係 1名", "上下水道係 1名"),
        ("10 ㎥", "10 ㎥"),
        ("Open Data", "Open Data"),
        ("20 40", "20 40"),
        ("RPA 元年", "RPA元年"),
    ],
    ids=[
        "era-year",
        "date",
        "era-and-gregorian",
        "ordinal",
        "approximately",
        "amounts-and-years",
        "era-letter-first-year",
        "latin-and-katakana",
        "latin-and-particle",
        "item-number-before-title",
        "heading-number-before-title",
        "label-before-value",
        "label-before-value-unspaced",
        "symbol-unit",
        "latin-words",
        "numbers",
        "latin-word-before-kanji",
    ],
)
def test_spaces_beside_numbers_and_latin_words(text: str, expected: str) -> None:
    assert close_spaced_digits(text) == expected


def test_clean_closes_them_after_the_letter_spacing() -> None:
    assert clean("計画期間：令和 ６ 年度～令和 ９ 年度") == "計画期間：令和6年度～令和9年度"
