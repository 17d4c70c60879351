"""`plancards run` end to end on a scratch project: determinism, reruns, bad input."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.stages import ProjectPaths, run_extract
from pipeline.validate import validate_output
from tests.conftest import DX_2023, PLAN_2021, RAW, ROOT

TABLES = (
    "documents",
    "initiatives",
    "schedule",
    "indicators",
    "indicator_values",
    "quality",
    "terms",
    "meetings",
    "meeting_remarks",
    "changes",
    "initiative_links",
)
PDF = ROOT / "tests" / "fixtures" / "pdf" / "reader_losses.pdf"


def _project(tmp_path: Path, *files: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir(parents=True)
    for path in files:
        shutil.copy(path, raw / path.name)
    return tmp_path


def _digests(root: Path) -> dict[str, str]:
    return {t: hashlib.sha256((root / "output" / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


def test_two_runs_give_byte_identical_parquet(tmp_path: Path) -> None:
    documents = sorted(p for p in RAW.iterdir() if p.suffix == ".txt")
    assert len(documents) == 5
    first = _project(tmp_path / "a", *documents)
    second = _project(tmp_path / "b", *reversed(documents))
    assert main(["--root", str(first), "run", "--quiet", "--jobs", "1"]) == 0
    assert main(["--root", str(second), "run", "--quiet", "--jobs", "2"]) == 0
    assert _digests(first) == _digests(second)  # in another file order, and read two at a time
    assert validate_output(first / "output") == []


def test_rerun_processes_only_the_new_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, PLAN_2021)
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    before = _digests(root)
    shutil.copy(DX_2023, root / "raw" / DX_2023.name)
    capsys.readouterr()
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"      new  raw/{DX_2023.name}" in out
    assert f"unchanged  raw/{PLAN_2021.name}" in out
    assert _digests(root) != before
    documents = pq.read_table(root / "output" / "documents.parquet").to_pylist()
    assert [d["layout"] for d in documents] == ["fukuoka_dx_cards", "fukuoka_plan_cards"]
    # A shorter new version reports how its counts moved since the last run.
    plan = PLAN_2021.read_bytes()
    (root / "raw" / PLAN_2021.name).write_bytes(plan[: plan.rindex(b"\n50\t") + 1])  # cards 1-49 kept
    assert main(["--root", str(root), "run", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert f"raw/{PLAN_2021.name}: fukuoka_plan_cards, 76 cards" in out
    assert "(since the last run: cards -30, indicators -30, values -88)" in out
    # A new version of a file is `changed`; a file taken out of raw/ is `removed` from the tables.
    (root / "raw" / DX_2023.name).write_bytes(DX_2023.read_bytes() + b"\n")
    (root / "raw" / PLAN_2021.name).unlink()
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"  changed  raw/{DX_2023.name}" in out
    assert f"raw/{DX_2023.name}: fukuoka_dx_cards, 183 cards" in out and "since the last run" not in out
    assert "  removed  fukuoka_gyosei_unei_plan_2021_draft" in out
    assert "1 documents: 1 published" in out
    documents = pq.read_table(root / "output" / "documents.parquet").to_pylist()
    assert [d["document_id"] for d in documents] == ["fukuoka_dx_strategy_action_items_2023"]


def test_bad_documents_fail_alone_with_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, PLAN_2021)
    raw = root / "raw"
    (raw / "empty.txt").write_bytes(b"")
    (raw / "notes.txt").write_text("議事メモ\n出席者\t3名\n", encoding="utf-8")
    text = DX_2023.read_text(encoding="utf-8")
    (raw / "dx_sjis.txt").write_bytes(text.encode("cp932", errors="replace"))
    (raw / "cut.txt").write_bytes(PLAN_2021.read_bytes()[:60_000])
    code = main(["--root", str(root), "run", "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert "error: raw/empty.txt: empty file" in err
    assert (
        "error: raw/notes.txt: unknown layout: no card, schedule grid or indicator found; "
        "1 table seen, 1 not read: l.2 '出席者'" in err
    )
    assert any(line.startswith("error: raw/cut.txt: truncated") for line in err), err
    documents = {d["document_id"]: d for d in pq.read_table(root / "output" / "documents.parquet").to_pylist()}
    assert documents["fukuoka_gyosei_unei_plan_2021_draft"]["status"] == "ok"
    assert documents["dx_sjis"]["encoding"] == "cp932"
    assert documents["dx_sjis"]["layout"] == "fukuoka_dx_cards"
    assert documents["empty"]["status"] == "error"
    initiatives = pq.read_table(root / "output" / "initiatives.parquet").to_pylist()
    by_doc = {doc: sum(1 for i in initiatives if i["document_id"] == doc) for doc in documents}
    assert by_doc["fukuoka_gyosei_unei_plan_2021_draft"] == 106
    assert by_doc["dx_sjis"] == 183
    assert 0 < by_doc["cut"] < 106
    quality = pq.read_table(root / "output" / "quality.parquet").to_pylist()
    assert {"document_id": "empty", "check": "read_error", "status": "error"}.items() <= next(
        q for q in quality if q["document_id"] == "empty"
    ).items()


def test_manifest_adds_what_the_document_does_not_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, PLAN_2021)
    manifest = {
        PLAN_2021.name: {"source_url": "https://www.city.example.jp/plan.pdf", "downloaded": "2026-11-01"},
        "gone.txt": {"note": "removed"},
        "bad-date.txt": {"downloaded": "yesterday"},
    }
    (root / "raw" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    documents = pq.read_table(root / "output" / "documents.parquet").to_pylist()
    assert len(documents) == 1  # the manifest itself is not a document
    assert documents[0]["source_url"] == "https://www.city.example.jp/plan.pdf"
    assert str(documents[0]["downloaded"]) == "2026-11-01"
    err = capsys.readouterr().err
    assert "warning: " in err and "gone.txt: no such file in raw/" in err
    assert "bad-date.txt: downloaded 'yesterday' is not YYYY-MM-DD; ignored" in err


@pytest.mark.parametrize(
    "name",
    [
        "iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt",
        "fukuyama_digital_action_plan_v1_2_2023.txt",
        "fukuoka_dx_strategy_action_items_2023.txt",
    ],
    ids=["iizuka", "fukuyama", "dx"],
)
def test_dump_cut_at_a_line_end_is_published_in_part(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (RAW / name).read_bytes()
    cut = data[: data.index(b"\n", len(data) * 2 // 3) + 1]  # a clean cut: no broken character
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / name).write_bytes(cut)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: raw/{name}: ")
    document = pq.read_table(tmp_path / "output" / "documents.parquet").to_pylist()[0]
    assert document["status"] == "partial"
    whole = _project(tmp_path / "whole", RAW / name)
    assert main(["--root", str(whole), "run", "--quiet"]) == 0
    # What was read before the cut is published; what was cut is not invented.
    for table in ("initiatives", "schedule", "indicator_values"):
        cut_rows = pq.read_table(tmp_path / "output" / f"{table}.parquet").num_rows
        all_rows = pq.read_table(whole / "output" / f"{table}.parquet").num_rows
        assert 0 < cut_rows <= all_rows, table
    cut_values = pq.read_table(tmp_path / "output" / "indicator_values.parquet").num_rows
    assert cut_values < pq.read_table(whole / "output" / "indicator_values.parquet").num_rows


def test_cp932_copies_of_every_layout_read_like_the_originals(tmp_path: Path) -> None:
    """Every layout read from a CP932 copy; copies that CP932 holds exactly give identical rows."""
    originals = _project(tmp_path / "utf8", *sorted(RAW.glob("*.txt")))
    converted = tmp_path / "sjis"
    (converted / "raw").mkdir(parents=True)
    exact = set()
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        data = text.encode("cp932", errors="replace")  # superscripts such as ² have no CP932 form
        (converted / "raw" / path.name).write_bytes(data)
        if data.decode("cp932") == text:
            exact.add(path.stem)
    assert exact == {"fukuoka_dx_strategy_action_items_2023"}
    assert main(["--root", str(originals), "run", "--quiet"]) == 0
    assert main(["--root", str(converted), "run", "--quiet"]) == 0
    left_docs = pq.read_table(originals / "output" / "documents.parquet").to_pylist()
    right_docs = pq.read_table(converted / "output" / "documents.parquet").to_pylist()
    assert [d["layout"] for d in left_docs] == [d["layout"] for d in right_docs]
    assert {d["encoding"] for d in right_docs} == {"cp932"}
    for table in ("initiatives", "indicator_values"):
        left = pq.read_table(originals / "output" / f"{table}.parquet").to_pylist()
        right = pq.read_table(converted / "output" / f"{table}.parquet").to_pylist()
        assert len(left) == len(right), table
        for doc_id in exact:
            assert [r for r in left if r["document_id"] == doc_id] == [r for r in right if r["document_id"] == doc_id]


def test_run_publishes_pdfs_and_dumps_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Card PDFs are read by the dump's extractors; real non-card PDFs get an `unknown layout` row."""
    pdfs = ROOT / "tests" / "fixtures" / "pdf"
    root = _project(
        tmp_path,
        PLAN_2021,
        pdfs / "fukuoka_plan_cards.pdf",
        pdfs / "real" / "fuji_r7_budget_shizei.pdf",
        pdfs / "encrypted.pdf",
        pdfs / "image_only.pdf",
    )
    assert main(["--root", str(root), "run", "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    fuji = next(line for line in err if line.startswith("error: raw/fuji_r7_budget_shizei.pdf: unknown layout: "))
    assert "no card, schedule grid or indicator found; 14 tables seen, 14 not read: p.1 '目'" in fuji
    assert any(line.startswith("error: raw/encrypted.pdf: ") and "encrypted" in line for line in err), err
    assert any(line.startswith("error: raw/image_only.pdf: ") and "text layer" in line for line in err), err
    assert len(err) == 3
    documents = {d["document_id"]: d for d in pq.read_table(root / "output" / "documents.parquet").to_pylist()}
    assert documents["fukuoka_plan_cards"]["source_format"] == "pdf"
    assert documents["fukuoka_plan_cards"]["layout"] == "fukuoka_plan_cards"
    assert documents["fukuoka_plan_cards"]["pages"] == 6
    assert documents["fuji_r7_budget_shizei"]["pages"] == 3
    quality = pq.read_table(root / "output" / "quality.parquet").to_pylist()
    assert {"document_id": "fuji_r7_budget_shizei", "check": "unknown_layout", "status": "error"}.items() <= next(
        q for q in quality if q["document_id"] == "fuji_r7_budget_shizei"
    ).items()
    assert validate_output(root / "output") == []


def test_a_warm_rerun_publishes_nothing(tmp_path: Path) -> None:
    """Nothing changed: no output file is rewritten; a changed manifest publishes again."""
    root = _project(tmp_path, PLAN_2021)
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    written = {p: p.stat().st_mtime_ns for p in (root / "output").rglob("*") if p.is_file()}
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    assert {p: p.stat().st_mtime_ns for p in written} == written
    (root / "raw" / "manifest.json").write_text(json.dumps({PLAN_2021.name: {"note": "n"}}), encoding="utf-8")
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    assert (root / "output" / "documents.parquet").stat().st_mtime_ns != written[root / "output" / "documents.parquet"]
    (root / "output" / "terms.parquet").unlink()
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    assert (root / "output" / "terms.parquet").is_file()


@pytest.mark.parametrize("damage", [b"{", b"[]", b""], ids=["cut", "wrong-shape", "empty"])
def test_a_damaged_stage_file_is_read_again(tmp_path: Path, damage: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, PLAN_2021)
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    before = _digests(root)
    (root / "build" / "extracted" / f"{PLAN_2021.stem}.json").write_bytes(damage)
    capsys.readouterr()
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    assert f"re-read  raw/{PLAN_2021.name}" in capsys.readouterr().out
    assert _digests(root) == before


def test_the_largest_documents_are_read_first_and_reported_in_their_order(tmp_path: Path) -> None:
    """Reading starts with the largest file, so that the longest read does not start last; the results
    keep the documents' own order."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, lines in (("a.txt", 10), ("b.txt", 300), ("c.txt", 50)):
        (raw / name).write_text("計画の本文です。\n" * lines, encoding="utf-8")
    started: list[str] = []
    results = run_extract(ProjectPaths(tmp_path), progress=lambda path, _total: started.append(path), jobs=1)
    assert started == ["raw/b.txt", "raw/c.txt", "raw/a.txt"]
    assert [result.relative_path for result in results] == ["raw/a.txt", "raw/b.txt", "raw/c.txt"]


@pytest.mark.parametrize(("files", "loaded"), [((PLAN_2021,), False), ((PLAN_2021, PDF), True)], ids=["dumps", "a-pdf"])
def test_the_pdf_reader_is_loaded_once_before_the_children_only_when_a_pdf_is_read(
    tmp_path: Path, files: tuple[Path, ...], loaded: bool
) -> None:
    """The parent imports the PDF stack before forking when some file to read is a PDF, so that each
    child does not import PyMuPDF again; a run of dumps alone never loads it."""
    _project(tmp_path, *files)
    code = (
        "import sys; from pipeline.cli import main; "
        f"code = main(['--root', {str(tmp_path)!r}, 'run', '--quiet']); "
        "print('pymupdf' in sys.modules); sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == str(loaded)
