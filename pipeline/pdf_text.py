"""Runs of characters to text: lines, spacing, superscripts, and how wrapped lines are joined.

The rules follow what Japanese office documents print and what the text dumps (and so the
extractors) expect:

* a line is the characters whose boxes overlap vertically; a raised, smaller digit is a
  footnote mark and becomes a Unicode superscript (`決済²⁴`), as the dumps print it;
* a space is kept where the PDF draws one, and added where two characters stand apart by
  more than half an em (a fifth between Latin letters or digits, where words are spaced
  tighter) — except in letter-spaced text, whose gaps are all alike (`工 程`, `2 , 0 5 0`);
* full-width ASCII letters and digits become ASCII, ideographic spaces plain spaces, and a
  run of single characters separated by spaces is letter-spacing and is closed up (`所 属 長`
  → `所属長`, `2 , 0 5 0` → `2,050`) — the dumps contain neither;
* a line that runs to the right edge of its box continues on the next line (a soft wrap:
  joined without a break, with a space only between two Latin words); a line that stops
  short, or a next line opening with a bullet, starts a new line (`\\n`);
* single characters stacked one per line (vertical headings in narrow cells) are one word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

import regex

from pipeline.fullwidth import to_narrow
from pipeline.pdf_runs import Run

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SPACES_RE = regex.compile(r"[ \t]+")
_LETTER_SPACED_RE = regex.compile(r"^\S(?: \S)+$")
# A number printed letter-spaced with real spaces: `2 , 0 5 0` (single digits and separators).
_SPACED_NUMBER_RE = regex.compile(r"(?<!\S)\d(?: [\d,.]){2,}(?!\S)")
# A line opening with one of these starts a new line of its own, however far the line above ran.
BULLETS = tuple("●○◯・◆◇■□▶▷►※★☆-－―‐①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⁰¹²³⁴⁵⁶⁷⁸⁹【<＜〈《")
# A line opening with an item number (`2 職員数…`, `(3) …`) starts a new item.
_NUMBERED_RE = regex.compile(r"^(?:\d{1,2}[ 　]+\D|[(（]?\d{1,2}[)）])")
_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(slots=True)
class Line:
    """A line of text: its box, dominant font size and assembled text."""

    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    text: str
    lead: float = 0.0  # width of the line's first unbreakable unit (a Latin word, a kanji and its closing marks)
    spaced: float = 0.0  # letter-spacing gap of distributed text (0 when not letter-spaced)
    gapped: bool = False  # parts set apart by a tab-like gap (`債)      104,600`): a line of its own


def normalize(text: str) -> str:
    """Full-width ASCII to ASCII, ideographic and no-break spaces to spaces, letter-spacing closed up."""
    text = _SPACES_RE.sub(" ", to_narrow(text)).strip()
    text = _SPACED_NUMBER_RE.sub(lambda m: m.group().replace(" ", ""), text)
    if _LETTER_SPACED_RE.match(text):
        text = text.replace(" ", "")
    return text


def group_lines(runs: Sequence[Run]) -> list[list[Run]]:
    """Runs grouped into lines (top to bottom), each line left to right.

    A run joins the line whose vertical extent it overlaps by half its own height; a
    superscript overlaps its base line, so it stays there.
    """
    horizontal = sorted((r for r in runs if not r.vertical), key=lambda r: r.cy)
    lines: list[list[Run]] = []
    top = bottom = 0.0
    for run in horizontal:
        height = run.bottom - run.top
        if lines and min(bottom, run.bottom) - max(top, run.top) >= 0.5 * min(height, bottom - top):
            lines[-1].append(run)
            top, bottom = min(top, run.top), max(bottom, run.bottom)
        else:
            lines.append([run])
            top, bottom = run.top, run.bottom
    for line in lines:
        if len(line) > 1:
            line.sort(key=lambda r: r.x0)
    # Vertical writing: one line per column, right to left, characters top to bottom.
    columns: dict[int, list[Run]] = {}
    for run in runs:
        if run.vertical:
            columns.setdefault(round(run.cx / max(run.size, 1.0)), []).append(run)
    for key in sorted(columns, reverse=True):
        lines.append(sorted(columns[key], key=lambda r: r.top))
    return lines


def _single(run: Run) -> bool:
    """A run that letter-spacing could have produced: one character, or a number (`10　環　境`)."""
    text = run.text.strip()
    return len(text) == 1 or (text.isascii() and text.isalnum())


def split_segments(line: list[Run], gap_em: float) -> list[list[Run]]:
    """Cut a line where two runs stand more than `gap_em` ems apart (separate text side by side)."""
    if len(line) < 2 or line[0].vertical:
        return [line]
    segments = [[line[0]]]
    for prev, run in pairwise(line):
        if run.x0 - prev.x1 > gap_em * max(prev.size, run.size) and not _even_spacing(segments[-1] + [run]):
            segments.append([run])
        else:
            segments[-1].append(run)
    return segments


def _spacing_gaps(runs: Sequence[Run]) -> list[float]:
    """Gaps between neighbouring runs (letter-spacing widens every gap alike)."""
    return [b.x0 - a.x1 for a, b in pairwise(runs)]


def _even(runs: Sequence[Run], size: float, least: int) -> bool:
    """True for letter-spaced text: single characters (or numbers), at least `least` gaps, all wide and alike."""
    gaps = _spacing_gaps(runs)
    return (
        len(gaps) >= least
        and all(_single(r) for r in runs)
        and min(gaps) > 0.1 * size
        and max(gaps) <= 1.6 * min(gaps) + 1.0
    )


def _even_spacing(runs: list[Run]) -> bool:
    """True for letter-spaced text: at least two gaps, all wide and about equal."""
    return _even(runs, runs[0].size, 2)


def _evenly_spread(runs: list[Run]) -> set[int]:
    """Indexes of runs that follow a letter-spacing gap inside an evenly spread stretch.

    A gap belongs to such a stretch when it stands between single characters and matches the
    gap before or after it: `11 地　方　税` spreads its kanji evenly, so only the gap after `11`
    (unlike its neighbour) is a word space.
    """
    gaps = [(i + 1, b.x0 - a.x1, _single(a) and _single(b)) for i, (a, b) in enumerate(pairwise(runs))]
    out: set[int] = set()
    for k, (index, gap, singles) in enumerate(gaps):
        if not singles or gap <= 0.1 * runs[index].size:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(gaps) and gaps[j][2] and abs(gaps[j][1] - gap) <= 0.25 * gap + 0.5:
                out.add(index)
                break
    return out


# Marks that never start a line (kinsoku): a line break moves them down with the character before.
_CLOSING = frozenset("、。，．）」』】〕〉》％ー・…”’:;!?)]},.")
_WORD_TAIL = frozenset(".,-/%:@") | _ASCII_WORD


def _weight(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text) or 1.0


def _lead_width(run: Run) -> float:
    """Width of the first unit a line break cannot split: a Latin word, or a character with its closing marks."""
    text = run.text.strip()
    end = 1
    if text[0] in _ASCII_WORD:
        while end < len(text) and text[end] in _WORD_TAIL:
            end += 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    # Widths inside a run are not kept: Latin characters count half a kanji.
    return (run.x1 - run.x0) * _weight(text[:end]) / _weight(text)


def make_line(runs: list[Run]) -> Line:
    """Assemble one line's text: superscripts marked, spaces where the gaps are."""
    if len(runs) == 1:
        run = runs[0]
        return Line(run.x0, run.top, run.x1, run.bottom, run.size, normalize(run.text), lead=_lead_width(run))
    weights: dict[float, int] = {}
    for run in runs:
        weights[run.size] = weights.get(run.size, 0) + len(run.text.strip())
    size = max(weights, key=lambda k: weights[k])
    normal = [r for r in runs if r.size >= 0.85 * size] or runs
    base = median(r.base for r in normal)
    letter_spaced = gapped = False
    if runs[0].vertical:
        text = "".join(r.text for r in runs)
    else:
        letter_spaced = _even(runs, size, 1)
        spread = set() if letter_spaced else _evenly_spread(runs)
        out: list[str] = []
        prev: Run | None = None
        for i, run in enumerate(runs):
            piece = run.text
            if run.size <= 0.8 * size and run.base < base - 0.15 * size and piece.strip().isdigit():
                piece = piece.translate(SUPERSCRIPTS)
            spaced_already = prev is not None and (prev.text.endswith(" ") or piece.startswith(" "))
            if prev is not None and not letter_spaced and i not in spread and not spaced_already:
                gap = run.x0 - prev.x1
                latin = prev.text[-1] in _ASCII_WORD and run.text[0] in _ASCII_WORD
                if gap > (0.2 if latin else 0.5) * size:
                    out.append(" ")
                    gapped = gapped or gap > 2.0 * size
            out.append(piece)
            prev = run
        text = "".join(out)
    return Line(
        x0=runs[0].x0 if not runs[0].vertical else min(r.x0 for r in runs),
        top=min(r.top for r in normal),
        x1=max(r.x1 for r in runs),
        bottom=max(r.bottom for r in normal),
        size=size,
        text=normalize(text),
        lead=_lead_width(runs[0]),
        spaced=median(_spacing_gaps(runs)) if letter_spaced else 0.0,
        gapped=gapped,
    )


def lines_of(runs: Sequence[Run], gap_em: float | None = None) -> list[Line]:
    """Lines of a set of runs; with `gap_em`, lines are also cut at wide gaps."""
    out: list[Line] = []
    for group in group_lines(runs):
        parts = split_segments(group, gap_em) if gap_em is not None else [group]
        out.extend(make_line(part) for part in parts)
    return [line for line in out if line.text]


def _soft(prev: Line, line: Line, left: float, right: float, pad: float, indent_em: float, hang_em: float) -> bool:
    """True when `prev` wraps into `line`: it runs to the right edge and `line` starts at the left."""
    em = max(prev.size, line.size)
    if line.text.startswith(BULLETS) or _NUMBERED_RE.match(line.text) or prev.gapped:
        return False
    if (prev.spaced > 0) != (line.spaced > 0):
        return False  # a distributed line under a plain one (`総務課長` / `所 属 長`): each set on its own
    if prev.spaced > 0 and abs(prev.spaced - line.spaced) > 0.25 * min(prev.spaced, line.spaced) + 0.5:
        return False  # names each spread to one width (`所 属 長` / `職   員`): their gaps differ
    # The wrapped line may start a little in (a first-line indent) and the next one further in
    # (a hanging indent under `1 ` or `（注）`), but a line that starts far right was aligned right.
    # Wrapped: the next line's first unit would not have fitted after the line (or the line is full).
    width = right - left
    room = right - pad - prev.x1
    return (
        (room < min(max(2.0 * em, 3.0), 0.15 * width) or line.lead > room - 0.5)
        and prev.x0 <= left + pad + min(indent_em * em, 0.25 * width)
        and line.x0 <= left + pad + min(hang_em * em, 0.4 * width)
    )


def paragraphs(
    lines: Sequence[Line], left: float, right: float, indent_em: float = 2.5, hang_em: float = 1.0
) -> list[list[Line]]:
    """Lines stacked in a box from `left` to `right`, grouped into paragraphs (soft wraps kept together).

    `indent_em`: how far in (in ems) a wrapped paragraph may start; `hang_em`: how far in its next
    lines may start. Both are small in table cells, where a short line far from the left edge is
    right-aligned, and larger in running text, whose notes wrap under a hanging indent.
    """
    if not lines:
        return []
    size = max(line.size for line in lines)
    # The box's inner margin, as printed: how far the leftmost line stands from the left edge.
    pad = min(max(0.0, min(line.x0 for line in lines) - left), 8.0)
    aligned_left = min(line.x0 for line in lines) <= left + pad + 1.2 * size and not _centered(lines)
    groups = [[lines[0]]]
    for prev, line in pairwise(lines):
        if aligned_left and _soft(prev, line, left, right, pad, indent_em, hang_em):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _centered(lines: Sequence[Line]) -> bool:
    """True for lines centred on one axis with different left edges: each line was set on its own."""
    if len(lines) < 2:
        return False
    centres = [(line.x0 + line.x1) / 2 for line in lines]
    lefts = [line.x0 for line in lines]
    return max(centres) - min(centres) <= 1.5 and max(lefts) - min(lefts) > 1.0


def paragraph_text(lines: Sequence[Line]) -> str:
    """The text of one paragraph: its wrapped lines joined (a space only between two Latin words)."""
    out = lines[0].text
    for line in lines[1:]:
        joint = " " if out[-1:] in _ASCII_WORD and line.text[:1] in _ASCII_WORD else ""
        out += joint + line.text
    return out


def join_lines(lines: Sequence[Line], left: float, right: float) -> str:
    """The text of lines stacked in a box from `left` to `right`: soft wraps joined, hard breaks kept."""
    if len(lines) >= 2 and all(len(line.text) == 1 for line in lines):
        return "".join(line.text for line in lines)  # characters stacked one per line: vertical writing
    return "\n".join(paragraph_text(group) for group in paragraphs(lines, left, right))
