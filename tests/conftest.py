"""Shared fixtures: the shipped corpus, loaded once per test session."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from analysis.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "data" / "corpus"
# The per-article cache of every run in the tests goes to a temporary folder, never the user's.
os.environ["COVERAGE_CACHE"] = tempfile.mkdtemp(prefix="coverage-cache-tests-")


@pytest.fixture(scope="session")
def shipped_corpus() -> Corpus:
    """The five shipped articles with their manifest."""
    return load_corpus(CORPUS_DIR)


@pytest.fixture(scope="session")
def seed_labels() -> dict:
    """Hand labels for the shipped corpus (a development set, not answers to hard-code)."""
    return json.loads((ROOT / "tests" / "data" / "seed-labels.json").read_text(encoding="utf-8"))
