"""Markdown pipe tables in a text dump: `| a | b |` rows under a `|---|---|` separator."""

from __future__ import annotations

from collections.abc import Sequence

import regex

_SEPARATOR_RE = regex.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_CELL_SPLIT_RE = regex.compile(r"(?<!\\)\|")


def is_pipe_row(line: str) -> bool:
    """A line of a pipe table: it opens with `|`."""
    return line.strip().startswith("|")


def is_separator(line: str) -> bool:
    """The `|---|:---:|` line under a pipe table's header (at least one `|`)."""
    stripped = line.strip()
    return "|" in stripped and _SEPARATOR_RE.match(stripped) is not None


def table_length(lines: Sequence[str], start: int) -> int:
    """How many lines from `start` form a pipe table (header, separator, body), 0 when none starts there."""
    if start + 1 >= len(lines) or not is_pipe_row(lines[start]) or not is_separator(lines[start + 1]):
        return 0
    end = start + 2
    while end < len(lines) and is_pipe_row(lines[end]):
        end += 1
    return end - start


def pipe_cells(line: str) -> list[str]:
    """The cells of a pipe-table row, stripped; `\\|` inside a cell is a literal `|`."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT_RE.split(inner)]


def has_pipe_table(lines: Sequence[str]) -> bool:
    """True when some line is a pipe table's header followed by its separator."""
    return any(table_length(lines, index) for index in range(len(lines) - 1))
