"""Numbers as printed: kanji multipliers (`3万8千`) and indicator value cells (`5,583 (R3.1月末時点)`).

`parse_value` never guesses: a cell with more than one candidate number that no rule below
disambiguates is reported as status `text` with no value, for a human to read.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from normalizers.era import as_of_date
from normalizers.text import (
    collapse_whitespace,
    drop_wrap_spaces,
    fullwidth_to_halfwidth,
    strip_footnote_marks,
)
from normalizers.units import UNITS_LONGEST_FIRST

# --- kanji numerals -----------------------------------------------------------------------

KANJI_DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
#: Multipliers inside a four-digit section.
SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
#: Multipliers of whole sections (myriads).
BIG_UNITS: dict[str, int] = {"万": 10**4, "億": 10**8, "兆": 10**12}

_KANJI_TOKEN = re.compile(
    r"(?P<arabic>\d[\d,]*(?:\.\d+)?)|(?P<kanji>[〇零一二三四五六七八九]+)|(?P<unit>[十百千万億兆])|(?P<bad>.)",
    re.S,
)


def kanji_to_number(s: str) -> float | None:
    """Value of a number written with arabic or kanji digits and 十/百/千/万/億/兆, or None.

    `3万8千` → 38000, `4千万` → 4e7, `50億` → 5e9, `15,000万` → 1.5e8, `三千` → 3000,
    `1,500` → 1500.  Anything else in the string (units, words, spaces) gives None.
    """
    s = fullwidth_to_halfwidth(s).strip()
    if not s:
        return None
    total = 0.0  # sum of completed myriad sections
    section = 0.0  # value below the current big unit
    current: float | None = None  # digits read but not yet multiplied
    last_big = None  # big units must come in descending order (億 before 万)
    last_small = None  # so must small units within a section (千 before 百)
    for m in _KANJI_TOKEN.finditer(s):
        if m.group("bad") is not None:
            return None
        if m.group("arabic") is not None or m.group("kanji") is not None:
            if current is not None:
                return None  # two numbers in a row: `3 4`
            if m.group("arabic") is not None:
                current = float(m.group("arabic").replace(",", ""))
            else:
                # Kanji digits without multipliers are positional: 二〇二三 = 2023.
                current = float("".join(str(KANJI_DIGITS[c]) for c in m.group("kanji")))
            continue
        unit = m.group("unit")
        if unit in SMALL_UNITS:
            mult = SMALL_UNITS[unit]
            if last_small is not None and mult >= last_small:
                return None
            section += (1.0 if current is None else current) * mult
            last_small = mult
        else:
            mult = BIG_UNITS[unit]
            if last_big is not None and mult >= last_big:
                return None
            section += 0.0 if current is None else current
            if section == 0.0:
                return None  # `万` with nothing before it
            total += section * mult
            section = 0.0
            last_big = mult
            last_small = None
        current = None
    return total + section + (current or 0.0)


# --- value cells --------------------------------------------------------------------------

#: Status vocabulary of `indicator_values.status` (contract), plus `same_as_previous`, which
#: the pipeline resolves against the previous cell (`同左`, `→`) before writing.
STATUSES: tuple[str, ...] = (
    "numeric",
    "not_applicable",
    "pending",
    "not_started",
    "relative",
    "text",
    "same_as_previous",
)

#: Cells that mean "no value for this year".  Dashes of every width and the katakana long
#: vowel mark `ー`, which OCR produces for a dash; a lone kanji `一` is the same OCR artefact
#: (no document prints a bare 1 as a kanji numeral in a value grid).
NOT_APPLICABLE_CELLS: frozenset[str] = frozenset({"-", "‐", "‑", "–", "—", "―", "−", "－", "ー", "ｰ", "一"})
#: Cells meaning the target will be set later.
PENDING_CELLS: frozenset[str] = frozenset(
    {"※", "未確定", "未定", "調査後設定", "今後調査", "指標なし", "設定予定", "検討中"}
)
#: Words that make any cell pending, whatever else it says (`R5年度以降設定※`,
#: `※改修後の利用率調査後に設定`, `指標なし (今後調査)`, `未定（システム導入経費）`).
_PENDING_WORDS = re.compile(r"未確定|未定|調査後|今後調査|以降設定|後に設定|設定予定|指標なし")
NOT_STARTED_CELLS: frozenset[str] = frozenset({"未実施", "未着手"})
#: Cells that repeat the previous column.
SAME_AS_PREVIOUS_CELLS: frozenset[str] = frozenset({"同左", "→", "〃", "同上"})
#: Targets stated relative to the baseline, with their comparator.
RELATIVE_CELLS: dict[str, str] = {
    "現状以上": ">=",
    "現状値以上": ">=",
    "現状以下": "<=",
    "現状値以下": "<=",
    "増加": ">",
    "上昇": ">",
    "向上": ">",
    "減少": "<",
    "低下": "<",
    "維持": "=",
    "現状維持": "=",
}
#: Comparator words printed right after a number (`30以上`).
COMPARATOR_SUFFIXES: dict[str, str] = {"以上": ">=", "以下": "<=", "超": ">", "未満": "<"}
#: Signs printed before negative numbers.  `△`/`▲` are the Japanese accounting minus; their
#: meaning in the targets is inconsistent (extra work or hours saved), so the printed mark
#: is also kept as a note.
NEGATIVE_MARKS: tuple[str, ...] = ("△", "▲")

_NUM = r"\d[\d,]*(?:\.\d+)?"
# A number with optional kanji multipliers.  千 directly before 円 is the unit 千円
# (`360千円` is 360 thousand yen as the tables print it), not a multiplier.
_AMOUNT = rf"{_NUM}(?:(?:[億万]|千(?!円)|百)(?:{_NUM})?)*"
# A unit, optionally per period or per head (`24時間/年`, `件/月`).
_UNIT_ALT = "(?:" + "|".join(re.escape(u) for u in UNITS_LONGEST_FIRST) + ")(?:/(?:年|月|日|人|世帯))?"
_COMPARATOR_ALT = "|".join(COMPARATOR_SUFFIXES)
_TOKEN = re.compile(
    rf"(?P<sign>[△▲]\s*|-(?=\d))?(?P<approx>約\s*)?"
    rf"(?<![A-Za-z0-9.,])(?P<num>{_AMOUNT})(?![\d,])"
    rf"(?:\s*(?P<unit>{_UNIT_ALT}))?"
    rf"(?:\s*/\s*(?P<den>{_AMOUNT})(?:\s*(?P<unit2>{_UNIT_ALT}))?)?"
    rf"(?:\s*(?P<cmp>{_COMPARATOR_ALT}))?"
)
# `15~80`, `15～80`, `15-80`: a range is flagged, not guessed.
# A range starts where a number starts (the lookbehind keeps the search linear on long digit runs).
_RANGE = re.compile(rf"(?<![\d,.]){_NUM}\s*[~～〜\-]\s*{_NUM}")
# More significant digits than a float64 holds: no value of this project is one, and it could not be
# published right; the cell stays text (and is listed in quality as a value that is not a number).
_TOO_MANY_DIGITS = re.compile(r"\d{16}")
# Spans that look like numbers but are years or dates: `2025年度末までに`, `令和7年度までに`,
# `H27年`, `R3.1月`, `R5`.  Numbers inside them are not candidates; the span stays in the note.
_YEAR_TAIL = r"(?:末|中|当初)?(?:まで(?:に)?|から|以降|以内)?"
_TIME_PHRASE = re.compile(
    # era years: `令和7年度までに`, `H27年`, `R3.1月末`, `R5`
    r"(?:(?:令和|平成|昭和)\s*(?:元|\d{1,2})|(?<![A-Za-z])[RHS](?:元|\d{1,2}))"
    rf"(?:\s*年度?{_YEAR_TAIL}|\.\d{{1,2}}月末?|(?![\d.]))"
    # Gregorian years only with 年: a bare `2000` is a value, not a year
    rf"|(?<![\d,.])(?:19|20)\d{{2}}\s*年度?{_YEAR_TAIL}"
)
# A letter of a Japanese word (Han, hiragana, katakana), as opposed to punctuation or space.
_WORD_LETTER = re.compile(r"[\u3005\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PAREN = re.compile(r"\(([^()]*)\)")
# As-of annotations in parentheses: `(R3.1月末時点)`, `(R4.11月末)`, `(R4.11月現在)`.
_AS_OF_PAREN = re.compile(r"\(([^()]*(?:時点|現在|月末)[^()]*)\)")


@dataclass(frozen=True)
class ParsedValue:
    """One indicator value cell, parsed.  See `parse_value`."""

    value: float | None
    status: str
    comparator: str | None = None
    as_of: datetime.date | None = None
    denominator: float | None = None
    unit: str | None = None
    note: str | None = None


def _prepare(text: str) -> str:
    s = unicodedata.normalize("NFC", text)
    # Superscript footnote marks and `※1` only; a bare `※` note is kept.
    s = strip_footnote_marks(s)
    return collapse_whitespace(fullwidth_to_halfwidth(s))


def _bare(s: str) -> str:
    """The cell without spaces and `※` markers, for vocabulary look-ups (`調査後設定 ※`)."""
    return re.sub(r"[\s※]", "", s) or s.strip()


def _join_notes(parts: list[str]) -> str | None:
    # Notes are printed text; wrap spaces inside them are dropped like in titles.
    cleaned = [drop_wrap_spaces(p).strip(" 、,:;・") for p in parts]
    return "; ".join(p for p in cleaned if p) or None


def _is_candidate(m: re.Match[str], times: list[tuple[int, int]]) -> bool:
    """Whether a number token can be a value: not inside a year/date phrase, and not glued
    to a word without a known unit (`3年後`, `7月導入予定`, `2巡目`, `3つの柱`, `3次元`)."""
    if any(start <= m.start("num") < end for start, end in times):
        return False
    if m.group("unit") or m.group("cmp") or m.group("den"):
        return True
    return not _WORD_LETTER.match(m.string, m.end("num"))


def _tokens(s: str) -> list[re.Match[str]]:
    """Number tokens of s that can be the value (see `_is_candidate`)."""
    times = [t.span() for t in _TIME_PHRASE.finditer(s)]
    return [m for m in _TOKEN.finditer(s) if _is_candidate(m, times)]


def _numeric(
    m: re.Match[str],
    text: str,
    other_notes: list[str],
    unit_hint: str | None,
    as_of: datetime.date | None,
    note_override: str | None,
) -> ParsedValue | None:
    """ParsedValue from the one number token `m` found in `text`, or None when inconsistent."""
    value = kanji_to_number(m.group("num"))
    if value is None:
        return None
    notes: list[str] = []
    sign = (m.group("sign") or "").strip()
    if sign in NEGATIVE_MARKS:
        notes.append(sign)
    if sign:
        value = -value
    if m.group("approx"):
        notes.append("約")
    unit = m.group("unit") or m.group("unit2") or unit_hint
    denominator = None
    if m.group("den"):
        denominator = kanji_to_number(m.group("den"))
        if m.group("unit") and m.group("unit2") and m.group("unit") != m.group("unit2"):
            return None  # `35施設/148件`: not one ratio
    comparator = COMPARATOR_SUFFIXES.get(m.group("cmp") or "")
    # Whatever the cell prints around the number is kept as a note (`寄附額`, `減`).
    notes = [text[: m.start()], *notes, text[m.end() :], *other_notes]
    note = note_override if note_override is not None else _join_notes(notes)
    return ParsedValue(
        value=value,
        status="numeric",
        comparator=comparator,
        as_of=as_of,
        denominator=denominator,
        unit=unit,
        note=note,
    )


def parse_value(text: str, default_era: str = "令和") -> ParsedValue:
    """Parse one indicator value cell as printed (tags stripped; may hold newlines).

    Status (contract vocabulary): `numeric` (with value, unit, comparator, denominator,
    as_of, note), `not_applicable` (`-` and other dashes), `pending` (`未確定`, `調査後設定`,
    `今後調査`, `※` alone…), `not_started` (`未実施`), `relative` (`現状以上` → `>=`, `増加`
    → `>`), `same_as_previous` (`同左`, `→`: the pipeline resolves it), `text` (anything else,
    including every cell with several candidate numbers, such as ranges `15~80`).

    >>> parse_value("5,583 (R3.1月末時点)").as_of
    datetime.date(2021, 1, 31)
    >>> parse_value("150手続／800手続").denominator
    800.0
    """
    s = _prepare(text)
    text_only = ParsedValue(value=None, status="text")
    if not s or _TOO_MANY_DIGITS.search(s.replace(",", "")):
        return text_only
    bare = _bare(s)

    # 1. Whole-cell vocabulary.
    if re.fullmatch(r"[-‐‑–—―−－ーｰ]+", bare) or bare in NOT_APPLICABLE_CELLS:
        return ParsedValue(value=None, status="not_applicable")
    if bare in SAME_AS_PREVIOUS_CELLS:
        return ParsedValue(value=None, status="same_as_previous")
    if bare in NOT_STARTED_CELLS:
        return ParsedValue(value=None, status="not_started")
    if bare in RELATIVE_CELLS:
        return ParsedValue(value=None, status="relative", comparator=RELATIVE_CELLS[bare])
    if s.strip() == "※" or bare in PENDING_CELLS:
        return ParsedValue(value=None, status="pending")

    # A bulleted list of activities (`・…を検討 ・現在支援している14学区に加え…`, 004 l.679) is a
    # text target: a number inside its sentences is not the target's value.
    if s.lstrip().startswith(("・", "●")):
        return text_only

    # 2. An as-of annotation `(R3.1月末時点)` becomes a date, not a note.
    as_of = None
    m = _AS_OF_PAREN.search(s)
    if m and (as_of := as_of_date(m.group(1), default_era)) is not None:
        s = collapse_whitespace(s[: m.start()] + " " + s[m.end() :])

    # 3. `※` notes.  After a value (`16 ※新型コロナの影響`) the note is split off; a cell that
    #    starts with `※` is a sentence (`※令和7年度までに20%以上とすることを目標とする。`):
    #    its number is read from the sentence and the whole sentence is the note.
    note_override = None
    star_note: list[str] = []
    star = s.find("※")
    if star == 0:
        note_override = s
        main = s[1:].strip()
    elif star > 0:
        main, star_note = s[:star].strip(), [s[star:].strip()]
    else:
        main = s

    # 4. Pending wording anywhere in the value part.
    if _PENDING_WORDS.search(main or s):
        parens = [p.strip() for p in _PAREN.findall(main)]
        outside = _bare(_PAREN.sub("", main))
        note = _join_notes(parens) if outside in PENDING_CELLS else s
        return ParsedValue(value=None, status="pending", note=note)

    # 5. Ranges are not guessed.
    outside = _PAREN.sub(" ", main)
    if _RANGE.search(outside):
        return ParsedValue(value=None, status="text")

    # 6. Parenthesised parts: a unit alone (`3,395（千円）`) is the unit; the rest are notes,
    #    unless the value itself is in the parentheses (`全校(98)`, `試行実施（2施設）`).
    unit_hint = None
    paren_notes: list[str] = []
    paren_numbers: list[tuple[str, re.Match[str]]] = []
    bare_paren_numbers = 0
    for content in (c.strip() for c in _PAREN.findall(main)):
        if content in UNITS_LONGEST_FIRST:
            unit_hint = content
            continue
        paren_notes.append(content)
        found = _tokens(content)
        if len(found) == 1:
            paren_numbers.append((content, found[0]))
            if found[0].group() == content and not found[0].group("unit"):
                # `5 (10)`: a second bare number (packed two-indicator cells), ambiguous.
                bare_paren_numbers += 1

    tokens = _tokens(outside)
    if len(tokens) == 1 and bare_paren_numbers == 0:
        # `59.6 （90校区）`: the number outside is the value, the parenthesis a qualifier.
        result = _numeric(tokens[0], outside, paren_notes + star_note, unit_hint, as_of, note_override)
        if result is not None:
            return result
    elif not tokens and len(paren_numbers) == 1 and len(paren_notes) == 1:
        # `試行実施（2施設）`, `全校(98)`: the only number is in the parenthesis and the text
        # outside it describes it.
        content, token = paren_numbers[0]
        result = _numeric(token, content, [outside, *star_note], unit_hint, as_of, note_override)
        if result is not None:
            return result
    return ParsedValue(value=None, status="text", as_of=as_of)
