"""Hierarchy headings: `基本目標1 …`, `施策2-1 …`, `取組方針3 …`, `推進項目① …`, `第2章 …`, `（1）…`.

A heading is a line of its own, short, not a sentence, that opens with a hierarchy word of
the vocabulary and a number, or with a numbering style alone (`第N章`, `（N）`, `N．`, `N ` before
a name that is no count). The level of a heading is not known from its word: a document's levels
are the styles in the order it first prints them (`HeadingStack`), so `施策` is level 1 under
`基本目標` and level 0 where it is the top.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from normalizers.text import fullwidth_to_halfwidth
from normalizers.units import match_unit
from recognizers.vocabulary import terms

MAX_HEADING_CHARS = 60
_NUMBER = r"(?:\d+(?:\s*[-‐－ー・.]\s*\d+)*|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+(?![A-Za-z])|[一二三四五六七八九十]+)"
_SEP = r"(?:\s*[:：.．、)）]\s*|\s+|(?=[^\d]))"
# Numbering styles without a word: `第2章`, `（1）`, `1．`, `1-2 `, `①`, `1 `.
_STYLES: tuple[tuple[str, str], ...] = (
    ("chapter", r"第\s*(?P<no>\d+|[一二三四五六七八九十]+)\s*(?:章|節|部)\s*(?P<name>.*)"),
    ("paren", r"[（(]\s*(?P<no>\d+)\s*[)）]\s*(?P<name>.+)"),
    ("circled", r"(?P<no>[①-⑳])\s*(?P<name>.+)"),
    ("dotted", r"(?P<no>\d+(?:-\d+)*)\s*[.．、]\s*(?P<name>.+)"),
    ("spaced", r"(?P<no>\d{1,2})\s+(?P<name>[^\d\s].*)"),  # `1 職員の勤務環境の整備に関する事項`
)


@dataclass(frozen=True)
class Heading:
    """A hierarchy heading as printed: its style (word or numbering), number and name."""

    style: str
    number: str | None
    name: str
    text: str


@functools.cache
def _word_re() -> regex.Pattern[str]:
    words = "|".join(regex.escape(t) for t in terms("hierarchy_word"))
    return regex.compile(rf"^(?P<word>{words})\s*(?P<no>{_NUMBER})?{_SEP}(?P<name>.*)$")


# Headings numbered by typography alone: a chapter's structure, unlike a hierarchy word (施策, 基本目標).
NUMBERING_STYLES = frozenset(style for style, _ in _STYLES)
_STYLE_RES = tuple((style, regex.compile(rf"^{pattern}$")) for style, pattern in _STYLES)
_SENTENCE_END_RE = regex.compile(r"[。．]$|ます$|です$")


def read_heading(text: str) -> Heading | None:
    """The heading a paragraph prints, or None for body text.

    >>> read_heading("基本目標1 しごとをつくる").number
    '1'
    >>> read_heading("（2）民間活力の活用等").style
    'paren'
    """
    line = fullwidth_to_halfwidth(text).strip()
    if not line or "\n" in line or len(line) > MAX_HEADING_CHARS or _SENTENCE_END_RE.search(line):
        return None
    if match := _word_re().match(line):
        number = match["no"]
        name = match["name"].strip(" 　:：")
        if number is None and not name:
            return None
        if number is None and (len(name) > 30 or not regex.match(rf"^{regex.escape(match['word'])}[\s:：]", line)):
            return None
        return Heading(match["word"], regex.sub(r"\s+", "", number) if number else None, name, text)
    for style, pattern in _STYLE_RES:
        if match := pattern.match(line):
            name = match["name"].strip()
            if style != "chapter" and not regex.search(r"\p{Han}|\p{Katakana}|\p{Hiragana}", name):
                return None
            if style == "spaced" and (len(regex.sub(r"\s", "", name)) < 2 or match_unit(name) is not None):
                return None  # a count (`3 件`, `5 施設へ設置`), not a numbered heading
            return Heading(style, match["no"], name, text)
    return None


@dataclass
class HeadingStack:
    """The headings in force: a style seen first is a higher level than one seen later."""

    levels: list[str] = field(default_factory=list)
    current: list[Heading] = field(default_factory=list)

    def push(self, heading: Heading) -> None:
        """Enter a heading: it replaces the one of its level and closes every deeper one."""
        if heading.style not in self.levels:
            self.levels.append(heading.style)
        level = self.levels.index(heading.style)
        kept = [h for h in self.current if self.levels.index(h.style) < level]
        self.current = [*kept, heading]


def read_trailing_heading(text: str) -> Heading | None:
    """A heading printed at the end of a title line (`施策評価シート（令和6年度）施策3 子育て支援の充実`), or None.

    The reader joins text printed on one line; a hierarchy word with its number after a space or
    a closing bracket starts a heading there. Sentences are not headings.
    """
    line = fullwidth_to_halfwidth(text).strip()
    if "\n" in line or "。" in line:
        return None
    for match in _word_start_re().finditer(line):
        if match.start() > 0 and (heading := read_heading(line[match.start() :])) and heading.number:
            return heading
    return None


@functools.cache
def _word_start_re() -> regex.Pattern[str]:
    words = "|".join(regex.escape(t) for t in terms("hierarchy_word"))
    return regex.compile(rf"(?<=[\s)）】])(?:{words})\s*{_NUMBER}")
