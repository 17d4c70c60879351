"""HTML anchors of cards, and which card a quality row concerns."""

from __future__ import annotations

import re
from collections.abc import Iterable

from report.load import Card

_SAFE = re.compile(r"[A-Za-z0-9-]")
# A card path as quality details print it: at the start, after `; ` or `: ` or `card `, and
# followed by `: `, ` line(s)` or ` (` — `43: '…'`, `card 55 line 2161: …`, `1-1-1 (473: …)`.
# Other numbers in a detail (line numbers, counts, printed values) are not in such a place.
_PATH_MENTION = re.compile(r"(?:^|[;:] |card )([^\s:;(),'\"]+)(?=: | lines? | \()")
# An id ends where the detail's own punctuation starts: `#1` (an indicator), a quote, a colon, a space.
_ID_END = re.compile(r"[\s#:;,'\"()]")


def slug(text: str) -> str:
    """`text` as an ASCII-safe, unambiguous part of an HTML id.

    Paths hold `/`, `#`, dots and Japanese (`1-1/2`, `施策1`, `3#1`): every character other than A-Z a-z 0-9
    and `-` becomes `_<hex code point>_`, so two texts never share a slug and hrefs need no percent-encoding.
    """
    return "".join(ch if _SAFE.fullmatch(ch) else f"_{ord(ch):x}_" for ch in text)


def card_anchor(path: str) -> str:
    """The HTML id of a card's section on its document page: `card-` plus the slug of its path."""
    return "card-" + slug(path)


def quality_card(detail: str, document_id: str, cards: Iterable[Card], initiative_id: str | None = None) -> Card | None:
    """The one card a quality row concerns, or None (no card, or several).

    The detail names cards by their full initiative_id (`doc:1-11/3#1 interim_target: …`) or by their path
    (`1-1/2: 'オンライン利用率(%)': …`, `card 5: …`). A row whose detail names two cards or more concerns none
    alone, even where the table's `initiative_id` names the first of them; otherwise that column decides, and
    the card the detail names stands in for it in rows without one.
    """
    by_path = {card.path: card for card in cards}
    named = _cards_named(detail, document_id, by_path)
    if len(named) > 1:
        return None
    if initiative_id is not None:
        return by_path.get(initiative_id.removeprefix(f"{document_id}:"))
    return named[0] if named else None


def _cards_named(detail: str, document_id: str, by_path: dict[str, Card]) -> list[Card]:
    """The cards a detail names, by full id where it prints ids, else by path; each once, in printed order."""
    found: dict[str, Card] = {}
    prefix = f"{document_id}:"
    start = detail.find(prefix)
    while start != -1:
        rest = detail[start + len(prefix) :]
        end = _ID_END.search(rest)
        path = rest[: end.start()] if end else rest
        if path in by_path:
            found[path] = by_path[path]
        start = detail.find(prefix, start + len(prefix))
    if not found:
        for match in _PATH_MENTION.finditer(detail):
            if match.group(1) in by_path:
                found[match.group(1)] = by_path[match.group(1)]
    return list(found.values())
