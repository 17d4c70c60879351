"""Helpers shared by card extractors: a flat walk over a document's rows and paragraphs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pipeline.blocks import Cell, Document, Paragraph, Row, Table

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FOOTNOTE_DEF_RE = regex.compile(r"^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


@dataclass(frozen=True)
class Item:
    """One step of the walk: a table row (`row`), or an HTML table (`table`)."""

    row: Row
    table: Table | None = None

    @property
    def texts(self) -> list[str]:
        """Non-empty cell texts, stripped."""
        return [t.strip() for t in self.row.texts if t.strip()]


def walk(document: Document) -> Iterator[Item]:
    """Every paragraph and tab row as a row (a paragraph is a one-cell row), HTML tables whole."""
    for block in document.blocks():
        if isinstance(block, Paragraph):
            yield Item(Row(cells=(Cell(block.text),), line=block.line, page=block.page))
        elif block.origin == "html":
            yield Item(Row(cells=(), line=block.line, page=block.page), table=block)
        else:
            for row in block.rows:
                yield Item(row)


def is_footnote_definition(text: str) -> bool:
    """A page-bottom footnote (`²⁴キャッシュレス決済：P4の脚注参照。`)."""
    return bool(_FOOTNOTE_DEF_RE.match(text))


def circled_number(text: str) -> int | None:
    """1 for ①, … 20 for ⑳; None for anything else."""
    text = text.strip()
    return CIRCLED.index(text) + 1 if len(text) == 1 and text in CIRCLED else None
