"""福山市 デジタル化実行計画 (seed 004): the 概要 tables, 基本方針 → 施策 → 個別事業.

The 別冊 prints the list twice; the second copy is misaligned from its 基本方針 3 rows on, so
every cell is classified by what it says (`3 デジタル…` a 基本方針, `3-1 …` a 施策, `3` a number,
anything else a name), never by its column. The diagrams' `N事業` counts are read too, to be
compared with the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractors.model import Finding
from pipeline.blocks import Document, Paragraph, Table

OVERVIEW_HEADER = ["基本方針", "施策", "個別事業"]
MEASURE_RE = regex.compile(r"^(?P<no>\d-\d{1,2})\s*(?P<name>\S.*)$")
POLICY_RE = regex.compile(r"^(?P<no>\d)\s*(?P<name>[^\d\s\-－].*)$")
NUMBER_RE = regex.compile(r"^\d{1,2}$")
SUMMARY_COUNT_RE = regex.compile(r"^(?P<n>\d+)事業$")
YEAR_RE = regex.compile(r"^(?P<year>20\d\d)年度$")


@dataclass
class Measure:
    """A 施策 as the 概要 table lists it, with its 個別事業 by number."""

    path: str
    name: str
    policy: str | None
    line: int | None
    entries: dict[int, tuple[str, int | None]] = field(default_factory=dict)


@dataclass
class Overview:
    """The 概要 list: 施策 by path and 基本方針 names by number."""

    measures: dict[str, Measure] = field(default_factory=dict)
    policies: dict[str, str] = field(default_factory=dict)
    end_line: int = 0
    findings: list[Finding] = field(default_factory=list)


def read_overview(document: Document) -> Overview:
    """The 概要 tables: 基本方針 → 施策 → numbered 個別事業, each cell classified by its text."""
    out = Overview()
    policy_no: str | None = None
    measure: Measure | None = None
    for block in document.blocks():
        if not isinstance(block, Table) or not block.rows:
            continue
        if [t.strip() for t in block.rows[0].texts if t.strip()] != OVERVIEW_HEADER:
            continue
        for row in block.rows[1:]:
            out.end_line = max(out.end_line, row.line or 0)
            number: int | None = None
            names: list[str] = []
            for text in (t.strip() for t in row.texts):
                if not text:
                    continue
                if m := MEASURE_RE.match(text):
                    path = m["no"]
                    if policy_no is not None and not path.startswith(f"{policy_no}-"):
                        out.findings.append(
                            Finding(
                                "overview_row_unread",
                                "warning",
                                detail=f"line {row.line}: 施策 {path} printed under 基本方針 {policy_no}",
                            )
                        )
                    policy_no = path.split("-")[0]
                    measure = out.measures.setdefault(
                        path, Measure(path, m["name"].strip(), out.policies.get(policy_no), row.line)
                    )
                elif m := POLICY_RE.match(text):
                    policy_no = m["no"]
                    out.policies[policy_no] = m["name"].strip()
                elif NUMBER_RE.match(text):
                    number = int(text)
                else:
                    names.append(text)
            if number is None and not names:
                continue
            if measure is None or number is None or len(names) != 1:
                out.findings.append(
                    Finding(
                        "overview_row_unread",
                        "error",
                        detail=f"line {row.line}: {[t for t in row.texts if t.strip()]!r} is not `number ¦ name`"
                        + ("" if measure else " under a 施策"),
                    )
                )
                continue
            if number != len(measure.entries) + 1:
                out.findings.append(
                    Finding(
                        "overview_row_unread",
                        "warning",
                        detail=f"line {row.line}: 施策 {measure.path} lists number {number} "
                        f"after {len(measure.entries)} entries",
                    )
                )
            measure.entries[number] = (names[0], row.line)
    for measure in out.measures.values():
        if measure.policy is None:
            measure.policy = out.policies.get(measure.path.split("-")[0])
    return out


def summary_counts(document: Document, before_line: int) -> list[tuple[int, int | None]]:
    """The `10事業`, `4事業` … counts of the 本計画の概要 diagram, in printed order."""
    counts: list[tuple[int, int | None]] = []
    for block in document.blocks():
        if (
            isinstance(block, Paragraph)
            and (block.line or 0) < before_line
            and (m := SUMMARY_COUNT_RE.match(block.text.strip()))
        ):
            counts.append((int(m["n"]), block.line))
    return counts
