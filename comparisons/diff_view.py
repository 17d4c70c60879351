"""Changes as text: an aligned table for a terminal, CSV or JSON for tools."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when the changes are written (pipeline.tables loads pyarrow)
    from pipeline.tables import ChangeRow

FORMATS = ("table", "csv", "json")
TABLE_COLUMNS = ("change", "initiative", "indicator", "field", "fiscal_year", "old", "new")
CELL_WIDTH = 48  # terminal columns a table cell may take before it is cut with `…`


def display_width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` columns (ending in `…` when cut), padded with spaces to exactly `width`."""
    if display_width(text) > width:
        kept = ""
        for char in text:
            if display_width(kept + char) > width - 1:
                break
            kept += char
        text = kept + "…"
    return text + " " * (width - display_width(text))


def _local(identifier: str | None) -> str:
    """An id without its document part (`doc:4#1` → `4#1`): the table names the documents once."""
    return identifier.split(":", 1)[1] if identifier and ":" in identifier else (identifier or "")


def _cells(change: ChangeRow) -> list[str]:
    values = {
        "change": change.change,
        "initiative": _local(change.initiative_id),
        "indicator": _local(change.indicator_id),
        "field": change.field or "",
        "fiscal_year": "" if change.fiscal_year is None else str(change.fiscal_year),
        "old": (change.old or "").replace("\n", " "),
        "new": (change.new or "").replace("\n", " "),
    }
    return [values[column] for column in TABLE_COLUMNS]


def changes_to_text(changes: Sequence[ChangeRow], form: str) -> str:
    """The changes in one of FORMATS; the table says so in words when there are none."""
    if form == "json":
        return json.dumps([asdict(c) for c in changes], ensure_ascii=False, indent=1) + "\n"
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        from pipeline.tables import ChangeRow

        fields = list(ChangeRow.__dataclass_fields__)
        writer.writerow(fields)
        for change in changes:
            writer.writerow(["" if getattr(change, f) is None else getattr(change, f) for f in fields])
        return out.getvalue()
    if not changes:
        return "no changes\n"
    rows = [list(TABLE_COLUMNS), *(_cells(c) for c in changes)]
    widths = [min(CELL_WIDTH, max(display_width(row[i]) for row in rows)) for i in range(len(TABLE_COLUMNS))]
    head = f"{changes[0].previous_document_id} → {changes[0].document_id}: {len(changes)} changes\n"
    return head + "".join(
        "  ".join(fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n" for row in rows
    )
