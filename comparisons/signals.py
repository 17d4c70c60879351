"""Whether two initiatives are the same one: signals from what both documents print.

Each signal is a similarity in [0, 1], or None when one side prints nothing to compare:
- title: rapidfuzz's normalized Indel ratio of the titles, or 0.9 of the partial ratio when the
  shorter title (at least 4 characters and half the longer one) is found almost whole inside it;
- indicators: the best ratio between an indicator name of each;
- description: the ratio of the first 300 characters of the descriptions;
- departments: 1 for a shared department, 0.5 when one name is part of the other (a bureau split
  or renamed: 保健福祉局 → 福祉局), 0 otherwise.

The title carries the score. Indicators and descriptions count only where they agree: a new plan
sets new KPIs and rewrites its text, so a low similarity there is no evidence of another
initiative, while a high one is evidence of the same. `score` is the best weighted mean of the
title with any of them. Departments scale it: a card owned by another department is rarely the
same initiative (×0.7), one whose department was renamed or split may be (×0.95). Two titles
that name different members of one contrast group (`comparisons/data/contrast_terms.csv`:
下水道 vs 水道, 市税 vs 保育料) are different initiatives whatever the other signals say.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex
from rapidfuzz import fuzz

_DATA = Path(__file__).resolve().parent / "data"
_NOISE_RE = regex.compile(r"[\s\p{P}\p{S}]+")
_REPOST_RE = regex.compile(r"[(（]\s*再掲\s*[)）]")
# A ward office printed as `区役所(東区)` is the ward `東区`.
_WARD_OFFICE_RE = regex.compile(r"^区役所\s*[(（]\s*(.+?)\s*[)）]$")
WEIGHTS = {"title": 0.45, "indicators": 0.25, "description": 0.2}
DEPARTMENT_FACTORS = {1.0: 1.0, 0.5: 0.95, 0.0: 0.7}
# A signal at or above its floor is named in a link's `method`.
FLOORS = {"title": 0.6, "indicators": 0.7, "description": 0.6, "departments": 1.0}
DESCRIPTION_CHARS = 300
CONTAINED_MIN_CHARS = 4
CONTAINED_MIN_SHARE = 0.5


def text_to_match_form(text: str | None) -> str:
    """Text as compared: NFKC, lower case, without (再掲), spaces, punctuation or symbols."""
    if not text:
        return ""
    text = _REPOST_RE.sub("", unicodedata.normalize("NFKC", text))
    return _NOISE_RE.sub("", text).lower()


def department_to_match_form(department: str) -> str:
    """A department as compared: `区役所(東区)` → `東区`, in match form."""
    text = unicodedata.normalize("NFKC", department).strip()
    if match := _WARD_OFFICE_RE.match(text):
        text = match[1]
    return text_to_match_form(text)


@dataclass(frozen=True)
class Profile:
    """One initiative's comparable text, in match form."""

    title: str
    departments: tuple[str, ...]
    indicators: tuple[str, ...]
    description: str


def make_profile(title: str, departments: Sequence[str], indicators: Sequence[str], description: str | None) -> Profile:
    """A profile from printed text (normalized here, so callers pass what the rows hold)."""
    return Profile(
        text_to_match_form(title),
        tuple(sorted({d for d in (department_to_match_form(x) for x in departments) if d})),
        tuple(sorted({n for n in (text_to_match_form(x) for x in indicators) if n})),
        text_to_match_form(description)[:DESCRIPTION_CHARS],
    )


def title_similarity(a: str, b: str) -> float | None:
    """Ratio of two titles in match form, or 0.9 × partial ratio when one is (nearly) inside the other."""
    if not a or not b:
        return None
    ratio = fuzz.ratio(a, b) / 100
    shorter, longer = sorted((len(a), len(b)))
    contained = shorter >= CONTAINED_MIN_CHARS and shorter >= CONTAINED_MIN_SHARE * longer
    if contained and (partial := fuzz.partial_ratio(a, b) / 100) >= 0.9:
        ratio = max(ratio, 0.9 * partial)
    return ratio


def departments_similarity(a: Sequence[str], b: Sequence[str]) -> float | None:
    """1 for a shared department, 0.5 for one name inside another, 0 for none; None if one side has none."""
    if not a or not b:
        return None
    if set(a) & set(b):
        return 1.0
    if any(x in y or y in x for x in a for y in b):
        return 0.5
    return 0.0


def names_similarity(a: Sequence[str], b: Sequence[str]) -> float | None:
    """The best ratio between a name of `a` and a name of `b`; None if one side has none."""
    if not a or not b:
        return None
    return max(fuzz.ratio(x, y) for x in a for y in b) / 100


def text_similarity(a: str, b: str) -> float | None:
    """Ratio of two texts in match form; None if one is empty."""
    if not a or not b:
        return None
    return fuzz.ratio(a, b) / 100


@functools.cache
def contrast_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of terms that name different things although they look alike, longest term first."""
    groups: dict[str, list[str]] = {}
    with (_DATA / "contrast_terms.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups.setdefault(row["group"], []).append(text_to_match_form(row["term"]))
    return tuple(tuple(sorted(terms, key=len, reverse=True)) for _, terms in sorted(groups.items()))


def terms_named(text: str, group: Sequence[str]) -> frozenset[str]:
    """The group's terms in `text`; a longer term hides the shorter ones inside it (下水道 is not 水道)."""
    found = set()
    for term in group:
        if term in text:
            found.add(term)
            text = text.replace(term, "\0")
    return frozenset(found)


def contrast(a: str, b: str) -> str | None:
    """`下水道≠水道` when the two titles name different terms of one contrast group, else None."""
    for group in contrast_groups():
        named_a, named_b = terms_named(a, group), terms_named(b, group)
        if named_a and named_b and not named_a & named_b:
            return f"{'/'.join(sorted(named_a))}≠{'/'.join(sorted(named_b))}"
    return None


@dataclass(frozen=True)
class Score:
    """How alike two initiatives are, and which signals said so."""

    value: float
    signals: dict[str, float]
    conflict: str | None

    @property
    def method(self) -> str:
        """The signals at or above their floor, `+`-joined in a fixed order (`title+departments`)."""
        return "+".join(name for name in FLOORS if self.signals.get(name, -1.0) >= FLOORS[name])


def score(a: Profile, b: Profile) -> Score:
    """How alike two initiatives are (see the module's docstring); 0 where their titles contrast."""
    signals = {
        name: found
        for name, found in (
            ("title", title_similarity(a.title, b.title)),
            ("indicators", names_similarity(a.indicators, b.indicators)),
            ("description", text_similarity(a.description, b.description)),
            ("departments", departments_similarity(a.departments, b.departments)),
        )
        if found is not None
    }
    conflict = contrast(a.title, b.title)
    if conflict or "title" not in signals:
        return Score(0.0, signals, conflict)
    support = [name for name in ("indicators", "description") if name in signals]
    best = max(
        sum(WEIGHTS[name] * signals[name] for name in ("title", *chosen))
        / sum(WEIGHTS[name] for name in ("title", *chosen))
        for chosen in _subsets(support)
    )
    factor = DEPARTMENT_FACTORS[signals["departments"]] if "departments" in signals else 1.0
    return Score(round(best * factor, 4), signals, None)


def least_title_ratio(least_score: float) -> float:
    """The lowest plain title ratio with which a pair can still reach `least_score`: every other signal
    at 1 and no department penalty. A title inside a longer one (the partial-ratio case) has a plain
    ratio of at least 0.6 by itself, so filtering on this bound loses no pair."""
    others = sum(weight for name, weight in WEIGHTS.items() if name != "title")
    return max(0.0, (least_score * sum(WEIGHTS.values()) - others) / WEIGHTS["title"])


def _subsets(names: Sequence[str]) -> list[tuple[str, ...]]:
    subsets: list[tuple[str, ...]] = [()]
    for name in names:
        subsets += [(*chosen, name) for chosen in subsets]
    return subsets
