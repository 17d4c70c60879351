"""Indicator blocks: value headings (`現状値（2014年度）`, `中間目標`, `R6目標`), value-row labels (目標 / 実績)
and banner targets (`入学者数 40人（2014年度）→ 45人（2019年度）`).

A table of numbers is an indicator block only where a heading says so: a value heading of
the vocabulary, an indicator-name heading (指標名, KPI), or a 目標 / 実績 row label under
fiscal-year columns.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from normalizers.era import fiscal_year
from normalizers.text import fullwidth_to_halfwidth
from recognizers.vocabulary import label_key, meaning, terms
from recognizers.years import ERA_YEAR, GREGORIAN_YEAR

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_YEAR_TEXT = rf"(?:{ERA_YEAR}|{GREGORIAN_YEAR}|(?:元|\d{{1,2}}))\s*(?:\(\s*[^()]{{1,8}}\s*\))?\s*(?:年度|年)?末?"


_YEAR_ONLY_RE = regex.compile(rf"^{_YEAR_TEXT}$")


@dataclass(frozen=True)
class ValueHeading:
    """A value column's heading: the kind it announces and the fiscal year it prints, if any."""

    column: int
    kind: str
    text: str
    year: int | None


_ACTUAL_WORDS = ("実績", "実績値")


@functools.cache
def _heading_re() -> regex.Pattern[str]:
    words = "|".join(regex.escape(t) for t in terms("value_heading"))
    return regex.compile(
        rf"^(?P<pre>{_YEAR_TEXT})?\s*(?P<word>{words})\s*(?:\((?P<paren>[^()]*)\)|(?P<post>{_YEAR_TEXT}))?\s*$"
    )


def read_value_heading(text: str, column: int = 0, era: str = "令和") -> ValueHeading | None:
    """The value heading a cell prints (`現状値（2年度）` → baseline of FY2020), or None.

    >>> read_value_heading("目標値（2019年度）").kind, read_value_heading("目標値（2019年度）").year
    ('final_target', 2019)
    >>> read_value_heading("R6目標").year
    2024
    """
    key = regex.sub(r"\s+", "", fullwidth_to_halfwidth(text))
    match = _heading_re().match(key)
    if not match:
        return None
    kind = meaning("value_heading", match["word"])
    if kind is None:
        return None
    year_text = match["pre"] or match["post"] or match["paren"] or ""
    year = fiscal_year(year_text, era) if year_text else None
    if match["paren"] and regex.search(r"\d", match["paren"]) and not _YEAR_ONLY_RE.match(match["paren"]):
        return None  # `目標値（2019年度末までに50%）` prints a value, not a year
    return ValueHeading(column, kind, text, year)


def value_headings(cells: Sequence[str], era: str = "令和") -> list[ValueHeading]:
    """The value headings of a row, left to right, with kinds settled for the row as a whole.

    Several targets of different years (`R6目標 | R7目標 | R8目標`) are per-year `target`s,
    not one final target each; a lone `目標値` beside a baseline is the final target; a 実績 column
    is the baseline a target starts from, unless another column is the baseline.
    """
    found = [h for i, c in enumerate(cells) if c.strip() and (h := read_value_heading(c, i, era))]
    if any(h.kind == "baseline" and _word(h.text) not in _ACTUAL_WORDS for h in found):
        # `基準値（H30） | R4実績 | R5実績 | R6目標`: beside a baseline, the years' 実績 are actuals.
        found = [
            ValueHeading(h.column, "actual", h.text, h.year) if _word(h.text) in _ACTUAL_WORDS else h for h in found
        ]
    plain = [h for h in found if h.kind == "final_target" and _word(h.text) in ("目標", "目標値")]
    if len(plain) > 1 and len({h.year for h in plain}) == len(plain):
        found = [ValueHeading(h.column, "target", h.text, h.year) if h in plain else h for h in found]
    return found


def _word(text: str) -> str:
    match = _heading_re().match(regex.sub(r"\s+", "", fullwidth_to_halfwidth(text)))
    return match["word"] if match else ""


def is_name_heading(text: str) -> bool:
    """An indicator-name column heading (`指標名`, `重要業績評価指標（KPI）`)."""
    return meaning("indicator_name_heading", text) is not None


def numbered_row_kind(text: str) -> tuple[str | None, int | None]:
    """(kind, indicator number) of a value-row label: `目標②` is the target row of the card's second indicator."""
    key = label_key(text)
    number = None
    if key and key[-1] in CIRCLED:
        number, key = CIRCLED.index(key[-1]) + 1, key[:-1]
    kind = meaning("value_row_label", key)
    return (kind, number) if kind else (None, None)


def comparison_series(text: str) -> str | None:
    """The series of a row label that prints a comparison group's values (`平均値`, `全国平均`), else None.

    Such a row stands beside the row of the plan's own values (`当該値`): its values are actuals of
    another body, kept apart by their series (the label as printed).
    """
    return label_key(text) if meaning("comparison_row_label", text) is not None else None


def named_row_kind(text: str) -> str | None:
    """The kind of a row label that names its indicator and ends in a kind word (`業務量削減目標値（時間）` → target).

    A bare kind word (`目標`) names no indicator: that is `numbered_row_kind`'s.
    """
    key = regex.sub(r"[(（][^()（）]*[)）]$", "", label_key(text))
    for word in terms("value_row_label"):
        # `…計画` is left out: a schedule row may be labelled `整備計画`.
        if ("目標" in word or "実績" in word) and key.endswith(word) and len(key) > len(word) + 1:
            return meaning("value_row_label", word)
    return None


def split_indicator_names(text: str) -> list[tuple[str, str | None]]:
    """(name, note) of each indicator a name cell lists: `①電子決裁率⏎②コピー用紙の利用枚数 ※2020年度実績：…`.

    Circled numbers separate the names; a `※` starts the note of its name.
    """
    parts = [p for p in regex.split(r"(?=[①-⑳])", text.strip()) if p.strip()]
    out = []
    for part in parts:
        name, mark, note = part.lstrip(CIRCLED).partition("※")
        name = regex.sub(r"\s+", " ", name).strip()
        if name:
            out.append((name, regex.sub(r"\s+", " ", note).strip() or None if mark else None))
    return out


@dataclass(frozen=True)
class BannerTarget:
    """A target printed as a sentence: a name, a baseline with its year, a target with its year."""

    name: str
    baseline: str
    baseline_year: str
    target: str
    target_year: str


_VALUE = r"[△▲-]?\s*[\d,.]+\s*[^\d\s()（）→⇒]{0,6}"
# A target may be stated relative to the baseline (`612人（R元）→ 維持（R6）`).
_TARGET = rf"(?:{_VALUE}|現状維持|維持|増加|減少|向上|現状以上)"
_BANNER_RE = regex.compile(
    rf"^(?:[【\[]?(?P<label>数値目標|目標|KPI|指標)[】\]]?\s*[:：]?\s*)?(?P<name>.*?\S)\s*(?P<base>{_VALUE})\s*"
    rf"[(（](?P<by>[^()（）]{{2,14}})[)）]\s*[→⇒➡]\s*(?P<target>{_TARGET})\s*[(（](?P<ty>[^()（）]{{2,14}})[)）]\s*$"
)


def read_banner_target(text: str, era: str = "令和") -> BannerTarget | None:
    """A banner target line, or None; both years must read as fiscal years.

    >>> read_banner_target("入学者数40人（2014年度）→45人（2019年度）").target
    '45人'
    """
    line = regex.sub(r"\s+", " ", text.strip())
    match = _BANNER_RE.match(line)
    if not match or fiscal_year(match["by"], era) is None or fiscal_year(match["ty"], era) is None:
        return None
    name = match["name"].strip(" :：")
    if not regex.search(r"\p{Han}|\p{Katakana}|\p{Hiragana}", name) or label_key(name) == "":
        return None
    return BannerTarget(name, match["base"].strip(), match["by"], match["target"].strip(), match["ty"])


@dataclass(frozen=True)
class LineValue:
    """One value of an indicator line: the kind its word announces, the value, its year as printed."""

    kind: str
    text: str
    year: str


_LINE_RE = regex.compile(
    r"^(?:(?P<label>指標|数値目標|KPI)\s*[:：]\s*)?(?P<name>[^:：]+?)\s*(?:[:：]|\s)\s*(?P<rest>.+)$"
)
_SEGMENT_RE = regex.compile(
    r"^(?P<word>[^\d\s△▲(（]{1,5})\s*(?P<value>[△▲-]?\s*[\d,.]+\s*[^\d\s()（）→⇒/／]{0,6})\s*[(（](?P<year>[^()（）]{2,14})[)）]$"
)


def read_value_line(text: str, era: str = "令和") -> tuple[str, list[LineValue]] | None:
    """An indicator printed as a line of worded values, or None.

    `指標：電子申請件数 現状 1,240件（令和4年度）→ 目標 3,000件（令和7年度）` and
    `効果額（千円）：目標 1,200（令和7年度）／実績 980（令和5年度）`: each value follows a word of the
    vocabulary (現状, 目標, 実績 …) and prints its year; `→`, `／` or `、` separate them.
    """
    line = regex.sub(r"\s+", " ", fullwidth_to_halfwidth(text).strip())
    match = _LINE_RE.match(line)
    if not match:
        return None
    segments = [s.strip() for s in regex.split(r"\s*(?:→|⇒|/|、)\s*", match["rest"]) if s.strip()]
    values = []
    for segment in segments:
        found = _SEGMENT_RE.match(segment)
        if found is None:
            return None
        word = found["word"].strip()
        kind = meaning("value_row_label", word) or meaning("value_heading", word)  # `実績 980（…）` is an actual
        if kind is None or fiscal_year(found["year"], era) is None:
            return None
        values.append(LineValue("final_target" if kind == "target" else kind, found["value"].strip(), found["year"]))
    if len(values) < 2 or not regex.search(r"\p{Han}|\p{Katakana}|\p{Hiragana}", match["name"]):
        return None
    return match["name"].strip(), values


_LEGEND_RE = regex.compile(rf"^【\s*】\s*(?P<year>(?:{ERA_YEAR}|{GREGORIAN_YEAR})\s*年度?)\s*(?P<series>\S{{2,12}})$")
_BRACKETED_RE = regex.compile(r"^【\s*(?P<value>[△▲-]?\s*[\d,]+(?:\.\d+)?)\s*】$")


@dataclass(frozen=True)
class BracketLegend:
    """A chart legend's `【】 平成26年度全国平均`: the bracketed figures by the charts are this series' values."""

    series: str
    year_text: str
    year: int | None


def read_bracket_legend(text: str, era: str = "令和") -> BracketLegend | None:
    """The series and year a `【】 …` legend line gives bracketed figures, or None."""
    match = _LEGEND_RE.match(regex.sub(r"\s+", " ", fullwidth_to_halfwidth(text).strip()))
    if match is None or comparison_series(match["series"]) is None:
        return None
    return BracketLegend(label_key(match["series"]), match["year"].strip(), fiscal_year(match["year"], era))


def read_bracketed_figure(text: str) -> str | None:
    """The figure of a line that prints only a bracketed number (`【992.47】`), or None."""
    match = _BRACKETED_RE.match(fullwidth_to_halfwidth(text).strip())
    return match["value"] if match else None
