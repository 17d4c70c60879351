"""Unruled tables (text aligned in columns) and frames (ruled cells holding a layout of their own).

The real case is the 経営比較分析表 of tests/fixtures/plans/otoineppu_sewerage_business_strategy.pdf
(p.7): two big ruled boxes frame its 11 charts, each with a data block of year headings
(`H22`…`H26`) over a 当該値 and a 平均値 row; the values are checked against the hand-made
tests/expected/otoineppu_sewerage_business_strategy.json. The synthetic pages are drawn here with
PyMuPDF (`insert_text`, `draw_rect`); no fixture file is needed for them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from pathlib import Path

import pymupdf
import pytest

from pipeline.blocks import Block, Document, Paragraph, Table
from pipeline.pdf_aligned import is_heading
from pipeline.pdf_layout import has_side_by_side, layout_order
from pipeline.read_pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "plans" / "otoineppu_sewerage_business_strategy.pdf"
EXPECTED = ROOT / "tests" / "expected" / "otoineppu_sewerage_business_strategy.json"
YEARS = ("", "H22", "H23", "H24", "H25", "H26")
FONT = "japan"  # PyMuPDF's built-in Japanese font: every character one em wide


@cache
def plan_page(number: int) -> tuple[Block, ...]:
    """The blocks of one page of the real plan."""
    doc = read_pdf(PLAN.relative_to(ROOT).as_posix(), PLAN.read_bytes())
    return next(page.blocks for page in doc.pages if page.number == number)


def _narrow(text: str) -> str:
    """The expected file writes the percent sign narrow, the page prints it full-width."""
    return text.replace("％", "%")


def _charts() -> dict[str, Table]:
    """Each aligned table of p.7 under the title paragraph printed right before it."""
    blocks = plan_page(7)
    out = {}
    for before, block in pairwise(blocks):
        if isinstance(block, Table) and block.origin == "aligned":
            assert isinstance(before, Paragraph), f"no title before {block.rows[0].texts}"
            out[_narrow(before.text)] = block
    return out


def _indicators() -> list[dict]:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    sections = [i for i in expected["initiatives"] if i.get("page") == 7]
    return [indicator for section in sections for indicator in section["indicators"]]


def test_chart_data_blocks_are_eleven_aligned_tables() -> None:
    tables = [b for b in plan_page(7) if isinstance(b, Table) and b.origin == "aligned"]
    assert len(tables) == 11
    for table in tables:
        assert table.rows[0].texts == YEARS
        assert [row.texts[0] for row in table.rows[1:]] == ["当該値", "平均値"]


@pytest.mark.parametrize("indicator", _indicators(), ids=lambda i: i["name"])
def test_chart_rows_match_the_expected_values(indicator: dict) -> None:
    """Each chart's title leads its table, whose 当該値 / 平均値 rows hold the printed values by year."""
    table = _charts()[_narrow(indicator["name"])]
    for row in table.rows[1:]:
        series = row.texts[0]
        own = series == "当該値"  # the plan's own row: its expected values have no series
        values = sorted(
            (v for v in indicator["values"] if v.get("series") == (None if own else series)),
            key=lambda v: v["fiscal_year"],
        )
        assert row.texts[1:] == (tuple(v["value_text"] for v in values) or ("",) * 5), series


def test_exact_rows_of_two_charts() -> None:
    charts = _charts()
    first = charts["①収益的収支比率(%)"]
    assert [row.texts for row in first.rows] == [
        YEARS,
        ("当該値", "95.25", "106.05", "103.05", "107.17", "102.29"),
        ("平均値", "", "", "", "", ""),
    ]
    assert charts["④企業債残高対事業規模比率(%)"].rows[2].texts == (
        "平均値",
        "1,316.70",
        "1,224.75",
        "1,144.05",
        "1,117.11",
        "1,161.05",
    )


def test_cells_carry_boxes_around_their_words() -> None:
    """A cell's box is its column's extent on its line's band, rounded to 0.1 pt; it holds the printed word."""
    table = _charts()["①収益的収支比率(%)"]
    cell = table.rows[1].cells[1]
    assert cell.text == "95.25"
    assert cell.bbox is not None and all(round(v, 1) == v for v in cell.bbox)
    with pymupdf.open(PLAN) as doc:
        word = next(w for w in doc[6].get_text("words") if w[4] == "95.25")
    x0, top, x1, bottom = cell.bbox
    assert x0 - 0.1 <= word[0] and word[2] <= x1 + 0.1 and top - 1 <= word[1] and word[3] <= bottom + 1
    row = table.rows[1]
    assert row.bbox is not None and row.bbox[0] <= x0 and x1 <= row.bbox[2]
    assert all(row.page == 7 for row in table.rows)


def test_axis_ticks_and_plot_labels_stay_paragraphs_after_the_table() -> None:
    blocks = plan_page(7)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "110.00" in texts and "1,400.00" in texts and "【992.47】" in texts
    cells = {c.text for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells}
    assert "110.00" not in cells and "88.00" not in cells
    title = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text.startswith("④企業債"))
    assert isinstance(blocks[title + 1], Table)
    after = blocks[title + 2]
    assert isinstance(after, Paragraph) and after.text == "【992.47】"


def test_frame_sections_are_read_block_by_block() -> None:
    """The frame's heading comes first, then each chart whole (title, table, caption) before the next."""
    texts = [b.text for b in plan_page(7) if isinstance(b, Paragraph)]
    order = [texts.index(t) for t in ("1. 経営の健全性・効率性", "①収益的収支比率(％)", "「単年度の収支」")]
    assert order == sorted(order)
    assert texts.index("「単年度の収支」") < texts.index("②累積欠損金比率(％)")
    assert not any("H22" in t for t in texts)


def test_the_analysis_cells_beside_the_frames_stay_cells() -> None:
    """The 分析欄 column (long prose cells, one block of text each) is an ordinary ruled table."""
    tables = [b for b in plan_page(7) if isinstance(b, Table) and b.origin == "pdf"]
    analysis = next(t for t in tables if t.rows[0].texts[0].startswith("1. 経営の健全性・効率性について"))
    assert "収益的収支比率は、現状100％を超えており" in analysis.rows[0].texts[0]


# --- synthetic pages -----------------------------------------------------------------------------


def _read(draw: Callable[[pymupdf.Page], None], width: float = 595.0, height: float = 842.0) -> Document:
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    draw(page)
    data = doc.tobytes()
    doc.close()
    return read_pdf("synthetic.pdf", data)


def _text(page: pymupdf.Page, x: float, y: float, text: str, size: float = 10.0) -> None:
    page.insert_text((x, y), text, fontname=FONT, fontsize=size)


def _row(page: pymupdf.Page, xs: tuple[float, ...], y: float, texts: tuple[str, ...], size: float = 10.0) -> None:
    for x, text in zip(xs, texts, strict=True):
        if text:
            _text(page, x, y, text, size)


KPI = (
    ("成果指標", "R3", "R4", "R5", "R6"),
    ("利用者数", "120", "150", "180", "200"),
    ("満足度%", "60.5", "65.0", "", "75.0"),
)
KPI_XS = (60.0, 200.0, 260.0, 320.0, 380.0)
PROSE = (
    "本計画は、市民サービスの向上と行政運営の効率化を図るため、デジタル技術を活用した取組を",
    "総合的かつ計画的に推進するものです。各施策の進捗は毎年度点検し、必要に応じて見直します。",
)


def _kpi_page(page: pymupdf.Page) -> None:
    _text(page, 60, 80, "1 成果指標の推移", 12)
    for k, line in enumerate(PROSE):
        _text(page, 60, 110 + 15 * k, line)
    for k, texts in enumerate(KPI):
        _row(page, KPI_XS, 170 + 15 * k, texts)
    _text(page, 60, 240, "※ 数値は各年度末の実績です。")


def test_a_synthetic_unruled_table_is_read_with_its_label_column() -> None:
    page = _read(_kpi_page).pages[0]
    tables = [b for b in page.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].origin == "aligned"
    assert [row.texts for row in tables[0].rows] == [tuple(r) for r in KPI]
    paragraphs = [b.text for b in page.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["1 成果指標の推移", PROSE[0] + PROSE[1], "※ 数値は各年度末の実績です。"]
    empty = tables[0].rows[2].cells[3]
    assert empty.text == "" and empty.bbox is not None  # an empty cell still has its column's box


def _side_by_side_page(page: pymupdf.Page) -> None:
    for left in (60.0, 330.0):
        _text(page, left + 40, 80, "指標の推移", 11)
        xs = (left, left + 60, left + 110, left + 160)
        _row(page, xs, 110, ("", "2022", "2023", "2024"), 9)
        _row(page, xs, 124, ("実績", "10", "12", "15"), 9)
        _row(page, xs, 138, ("目標", "11", "13", "16"), 9)


def test_tables_printed_side_by_side_are_separate() -> None:
    page = _read(_side_by_side_page).pages[0]
    tables = [b for b in page.blocks if isinstance(b, Table)]
    assert len(tables) == 2
    for table in tables:
        assert [row.texts for row in table.rows] == [
            ("", "2022", "2023", "2024"),
            ("実績", "10", "12", "15"),
            ("目標", "11", "13", "16"),
        ]
    assert tables[0].rows[0].bbox is not None and tables[1].rows[0].bbox is not None
    assert tables[0].rows[0].bbox[2] < tables[1].rows[0].bbox[0]


def _prose_page(page: pymupdf.Page) -> None:
    # Headings spaced across the line (a poster's keywords), prose under them: no column of values.
    _row(page, (60.0, 200.0, 340.0), 80, ("安全・安心", "子育て支援", "産業振興"), 12)
    for k, line in enumerate(PROSE * 3):
        _text(page, 60, 105 + 15 * k, line)
    # Years spaced over a line of running text (a timeline's head): the text crosses the columns.
    _row(page, (60.0, 250.0, 440.0), 300, ("2024", "2025", "2026"))
    _text(page, 60, 315, PROSE[0])
    # A table of contents: titles left, page numbers right.
    for k, (title, number) in enumerate((("第1章 計画の概要", "1"), ("第2章 現状と課題", "5"), ("第3章 施策", "12"))):
        _row(page, (60.0, 500.0), 240 + 15 * k, (title, number))


def test_prose_headings_and_contents_do_not_become_tables() -> None:
    page = _read(_prose_page).pages[0]
    assert not any(isinstance(b, Table) for b in page.blocks)
    assert any(isinstance(b, Paragraph) and b.text.startswith("本計画は") for b in page.blocks)


DESCRIPTION = (
    "地域の見守り活動を支援するため、自治会や民生委員と連携した相談体制を整備します。",
    "・高齢者の見守り訪問を年4回実施します。",
    "・相談窓口を各地区の支所に設置します。",
    "・関係機関との情報共有の仕組みを構築します。",
) * 4


def _card_page(page: pymupdf.Page) -> None:
    page.draw_rect(pymupdf.Rect(50, 60, 545, 400), color=(0, 0, 0), width=0.5)
    page.draw_line((50, 90), (545, 90), color=(0, 0, 0), width=0.5)
    page.draw_line((150, 60), (150, 400), color=(0, 0, 0), width=0.5)
    _text(page, 55, 80, "事業名")
    _text(page, 155, 80, "地域見守り推進事業")
    _text(page, 55, 110, "内容")
    for k, line in enumerate(DESCRIPTION):
        _text(page, 155, 110 + 15 * k, line, 9)


def test_a_big_description_cell_stays_a_cell() -> None:
    page = _read(_card_page).pages[0]
    assert len(page.blocks) == 1
    table = page.blocks[0]
    assert isinstance(table, Table) and table.origin == "pdf"
    assert table.rows[1].texts[0] == "内容"
    assert table.rows[1].texts[1].startswith(DESCRIPTION[0]) and table.rows[1].texts[1].count("・") == 12


def _frame_page(page: pymupdf.Page) -> None:
    page.draw_rect(pymupdf.Rect(40, 60, 555, 420), color=(0, 0, 0), width=0.5)
    page.draw_line((40, 90), (555, 90), color=(0, 0, 0), width=0.5)
    _text(page, 50, 80, "1. 指標の状況", 12)
    for left in (60.0, 310.0):
        _text(page, left + 40, 115, "指標の推移", 11)
        for k, tick in enumerate(("250", "200", "150", "100", "50", "0")):
            _text(page, left, 135 + 13 * k, tick, 8)
        xs = (left, left + 60, left + 110, left + 160)
        _row(page, xs, 215, ("", "2022", "2023", "2024"), 9)
        _row(page, xs, 229, ("実績", "100", "200", "250"), 9)
        _row(page, xs, 243, ("目標", "110", "210", "300"), 9)
        _text(page, left + 30, 280, "「利用の状況」", 10)


def _summary(block: Block) -> str:
    """A block in a word: a paragraph's text, an aligned table's first body row."""
    if isinstance(block, Paragraph):
        return block.text
    return f"{block.origin}: {' | '.join(block.rows[1].texts if len(block.rows) > 1 else block.rows[0].texts)}"


def test_a_frame_is_read_as_free_text_and_its_other_cells_stay() -> None:
    page = _read(_frame_page).pages[0]
    heading = page.blocks[0]
    assert isinstance(heading, Table) and heading.origin == "pdf"
    assert [row.texts for row in heading.rows] == [("1. 指標の状況",), ("",)]  # the frame cell is read below
    chart = ["指標の推移", "aligned: 実績 | 100 | 200 | 250", "250", "200", "150", "100", "50", "0", "「利用の状況」"]
    assert [_summary(b) for b in page.blocks[1:]] == chart + chart  # left chart whole, then the right one


# --- rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("H22", True),
        ("R5", True),
        ("令和5年度", True),
        ("2024年度", True),
        ("FY2024", True),
        ("当該値", True),
        ("成果指標", True),
        ("95.25", False),
        ("1,316.70", False),
        ("23.5億円", False),
        ("△305", False),
        ("-", False),
        ("～", False),
        ("歳", False),
        ("市民の満足度を高める。", False),
        ("デジタル技術を活用した行政サービス", False),
    ],
    ids=lambda v: str(v),
)
def test_is_heading(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


class _Box:
    def __init__(self, name: str, x0: float, top: float, x1: float, bottom: float) -> None:
        self.name, self.x0, self.top, self.x1, self.bottom = name, x0, top, x1, bottom


def test_layout_order_reads_a_heading_then_each_column_whole() -> None:
    boxes = [
        _Box("heading", 200, 10, 300, 20),
        _Box("left title", 20, 40, 120, 50),
        _Box("left body", 20, 60, 220, 100),
        _Box("left caption", 60, 115, 160, 125),
        _Box("right title", 300, 40, 400, 50),
        _Box("right body", 280, 60, 480, 100),
        _Box("right caption", 320, 115, 420, 125),
    ]
    order = [box.name for box, _ in layout_order(boxes, 10.0)]
    assert order == [
        "heading",
        "left title",
        "left body",
        "left caption",
        "right title",
        "right body",
        "right caption",
    ]


def test_side_by_side_needs_blocks_of_words() -> None:
    lines = [_Box(f"line {k}", 20, 10 + 12 * k, 200, 20 + 12 * k) for k in range(6)]
    amounts = [_Box("1,840", 400, 10 + 12 * k, 430, 20 + 12 * k) for k in range(6)]
    words = [_Box("見出し", 400, 10 + 12 * k, 430, 20 + 12 * k) for k in range(6)]
    assert not has_side_by_side(lines + amounts, 10.0, 3, lambda b: b.name != "1,840")
    assert has_side_by_side(lines + words, 10.0, 3, lambda b: b.name != "1,840")
    assert not has_side_by_side(lines, 10.0, 3, lambda b: True)
