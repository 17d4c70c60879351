"""Seed 004 (福山市 行政版デジタル化実行計画 第1.2版 + 個別事業編): cards, values and ロードマップ.

Line numbers are docs/layouts.md §5's (1-based, `str.split("\\n")`).
"""

from __future__ import annotations

import functools

import pytest

from extractors import fukuoka_dx_cards, fukuoka_plan_cards, fukuyama_cards
from extractors.model import Extraction, Finding, RawCard, RawIndicator
from pipeline.normalize import NormalizedDocument
from pipeline.read_text import read_text_dump
from tests.conftest import RAW, normalized, read

FUKUYAMA = RAW / "fukuyama_digital_action_plan_v1_2_2023.txt"
LINES = FUKUYAMA.read_text(encoding="utf-8").split("\n")

# 個別事業 per 施策 as the 概要 table (416-462) numbers them.
MEASURES = {
    "1-1": ("行政手続のオンライン化", "市民サービスの向上", 10),
    "1-2": ("窓口のスマート化", "市民サービスの向上", 4),
    "1-3": ("情報発信の最適化", "市民サービスの向上", 7),
    "2-1": ("デジタルの活用による業務効率化", "行政内部事務の効率化", 9),
    "2-2": ("多様な働き方の実現", "行政内部事務の効率化", 3),
    "3-1": ("市民サービスに係る基盤整備", "デジタル基盤整備と人材育成", 5),
    "3-2": ("行政内部の基盤整備", "デジタル基盤整備と人材育成", 1),
    "3-3": ("デジタル化推進体制の構築", "デジタル基盤整備と人材育成", 3),
}
# docs/layouts.md §5 "Value-row geometry".
SHIFTED_LEFT = {548, 558, 597, 598, 607, 608, 622, 632, 742, 766, 864, 876, 877, 887, 888, 902, 912}
LABEL_IN_COL_2 = {739, 778, 787, 924}  # + the column-wise 692, 701
STOPS_EARLY = {485, 607, 679, 739, 741, 765, 787, 839, 849, 863, 876, 885, 887, 901, 924, 938, 970}


@functools.cache
def fukuyama() -> tuple[Extraction, NormalizedDocument]:
    """Extraction and normalized rows of seed 004, built as the pipeline builds them."""
    return normalized(FUKUYAMA)


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return fukuyama()[0]


@pytest.fixture(scope="module")
def rows() -> NormalizedDocument:
    return fukuyama()[1]


@pytest.fixture(scope="module")
def cards(extraction: Extraction) -> dict[str, RawCard]:
    return {card.path: card for card in extraction.cards}


def _finding(extraction: Extraction, check: str) -> Finding:
    found = [f for f in extraction.findings if f.check == check]
    assert len(found) == 1, (check, found)
    return found[0]


def _values(indicator: RawIndicator, kind: str) -> list[tuple[str, str]]:
    """(year heading, or `>` + the year taken from the grid, printed text) of one kind."""
    return [(v.heading or f">{v.year_hint}", v.text) for v in indicator.values if v.kind == kind]


def _years(*texts: str, start: int = 2021) -> list[tuple[str, str]]:
    return [(f"{start + i}年度", t) for i, t in enumerate(texts)]


# --- detection, document facts --------------------------------------------------------------


def test_detects_only_this_document() -> None:
    for path in sorted(RAW.glob("*.txt")):
        document = read(path)
        assert fukuyama_cards.detect(document) is (path == FUKUYAMA), path.name
    document = read(FUKUYAMA)
    assert not fukuoka_plan_cards.detect(document) and not fukuoka_dx_cards.detect(document)


def test_cover_facts(extraction: Extraction, rows: NormalizedDocument) -> None:
    """read_info reads title, edition and month (5, 7); city and period come from the text (35, 43)."""
    info = extraction.info
    assert (info.title, info.edition, info.published) == ("行政版デジタル化実行計画", "第1.2版", "2023年（令和5年）6月")
    assert info.municipality == "福山市"
    document = rows.documents[0]
    assert (document.municipality_code, document.prefecture) == ("342076", "広島県")
    assert (document.period_start_fy, document.period_end_fy) == (2021, 2024)  # 2021年11月～2025年3月
    assert str(document.published) == "2023-06-01"
    assert _finding(extraction, "period_from_months").status == "ok"


# --- hierarchy and completeness --------------------------------------------------------------


def test_42_cards_with_their_paths(extraction: Extraction) -> None:
    individual = [c for c in extraction.cards if c.parent_path is not None]
    expected = [f"{m}-{n}" for m, (_, _, count) in MEASURES.items() for n in range(1, count + 1)]
    assert [c.path for c in individual] == expected and len(expected) == 42
    assert len(extraction.cards) == 50


def test_8_measure_cards_are_parents(cards: dict[str, RawCard], extraction: Extraction) -> None:
    measures = [c for c in extraction.cards if c.parent_path is None]
    assert [c.path for c in measures] == list(MEASURES)
    for path, (name, policy, _) in MEASURES.items():
        card = cards[path]
        assert (card.title, card.policy, card.measure, card.item_no) == (name, policy, None, path)
    card = cards["1-1-3"]  # third card of 施策 1-1 (492)
    assert (card.parent_path, card.item_no, card.policy, card.measure) == (
        "1-1",
        "3",
        "市民サービスの向上",
        "行政手続のオンライン化",
    )
    # Cards after `1-2窓口のスマート化` (586, no space) belong to 1-2.
    assert cards["1-2-1"].title == "窓口予約システムの導入" and cards["1-2-1"].source_line == 588


def test_garbled_overview_rows_454_462(cards: dict[str, RawCard]) -> None:
    """Numbers in col 0 (456-458) and 施策 in col 0 (459-460) still land under the right 施策."""
    assert cards["3-1-3"].title == "ICT教育環境の整備" and cards["3-1"].source_line == 454
    assert cards["3-2"].source_line == 459 and cards["3-3"].source_line == 460
    assert cards["3-2-1"].parent_path == "3-2" and cards["3-3-3"].parent_path == "3-3"


def test_page_and_measure_headers_are_not_content(extraction: Extraction) -> None:
    titles = {c.title for c in extraction.cards}
    assert not any(t.startswith(("1 市民サービスの向上", "1-1 ")) for t in titles)  # 464, 466
    # The 役割 table (387-395) is not an initiative.
    assert not any("CIO" in t or "実施責任者" in t for t in titles)


def test_completeness_findings(extraction: Extraction, rows: NormalizedDocument) -> None:
    overview = _finding(extraction, "cards_vs_overview")
    assert (overview.status, overview.expected, overview.found) == ("ok", 42, 42)
    titles = _finding(extraction, "titles_vs_overview")
    assert (titles.status, titles.found) == ("warning", 39)
    assert titles.detail.startswith("1-1-3: 概要 '問合せ自動応答サービスの分野拡大'")  # 419 / 492 adds （正式名：…）
    assert "1-1-8: 概要 '健康増進アプリの導入' / card '健康増進アプリの活用'" in titles.detail  # 424 / 550
    assert "3-3-2: 概要 'データの利活用'" in titles.detail  # 461 / 953
    summary = _finding(extraction, "overview_vs_summary")  # `10事業` … (244-301)
    assert (summary.status, summary.expected, summary.found) == ("ok", 42, 42)
    assert [q.check for q in rows.quality if q.check == "cards_vs_overview"] == ["cards_vs_overview"]
    assert not [f for f in extraction.findings if f.status == "error"]


# --- card fields -----------------------------------------------------------------------------


def test_card_fields(cards: dict[str, RawCard]) -> None:
    card = cards["1-1-1"]  # 468-476
    assert card.title == "オンライン手続の拡大" and card.departments == "ICT推進課ほか"
    assert dict(card.attributes)["課題"].startswith("多様な市民ニーズへの対応")
    assert dict(card.attributes)["目的"] == "多様な生活スタイルに対応した行政手続を提供します。"
    assert card.description == dict(card.attributes)["概要"]
    assert [k for k, _ in card.attributes] == ["課題", "目的", "概要"]


def test_departments(rows: NormalizedDocument) -> None:
    """17 `ほか`; separators `，` `、` `, `; `福山中・高等学校` (898) stays one name."""
    by_id = {r.initiative_id.split(":")[1]: r for r in rows.initiatives}
    assert sum(r.has_other_departments for r in rows.initiatives) == 17
    assert by_id["1-1-4"].departments == ("ICT推進課", "まちづくり推進課", "教育総務課")  # 506 `、` + ほか
    assert by_id["1-1-4"].has_other_departments
    assert by_id["2-1-3"].departments == ("保育指導課", "保育施設課")  # 752 `, `
    assert by_id["3-1-3"].departments == ("教育総務課", "学事課", "学びづくり課", "福山中・高等学校")  # 898 `，`


def test_card_without_indicator_block(cards: dict[str, RawCard]) -> None:
    assert cards["3-3-1"].indicators == () and cards["3-3-1"].departments == "ICT推進課ほか"  # 943-947


# --- indicator values ------------------------------------------------------------------------


def test_value_counts_match_the_catalogue(extraction: Extraction) -> None:
    """296 printed 目標/実績 cells (141 + 155, 108 `-`) plus the column-wise blocks 692-693, 700-702."""
    column_wise = {"1-3-5", "1-3-6"}
    counts: dict[tuple[bool, str], int] = {}
    dashes: dict[tuple[bool, str], int] = {}
    for card in extraction.cards:
        for indicator in card.indicators:
            for value in indicator.values:
                key = (card.path in column_wise, value.kind)
                counts[key] = counts.get(key, 0) + 1
                dashes[key] = dashes.get(key, 0) + (value.text == "-")
    assert counts == {
        (False, "target"): 141,
        (False, "actual"): 155,
        (False, "baseline"): 1,  # `※2020年度実績：約3,200万枚` (737)
        (True, "target"): 6,
        (True, "actual"): 4,
    }
    assert (dashes[(False, "target")], dashes[(False, "actual")]) == (18, 90)
    indicators = [i for c in extraction.cards for i in c.indicators]
    assert len(indicators) == 44  # 38 blocks + 3 second indicators + 3 スケジュール blocks


def _value_row_lines() -> list[int]:
    return [
        n
        for n, line in enumerate(LINES, start=1)
        if n > 463
        and (cells := [c.strip() for c in line.split("\t")])
        and any(cells[:3])
        and fukuyama_cards._VALUE_LABEL_RE.match(next(c for c in cells if c))
        # 692 and 701 print `目標 ¦ 実績 ¦ 終了`: the column-wise blocks, tested on their own.
        and sum(1 for c in cells if fukuyama_cards._VALUE_LABEL_RE.match(c)) == 1
    ]


def test_every_value_row_reads_relative_to_its_label(cards: dict[str, RawCard]) -> None:
    """All 84 目標/実績 rows (not 692/701): the geometry docs/layouts.md §5 lists, read value by value."""
    lines = _value_row_lines()
    assert len(lines) == 84
    starts = sorted((c.source_line or 0, c.path) for c in cards.values() if c.parent_path)
    geometry: dict[str, set[int]] = {"standard": set(), "col1": set(), "shifted": set(), "col2": set()}
    for number in lines:
        cells = [c.strip() for c in LINES[number - 1].split("\t")]
        col = next(i for i, c in enumerate(cells) if c)
        kind = "standard" if col == 0 and not cells[1] else ("shifted" if col == 0 else f"col{col}")
        geometry[kind].add(number)
        start = {"standard": 2, "shifted": 1, "col1": 2, "col2": 3}[kind]
        label = fukuyama_cards._VALUE_LABEL_RE.match(cells[col])
        assert label is not None
        path = [p for line, p in starts if line <= number][-1]
        index = "①②".index(label["no"]) if label["no"] else 0
        got = [
            (v.heading or v.year_hint, v.text)
            for v in cards[path].indicators[index].values
            if v.kind == fukuyama_cards.KINDS[label["kind"]]
        ]
        expected = [(f"{2021 + i}年度", t) for i, t in enumerate(cells[start : start + 4]) if t]
        assert got == expected, number
    assert {k: len(v) for k, v in geometry.items()} == {"standard": 40, "col1": 23, "shifted": 17, "col2": 4}
    assert geometry["shifted"] == SHIFTED_LEFT and geometry["col2"] == LABEL_IN_COL_2


def test_targets_that_stop_early(cards: dict[str, RawCard]) -> None:
    """17 target rows print fewer than 4 values: they have fewer values, never shifted ones."""
    starts = sorted((c.source_line or 0, c.path) for c in cards.values() if c.parent_path)
    short = set()
    for number in _value_row_lines():
        cells = [c.strip() for c in LINES[number - 1].split("\t")]
        label = next(c for c in cells if c)
        if not label.startswith("目標"):
            continue
        path = [p for line, p in starts if line <= number][-1]
        index = 1 if label.endswith("②") else 0
        if len([v for v in cards[path].indicators[index].values if v.kind == "target"]) < 4:
            short.add(number)
    assert short == STOPS_EARLY
    assert _values(cards["1-1-2"].indicators[0], "target") == _years("40%", "100%")  # 485
    assert _values(cards["1-2-2"].indicators[0], "target") == _years("-", "40%", "終了")  # 607
    assert _values(cards["1-2-2"].indicators[0], "actual") == _years("-", "市LINE公式アカウントの 予約機能を活用(24%)")


def test_denominators(rows: NormalizedDocument) -> None:
    """19 `150手続／800手続` cells, `／` and `/` (475 ×4, 523 ×4, 778 ×2, 779, 849 ×2, 885 ×2, 960 ×4)."""
    with_denominator = [v for v in rows.indicator_values if v.denominator is not None]
    assert len(with_denominator) == 19
    first = next(v for v in rows.indicator_values if v.value_text == "150手続／800手続")
    assert (first.value, first.denominator, first.unit, first.fiscal_year) == (150.0, 800.0, "手続", 2021)
    half = next(v for v in rows.indicator_values if v.value_text == "35施設/148施設")  # 523
    assert (half.value, half.denominator) == (35.0, 148.0)


def test_standard_row_with_three_year_header(cards: dict[str, RawCard], rows: NormalizedDocument) -> None:
    """474 prints 2021-2023 one column right; 475's 4th value is 2024年度, from the grid."""
    assert _values(cards["1-1-1"].indicators[0], "target") == [
        *_years("150手続／800手続", "400手続／800手続", "600手続／800手続"),
        (">2024年度", "800手続／800手続"),
    ]
    last = next(v for v in rows.indicator_values if v.value_text == "800手続／800手続")
    assert (last.fiscal_year, last.year_source, last.heading) == (2024, "grid", "")
    missing = _finding(fukuyama()[0], "heading_missing")
    assert (missing.status, missing.found) == ("warning", 16)


def test_label_in_col_1(cards: dict[str, RawCard]) -> None:
    assert _values(cards["1-1-5"].indicators[0], "actual") == [
        *_years("36施設", "43施設", "-"),
        (">2024年度", "-"),
    ]  # 524


def test_values_right_after_a_col_0_label(cards: dict[str, RawCard]) -> None:
    assert _values(cards["1-1-7"].indicators[0], "actual") == [*_years("4,971人", "11,999人", "-"), (">2024年度", "-")]
    assert _values(cards["3-1-1"].indicators[0], "target") == _years("100%", "終了")  # 876
    assert _values(cards["3-1-1"].indicators[0], "actual") == _years("100%")  # 877


def test_label_in_col_2(cards: dict[str, RawCard]) -> None:
    assert _values(cards["2-1-5"].indicators[0], "target") == _years(  # 778
        "-", "100台/887台（試験導入）", "85台/887台（実証実験）", "試験導入の結果を基にした方針に伴う実行"
    )
    assert _values(cards["2-1-2"].indicators[0], "target") == _years(  # 739
        "17%", "40%", "70%（残る30%は財務会計システム分）"
    )


def test_two_indicator_cards(cards: dict[str, RawCard]) -> None:
    first, second = cards["1-2-1"].indicators  # 593
    assert first.name == "窓口において15分以上の待ち時間が発生する業務について導入（対象：30業務）"
    assert second.name == "LINE利用率（%）"
    assert _values(second, "target") == [*_years("-", "-", "40%"), (">2024年度", "60%")]  # 597
    electronic, paper = cards["2-1-2"].indicators  # 737
    assert (electronic.name, paper.name) == ("電子決裁率", "コピー用紙の利用枚数")
    assert paper.note is not None and paper.note.startswith("※2020年度実績：約3,200万枚")
    assert [(v.kind, v.heading, v.text) for v in paper.values[:1]] == [("baseline", "2020年度実績", "約3,200万枚")]
    assert _values(paper, "actual") == _years("9%削減", "14%削減", "-", "-")  # 742
    wifi_rooms, wifi_spots = cards["3-1-2"].indicators  # 884, unnamed
    assert (wifi_rooms.name, wifi_spots.name) == ("", "")
    assert _values(wifi_spots, "target") == _years("9か所", "11か所")  # 887


def test_unnamed_indicators(cards: dict[str, RawCard], extraction: Extraction) -> None:
    """Year header on the 指標とスケジュール row (777, 786, 875, 884) and スケジュール blocks."""
    for path in ("2-1-5", "2-1-6", "3-1-1", "3-1-5", "1-3-5", "1-3-6"):
        assert [i.name for i in cards[path].indicators] == [""], path
    assert _finding(extraction, "indicator_name_missing").found == 8


def test_indicator_mark_printed_twice(cards: dict[str, RawCard]) -> None:
    assert cards["2-1-7"].indicators[0].name == "業務削減時間"  # 799
    assert cards["2-1-8"].indicators[0].name == "診断済管路延長"  # 809
    open_data = cards["3-3-2"].indicators[0]  # 958, with a note cell
    assert (open_data.name, open_data.note) == (
        "オープンデータのデータセット数",
        "※：国が定める自治体標準オープンデータセット数",
    )
    assert cards["3-3-3"].indicators[0].name.startswith("デジタル人材育成研修会の理解度")  # 968


def test_schedule_block_with_rows(cards: dict[str, RawCard]) -> None:
    """923 (3-1-5): `スケジュール` with years on its row, 目標 in col 2 (924), 実績 in col 1 (925)."""
    indicator = cards["3-1-5"].indicators[0]
    assert _values(indicator, "target") == _years("-", "整備", "実証運用開始")
    assert _values(indicator, "actual") == _years("-", "整備", "-", "-")


def test_column_wise_schedule_blocks(cards: dict[str, RawCard], extraction: Extraction) -> None:
    """691-693 and 700-702: 目標/実績 pairs per year, `終了` under 2023年度; reported as a warning."""
    water = cards["1-3-5"].indicators[0]
    assert _values(water, "target") == _years("実証実験結果を評価", "整備・運用", "終了")
    assert _values(water, "actual") == _years("実証実験結果を評価", "整備完了・運用開始")
    alert = cards["1-3-6"].indicators[0]
    assert _values(alert, "target") == _years("-", "導入", "終了")
    assert _values(alert, "actual") == _years("-", "導入")
    warnings = [f for f in extraction.findings if f.check == "column_wise_block"]
    assert [f.status for f in warnings] == ["warning", "warning"]
    assert warnings[0].detail.startswith("1-3-5 lines 692-693") and warnings[1].detail.startswith("1-3-6 lines 701-702")


def test_target_for_another_year_keeps_its_year(rows: NormalizedDocument) -> None:
    """`2025年度末までに100%` printed in the 2021 column (901) is a FY2025 target."""
    value = next(v for v in rows.indicator_values if v.value_text == "2025年度末までに100%")
    assert (value.kind, value.heading, value.fiscal_year, value.year_source) == ("target", "2021年度", 2025, "text")
    assert value.value == 100.0
    other = next(v for v in rows.indicator_values if v.value_text == "2025年度末までに20業務")  # 938
    assert (other.heading, other.fiscal_year, other.value) == ("2022年度", 2025, 20.0)


def test_value_vocabulary(rows: NormalizedDocument) -> None:
    by_text = {v.value_text: v for v in rows.indicator_values}
    assert (by_text["試行実施（2施設）"].value, by_text["試行実施（2施設）"].unit) == (2.0, "施設")  # 509
    assert by_text["36.3%"].value == 36.3 and by_text["-"].status == "not_applicable"  # 486
    assert by_text["24時間/年"].unit == "時間/年"  # 801
    assert by_text["約3,200万枚"].value == 32_000_000.0


# --- ロードマップ --------------------------------------------------------------------------------


def _grid(card: RawCard) -> list[tuple[int | None, str | None, list[tuple[str, str]]]]:
    return [(r.line, r.label, [(c.year_label, c.text) for c in r.cells]) for r in card.schedule]


def test_roadmap_rows(cards: dict[str, RawCard]) -> None:
    assert _grid(cards["1-1"]) == [
        (
            307,
            "オンライン手続の拡大など",
            [("2021年度", "オンライン申請のニーズ把握（継続）"), ("2023年度", "オンライン申請可能手続拡大")],
        )
    ]
    assert _grid(cards["1-2"])[1] == (
        309,
        None,
        [
            ("2021年度", "対象業務の洗い出し"),
            ("2022年度", "デジタル化を意識した業務改善"),
            ("2024年度", "ワンストップ・ワンスオンリーな窓口構築"),
        ],
    )
    assert dict(cards["1-1"].attributes)["到達イメージ"].startswith("多様な行政手続の手段を提供することで")
    assert sum(len(c.schedule) for c in cards.values()) == 14  # 307-320


def test_roadmap_rows_shifted_left(cards: dict[str, RawCard]) -> None:
    """310, 314, 318 print the 施策 in col 0; 319, 320 follow 318 one column left too."""
    assert _grid(cards["1-3"]) == [
        (
            310,
            "地域情報のデジタル化など",
            [
                ("2021年度", "地域ニーズの把握"),
                ("2023年度", "デジタルサービス講習会の実施／地域による情報発信と効果測定（継続）"),
            ],
        )
    ]
    assert _grid(cards["3-3"]) == [
        (
            318,
            "デジタル人材の育成など",
            [("2021年度", "研修制度設計"), ("2022年度", "職員のスキルに応じた研修プログラムの実施・効果測定（継続）")],
        ),
        (319, None, [("2021年度", "推進体制整備"), ("2022年度", "推進・デジタル活用の土壌創生（継続）")]),
        (320, None, [("2021年度", "●意識変容"), ("2022年度", "●行動変容")]),
    ]


def test_roadmap_measure_printed_twice(cards: dict[str, RawCard], extraction: Extraction) -> None:
    """`多様な働き方の実現…` labels 312 and 314: one card, rows as printed, and a warning."""
    assert [line for line, _, _ in _grid(cards["2-2"])] == [312, 313, 314]
    assert _grid(cards["2-2"])[1] == (
        313,
        None,
        [("2021年度", "●効果を実感し、デジタル化に対する意識向上"), ("2022年度", "●文書管理システムの導入")],
    )
    repeated = _finding(extraction, "roadmap_measure_repeated")
    assert repeated.status == "warning" and "312 and 314" in repeated.detail


def test_roadmap_milestones_outside_the_years(cards: dict[str, RawCard], extraction: Extraction) -> None:
    """●-cells right of the year columns (308, 316, 317, 318) have no year: kept as an attribute."""
    assert dict(cards["1-2"].attributes)["マイルストーン"] == "●ほぼ全ての手続をオンライン化"
    assert dict(cards["3-2"].attributes)["マイルストーン"].split("\n") == [
        "●インターネット網の整備により、環境弱者の減少",
        "●国の指針・動向を注視し、福山市の対応方針を決定",
    ]
    outside = _finding(extraction, "roadmap_cell_outside_years")
    assert (outside.status, outside.found) == ("warning", 4)


def test_roadmap_schedule_rows_normalize(rows: NormalizedDocument) -> None:
    schedule = [s for s in rows.schedule if s.initiative_id.endswith(":3-3")]
    assert [(s.row_no, s.fiscal_year, s.row_label) for s in schedule[:2]] == [
        (1, 2021, "デジタル人材の育成など"),
        (1, 2022, "デジタル人材の育成など"),
    ]
    assert len(rows.schedule) == 27


# --- truncation ------------------------------------------------------------------------------


def _cut(line: int, extra: int) -> Extraction:
    data = FUKUYAMA.read_bytes()
    offset = sum(len(x) + 1 for x in data.split(b"\n")[: line - 1]) + extra
    return fukuyama_cards.extract(read_text_dump("raw/cut.txt", data[:offset]))


def test_truncated_copy_keeps_the_cards_before_the_cut(extraction: Extraction) -> None:
    """Cut inside 2-1-4's 目的 (760): 2-1-3 and everything before are as in the whole file."""
    cut = _cut(760, 20)
    whole = {c.path: c for c in extraction.cards}
    assert all(c == whole[c.path] for c in cut.cards if c.path != "2-1-4")
    kept = [c.path for c in cut.cards if c.parent_path]
    assert kept[-2:] == ["2-1-3", "2-1-4"] and len(kept) == 25
    last = next(c for c in cut.cards if c.path == "2-1-4")
    assert (last.path, last.title, last.departments, last.indicators) == ("2-1-4", "消防団アプリの導入", None, ())
    assert dict(last.attributes)["目的"] == "事務負担"  # what was printed before the cut
    partial = _finding(cut, "partial_card")
    assert partial.status == "error" and partial.detail.startswith("2-1-4 (line 758) is the last card read")
    assert "no 概要, no 担当課" in partial.detail
    assert _finding(cut, "cards_vs_overview").status == "error"
    assert [c.path for c in cut.cards if not c.parent_path] == list(
        MEASURES
    )  # 施策 cards come from 概要 + ロードマップ


def test_truncated_inside_the_last_character() -> None:
    """Cut 5 bytes before the end (inside a character of 971): 3-3-3 keeps its name and targets."""
    cut = _cut(971, -5)
    last = cut.cards[-1]
    assert last.path == "3-3-3" and [v.kind for v in last.indicators[0].values] == ["target", "target"]
    partial = _finding(cut, "partial_card")
    assert "truncated: the file ends inside a UTF-8 character" in partial.detail
    assert "no actual row" in partial.detail
