"""Full-width characters: how wide they print, and their narrow ASCII forms.

Both readers of printed text need them: a PDF's characters and a layout dump's characters
are the document's own, so full-width digits and letters (`３年度`, `２－２`) come out as
ASCII, as the tab dumps (and so the extractors) have them.
"""

from __future__ import annotations

import unicodedata

import regex

# Full-width ASCII letters and digits (U+FF10–FF19, FF21–FF3A, FF41–FF5A) to ASCII.
_NARROW = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for cp in range(*r)}
_NARROW.update({0x3000: 0x20, 0x00A0: 0x20})
_NUMERIC_PUNCT_RE = regex.compile(r"(?<=\d)[．，](?=\d)")


def to_narrow(text: str) -> str:
    """Full-width ASCII letters and digits to ASCII, ideographic and no-break spaces to spaces,
    and a full-width point or comma between digits to `.` or `,` (`１，６５０` → `1,650`)."""
    text = text.translate(_NARROW)
    return _NUMERIC_PUNCT_RE.sub(lambda m: "." if m.group() == "．" else ",", text)


def is_wide(char: str) -> bool:
    """True for a character printed two columns wide (East Asian width W or F: kanji, kana, `（`, `㎥`)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced print: 2 for each wide character, 1 for the others."""
    return sum(2 if is_wide(c) else 1 for c in text)
