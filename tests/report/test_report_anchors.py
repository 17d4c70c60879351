"""Card anchors, and the card a quality row concerns."""

from __future__ import annotations

import re

import pytest

from report.anchors import card_anchor, quality_card
from report.load import Card

DOC = "iizuka_plan"


def card(path: str) -> Card:
    return Card(f"{DOC}:{path}", path, None, path, f"card {path}", (), None, None)


CARDS = [card(p) for p in ("5", "31", "50", "55", "1-1/2", "1-5", "施策1")]


def test_anchors_are_ascii_ids_and_never_shared() -> None:
    anchors = [card_anchor(p) for p in ("1-1/2", "1-1_2f_2", "1-1.2", "施策1", "1")]
    assert anchors[0] == "card-1-1_2f_2"
    assert len(set(anchors)) == len(anchors)
    assert all(re.fullmatch(r"card-[A-Za-z0-9_-]+", a) for a in anchors)


@pytest.mark.parametrize(
    ("detail", "path"),
    [
        (f"{DOC}:1-1/2#1 interim_target: '対面30 オンライン30'", "1-1/2"),
        ("1-1/2: 'オンライン利用率(%)': header prints 2 headings for 3 values", "1-1/2"),
        ("card 5: texts of 取組の方向性 printed one row too high", "5"),
        ("card 55 line 2161: 業務量削減目標値（時間） prints '50' in the 備考 column", "55"),
        ("spacing/width only: 1-5: 目次 'A (B)' / body 'A(B)'", "1-5"),
        ("施策1 (12: 3 years, 1 values take a later year)", "施策1"),
        # Two cards: the row concerns neither alone.
        ("5: 一覧 'a' / 個票 'b'; 31: 一覧 'c' / 個票 'd'", None),
        # Numbers that are counts, line numbers or values are no card.
        ("84 cards linked to their 一覧 row; cards without a 一覧 row: 85 'x' (line 2978)", None),
        ("line None: ²⁴キャッシュレス決済: P4の脚注参照。", None),
        ("merged label cell in cards [31]", None),
        ("l.409 'ふくおかサポート' (after 1-5)", None),
    ],
)
def test_quality_detail_names_its_card(detail: str, path: str | None) -> None:
    found = quality_card(detail, DOC, CARDS)
    assert (found.path if found else None) == path


def test_the_rows_own_initiative_id_decides_unless_the_detail_names_several_cards() -> None:
    found = quality_card("merged label cell", DOC, CARDS, initiative_id=f"{DOC}:31")
    assert found is not None and found.path == "31"
    assert quality_card("card 5: x", DOC, CARDS, initiative_id=f"{DOC}:unknown") is None
    # A list of cards concerns none of them alone, whatever card the table names.
    assert quality_card("5: a; 31: b", DOC, CARDS, initiative_id=f"{DOC}:5") is None
