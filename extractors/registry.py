"""The profiles, one module each, registered in one literal dict (camelot's PARSERS style).

A document's profile is chosen from its content, by score: a family profile whose `detect`
accepts the block model scores 1 (it knows the document's apparatus: its index, its lists);
the generic profile scores what share of the tables its recognizers read, below 1, and 0
when they find no card, grid or indicator. The highest score reads the document; on a tie
the profile listed first wins, so the more specific family comes first.
"""

from __future__ import annotations

from collections.abc import Callable
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


def profile_score(module: ModuleType, document: Document) -> float:
    """A profile's score for a document: its own `score`, else 1 when its `detect` accepts it."""
    if hasattr(module, "score"):
        score: Callable[[Document], float] = module.score
        return score(document)
    detect: Callable[[Document], bool] = module.detect
    return 1.0 if detect(document) else 0.0


def detect_layout(document: Document) -> str | None:
    """Name of the profile with the highest score for the document, or None when all score 0."""
    best, best_score = None, 0.0
    for name, module in PARSERS.items():
        found = profile_score(module, document)
        if found > best_score:
            best, best_score = name, found
        if best_score >= 1.0:
            break
    return best


def extract(document: Document, layout: str) -> Extraction:
    """Run the named family's extractor on the document."""
    run: Callable[[Document], Extraction] = PARSERS[layout].extract
    return run(document)


def unread_summary(document: Document) -> str:
    """What a document without a recognized layout printed: its tables, none of which could be read."""
    findings = generic_plan.read(document).findings
    unread = next((f for f in findings if f.check == "tables_unread"), None)
    if unread is None or not unread.expected:
        return "no table and no card, schedule grid or indicator found"
    return f"no card, schedule grid or indicator found; {unread.expected} tables seen, not read: {unread.detail}"
