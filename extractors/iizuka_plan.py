"""飯塚市 行政経営戦略推進 council packet (seed 003): minutes, vision and plan in one dump.

The dump holds several layouts one after another (docs/layouts.md §4): a 会議録, the
行政経営戦略推進ビジョン素案, the 組織一覧 of proposals, the 取組項目及び優先順位一覧 and the
取組項目個票 cards. `extract` cuts the walk into these parts by their opening lines and
reads each with its own module:

* `iizuka_minutes` — the 会議録 → one `RawMeeting` with its remarks;
* `iizuka_vision` — the cover (document info) and the 成果指標 → the card `vision`;
* `iizuka_list` — the 一覧 rows, and the link of each card with its row;
* `iizuka_cards` — the 個票 cards, numbered 1.. in printed order (no number is printed; the
  order equals the 一覧's ページ番号 for 1-84).

Each initiative is published once: the card, enriched with its 一覧 row's 部局名, 優先順位,
備考 and ページ番号 (also item_no, the only number printed for it) in attributes, and with the
row's title, department, 大分類 or 小分類 (`…（一覧）`) where the card prints them differently;
the card's own values are the published ones. Cards without a row (85-91) are published all
the same and rows without a card are listed: the `cards_vs_list` finding names both.

Completeness findings: `cards_vs_list` (error when a row has no card), `titles_vs_list`,
`departments_vs_list`, `classification_vs_list`, `list_rows`, `cards_vs_proposals` (the
組織一覧's 提案件数 total), `schedule_rows`, `target_rows`, and `truncated_card` when the dump
ends inside a card (that card is published with what it printed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from extractors import iizuka_cards, iizuka_list, iizuka_minutes, iizuka_vision
from extractors.iizuka_cards import CardRead
from extractors.iizuka_list import CardKey, ListRow
from extractors.model import DocumentInfo, Extraction, Finding, RawCard
from extractors.walk import Item, walk
from normalizers.departments import DEPARTMENT_SUFFIXES, split_departments
from pipeline.blocks import Document

LAYOUT = "iizuka_plan"

PARTS = ("minutes", "vision", "organization", "list", "cards")
_LIST_HEADING_RE = regex.compile(r"^取組項目.*一覧$")
_ORGANIZATION_RE = regex.compile(r"組織一覧")
_LIST_HEADER_LINE_RE = regex.compile(r"^ページ番号\t[^\n]*優先順位\t[^\n]*取組項目名", regex.MULTILINE)
_NUMBER_RE = regex.compile(r"^\d+$")
_PARENTHESISED_RE = regex.compile(r"[（(][^()（）]*[)）]")


def detect(document: Document) -> bool:
    """An 一覧 of 取組項目 (header row with ページ番号/優先順位/取組項目名), 個票 cards and 年度計画 grids."""
    text = document.text()
    return (
        iizuka_cards.CARD_HEADER in text
        and "年度計画" in text
        and "取組項目名" in text
        and (_LIST_HEADER_LINE_RE.search(text) is not None or regex.search(r"取組項目\S*一覧", text) is not None)
    )


def _part_of(item: Item) -> str | None:
    """Which part an item opens, if any."""
    if item.table is not None:
        return None
    texts = item.texts
    if iizuka_cards.is_card_header(item.row.texts):
        return "cards"
    if iizuka_list.is_list_header(item.row.texts):
        return "list"
    if len(texts) != 1:
        return None
    text = texts[0]
    if text == iizuka_minutes.MINUTES_HEADING:
        return "minutes"
    if iizuka_vision.is_vision_title(text):
        return "vision"
    if _ORGANIZATION_RE.search(text):
        return "organization"
    if _LIST_HEADING_RE.match(text):
        return "list"
    return None


def split_parts(items: Sequence[Item]) -> dict[str, list[Item]]:
    """The items of each part, from its first opening line to the next part's.

    Each part opens once (its first opening line); once the cards begin nothing else opens,
    since card text may quote anything (`会議録作成支援システムの活用`).
    """
    starts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        part = _part_of(item)
        if part is None or part in seen:
            continue
        seen.add(part)
        starts.append((index, part))
        if part == "cards":
            break
    parts: dict[str, list[Item]] = {}
    for number, (index, part) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(items)
        parts[part] = list(items[index:end])
    return parts


def extract(document: Document) -> Extraction:
    """Read every part of the packet into raw records and completeness findings."""
    parts = split_parts(list(walk(document)))
    findings: list[Finding] = []
    meetings = []
    if "minutes" in parts:
        meeting, found = iizuka_minutes.read_minutes(parts["minutes"])
        findings.extend(found)
        if meeting is not None:
            meetings.append(meeting)
    cover = vision_card = None
    if "vision" in parts:
        cover, vision_card, found = iizuka_vision.read_vision(parts["vision"])
        findings.extend(found)
    rows: list[ListRow] = []
    if "list" in parts:
        rows, found = iizuka_list.read_list(parts["list"])
        findings.extend(found)
    else:
        findings.append(Finding("list_rows", "error", detail="no 取組項目一覧 found"))
    cards = iizuka_cards.read_cards(parts.get("cards", []))
    keys = [CardKey(c.order, c.title, " ".join(c.main_departments), c.line) for c in cards]
    pairs, found = iizuka_list.link(keys, rows)
    findings.extend(found)
    raw_cards = [vision_card] if vision_card else []
    raw_cards.extend(to_raw_card(card, rows[pairs[i]] if i in pairs else None) for i, card in enumerate(cards))
    findings.append(_classification_vs_list(cards, rows, pairs))
    for card in cards:
        findings.extend(replace(f, path=f.path or str(card.order)) for f in card.findings)
    findings.extend(_completeness(cards, parts.get("organization", []), document))
    return Extraction(
        layout=LAYOUT,
        info=_info(cover),
        cards=tuple(raw_cards),
        findings=tuple(findings),
        meetings=tuple(meetings),
    )


def _info(cover: iizuka_vision.VisionCover | None) -> DocumentInfo:
    """The document is described by the vision's cover (the plan prints none of its own)."""
    if cover is None:
        return DocumentInfo(municipality="", title="")
    municipality = cover.municipality or ""
    if not municipality and (m := regex.match(r"^\p{Han}{1,6}?[市町村]", cover.title)):
        municipality = m.group()
    return DocumentInfo(
        municipality=municipality,
        title=cover.title,
        edition=cover.edition,
        published=cover.published,
        period=cover.period,
    )


def is_department_list(cell: str) -> bool:
    """A cell that names departments: every piece ends like a department (課, 室, 担当, `（…）`…).

    Card #5's 関係部署 is a sentence (`…などの部署にも適用可能`): listing its pieces as
    departments would publish fragments of prose.
    """
    # A parenthesised list qualifies the name before it (`経済建設課(穂波、庄内、顕田、筑穂)`).
    names = split_departments(_PARENTHESISED_RE.sub("", cell))[0]
    return bool(names) and all(name.endswith((*DEPARTMENT_SUFFIXES, "担当", ")", "）")) for name in names)


def departments_text(card: CardRead) -> tuple[str | None, list[Finding]]:
    """Main departments first, then related ones, each printed cell separated by `、`."""
    prose = [cell for cell in card.related_departments if not is_department_list(cell)]
    cells = [*card.main_departments, *(c for c in card.related_departments if c not in prose)]
    findings = [
        Finding(
            "departments_not_names",
            "warning",
            detail=f"card {card.order}: 関係部署 {cell[:40]!r}… is prose, kept in attributes only",
        )
        for cell in prose
    ]
    return "、".join(cells) or None, findings


def to_raw_card(card: CardRead, row: ListRow | None) -> RawCard:
    """One published initiative: the card, enriched with its 一覧 row when it has one."""
    attributes = card.attributes
    departments, findings = departments_text(card)
    card.findings.extend(findings)
    if row is not None:
        attributes.update({"ページ番号": row.page, "部局名": row.bureau, "優先順位": row.priority})
        if row.remarks:
            attributes["備考"] = row.remarks
        if iizuka_list.title_similarity(row.title, card.title) < 1.0:
            attributes["取組項目名（一覧）"] = row.title
        if not iizuka_list.same_department(row.department, " ".join(card.main_departments)):
            attributes["主たる所管部署（一覧）"] = row.department
        # #76 is classified differently on the card (2732-2733) and in the 一覧 (623): keep both.
        if card.policy and row.policy and card.policy != row.policy:
            attributes["大分類（一覧）"] = row.policy
        if card.measure and row.measure and card.measure != row.measure:
            attributes["小分類（一覧）"] = row.measure
    return RawCard(
        path=str(card.order),
        item_no=row.page if row is not None else "",
        title=card.title or (row.title if row else ""),
        departments=departments or (row.department if row else None),
        policy=card.policy or (row.policy if row else None),
        measure=card.measure or (row.measure if row else None),
        description=card.fields.get(iizuka_cards.DIRECTION) or None,
        attributes=tuple(attributes.items()),
        source_line=card.line,
        schedule=tuple(card.schedule),
        indicators=tuple(card.indicators),
    )


def _classification_vs_list(cards: list[CardRead], rows: list[ListRow], pairs: dict[int, int]) -> Finding:
    """Linked cards whose 大分類/小分類 differ from their 一覧 row (the card's are published)."""
    differing = [
        f"{cards[c].order}: 一覧 {rows[r].policy}／{rows[r].measure} / 個票 {cards[c].policy}／{cards[c].measure}"
        for c, r in sorted(pairs.items())
        if (cards[c].policy, cards[c].measure) != (rows[r].policy or None, rows[r].measure or None)
    ]
    return Finding.differences("classification_vs_list", len(pairs), differing)


def _completeness(cards: list[CardRead], organization: list[Item], document: Document) -> list[Finding]:
    """Counts a reader of the dump can check: schedule rows, target rows, truncation, proposals."""
    out: list[Finding] = []
    empty = [c.order for c in cards if not c.schedule]
    out.append(
        Finding(
            "schedule_rows",
            "ok" if cards else "error",
            found=sum(len(c.schedule) for c in cards),
            detail=f"{len(cards)} 年度計画 grids; cards without schedule rows: {empty}",
        )
    )
    missing = [f"{c.order}: {c.target_rows}/3" for c in cards if c.target_rows < len(iizuka_cards.TARGET_LABELS)]
    merged = [c.order for c in cards if c.merged_target_labels]
    status = "error" if missing else ("warning" if merged else "ok")
    detail = f"merged label cell in cards {merged}" if merged else ""
    if missing:
        detail += f"; target rows missing in cards {missing}"
    out.append(
        Finding(
            "target_rows",
            status,
            expected=len(iizuka_cards.TARGET_LABELS) * len(cards),
            found=sum(c.target_rows for c in cards),
            detail=detail.strip("; "),
        )
    )
    truncated = [n for n in document.notes if n.startswith("truncated")]
    if cards and (not cards[-1].ended or truncated):
        last = cards[-1]
        out.append(
            Finding(
                "truncated_card",
                "error",
                found=len(cards),
                detail=f"the document ends inside card {last.order} (from line {last.line}); "
                f"it is published with what it printed{'; ' + '; '.join(truncated) if truncated else ''}",
            )
        )
    total = _proposal_total(organization)
    if total is not None:
        out.append(
            Finding(
                "cards_vs_proposals",
                "ok" if total == len(cards) else "warning",
                expected=total,
                found=len(cards),
                detail="提案件数 total of the 組織一覧 vs cards read",
            )
        )
    return out


def _proposal_total(items: Sequence[Item]) -> int | None:
    """Sum of the 組織一覧's 提案件数 column (None when the table is absent)."""
    column: int | None = None
    total: int | None = None
    for item in items:
        cells = [c.strip() for c in item.row.texts]
        if "提案件数" in cells:
            column = cells.index("提案件数")
            continue
        if column is not None and column < len(cells) and _NUMBER_RE.match(cells[column]):
            total = (total or 0) + int(cells[column])
    return total
