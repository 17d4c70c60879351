"""The layout families, one module each, registered in one literal dict (camelot's PARSERS style).

A document's layout is chosen from its content: the first family whose `detect`
accepts the block model reads it. Order matters only where two families could both
accept a document; the more specific family comes first.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from extractors import fukuoka_dx_cards, fukuoka_plan_cards, fukuoka_progress_report, fukuyama_cards, iizuka_plan
from extractors.model import Extraction
from pipeline.blocks import Document

PARSERS: dict[str, ModuleType] = {
    fukuoka_plan_cards.LAYOUT: fukuoka_plan_cards,
    fukuoka_dx_cards.LAYOUT: fukuoka_dx_cards,
    fukuoka_progress_report.LAYOUT: fukuoka_progress_report,
    iizuka_plan.LAYOUT: iizuka_plan,
    fukuyama_cards.LAYOUT: fukuyama_cards,
}


def detect_layout(document: Document) -> str | None:
    """Name of the layout family that recognises the document, or None."""
    for name, module in PARSERS.items():
        detect: Callable[[Document], bool] = module.detect
        if detect(document):
            return name
    return None


def extract(document: Document, layout: str) -> Extraction:
    """Run the named family's extractor on the document."""
    run: Callable[[Document], Extraction] = PARSERS[layout].extract
    return run(document)
