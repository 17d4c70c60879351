"""Access to the seed documents' lines, so that test tables can prove their examples are real.

`source` strings in the test tables read `"<doc>:<line>"`, with the document numbers of
`docs/layouts.md` (000-004) and 1-based line numbers as in `str.split("\\n")`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

RAW = Path(__file__).resolve().parents[2] / "raw"
DOCUMENTS = {
    "000": "fukuoka_gyosei_unei_plan_2021_draft.txt",
    "001": "fukuoka_gyosei_unei_plan_2017_2020_progress.txt",
    "002": "fukuoka_dx_strategy_action_items_2023.txt",
    "003": "iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt",
    "004": "fukuyama_digital_action_plan_v1_2_2023.txt",
}
_TAG = re.compile(r"<[^>]+>")


@cache
def _lines(doc: str) -> tuple[str, ...]:
    return tuple((RAW / DOCUMENTS[doc]).read_text(encoding="utf-8").split("\n"))


def line(source: str) -> str:
    """The printed line `"<doc>:<line>"`, HTML tags removed (cells are read tag-free)."""
    doc, number = source.split(":")
    return _TAG.sub("", _lines(doc)[int(number) - 1])


def cells(source: str) -> list[str]:
    """The tab-separated cells of a line, stripped."""
    return [c.strip() for c in line(source).split("\t")]
