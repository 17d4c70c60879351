"""A `取組内容 | スケジュール` row whose cells a dump prints as lines of their own.

Under the header, a layout dump prints the description and the schedule sentence of a
two-column row on alternate lines when their cells are centred (`令和6年度に調査・設計、令和7年度`,
`庁舎、学校…を更新します。`, `までに更新完了`), so no table row holds them. The lines up to the
next heading or table (or a wider gap, `MAX_GAP`) are that row: a line naming a year starts the schedule sentence, and a
line ending without `。` after a clause left open (`…令和7年度`) goes on with it; the other lines
are the description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from recognizers.years import ERA_YEAR, GREGORIAN_YEAR

MAX_GAP = 1  # blank lines a cell's lines may print apart; text further down is the page's own
_OPEN_RE = regex.compile(r"(?:年度|年|、|から|まで)$")  # a clause that goes on on the next line
_YEAR_RE = regex.compile(rf"(?:{ERA_YEAR}|{GREGORIAN_YEAR})\s*年度?")


@dataclass
class LooseRow:
    """The lines read so far under a header that holds no row of its own."""

    last: int | None = None  # the dump line read last (the header's, at first)
    schedule: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)

    def takes(self, line: int | None) -> bool:
        """Whether a text printed at `line` is still the row's: at most `MAX_GAP` blank lines below the last."""
        return line is None or self.last is None or line - self.last <= MAX_GAP + 1

    def add(self, text: str, line: int | None = None) -> None:
        """Take one line: into the schedule sentence, or the description."""
        self.last = line if line is not None else self.last
        open_clause = bool(self.schedule) and _OPEN_RE.search(self.schedule[-1]) is not None
        if _YEAR_RE.search(text) or (open_clause and not text.endswith("。")):
            self.schedule.append(text)
        else:
            self.description.append(text)

    @property
    def sentence(self) -> str:
        """The schedule sentence, its lines joined."""
        return "".join(self.schedule)
