"""The PDF reader's known losses on plans printed by office software, each read right now.

tests/fixtures/pdf/reader_losses.pdf is made by scripts/make_fixture_pdfs.py (`losses_pdf`):
1. coloured text is kept (white headers on blue and green cells, red and blue figures, a white
   label on a block arrow), while truly invisible text (white on the bare page, render mode 3)
   is still dropped;
2. headers overprinted for bold are read once, also where a header's last copy and the next
   header's first copy come out of the text extraction as one span;
3. an activity printed over a bar across year columns stays whole in the year it starts in,
   the other years of the bar read `→`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.blocks import Cell, Document, Table
from pipeline.pdf_drawings import Box, Segment
from pipeline.pdf_grid import build_grids
from pipeline.pdf_overprint import dedupe
from pipeline.pdf_rules import Rules
from pipeline.pdf_runs import Run
from pipeline.pdf_visibility import near
from pipeline.read_pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
FIXTURE = FIXTURES / "reader_losses.pdf"
REAL = FIXTURES / "real"
# Exported once by LibreOffice 7.4 Calc (`soffice --headless --convert-to pdf`) from a sheet laid out as
# plans are: white bold headers on blue and green cells (bold set as fill + stroke, adjacent cells of one
# fill as one box), red and blue figures, a white note in a cell without fill, and a 工程 row whose three
# filled year cells have no lines between them, its activity text running over them from the first.
LIBREOFFICE = FIXTURES / "reader_losses_libreoffice.pdf"


@cache
def _losses() -> Document:
    return read_pdf(FIXTURE.relative_to(ROOT).as_posix(), FIXTURE.read_bytes())


def _spans(cell: Cell) -> tuple[str, int, int]:
    """A cell's text and spans (its shading and box are other tests' business)."""
    return cell.text, cell.colspan, cell.rowspan


def _tables() -> list[Table]:
    return [b for b in _losses().blocks() if isinstance(b, Table)]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


# -- 1 and 2: white fake-bold headers on coloured fills, coloured body text ------------------------


def test_white_bold_headers_on_coloured_fills_read_once() -> None:
    assert _grid(_tables()[0])[0] == [
        "重要業績評価指標",  # on dark blue: was `重要業績評価指標重要業績評価指標`
        "現状値（令和5年度）",  # on light blue: was dropped as hidden
        "目標値（令和9年度）",
        "達成率（%）",  # on light green: was dropped as hidden
        "担当課・担当係・内線番号",
    ]


def test_red_and_blue_text_kept_invisible_text_dropped() -> None:
    assert _grid(_tables()[0])[1:] == [
        ["電子申請の利用率", "45%", "80%", "56%", "デジタル推進課"],  # white `社内確認用` beside it: dropped
        ["窓口の待ち時間", "20分", "10分", "50%", "区政推進課"],  # red on pink kept; render mode 3 `非表示` dropped
        ["コンビニ交付件数", "1,200件", "3,000件", "40%", "市民課"],
    ]
    text = _losses().text()
    assert "社内確認用" not in text and "非表示" not in text


def test_dropped_text_reported_by_reason() -> None:
    notes = _losses().notes
    assert "5 white characters outside dark fills dropped (invisible on the printed page)" in notes
    assert "3 characters of invisible text (render mode 3 or transparent) dropped" in notes
    assert "98 overprinted duplicate characters dropped (fake bold)" in notes  # one copy of each header


def test_white_headers_drawn_three_and_four_times_read_once() -> None:
    assert _grid(_tables()[1])[0] == ["取組", "令和6年度", "令和7年度", "令和8年度", "令和9年度", "備考"]


def test_transparent_text_over_a_picture_is_kept() -> None:
    # The title is a picture with a fully transparent text layer over it: the layer says what it prints.
    path = REAL / "nobeoka_r8_june_supplementary_budget.pdf"
    if not path.is_file():
        pytest.skip(f"{path} missing")
    document = read_pdf(path.name, path.read_bytes())
    assert "月補正予算の概要" in document.text()
    assert not any("invisible text" in note for note in document.notes)


def test_white_label_on_a_block_arrow_kept() -> None:
    assert _grid(_tables()[1])[5] == ["周知啓発", "", "", "広報", "→", ""]  # was dropped as hidden


def test_libreoffice_export() -> None:
    document = read_pdf(LIBREOFFICE.name, LIBREOFFICE.read_bytes())
    tables = [b for b in document.blocks() if isinstance(b, Table)]
    assert [_grid(t) for t in tables] == [
        [
            ["重要業績評価指標", "現状値", "目標値", "達成率", "担当課"],  # 現状値 目標値 were dropped as hidden
            ["電子申請の利用率", "45%", "80%", "56%", "デジタル推進課"],
            ["窓口の待ち時間", "20分", "10分", "", "区政推進課"],  # white `社内確認用` on no fill: dropped
        ],
        [
            ["取組", "令和6年度", "令和7年度", "令和8年度", "令和9年度"],  # years were dropped as hidden
            ["基盤整備", "システム導入を進める", "", "", ""],
            ["調査研究", "調査", "設計", "", ""],
        ],
    ]
    assert _spans(tables[1].rows[1].cells[1]) == ("システム導入を進める", 3, 1)
    assert "5 white characters outside dark fills dropped (invisible on the printed page)" in document.notes


@pytest.mark.parametrize(
    ("text", "ground", "alike"),
    [
        (0xFFFFFF, 0xFFFFFF, True),  # white on the paper
        (0xFFFFFF, 0xF4F4F4, True),  # white on a barely grey box
        (0xFFFFFF, 0x5B95D6, False),  # white on light blue
        (0xFFFFFF, 0x8FC773, False),  # white on light green
        (0xD90000, 0xFFDEDE, False),  # red on pink
        (0xD90000, 0xFFFFFF, False),  # red on the paper
        (0x0033CC, 0x0033CC, True),  # a blue note on a box of its own colour
    ],
    ids=["white-paper", "white-grey", "white-blue", "white-green", "red-pink", "red-paper", "blue-blue"],
)
def test_colours_alike(text: int, ground: int, alike: bool) -> None:
    assert near(text, ground) is alike


# -- fake bold: copies cut into spans differently ---------------------------------------------------


def _run(text: str, x: float, base: float = 100.0, size: float = 9.0) -> Run:
    chars = [
        {"c": c, "origin": (x + i * size, base), "bbox": (x + i * size, base - size, x + (i + 1) * size, base)}
        for i, c in enumerate(text)
    ]
    return Run(text, x, base - 0.85 * size, x + len(text) * size, base + 0.15 * size, base, size, chars=chars)


def test_copies_joined_with_the_next_text_are_dropped() -> None:
    # First copy of 重要; its second copy joined on one run with the first copy of 現状; second copy of 現状.
    runs = [_run("重要", 10.0), _run("重要現状", 10.3), _run("現状", 28.6)]
    kept, dropped = dedupe(runs)
    assert [(r.text, r.x0) for r in kept] == [("重要", 10.0), ("現状", 28.3)]
    assert dropped == 4


def test_neighbouring_runs_are_not_copies() -> None:
    runs = [_run("重要", 10.0), _run("現状", 28.0), _run("重要", 10.0, base=112.0)]
    assert dedupe(runs) == (runs, 0)


# -- 3: text across a bar, a merged cell --------------------------------------------------------------


def test_activity_over_a_bar_stays_whole_in_its_first_year() -> None:
    table = _tables()[1]
    assert _grid(table)[1:5] == [
        ["基盤整備", "システム導入を進める", "→", "→", "", ""],  # was `システム` | `導入を進める`
        ["窓口改革", "", "窓口予約の運用開始", "→", "→", ""],  # white label on a bar drawn over the rules
        ["検討", "庁内検討と方針の決定", "", "", "", ""],
        ["調査研究", "調査", "設計", "", "", ""],
    ]
    assert _spans(table.rows[3].cells[1]) == ("庁内検討と方針の決定", 2, 1)  # across a merged cell


def _rules(vertical: list[Segment], bars: list[Box]) -> Rules:
    """A table of two rows (y 0-20-40) and three columns (x 0-50-100-150), with the given inner column lines."""
    horizontal = [Segment(y, 0.0, 150.0) for y in (0.0, 20.0, 40.0)]
    outer = [Segment(x, 0.0, 40.0) for x in (0.0, 150.0)]
    grids = build_grids(horizontal, outer + vertical)
    return Rules(grids, outer + vertical, bars)


def test_text_is_cut_only_where_a_line_is_drawn_at_its_height() -> None:
    rules = _rules([Segment(50.0, 0.0, 20.0), Segment(100.0, 0.0, 40.0)], [Box(60.0, 25.0, 140.0, 35.0, "bar")])
    assert rules.cutting(40.0, 110.0, 10.0) == [50.0, 100.0]
    assert rules.cutting(40.0, 110.0, 30.0) == []  # 50: merged below; 100: on the bar
    assert rules.cutting(90.0, 110.0, 22.0) == [100.0]  # in the lower row, above the bar
    assert rules.cutting(40.0, 110.0, 60.0) == [50.0, 100.0]  # below the table, as before
