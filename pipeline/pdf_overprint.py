"""Fake bold undone: text drawn again at (almost) the same place is read once.

Office software fakes a bold face by overprinting: the same text two to four times a few tenths
of a point apart, or a fill pass and a stroke pass. The copies need not come out of the text
extraction alike. MuPDF joins text that follows closely on a line into one span, so in a row of
headers that nearly fill their cells, drawn cell by cell, a header's last copy and the next
header's first copy become one span while the first header's first copy stays alone: no two
spans, and no two runs cut from them, need repeat each other. Copies are therefore found by
geometry: runs are grouped by baseline, and wherever two runs of a line overlap, their
characters are compared one by one. A character that repeats one drawn before it (the same
character, its origin within a quarter em and at most a point) is dropped; what is left of a run
is cut into runs again. The first drawing is kept.
"""

from __future__ import annotations

from pipeline.pdf_runs import Run, span_runs

_FAKE_BOLD_EM = 0.25  # duplicates lie within a quarter em of each other; real neighbours are ≥ half an em apart
_LINE = 1.0  # points: runs whose baselines chain within this are on one line
_OVERLAP = 0.1  # points: runs that overlap by more than this may be copies of each other


def copy_limit(size: float) -> float:
    """How far apart (in points) two drawings of a character of this size may stand and still be one."""
    return min(1.0, _FAKE_BOLD_EM * size)


def dedupe(runs: list[Run]) -> tuple[list[Run], int]:
    """The runs without overprinted copies, in their order, and how many characters were dropped."""
    if len(runs) < 2:
        return runs, 0
    order = sorted(range(len(runs)), key=lambda i: runs[i].base)
    replaced: dict[int, list[Run]] = {}
    dropped = 0
    start = 0
    for end in range(1, len(order) + 1):
        if end < len(order) and runs[order[end]].base - runs[order[end - 1]].base <= _LINE:
            continue
        if end - start >= 2:
            for group in _overlapping(runs, order[start:end]):
                dropped += _drop_copies(runs, group, replaced)
        start = end
    if not replaced:
        return runs, dropped
    out: list[Run] = []
    for i, run in enumerate(runs):
        out.extend(replaced.get(i, (run,)))
    return out, dropped


def _overlapping(runs: list[Run], line: list[int]) -> list[list[int]]:
    """Groups of two or more runs of one line that overlap one another, each in paint order."""
    groups: list[list[int]] = []
    current: list[int] = []
    reach = float("-inf")
    for i in sorted(line, key=lambda k: runs[k].x0):
        run = runs[i]
        if current and run.x0 < reach - _OVERLAP:
            current.append(i)
            reach = max(reach, run.x1)
            continue
        if len(current) >= 2:
            groups.append(sorted(current))
        current, reach = [i], run.x1
    if len(current) >= 2:
        groups.append(sorted(current))
    return groups


def _drop_copies(runs: list[Run], group: list[int], replaced: dict[int, list[Run]]) -> int:
    """Compare the group's characters in paint order; record in `replaced` what is left of each run.

    Characters already seen are kept in cells as large as the widest copy distance of the group, so
    each character is compared with those of its own and the eight neighbouring cells only: a line of
    10⁵ same arrows costs a pass, not 10¹⁰ comparisons.
    """
    cell = max(copy_limit(runs[i].size) for i in group) or 1.0
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    dropped = 0
    for i in group:
        run = runs[i]
        limit = copy_limit(run.size)
        chars = run.chars or []
        left: list[dict] = []
        for ch in chars:
            c = ch["c"]
            ox, oy = ch["origin"]
            cx, cy = int(ox // cell), int(oy // cell)
            near = (point for dx in (-1, 0, 1) for dy in (-1, 0, 1) for point in seen.get((c, cx + dx, cy + dy), ()))
            if c != " " and any(abs(x - ox) <= limit and abs(y - oy) <= limit for x, y in near):
                dropped += 1
                continue
            left.append(ch)
        for ch in left:
            ox, oy = ch["origin"]
            seen.setdefault((ch["c"], int(ox // cell), int(oy // cell)), []).append(ch["origin"])
        if len(left) == len(chars):
            continue
        if any(ch["c"] != " " for ch in left):
            replaced[i], _ = span_runs(left, run.size, run.vertical, limit, [])
        else:
            replaced[i] = []
    return dropped
