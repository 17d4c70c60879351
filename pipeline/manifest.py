"""The optional manifest `raw/manifest.json`: what a document does not print about itself.

    {"fukuoka_gyosei_unei_plan_2021_draft.txt":
        {"source_url": "https://…", "downloaded": "2026-11-01", "note": "…",
         "supersedes": "fukuoka_gyosei_unei_plan_2021_draft_v1.txt"}}

Keys are paths relative to raw/, and so is `supersedes` (the previous version of the plan, when the
documents do not show their order themselves). Unknown keys and fields are reported, never guessed at.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "manifest.json"
FIELDS = frozenset({"source_url", "downloaded", "note", "supersedes"})


@dataclass(frozen=True)
class ManifestEntry:
    """Facts about one raw file given by whoever put it in raw/."""

    source_url: str | None = None
    downloaded: dt.date | None = None
    note: str | None = None
    supersedes: str | None = None  # path relative to raw/ of the version this file replaces


def _is_file(raw_dir: Path, name: str) -> bool:
    """Whether raw/ holds a file of that name (False for names no file can have: a NUL, too long)."""
    try:
        return (raw_dir / name).is_file()
    except (OSError, ValueError):
        return False


def load_manifest(raw_dir: Path) -> tuple[dict[str, ManifestEntry], list[str]]:
    """(entries by path relative to raw/, problems as one-line messages); no manifest gives ({}, [])."""
    path = raw_dir / MANIFEST_NAME
    if not path.is_file():
        return {}, []
    where = path.as_posix()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return {}, [f"{where}: not readable JSON ({reason}); ignored"]
    if not isinstance(data, dict):
        return {}, [f"{where}: expected an object of file names; ignored"]
    entries: dict[str, ManifestEntry] = {}
    problems: list[str] = []
    for name, fields in sorted(data.items()):
        if not isinstance(fields, dict):
            problems.append(f"{where}: {name}: expected an object; ignored")
            continue
        if unknown := sorted(set(fields) - FIELDS):
            problems.append(f"{where}: {name}: unknown fields {unknown} ignored")
        for field in sorted(FIELDS & set(fields)):
            if fields[field] is not None and not isinstance(fields[field], str):
                problems.append(f"{where}: {name}: {field} {str(fields[field])[:40]!r} is not a string; ignored")
        fields = {key: value for key, value in fields.items() if isinstance(value, str)}
        if not _is_file(raw_dir, name):
            problems.append(f"{where}: {name}: no such file in raw/")
        downloaded = None
        if fields.get("downloaded"):
            try:
                downloaded = dt.date.fromisoformat(str(fields["downloaded"]))
            except ValueError:
                problems.append(f"{where}: {name}: downloaded {fields['downloaded']!r} is not YYYY-MM-DD; ignored")
        supersedes = fields.get("supersedes")
        if supersedes is not None and not _is_file(raw_dir, supersedes):
            problems.append(f"{where}: {name}: supersedes {supersedes!r} is no file in raw/; ignored")
            supersedes = None
        entries[name] = ManifestEntry(fields.get("source_url"), downloaded, fields.get("note"), supersedes)
    return entries, problems
