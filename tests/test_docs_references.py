"""The layout catalogue is the repository's own `docs/layouts.md`, and every reference to it resolves.

A clone holds the files git lists (tracked and new, not ignored): none of them may point at the
old catalogue outside the repository or at any other path under the directory beside the clone,
and every `docs/layouts.md §N` that code and tests cite must name a section of the page (and the
subsection it quotes, if any).
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RAW, ROOT
from tests.normalizers.rawlines import DOCUMENTS

PAGE = "docs/layouts.md"
# Spelled in pieces so that this file does not mention what it forbids.
OLD_CATALOGUE = re.compile(r"\bLAYOUTS" + r"(?:\.md\b|\s*§)")
OUTSIDE_PATH = re.compile(r"(?<![\w-])" + "shared" + r"/(?P<entry>[^\s/`'\")\]]+)")
CITATION = re.compile(r"docs/layouts\.md`?(?P<refs>(?:(?:\s*,\s*|\s+and\s+|\s+)§\d+(?:\s*\"[^\"\n]+\")?)+)")
REFERENCE = re.compile(r"§(?P<section>\d+)(?:\s*\"(?P<subsection>[^\"\n]+)\")?")
SECTION = re.compile(r"^## §(?P<section>\d+)\b", re.MULTILINE)
SUBSECTION = re.compile(r"^### (?P<name>.+)$", re.MULTILINE)


@functools.cache
def _repository_files() -> tuple[str, ...]:
    """Tracked and new files, as `git ls-files --cached --others --exclude-standard` lists them."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return tuple(name for name in done.stdout.decode().split("\0") if name and (ROOT / name).is_file())


def _text(name: str) -> str:
    return (ROOT / name).read_bytes().decode("utf-8", errors="replace")


@functools.cache
def _sections() -> dict[int, tuple[str, ...]]:
    """Section number → the names of its `###` subsections."""
    page = _text(PAGE)
    starts = list(SECTION.finditer(page))
    sections: dict[int, tuple[str, ...]] = {}
    for k, start in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(page)
        body = page[start.end() : end]
        sections[int(start["section"])] = tuple(m["name"].strip() for m in SUBSECTION.finditer(body))
    return sections


def test_the_page_is_part_of_the_repository() -> None:
    assert PAGE in _repository_files()
    assert sorted(_sections()) == [1, 2, 3, 4, 5, 6]


def test_sections_1_to_5_are_the_five_seed_documents_in_order() -> None:
    headings = {int(m["section"]): m.group(0) for m in re.finditer(r"^## §(?P<section>\d+)\b.*$", _text(PAGE), re.M)}
    for number, (seed, name) in enumerate(sorted(DOCUMENTS.items()), start=1):
        assert (RAW / name).is_file(), name
        assert headings[number].startswith(f"## §{number} {seed} — `{name}`"), headings[number]


def test_nothing_points_at_the_old_catalogue_or_outside_the_repository() -> None:
    old, outside = [], []
    for name in _repository_files():
        text = _text(name)
        for number, line in enumerate(text.split("\n"), start=1):
            if name != PAGE and OLD_CATALOGUE.search(line):
                old.append(f"{name}:{number}: {line.strip()}")
            outside += [f"{name}:{number}: {line.strip()}" for _ in OUTSIDE_PATH.finditer(line)]
    assert not old, "cite docs/layouts.md instead:\n" + "\n".join(old)
    assert not outside, "paths outside the repository:\n" + "\n".join(outside)


def test_every_cited_section_exists() -> None:
    sections = _sections()
    cited, missing = 0, []
    for name in _repository_files():
        if name == PAGE or Path(name).suffix not in {".py", ".md", ".yaml", ".yml", ".toml", ".csv", ".txt"}:
            continue
        for number, line in enumerate(_text(name).split("\n"), start=1):
            for citation in CITATION.finditer(line):
                for ref in REFERENCE.finditer(citation["refs"]):
                    cited += 1
                    section, subsection = int(ref["section"]), ref["subsection"]
                    if section not in sections:
                        missing.append(f"{name}:{number}: §{section}")
                    elif subsection and not any(s.startswith(subsection) for s in sections[section]):
                        missing.append(f'{name}:{number}: §{section} "{subsection}"')
    assert cited, "no citation found: the pattern no longer matches how the code cites the page"
    assert not missing, "citations of sections docs/layouts.md does not have:\n" + "\n".join(missing)
