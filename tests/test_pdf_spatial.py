"""The PDF reader's neighbour lookups give what comparing every pair gives, in linear time."""

from __future__ import annotations

import time

import hypothesis.strategies as st
from hypothesis import given, settings

from pipeline.pdf_drawings import Box, PageDrawings, Segment, _attach_shafts
from pipeline.pdf_plumber import _touch, _touching

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
