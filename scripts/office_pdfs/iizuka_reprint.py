"""Style 7: 取組項目個票 of 飯塚市行政経営戦略推進ビジョン (seed 003), reprinted from Word two to a page.

The content is the pipeline's reading of the bundled dump
raw/iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt (hand-checked); what this module prints
of it is what the expected records hold. Each card is headed `取組項目個票（兼進捗管理表）` with its
`＜項目番号＞` on the right, and is one ruled table in the card's own words: the section column
(概要, 計画, 実績, 評価) merged down the left; label | value rows (取組項目名, 大分類, 小分類,
主たる所管部署, 関係部署, …); the 年度計画 grid `令和6年度計画 | 令和7年度計画 | 令和8年度計画 | 備考`
with a row label and text cells; the target rows 各年度目標, 業務量削減目標値（時間）,
財政効果目標額（千円） under the year columns (a value per year: `target`); and the 実績 and 評価
rows a 素案 leaves empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt
from docx.table import _Cell

from office_pdfs.documents import (
    a4,
    centre_vertically,
    column_widths,
    default_font,
    header_text,
    min_row_height,
    page_number_footer,
    rule_cell,
    rule_table,
    set_font,
    shade,
    write_cell,
)
from office_pdfs.records import Expected, Initiative
from office_pdfs.seed_rows import SeedCard, indicator, printed_as_read, reprint_expected, seed_card, step
from pipeline.normalize import NormalizedDocument
from tests.conftest import IIZUKA_2023, normalized

STEM = "iizuka_reprint"
CARDS = ("4", "6", "8", "9", "11", "37", "61", "79")
CARDS_PER_PAGE = 2
YEARS = (2024, 2025, 2026)
PLAN_HEADINGS = ("令和6年度計画", "令和7年度計画", "令和8年度計画")
RESULT_HEADINGS = ("令和6年度実績", "令和7年度実績", "令和8年度実績")
RESULT_ROWS = ("年度目標実績値", "業務量削減実績値（時間）", "財政効果実績額（千円）")
REVIEW_ROWS = ("評価", "課題", "次年度に向けた改善点")
GOTHIC, MINCHO = "IPAexGothic", "IPAexMincho"
SIZE = 7.5
WIDTHS = (7.0, 36.0, 41.0, 41.0, 41.0, 20.0)  # section, label, three years, 備考 (mm)
LABEL_FILL, HEAD_FILL, SECTION_FILL = "E2EFDA", "F2F2F2", "C6E0B4"


@dataclass(frozen=True)
class Card:
    """One 個票 as printed: its seed rows and the texts of its label rows."""

    key: str
    seed: SeedCard
    labels: tuple[tuple[str, str], ...]  # 概要 rows: label, printed value
    goal: str  # 3年後の目指す姿（最終目標）
    row_notes: dict[int, str]  # 年度計画 row → its 備考


def _attribute(seed: SeedCard, key: str) -> str:
    return dict(seed.initiative.attributes).get(key, "")


def cards(rows: NormalizedDocument) -> list[Card]:
    """The printed cards, from the pipeline's rows of the dump."""
    out = []
    for key in CARDS:
        seed = seed_card(rows, key)
        item = seed.initiative
        if item.policy is None or item.measure is None:
            raise ValueError(f"{key}: no 大分類/小分類")
        labels = (
            ("取組項目名", item.title_raw),
            ("大分類", item.policy),
            ("小分類", item.measure),
            ("主たる所管部署", _attribute(seed, "主たる所管部署")),
            ("関係部署", _attribute(seed, "関係部署")),
            ("プラン策定時の現状及び課題認識", _attribute(seed, "プラン策定時の現状及び課題認識")),
            ("取組の方向性、内容", _attribute(seed, "取組の方向性、内容")),
            ("参考事例等", _attribute(seed, "参考事例等")),
        )
        notes = {n: text for n in range(1, 10) if (text := _attribute(seed, f"年度計画備考[{n}]"))}
        out.append(Card(key, seed, labels, _attribute(seed, "3年後の目指す姿（最終目標）"), notes))
    return out


def _label_row(cells: list[_Cell], label: str, value: str, bold: bool = False) -> None:
    write_cell(cells[1], label, GOTHIC, SIZE)
    shade(cells[1], LABEL_FILL)
    merged = cells[2].merge(cells[5])
    write_cell(merged, value, GOTHIC if bold else MINCHO, SIZE + (1.0 if bold else 0.0), bold=bold)


def _heading_row(cells: list[_Cell], label: str, headings: tuple[str, str, str]) -> None:
    for cell, text in zip(cells[1:], (label, *headings, "備考"), strict=True):
        write_cell(cell, text, GOTHIC, SIZE, align="center")
        shade(cell, HEAD_FILL)


def _card_table(doc: WordDocument, card: Card) -> None:
    seed = card.seed
    grid_rows = sorted({cell.row_no for cell in seed.schedule})
    sections = (
        ("概要", len(card.labels)),
        ("計画", 2 + len(grid_rows) + len(seed.indicators)),
        ("実績", 1 + len(RESULT_ROWS)),
        ("評価", len(REVIEW_ROWS)),
    )
    table = doc.add_table(rows=sum(n for _, n in sections), cols=len(WIDTHS))
    rule_table(
        table,
        {e: "single:12" for e in ("top", "left", "bottom", "right")} | {"insideH": "single:4", "insideV": "single:4"},
    )
    rows = [list(r.cells) for r in table.rows]
    first = 0
    for name, count in sections:
        cell = rows[first][0].merge(rows[first + count - 1][0])
        write_cell(cell, "\n".join(name), GOTHIC, SIZE + 0.5, bold=True, align="center")
        shade(cell, SECTION_FILL)
        if first:
            for c in rows[first]:
                rule_cell(c, {"top": "single:12"})
        first += count
    r = 0
    for n, (label, value) in enumerate(card.labels):
        _label_row(rows[r], label, value, bold=n == 0)
        r += 1
    _label_row(rows[r], "3年後の目指す姿（最終目標）", card.goal)
    r += 1
    _heading_row(rows[r], "年度計画", PLAN_HEADINGS)
    r += 1
    for row_no in grid_rows:
        cells_of_row = [c for c in seed.schedule if c.row_no == row_no]
        write_cell(rows[r][1], cells_of_row[0].row_label or "", GOTHIC, SIZE)
        for cell in cells_of_row:
            assert cell.fiscal_year is not None
            printed_as_read(cell.cell_text, cell.activity, f"{cell.initiative_id} row {row_no}")
            write_cell(rows[r][2 + YEARS.index(cell.fiscal_year)], cell.cell_text, MINCHO, SIZE)
        write_cell(rows[r][5], card.row_notes.get(row_no, ""), MINCHO, SIZE - 0.5)
        r += 1
    for ind in seed.indicators:
        write_cell(rows[r][1], ind.row.name_raw, GOTHIC, SIZE)
        shade(rows[r][1], LABEL_FILL)
        for v in ind.values:
            assert v.fiscal_year is not None
            write_cell(rows[r][2 + YEARS.index(v.fiscal_year)], v.value_text, MINCHO, SIZE, align="center")
        write_cell(rows[r][5], ind.row.note or "", MINCHO, SIZE - 0.5)
        r += 1
    _heading_row(rows[r], "実績報告", RESULT_HEADINGS)
    r += 1
    for label in RESULT_ROWS:
        write_cell(rows[r][1], label, GOTHIC, SIZE)
        shade(rows[r][1], LABEL_FILL)
        r += 1
    for label in REVIEW_ROWS:
        _label_row(rows[r], label, "")
        r += 1
    column_widths(table, WIDTHS)
    min_row_height(table, 4.6)
    centre_vertically(table)


def _heading(doc: WordDocument, card: Card) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Mm(sum(WIDTHS)), WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.space_after = Pt(2)
    set_font(p.add_run("取組項目個票（兼進捗管理表）"), GOTHIC, 10.5, bold=True)
    set_font(p.add_run(f"\t＜項目番号＞\u3000{card.seed.initiative.item_no}"), GOTHIC, 9.0, bold=True)


def _expected(card: Card, page: int) -> Initiative:
    item = card.seed.initiative
    assert item.policy is not None and item.measure is not None
    return Initiative(
        item_no=item.item_no,
        title=printed_as_read(item.title_raw, item.title, card.key),
        departments=item.departments,
        page=page,
        hierarchy=(item.policy, item.measure),
        schedule=tuple(step(cell) for cell in card.seed.schedule),
        indicators=tuple(indicator(ind, ind.row.name_raw) for ind in card.seed.indicators),
    )


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints."""
    rows = normalized(IIZUKA_2023)[1]  # the bundled dump, read as the tests read it
    document = rows.documents[0]
    assert document.municipality and document.title and document.period_start_fy and document.period_end_fy
    vision = next(i for i in rows.initiatives if i.title == document.title)
    doc = docx.Document()
    a4(doc, margin_mm=12.0)
    doc.sections[0].top_margin = Mm(15.0)
    doc.sections[0].header_distance = Mm(7.0)  # the running header above the first card's heading, not on it
    default_font(doc, MINCHO, SIZE)
    header_text(doc, f"{document.title}（{document.edition}）　計画期間：{dict(vision.attributes)['計画期間']}", GOTHIC)
    page_number_footer(doc, GOTHIC)
    initiatives = []
    for i, card in enumerate(cards(rows)):
        page = 1 + i // CARDS_PER_PAGE
        if i and i % CARDS_PER_PAGE == 0:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif i:
            doc.add_paragraph().paragraph_format.space_after = Pt(4)
        _heading(doc, card)
        _card_table(doc, card)
        initiatives.append(_expected(card, page))
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    return path, reprint_expected(rows, "raw/iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt", initiatives)
