"""Shared fixtures: the shipped corpus, loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "data" / "corpus"


@pytest.fixture(scope="session")
def shipped_corpus() -> Corpus:
    """The five shipped articles with their manifest."""
    return load_corpus(CORPUS_DIR)


@pytest.fixture(scope="session")
def seed_labels() -> dict:
    """Hand labels for the shipped corpus (a development set, not answers to hard-code)."""
    return json.loads((ROOT / "tests" / "data" / "seed-labels.json").read_text(encoding="utf-8"))
