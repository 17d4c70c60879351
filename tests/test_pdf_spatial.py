"""The PDF reader's neighbour lookups give what comparing every pair gives, in linear time."""

from __future__ import annotations

import time

import hypothesis.strategies as st
from hypothesis import given, settings

from pipeline.pdf_drawings import Box, PageDrawings, Segment, _attach_shafts
from pipeline.pdf_overprint import _drop_copies
from pipeline.pdf_plumber import _touch, _touching
from pipeline.pdf_runs import Run

_BOXES = st.lists(
    st.builds(
        lambda x, y, w, h: Box(x, y, x + w, y + h, "fill"),
        st.floats(0, 600),
        st.floats(0, 800),
        st.floats(0.5, 120),
        st.floats(0.5, 60),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_BOXES)
def test_touching_equals_every_pair(boxes: list[Box]) -> None:
    expected = [a for a in boxes if any(a is not b and _touch(a, b) for b in boxes)]
    assert _touching(boxes) == expected


def test_ten_thousand_fills_and_a_hundred_thousand_heads_are_quick() -> None:
    boxes = [
        Box(20 + (i % 100) * 10, 20 + (i // 100) * 8, 30 + (i % 100) * 10, 28 + (i // 100) * 8, "fill")
        for i in range(10_000)
    ]
    heads = [
        Box(20 + (i % 300) * 1.8, 20 + (i // 300) * 2.4, 21.5 + (i % 300) * 1.8, 21.2 + (i // 300) * 2.4, "head")
        for i in range(100_000)
    ]
    out = PageDrawings(horizontal=[Segment(y * 2.4 + 20.6, 10, 30) for y in range(400)])
    start = time.process_time()
    assert len(_touching(boxes)) == 10_000
    _attach_shafts(out, heads)
    assert len(out.arrows) == 100_000
    assert time.process_time() - start < 5  # every pair: minutes


def _arrows_run(n: int, shift: float) -> Run:
    chars = [
        {"c": "→", "origin": (10 + i * 0.3 + shift, 100.0), "bbox": (10 + i * 0.3, 96, 12 + i * 0.3, 101)}
        for i in range(n)
    ]
    return Run("→" * n, 10, 96, 10 + n * 0.3 + 2, 101, 100.0, 4.0, chars=chars)


def test_overprinted_copies_are_found_among_many_same_characters() -> None:
    """A run of 20,000 arrows 0.3 pt apart printed twice (fake bold): the second copy goes, quickly."""
    first, second = _arrows_run(20_000, 0.0), _arrows_run(20_000, 0.05)
    start = time.process_time()
    dropped = _drop_copies([first, second], [0, 1], {})
    assert time.process_time() - start < 5
    assert dropped == 20_000  # the whole copy; the arrows of one run, 0.3 pt apart, are not copies
