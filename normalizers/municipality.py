"""全国地方公共団体コード (JIS X 0402 + check digit) of the municipalities that publish the plans.

The code list is the bundled `data/municipality_codes.csv` (see `data/README.md`), read once,
lazily, on the first look-up.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import NamedTuple

from normalizers.text import clean_text

#: Weights of the five code digits in the check-digit sum (総務省, 全国地方公共団体コード).
CHECK_DIGIT_WEIGHTS: tuple[int, ...] = (6, 5, 4, 3, 2)
DATA_FILE = "municipality_codes.csv"


class Municipality(NamedTuple):
    """One row of the code list; `city` is empty for a prefecture's own row."""

    code: str
    prefecture: str
    city: str


def check_digit(code5: str) -> int:
    """Check digit of a five-digit 団体コード.

    Sum the digits weighted 6, 5, 4, 3, 2; the check digit is the last digit of
    11 − (sum mod 11), i.e. (11 − r) mod 10: r = 0 gives 1, r = 1 gives 0.  Every row of the
    bundled list satisfies this (tested).

    >>> check_digit("40130")  # 福岡市 → 401307
    7
    """
    if len(code5) != 5 or not code5.isascii() or not code5.isdigit():
        raise ValueError(f"expected five ASCII digits, got {code5!r}")
    remainder = sum(int(d) * w for d, w in zip(code5, CHECK_DIGIT_WEIGHTS, strict=True)) % 11
    return (11 - remainder) % 10


def is_valid_code(code6: str) -> bool:
    """Whether a six-digit code's last digit is the check digit of the first five."""
    return len(code6) == 6 and code6.isascii() and code6.isdigit() and check_digit(code6[:5]) == int(code6[5])


@cache
def municipalities() -> tuple[Municipality, ...]:
    """All rows of the bundled code list, in file order (prefectures and municipalities)."""
    text = resources.files("normalizers").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return tuple(Municipality(row["code"], row["prefecture"], row["city"]) for row in csv.DictReader(io.StringIO(text)))


@cache
def _index() -> dict[str, tuple[Municipality, ...]]:
    """Rows by name: city name for municipalities, prefecture name for prefecture rows."""
    index: dict[str, list[Municipality]] = {}
    for row in municipalities():
        index.setdefault(row.city or row.prefecture, []).append(row)
    return {name: tuple(rows) for name, rows in index.items()}


@cache
def _prefectures() -> tuple[str, ...]:
    return tuple(dict.fromkeys(row.prefecture for row in municipalities()))


def lookup_municipality(name: str, prefecture: str | None = None) -> tuple[str, str] | None:
    """(6-digit code, prefecture) of a municipality (or prefecture) name, or None.

    `福岡市` → (`401307`, `福岡県`).  A name shared by several municipalities (`府中市`,
    `伊達市`) gives None unless `prefecture` (or a prefecture prefix in the name, as in
    `広島県府中市`) picks one.  Unknown names give None.
    """
    name = clean_text(name).replace(" ", "")
    pref = clean_text(prefecture).replace(" ", "") if prefecture else None
    if pref is None:
        # `福岡県福岡市`: a printed prefecture prefix disambiguates like the argument.
        for candidate in _prefectures():
            if name.startswith(candidate) and name != candidate:
                pref, name = candidate, name[len(candidate) :]
                break
    rows = _index().get(name, ())
    if pref is not None:
        rows = tuple(row for row in rows if row.prefecture == pref)
    if len(rows) != 1:
        return None
    return rows[0].code, rows[0].prefecture
