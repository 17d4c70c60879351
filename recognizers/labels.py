"""Label cells: the printed field names of a card or a list header (事業名称, 担当課, 番号, 概要, 課題 …).

A label is a cell whose whole text, compared as `vocabulary.label_key` does, is a term of
one of the label categories. A row of a labelled card pairs each label with the cell that
follows it (`事業名称 | 窓口のオンライン化 | 担当課 | 情報政策課`); a list header is a row of
labels only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from normalizers.text import fullwidth_to_halfwidth
from recognizers.vocabulary import label_key, meaning, terms

LABEL_CATEGORIES = (
    "title_label",
    "department_label",
    "number_label",
    "description_label",
    "attribute_label",
    "indicator_name_heading",
)


@dataclass(frozen=True)
class Label:
    """A label cell: its column, what it names (`title`, `departments`, `item_no`, `description`, or an attribute)."""

    column: int
    field: str
    category: str
    text: str


MAX_QUALIFIED_LABEL = 8  # `主たる所管部署`: a department label qualified in front, at most this long


def read_label(text: str, column: int = 0) -> Label | None:
    """The label a cell prints, or None (`担 当 課` → departments; `主たる所管部署` → departments)."""
    for category in LABEL_CATEGORIES:
        if (found := meaning(category, text)) is not None:
            # An indicator label (`指標とスケジュール | 電子決裁率`) names the indicators printed below it.
            return Label(column, "indicator" if category == "indicator_name_heading" else found, category, text)
    key = label_key(text)
    if len(key) <= MAX_QUALIFIED_LABEL and any(key.endswith(t) for t in terms("department_label") if len(t) >= 3):
        return Label(column, "departments", "department_label", text)
    if len(key) <= MAX_QUALIFIED_LABEL and key.endswith("番号"):
        return Label(column, "item_no", "number_label", text)  # `施策番号`, `取組番号`
    return None


def field_pairs(cells: Sequence[str]) -> list[tuple[Label, str]] | None:
    """(label, value) pairs of a labelled row, or None when the row is not one.

    The row must open with a label (empty cells aside), and every label must be followed by a
    value cell that is not itself a label; a label with nothing after it has an empty value.
    """
    found = [piece for i, c in enumerate(cells) if c.strip() for piece in _inline_fields(i, c.strip())]
    if not found or read_label(found[0][1]) is None:
        return None
    pairs: list[tuple[Label, str]] = []
    position = 0
    while position < len(found):
        column, text = found[position]
        label = read_label(text, column)
        if label is None:
            return None
        following = found[position + 1] if position + 1 < len(found) else None
        if following is not None and read_label(following[1]) is None:
            pairs.append((label, following[1]))
            position += 2
        else:
            pairs.append((label, ""))
            position += 1
    return pairs


_INLINE_FIELDS = ("title", "departments", "item_no")


def _inline_fields(column: int, text: str) -> list[tuple[int, str]]:
    """A value cell that holds the next label and its value set apart by spaces (`2-1 施策名 地域防災力の向上`,
    two cells of a form run together in a dump) as its three parts; other cells as they are.

    Only a title, department or number label is cut out: a description may use any word.
    """
    words = text.split()
    for k in range(1, len(words) - 1):
        label = read_label(words[k])
        if label is not None and label.field in _INLINE_FIELDS and read_label(text) is None:
            return [
                (column, " ".join(words[:k])),
                (column, words[k]),
                *_inline_fields(column, " ".join(words[k + 1 :])),
            ]
    return [(column, text)]


def header_labels(cells: Sequence[str]) -> dict[int, Label]:
    """Label cells of a row by column (only labels; other cells are ignored)."""
    out = {}
    for column, text in enumerate(cells):
        if text.strip() and (label := read_label(text, column)) is not None:
            out[column] = label
    return out


_BESIDE_MEASURES = ("department_label", "number_label", "attribute_label")


def measures_label(cells: Sequence[str], labels: dict[int, Label]) -> Label | None:
    """The title label of a list header that names no title, only its measures beside their department
    column (`目標 | 推進者`, `No | 取組内容 | 担当課`): the measure is the row's initiative. None otherwise.

    The measures column is a description label or a measure heading (`vocabulary.csv`), the only one;
    every other heading is a department, number or attribute label, so that an indicator table
    (`指標 | 目標 | 担当課`) stays one.
    """
    if not any(label.field == "departments" for label in labels.values()):
        return None
    if any(label.field == "title" for label in labels.values()):
        return None
    measures = []
    for column, text in enumerate(cells):
        if not text.strip():
            continue
        label = labels.get(column)
        if label is None and meaning("measure_heading", text) is None:
            return None
        if label is None or label.field == "description":
            measures.append(column)
        elif label.category not in _BESIDE_MEASURES:
            return None
    if len(measures) != 1:
        return None
    return Label(measures[0], "title", "measure_heading", cells[measures[0]])


#: A card's number as printed beside its label or mark: `3`, `12`, `1-2`, `2-1-3`.
ITEM_NO = r"\d{1,4}(?:-\d{1,3}){0,2}"
_BRACKET_NO_RE = regex.compile(rf"^[【\[(<]\s*(?:No|NO|№)?\.?\s*(?P<no>{ITEM_NO})\s*[】\])>]\s*")
_NO_LINE_RE = regex.compile(rf"^(?:No|NO|№)\.?\s*(?P<no>{ITEM_NO})$")
_LABELLED_NO_RE = regex.compile(rf"^(?P<label>\S.{{0,10}}?)\s*[:：]?\s*(?P<no>{ITEM_NO})$")


def read_number_line(text: str) -> str | None:
    """The card number a line of its own prints before its card (`No.3`, `＜項目番号＞ 6`), or None."""
    line = fullwidth_to_halfwidth(text).strip()
    if match := _NO_LINE_RE.match(line):
        return match["no"]
    if (match := _LABELLED_NO_RE.match(line)) and meaning("number_label", match["label"]) is not None:
        return match["no"]
    return None


_FIELD_RE = regex.compile(r"(?:^|(?<=[。\s]))(?P<label>[^\s:：。、]{1,12})\s*[:：]")


def paragraph_fields(text: str) -> tuple[str | None, list[tuple[Label, str]]] | None:
    """(card number, labelled pairs) of a paragraph printed as `label：value` fields, or None.

    A paragraph may open with the card's number (`【No.1】 取組事項：…`) and hold several fields where
    the reader joined two lines (`現状と課題：…かかっている。取組内容：`).
    """
    line = fullwidth_to_halfwidth(text).strip()
    number = None
    if match := _BRACKET_NO_RE.match(line):
        number, line = match["no"], line[match.end() :]
    starts = [m for m in _FIELD_RE.finditer(line) if read_label(m["label"]) is not None]
    if not starts or starts[0].start() != 0:
        return None
    pairs = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(line)
        label = read_label(match["label"])
        if label is not None:
            pairs.append((label, line[match.end() : end].strip()))
    return number, pairs
