"""Seed 003 (飯塚市 会議録 + ビジョン素案 + プラン素案): parts, counts, links and every §4 variant.

Line numbers are those of docs/layouts.md §4 (1-based, `str.split("\\n")`).
"""

from __future__ import annotations

import pytest

from extractors import iizuka_plan
from extractors.model import Extraction, Finding, RawCard, RawIndicator, RawScheduleCell
from extractors.walk import walk
from pipeline.normalize import NormalizedDocument
from pipeline.read_text import read_text_dump
from pipeline.tables import ValueRow
from tests.conftest import RAW, normalized, read

IIZUKA = RAW / "iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt"
TARGETS = ("各年度目標", "業務量削減目標値（時間）", "財政効果目標額（千円）")
YEARS = ("令和6年度", "令和7年度", "令和8年度")
# docs/layouts.md §4: the ten titles printed differently in the 一覧 and on the card.
DIFFERING_TITLES = {
    6: ("入り参加", "入札参加"),
    8: ("ハラスマント", "ハラスメント"),
    20: ("ペーパーレス", "ペーパレス"),
    24: ("庁内", "府内"),
    29: ("促進）", "推進）"),
    32: ("多様な", "多用な"),
    35: ("デジタルリテラシー向上", "デジタルリテラシーの向上"),
    37: ("固定資産（", "固定資産税（"),
    59: ("オートレス", "オートレース"),
    84: ("業務の委託", "事務の委託"),
}


def iizuka() -> tuple[Extraction, NormalizedDocument]:
    """Extraction and rows of seed 003, built as the pipeline builds them."""
    return normalized(IIZUKA)


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return iizuka()[0]


@pytest.fixture(scope="module")
def rows() -> NormalizedDocument:
    return iizuka()[1]


def card(extraction: Extraction, path: str | int) -> RawCard:
    return next(c for c in extraction.cards if c.path == str(path))


def attrs(extraction: Extraction, path: str | int) -> dict[str, str]:
    return dict(card(extraction, path).attributes)


def indicator(extraction: Extraction, path: str | int, name: str) -> RawIndicator:
    return next(i for i in card(extraction, path).indicators if i.name == name)


def values(extraction: Extraction, path: str | int, name: str) -> dict[str, str]:
    """Year heading → printed value of one target row."""
    return {v.heading: v.text for v in indicator(extraction, path, name).values}


def finding(extraction: Extraction, check: str) -> Finding:
    return next(f for f in extraction.findings if f.check == check)


def findings(extraction: Extraction, check: str) -> list[Finding]:
    return [f for f in extraction.findings if f.check == check]


# -- layout detection and parts -------------------------------------------------------------


def test_detects_only_this_document() -> None:
    assert iizuka_plan.detect(read(IIZUKA))
    others = [p for p in sorted(RAW.glob("*.txt")) if p != IIZUKA]
    assert len(others) == 4
    for other in others:
        assert not iizuka_plan.detect(read(other)), other.name


def test_document_is_split_into_its_five_parts() -> None:
    parts = iizuka_plan.split_parts(list(walk(read(IIZUKA))))
    spans = {name: (items[0].row.line, items[-1].row.line) for name, items in parts.items()}
    assert spans == {
        "minutes": (3, 16),
        "vision": (18, 472),
        "organization": (476, 543),
        "list": (545, 631),
        "cards": (633, 3169),
    }


def test_document_info_comes_from_the_vision_cover(rows: NormalizedDocument) -> None:
    document = rows.documents[0]
    assert (document.municipality, document.municipality_code, document.title) == (
        "飯塚市",
        "402052",
        "飯塚市行政経営戦略推進ビジョン",
    )
    assert (document.edition, str(document.published)) == ("素案", "2023-08-01")
    assert (document.period_start_fy, document.period_end_fy, document.layout) == (2024, 2028, "iizuka_plan")


# -- counts ---------------------------------------------------------------------------------


def test_counts_match_the_catalogue(extraction: Extraction) -> None:
    plan = [c for c in extraction.cards if c.path != "vision"]
    assert [c.path for c in plan] == [str(n) for n in range(1, 92)]
    assert extraction.cards[0].path == "vision" and len(extraction.cards) == 92
    assert sum(len(c.schedule) for c in plan) == 301
    assert finding(extraction, "schedule_rows").found == 301
    assert [c.path for c in plan if not c.schedule] == ["2", "14", "16"]
    assert all([i.name for i in c.indicators] == list(TARGETS) for c in plan)
    target_rows = finding(extraction, "target_rows")
    assert (target_rows.status, target_rows.expected, target_rows.found) == ("warning", 273, 273)
    assert "merged label cell in cards [31]" in target_rows.detail
    # Non-empty target rows 74/43/47 (a row printing only a 備考 counts) and ≈436 value cells.
    for name, expected in zip(TARGETS, (74, 43, 47), strict=True):
        assert sum(1 for c in plan for i in c.indicators if i.name == name and (i.values or i.note)) == expected
    assert sum(len(i.values) for c in plan for i in c.indicators) == 436
    assert (finding(extraction, "list_rows").expected, finding(extraction, "list_rows").found) == (84, 84)
    assert finding(extraction, "list_rows").status == "ok"
    proposals = finding(extraction, "cards_vs_proposals")
    assert (proposals.status, proposals.expected, proposals.found) == ("ok", 91, 91)
    assert not findings(extraction, "unread_rows")


def test_normalized_rows(rows: NormalizedDocument) -> None:
    assert len(rows.initiatives) == 92
    assert len(rows.schedule) == 584  # one row per non-empty year cell of the 301 grid rows
    assert len(rows.indicators) == 91 * 3 + 5
    assert len(rows.indicator_values) == 436 + 10
    assert {q.check for q in rows.quality} >= {"cards_vs_list", "list_rows", "schedule_rows", "target_rows"}
    assert not [q for q in rows.quality if q.check in ("schedule_year_unparsed", "value_year_unknown")]


# -- 個票 ↔ 一覧 -----------------------------------------------------------------------------


def test_cards_1_to_84_link_to_their_list_row_in_order(extraction: Extraction) -> None:
    for number in range(1, 85):
        assert attrs(extraction, number)["ページ番号"] == str(number)
        assert card(extraction, number).item_no == str(number)
    assert attrs(extraction, 1)["部局名"] == "01総務部" and attrs(extraction, 1)["優先順位"] == "1"
    assert attrs(extraction, 6)["備考"] == "オンライン申請"  # 一覧 備考 (553)
    # Rows sharing a 優先順位 in one 部局 are separate initiatives (572-573, 616-620).
    assert [attrs(extraction, n)["優先順位"] for n in (24, 25, 26)] == ["8", "8", "8"]
    assert [attrs(extraction, n)["優先順位"] for n in range(69, 74)] == ["1"] * 5


def test_cards_without_a_row_are_published_and_named(extraction: Extraction) -> None:
    check = finding(extraction, "cards_vs_list")
    assert (check.status, check.expected, check.found) == ("warning", 84, 91)
    assert "84 cards linked" in check.detail and "一覧 rows without a card" not in check.detail
    for number, line in zip(range(85, 92), (2978, 3005, 3032, 3056, 3085, 3114, 3143), strict=True):
        assert f"{number} {card(extraction, number).title!r} (line {line})" in check.detail
        assert "ページ番号" not in attrs(extraction, number) and card(extraction, number).item_no == ""
        assert card(extraction, number).schedule and len(card(extraction, number).indicators) == 3


def test_the_ten_differing_titles_are_linked_by_similarity(extraction: Extraction) -> None:
    check = finding(extraction, "titles_vs_list")
    assert (check.status, check.expected, check.found) == ("warning", 84, 74)
    listed = [int(part.split(":")[0]) for part in check.detail.split("; ")]
    assert listed == sorted(DIFFERING_TITLES)
    for number, (in_list, on_card) in DIFFERING_TITLES.items():
        assert on_card in card(extraction, number).title
        assert in_list in attrs(extraction, number)["取組項目名（一覧）"]
    assert "取組項目名（一覧）" not in attrs(extraction, 1)


def test_duplicate_titles_are_told_apart_by_department(extraction: Extraction) -> None:
    groups = {
        "システム標準化に伴う業務運用方法の見直しによる関連業務の効率化": [69, 70, 71, 72],
        "現場に持ち出せるタブレット端末の配備": [75, 78, 82, 91],
        "補助金電子申請システムの導入": [67, 68],
    }
    for title, numbers in groups.items():
        assert [int(c.path) for c in extraction.cards if c.title == title] == numbers
    departments = [attrs(extraction, n)[iizuka_plan.iizuka_cards.MAIN_DEPARTMENT] for n in (69, 70, 71, 72)]
    assert departments == ["福祉部子育て支援課", "福祉部保育課", "福祉部高齢介護課", "福祉部社会・障がい者福祉課"]
    assert [attrs(extraction, n)["ページ番号"] for n in (75, 78, 82)] == ["75", "78", "82"]
    assert "ページ番号" not in attrs(extraction, 91)  # same title, a card of its own (3143)


def test_departments_printed_differently_in_the_list(extraction: Extraction) -> None:
    check = finding(extraction, "departments_vs_list")
    assert [int(p.split(":")[0]) for p in check.detail.split("; ")] == [26, 61, 63, 64, 66]
    # #26 prints no 主たる所管部署 (1329): the 一覧's department is used.
    assert card(extraction, 26).departments == "業務改善・DX推進課"
    assert attrs(extraction, 61)["主たる所管部署（一覧）"] == "特産品振興・ふるさと"  # truncated in the 一覧 (608)
    assert attrs(extraction, 63)["主たる所管部署（一覧）"] == "経済政策推進室（企業説明担当）"  # 610


def test_classification_printed_differently_in_the_list(extraction: Extraction) -> None:
    # #76: the card prints 施設・モノの改革／管理の効率化 (2732-2733), the 一覧 情報・デジタル化の改革 (623).
    assert (card(extraction, 76).policy, card(extraction, 76).measure) == ("施設・モノの改革", "管理の効率化")
    assert attrs(extraction, 76)["大分類（一覧）"] == "情報・デジタル化の改革"
    check = finding(extraction, "classification_vs_list")
    assert (check.status, check.found, check.detail.split(":")[0]) == ("warning", 83, "76")


# -- 個票 variants (docs/layouts.md §4 "Tricky variants") -------------------------------------


def test_overview_fields(extraction: Extraction) -> None:
    first = card(extraction, 1)
    assert first.title == "組織や仕事への貢献意欲向上のための人材育成基本計画の改訂"
    assert (first.policy, first.measure, first.source_line) == ("人（職員）の改革", "人材の育成・確保", 633)
    assert first.departments == "総務部人事課、庁内各課"
    assert attrs(extraction, 1)["プラン策定時の現状及び課題認識"].startswith("標記計画については平成29年")
    assert first.description == attrs(extraction, 1)["取組の方向性、内容"]
    assert "参考事例等" not in attrs(extraction, 1)  # printed empty (644)
    assert attrs(extraction, 3)["参考事例等"] == "北見市（一級建築士）、三鷹市"


def test_floating_section_labels_are_ignored(extraction: Extraction) -> None:
    # 計画 on the 3年後 row (645), 実績 on 業務量削減目標値 (650), 評価 on 業務量削減実績値 (654).
    assert attrs(extraction, 1)["3年後の目指す姿（最終目標）"].startswith("改訂後の計画に沿った研修")
    assert indicator(extraction, 1, TARGETS[1]).line == 650
    # 計画 on the 年度計画 header (673), 実績 on 財政効果目標額 (676).
    assert indicator(extraction, 2, TARGETS[2]).line == 676
    # 評価 in a value cell beside the 評価 label (1736) is no text.
    assert "実績・評価欄の記載" not in attrs(extraction, 40)


def test_field_labels_in_column_0(extraction: Extraction) -> None:
    assert [indicator(extraction, 10, name).line for name in TARGETS] == [901, 902, 903]  # no values
    assert not any(indicator(extraction, 10, name).values for name in TARGETS)
    assert [indicator(extraction, 19, name).line for name in TARGETS] == [1141, 1142, 1143]
    assert [indicator(extraction, 23, name).line for name in TARGETS[1:]] == [1258, 1259]
    assert values(extraction, 25, TARGETS[0]) == dict.fromkeys(YEARS, "研修回数、スクラップ＆ビルトの実施数")  # 1311
    assert values(extraction, 34, TARGETS[0]) == dict.fromkeys(YEARS, "利用課数、作成数")  # 1565
    assert values(extraction, 38, TARGETS[0]) == dict.fromkeys(YEARS, "利用促進")  # 1672
    assert values(extraction, 38, TARGETS[2]) == dict.fromkeys(YEARS, "-")  # 1674
    assert indicator(extraction, 65, TARGETS[2]).line == 2449
    assert values(extraction, 70, TARGETS[2]) == {  # 2582
        "令和6年度": "不明（準備分は通常分に上乗せ）",
        "令和7年度": "不明（準備分は通常分に上乗せ）",
        "令和8年度": "不明（国の説明では効果あり）",
    }


def test_1673_note_in_the_remarks_column_of_a_column_0_row(extraction: Extraction) -> None:
    target = indicator(extraction, 38, TARGETS[1])
    assert (target.line, target.values, target.note) == (1673, (), "不備に対応する業務時間")


def test_1846_reads_unshifted_and_2746_shifted(extraction: Extraction) -> None:
    assert values(extraction, 44, TARGETS[2]) == dict.fromkeys(YEARS, "0")
    assert values(extraction, 76, TARGETS[2]) == {"令和7年度": "△ 100", "令和8年度": "△ 200"}
    details = [f.detail for f in findings(extraction, "shifted_row")]
    assert len(details) == 3
    assert any("line 1846" in d and "read unshifted" in d for d in details)
    assert any("line 2746" in d and "read shifted" in d for d in details)


def test_goal_label_in_column_0(extraction: Extraction) -> None:
    goal = "3年後の目指す姿（最終目標）"
    assert attrs(extraction, 44)[goal] == "指定管理者評価にかかる事務の効率化及び評価基準等の適正化を図る。"  # 1838
    assert attrs(extraction, 61)[goal].startswith("安定した寄附額を受け")  # 2327
    assert attrs(extraction, 90)[goal].startswith("オンライン上での施設予約が完結し")  # 3126


def test_card_5_text_fields_shifted_one_row(extraction: Extraction) -> None:
    fields = attrs(extraction, 5)
    assert fields["関係部署"].endswith("などの部署にも適用可能")  # 747, first text
    assert fields["プラン策定時の現状及び課題認識"].startswith(
        "「広報いいづか」は視覚障がい者等に配慮し"
    )  # 747, second
    assert fields["取組の方向性、内容"].startswith("多種多様な住民（及び外国人）に対応するため")  # 748
    assert fields["参考事例等"].startswith("茨城県行方市")  # 750
    # The prose 関係部署 is kept in attributes, not split into department names.
    assert card(extraction, 5).departments == "総務部情報管理課"
    assert finding(extraction, "shifted_text_fields").status == "warning"
    assert "card 5" in finding(extraction, "departments_not_names").detail


def test_multi_cell_departments(extraction: Extraction) -> None:
    assert card(extraction, 17).departments == (  # 1079 (3 cells), 1080 (2)
        "行政経営部財政課、行政経営部総合政策課、行政経営部業務改善・DX推進課、総務部人事課、総務部情報管理課"
    )
    assert (
        attrs(extraction, 17)["主たる所管部署"]
        == "行政経営部財政課\n行政経営部総合政策課\n行政経営部業務改善・DX推進課"
    )
    assert attrs(extraction, 20)["主たる所管部署"] == "行政経営部財政課\n行政経営部総合政策課"  # 1159
    assert attrs(extraction, 20)["関係部署"] == "行政経営部業務改善・DX推進課\n予算要求各課"  # 1160
    assert attrs(extraction, 35)["関係部署"] == "福祉部高齢介護課\n総務部情報管理課\n教育部生涯学習課"  # 1581
    assert attrs(extraction, 4)["関係部署"] == "高齢介護課、社会・障がい者福祉課他"  # 719, as printed


def test_merged_target_label_cell_card_31(extraction: Extraction) -> None:
    targets = card(extraction, 31).indicators
    assert [(i.name, i.line, i.values) for i in targets] == [(name, 1483, ()) for name in TARGETS]
    assert "card 31 line 1483" in finding(extraction, "merged_label_cell").detail


def test_collapsed_report_blocks(extraction: Extraction) -> None:
    # 2451, 2476, 2500, 2696, 2722, 2748, 2916: the cards end there, nothing of them is unread.
    for number in (65, 66, 67, 74, 75, 76, 82):
        assert len(card(extraction, number).indicators) == 3
    assert values(extraction, 74, TARGETS[0]) == {"令和6年度": "－", "令和7年度": "25名", "令和8年度": "50名"}
    assert indicator(extraction, 74, TARGETS[0]).note == "職員数を50名とした場合"  # 2692


def test_five_column_cards(extraction: Extraction) -> None:
    # #42 (1782): header without 備考; repeated row labels (1783-1784).
    labels = [r.label for r in card(extraction, 42).schedule]
    assert labels[:2] == ["売却に向けた事前準備", "売却に向けた事前準備"]
    assert [c.year_label for c in card(extraction, 42).schedule[0].cells] == list(YEARS)
    # #67 (2492 `令和N年度` without 備考): the 備考 text printed in the 令和8年度 cell (2498) is the note.
    target = indicator(extraction, 67, TARGETS[2])
    assert values(extraction, 67, TARGETS[2]) == {"令和6年度": "-", "令和7年度": "-"}
    assert target.note == "メール申請分が移行と仮定 システムそのものの利用料は不要"
    assert "line 2498" in finding(extraction, "remark_in_year_cell").detail
    assert values(extraction, 67, TARGETS[1]) == {"令和6年度": "△ 20", "令和7年度": "0", "令和8年度": "30"}


def test_card_header_variants(extraction: Extraction) -> None:
    # Header with trailing tabs and no <項目番号> (1576, 2621, 2648, 3032); <項目番号> before the header (1827/1829).
    assert [card(extraction, n).source_line for n in (35, 72, 73, 87)] == [1576, 2621, 2648, 3032]
    assert card(extraction, 44).source_line == 1829
    assert card(extraction, 43).indicators[2].line == 1818  # the stray 1827 placeholder is not part of #43's grid


def test_year_header_variants(extraction: Extraction) -> None:
    # `令和N年度 … 備考` (2441) and `令和N年度計画` (others) both give the year labels 令和6年度….
    assert {c.year_label for r in card(extraction, 65).schedule for c in r.cells} == set(YEARS)
    assert card(extraction, 65).schedule[3].cells == (
        RawScheduleCell("令和7年度", "活用可能な国庫事業の選定及び申請、予算化"),
    )


def test_schedule_rows(extraction: Extraction) -> None:
    first = card(extraction, 1).schedule
    assert [(r.line, r.label) for r in first] == [
        (647, "人材育成基本計画の改訂"),
        (648, "改訂後の計画に沿った事業実施"),
    ]
    assert [c.year_label for c in first[1].cells] == ["令和7年度", "令和8年度"]  # R6 empty (648)
    unlabelled = card(extraction, 4).schedule[2]  # 727: no label, R7 and R8 only
    assert unlabelled.label is None and [c.year_label for c in unlabelled.cells] == ["令和7年度", "令和8年度"]
    dashes = card(extraction, 74).schedule[1]  # 2690 `－` kept as printed
    assert dashes.cells[0].text == "－"


def test_schedule_remarks_become_attributes(extraction: Extraction) -> None:
    assert [attrs(extraction, 31)[f"年度計画備考[{n}]"] for n in (1, 2, 3)] == ["3年毎に実施する"] * 3  # 1478-1480
    assert attrs(extraction, 49)["年度計画備考[3]"] == "運行契約協定期間：3年間 R7～9年度（次期10～12年度）"  # 1983
    # 1984: a row that prints only its 備考.
    row = card(extraction, 49).schedule[3]
    assert (row.line, row.cells, attrs(extraction, 49)["年度計画備考[4]"]) == (1984, (), "R9年度（一部交通機関で試行）")
    assert attrs(extraction, 50)["年度計画備考[5]"].startswith("R10年度")  # 2014


def test_remarks_beside_targets_become_notes(extraction: Extraction) -> None:
    assert indicator(extraction, 5, TARGETS[1]).note == "視覚障がい者向けボラ団体への報酬（年額360千円）"  # 757
    assert (indicator(extraction, 37, TARGETS[2]).note or "").startswith("(積算) 2022年度効果額から20%償却")  # 1648
    assert indicator(extraction, 41, TARGETS[2]).note == "財政効果は令和9年度以降発現予定。"  # 1760
    assert indicator(extraction, 57, TARGETS[2]).note == "財政効果は令和9年度以降発現予定。"  # 2221
    assert indicator(extraction, 61, TARGETS[1]).note == "企業訪問時間6H×10日間"  # 2332
    assert indicator(extraction, 68, TARGETS[1]).note == "メール申請分が移行と仮定"  # 2521
    assert indicator(extraction, 68, TARGETS[2]).note == "システムそのものの利用料は不要"  # 2522
    assert indicator(extraction, 59, TARGETS[2]).note == "各年度売上目標3%増"  # 2277
    assert indicator(extraction, 79, TARGETS[0]).note == "受注者の協力が必要となる。"  # 2826


def test_2161_number_in_the_remarks_column(extraction: Extraction) -> None:
    target = indicator(extraction, 55, TARGETS[1])
    assert (target.line, target.values, target.note) == (2161, (), "50")
    assert "line 2161" in finding(extraction, "number_in_remarks").detail


def test_odd_values_pass_through_unchanged(extraction: Extraction, rows: NormalizedDocument) -> None:
    assert values(extraction, 6, TARGETS[1]) == {"令和6年度": "△480", "令和7年度": "△480", "令和8年度": "1,920"}  # 785
    assert values(extraction, 62, TARGETS[1]) == dict.fromkeys(YEARS, "▲100")  # 2360
    assert values(extraction, 4, TARGETS[2]) == dict.fromkeys(YEARS, "(運用コスト)")  # 730
    assert values(extraction, 9, TARGETS[2]) == {
        "令和7年度": "未定（システム導入経費）",
        "令和8年度": "未定（システム追加経費）",
    }
    assert values(extraction, 11, TARGETS[2]) == dict.fromkeys(YEARS, "3,395（千円）※令和2年度実績")  # 929
    assert values(extraction, 83, TARGETS[0]) == dict.fromkeys(YEARS, "*")  # 2938, see (*) in 2931
    assert "(*)" in (indicator(extraction, 83, TARGETS[0]).note or "")
    assert values(extraction, 61, TARGETS[0]) == dict.fromkeys(YEARS, "寄附額4千万円")  # 2331
    by_text: dict[str, ValueRow] = {}
    for value in rows.indicator_values:  # the first value printed with each text
        by_text.setdefault(value.value_text, value)
    assert (by_text["△480"].value, by_text["△480"].fiscal_year) == (-480.0, 2024)
    assert by_text["—"].status == "not_applicable" and by_text["未定"].status == "pending"
    assert by_text["寄附額4千万円"].value == 40_000_000


def test_displaced_remark_below_the_report_header(extraction: Extraction) -> None:
    assert attrs(extraction, 86)["実績・評価欄の記載"] == "1日8h*20日*2人"  # 3024
    assert "card 86" in finding(extraction, "text_in_report_rows").detail
    assert values(extraction, 86, TARGETS[1]) == {"令和6年度": "△ 320"}


def test_report_and_evaluation_rows_are_not_published(extraction: Extraction) -> None:
    names = {i.name for c in extraction.cards for i in c.indicators if c.path != "vision"}
    assert names == set(TARGETS)  # no 年度目標実績値 / 業務量削減実績値 / 財政効果実績額 / 評価
    # Garbled remnants (2697-2699, 2723-2725, 2749-2750) are read as labels, not left unread.
    assert not findings(extraction, "unread_rows")


def test_last_card_ends_on_the_unterminated_line(extraction: Extraction) -> None:
    last = card(extraction, 91)
    assert (last.source_line, last.title) == (3143, "現場に持ち出せるタブレット端末の配備")
    assert values(extraction, 91, TARGETS[1]) == {"令和6年度": "20", "令和7年度": "12", "令和8年度": "12"}  # 3161
    assert not findings(extraction, "truncated_card")


# -- minutes ----------------------------------------------------------------------------------


def test_minutes(extraction: Extraction, rows: NormalizedDocument) -> None:
    (meeting,) = extraction.meetings
    assert (meeting.name, meeting.line) == ("第4回 飯塚市行政経営戦略推進審議会", 5)
    assert meeting.held == "令和5年9月14日（木） 13:30～15:30"
    assert meeting.place == "オンライン（委員）、飯塚市役所 会議室（事務局）"
    assert meeting.members_present == ("井澤会長", "大久保副会長", "河委員", "河崎委員", "菅原委員", "畠中委員")
    assert meeting.members_absent == ()  # なし
    assert meeting.secretariat == (
        "【行政経営部】東部長",
        "【業務改善・DX推進課】中嶋課長",
        "上田課長補佐",
        "野見山係長",
        "伊佐",
    )
    assert meeting.agenda == (
        "1 開会",
        "2 議題1 飯塚市行政経営戦略推進ビジョン素案について",
        "3 飯塚市行政経営戦略推進プラン素案について",
        "4 その他（今後の予定について）",
        "5 閉会",
    )
    fields = dict(meeting.attributes)
    assert list(fields) == ["会議内容", "会議資料", "公開・非公開の別", "その他"]
    assert fields["会議資料"].startswith("1. 飯塚市行政経営戦略推進ビジョン素案")
    assert fields["公開・非公開の別"].startswith("☑ 1 公開")
    assert "資料2 飯塚市行政経営戦略推進プラン素案について事務局から説明" in fields["会議内容"]
    row = rows.meetings[0]
    assert (row.ordinal, str(row.date), row.start_time, row.end_time) == (4, "2023-09-14", "13:30", "15:30")


def test_minutes_remarks_with_their_agenda_items(extraction: Extraction) -> None:
    remarks = extraction.meetings[0].remarks
    assert len(remarks) == 17
    vision, plan, other = extraction.meetings[0].agenda[1:4]
    assert [r.agenda_item for r in remarks] == [vision] * 7 + [plan] * 9 + [other]
    assert [r.line for r in remarks] == [11] * 8 + [13] * 9  # the 会議内容 cell continues over a blank line
    assert remarks[0].text == "柱というか大きい目指すものが見えていない。これで市役所の職員が理解して動けることが必要。"
    assert remarks[7].text == "提案の数について、バラつきが気になる。"
    assert remarks[8].text == "出てきてている項目に、付け足していくことが重要ではないか。"
    assert remarks[-1].text.startswith("次回は10月18日（水）13:30からオンラインで")


# -- vision -----------------------------------------------------------------------------------


def test_vision_card_and_its_five_indicators(extraction: Extraction, rows: NormalizedDocument) -> None:
    vision = card(extraction, "vision")
    assert (vision.title, vision.source_line, vision.item_no) == ("飯塚市行政経営戦略推進ビジョン", 18, "")
    assert [i.line for i in vision.indicators] == [328, 329, 330, 331, 332]
    baselines = [(i.values[0].kind, i.values[0].heading, i.values[0].text) for i in vision.indicators]
    assert baselines == [
        ("baseline", "基準値（令和2(2020)年度実施）", "6.8 %"),
        ("baseline", "基準値（令和2(2020)年度実施）", "7.3 %"),
        ("baseline", "基準値（令和2(2020)年度実施）", "4.2 %"),
        ("baseline", "基準値（令和2(2020)年度実施）", "7.0 %"),
        ("baseline", "基準値（令和元(2019)年度実施）", "47.89 %"),
    ]
    assert {(i.values[1].kind, i.values[1].heading, i.values[1].text) for i in vision.indicators} == {
        ("target", "令和6(2024)年度以降", "上昇")
    }
    assert vision.indicators[1].note and "同調査" in vision.indicators[1].note
    values_ = [v for v in rows.indicator_values if v.initiative_id.endswith(":vision")]
    assert [(v.kind, v.fiscal_year, v.value) for v in values_[:2]] == [("baseline", 2020, 6.8), ("target", 2024, None)]
    assert values_[-2].fiscal_year == 2019 and values_[-1].status == "relative"
    assert finding(extraction, "vision_indicators").found == 5


# -- truncation -------------------------------------------------------------------------------


def _cut(size: int) -> Extraction:
    data = IIZUKA.read_bytes()[:size]
    return iizuka_plan.extract(read_text_dump("raw/cut.txt", data))


def test_truncated_copy_keeps_the_cards_up_to_the_cut(extraction: Extraction) -> None:
    cut = _cut(150_000)
    plan = [c for c in cut.cards if c.path != "vision"]
    assert [c.path for c in plan] == [str(n) for n in range(1, 52)]
    assert plan[:-1] == [card(extraction, n) for n in range(1, 51)]  # cards before the cut unchanged
    last = plan[-1]
    assert (last.source_line, last.title) == (2026, card(extraction, 51).title)  # published with what it has
    truncated = finding(cut, "truncated_card")
    assert truncated.status == "error" and "ends inside card 51" in truncated.detail
    check = finding(cut, "cards_vs_list")
    assert (check.status, check.expected, check.found) == ("error", 84, 51)
    assert "一覧 rows without a card: 52 " in check.detail
    assert cut.meetings == extraction.meetings and cut.cards[0] == card(extraction, "vision")


def test_cut_at_a_line_end_inside_a_card() -> None:
    text = IIZUKA.read_text(encoding="utf-8")
    head = "\n".join(text.split("\n")[:3100]) + "\n"  # 3100 is inside card 89 (3085-3113)
    cut = iizuka_plan.extract(read_text_dump("raw/cut.txt", head.encode()))
    assert cut.cards[-1].path == "89"
    assert "ends inside card 89" in finding(cut, "truncated_card").detail


def test_cut_before_the_cards_is_not_this_layout() -> None:
    head = IIZUKA.read_bytes()[:40_000]  # minutes, vision and part of the 一覧 only
    assert not iizuka_plan.detect(read_text_dump("raw/cut.txt", head))


def test_detect_needs_the_list_and_the_cards() -> None:
    text = IIZUKA.read_text(encoding="utf-8")
    cards_only = "\n".join(text.split("\n")[632:])
    assert not iizuka_plan.detect(read_text_dump("raw/cards.txt", cards_only.encode()))
