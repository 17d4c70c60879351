"""The parent loads what every reading child would load again, before it forks them."""

from __future__ import annotations

from normalizers import municipality
from pipeline.preload import cached_loaders, preload
from recognizers import schedule, vocabulary


def test_the_first_use_loaders_are_found_and_run() -> None:
    loaders = cached_loaders()
    for expected in (municipality._index, vocabulary.entries, schedule._arrow_run_re):
        assert expected in loaders
    for loader in loaders:
        loader.cache_clear()  # type: ignore[attr-defined]
    preload([])
    assert all(loader.cache_info().currsize == 1 for loader in loaders)  # type: ignore[attr-defined]
