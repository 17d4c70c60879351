"""Which way an indicator should move, which target is its last, and how far an actual reached its target.

Pure functions over one indicator's normalized values (`pipeline.tables.ValueRow`), for the
analysis-ready columns `indicators.direction`, `indicator_values.is_final` and
`indicator_values.achievement_rate` (docs/contract-notes.md):

* **direction** is said two ways: by words (`削減`, `短縮`, `以下`, `現状維持`, … ending the name or
  in a target's text, and a relative target's comparator) and by numbers (the final target above,
  below or equal to the baseline, or to the first year's target where no baseline is printed).
  Either alone decides; when they disagree, or neither says, it is `unknown`: never a guess.
* **is_final**: the last `final_target` printed, else the `target` of the latest year (plans that
  print per-year targets only).
* **achievement_rate** of an actual with a target of the same year: `actual ÷ target × 100` for an
  increase, `target ÷ actual × 100` for a decrease, none otherwise (or for a zero, or a value that
  is no number).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex

from recognizers.vocabulary import label_key, meaning, terms

DIRECTIONS = ("increase", "decrease", "maintain", "unknown")
TARGET_KINDS = ("target", "interim_target", "final_target")
_COMPARATOR_DIRECTION = {">=": "increase", ">": "increase", "<=": "decrease", "<": "decrease", "=": "maintain"}


class Value(Protocol):
    """What these functions read of a value row (read-only: the rows are frozen)."""

    @property
    def kind(self) -> str: ...
    @property
    def fiscal_year(self) -> int | None: ...
    @property
    def value(self) -> float | None: ...
    @property
    def value_text(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def comparator(self) -> str | None: ...
    @property
    def series(self) -> str | None: ...


def word_directions(text: str) -> set[str]:
    """The directions the words of `text` say, longest words first (`維持管理` is no `維持`)."""
    key = label_key(text)
    found: set[str] = set()
    words = terms("direction_word")
    if not words:
        return found
    for match in regex.finditer("|".join(regex.escape(w) for w in words), key):
        said = meaning("direction_word", match.group())
        if said and said != "none":
            found.add(said)
    return found


def final_index(values: Sequence[Value]) -> int | None:
    """The index of the indicator's last target among its own values (no comparison series), or None."""
    own = [(i, v) for i, v in enumerate(values) if v.series is None]
    finals = [i for i, v in own if v.kind == "final_target"]
    if finals:
        return finals[-1]
    targets = [(v.fiscal_year, i) for i, v in own if v.kind == "target" and v.fiscal_year is not None]
    return max(targets)[1] if targets else None


def name_direction(name: str) -> set[str]:
    """The direction a name says by the word it ends with (`待機時間の短縮`), unit aside; a word inside it
    names the amount of the change (`削減時間`, `業務量削減目標値`: the hours saved, which go up)."""
    stem = regex.sub(r"[(（][^()（）]*[)）]\s*$", "", label_key(name))
    said = set()
    for word in terms("direction_word"):
        direction = meaning("direction_word", word) if stem.endswith(word) else None
        if direction is not None and direction != "none":
            said.add(direction)
    return said


def direction_of(name: str, values: Sequence[Value]) -> str:
    """`increase`, `decrease`, `maintain` or `unknown` (see the module)."""
    final = final_index(values)
    said = name_direction(name)
    for value in values:
        if value.series is None and value.kind in TARGET_KINDS:
            said |= word_directions(value.value_text)
            if value.comparator in _COMPARATOR_DIRECTION:
                said.add(_COMPARATOR_DIRECTION[value.comparator])
    by_words = next(iter(said)) if len(said) == 1 else None
    if len(said) > 1:
        return "unknown"
    by_numbers = None
    baseline = next((v for v in values if v.series is None and v.kind == "baseline" and v.status == "numeric"), None)
    if baseline is None:
        # Per-year targets alone: the first year's target is where the last one starts from.
        dated = [v for v in values if v.series is None and v.kind == "target" and v.status == "numeric"]
        dated = [v for v in dated if v.fiscal_year is not None]
        baseline = min(dated, key=lambda v: v.fiscal_year or 0) if len(dated) > 1 else None
    target = values[final] if final is not None else None
    start = baseline.value if baseline is not None else None
    end = target.value if target is not None and target.status == "numeric" else None
    if start is not None and end is not None:
        by_numbers = "increase" if end > start else "decrease" if end < start else "maintain"
    if by_words and by_numbers and by_words != by_numbers:
        return "unknown"
    return by_words or by_numbers or "unknown"


def achievement_rate(target: float | None, actual: float | None, direction: str) -> float | None:
    """How far an actual reached its same-year target, in percent (see the module), or None."""
    if target is None or actual is None or target == 0 or actual == 0:
        return None
    if direction == "increase":
        return round(actual / target * 100, 2)
    if direction == "decrease":
        return round(target / actual * 100, 2)
    return None
