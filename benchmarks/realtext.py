"""The real sentences every benchmark builds its generated corpora from (one place, one definition).

`shipped_sentences` are the analysed sentences of the shipped corpus; `real_sentences` adds the 590
NewsQuant news sentences (benchmarks/data, copied from the public benchmark), which hold many numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.ingest.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
NEWSQUANT = ROOT / "benchmarks" / "data" / "NewsQuant.json"


def shipped_sentences() -> list[str]:
    """Counted sentences (no page furniture, no repeats) of the shipped corpus, in order."""
    corpus = load_corpus(ROOT / "data" / "corpus")
    return [s.text for article in corpus.articles for s in article.counted_sentences]


def newsquant_sentences() -> list[str]:
    """The 590 NewsQuant news sentences (number-dense)."""
    return [item["text"] for item in json.loads(NEWSQUANT.read_text(encoding="utf-8"))]


def real_sentences() -> list[str]:
    """The shipped sentences followed by the NewsQuant sentences."""
    return shipped_sentences() + newsquant_sentences()
