"""The PDF reader on tables printed by office software: shaded cells and horizontally ruled rows."""

from __future__ import annotations

from pathlib import Path

from pipeline.blocks import Paragraph, Table
from pipeline.read_pdf import read_pdf
from tests.conftest import ROOT

OFFICE = ROOT / "tests" / "fixtures" / "office"


def _tables(name: str) -> list[Table]:
    path = OFFICE / name
    document = read_pdf(str(Path("tests/fixtures/office") / name), path.read_bytes())
    return [b for b in document.blocks() if isinstance(b, Table)]


def test_spreadsheet_bars_are_shaded_cells() -> None:
    (table,) = _tables("kouteihyo_sheet.pdf")
    rows = {r.cells[0].text: r for r in table.rows}
    # 1 電子申請システム…: a bar over all four years, its text in the first cell.
    assert [(c.text, c.shaded) for c in rows["1"].cells[3:]] == [("実施", True), ("", True), ("", True), ("", True)]
    # 2 キャッシュレス決済: 検討 as plain text in 令和6, then a bar from 令和7.
    assert [(c.text, c.shaded) for c in rows["2"].cells[3:]] == [
        ("検討", False),
        ("導入・拡大", True),
        ("", True),
        ("", True),
    ]
    assert not any(c.shaded for c in rows["1"].cells[:3])


def test_rows_ruled_by_horizontal_lines_join_their_header() -> None:
    kpi = [t for t in _tables("kpi_tables.pdf") if t.rows[0].cells[0].text == "重要業績評価指標（KPI）"]
    assert [[c.text for c in r.cells] for r in kpi[0].rows] == [
        ["重要業績評価指標（KPI）", "現状値（2014年度）", "目標値（2019年度）"],
        ["新商品開発件数（累計）", "3件", "15件"],
        ["販路開拓支援を受けた事業者数", "12社", "60社"],
    ]
    # The paragraph between two KPI tables stays a paragraph: the next table's header stops the rows.
    assert len(kpi[1].rows) == 4 and kpi[1].rows[1].cells[0].text == "創業支援による創業者数"


def test_text_between_tables_is_not_absorbed() -> None:
    path = OFFICE / "kpi_tables.pdf"
    document = read_pdf("tests/fixtures/office/kpi_tables.pdf", path.read_bytes())
    paragraphs = [b.text for b in document.blocks() if isinstance(b, Paragraph)]
    assert "施策2 創業・事業承継の支援" in paragraphs
