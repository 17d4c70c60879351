"""Footnote and glossary definitions (`terms`), in the three styles the documents print.

* Page-bottom footnotes (seed 000, docs/layouts.md §1): a superscript marker, the term, `：` or `:`,
  the definition — `¹ 共働：相互の役割と…`, `⁴ AI : [Artificial Intelligence] : …`,
  `³⁷全庁OA:…`. A term explained on an earlier page is printed again as a *reference*,
  `²⁴キャッシュレス決済：P4の脚注参照。` (spacing varies: `P 1の`, `P 1 の`, `: P5の`).
* A glossary with numbered `※` markers (seed 001, §2): `※1 チャットボット:…` … `※10 RPA:…`,
  pointed at from the text by `^{※1}` … `^{※10}`.
* A lone `※` note that defines a word (seed 004, §5): `※DX：ICTの浸透が…`.

The term is everything before the first colon and is kept as printed (`I o T`, `○JT`, the OCR
of `OJT`): the normalize stage cleans it. A reference is not a term of its own: it counts
towards `RawTerm.references` of the first definition of the same term (compared without
spaces and width differences, so `IoT` finds `I o T`); a reference that no definition in
the document answers is a finding. Notes that define nothing (`※基本方針の詳細はP8以降で…`,
`※ 飯塚市議会に対しては、…`) have no short term before a colon and are not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from extractors.model import Finding, RawTerm
from extractors.walk import Item
from normalizers.text import SUPERSCRIPT_DIGITS, fullwidth_to_halfwidth

# Marker, term, first colon, definition. The term is short, starts with neither a digit nor a
# space and holds no 、/。, so that a sentence that happens to contain a colon is not a
# definition. `※\d{1,2}` is tried before a bare `※`, so `※10 RPA` has the marker `※10`.
_DEFINITION_RE = regex.compile(
    rf"^\s*(?P<marker>[{SUPERSCRIPT_DIGITS}]+|※\s*\d{{1,2}}(?!\d)|※)\s*"
    r"(?P<term>[^:：、。\s\d][^:：、。]{0,29}?)\s*[:：]\s*(?P<definition>\S.*)$",
    regex.DOTALL,
)
# `P4の脚注参照。`, `P 1の脚注参照。`, `P 1 の脚注参照。`: the term is explained on page N.
_REFERENCE_RE = regex.compile(r"^P\s*(?P<page>\d{1,3})\s*の\s*脚注\s*参照\s*。?$")
# In-text pointers of the numbered glossary: `^{※1}`.
_CARET_MARKER_RE = regex.compile(r"\^\{\s*※\s*(?P<number>\d{1,2})\s*\}")
_SUPERSCRIPT_VALUES = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


@dataclass(frozen=True)
class _Footnote:
    """One printed footnote line, before references are resolved."""

    marker: str
    term: str
    definition: str
    line: int | None
    page: int | None
    reference_page: int | None  # set for `Pnの脚注参照` references


def _key(term: str) -> str:
    """The term compared across footnotes: width, spacing and case do not matter (`I o T` = `IoT`)."""
    return regex.sub(r"\s+", "", fullwidth_to_halfwidth(term)).casefold()


def _marker_number(marker: str) -> tuple[str, int] | None:
    """(style, number) of a numbered marker: `¹⁰` → ("superscript", 10), `※3` → ("※", 3); None for a bare `※`."""
    if marker.startswith("※"):
        digits = marker[1:].strip()
        return ("※", int(digits)) if digits else None
    return "superscript", int(marker.translate(_SUPERSCRIPT_VALUES))


def _parse_footnote(text: str, line: int | None, page: int | None) -> _Footnote | None:
    """The footnote printed in one line of text, or None when the line defines nothing."""
    m = _DEFINITION_RE.match(text)
    if m is None:
        return None
    definition = m["definition"].strip()
    reference = _REFERENCE_RE.match(definition)
    return _Footnote(
        marker=regex.sub(r"\s+", "", m["marker"]),
        term=m["term"].strip(),
        definition=definition,
        line=line,
        page=page,
        reference_page=int(reference["page"]) if reference else None,
    )


def read_terms(items: Sequence[Item]) -> tuple[list[RawTerm], list[Finding]]:
    """Definitions of the document as terms in printed order, references counted on them, and findings.

    Only one-cell rows are read: footnotes and glossaries are printed as lines of their own,
    while `※` inside table rows are value notes. Findings: `terms` (definitions and resolved
    references), `footnote_numbering` per numbered marker style (markers should run 1…N),
    `glossary_markers` (every in-text `^{※n}` has a definition `※n`) and one
    `footnote_reference_unresolved` per reference without a definition.
    """
    footnotes: list[_Footnote] = []
    pointers: list[int] = []
    for item in items:
        texts = item.texts
        if item.table is None:
            pointers.extend(int(m["number"]) for t in texts for m in _CARET_MARKER_RE.finditer(t))
        if item.table is not None or len(texts) != 1:
            continue
        if (footnote := _parse_footnote(texts[0], item.row.line, item.row.page)) is not None:
            footnotes.append(footnote)
    if not footnotes and not pointers:
        return [], []
    definitions = [f for f in footnotes if f.reference_page is None]
    references = [f for f in footnotes if f.reference_page is not None]

    terms = [RawTerm(f.term, f.definition, marker=f.marker, line=f.line, page=f.page) for f in definitions]
    # First definition of each term: references resolve to it even when printed before it.
    first: dict[str, int] = {}
    for index, term in enumerate(terms):
        first.setdefault(_key(term.term), index)
    findings: list[Finding] = []
    resolved = 0
    for ref in references:
        target = first.get(_key(ref.term))
        if target is None:
            findings.append(
                Finding(
                    "footnote_reference_unresolved",
                    "warning",
                    detail=f"line {ref.line}: {ref.marker}{ref.term}: {ref.definition} (no definition of the term)",
                )
            )
            continue
        terms[target] = replace(terms[target], references=terms[target].references + 1)
        resolved += 1
    if footnotes:
        findings.insert(
            0,
            Finding(
                "terms",
                "ok" if resolved == len(references) else "warning",
                expected=len(footnotes),
                found=len(definitions) + resolved,
                detail=f"definitions {len(definitions)}, references resolved {resolved}/{len(references)}",
            ),
        )
    findings.extend(_numbering(footnotes))
    if pointers:
        findings.append(_glossary_markers(pointers, footnotes))
    return terms, findings


def _numbering(footnotes: list[_Footnote]) -> list[Finding]:
    """Numbered markers of one style should run 1, 2, … N in printed order: a gap is a lost footnote."""
    by_style: dict[str, list[int]] = {}
    for footnote in footnotes:
        if (numbered := _marker_number(footnote.marker)) is not None:
            by_style.setdefault(numbered[0], []).append(numbered[1])
    out = []
    for style, numbers in by_style.items():
        expected = max(numbers)
        in_order = numbers == list(range(1, expected + 1))
        missing = sorted(set(range(1, expected + 1)) - set(numbers))
        detail = f"{style} markers 1-{expected}"
        if missing:
            detail += f"; missing {missing}"
        if not in_order and not missing:
            detail += "; out of order or repeated"
        out.append(Finding("footnote_numbering", "ok" if in_order else "warning", expected, len(numbers), detail))
    return out


def _glossary_markers(pointers: list[int], footnotes: list[_Footnote]) -> Finding:
    """Every in-text `^{※n}` should have its `※n` definition."""
    defined = {n[1] for f in footnotes if (n := _marker_number(f.marker)) is not None and n[0] == "※"}
    wanted = sorted(set(pointers))
    missing = [n for n in wanted if n not in defined]
    return Finding(
        "glossary_markers",
        "warning" if missing else "ok",
        expected=len(wanted),
        found=len(wanted) - len(missing),
        detail=f"{len(pointers)} in-text markers" + (f"; no definition for ※{missing}" if missing else ""),
    )
