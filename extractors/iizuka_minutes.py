"""飯塚市 会議録 (seed 003, lines 3-16): a council meeting's record as one `RawMeeting`.

Label rows `label ¦ value` (会議の名称, 開催日時, 開催場所, 出席委員, 欠席委員, 事務局職員, 会議内容,
会議資料, 公開・非公開の別, その他); a row whose label cell is empty continues the field above it
(the 会議内容 cell goes on over a blank line, 11 → 13). Member lists are `、`-separated and
`なし` means nobody. The 事務局職員 cell groups staff under `【部署】` marks: it is split at
`、` and before each `【`, each piece kept as printed.

会議内容 (HTML already reduced to lines by the reader) holds numbered agenda lines
(`2 議題1 … 資料1 …事務局から説明`), `<各委員から出された主な意見>` headings and `・` bullets.
An agenda item is its line up to the `資料N` reference; every bullet is a remark said under
the agenda item above it (also the secretariat's note under `4 その他`, counted as a remark
of that item as printed). Fields other than the named ones go to attributes, and so does
the whole 会議内容 text, so the 資料 references are not lost.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractors.model import Finding, RawMeeting, RawRemark
from extractors.walk import Item

MINUTES_HEADING = "会議録"
NAME = "会議の名称"
HELD = "開催日時"
PLACE = "開催場所"
PRESENT = "出席委員"
ABSENT = "欠席委員"
SECRETARIAT = "事務局職員"
CONTENT = "会議内容"
NOBODY = frozenset({"なし", "無し", "-", "－", "—"})
_AGENDA_RE = regex.compile(r"^\d+\s+\S")
# The agenda item ends where the material it was explained with is named (`資料1 …`).
_MATERIAL_RE = regex.compile(r"\s+資料\s*\d+.*$", regex.DOTALL)
_BULLET_RE = regex.compile(r"(?:^|\s)・\s*")
_HEADING_RE = regex.compile(r"^<[^<>]+>$")
_SECRETARIAT_SPLIT_RE = regex.compile(r"、|\s+(?=【)")


def split_members(text: str) -> tuple[str, ...]:
    """`、`-separated names; `なし` (nobody) gives an empty tuple."""
    text = text.strip()
    if text in NOBODY:
        return ()
    return tuple(p.strip() for p in text.split("、") if p.strip())


def split_secretariat(text: str) -> tuple[str, ...]:
    """Staff pieces split at `、` and before each `【部署】` group mark, as printed."""
    return tuple(p.strip() for p in _SECRETARIAT_SPLIT_RE.split(text) if p.strip())


def read_minutes(items: Sequence[Item]) -> tuple[RawMeeting | None, list[Finding]]:
    """The meeting of the minutes part (None when it prints no 会議の名称)."""
    fields: dict[str, list[tuple[str, int | None]]] = {}
    order: list[str] = []
    label: str | None = None
    first_line: int | None = None
    for item in items:
        cells = [c.strip() for c in item.row.texts]
        if item.table is not None or not any(cells) or cells == [MINUTES_HEADING]:
            continue
        if cells[0]:
            label = cells[0]
            first_line = first_line if first_line is not None else item.row.line
            if label not in fields:
                fields[label] = []
                order.append(label)
        if label is None:
            continue
        value = "\n".join(c for c in cells[1:] if c)
        fields[label].append((value, item.row.line))
    if NAME not in fields:
        return None, [Finding("meeting", "error", detail="会議録 without 会議の名称")]

    def text(name: str) -> str:
        return "\n".join(v for v, _ in fields.get(name, []) if v)

    agenda, remarks = _read_content(fields.get(CONTENT, []))
    named = {NAME, HELD, PLACE, PRESENT, ABSENT, SECRETARIAT}
    attributes = tuple((name, text(name)) for name in order if name not in named)
    meeting = RawMeeting(
        name=text(NAME),
        held=text(HELD) or None,
        place=text(PLACE) or None,
        members_present=split_members(text(PRESENT)),
        members_absent=split_members(text(ABSENT)),
        secretariat=split_secretariat(text(SECRETARIAT)),
        agenda=tuple(agenda),
        remarks=tuple(remarks),
        attributes=attributes,
        line=first_line,
    )
    per_item = {a: sum(1 for r in remarks if r.agenda_item == a) for a in agenda}
    detail = "; ".join(f"{a}: {n}" for a, n in per_item.items() if n)
    finding = Finding("meeting_remarks", "ok" if remarks else "warning", found=len(remarks), detail=detail)
    return meeting, [finding]


def _read_content(parts: list[tuple[str, int | None]]) -> tuple[list[str], list[RawRemark]]:
    """Agenda items and the bullets said under each, from the 会議内容 cells in order."""
    agenda: list[str] = []
    remarks: list[RawRemark] = []
    current: str | None = None
    for value, line in parts:
        for text_line in value.split("\n"):
            text_line = text_line.strip()
            if not text_line or _HEADING_RE.match(text_line):
                continue
            if _AGENDA_RE.match(text_line):
                current = _MATERIAL_RE.sub("", text_line).strip()
                agenda.append(current)
                continue
            # Only text after a `・` is a remark; other prose stays in the 会議内容 attribute.
            for bullet in _BULLET_RE.split(text_line)[1:]:
                if bullet.strip():
                    remarks.append(RawRemark(text=bullet.strip(), agenda_item=current, line=line))
    return agenda, remarks
