"""Figures: a cell that holds numbers only (`3,768,166`, `▲7.8％`, `2.7％増`), which no schedule prints."""

from __future__ import annotations

import regex

from normalizers.text import fullwidth_to_halfwidth

_NUMERIC_RE = regex.compile(r"^\s*[△▲▼+\-−―]?\s*[\d,.]+\s*[%]?\s*(?:増|減)?\s*$")


def is_figure_line(text: str) -> bool:
    """One line of figures only."""
    return bool(_NUMERIC_RE.match(fullwidth_to_halfwidth(text)))


def is_figures(text: str) -> bool:
    """A cell of figures only (`3,768,166`, `▲7.8％`, `2.7％増`, `△ 1,449`), line by line."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(is_figure_line(line) for line in lines)
