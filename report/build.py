"""`plancards report`: output/'s tables to output/report/, written whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import plotly.offline

from pipeline.output_set import publish_set, recover
from pipeline.publish import write_atomic
from report.load import DocumentTables, load_tables
from report.overlays import PageOverlays, page_boxes, render_page_images
from report.pages import document_page_name, render_document, render_index

#: Files of report/static/ copied beside the pages.
STATIC_FILES = ("report.css", "charts.js")
PLOTLY_FILE = "plotly.min.js"


@dataclass(frozen=True)
class ReportResult:
    """What `write_report` wrote."""

    folder: Path
    documents: int
    files: int


def _overlays(root: Path, tables: DocumentTables) -> PageOverlays:
    """The page images of a PDF document (none for a text dump)."""
    document = tables.document
    if document.source_format != "pdf":
        return PageOverlays((), 0, None)
    pdf = root / document.source_path
    return render_page_images(pdf, page_boxes(tables), document.document_id, label=document.source_path)


def report_files(root: Path, bundles: tuple[DocumentTables, ...]) -> Iterator[tuple[str, bytes]]:
    """Every file of the report as (path relative to the report folder, bytes), one document at a time."""
    yield PLOTLY_FILE, plotly.offline.get_plotlyjs().encode("utf-8")
    for name in STATIC_FILES:
        yield name, (resources.files("report") / "static" / name).read_bytes()
    yield "index.html", render_index(bundles).encode("utf-8")
    for tables in bundles:
        overlays = _overlays(root, tables)
        for page in overlays.pages:
            yield page.image, page.png
        yield document_page_name(tables.document.document_id), render_document(tables, overlays).encode("utf-8")


def write_report(root: Path, destination: Path | None = None) -> ReportResult:
    """Write the report of `root/output/` into `destination` (default `root/output/report/`).

    The files are written into a new folder that then takes the place of `destination` in one step
    (`pipeline/output_set.py`, as the tables are), so a crash or an error leaves the previous report
    as it was. Raises ReportInputError when output/ has no tables.
    """
    bundles = load_tables(root / "output")
    destination = destination or root / "output" / "report"
    recover(destination)

    def write(folder: Path) -> int:
        count = 0
        for relative, data in report_files(root, bundles):
            write_atomic(folder / relative, data)
            count += 1
        return count

    count = publish_set(destination, write, keep_others=False)
    return ReportResult(destination, len(bundles), count)
