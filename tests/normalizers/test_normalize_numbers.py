"""normalizers.numbers: kanji numerals and value cells, on cells printed in raw/."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rawlines import cells

from normalizers.numbers import STATUSES, ParsedValue, kanji_to_number, parse_value

KANJI = [
    ("man-sen", "3万8千", 38000, "000:101"),
    ("man", "4万", 40000, "000:607"),
    ("man-sen-2", "7万4千", 74000, "000:101"),
    ("sen-man", "4千万", 40_000_000, "003:2331"),
    ("oku", "50億", 5e9, "003:2417"),
    ("comma-man", "15,000万", 150_000_000, "003:2826"),
    ("man-sen-hours", "1万4千", 14000, "003:894"),
    ("kanji-digits", "三千", 3000, None),
    ("kanji-juu", "二十五", 25, None),
    ("kanji-positional", "二〇二三", 2023, None),
    ("oku-man", "1億2千万", 120_000_000, None),
    ("decimal-man", "0.5万", 5000, None),
    ("plain", "1,500,000", 1_500_000, "002:805"),
    ("full-width", "３万", 30000, None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in KANJI], ids=[r[0] for r in KANJI])
def test_kanji_to_number(printed: str, expected: float, source: str | None) -> None:
    if source is not None:
        assert any(printed in c for c in cells(source))
    assert kanji_to_number(printed) == expected


@pytest.mark.parametrize("printed", ["", "万", "3 4", "万4", "4万人", "万万", "百千", "abc"], ids=repr)
def test_kanji_to_number_rejects(printed: str) -> None:
    assert kanji_to_number(printed) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_kanji_to_number_of_plain_integers(n: int) -> None:
    assert kanji_to_number(f"{n:,}") == n
    assert kanji_to_number(str(n)) == n


def V(
    value: float | None,
    status: str = "numeric",
    *,
    comparator: str | None = None,
    as_of: datetime.date | None = None,
    denominator: float | None = None,
    unit: str | None = None,
    note: str | None = None,
) -> ParsedValue:
    return ParsedValue(value, status, comparator, as_of, denominator, unit, note)


NA = V(None, "not_applicable")
PENDING = V(None, "pending")
TEXT = V(None, "text")
SAME = V(None, "same_as_previous")

# (id, cell as printed (tags stripped), expected, source "<doc>:<line>" whose cells print it, or
# None for a constructed variant of a printed one).  A few cells are printed inside a longer
# one (header cells with their values, `現状値(4年度) 6 (18)`; sentences), which is how the
# extractors hand them over after splitting.
CELLS: list[tuple[str, str, ParsedValue, str | None]] = [
    # plain numbers
    ("decimal", "78.6", V(78.6), "000:384"),
    ("thousands", "140,000", V(140000), "000:417"),
    ("millions", "1,500,000", V(1_500_000), "002:805"),
    ("zero", "0", V(0), "002:338"),
    ("half", "0.5", V(0.5), None),
    # as-of annotations
    ("as-of-month-end", "5,583 (R3.1月末時点)", V(5583, as_of=datetime.date(2021, 1, 31)), "000:403"),
    ("as-of-full-width", "47.1 （R3.1月末現在）", V(47.1, as_of=datetime.date(2021, 1, 31)), "000:544"),
    ("as-of-month-only", "1 (R3.1月時点)", V(1, as_of=datetime.date(2021, 1, 1)), "000:919"),
    ("as-of-no-jiten", "12,410 (R4.11月末)", V(12410, as_of=datetime.date(2022, 11, 30)), "002:376"),
    ("as-of-genzai", "183 (R4.11月現在)", V(183, as_of=datetime.date(2022, 11, 1)), "002:1287"),
    # not applicable
    ("hyphen", "-", NA, "000:520"),
    ("em-dash", "—", NA, "000:885"),
    ("full-width-hyphen", "－", NA, "003:2692"),
    ("katakana-long-vowel", "ー", NA, None),
    ("kanji-one-as-dash", "一", NA, "003:1035"),
    # not started / pending
    ("mijisshi", "未実施", V(None, "not_started"), "000:584"),
    ("mikakutei", "未確定", PENDING, "000:690"),
    ("mitei", "未定", PENDING, "003:1987"),
    ("chousago-settei", "調査後設定※", PENDING, "002:324"),
    ("chousago-settei-spaced", "調査後設定 ※", PENDING, "002:215"),
    ("shihyou-nashi", "指標なし (今後調査)", V(None, "pending", note="今後調査"), "002:215"),
    ("shihyou-nashi-full-width", "指標なし（今後調査）", V(None, "pending", note="今後調査"), None),
    (
        "set-after-survey",
        "※改修後の利用率調査後に設定",
        V(None, "pending", note="※改修後の利用率調査後に設定"),
        "002:260",
    ),
    ("set-from-r5", "R5年度以降設定※", V(None, "pending", note="R5年度以降設定※"), "002:454"),
    ("kome-alone", "※", PENDING, "002:534"),
    ("mitei-with-note", "未定（システム導入経費）", V(None, "pending", note="システム導入経費"), "003:875"),
    # relative
    ("genjou-ijou", "現状以上", V(None, "relative", comparator=">="), "000:698"),
    ("zouka", "増加", V(None, "relative", comparator=">"), "002:594"),
    ("joushou", "上昇", V(None, "relative", comparator=">"), "003:328"),
    ("iji", "維持", V(None, "relative", comparator="="), None),
    ("genjou-iji", "現状維持", V(None, "relative", comparator="="), None),
    # same as previous (resolved by the pipeline)
    ("dousa", "同左", SAME, "002:215"),
    ("arrow", "→", SAME, "002:1492"),
    # comparators, notes
    ("ijou", "30以上", V(30, comparator=">="), "000:1006"),
    ("kome-note", "16 ※新型コロナの影響", V(16, note="※新型コロナの影響"), "000:821"),
    ("kome-note-zero", "0 ※新型コロナの影響", V(0, note="※新型コロナの影響"), "000:1026"),
    ("count-in-parens", "59.6 （90校区）", V(59.6, note="90校区"), "000:836"),
    ("remark-in-parens", "2,400 (見込み件数)", V(2400, note="見込み件数"), "002:563"),
    ("label-in-parens", "11（課題件数）", V(11, note="課題件数"), "003:1228"),
    ("year-note", "24 件 (H27)", V(24, unit="件", note="H27"), "001:174"),
    ("cumulative-note", "103 件 (H29～R2累計)", V(103, unit="件", note="H29～R2累計"), "001:174"),
    # units
    ("percent", "36.3%", V(36.3, unit="%"), "004:486"),
    ("percent-spaced", "6.8 %", V(6.8, unit="%"), "003:328"),
    ("fields", "13分野", V(13, unit="分野"), "004:499"),
    ("people", "7,260人", V(7260, unit="人"), "004:547"),
    ("km", "700km", V(700, unit="km"), "004:811"),
    ("tasks", "17業務", V(17, unit="業務"), "004:729"),
    ("per-year", "24時間/年", V(24, unit="時間/年"), "004:801"),
    ("sen-en-unit", "年額360千円", V(360, unit="千円", note="年額"), "003:757"),
    ("unit-in-parens", "3,395（千円）※令和2年度実績", V(3395, unit="千円", note="※令和2年度実績"), "003:929"),
    ("capacity", "定員30名", V(30, unit="名", note="定員"), "002:545"),
    # denominators
    ("ratio-full-width-slash", "150手続／800手続", V(150, denominator=800, unit="手続"), "004:475"),
    ("ratio-slash", "150手続/800手続", V(150, denominator=800, unit="手続"), None),
    ("ratio-facilities", "35施設/148施設", V(35, denominator=148, unit="施設"), "004:523"),
    (
        "ratio-with-note",
        "100台/887台（試験導入）",
        V(100, denominator=887, unit="台", note="試験導入"),
        "004:778",
    ),
    ("ratio-kome", "17件/31件※", V(17, denominator=31, unit="件", note="※"), "004:960"),
    # value in parentheses
    ("value-in-parens", "試行実施（2施設）", V(2, unit="施設", note="試行実施"), "004:509"),
    ("value-then-parens", "2施設（実証実験）", V(2, unit="施設", note="実証実験"), "004:755"),
    ("all-schools", "全校(98)", V(98, note="全校"), "002:601"),
    (
        "bullet-list-is-text",
        "・必要に応じてニーズ調査を検討 ・現在支援している14学区に加え、新たに希望する学区を随時支援",
        TEXT,
        "004:679",
    ),
    # signs
    ("triangle", "△480", V(-480, note="△"), "003:785"),
    ("triangle-spaced", "△ 20", V(-20, note="△"), "003:2073"),
    ("black-triangle", "▲100", V(-100, note="▲"), "003:2360"),
    ("triangle-unit-note", "△24時間（一人当たり）", V(-24, unit="時間", note="△; 一人当たり"), "003:2693"),
    # kanji multipliers
    ("man-sen-households", "3万8千世帯", V(38000, unit="世帯"), None),
    ("approx-man", "約4万人", V(40000, unit="人", note="約"), "000:607"),
    ("donation", "寄附額4千万円", V(40_000_000, unit="円", note="寄附額"), "003:2331"),
    ("oku-en", "寄附額50億円", V(5e9, unit="円", note="寄附額"), "003:2417"),
    (
        "man-en-ijou",
        "15,000万円以上の工事で導入",
        V(150_000_000, comparator=">=", unit="円", note="の工事で導入"),
        "003:2826",
    ),
    ("man-sheets", "約3,200万枚", V(32_000_000, unit="枚", note="約"), None),
    # qualifiers after the unit
    ("reduction", "20%減", V(20, unit="%", note="減"), "002:1013"),
    ("reduction-2", "10%削減", V(10, unit="%", note="削減"), "004:741"),
    ("deadline", "2025年度末までに100%", V(100, unit="%", note="2025年度末までに"), "004:901"),
    ("deadline-tasks", "2025年度末までに20業務", V(20, unit="業務", note="2025年度末までに"), "004:938"),
    (
        "sentence-target",
        "※令和7年度までに20%以上とすることを目標とする。",
        V(20, comparator=">=", unit="%", note="※令和7年度までに20%以上とすることを目標とする。"),
        "000:1283",
    ),
    (
        "remark-with-numbers",
        "70%（残る30%は財務会計システム分）",
        V(70, unit="%", note="残る30%は財務会計システム分"),
        "004:739",
    ),
    # text: several candidate numbers, ranges, words
    ("range", "15~80", TEXT, "002:1109"),
    ("two-numbers", "対面30 オンライン30", TEXT, "002:545"),
    ("packed-two-indicators", "6 (18)", TEXT, "002:485"),
    ("formula", "1日8h*20日*2人", TEXT, "003:3024"),
    ("ratio-of-people", "1台：3名", TEXT, "003:2744"),
    ("two-years-two-values", "H27年3万8千世帯→R7年7万4千世帯", TEXT, "000:101"),
    ("keizoku", "継続", TEXT, "002:1204"),
    ("shuuryou", "終了", TEXT, "004:607"),
    ("expand", "運用状況を踏まえ拡大", TEXT, "004:509"),
    ("design", "制度設計", TEXT, "004:971"),
    ("cost-label", "(運用コスト)", TEXT, "003:730"),
    ("unknown", "不明", TEXT, "003:2665"),
    ("unknown-with-remark", "不明（国の説明では効果あり）", TEXT, "003:2582"),
    ("asterisk-reference", "*", TEXT, "003:2938"),
    ("nendo-label", "3年度", TEXT, "000:377"),
    ("month-label", "7月導入予定", TEXT, None),
    ("empty", "", TEXT, None),
]


def test_cell_table_covers_every_status() -> None:
    assert {v.status for _, _, v, _ in CELLS} == set(STATUSES)


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in CELLS], ids=[r[0] for r in CELLS])
def test_parse_value(printed: str, expected: ParsedValue, source: str | None) -> None:
    if source is not None:
        assert any(printed in c for c in cells(source)), f"{printed!r} is not printed in a cell of {source}"
    assert parse_value(printed) == expected


def test_parse_value_multiline_cell() -> None:
    assert parse_value("5,583\n(R3.1月末時点)") == V(5583, as_of=datetime.date(2021, 1, 31))


def test_parse_value_full_width_digits() -> None:
    assert parse_value("３６．３％") == V(36.3, unit="%")


def test_parse_value_default_era_for_as_of() -> None:
    assert parse_value("12 (3年1月末時点)", default_era="平成").as_of == datetime.date(1991, 1, 31)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_parse_value_reads_printed_decimals(d: object) -> None:
    text = f"{d:,}"
    assert parse_value(text) == V(float(str(d)))
