"""Style 2: labelled 個票 cards printed from Word: a label | value table, then a 指標 table.

Each card prints `No.n` above it (one card prints no number), a two-column table of labels
(事業名称, 課題, 目的, 概要, 担当課) and values, and a 指標 table whose header row is
`指標名 | 単位 | 2022年度 … 2025年度`; each indicator takes a 目標値 row and a 実績値 row, its
name and unit merged over both, some 実績値 cells empty or `-`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from office_pdfs.documents import (
    a4,
    centre_vertically,
    column_widths,
    default_font,
    header_text,
    min_row_height,
    page_number_footer,
    paragraph,
    rule_table,
    shade,
    write_cell,
)
from office_pdfs.records import DocumentFacts, Expected, Indicator, Initiative, Value, printed_number

STEM = "labelled_cards"
TITLE = "架空市DX推進計画 事業個票"
YEARS = (2022, 2023, 2024, 2025)
MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
LABEL_FILL = "DEEAF6"
KIND_LABELS = (("target", "目標値"), ("actual", "実績値"))
CARDS_PER_PAGE = 2


@dataclass(frozen=True)
class Measure:
    """One indicator as printed: name, unit, and per year its target and actual ("" where the cell is empty)."""

    name: str
    unit: str
    targets: tuple[str, str, str, str]
    actuals: tuple[str, str, str, str]


@dataclass(frozen=True)
class Card:
    """One card: number (None where none is printed), the labelled texts, and its indicators."""

    no: str | None
    title: str
    issue: str
    purpose: str
    outline: str
    departments: tuple[str, ...]
    measures: tuple[Measure, ...]


CARDS = (
    Card(
        "1",
        "電子申請システムの利用拡大",
        "窓口に来庁しなければできない手続が多く、平日の日中に来庁が難しい市民の負担となっている。",
        "来庁せずに、いつでもどこでも手続ができる環境を整え、市民の利便性を高める。",
        "・申請件数の多い手続から順に電子申請の対象とする。\n・マイナンバーカードによる本人確認とオンライン決済に対応する。",
        ("情報政策課",),
        (
            Measure("オンライン化した手続数", "件", ("100", "150", "200", "250"), ("112", "163", "", "")),
            Measure("電子申請の利用率", "%", ("20.0", "30.0", "40.0", "50.0"), ("18.5", "27.0", "-", "")),
        ),
    ),
    Card(
        "2",
        "庁内業務へのRPAの導入",
        "定型的な入力・照合作業に多くの職員の時間が割かれている。",
        "定型業務を自動化し、職員が企画や相談対応など人にしかできない業務に注力できるようにする。",
        "業務量調査の結果から効果の高い業務を選び、RPAのシナリオを職員自ら作成できるよう研修を行う。",
        ("情報政策課", "行政経営課"),
        (Measure("RPAによる削減時間", "時間", ("1,000", "2,000", "3,000", "4,000"), ("1,250", "2,100", "-", "-")),),
    ),
    Card(
        "3",
        "窓口キャッシュレス決済の導入",
        "証明書の交付手数料等の支払いが現金に限られている。",
        "多様な支払手段に対応し、窓口での待ち時間を短くする。",
        "市民課・各支所の窓口から順に、クレジットカード、電子マネー、QRコード決済を導入する。",
        ("会計課",),
        (Measure("キャッシュレス対応窓口数", "箇所", ("5", "10", "15", "20"), ("4", "11", "", "")),),
    ),
    Card(
        None,
        "地域ICT講習会の開催",
        "スマートフォン等の操作に不安がある高齢者が多く、デジタル化の恩恵を受けられない人がいる。",
        "誰もがデジタル化の恩恵を受けられるよう、身近な場所で学べる機会をつくる。",
        "公民館等でスマートフォン講習会を開催し、地域の大学生ボランティアが講師を補助する。",
        ("市民協働課",),
        (
            Measure("講習会参加者数", "人", ("300", "300", "350", "350"), ("285", "342", "", "")),
            Measure("参加者の満足度", "%", ("80.0", "80.0", "85.0", "85.0"), ("88.2", "-", "", "")),
        ),
    ),
)

LABEL_W, VALUE_W = 30.0, 144.0
INDICATOR_WIDTHS = (46.0, 14.0, 16.0, 24.5, 24.5, 24.5, 24.5)


def _labels(doc: WordDocument, card: Card) -> None:
    labels = (
        ("事業名称", card.title),
        ("課題", card.issue),
        ("目的", card.purpose),
        ("概要", card.outline),
        ("担当課", "、".join(card.departments)),
    )
    table = doc.add_table(rows=len(labels), cols=2)
    rule_table(
        table,
        {e: "single:6" for e in ("top", "left", "bottom", "right")} | {"insideH": "single:4", "insideV": "single:4"},
    )
    for row, (label, value) in zip(table.rows, labels, strict=True):
        write_cell(row.cells[0], label, GOTHIC, 10.0, bold=True, align="center")
        shade(row.cells[0], LABEL_FILL)
        write_cell(row.cells[1], value, MINCHO, 10.0, bold=label == "事業名称")
    column_widths(table, (LABEL_W, VALUE_W))
    centre_vertically(table)
    min_row_height(table, 8.0)


def _indicators(doc: WordDocument, card: Card) -> None:
    table = doc.add_table(rows=1 + 2 * len(card.measures), cols=7)
    rule_table(table, {e: "single:4" for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    head = table.rows[0].cells
    write_cell(head[0], "指標名", GOTHIC, 9.0, bold=True, align="center")
    unit = head[1].merge(head[2])
    write_cell(unit, "単位", GOTHIC, 9.0, bold=True, align="center")
    for cell, year in zip(head[3:], YEARS, strict=True):
        write_cell(cell, f"{year}年度", GOTHIC, 9.0, bold=True, align="center")
    for cell in head:
        shade(cell, "F2F2F2")
    for i, measure in enumerate(card.measures):
        first, second = table.rows[1 + 2 * i].cells, table.rows[2 + 2 * i].cells
        write_cell(first[0].merge(second[0]), measure.name, GOTHIC, 9.0)
        write_cell(first[1].merge(second[1]), measure.unit, GOTHIC, 9.0, align="center")
        for cells, (_kind, label), texts in zip(
            (first, second), KIND_LABELS, (measure.targets, measure.actuals), strict=True
        ):
            write_cell(cells[2], label, GOTHIC, 9.0, align="center")
            for cell, text in zip(cells[3:], texts, strict=True):
                write_cell(cell, text, GOTHIC, 9.0, align="center")
    column_widths(table, INDICATOR_WIDTHS)
    centre_vertically(table)
    min_row_height(table, 6.0)


def _expected(card: Card, page: int) -> Initiative:
    indicators = []
    for measure in card.measures:
        values = [
            Value(kind, year, text, printed_number(text))
            for (kind, _label), texts in zip(KIND_LABELS, (measure.targets, measure.actuals), strict=True)
            for year, text in zip(YEARS, texts, strict=True)
            if text
        ]
        indicators.append(Indicator(measure.name, measure.unit, tuple(values)))
    return Initiative(card.no, card.title, card.departments, page, indicators=tuple(indicators))


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints."""
    doc = docx.Document()
    a4(doc)
    default_font(doc, MINCHO, 10.5)
    header_text(doc, "架空市", GOTHIC)
    page_number_footer(doc, GOTHIC)
    paragraph(doc, TITLE, GOTHIC, 16.0, bold=True, align="center")
    paragraph(doc, "計画期間：令和4年度～令和7年度", MINCHO, 10.5, align="center")
    initiatives = []
    for i, card in enumerate(CARDS):
        page = 1 + i // CARDS_PER_PAGE
        if i and i % CARDS_PER_PAGE == 0:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            doc.add_paragraph()
        label = paragraph(doc, f"No.{card.no}" if card.no else "", GOTHIC, 12.0, bold=True)
        label.paragraph_format.space_after = Pt(2)
        _labels(doc, card)
        paragraph(doc, "＜指標＞", GOTHIC, 9.5).paragraph_format.space_before = Pt(6)
        _indicators(doc, card)
        initiatives.append(_expected(card, page))
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    return path, Expected(DocumentFacts("架空市", "架空市DX推進計画", 2022, 2025), tuple(initiatives))
