"""normalizers.units: units and qualifiers of indicator names printed in raw/."""

from __future__ import annotations

import pytest
from rawlines import cells

from normalizers.units import UNITS, match_unit, unit_from_name

# (id, indicator name as printed, (unit, qualifier), source "<doc>:<line>" or None)
NAMES = [
    (
        "percent-after-qualifier",
        "オンラインで利用できる手続きの割合（年間処理件数ベース）（％）",
        ("%", "年間処理件数ベース"),
        "000:383",
    ),
    (
        "percent-full-width-parens",
        "市政情報を得るためにSNS（福岡市LINE公式アカウント）を利用したことがある人の割合（%）",
        ("%", None),
        "000:508",
    ),
    ("percent-then-qualifier", "年齢層別要介護認定率（％） （65～74歳）", ("%", "65～74歳"), "000:531"),
    (
        "square-brackets",
        "家庭部門における世帯あたりのエネルギー消費量 [GJ/世帯]",
        ("GJ/世帯", None),
        "000:947",
    ),
    ("per-month-full-width-slash", "データのダウンロード数（件／月）", ("件/月", None), "000:491"),
    (
        "per-month-after-qualifier",
        "Web会議の開催数(月間利用回数)(回/月)",
        ("回/月", "月間利用回数"),
        "000:1092",
    ),
    ("people", "条例定数（人）", ("人", None), "000:1267"),
    ("five-point-scale", "会計室実施の研修理解度 (5段階評価)", (None, "5段階評価"), "000:1229"),
    ("four-point-max", "受講者の研修満足度（4点満点）", ("点", "4点満点"), "000:1345"),
    (
        "count-then-qualifier",
        "大学と地域の連携・交流事業数（件）（区主催・共催事業含む）",
        ("件", "区主催・共催事業含む"),
        "000:820",
    ),
    ("cumulative", "キャッシュレス決済を利用できる窓口・施設数（累計）", (None, "累計"), "000:391"),
    ("hours", "業務量削減目標値（時間）", ("時間", None), "003:650"),
    ("thousand-yen", "財政効果目標額（千円）", ("千円", None), "003:651"),
    (
        "formula-qualifier",
        "オンライン利用率(%) (オンライン利用件数/オンライン化済手続きの総処理件数)",
        ("%", "オンライン利用件数/オンライン化済手続きの総処理件数"),
        "002:206",
    ),
    ("qualifier-and-unit-in-one", "3Dハザードマップの公表(達成率・%)", ("%", "達成率"), "002:753"),
    ("ten-thousand-people", "入込観光客数(万人)", ("万人", None), "002:1491"),
    ("km", "河川3Dマップを構築する河川延長(km)", ("km", None), "002:1334"),
    ("no-unit", "マイナンバーカード交付率", (None, None), "004:483"),
    ("bracket-not-at-end", "導入施設数（交流館、学校体育館）の割合", (None, None), None),
    ("empty", "", (None, None), None),
]


@pytest.mark.parametrize(("name", "expected", "source"), [r[1:] for r in NAMES], ids=[r[0] for r in NAMES])
def test_unit_from_name(name: str, expected: tuple[str | None, str | None], source: str | None) -> None:
    if source is not None:
        assert name in cells(source), f"{name!r} is not a cell of {source}"
    assert unit_from_name(name) == expected


def test_units_table_is_reviewed() -> None:
    # No duplicates, no surrounding spaces, already half-width.
    assert len(set(UNITS)) == len(UNITS)
    for unit in UNITS:
        assert unit == unit.strip() and unit
        assert not any(0xFF01 <= ord(c) <= 0xFF5D for c in unit)
    for unit in (
        "%",
        "件",
        "人",
        "回",
        "施設",
        "世帯",
        "校区",
        "千円",
        "円",
        "時間",
        "手続",
        "業務",
        "分野",
        "学区",
        "km",
        "台",
        "GJ/世帯",
        "件/月",
        "回/月",
        "点",
        "名",
        "社",
        "団体",
        "か所",
    ):
        assert unit in UNITS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("千円）", "千円"),
        ("円", "円"),
        ("時間/年", "時間/年"),
        ("時間", "時間"),
        ("％", "%"),
        ("年", None),
        ("品目", "品目"),
        ("品", "品"),
    ],
    ids=["sen-en-longest", "en", "per-year-longest", "hours", "full-width-percent", "not-a-unit", "hinmoku", "hin"],
)
def test_match_unit_prefers_longest(text: str, expected: str | None) -> None:
    assert match_unit(text) == expected
