"""Shared fixtures: the bundled documents, read once per test session."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from extractors.model import Extraction
from extractors.registry import detect_layout, extract
from pipeline.blocks import Document
from pipeline.normalize import NormalizedDocument, SourceMeta, extraction_to_rows
from pipeline.read_text import read_text_dump
from pipeline.sources import document_id_for, sha256_of

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
PLAN_2021 = RAW / "fukuoka_gyosei_unei_plan_2021_draft.txt"
DX_2023 = RAW / "fukuoka_dx_strategy_action_items_2023.txt"
PROGRESS_2017 = RAW / "fukuoka_gyosei_unei_plan_2017_2020_progress.txt"
IIZUKA_2023 = RAW / "iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt"
FUKUYAMA_2023 = RAW / "fukuyama_digital_action_plan_v1_2_2023.txt"


def read(path: Path) -> Document:
    """The block model of a raw text dump."""
    return read_text_dump(path.relative_to(ROOT).as_posix(), path.read_bytes())


@functools.cache
def normalized(path: Path) -> tuple[Extraction, NormalizedDocument]:
    """Extraction and normalized rows of a raw document, as the pipeline makes them (once per session)."""
    document = read(path)
    layout = detect_layout(document)
    assert layout is not None, f"{path.name}: no layout detected"
    extraction = extract(document, layout)
    meta = SourceMeta(document_id_for(path), path.relative_to(ROOT).as_posix(), sha256_of(path), "text", None, "utf-8")
    return extraction, extraction_to_rows(meta, extraction)


@pytest.fixture(scope="session")
def plan_2021() -> tuple[Extraction, NormalizedDocument]:
    """福岡市 行政運営プラン 原案 (seed 000)."""
    return normalized(PLAN_2021)


@pytest.fixture(scope="session")
def dx_2023() -> tuple[Extraction, NormalizedDocument]:
    """福岡市DX戦略 実行項目集 (seed 002)."""
    return normalized(DX_2023)
