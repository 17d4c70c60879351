"""`plancards report` on a small project (one text dump and one PDF): files, links, determinism, atomicity."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

import report.build
from pipeline.cli import main
from pipeline.output_set import recover
from report.build import write_report
from report.charts import indicator_figure, schedule_figure
from report.load import Card, Document, DocumentTables, QualityCheck, load_tables
from report.overlays import PageOverlays, page_boxes, render_page_images
from report.pages import render_document
from tests.conftest import PROGRESS_2017, ROOT

PDF = ROOT / "tests" / "fixtures" / "pdf" / "fukuoka_plan_cards.pdf"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose output/ holds the tables of a text dump and a PDF."""
    root = tmp_path_factory.mktemp("project")
    (root / "raw").mkdir()
    for source in (PROGRESS_2017, PDF):
        (root / "raw" / source.name).write_bytes(source.read_bytes())
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    return root


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_reports_of_the_same_tables_are_byte_identical(project: Path, tmp_path: Path) -> None:
    first = write_report(project, tmp_path / "a")
    second = write_report(project, tmp_path / "b")
    assert first.files == second.files == len(_digests(tmp_path / "a"))
    assert _digests(tmp_path / "a") == _digests(tmp_path / "b")


def test_report_command_writes_index_pages_and_page_images(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "report"]) == 0
    assert "2 documents" in capsys.readouterr().out
    folder = project / "output" / "report"
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in ("fukuoka_plan_cards.html", "fukuoka_gyosei_unei_plan_2017_2020_progress.html"):
        assert f'href="{name}"' in index and (folder / name).is_file()
    assert 'id="chart-values-per-document"' in index
    # Everything is local: plotly's bundle beside the pages, no address of another host anywhere.
    assert (folder / "plotly.min.js").stat().st_size > 1_000_000
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert '<script src="plotly.min.js"></script>' in text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), page.name
    pdf_page = (folder / "fukuoka_plan_cards.html").read_text(encoding="utf-8")
    images = sorted(p.name for p in (folder / "fukuoka_plan_cards").glob("*.png"))
    assert images and all(f'src="fukuoka_plan_cards/{name}"' in pdf_page for name in images)
    assert pdf_page.count('<rect class="box-card"') == 16
    assert 'class="box-value"' in pdf_page and 'class="box-schedule"' in pdf_page
    # Schedule and indicator charts per card, each card an anchor the quality rows and boxes link to.
    assert 'id="chart-schedule-1"' in pdf_page and 'id="chart-indicator-1_23_1"' in pdf_page
    assert 'id="card-3_2f_1"' in pdf_page and 'href="#card-3_2f_1"' in pdf_page
    text_page = (folder / "fukuoka_gyosei_unei_plan_2017_2020_progress.html").read_text(encoding="utf-8")
    assert 'id="pages"' not in text_page  # a text dump has no page images


def test_quality_rows_link_to_the_card_they_concern() -> None:
    doc = Document("d", "raw/d.txt", "text", "プラン", "福岡市", None, None, 2021, 2024, "generic", None, "ok", None)
    cards = tuple(Card(f"d:{p}", p, None, p, f"title {p}", (), None, None) for p in ("1", "1/2", "2"))
    quality = (
        QualityCheck("cards_vs_index", "ok", 2, 2, "", None),
        QualityCheck("heading_missing", "warning", None, None, "1/2: 'x': header prints 2 headings", None),
        QualityCheck("value_not_numeric", "warning", None, None, "d:2#1 target: '15~80'", "d:2"),
        QualityCheck("titles_vs_index", "warning", None, None, "1: index 'a' / card 'b'; 2: index 'c'", "d:1"),
    )
    page = render_document(DocumentTables(doc, cards, (), (), (), quality), PageOverlays((), 0, None))
    table = page[page.index('id="quality"') : page.index('id="cards"')]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert [re.findall(r'href="#([^"]+)"', row) for row in rows] == [[], ["card-1_2f_2"], ["card-2"], []]
    assert {"card-1", "card-1_2f_2", "card-2"} <= set(re.findall(r'<section class="card[^"]*" id="([^"]+)"', page))


def test_page_images_are_capped_with_a_note(project: Path, tmp_path: Path) -> None:
    (tables,) = [t for t in load_tables(project / "output") if t.document.source_format == "pdf"]
    boxes = page_boxes(tables)
    overlays = render_page_images(project / tables.document.source_path, boxes, "doc", limit=2)
    assert [p.page for p in overlays.pages] == sorted(boxes)[:2]
    assert overlays.left_out == len(boxes) - 2 > 0
    assert overlays.pages[0].png.startswith(b"\x89PNG") and overlays.pages[0].width_px > 0
    missing = render_page_images(tmp_path / "gone.pdf", boxes, "doc", label="raw/gone.pdf")
    assert missing.pages == () and missing.note == "the source PDF raw/gone.pdf is not there: no page images"


def test_boxes_are_on_their_page_with_what_was_read(project: Path) -> None:
    (tables,) = [t for t in load_tables(project / "output") if t.document.source_format == "pdf"]
    boxes = page_boxes(tables)
    card = next(b for page in boxes.values() for b in page if b.kind == "card" and b.href == "#card-1")
    assert card.title.startswith("card 1: 使いやすく分かりやすいオンライン手続きの導入推進")
    # One box per schedule grid row, however many year cells it has.
    rows = {(c.initiative_id, c.row_no) for c in tables.schedule if c.source_bbox}
    assert sum(1 for page in boxes.values() for b in page if b.kind == "schedule") == len(rows)
    value = next(b for page in boxes.values() for b in page if b.kind == "value")
    assert value.title == "オンラインで利用できる手続きの割合(年間処理件数ベース)(%): baseline 2020 = 78.6"


def test_a_failed_build_leaves_the_previous_report(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "report"
    write_report(project, folder)
    before = _digests(folder)

    def broken(*args: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(report.build, "render_document", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        write_report(project, folder)
    assert _digests(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # no half-written folder beside it


def test_a_report_moved_aside_by_a_killed_run_is_put_back(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "report"
    write_report(project, folder)
    before = _digests(folder)
    folder.replace(tmp_path / ".report.old-x")  # the report set aside between the two renames
    (tmp_path / ".report.new-y").mkdir()
    recover(folder)
    assert _digests(folder) == before and sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_report_without_tables_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "report"]) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'output'} has no tables yet: run `plancards run` first\n"
    assert not (tmp_path / "output" / "report").exists()


def test_report_help_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["report", "--help"])
    assert leaving.value.code == 0
    assert "output/report/" in capsys.readouterr().out


def test_every_figure_of_the_project_is_valid_plotly(project: Path) -> None:
    figures = []
    for tables in load_tables(project / "output"):
        for card in tables.cards:
            figures.append(schedule_figure([c for c in tables.schedule if c.initiative_id == card.initiative_id]))
        for indicator in tables.indicators:
            own = [v for v in tables.values if v.indicator_id == indicator.indicator_id]
            figures.append(indicator_figure(indicator, own))
    drawn = [figure for figure in figures if figure is not None]
    assert len(drawn) > 20
    for figure in drawn:
        go.Figure(figure)  # raises on a property plotly does not know


def test_the_page_says_how_many_page_images_were_left_out(project: Path) -> None:
    (tables,) = [t for t in load_tables(project / "output") if t.document.source_format == "pdf"]
    overlays = render_page_images(project / tables.document.source_path, page_boxes(tables), "doc", limit=1)
    page = render_document(tables, overlays)
    assert page.count('<figure class="pdf-page"') == 1
    assert f"{overlays.left_out} more pages with boxes are not shown" in page
