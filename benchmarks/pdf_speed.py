"""Speed and memory of the PDF reader, against a bare PyMuPDF text loop and pdfplumber's table finder.

Prints, from one run on this machine, for three inputs:
  * the fixture PDFs (tests/fixtures/pdf, generated and real);
  * one long PDF made by concatenating the fixtures to 500+ pages (built in a temp dir);
  * a long real PDF (a city's 408-page budget) named by PLANCARDS_BUDGET_PDF, skipped with a message otherwise;
the pages/s of `pipeline.read_pdf.read_pdf`, of a bare `page.get_text()` loop, of the two MuPDF calls
the reader makes on every page (`get_text("rawdict")` and `get_cdrawings()`: its floor) and of pdfplumber
`extract_tables()` over the same pages (pdfplumber on a sample of pages: it is slow), with the
reader's speed as a ratio to each. Then the one-pass bound: MuPDF interprets a page once for each of
the two calls. A reader getting the same characters and paths as Python objects from one
interpretation would save the second one, which costs at most a first one (the page's fonts and
streams are loaded by then). So the floor minus one interpretation of a fresh page (run into MuPDF's
bounding-box device, which does no work of its own) is the least such a reader must spend, before any
work of its own, and its ratio to the bare loop the most it could reach. Then the reader's peak
memory on the long PDF cut to 100 and to 500 pages, each in a fresh process: peak RSS, Python's
peak allocation (tracemalloc), and how much of that the returned Document keeps — what remains is
working memory, which must not grow with the page count.

Usage: .venv/bin/python benchmarks/pdf_speed.py [--repeat 3] [--plumber-pages 60]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.pdf_chars import _FLAGS as CHAR_FLAGS  # noqa: E402  (the reader's own flags, to time its floor)
from pipeline.read_pdf import read_pdf  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
SETAGAYA = Path(os.environ.get("PLANCARDS_BUDGET_PDF", "-"))
LONG_PAGES = 500


def readable_fixtures() -> list[Path]:
    """The fixture PDFs that have text (the bad-file fixtures are left out)."""
    bad = {"image_only.pdf", "encrypted.pdf", "truncated.pdf", "corrupt.pdf", "empty.pdf"}
    return sorted(p for p in FIXTURES.rglob("*.pdf") if p.name not in bad)


def concatenate(sources: list[Path], pages: int, target: Path) -> Path:
    """A PDF of the sources repeated until it has at least `pages` pages, cut to exactly that many."""
    out = pymupdf.open()
    while out.page_count < pages:
        for source in sources:
            with pymupdf.open(source) as doc:
                out.insert_pdf(doc)
            if out.page_count >= pages:
                break
    if out.page_count > pages:
        out.delete_pages(from_page=pages, to_page=out.page_count - 1)
    out.save(target, garbage=3, deflate=True)
    return target


def _best(seconds: list[float]) -> float:
    return min(seconds)


def time_reader(paths: list[Path], repeat: int) -> tuple[float, int]:
    """(best seconds, pages) of reading every path with the PDF reader."""
    runs = []
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = 0
        for path in paths:
            document = read_pdf(path.name, path.read_bytes())
            pages += document.page_count or 0
        runs.append(time.perf_counter() - start)
    return _best(runs), pages


def time_pages(paths: list[Path], repeat: int, read_page: Callable[[pymupdf.Page], object]) -> float:
    """Best seconds of calling `read_page` on every page of the paths (a fresh document each run)."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            with pymupdf.open(stream=path.read_bytes(), filetype="pdf") as doc:
                for page in doc:
                    read_page(page)
        runs.append(time.perf_counter() - start)
    return _best(runs)


def bare_text(page: pymupdf.Page) -> None:
    """A bare `page.get_text()`: the baseline."""
    page.get_text()


def reader_floor(page: pymupdf.Page) -> None:
    """The two MuPDF calls the reader cannot do without on every page: the characters with their boxes
    and paint order (`get_text("rawdict")` with the reader's flags) and the vector drawings
    (`get_cdrawings`); what the reader adds to them is its own work."""
    page.get_text("rawdict", flags=CHAR_FLAGS)
    page.get_cdrawings()


def interpretation(page: pymupdf.Page) -> None:
    """One interpretation of the page and nothing else: its content run into a bounding-box device."""
    mupdf = pymupdf.mupdf
    fz_page = mupdf.FzPage(page.this) if isinstance(page.this, mupdf.PdfPage) else page.this
    bounds = mupdf.FzRect(mupdf.FzRect.Fixed_EMPTY)  # the device writes into it: it must outlive the device
    device = mupdf.FzDevice(mupdf.ll_fz_new_bbox_device(bounds.internal()))
    mupdf.fz_run_page(fz_page, device, mupdf.FzMatrix(), mupdf.FzCookie())
    mupdf.fz_close_device(device)


def time_plumber(paths: list[Path], sample: int) -> tuple[float, int]:
    """(seconds, pages) of pdfplumber `extract_tables()` over the first `sample` pages of the paths."""
    import pdfplumber

    pages = 0
    start = time.perf_counter()
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                if pages >= sample:
                    break
                page.extract_tables()
                page.close()
                pages += 1
        if pages >= sample:
            break
    return time.perf_counter() - start, pages


def speed_line(label: str, paths: list[Path], repeat: int, sample: int) -> None:
    """Measure the three loops on the same pages and print pages/s and ratios."""
    reader_s, pages = time_reader(paths, repeat)
    bare_s = time_pages(paths, repeat, bare_text)
    floor_s = time_pages(paths, repeat, reader_floor)
    one_pass_s = floor_s - time_pages(paths, repeat, interpretation)
    plumber_s, plumber_pages = time_plumber(paths, sample)
    reader, bare, floor = pages / reader_s, pages / bare_s, pages / floor_s
    plumber = plumber_pages / plumber_s
    print(
        f"{label:<34} {pages:>5} pages | reader {reader:7.1f} p/s | bare get_text {bare:7.1f} p/s"
        f" | rawdict+drawings {floor:7.1f} p/s"
        f" | pdfplumber extract_tables {plumber:6.1f} p/s ({plumber_pages} pages)"
        f" | reader/bare {reader / bare:.2f} | reader/rawdict+drawings {reader / floor:.2f}"
        f" | reader/pdfplumber {reader / plumber:.1f}x"
        f" | one-pass bound {pages / one_pass_s:7.1f} p/s = bare x {bare_s / one_pass_s:.2f}"
    )


def _peak_rss_mb() -> float:
    """Peak resident memory of this process. Linux keeps `ru_maxrss` across fork+exec (a child starts
    with its parent's peak), so the kernel's per-image high-water mark is read when available."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: Path) -> None:
    """Run in a fresh process: read one PDF under tracemalloc and print its memory figures as JSON."""
    data = path.read_bytes()
    gc.collect()
    before = _peak_rss_mb()
    tracemalloc.start()
    document = read_pdf(path.name, data)
    _, peak = tracemalloc.get_traced_memory()
    gc.collect()
    kept, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figures = {
        "pages": document.page_count,
        "rss_mb": _peak_rss_mb(),
        "rss_before_mb": before,
        "peak_mb": peak / 2**20,
        "kept_mb": kept / 2**20,
    }
    print(json.dumps(figures))


def memory(long_pdf: Path, tmp: Path) -> None:
    """Peak memory of the reader on the long PDF cut to 100 and to 500 pages, each in a fresh process."""
    for pages in (100, LONG_PAGES):
        cut = concatenate([long_pdf], pages, tmp / f"long_{pages}.pdf")
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(cut)], capture_output=True, text=True, check=True
        )
        m = json.loads(done.stdout.strip().splitlines()[-1])
        working = m["peak_mb"] - m["kept_mb"]
        print(
            f"memory, {m['pages']:>3} pages: peak RSS {m['rss_mb']:6.1f} MB (before: {m['rss_before_mb']:.1f})"
            f" | Python peak {m['peak_mb']:6.1f} MB | kept by the Document {m['kept_mb']:5.1f} MB"
            f" | working (peak - kept) {working:5.1f} MB"
        )


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the reader and the bare loop (best is kept)")
    parser.add_argument("--plumber-pages", type=int, default=60, help="pages pdfplumber is timed on per input")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    fixtures = readable_fixtures()
    print(f"PyMuPDF {pymupdf.VersionBind}, Python {sys.version.split()[0]}; best of {args.repeat} runs\n")
    speed_line(f"fixtures ({len(fixtures)} PDFs)", fixtures, args.repeat, args.plumber_pages)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        long_pdf = concatenate(fixtures, LONG_PAGES, tmp / "long.pdf")
        speed_line(f"fixtures concatenated ({LONG_PAGES} pages)", [long_pdf], args.repeat, args.plumber_pages)
        if SETAGAYA.is_file():
            speed_line("setagaya_r8_budget.pdf", [SETAGAYA], args.repeat, args.plumber_pages)
        else:
            print(f"setagaya_r8_budget.pdf: skipped, {SETAGAYA} not found")
        print()
        memory(long_pdf, tmp)


if __name__ == "__main__":
    main()
