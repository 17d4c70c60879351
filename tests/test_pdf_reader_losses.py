"""The PDF reader's known losses on plans printed by office software, each read right now.

tests/fixtures/pdf/reader_losses.pdf is made by scripts/make_fixture_pdfs.py (`losses_pdf`);
coloured text is kept (white headers on blue and green cells, red and blue figures, a white
label on a block arrow), while truly invisible text (white on the bare page, render mode 3) is
still dropped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.blocks import Document, Table
from pipeline.pdf_visibility import near
from pipeline.read_pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "pdf" / "reader_losses.pdf"
REAL = ROOT / "tests" / "fixtures" / "pdf" / "real"


@cache
def _losses() -> Document:
    return read_pdf(FIXTURE.relative_to(ROOT).as_posix(), FIXTURE.read_bytes())


def _tables() -> list[Table]:
    return [b for b in _losses().blocks() if isinstance(b, Table)]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


# -- coloured text on fills, invisible text ------------------------------------------------------------


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
