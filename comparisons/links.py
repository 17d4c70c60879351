"""The same initiative across the documents of one city, whatever the plan: `initiative_links`.

Every initiative of a later document is linked to the initiative of an earlier one that is most
like it (`comparisons/signals.py`), when the score reaches `LINK_MIN_SCORE`. A card split into
several items in the later plan links to each of them (one to many); two cards are never merged
into one link target. A score that stands on the title alone (neither side prints departments,
indicators or a description) needs `TITLE_ONLY_MIN_SCORE`. A card linked to an item is not also
linked to the group holding that item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from comparisons.signals import Score, least_title_ratio, score
from comparisons.views import InitiativeView
from pipeline.tables import LinkRow

# Measured on hand-checked pairs (tests/hand_checked/initiative_links.json): 21 of 25 true pairs
# score 0.667 and above (the other four were retitled: 0.41-0.63); the 16 look-alikes 0.61 and below.
LINK_MIN_SCORE = 0.66
TITLE_ONLY_MIN_SCORE = 0.8


@dataclass(frozen=True)
class LinkedDocument:
    """A document of one city as the linker sees it."""

    document_id: str
    published: dt.date | None
    initiatives: tuple[InitiativeView, ...]


def _accepts(found: Score) -> bool:
    if set(found.signals) == {"title"}:
        return found.value >= TITLE_ONLY_MIN_SCORE
    return found.value >= LINK_MIN_SCORE


def link_pair(earlier: Sequence[InitiativeView], later: Sequence[InitiativeView]) -> list[tuple[int, int, Score]]:
    """(earlier index, later index, score): each later initiative with its best earlier one, if good enough."""
    links = []
    # Plain title ratios for all pairs at once (rapidfuzz's C++ loop); only pairs that can still
    # reach the least score are scored in full.
    least = least_title_ratio(LINK_MIN_SCORE) * 100
    ratios = process.cdist(
        [v.profile.title for v in earlier], [v.profile.title for v in later], scorer=fuzz.ratio, score_cutoff=least
    )
    for j, view in enumerate(later):
        best: tuple[float, int, Score] | None = None
        for i in ratios[:, j].nonzero()[0].tolist() if len(earlier) else []:
            found = score(earlier[i].profile, view.profile)
            if _accepts(found) and (best is None or found.value > best[0]):
                best = (found.value, i, found)
        if best is not None:
            links.append((best[1], j, best[2]))
    return _without_group_links(later, links)


def _without_group_links(
    later: Sequence[InitiativeView], links: list[tuple[int, int, Score]]
) -> list[tuple[int, int, Score]]:
    """Drop a link to a group when the same card also links to an item of that group."""
    parent_of = {j: view.row.parent_id for j, view in enumerate(later)}
    ids = [view.row.initiative_id for view in later]
    groups_with_linked_items = {(i, parent_of[j]) for i, j, _ in links if parent_of[j]}
    return [(i, j, found) for i, j, found in links if (i, ids[j]) not in groups_with_linked_items]


def city_links(documents: Sequence[LinkedDocument]) -> list[LinkRow]:
    """Links between every two documents of one city, from the earlier (by month, then id) to the later."""
    ordered = sorted(documents, key=lambda d: (d.published is None, d.published or dt.date.min, d.document_id))
    found_links = []
    for a, earlier in enumerate(ordered):
        for later in ordered[a + 1 :]:
            for i, j, found in link_pair(earlier.initiatives, later.initiatives):
                row = LinkRow(
                    earlier.document_id,
                    earlier.initiatives[i].row.initiative_id,
                    later.document_id,
                    later.initiatives[j].row.initiative_id,
                    found.value,
                    found.method,
                )
                found_links.append(((earlier.document_id, later.document_id, i, j), row))
    return [row for _, row in sorted(found_links, key=lambda item: item[0])]
