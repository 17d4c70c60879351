"""The printed words recognizers look for, loaded from `data/vocabulary.csv`.

Labels, headings, arrow glyphs and relative years are data that a reviewer can read and
extend; each entry is tested on its own. A printed label is compared after `label_key`:
full-width ASCII to half-width, whitespace (letter spacing) and footnote marks removed,
a trailing colon or dot dropped.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import regex

from normalizers.text import fullwidth_to_halfwidth

VOCABULARY_PATH = Path(__file__).resolve().parent / "data" / "vocabulary.csv"
CATEGORIES = frozenset(
    {
        "title_label",
        "department_label",
        "number_label",
        "description_label",
        "attribute_label",
        "indicator_name_heading",
        "unit_heading",
        "value_heading",
        "value_row_label",
        "comparison_row_label",
        "direction_word",
        "schedule_marker",
        "arrow",
        "hierarchy_word",
        "relative_year",
        "year_annotation",
        "initiative_section",
        "measure_heading",
    }
)
# Footnote marks glued to a label (`実施状況*1`, `課題※2`, `目的¹`) and decorations around it.
_MARKS_RE = regex.compile(r"(?:[*※]\d*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
_SPACE_RE = regex.compile(r"\s+")
_DECORATION = "■□●○◆◇▼▽・【】〈〉《》<>[]"


@dataclass(frozen=True)
class Entry:
    """One vocabulary row: what a printed term means in its category."""

    category: str
    term: str
    meaning: str
    note: str


@functools.lru_cache(maxsize=65536)
def label_key(text: str) -> str:
    """The form a printed label is compared in (`担 当 課：` → `担当課`, `No.` → `No`)."""
    key = _SPACE_RE.sub("", fullwidth_to_halfwidth(text))
    key = _MARKS_RE.sub("", key.strip(_DECORATION))
    return key.rstrip(":.").strip(_DECORATION)


@functools.cache
def entries() -> tuple[Entry, ...]:
    """Every vocabulary row, in file order (read once, on first use)."""
    with VOCABULARY_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple(Entry(r["category"], r["term"], r["meaning"], r["note"]) for r in csv.DictReader(handle))


@functools.cache
def _index() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for entry in entries():
        table.setdefault(entry.category, {})[label_key(entry.term)] = entry.meaning
    return table


def meaning(category: str, text: str) -> str | None:
    """What `text` means in `category` (`meaning("department_label", "所管課")` → `departments`), or None."""
    return _index().get(category, {}).get(label_key(text))


@functools.cache
def terms(category: str) -> tuple[str, ...]:
    """The terms of one category, longest first (so that prefixes match the longest word)."""
    return tuple(sorted(_index().get(category, {}), key=lambda t: (-len(t), t)))
