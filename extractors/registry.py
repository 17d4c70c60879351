"""The profiles, one module each, registered in one literal dict (camelot's PARSERS style).

A document's profile is chosen from its content, by score: a family profile whose `detect`
accepts the block model scores 1 (it knows the document's apparatus: its index, its lists);
the generic profile scores what share of the tables its recognizers read, below 1, and 0
when they find no card, grid or indicator. The highest score reads the document; on a tie
the profile listed first wins, so the more specific family comes first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from extractors import (
    fukuoka_dx_cards,
    fukuoka_plan_cards,
    fukuoka_progress_report,
    fukuyama_cards,
    generic_plan,
    iizuka_plan,
)
from extractors.model import Extraction
from pipeline.blocks import Document

PARSERS: dict[str, ModuleType] = {
    fukuoka_plan_cards.LAYOUT: fukuoka_plan_cards,
    fukuoka_dx_cards.LAYOUT: fukuoka_dx_cards,
    fukuoka_progress_report.LAYOUT: fukuoka_progress_report,
    iizuka_plan.LAYOUT: iizuka_plan,
    fukuyama_cards.LAYOUT: fukuyama_cards,
    generic_plan.LAYOUT: generic_plan,
}


UNREAD_NAMED = 8  # unread tables named in the one-line reason (the quality row's detail lists more)


@dataclass(frozen=True)
class Choice:
    """The profile chosen for a document, and what it read (None when no profile scored above 0)."""

    layout: str | None
    extraction: Extraction | None
    unread: str  # the tables a document of no layout printed, for its one-line error


def choose(document: Document) -> Choice:
    """The profile with the highest score reads the document; a read made while scoring is kept, not redone.

    A family profile that accepts a document but reads no card from it (the family's words in
    another print) gives way to the next best profile.
    """
    scores: list[tuple[float, int, str]] = []
    reads: dict[str, Extraction] = {}
    for order, (name, module) in enumerate(PARSERS.items()):
        if hasattr(module, "score_extraction"):
            read: Callable[[Document], Extraction] = module.read
            score_of: Callable[[Extraction], float] = module.score_extraction
            reads[name] = read(document)
            found = score_of(reads[name])
        elif hasattr(module, "score"):
            score: Callable[[Document], float] = module.score
            found = score(document)
        else:
            detect: Callable[[Document], bool] = module.detect
            found = 1.0 if detect(document) else 0.0
        if found >= 1.0 and _has_records(extraction := reads.get(name) or extract(document, name)):
            return Choice(name, extraction, "")  # a family that knows the document: no need to score the rest
        if 0 < found < 1.0:
            scores.append((-found, order, name))
    for _, _, name in sorted(scores):
        extraction = reads.get(name) or extract(document, name)
        if _has_records(extraction):
            return Choice(name, extraction, "")
    generic = reads.get(generic_plan.LAYOUT) or generic_plan.read(document)
    return Choice(None, None, _unread_summary(generic))


def detect_layout(document: Document) -> str | None:
    """Name of the profile with the highest score for the document, or None when all score 0."""
    return choose(document).layout


def extract(document: Document, layout: str) -> Extraction:
    """Run the named family's extractor on the document."""
    run: Callable[[Document], Extraction] = PARSERS[layout].extract
    return run(document)


def _has_records(extraction: Extraction) -> bool:
    return bool(extraction.cards or extraction.meetings)


def _unread_summary(extraction: Extraction) -> str:
    """What a document without a recognized layout printed: its tables, none of which could be read."""
    unread = next((f for f in extraction.findings if f.check == "tables_unread"), None)
    if unread is None or not unread.expected:
        return "no table and no card, schedule grid or indicator found"
    left = unread.expected - (unread.found or 0)
    tables = f"{unread.expected} table{'s' if unread.expected > 1 else ''} seen"
    if not left:
        return f"no card, schedule grid or indicator found; {tables}, none of them an initiative's"
    named = unread.detail.split("; ")
    shown = "; ".join(named[:UNREAD_NAMED]) + (
        f"; … {len(named) - UNREAD_NAMED} more" if len(named) > UNREAD_NAMED else ""
    )
    return f"no card, schedule grid or indicator found; {tables}, {left} not read: {shown}"
