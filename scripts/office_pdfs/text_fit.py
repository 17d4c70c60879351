"""How many lines a text needs in a cell: a conservative estimate from character widths.

Calc does not grow a merged cell's rows to fit its text, so the sheet builders set row heights
themselves; Japanese characters (and the ambiguous-width ones such as ① ● →) take a full em,
everything else a little over half of one.
"""

from __future__ import annotations

import math
import unicodedata

HALF_EM = 0.6
PADDING = 6.0  # points a cell loses to its left and right insets


def text_ems(text: str) -> float:
    """Width of one line of text in ems."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else HALF_EM for ch in text)


def lines_needed(text: str, width_pt: float, size_pt: float) -> int:
    """Lines a wrapped text takes in a cell `width_pt` wide; each newline starts a paragraph."""
    per_line = max(1.0, (width_pt - PADDING) / size_pt)
    return sum(max(1, math.ceil(text_ems(part) / per_line)) for part in text.split("\n"))


def height_needed(text: str, width_pt: float, size_pt: float, leading: float = 1.25) -> float:
    """Points of row height a wrapped text needs, with a small top and bottom margin."""
    return lines_needed(text, width_pt, size_pt) * size_pt * leading + 3.0
