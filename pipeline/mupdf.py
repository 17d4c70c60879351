"""PyMuPDF, without the page-layout model it would load on import.

PyMuPDF 2 imports `pymupdf.layout` and `pymupdf4llm` when they are installed (dependencies of its
wheel), which load onnxruntime and a model: about 0.5 s and 50 MiB in every process, for a layout
analysis and Markdown export this project never uses. A None entry in `sys.modules` makes those
imports fail the way PyMuPDF expects when the packages are absent; what pages read is unchanged
(the PDF reader's tests and goldens). Import `pymupdf` from here.
"""

from __future__ import annotations

import sys

for _unused in ("pymupdf.layout", "pymupdf4llm"):
    sys.modules.setdefault(_unused, None)  # type: ignore[arg-type]

import pymupdf  # noqa: E402  (must follow the line above)

__all__ = ["pymupdf"]
