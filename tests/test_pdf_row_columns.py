"""Tables ruled between their rows only get the columns of their heading row."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.blocks import Table
from pipeline.pdf_row_columns import _free_middle
from pipeline.sources import read_document

ROOT = Path(__file__).resolve().parent.parent
KPI = ROOT / "tests" / "fixtures" / "holdout2" / "kpi_shinchoku.pdf"


def test_kpi_table_ruled_between_rows_reads_in_columns() -> None:
    document = read_document(str(KPI.relative_to(ROOT)), KPI.read_bytes())
    first = next(b for b in document.pages[0].blocks if isinstance(b, Table))
    texts = [row.texts for row in first.rows]
    assert texts[0][0] == "基本目標1 地域の稼ぐ力を高め、安心して働ける場をつくる"
    assert all(t == "" for t in texts[0][1:])  # the band above the headings stays one cell
    assert texts[1] == ("KPI", "基準値（H30）", "R4実績", "R5実績", "R6目標", "達成状況", "備考")
    assert texts[4] == (
        "観光入込客数（年間）",
        "385,000人",
        "240,500人",
        "331,200人",
        "420,000人",
        "△",
        "感染症の影響から回復途上",
    )


@pytest.mark.parametrize(
    ("body", "middle"),
    [
        ([], 150.0),  # nothing below: halfway
        ([(90.0, 120.0)], 160.0),  # a left-aligned text reaching into the gap: the rest of it
        ([(100.0, 130.0), (170.0, 230.0)], 150.0),  # texts on both sides: the stretch between them
        ([(90.0, 210.0)], None),  # a text across the whole gap: no column line there
    ],
    ids=["empty", "left-text", "both-sides", "crossed"],
)
def test_free_middle(body: list[tuple[float, float]], middle: float | None) -> None:
    assert _free_middle(100.0, 200.0, body) == middle
