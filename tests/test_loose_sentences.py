"""A `取組内容 | スケジュール` row printed as lines of their own under its header (a dump)."""

from __future__ import annotations

from extractors import generic_plan
from extractors.loose_sentences import LooseRow
from pipeline.blocks import Cell, Document, Page, Paragraph, Row, Table


def test_lines_naming_years_and_their_open_clauses_are_the_schedule() -> None:
    row = LooseRow()
    for text in ["令和6年度に調査・設計、令和7年度", "庁舎の照明をLEDへ更新します。", "までに更新完了"]:
        row.add(text)
    assert row.sentence == "令和6年度に調査・設計、令和7年度までに更新完了"
    assert row.description == ["庁舎の照明をLEDへ更新します。"]


def test_a_closed_clause_leaves_the_next_lines_to_the_description() -> None:
    row = LooseRow()
    for text in ["エネルギー使用量の多い施設から順に診断を行い、設備の", "令和6年度から実施", "運用改善につなげます"]:
        row.add(text)
    assert row.schedule == ["令和6年度から実施"]
    assert row.description == ["エネルギー使用量の多い施設から順に診断を行い、設備の", "運用改善につなげます"]


def test_header_alone_then_its_row_as_lines() -> None:
    header = Table(rows=(Row(cells=(Cell("取組内容"), Cell("スケジュール")), line=3),), origin="layout", line=3)
    document = Document(
        path="raw/x.txt",
        source_format="text",
        pages=(
            Page(
                1,
                (
                    Paragraph("（1）公共施設の照明のLED化", line=2),
                    header,
                    Paragraph("令和6年度に調査・設計、令和7年度", line=4),
                    Paragraph("庁舎の照明をLEDへ更新します。", line=5),
                    Paragraph("までに更新完了", line=6),
                    Paragraph("担当：施設管理課", line=7),
                    Paragraph("（2）省エネルギー診断の実施", line=9),
                ),
            ),
        ),
    )
    (card,) = generic_plan.extract(document).cards
    assert (card.title, card.departments, card.description) == (
        "公共施設の照明のLED化",
        "施設管理課",
        "庁舎の照明をLEDへ更新します。",
    )
    assert [(c.year, c.text) for c in card.schedule[0].cells] == [(2024, "調査・設計"), (2025, "更新完了")]


def test_text_further_down_is_not_the_rows() -> None:
    row = LooseRow(last=3)
    assert row.takes(4) and row.takes(5)
    assert not row.takes(8)  # after a wider gap: the page's own text
