"""What every reading child would load again, loaded once in the parent before it forks them.

A forked child starts with its parent's memory: a module imported, a table read or a pattern
compiled there costs the child nothing. Left to be loaded on first use, it is loaded again by every
child, that is for every document: PyMuPDF when PDFs are read (0.1 s a document), and the tables
and patterns the package builds on first use, with the record types' resolved hints (6–17 ms of a
seed document's first read, for 15–20 ms once in the parent).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence

from extractors.model import Extraction
from pipeline.serialize import prepare
from pipeline.sources import Source, file_format

#: The package's own top-level modules, whose first-use loaders are run here.
PACKAGES = ("pipeline", "extractors", "normalizers", "recognizers", "comparisons")


def preload(sources: Sequence[Source]) -> None:
    """Load what reading `sources` needs: the PDF reader when one of them is a PDF, the tables and
    patterns of `cached_loaders`, and how an extraction is rebuilt from its stage file."""
    if any(file_format(source.path) == "pdf" for source in sources):
        import pipeline.read_pdf  # noqa: F401  (kept in sys.modules for the children)
    for loader in cached_loaders():
        loader()
    prepare(Extraction)


def cached_loaders() -> list[Callable[[], object]]:
    """The package's first-use loaders: the `functools.cache` functions without parameters of its
    imported modules (the municipality codes, the label vocabulary and the patterns built from it …),
    in module order."""
    found: list[Callable[[], object]] = []
    for name, module in sorted(sys.modules.items()):
        if module is None or name.split(".")[0] not in PACKAGES:
            continue
        for value in vars(module).values():
            if (
                callable(value)
                and hasattr(value, "cache_info")
                and getattr(value, "__module__", None) == name
                and not inspect.signature(value).parameters
            ):
                found.append(value)
    return found
