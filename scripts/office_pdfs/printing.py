"""Printing an office file to PDF with LibreOffice headless, then fixing what changes from run to run.

LibreOffice stamps the export time into the document information and a fresh file ID into the
trailer; everything else of its output is the same for the same input and fonts. `settle`
rewrites the PDF with fixed metadata and ID, so a rerun gives identical bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pymupdf

from office_pdfs.records import contract_text

FIXED_DATE = "D:20240401000000+09'00'"
FIXED_ID = "706c616e63617264732d6f6666696365"  # "plancards-office"
PRODUCER = "LibreOffice (headless), settled by plancards scripts/make_office_pdfs.py"


def soffice() -> str:
    """The LibreOffice binary, or a clear error naming the packages to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise SystemExit(
            "LibreOffice is needed: apt-get install -y --no-install-recommends "
            "libreoffice-calc libreoffice-writer fonts-ipaexfont"
        )
    return found


def convert(source: Path, out_dir: Path) -> Path:
    """Print an XLSX or DOCX to PDF in `out_dir`, with a private profile (no user settings leak in)."""
    with tempfile.TemporaryDirectory(prefix="plancards-lo-") as profile:
        done = subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    pdf = out_dir / f"{source.stem}.pdf"
    if done.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"LibreOffice could not print {source.name}: {done.stdout}{done.stderr}")
    return pdf


def settle(printed: Path, target: Path, title: str, producer: str = PRODUCER) -> None:
    """Rewrite a printed PDF to `target` with fixed metadata (`producer` names the script), no XMP, a fixed file ID."""
    doc = pymupdf.open(printed)
    doc.set_metadata(
        {
            "producer": producer,
            "creator": "plancards fixtures",
            "creationDate": FIXED_DATE,
            "modDate": FIXED_DATE,
            "title": title,
            "author": "",
            "subject": "",
            "keywords": "",
        }
    )
    doc.del_xml_metadata()
    doc.xref_set_key(-1, "ID", f"[<{FIXED_ID}><{FIXED_ID}>]")
    doc.save(target, garbage=3, deflate=True, no_new_id=True)
    doc.close()


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as the expected records compare it: contract-normalized, without whitespace."""
    with pymupdf.open(pdf) as doc:
        return ["".join(contract_text(page.get_text()).split()) for page in doc]


def text_dump(pdf: Path) -> Path:
    """`pdftotext -layout` of the PDF beside it (`<stem>.txt`), as another tool reads the same pages."""
    binary = shutil.which("pdftotext")
    if binary is None:
        raise SystemExit("pdftotext is needed: apt-get install -y --no-install-recommends poppler-utils poppler-data")
    dump = pdf.with_suffix(".txt")
    subprocess.run([binary, "-layout", "-enc", "UTF-8", str(pdf), str(dump)], check=True, timeout=120)
    return dump
