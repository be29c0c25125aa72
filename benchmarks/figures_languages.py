"""Figures in each language with a pack: value F1 and kind accuracy on the hand-labelled sentences
(tests/data/figures_<lang>.jsonl), and the throughput of `figure_rows(text, language)` on one core.

The throughput text is the labelled sentences of the language shuffled with a fixed seed into ~3 kB
articles until --megabytes per language: dense in numbers (about one per 60 bytes), a worst case.
The labelled sets are small (20 sentences per language) and were written while the packs were
built: read the scores as a check, not as accuracy on unseen articles.

    python benchmarks/figures_languages.py [--megabytes 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.figures.extract import figure_rows  # noqa: E402
from tests.figure_scoring import labelled, score  # noqa: E402

LANGUAGES = ["en", "fr", "de", "es", "ru", "uk", "ko", "ar", "fa", "he"]
SEED = 20241120


def articles(language: str, megabytes: float) -> list[str]:
    """Articles of the language's labelled sentences, shuffled (English: the kinds set)."""
    if language == "en":
        import json

        path = ROOT / "tests" / "data" / "figure_kinds_en.jsonl"
        sentences = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    else:
        sentences = [item["text"] for item in labelled(language)]
    rng = random.Random(SEED)
    texts, total = [], 0
    while total < megabytes * 1e6:
        article = " ".join(rng.choice(sentences) for _ in range(30))
        texts.append(article)
        total += len(article.encode())
    return texts


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--megabytes", type=float, default=2.0)
    megabytes = options.parse_args().megabytes
    print(
        "lang  value P   value R   value F1  kind acc  status acc | figure_rows MB/s (CPU, one core)"
    )
    for language in LANGUAGES:
        texts = articles(language, megabytes)
        size = sum(len(t.encode()) for t in texts) / 1e6
        started = time.process_time()
        found = sum(len(figure_rows(text, language)) for text in texts)
        seconds = time.process_time() - started
        if language == "en":
            scores = "   (English: see benchmarks/newsquant.py)          "
        else:
            s = score(language)
            scores = (
                f"{s['precision']:8.3f}  {s['recall']:8.3f}  {s['f1']:8.3f}  "
                f"{s['kind_accuracy']:8.3f}  {s['status_accuracy']:8.3f}"
            )
        print(
            f"{language:4s} {scores} | {size / seconds:6.2f} MB/s ({size:.1f} MB, {found} figures)"
        )


if __name__ == "__main__":
    main()
