"""initiative_links against pairs checked by hand: 福岡市's 2021 plan and its 2023 DX strategy."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from comparisons.links import LinkedDocument, city_links, link_pair
from comparisons.signals import make_profile
from comparisons.views import InitiativeView, document_to_views
from extractors.model import Extraction
from pipeline.normalize import NormalizedDocument
from tests.conftest import ROOT

EXPECTED = json.loads((ROOT / "tests" / "hand_checked" / "initiative_links.json").read_text(encoding="utf-8"))
PAIRS = {(a, b) for a, b, _ in EXPECTED["pairs"]}
LOOKALIKES = [(a, b) for a, b, _ in EXPECTED["lookalikes"]]
UNSURE = {(a, b) for a, b, _ in EXPECTED["unsure"]}
Seed = tuple[Extraction, NormalizedDocument]


def _linked(seed: Seed) -> LinkedDocument:
    row = seed[1].documents[0]
    return LinkedDocument(row.document_id, row.published, tuple(document_to_views(seed[1])))


@pytest.fixture(scope="module")
def links(plan_2021: Seed, dx_2023: Seed) -> set[tuple[str, str]]:
    """(2021 card, 2023 item) of every link found, both ways round in the input."""
    found = city_links([_linked(dx_2023), _linked(plan_2021)])
    assert {(link.document_id, link.linked_document_id) for link in found} == {(EXPECTED["earlier"], EXPECTED["later"])}
    return {(link.initiative_id.split(":")[1], link.linked_initiative_id.split(":")[1]) for link in found}


def test_most_hand_checked_pairs_are_found(links: set[tuple[str, str]]) -> None:
    found = PAIRS & links
    assert len(found) / len(PAIRS) >= 0.8, f"missed: {sorted(PAIRS - links)}"


@pytest.mark.parametrize("pair", LOOKALIKES, ids=["→".join(p) for p in LOOKALIKES])
def test_lookalikes_are_not_linked(links: set[tuple[str, str]], pair: tuple[str, str]) -> None:
    assert pair not in links


def test_every_link_was_checked_by_hand(links: set[tuple[str, str]]) -> None:
    assert links <= PAIRS | UNSURE, f"unchecked: {sorted(links - PAIRS - UNSURE)}"


def test_a_link_target_has_one_source(links: set[tuple[str, str]]) -> None:
    targets = [b for _, b in links]
    assert len(targets) == len(set(targets))


def _retitled(view: InitiativeView, title: str, indicators: list[str]) -> InitiativeView:
    row = replace(view.row, title=title, title_raw=title, initiative_id=f"later:{title}")
    profile = make_profile(title, row.departments, indicators, None)
    return replace(view, row=row, profile=profile, indicators=())


def test_a_split_card_links_to_each_part(plan_2021: Seed) -> None:
    """Card 54 (`Web会議・モバイルワークの推進`) printed later as its two halves links to both."""
    earlier = document_to_views(plan_2021[1])
    card = next(v for v in earlier if v.path == "54")
    later = [
        _retitled(card, "Web会議の推進", ["Web会議の開催数(回/月)"]),
        _retitled(card, "モバイルワークの推進", ["モバイルワーク用端末の台数"]),
    ]
    found = link_pair(earlier, later)
    assert [(earlier[i].path, j) for i, j, _ in found] == [("54", 0), ("54", 1)]
