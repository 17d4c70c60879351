"""`plancards report`: output/'s tables to output/report/, written whole or not at all."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import plotly.offline

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


def _recover(destination: Path) -> None:
    """Clear what a run killed half-way left beside `destination`: put back a previous report that was
    moved aside but not yet replaced, and remove unfinished folders."""
    leftovers = sorted(destination.parent.glob(f".{destination.name}.*"))
    for folder in leftovers:
        previous = folder / destination.name
        if not destination.exists() and folder.name.startswith(f".{destination.name}.old-") and previous.is_dir():
            previous.replace(destination)
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)


def write_report(root: Path, destination: Path | None = None) -> ReportResult:
    """Write the report of `root/output/` into `destination` (default `root/output/report/`).

    The files are written into a new folder beside `destination`, which then takes its place, so a
    crash or an error leaves the previous report as it was. Raises ReportInputError when output/ has
    no tables.
    """
    bundles = load_tables(root / "output")
    destination = destination or root / "output" / "report"
    destination.parent.mkdir(parents=True, exist_ok=True)
    _recover(destination)
    building = Path(tempfile.mkdtemp(dir=destination.parent, prefix=f".{destination.name}.new-"))
    retired: Path | None = None
    try:
        count = 0
        for relative, data in report_files(root, bundles):
            write_atomic(building / relative, data)
            count += 1
        building.chmod(0o755)  # mkdtemp makes it private; the report is as readable as the tables beside it
        if destination.exists():
            retired = Path(tempfile.mkdtemp(dir=destination.parent, prefix=f".{destination.name}.old-"))
            destination.replace(retired / destination.name)
        building.replace(destination)
    except BaseException:
        if retired is not None and not destination.exists():
            (retired / destination.name).replace(destination)
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    return ReportResult(destination, len(bundles), count)
