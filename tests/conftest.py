"""Shared fixtures: the shipped corpus, loaded once per test session; the dashboard's tables."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from analysis.ingest.corpus import Corpus, load_corpus

# The hand-made dashboard tables (the `tables` fixture) shared by the dashboard's test modules.
pytest_plugins = ["tests.dashboard_tables"]

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "data" / "corpus"
# The per-article cache of every run in the tests goes to a temporary folder, never the user's,
# deleted when the test session ends.
_CACHE = tempfile.TemporaryDirectory(prefix="coverage-cache-tests-")
os.environ["COVERAGE_CACHE"] = _CACHE.name
# The tests choose the serving mode themselves (tests/test_serving.py): a shell that shares its
# dashboard (COVERAGE_SHARE=1) must not turn the editors off in the other tests.
os.environ.pop("COVERAGE_SHARE", None)
os.environ.pop("COVERAGE_ALLOW_EDITS", None)


@pytest.fixture(scope="session")
def shipped_corpus() -> Corpus:
    """The five shipped articles with their manifest."""
    return load_corpus(CORPUS_DIR)


@pytest.fixture(scope="session")
def seed_labels() -> dict:
    """Hand labels for the shipped corpus (a development set, not answers to hard-code)."""
    return json.loads((ROOT / "tests" / "data" / "seed-labels.json").read_text(encoding="utf-8"))


def figure_tables(articles, quotes) -> dict:
    """The figures table of `articles` (the per-article map) and the claims reduce over it."""
    from analysis.figures.claims import corpus_tables
    from analysis.figures.extract import article_rows, frame

    figures = frame([r for a in articles for r in article_rows(a, quotes.get(a.article_id, []))])
    return {"figures": figures} | corpus_tables(figures)


@pytest.fixture(scope="session")
def shipped_figures(shipped_corpus) -> dict:
    """The figures of the shipped corpus, quotes found with the shipped actors, and their claims."""
    from analysis.voices.quotes import find_quotes
    from analysis.world.story import SHIPPED_STORY, load_actors

    actors = load_actors(SHIPPED_STORY)
    quotes = {a.article_id: find_quotes(a, actors) for a in shipped_corpus.articles}
    return figure_tables(shipped_corpus.articles, quotes)
