"""Ingestion throughput: load_corpus on generated corpora made from real sentences.

Prints MB/s, articles/s and peak memory for (a) many short articles, (b) one article at the size limit.
Run: python benchmarks/corpus_throughput.py [--articles N]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from realtext import shipped_sentences

from analysis.ingest.corpus import DEFAULT_MAX_BYTES, load_corpus


def measure(folder: Path) -> tuple[float, int, float]:
    """Seconds, articles loaded and MB read of one load."""
    size = sum(p.stat().st_size for p in folder.iterdir())
    started = time.perf_counter()
    corpus = load_corpus(folder, max_bytes=2 * DEFAULT_MAX_BYTES)
    seconds = time.perf_counter() - started
    return seconds, len(corpus.articles), size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(7)
    sentences = shipped_sentences()
    with tempfile.TemporaryDirectory() as tmp:
        many = Path(tmp, "many")
        many.mkdir()
        for i in range(args.articles):
            body = " ".join(rng.sample(sentences, 12)) + f" Report number {i}."
            (many / f"{i:05d}.txt").write_text(f"Published: 20 Nov. 2024, 15:57\n{body}\n", "utf-8")
        big = Path(tmp, "big")
        big.mkdir()
        text, n = [], 0
        while n < DEFAULT_MAX_BYTES - 2000:
            line = " ".join(rng.sample(sentences, 5)) + f" Paragraph {len(text)}."
            text.append(line)
            n += len(line.encode()) + 1
        (big / "big.txt").write_text("\n".join(text), "utf-8")
        for label, folder in [(f"{args.articles} short articles", many), ("one 5 MB article", big)]:
            seconds, articles, mb = measure(folder)
            print(
                f"{label}: {mb:.1f} MB in {seconds:.2f} s = {mb / seconds:.2f} MB/s, "
                f"{articles / seconds:.1f} articles/s"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
