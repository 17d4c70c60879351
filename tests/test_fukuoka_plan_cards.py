"""Seed 000 (福岡市 行政運営プラン 原案): completeness against its 索引 and the catalogue's variants."""

from __future__ import annotations

from dataclasses import replace

from extractors import fukuoka_dx_cards, fukuoka_plan_cards
from extractors.card_grid import read_grid
from extractors.model import Extraction, RawCard
from extractors.walk import walk
from pipeline.normalize import NormalizedDocument
from tests.conftest import DX_2023, PLAN_2021, RAW, read

CIRCLED = "①②③④⑤⑥⑦"
# Sub-items per card, docs/layouts.md §1 (32 in all).
SUB_ITEMS = {"3": 3, "23": 7, "28": 2, "30": 7, "33": 5, "34": 3, "73": 5}


def _card(extraction: Extraction, path: str) -> RawCard:
    return next(c for c in extraction.cards if c.path == path)


def test_detects_only_its_own_layout() -> None:
    assert fukuoka_plan_cards.detect(read(PLAN_2021))
    assert not fukuoka_plan_cards.detect(read(DX_2023))
    assert not fukuoka_dx_cards.detect(read(PLAN_2021))
    for other in sorted(RAW.glob("*.txt")):
        if other not in (PLAN_2021, DX_2023):
            assert not fukuoka_plan_cards.detect(read(other)), other.name


def test_cards_match_the_index_exactly(plan_2021: tuple[Extraction, NormalizedDocument]) -> None:
    extraction, rows = plan_2021
    cards = [c for c in extraction.cards if c.parent_path is None]
    assert [c.path for c in cards] == [str(n) for n in range(1, 75)]
    by_check = {f.check: f for f in extraction.findings}
    assert (by_check["cards_vs_index"].status, by_check["cards_vs_index"].expected) == ("ok", 74)
    assert by_check["cards_vs_index"].found == 74
    # Titles equal the index's once footnote marks and wrap spaces are cleaned, except card 58 (docs/layouts.md §1).
    titles = by_check["titles_vs_index"]
    assert titles.found == 73
    assert titles.detail.startswith("58: index 'IoT・AIなどのICT技術を活用した下水道施設の維持管理の高度化・効率化'")
    assert [q.check for q in rows.quality if q.check == "cards_vs_index"] == ["cards_vs_index"]


def test_sub_items_and_units(plan_2021: tuple[Extraction, NormalizedDocument]) -> None:
    extraction, rows = plan_2021
    subs = [c for c in extraction.cards if c.parent_path is not None]
    assert len(subs) == 32 and len(extraction.cards) == 106 and len(rows.initiatives) == 106
    for parent, count in SUB_ITEMS.items():
        paths = [c.path for c in subs if c.parent_path == parent]
        assert paths == [f"{parent}/{k}" for k in range(1, count + 1)]
        assert [c.item_no for c in subs if c.parent_path == parent] == list(CIRCLED[:count])
    for parent in ("3", "28", "30"):  # parents printing nothing of their own
        card = _card(extraction, parent)
        assert card.description is None and not card.schedule and not card.indicators


def test_catalogue_counts(plan_2021: tuple[Extraction, NormalizedDocument]) -> None:
    """docs/layouts.md §1: 103 grids, 99 indicators, 295 value cells; 209 grid rows less the 2 sub-headings."""
    extraction, rows = plan_2021
    assert sum(1 for c in extraction.cards if c.schedule) == 103
    assert sum(len(c.schedule) for c in extraction.cards) == 207
    assert sum(len(c.indicators) for c in extraction.cards) == 99 == len(rows.indicators)
    assert sum(len(i.values) for c in extraction.cards for i in c.indicators) == 295 == len(rows.indicator_values)
    assert sum(1 for c in extraction.cards if c.description) == 103


def test_hierarchy(plan_2021: tuple[Extraction, NormalizedDocument]) -> None:
    _, rows = plan_2021
    by_id = {r.initiative_id.split(":")[1]: r for r in rows.initiatives}
    assert by_id["1"].policy == "《スマート》迅速で便利なサービスへの転換"
    assert by_id["10"].measure == "AIやIoTなど先進技術の活用"
    assert by_id["19"].group == "市民とのコミュニケーション推進"
    assert by_id["33/2"].group == "市民や企業などとの共働・連携"
    assert by_id["53"].policy == "《しなやか》変化に柔軟に適應する組織づくり"
    assert by_id["53"].group is None
    assert by_id["3/1"].parent_id == f"{rows.documents[0].document_id}:3"


def test_html_copy_and_tab_copy_give_the_same_records() -> None:
    """Cards 4, 5, 6, 59, 60 print an HTML table, then the same card as tab rows."""
    items = list(walk(read(PLAN_2021)))
    html_lines = [i.row.line for i in items if i.table is not None]
    assert html_lines == [420, 428, 437, 1150, 1159]
    for line in html_lines:
        html = next(i.table for i in items if i.table is not None and i.row.line == line)
        assert html is not None
        tab_rows = [i.row for i in items if i.table is None and i.row.line and line < i.row.line <= line + 9]
        end = next((k for k, r in enumerate(tab_rows) if r.texts and r.texts[0].isdigit()), len(tab_rows))
        from_html, _ = read_grid("x", list(html.rows))
        from_tab, _ = read_grid("x", tab_rows[:end])
        assert [(r.label, r.cells) for r in from_html.schedule] == [(r.label, r.cells) for r in from_tab.schedule]
        # The two copies are printed on different lines: everything but where they were printed agrees.
        assert [(i.name, [replace(v, line=None) for v in i.values]) for i in from_html.indicators] == [
            (i.name, [replace(v, line=None) for v in i.values]) for i in from_tab.indicators
        ]
        assert from_html.indicators, line


def test_document_facts(plan_2021: tuple[Extraction, NormalizedDocument]) -> None:
    _, rows = plan_2021
    doc = rows.documents[0]
    assert (doc.municipality, doc.municipality_code, doc.prefecture) == ("福岡市", "401307", "福岡県")
    assert (doc.title, doc.edition, str(doc.published)) == ("行政運営プラン", "原案", "2021-03-01")
    assert (doc.period_start_fy, doc.period_end_fy) == (2021, 2024)
    assert doc.layout == "fukuoka_plan_cards"
