"""The generic profile on small block models: each printed pattern read, and prose left alone."""

from __future__ import annotations

from extractors import generic_plan
from extractors.model import Extraction, RawCard
from extractors.registry import detect_layout
from pipeline.blocks import Cell, Document, Page, Paragraph, Row, Table


def _table(*rows: list[str], page: int = 1) -> Table:
    return Table(rows=tuple(Row(cells=tuple(Cell(t) for t in r), page=page) for r in rows), origin="pdf", page=page)


def _document(*blocks: Paragraph | Table) -> Document:
    return Document(path="raw/x.pdf", source_format="pdf", pages=(Page(1, tuple(blocks)),), page_count=1)


def _read(*blocks: Paragraph | Table) -> Extraction:
    return generic_plan.extract(_document(*blocks))


def _card(extraction: Extraction, path: str) -> RawCard:
    return next(c for c in extraction.cards if c.path == path)


def test_initiative_list_with_year_columns_is_a_schedule_per_row() -> None:
    found = _read(
        Paragraph("基本目標1 便利な行政サービス", page=1),
        _table(
            ["No.", "取組項目", "担当課", "令和6年度", "令和7年度", "令和8年度"],
            ["1", "電子申請の拡大", "情報政策課", "検討", "→", "実施"],
            ["3", "書かない窓口", "市民課、情報政策課", "", "実施", "→"],
        ),
    )
    assert [(c.path, c.item_no, c.title, c.departments) for c in found.cards] == [
        ("1", "1", "電子申請の拡大", "情報政策課"),
        ("3", "3", "書かない窓口", "市民課、情報政策課"),
    ]
    first = _card(found, "1")
    assert first.policy == "基本目標1 便利な行政サービス" and first.source_page == 1
    assert [(c.year, c.text) for c in first.schedule[0].cells] == [(2024, "検討"), (2025, "→"), (2026, "実施")]
    assert [(c.year, c.text) for c in _card(found, "3").schedule[0].cells] == [(2025, "実施"), (2026, "→")]


def test_merged_bar_cell_covers_the_years_it_spans() -> None:
    table = Table(
        rows=(
            Row(cells=(Cell("事業名"), Cell("所管課"), Cell("R6"), Cell("R7"), Cell("R8")), page=1),
            Row(cells=(Cell("空調設置"), Cell("教育施設課"), Cell("設置工事", colspan=2), Cell(""), Cell("")), page=1),
        ),
        origin="pdf",
        page=1,
    )
    card = _read(table).cards[0]
    assert [(c.year, c.text) for c in card.schedule[0].cells] == [(2024, "設置工事"), (2025, "→")]


def test_labelled_card_with_indicator_by_year() -> None:
    found = _read(
        Paragraph("No.2", page=1),
        _table(
            ["事業名称", "RPAの導入"], ["課題", "定型業務が多い"], ["概要", "シナリオを作る"], ["担当課", "行政経営課"]
        ),
        _table(
            ["指標名", "単位", "2022年度", "2023年度", "2024年度"],
            ["削減時間", "時間", "1,000", "2,000", "3,000"],
            ["", "", "1,250", "", ""],
        ),
    )
    card = _card(found, "2")
    assert (card.title, card.departments, card.description) == ("RPAの導入", "行政経営課", "シナリオを作る")
    assert dict(card.attributes) == {"課題": "定型業務が多い"}
    # Without 目標/実績 row labels a numeric table is not an indicator: nothing is guessed.
    assert card.indicators == ()


def test_target_and_actual_rows_under_year_columns() -> None:
    found = _read(
        _table(["事業名称", "RPAの導入"], ["担当課", "行政経営課"]),
        _table(
            ["指標名", "単位", "区分", "2022年度", "2023年度"],
            ["削減時間", "時間", "目標値", "1,000", "2,000"],
            ["", "", "実績値", "1,250", ""],
        ),
    )
    (indicator,) = found.cards[0].indicators
    assert (indicator.name, indicator.unit) == ("削減時間", "時間")
    assert [(v.kind, v.year, v.text) for v in indicator.values] == [
        ("target", 2022, "1,000"),
        ("target", 2023, "2,000"),
        ("actual", 2022, "1,250"),
    ]


def test_kpi_table_under_a_measure_heading_makes_the_heading_an_initiative() -> None:
    found = _read(
        Paragraph("基本目標1 しごとをつくる", page=1),
        Paragraph("数値目標：新規雇用者数 120人（2014年度）→ 200人（2019年度）", page=1),
        Paragraph("施策1 地場産業の振興", page=1),
        _table(
            ["重要業績評価指標（KPI）", "現状値（2014年度）", "目標値（2019年度）"],
            ["創業件数", "12件", "20件"],
        ),
        Paragraph("施策2 観光の推進", page=1),
        Paragraph("観光客を呼び込みます。", page=1),
    )
    # 施策2 prints no KPI table, but its sibling 施策1 does: 施策 are this plan's initiatives.
    assert [(c.path, c.title, c.policy) for c in found.cards] == [
        ("基本目標1", "しごとをつくる", None),
        ("施策1", "地場産業の振興", "基本目標1 しごとをつくる"),
        ("施策2", "観光の推進", "基本目標1 しごとをつくる"),
    ]
    assert found.cards[2].indicators == ()
    (banner,) = found.cards[0].indicators
    assert [(v.kind, v.heading, v.text) for v in banner.values] == [
        ("baseline", "2014年度", "120人"),
        ("final_target", "2019年度", "200人"),
    ]
    (kpi,) = found.cards[1].indicators
    assert kpi.name == "創業件数"
    assert [(v.kind, v.year, v.text) for v in kpi.values] == [
        ("baseline", 2014, "12件"),
        ("final_target", 2019, "20件"),
    ]


def test_numbered_card_header_rows_as_printed_with_gaps() -> None:
    found = _read(
        _table(["20", "窓口のオンライン化", "市民局"], ["工程"], ["3年度", "4年度"], ["検討", "→"]),
        _table(
            ["25", "ペーパーレス会議", "総務企画局"],
            ["指標"],
            ["会議資料の電子化率（%）", "現状値（2年度）", "最終目標（6年度）"],
            ["", "10", "50"],
        ),
    )
    assert [c.path for c in found.cards] == ["20", "25"]
    assert [(c.year, c.text) for c in _card(found, "20").schedule[0].cells] == [(2021, "検討"), (2022, "→")]
    (indicator,) = _card(found, "25").indicators
    assert indicator.name == "会議資料の電子化率（%）"
    assert [(v.kind, v.year, v.text) for v in indicator.values] == [
        ("baseline", 2020, "10"),
        ("final_target", 2024, "50"),
    ]


def test_budget_grid_by_year_is_not_a_schedule() -> None:
    document = _document(
        Paragraph("普通交付税の推移", page=1),
        _table(["区分", "令和5年度", "令和6年度", "令和7年度"], ["普通交付税", "3,662,858", "3,865,886", "4,063,923"]),
    )
    assert generic_plan.extract(document).cards == ()
    assert detect_layout(document) is None


def test_prose_publishes_nothing() -> None:
    document = _document(
        Paragraph("令和6年度 施政方針", page=1),
        Paragraph("本市は、人口減少と少子高齢化という大きな課題に直面しています。", page=1),
        Paragraph("1．はじめに", page=1),
        Paragraph("市民の皆様とともに、持続可能なまちづくりを進めてまいります。", page=1),
    )
    assert generic_plan.extract(document).cards == ()
    assert detect_layout(document) is None


def test_card_printed_as_labelled_lines() -> None:
    found = _read(
        Paragraph("改革の柱1 効率的な区民サービス", page=1),
        Paragraph("【No.7】 取組事項：窓口業務の民間委託", page=1),
        Paragraph("所管課：区民課", page=1),
        Paragraph("現状と課題：待ち時間が長い。取組内容：", page=1),
        Paragraph("・定型業務を委託する。", page=1),
        _table(["年度", "令和5年度", "令和6年度"], ["計画", "委託範囲の検討", "→"], ["実績", "委託範囲を決定", ""]),
        Paragraph("指標：電子申請件数 現状 1,240件（令和4年度）→ 目標 3,000件（令和7年度）", page=1),
    )
    card = _card(found, "7")
    assert (card.title, card.departments, card.description) == (
        "窓口業務の民間委託",
        "区民課",
        "・定型業務を委託する。",
    )
    assert dict(card.attributes) == {"現状と課題": "待ち時間が長い。"}
    # A 計画 row of words is a schedule, and the 実績 row under it reports on it.
    assert [[(c.year, c.text) for c in r.cells] for r in card.schedule] == [
        [(2023, "委託範囲の検討"), (2024, "→")],
        [(2023, "委託範囲を決定")],
    ]
    (indicator,) = card.indicators
    assert [(v.kind, v.heading, v.text) for v in indicator.values] == [
        ("baseline", "令和4年度", "1,240件"),
        ("final_target", "令和7年度", "3,000件"),
    ]


def test_two_row_list_header_and_remarks_column() -> None:
    found = _read(
        _table(
            ["項番", "取組", "所管部署", "スケジュール", "", "備考"],
            ["", "", "", "R5", "R6", ""],
            ["1-1", "オンライン申請の拡充", "住民課", "調査・研究 ━━━▶", "→", "主要30手続"],
        )
    )
    card = found.cards[0]
    assert (card.item_no, card.departments, dict(card.attributes)) == ("1-1", "住民課", {"備考": "主要30手続"})
    assert [(c.year, c.text) for c in card.schedule[0].cells] == [(2023, "調査・研究"), (2024, "→")]


def test_schedule_printed_down_a_column() -> None:
    found = _read(
        _table(["施策番号", "2-1", "施策名", "地域防災力の向上"], ["所管局", "危機管理局"]),
        _table(["年度", "取組内容"], ["令和6年度", "計画の策定支援"], ["令和7年度", "↓"], ["令和8年度", "見直し支援"]),
        _table(["年度", "事業費（千円）"], ["令和6年度", "1,200"], ["令和7年度", "1,500"]),
    )
    card = _card(found, "2-1")
    assert (card.title, card.departments) == ("地域防災力の向上", "危機管理局")
    # The amounts by year are a financial table: only the first table is a schedule.
    (row,) = card.schedule
    assert [(c.year, c.text) for c in row.cells] == [(2024, "計画の策定支援"), (2025, "→"), (2026, "見直し支援")]


def test_schedule_column_of_sentences_under_a_heading() -> None:
    document = Document(
        path="raw/x.pdf",
        source_format="pdf",
        pages=(
            Page(
                1,
                (
                    Paragraph("（計画期間：令和6年度～令和8年度）", page=1),
                    Paragraph("（1）公共施設の照明のLED化", page=1),
                    _table(["取組内容", "スケジュール"], ["照明をLEDへ更新します。", "令和6年度から実施"]),
                    Paragraph("担当：施設管理課", page=1),
                ),
            ),
        ),
        page_count=1,
    )
    (card,) = generic_plan.extract(document).cards
    assert (card.title, card.departments, card.description) == (
        "公共施設の照明のLED化",
        "施設管理課",
        "照明をLEDへ更新します。",
    )
    assert [(c.year, c.text) for c in card.schedule[0].cells] == [(2024, "実施"), (2025, "→"), (2026, "→")]


def test_chart_title_names_the_indicator_of_its_grid() -> None:
    """`①…(％)` just above a grid of 当該値 / 平均値 rows is the indicator's name, not a heading of its own."""
    found = _read(
        Paragraph("【】 平成26年度全国平均", page=1),
        Paragraph("1. 経営の健全性・効率性", page=1),
        Paragraph("①収益的収支比率(％)", page=1),
        _table(["", "H25", "H26"], ["当該値", "107.17", "102.29"], ["平均値", "", ""]),
        Paragraph("110.00", page=1),
        Paragraph("②経費回収率(％)", page=1),
        _table(["", "H25", "H26"], ["当該値", "59.24", "63.74"], ["平均値", "41.04", "41.08"]),
        Paragraph("【51.49】", page=1),
        Paragraph("③流動比率(％)", page=1),
        _table(["", "H25", "H26"], ["当該値", "", ""], ["平均値", "", ""]),
    )
    assert [(c.path, c.item_no, c.title) for c in found.cards] == [("dotted1", "1", "経営の健全性・効率性")]
    first, second, third = found.cards[0].indicators
    assert [first.name, second.name, third.name] == ["①収益的収支比率(％)", "②経費回収率(％)", "③流動比率(％)"]
    assert [(v.year, v.text, v.series) for v in first.values] == [(2013, "107.17", None), (2014, "102.29", None)]
    assert [(v.kind, v.year, v.text, v.series) for v in second.values] == [
        ("actual", 2013, "59.24", None),
        ("actual", 2014, "63.74", None),
        ("actual", 2013, "41.04", "平均値"),
        ("actual", 2014, "41.08", "平均値"),
        ("actual", 2014, "51.49", "全国平均"),  # the legend's series and year; only right after a chart's grid
    ]
    assert third.values == ()  # printed with empty rows (該当数値なし)


def test_grid_far_from_its_caption_is_not_named_by_it() -> None:
    """A caption names only the grid printed right under it: rows that name nothing are left unread."""
    found = _read(
        Paragraph("1. 経営の健全性・効率性", page=1),
        Paragraph("①収益的収支比率(％)", page=1),
        Paragraph("収益的収支比率は、現状100％を超えており健全な運営となっている。", page=1),
        _table(["", "H25", "H26"], ["当該値", "107.17", "102.29"]),
    )
    assert all(not c.indicators for c in found.cards)


def test_numbered_chapters_without_content_are_not_initiatives() -> None:
    """A `2.` chapter holding no grid is no initiative, though its sibling `1.` holds one."""
    found = _read(
        Paragraph("1. 事業概要", page=1),
        Paragraph("本事業は集落排水を担う。", page=1),
        Paragraph("2. 経営の健全性", page=1),
        Paragraph("①経費回収率(％)", page=1),
        _table(["", "H25", "H26"], ["当該値", "59.24", "63.74"]),
    )
    assert [c.title for c in found.cards] == ["経営の健全性"]


def test_kpi_header_printed_apart_from_its_rows() -> None:
    """A dump's KPI header sits in a table of its own (a heading row beside it, a blank line under it):
    the rows of the next tables are read under it, and a 達成状況 / 備考 column is the indicator's note."""
    found = _read(
        _table(
            ["基本目標1", "地域の稼ぐ力を高める", "", "", "", "", ""],
            ["", "KPI", "基準値（H30）", "R4実績", "R6目標", "達成状況", "備考"],
        ),
        _table(["新規創業者数（年間）", "12件", "15件", "20件", "○", ""]),
        _table(["観光入込客数（年間）", "385,000人", "240,500人", "420,000人", "△", "回復途上"]),
    )
    (card,) = found.cards
    assert (card.path, card.title) == ("基本目標1", "地域の稼ぐ力を高める")
    first, second = card.indicators
    assert [(v.kind, v.year, v.text) for v in first.values] == [
        ("baseline", 2018, "12件"),
        ("actual", 2022, "15件"),
        ("final_target", 2024, "20件"),
    ]
    assert (first.note, second.note) == ("達成状況: ○", "達成状況: △; 備考: 回復途上")


def test_other_headings_right_of_the_values_are_no_kpi_header() -> None:
    found = _read(_table(["指標", "現状値", "目標値", "予算額"], ["利用者数", "10人", "20人", "3,000"]))
    assert found.cards == ()


def test_number_label_before_the_title_numbers_the_next_card() -> None:
    """`施策番号 | 2-1` then `施策名 | …` on each sheet: each number goes to the card titled after it."""
    found = _read(
        Paragraph("基本政策2 安全なまち", page=1),
        _table(
            ["施策番号", "2-1", "施策名", "地域防災力の向上"],
            ["所管局", "危機管理局", "", ""],
            ["年度", "取組内容", "", ""],
            ["令和6年度", "計画の策定支援", "", ""],
            ["令和7年度", "↓", "", ""],
        ),
        _table(["施策番号", "2-2", "施策名", "交通安全"], ["所管局", "市民局", "", ""]),
    )
    assert [(c.path, c.title, c.departments) for c in found.cards] == [
        ("2-1", "地域防災力の向上", "危機管理局"),
        ("2-2", "交通安全", "市民局"),
    ]
    (row,) = found.cards[0].schedule  # years down a column under the labelled rows of the same table
    assert [(c.year, c.text) for c in row.cells] == [(2024, "計画の策定支援"), (2025, "→")]


def test_list_header_printed_apart_reads_the_next_table() -> None:
    """`事業番号 | 事業名 | … | 担当課` over years set off their columns, its group headings, then the body
    in a table of its own: the body's rows are the list's initiatives, and no year is taken from the misplaced row."""
    found = _read(
        _table(
            ["事業番号", "事業名", "事業内容", "担当課", "", ""],
            ["", "2024(R6)年度", "", "", "2025(R7)年度", "2026(R8)年度"],
            ["第1章", "健やかに育つまち", "", "", "", ""],
        ),
        _table(
            ["1", "出産・子育て応援事業", "面談を行い給付金を支給する。", "こども家庭課", "48,000", "47,500", "47,000"],
            ["2", "産後ケア事業", "心身のケアを行う。", "こども家庭課", "6,240", "6,500", "6,800"],
        ),
    )
    assert [(c.item_no, c.title, c.departments) for c in found.cards] == [
        ("1", "出産・子育て応援事業", "こども家庭課"),
        ("2", "産後ケア事業", "こども家庭課"),
    ]
    assert all(c.schedule == () for c in found.cards)


def test_a_unit_printed_out_of_its_column_is_the_unit_not_the_name() -> None:
    """A dump sets `件` under no heading of its own: a cell printing a unit alone is the indicator's unit."""
    found = _read(
        Paragraph("事業名称：電子申請の拡大", page=1),
        _table(
            ["指標名", "", "単位", "2022年度", "2023年度"],
            ["オンライン化した手続数", "件", "目標値", "100", "150"],
            ["", "", "実績値", "112", "163"],
        ),
    )
    (indicator,) = [i for c in found.cards for i in c.indicators]
    assert (indicator.name, indicator.unit) == ("オンライン化した手続数", "件")
    assert [(v.kind, v.year, v.text) for v in indicator.values] == [
        ("target", 2022, "100"),
        ("target", 2023, "150"),
        ("actual", 2022, "112"),
        ("actual", 2023, "163"),
    ]


def test_measures_beside_who_carries_them_out_are_a_list() -> None:
    """A 行動計画 prints its measures under `目標 | 推進者`: each row an initiative, `①` its number."""
    found = _read(
        Paragraph("1 職員の勤務環境の整備に関する事項", page=1),
        Paragraph("(1)妊娠中及び出産後における配慮", page=1),
        _table(
            ["目 標", "推進者"],
            ["①特別休暇制度について、積極的に情報提供します。", "総務課長\n所属長"],
            ["②業務分担を見直します。", "所属長\n職員"],
        ),
        Paragraph("(2)子どもの出産時における父親の休暇の取得", page=1),
        _table(["目 標", "推進者"], ["配偶者出産の休暇を周知します。", "総務課長"]),
    )
    assert [(c.item_no, c.title, c.departments) for c in found.cards] == [
        ("①", "特別休暇制度について、積極的に情報提供します。", "総務課長\n所属長"),
        ("②", "業務分担を見直します。", "所属長\n職員"),
        ("", "配偶者出産の休暇を周知します。", "総務課長"),
    ]
    assert [(c.policy, c.measure) for c in found.cards][1:] == [
        ("1 職員の勤務環境の整備に関する事項", "(1)妊娠中及び出産後における配慮"),
        ("1 職員の勤務環境の整備に関する事項", "(2)子どもの出産時における父親の休暇の取得"),
    ]


def test_a_target_beside_a_department_under_an_indicator_is_no_list() -> None:
    found = _read(_table(["指標", "目標", "担当課"], ["電子申請率", "80%", "情報政策課"]))
    assert all(c.title != "80%" for c in found.cards)
