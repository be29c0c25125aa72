"""Whole-pipeline throughput: `python -m analysis export` on generated corpora of realistic size.

Articles recombine real reporting sentences into ~3.8 kB articles from ten outlets, in JSONL files
of 1,000 articles: three in four sentences from the shipped articles, one in four from NewsQuant
(number-dense news sentences), so an article holds about one figure per 250 bytes. Measures, each in a fresh
process and a fresh cache: the cold export (every article analysed, every core), the re-export
after adding 200 articles (only those analysed), and prints MB/s, articles/s and the peak memory
of the whole process tree.

    python benchmarks/pipeline_throughput.py [--articles 20000] [--jobs 0]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from realtext import newsquant_sentences, shipped_sentences

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = [
    "Coastline Wire", "Delmar Daily", "Island Herald", "Northern Courier", "Radio Meridian",
    "State News Agency", "The Ledger", "Evening Standard-Post", "Atlas Broadcasting", "Harbour Times",
]  # fmt: skip
TARGET_BYTES = 3_800


def write_articles(folder: Path, first: int, count: int, seed: int, per_file: int = 1000) -> int:
    """JSONL files of `count` generated articles numbered from `first`; returns the bytes written."""
    shipped, dense = shipped_sentences(), newsquant_sentences()
    rng = random.Random(seed)
    written = 0
    for start in range(first, first + count, per_file):
        path = folder / f"articles_{start:06d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for number in range(start, min(start + per_file, first + count)):
                picked: list[str] = []
                while sum(len(s) + 1 for s in picked) < TARGET_BYTES:
                    picked.append(rng.choice(shipped if rng.random() < 0.75 else dense))
                paragraphs = "\n\n".join(
                    " ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)
                )
                row = {
                    "text": paragraphs,
                    "outlet": OUTLETS[number % len(OUTLETS)],
                    "published": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
                    "title": f"Generated article {number}",
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += path.stat().st_size
    return written


def export(corpus: Path, out: Path, cache: Path, jobs: int) -> tuple[float, str]:
    """Seconds of one CLI export (a fresh process) and its last output line."""
    command = [sys.executable, "-m", "analysis", "export", str(corpus), "--out", str(out)]
    command += ["--cache", str(cache), "--quiet", "--max-mb", "50"]
    if jobs:
        command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=0, help="0 = every core")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp, "corpus"), Path(tmp, "cache")
        corpus.mkdir()
        size = write_articles(corpus, 0, args.articles, seed=7)
        print(f"{args.articles:,} articles, {size / 1e6:.1f} MB in JSONL")
        cold, line = export(corpus, Path(tmp, "out1"), cache, args.jobs)
        print(
            f"cold export: {cold:.1f} s, {size / 1e6 / cold:.2f} MB/s, "
            f"{args.articles / cold:,.0f} articles/s  [{line}]"
        )
        write_articles(corpus, 10_000_000, 200, seed=8)
        warm, line = export(corpus, Path(tmp, "out2"), cache, args.jobs)
        print(
            f"re-export after adding 200 articles: {warm:.1f} s ({warm / cold:.0%} of cold)  [{line}]"
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of one process of the run (largest RSS): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
