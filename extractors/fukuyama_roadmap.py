"""福山市 デジタル化実行計画 (seed 004): the ロードマップ, 施策 rows over 2021–2024年度.

Each 施策 gets a few grid rows (schedule rows of the 施策 card) and each 基本方針 a 到達イメージ
(an attribute of its 施策 cards). Rows printed one column left (310, 314, 318) are shifted back,
a 施策 labelled twice (312, 314) keeps the rows printed below each label, and `●` milestones
right of the year columns are kept without a year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.fukuyama_overview import YEAR_RE, Measure, Overview
from extractors.model import Finding, RawScheduleCell, RawScheduleRow
from pipeline.blocks import Document, Table

ROADMAP_IMAGE = "到達イメージ"
MILESTONE = "●"  # a milestone mark in a year cell


@dataclass
class Roadmap:
    """The ロードマップ as read: grid rows per 施策, 到達イメージ per 基本方針, milestones without a year."""

    rows: dict[str, list[RawScheduleRow]] = field(default_factory=dict)
    images: dict[str, str] = field(default_factory=dict)  # 基本方針 number → 到達イメージ
    milestones: dict[str, list[str]] = field(default_factory=dict)  # 施策 path → ● outside the years
    findings: list[Finding] = field(default_factory=list)


def measure_of(text: str, overview: Overview) -> tuple[Measure, str] | None:
    """(施策, rest of the cell) when the cell starts with a 施策 name of the 概要 table."""
    best: tuple[Measure, str] | None = None
    for measure in overview.measures.values():
        if text.startswith(measure.name) and (best is None or len(measure.name) > len(best[0].name)):
            best = (measure, text[len(measure.name) :].strip())
    return best


def policy_of(text: str, overview: Overview) -> str | None:
    """The 基本方針 number whose name the cell prints, if any."""
    return next((no for no, name in overview.policies.items() if text == name), None)


def read_roadmap(document: Document, overview: Overview) -> Roadmap:
    """The ロードマップ grid: rows per 施策 over 2021–2024年度, 到達イメージ per 基本方針.

    Three rows (310, 314, 318) print their 施策 in the 基本方針 column and every cell one column
    left; so do the unlabelled rows under them whose first cell is not a 施策 (319, 320). Such a
    row is shifted back by one column before its cells are placed under the years.
    """
    out = Roadmap()
    if not overview.measures:
        out.findings.append(
            Finding("roadmap", "error", detail="no 概要 table: the ロードマップ's 施策 cannot be named")
        )
        return out
    table = next(
        (
            b
            for b in document.blocks()
            if isinstance(b, Table)
            and b.rows
            and ROADMAP_IMAGE in [t.strip() for t in b.rows[0].texts]
            and sum(1 for t in b.rows[0].texts if YEAR_RE.match(t.strip())) >= 2
        ),
        None,
    )
    if table is None:
        out.findings.append(Finding("roadmap", "warning", detail="no ロードマップ table (years + 到達イメージ) found"))
        return out
    header = [t.strip() for t in table.rows[0].texts]
    year_cols = {col: text for col, text in enumerate(header) if YEAR_RE.match(text)}
    image_col = header.index(ROADMAP_IMAGE)
    policy_no: str | None = None
    measure: Measure | None = None
    first_seen: dict[str, int | None] = {}
    outside: list[str] = []
    for row in table.rows[1:]:
        cells = [t.strip() for t in row.texts]
        if not any(cells):
            continue
        head = cells[0]
        second = cells[1] if len(cells) > 1 else ""
        if head and measure_of(head, overview):
            shift = 1
        elif head and policy_of(head, overview) is None:
            out.findings.append(
                Finding("roadmap_row_unread", "error", detail=f"line {row.line}: first cell {head!r} names no 施策")
            )
            continue
        elif not head and second and not measure_of(second, overview):
            shift = 1
        else:
            shift = 0
        label: str | None = None
        placed: list[RawScheduleCell] = []
        for col, text in ((c + shift, t) for c, t in enumerate(cells) if t):
            if col == 0:
                policy_no = policy_of(text, overview)
            elif col == 1:
                found = measure_of(text, overview)
                if found is None:
                    out.findings.append(
                        Finding("roadmap_row_unread", "error", detail=f"line {row.line}: {text!r} names no 施策")
                    )
                    continue
                measure, rest = found
                label = rest or None
                if measure.path in first_seen and first_seen[measure.path] != row.line:
                    out.findings.append(
                        Finding(
                            "roadmap_measure_repeated",
                            "warning",
                            detail=f"施策 {measure.path} {measure.name} is labelled on lines "
                            f"{first_seen[measure.path]} and {row.line}: the rows after each label are read "
                            "as its rows, as printed (the unlabelled rows between may belong to the 施策 above)",
                        )
                    )
                first_seen.setdefault(measure.path, row.line)
                if policy_no is not None and measure.path.split("-")[0] != policy_no:
                    out.findings.append(
                        Finding(
                            "roadmap_row_unread",
                            "warning",
                            detail=f"line {row.line}: 施策 {measure.path} printed under 基本方針 {policy_no}",
                        )
                    )
                policy_no = measure.path.split("-")[0]
            elif col in year_cols:
                placed.append(RawScheduleCell(year_cols[col], text))
            elif col == image_col and not text.startswith(MILESTONE):
                if policy_no is not None:
                    out.images[policy_no] = text
            else:
                # A `●` milestone right of the year columns: no year can be read for it.
                if measure is not None:
                    out.milestones.setdefault(measure.path, []).append(text)
                outside.append(f"line {row.line}: {text!r}")
        if not placed:
            continue
        if measure is None:
            out.findings.append(
                Finding("roadmap_row_unread", "error", detail=f"line {row.line}: grid row before any 施策")
            )
            continue
        out.rows.setdefault(measure.path, []).append(RawScheduleRow(label=label, cells=tuple(placed), line=row.line))
    if outside:
        out.findings.append(
            Finding(
                "roadmap_cell_outside_years",
                "warning",
                found=len(outside),
                detail="milestones printed right of the year columns, kept as the 施策's `マイルストーン` "
                "attribute, not as schedule cells: " + "; ".join(outside),
            )
        )
    missing = [path for path in overview.measures if path not in out.rows]
    out.findings.append(
        Finding(
            "roadmap_vs_overview",
            "warning" if missing else "ok",
            expected=len(overview.measures),
            found=len(overview.measures) - len(missing),
            detail=f"施策 without ロードマップ rows: {missing}" if missing else "",
        )
    )
    return out
