"""Units of indicators, as printed in indicator names (`…割合（％）`) and beside values (`13分野`)."""

from __future__ import annotations

import re

from normalizers.text import collapse_whitespace, fullwidth_to_halfwidth

#: Reviewed list of unit strings seen in the seed documents' indicator names and value cells
#: (after full-width → half-width conversion, so `％` is `%` and `件／月` is `件/月`).
#: Compound units are listed whole so that the longest match wins (`時間/年` before `時間`).
UNITS: tuple[str, ...] = (
    # rates and ratios
    "%",
    "GJ/世帯",
    "件/月",
    "回/月",
    "時間/年",
    # money (千円 is the unit of 財政効果目標額; `4千万円` is a number in 円, see numbers.py)
    "千円",
    "円",
    # time and length
    "時間",
    "km",
    "ha",
    # counts of things
    "件",
    "回",
    "手続",
    "業務",
    "事務",
    "分野",
    "施設",
    "館",
    "校",
    "台",
    "枚",
    "個",
    "本",
    "品目",
    "品",
    "項目",
    "種類",
    "システム",
    "か所",
    "箇所",
    "窓口",
    "事業",
    # counts of people and bodies
    "万人",
    "人",
    "名",
    "者",
    "世帯",
    "組",
    "社",
    "団体",
    # areas
    "校区",
    "学区",
    "地区",
    "区",
    # scores
    "点",
)

#: UNITS longest first, for matching at the start of a string.
UNITS_LONGEST_FIRST: tuple[str, ...] = tuple(sorted(UNITS, key=len, reverse=True))

# A bracketed group at the very end of a name: `（％）`, `(回/月)`, `[GJ/世帯]`.
_TRAILING_GROUP = re.compile(r"[(\[]([^()\[\]]*)[)\]]\s*$")
# `4点満点`: a score out of N points.
_POINTS = re.compile(r"\d+(?:\.\d+)?点満点")


def _normalize(name: str) -> str:
    return collapse_whitespace(fullwidth_to_halfwidth(name))


def _classify(content: str) -> tuple[str | None, str | None]:
    """(unit, qualifier) of one bracketed group."""
    if content in UNITS:
        return content, None
    if _POINTS.fullmatch(content):
        return "点", content
    # `達成率・%`: a qualifier and the unit in one group.
    head, sep, tail = content.rpartition("・")
    if sep and head and tail in UNITS:
        return tail, head
    return None, content or None


def unit_from_name(name: str) -> tuple[str | None, str | None]:
    """(unit, qualifier note) from the bracketed groups at the end of an indicator name.

    `…割合（年間処理件数ベース）（％）` → (`%`, `年間処理件数ベース`); `[GJ/世帯]` → `GJ/世帯`;
    `（件／月）` → `件/月`; `（4点満点）` → (`点`, `4点満点`); `(5段階評価)` → (None,
    `5段階評価`); `…数（累計）` → (None, `累計`).  The rightmost group naming a unit gives the
    unit; the other trailing groups are qualifiers, joined with `; ` in printed order.
    Names with no trailing group give (None, None).
    """
    s = _normalize(name)
    unit: str | None = None
    qualifiers: list[str] = []
    while m := _TRAILING_GROUP.search(s):
        group_unit, qualifier = _classify(m.group(1).strip())
        if group_unit is not None and unit is None:
            unit = group_unit
        elif group_unit is not None:
            # A second unit group further left (rare) is kept as a qualifier, not lost.
            qualifier = m.group(1).strip() if qualifier is None else qualifier
        if qualifier:
            qualifiers.append(qualifier)
        s = s[: m.start()].rstrip()
    qualifiers.reverse()
    return unit, "; ".join(qualifiers) or None


def match_unit(s: str) -> str | None:
    """The longest unit of `UNITS` that `s` starts with (after width normalization), or None."""
    s = fullwidth_to_halfwidth(s)
    for unit in UNITS_LONGEST_FIRST:
        if s.startswith(unit):
            return unit
    return None
