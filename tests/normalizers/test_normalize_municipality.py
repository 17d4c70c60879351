"""normalizers.municipality: check digits and look-ups against the bundled code list."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from normalizers.municipality import check_digit, is_valid_code, lookup_municipality, municipalities

DATA = Path(__file__).resolve().parents[2] / "normalizers" / "data" / "municipality_codes.csv"

# An independent, hand-written copy of a few rows (総務省 全国地方公共団体コード).
HAND_COPY = [
    ("010006", "北海道", ""),
    ("011002", "北海道", "札幌市"),
    ("131016", "東京都", "千代田区"),
    ("132063", "東京都", "府中市"),
    ("342076", "広島県", "福山市"),
    ("342084", "広島県", "府中市"),
    ("400009", "福岡県", ""),
    ("401307", "福岡県", "福岡市"),
    ("402052", "福岡県", "飯塚市"),
    ("402311", "福岡県", "那珂川市"),
]


def _rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_data_file_columns_and_size() -> None:
    rows = _rows()
    assert list(rows[0]) == ["code", "prefecture", "city", "prefecture_kana", "city_kana"]
    assert len(rows) == 1788
    assert sum(1 for r in rows if not r["city"]) == 47  # one row per prefecture
    assert len({r["code"] for r in rows}) == len(rows)


def test_every_code_in_the_file_has_a_valid_check_digit() -> None:
    rows = _rows()
    bad = [r["code"] for r in rows if check_digit(r["code"][:5]) != int(r["code"][5])]
    assert bad == []
    assert all(is_valid_code(r["code"]) for r in rows)


def test_check_digit_covers_both_special_remainders() -> None:
    # sum mod 11 == 0 gives 1 and == 1 gives 0 (11 - r, last digit); both occur in the file.
    sums = {
        sum(int(d) * w for d, w in zip(r["code"][:5], (6, 5, 4, 3, 2), strict=True)) % 11: r["code"] for r in _rows()
    }
    assert check_digit(sums[0][:5]) == 1
    assert check_digit(sums[1][:5]) == 0


@pytest.mark.parametrize(
    "code", ["4013", "4013a", "401307", "４０１３０"], ids=["short", "letter", "six", "full-width"]
)
def test_check_digit_rejects_malformed(code: str) -> None:
    with pytest.raises(ValueError):
        check_digit(code)


def test_is_valid_code_rejects_wrong_digit() -> None:
    assert is_valid_code("401307")
    assert not is_valid_code("401306")
    assert not is_valid_code("40130")


@pytest.mark.parametrize(("code", "prefecture", "city"), HAND_COPY, ids=[r[0] for r in HAND_COPY])
def test_bundled_rows_match_hand_copy(code: str, prefecture: str, city: str) -> None:
    assert (code, prefecture, city) in set(municipalities())
    assert check_digit(code[:5]) == int(code[5])


LOOKUPS = [
    ("fukuoka", "福岡市", None, ("401307", "福岡県")),
    ("iizuka", "飯塚市", None, ("402052", "福岡県")),
    ("fukuyama", "福山市", None, ("342076", "広島県")),
    ("prefecture-row", "福岡県", None, ("400009", "福岡県")),
    ("fuchu-ambiguous", "府中市", None, None),
    ("fuchu-hiroshima", "府中市", "広島県", ("342084", "広島県")),
    ("fuchu-tokyo", "府中市", "東京都", ("132063", "東京都")),
    ("date-ambiguous", "伊達市", None, None),
    ("date-fukushima", "伊達市", "福島県", ("072133", "福島県")),
    ("date-hokkaido", "伊達市", "北海道", ("012335", "北海道")),
    ("prefecture-prefix", "広島県府中市", None, ("342084", "広島県")),
    ("wrong-prefecture", "福岡市", "広島県", None),
    ("spaced", " 福岡市 ", None, ("401307", "福岡県")),
    ("unknown", "架空市", None, None),
    ("empty", "", None, None),
]


@pytest.mark.parametrize(("name", "prefecture", "expected"), [r[1:] for r in LOOKUPS], ids=[r[0] for r in LOOKUPS])
def test_lookup_municipality(name: str, prefecture: str | None, expected: tuple[str, str] | None) -> None:
    assert lookup_municipality(name, prefecture) == expected
