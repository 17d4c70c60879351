"""One runner for every set of printed fixtures: build, print, settle, dump, check, write the expected records.

`scripts/make_office_pdfs.py`, `make_holdout_pdfs.py` and `make_holdout2_pdfs.py` each declare a
`FixtureSet` (its styles, folder, how its records say they were made) and call `main`.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from office_pdfs.printing import PRODUCER, convert, page_texts, settle, text_dump
from office_pdfs.records import Expected, contract_text, expected_json

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class FixtureSet:
    """A set of fixtures: the styles that build them, where they go, and what each run checks."""

    name: str  # `office`, `holdout`, …: the temporary folder's prefix
    styles: tuple[ModuleType, ...]
    pdf_dir: Path
    producer: str = PRODUCER
    how_checked: str | None = None  # replaces the records' own note, when set
    max_pages: int | None = None  # a style without `PAGES` plans as many pages as its last record's
    check: Callable[[Path, ModuleType], None] | None = None  # a further check of a printed PDF (its fonts)


def check_pages(pdf: Path, planned: int, expected: Expected, max_pages: int | None = None) -> int:
    """The PDF has the pages planned, and every initiative title is printed on the page its record names."""
    texts = page_texts(pdf)
    if len(texts) != planned or (max_pages is not None and planned > max_pages):
        raise RuntimeError(f"{pdf.name}: {len(texts)} pages, planned {planned} (at most {max_pages})")
    for item in expected.initiatives:
        title = "".join(contract_text(item.title).split())
        if item.page > len(texts) or title not in texts[item.page - 1]:
            found = [n for n, text in enumerate(texts, start=1) if title in text]
            raise RuntimeError(f"{pdf.name}: {item.title!r} expected on page {item.page}, printed on {found}")
    return len(texts)


def make(
    fixtures: FixtureSet, style: ModuleType, work: Path, pdf_dir: Path, expected_dir: Path
) -> tuple[Path, int, Expected]:
    """Build, print, settle and dump one fixture; write its expected records. Returns the PDF, pages, records."""
    work.mkdir(parents=True, exist_ok=True)
    source, expected = style.build(work)
    if fixtures.how_checked is not None:
        expected = dataclasses.replace(expected, how_checked=fixtures.how_checked)
    printed = convert(source, work / "printed")
    pdf = pdf_dir / f"{style.STEM}.pdf"
    settle(printed, pdf, expected.document.title, producer=fixtures.producer)
    if fixtures.check is not None:
        fixtures.check(pdf, style)
    planned = getattr(style, "PAGES", None) or max(item.page for item in expected.initiatives)
    pages = check_pages(pdf, planned, expected, fixtures.max_pages)
    text_dump(pdf)
    relative = pdf.resolve().relative_to(ROOT).as_posix() if pdf.resolve().is_relative_to(ROOT) else pdf.as_posix()
    (expected_dir / f"{style.STEM}.json").write_text(expected_json(expected, relative), encoding="utf-8")
    return pdf, pages, expected


def summary(pdf: Path, pages: int, expected: Expected) -> str:
    """One line of figures per fixture."""
    items = expected.initiatives
    indicators = [ind for item in items for ind in item.indicators]
    return (
        f"{pdf.name}: {pages} pages, {pdf.stat().st_size:,} bytes, {len(items)} initiatives, "
        f"{sum(len(i.schedule) for i in items)} schedule cells, {len(indicators)} indicators, "
        f"{sum(len(ind.values) for ind in indicators)} values"
    )


def main(fixtures: FixtureSet, description: str, argv: Sequence[str] | None = None) -> None:
    """Write every fixture of the set, its dump and its expected records, and list them with their figures."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--pdf-dir", type=Path, default=fixtures.pdf_dir)
    parser.add_argument("--expected-dir", type=Path, default=ROOT / "tests" / "expected")
    parser.add_argument("--only", action="append", metavar="STEM", help="build only this fixture (repeatable)")
    parser.add_argument("--check-reproducible", action="store_true", help="build a second time and compare bytes")
    args = parser.parse_args(argv)
    args.pdf_dir.mkdir(parents=True, exist_ok=True)
    args.expected_dir.mkdir(parents=True, exist_ok=True)
    styles = [s for s in fixtures.styles if not args.only or s.STEM in args.only]
    with tempfile.TemporaryDirectory(prefix=f"plancards-{fixtures.name}-") as tmp:
        work = Path(tmp)
        for style in styles:
            print(summary(*make(fixtures, style, work / style.STEM, args.pdf_dir, args.expected_dir)))
        if args.check_reproducible:
            again = work / "again"
            for style in styles:
                pdf, _, _ = make(fixtures, style, work / f"again-{style.STEM}", _dir(again / "pdf"), _dir(again))
                for suffix in (".pdf", ".txt"):
                    first = (args.pdf_dir / pdf.name).with_suffix(suffix)
                    same = pdf.with_suffix(suffix).read_bytes() == first.read_bytes()
                    print(f"{first.name}: {'identical bytes' if same else 'DIFFERENT bytes'} on a second run")


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
