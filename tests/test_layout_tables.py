"""Tables of a layout dump read as the PDF's: rows printed apart, wrapped and centred cells, headers, headings.

The synthetic dumps are printed as `pdftotext -layout` prints: one column a character, a text
at the column its PDF position maps to (`_printed`). The office fixtures' dumps
(tests/fixtures/office/*.txt) are then read against their PDFs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.blocks import Document, Paragraph, Table
from pipeline.layout_margins import drop_margins
from pipeline.layout_rows import printed_rows
from pipeline.layout_tables import TableLines, segment
from pipeline.read_layout_text import clean, layout_text_to_document
from pipeline.read_pdf import read_pdf
from pipeline.read_text import read_text_dump
from tests.conftest import ROOT

OFFICE = ROOT / "tests" / "fixtures" / "office"


def _printed(*texts: tuple[int, str]) -> str:
    """A dump line: each text at its column (one column a character)."""
    line = ""
    for column, text in texts:
        assert column >= len(line) + (2 if line else 0), (column, text)
        line += " " * (column - len(line)) + text
    return line


def _tables(*lines: str) -> list[list[tuple[str, ...]]]:
    """The rows of each table the lines print."""
    parts = segment(list(enumerate(lines, start=1)), wide=False)
    return [[row.texts for row in printed_rows(part, clean)] for part in parts if isinstance(part, TableLines)]


# --- rows printed apart --------------------------------------------------------------------------


def test_rows_printed_apart_by_blank_lines_are_one_table() -> None:
    lines = [
        _printed((3, "年度"), (14, "令和5年度"), (30, "令和6年度")),
        "",
        _printed((3, "計画"), (14, "委託範囲の検討"), (30, "委託開始")),
        "",
        _printed((3, "実績"), (14, "範囲を決定")),
    ]
    assert _tables(*lines) == [
        [("年度", "令和5年度", "令和6年度"), ("計画", "委託範囲の検討", "委託開始"), ("実績", "範囲を決定", "")]
    ]


def test_more_blank_lines_end_the_table() -> None:
    row = _printed((3, "計画"), (14, "調査"), (30, "実施"))
    assert len(_tables(row, "", "", "", row)) == 2


def test_text_left_of_the_table_after_a_blank_line_ends_it() -> None:
    lines = [
        _printed((3, "年度"), (14, "令和5年度"), (30, "令和6年度")),
        "",
        _printed((3, "計画"), (14, "調査"), (30, "実施")),
        "",
        _printed((0, "改革の柱2"), (10, "持続可能な財政運営")),
    ]
    assert [len(t) for t in _tables(*lines)] == [2, 1]


def test_a_header_centred_over_a_left_aligned_body_heads_its_columns() -> None:
    lines = [
        _printed((1, "No."), (21, "取組項目"), (35, "担当課"), (46, "令和6年度"), (56, "令和7年度")),
        "",
        _printed((1, "1"), (7, "電子申請システムの拡大"), (29, "情報政策課"), (41, "実施")),
        "",
        _printed((1, "2"), (7, "キャッシュレス決済の導入"), (29, "会計課"), (41, "検討"), (54, "導入・拡大")),
    ]
    assert _tables(*lines) == [
        [
            ("No.", "取組項目", "担当課", "令和6年度", "令和7年度"),
            ("1", "電子申請システムの拡大", "情報政策課", "実施", ""),
            ("2", "キャッシュレス決済の導入", "会計課", "検討", "導入・拡大"),
        ]
    ]


def test_text_across_the_year_columns_under_a_header_is_a_merged_cell_in_the_first() -> None:
    lines = [
        _printed((1, "No."), (21, "取組項目"), (35, "担当課"), (46, "令和6年度"), (56, "令和7年度"), (66, "令和8年度")),
        "",
        _printed((1, "1"), (7, "電子申請システムの拡大"), (29, "情報政策課"), (41, "実施"), (54, "拡大")),
        "",
        _printed((1, "2"), (7, "窓口の改善"), (29, "会計課"), (41, "試行"), (52, "対象業務の拡大と全庁展開")),
    ]
    assert _tables(*lines)[0][-1] == ("2", "窓口の改善", "会計課", "試行", "対象業務の拡大と全庁展開", "")


def test_a_unit_printed_beside_its_value_is_in_the_values_cell() -> None:
    lines = [
        _printed((16, "KPI"), (36, "基準値（R元）"), (49, "目標値（R6）")),
        "",
        _printed((0, "子育て支援センター利用者数"), (37, "1,480"), (45, "人"), (50, "1,800"), (58, "人")),
        _printed((0, "保護者の満足度"), (38, "62.4"), (45, "%"), (51, "70.0"), (58, "%")),
        _printed((0, "健康教室参加者数"), (38, "320"), (45, "人"), (51, "維持")),
    ]
    assert _tables(*lines) == [
        [
            ("KPI", "基準値（R元）", "目標値（R6）"),
            ("子育て支援センター利用者数", "1,480人", "1,800人"),
            ("保護者の満足度", "62.4 %", "70.0 %"),
            ("健康教室参加者数", "320人", "維持"),
        ]
    ]


def test_a_title_with_a_note_at_its_right_is_not_the_header() -> None:
    lines = [
        _printed((0, "計画期間：令和6年度～令和9年度"), (92, "凡例：■ 取組期間")),
        _printed((1, "No."), (21, "取組項目"), (35, "担当課")),
        _printed((1, "1"), (7, "電子申請システムの拡大"), (29, "情報政策課")),
    ]
    tables = _tables(*lines)
    assert tables[0] == [("計画期間：令和6年度～令和9年度", "凡例：■ 取組期間")]
    assert tables[1][0] == ("No.", "取組項目", "担当課")


# --- wrapped and centred cells -------------------------------------------------------------------


def test_the_next_line_of_a_top_aligned_cell_is_in_its_row() -> None:
    lines = [
        _printed((1, "1-1"), (7, "オンライン申請の拡充"), (29, "住民課"), (45, "主要30手続")),
        _printed((29, "DX推進室")),
        _printed((1, "1-2"), (7, "コンビニ交付の導入"), (29, "住民課"), (45, "R6に開始")),
    ]
    assert _tables(*lines) == [
        [
            ("1-1", "オンライン申請の拡充", "住民課\nDX推進室", "主要30手続"),
            ("1-2", "コンビニ交付の導入", "住民課", "R6に開始"),
        ]
    ]


DESCRIBED = [
    _printed((0, "1"), (4, "窓口"), (12, "証明書の発行を民間事業者に委託し職員を相談業務")),
    _printed((12, "に重点的に配置する。")),
    _printed((0, "2"), (4, "電子申請"), (12, "申請件数の多い手続から順に電子申請の対象とする。")),
]


def test_text_filling_its_column_wraps_onto_the_next_line_without_a_break() -> None:
    assert _tables(*DESCRIBED)[0][0] == (
        "1",
        "窓口",
        "証明書の発行を民間事業者に委託し職員を相談業務に重点的に配置する。",
    )


def test_wrapped_text_above_a_rows_key_is_the_upper_part_of_its_centred_cell() -> None:
    lines = [
        *DESCRIBED,
        _printed((12, "母子保健と児童福祉の相談窓口を一体化し切れ目な")),
        _printed((0, "3"), (4, "センター"), (12, "く支援する拠点を設ける。")),
    ]
    assert _tables(*lines)[0][-1] == (
        "3",
        "センター",
        "母子保健と児童福祉の相談窓口を一体化し切れ目なく支援する拠点を設ける。",
    )


def test_a_name_centred_beside_two_rows_is_in_the_first() -> None:
    lines = [
        _printed((9, "指標"), (20, "単位"), (26, "区分"), (31, "2022年度"), (40, "2023年度")),
        "",
        _printed((26, "目標"), (36, "5"), (42, "0")),
        _printed((0, "保育所等待機児童数"), (20, "人")),
        _printed((26, "実績"), (36, "8"), (42, "0")),
    ]
    assert _tables(*lines) == [
        [
            ("指標", "単位", "区分", "2022年度", "2023年度"),
            ("保育所等待機児童数", "人", "目標", "5", "0"),
            ("", "", "実績", "8", "0"),
        ]
    ]


def test_a_label_centred_between_the_lines_of_its_value() -> None:
    lines = [
        _printed((2, "事業名称"), (14, "電子申請システムの利用拡大")),
        _printed((14, "・申請件数の多い手続から順に対象とする。")),
        _printed((7, "概要")),
        _printed((14, "・オンライン決済に対応する。")),
        _printed((3, "担当課"), (14, "情報政策課")),
    ]
    assert _tables(*lines) == [
        [
            ("事業名称", "電子申請システムの利用拡大"),
            ("概要", "・申請件数の多い手続から順に対象とする。\n・オンライン決済に対応する。"),
            ("担当課", "情報政策課"),
        ]
    ]


CARDS = [
    _printed((5, "事業名称"), (13, "オンライン手続の拡大")),
    _printed((6, "課題"), (13, "多様な市民ニーズへの対応や行政事務の高速化が必要。")),
    _printed((0, "1"), (5, "担当課"), (13, "ICT推進課ほか")),
    _printed((5, "指標と"), (13, "オンライン化数")),
    _printed((18, "2021年度"), (32, "2022年度"), (48, "2023年度")),
    _printed((6, "目標"), (16, "150手続"), (30, "400手続"), (46, "600手続")),
    "",
    "",
    _printed((5, "事業名称"), (13, "マイナンバーカードの普及促進")),
    _printed((0, "2"), (6, "課題"), (13, "本人確認の前提となるマイナンバーカードの普及が急務。")),
    _printed((5, "担当課"), (13, "ICT推進課、市民課")),
]


def test_a_grid_printed_in_the_last_column_splits_it_and_the_texts_above_span_it() -> None:
    (table,) = _tables(*CARDS)
    assert table[4:6] == [("", "", "2021年度", "2022年度", "2023年度"), ("", "目標", "150手続", "400手続", "600手続")]
    assert table[1] == ("", "課題", "多様な市民ニーズへの対応や行政事務の高速化が必要。", "", "")


def test_a_card_number_centred_down_its_card_is_in_its_first_row() -> None:
    (table,) = _tables(*CARDS)
    assert [(row[0], row[1]) for row in table if row[0]] == [("1", "事業名称"), ("2", "事業名称")]


# --- headings inside a table ---------------------------------------------------------------------


def test_headings_between_the_rows_are_rows_across_the_table() -> None:
    lines = [
        _printed((1, "No."), (21, "取組項目"), (35, "担当課"), (46, "令和6年度")),
        _printed((0, "基本目標1 市民の利便性の向上")),
        "",
        _printed((1, "1"), (7, "電子申請システムの拡大"), (29, "情報政策課"), (41, "実施")),
        "",
        _printed((0, "施策1-2 情報発信の充実")),
        "",
        _printed((1, "2"), (7, "公式LINEの配信"), (29, "広報広聴課"), (41, "配信")),
    ]
    assert _tables(*lines) == [
        [
            ("No.", "取組項目", "担当課", "令和6年度"),
            ("基本目標1 市民の利便性の向上", "", "", ""),
            ("1", "電子申請システムの拡大", "情報政策課", "実施"),
            ("施策1-2 情報発信の充実", "", "", ""),
            ("2", "公式LINEの配信", "広報広聴課", "配信"),
        ]
    ]


def test_a_group_heading_of_a_numbered_list_is_one_cell() -> None:
    lines = [
        _printed((0, "No."), (6, "事業名"), (22, "担当課")),
        _printed((0, "政策1"), (6, "安全・安心に暮らせるまち")),
        *(_printed((1, str(n)), (6, f"事業{n}"), (22, "危機管理課")) for n in (1, 2, 3)),
    ]
    assert _tables(*lines)[0][1] == ("政策1 安全・安心に暮らせるまち", "", "")


# --- lines set with tabs -------------------------------------------------------------------------


def test_lines_set_with_a_tab_are_text_and_a_row_alone_between_blank_lines_a_table() -> None:
    text = "\n".join(
        [
            _printed((0, "【No.1】"), (9, "取組事項：窓口業務の民間委託")),
            "所管課：区民課",
            "現状と課題：証明書の発行や届出の受付など定型的な窓口業務に多くの職員が従事している。",
            "",
            "",
            _printed((3, "職員数"), (16, "上下水道係 1名")),
            "",
            "",
            "本文です。",
        ]
    )
    blocks = layout_text_to_document("x.txt", text).pages[0].blocks
    assert blocks[0] == Paragraph("【No.1】 取組事項：窓口業務の民間委託", line=1, page=1)
    assert isinstance(blocks[3], Table) and blocks[3].rows[0].texts == ("職員数", "上下水道係 1名")


# --- margins and paragraphs ----------------------------------------------------------------------


def test_running_headers_and_page_numbers_are_dropped_card_numbers_kept() -> None:
    pages = [
        [(1, "   架空市総合計画  "), (2, "＜項目番号＞ 4"), (3, "本文"), (4, "- 1 -")],
        [(5, "架空市総合計画"), (6, "＜項目番号＞ 6"), (7, "本文"), (8, "＜項目番号＞ 7"), (9, "2")],
    ]
    assert drop_margins(pages) == [
        [(1, ""), (2, "＜項目番号＞ 4"), (3, "本文"), (4, "")],
        [(5, ""), (6, "＜項目番号＞ 6"), (7, "本文"), (8, "＜項目番号＞ 7"), (9, "")],
    ]


PROSE = [
    "題",
    " 本章では、改革の柱ごとに、令和5年度から令和7年度までの3年間に取り",
    "組む事項とその年度別計画を示します。",
    " 令和5年度の取組状況を踏まえ、令和6年3月に改定しました。改定の内容",
    "・証明書発行の委託を始めました。",
    "・委託の範囲を広げます。",
    "以上です。",
]


def test_wrapped_running_text_is_one_paragraph() -> None:
    document = layout_text_to_document("x.txt", "\n".join(PROSE))
    assert [(b.text, b.line) for b in document.pages[0].blocks if isinstance(b, Paragraph)] == [
        ("題", 1),
        ("本章では、改革の柱ごとに、令和5年度から令和7年度までの3年間に取り組む事項とその年度別計画を示します。", 2),
        ("令和5年度の取組状況を踏まえ、令和6年3月に改定しました。改定の内容", 4),
        ("・証明書発行の委託を始めました。", 5),
        ("・委託の範囲を広げます。", 6),
        ("以上です。", 7),
    ]


# --- the office fixtures' dumps ------------------------------------------------------------------


@cache
def _read(path: Path) -> Document:
    if path.suffix == ".pdf":
        return read_pdf(path.name, path.read_bytes())
    return read_text_dump(path.name, path.read_bytes())


def _keys(document: Document) -> list[tuple[tuple[str, ...], ...]]:
    return [
        tuple(tuple("".join(c.split()) for c in r.texts) for r in b.rows)
        for b in document.blocks()
        if isinstance(b, Table)
    ]


# stem → tables of its dump read exactly as a table of its PDF, at least (measured: all of them;
# labelled_cards' 指標 tables print a header cell spanning two columns, kouteihyo's bars are fills).
SAME_TABLES = {"kpi_tables": 6, "labelled_cards": 4, "years_mixed": 3}


@pytest.mark.parametrize("stem", sorted(SAME_TABLES), ids=sorted(SAME_TABLES))
def test_office_dump_tables_read_as_the_pdfs(stem: str) -> None:
    pdf = set(_keys(_read(OFFICE / f"{stem}.pdf")))
    dump = _keys(_read(OFFICE / f"{stem}.txt"))
    assert sum(1 for table in dump if table in pdf) >= SAME_TABLES[stem]


def test_every_office_pdf_has_its_dump() -> None:
    assert sorted(p.stem for p in OFFICE.glob("*.pdf")) == sorted(p.stem for p in OFFICE.glob("*.txt"))


def test_wrapped_text_under_a_group_heading_is_the_next_rows() -> None:
    """Under a group row that prints nothing in a column, a line wrapping onto the next key row is that row's."""
    lines = [
        _printed(
            (0, "1"), (8, "応援事業"), (18, "妊娠届出時と出生届出時に面談を行い、給付金を支給"), (64, "こども家庭課")
        ),
        _printed((0, "1-1-2"), (8, "保育環境の整備")),
        _printed((18, "民間保育所の増改築に要する経費の一部を補助し、定")),
        _printed((0, "2"), (8, "施設整備"), (18, "員を拡大する。"), (64, "保育課")),
    ]
    rows = _tables(*lines)[0]
    assert rows[1][:3] == ("1-1-2", "保育環境の整備", "")
    assert rows[2] == ("2", "施設整備", "民間保育所の増改築に要する経費の一部を補助し、定員を拡大する。", "保育課")
