"""Throughput of figure extraction on one core: MB/s (CPU and wall), articles/s, peak memory.

The text is made of real sentences (the shipped corpus and the NewsQuant sentences), shuffled with a
fixed seed into ~3 kB articles until the corpus reaches --megabytes (default 50). Most sentences come
from NewsQuant, which was built from sentences that hold quantities: about one figure per 100 bytes,
seven times denser than the shipped articles, so this is a worst case for a per-number extractor.
The sentence pool is small (about 700 distinct sentences), so the extractor must not cache by text:
it does not, every call does the full work.

Timed, on one core (CPU time via time.process_time, which other processes do not inflate, and wall
time): `figure_rows` (text -> figures rows, the work `tables` does per sentence) on every article;
`extract_figures` (the same plus a pandas DataFrame per call) on a sample; `figure_rows` on the
shipped articles repeated (their real density of numbers); quantulum3 on a sample of the same
articles (--sample-articles), so the ratio is visible without a long run.

    python benchmarks/figures_throughput.py [--megabytes 50] [--sample-articles 40]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from collections.abc import Callable, Sized

from realtext import ROOT, real_sentences

from analysis.figures.extract import extract_figures, figure_rows
from analysis.ingest.corpus import load_corpus

ARTICLE_BYTES = 3000  # the shipped articles average about 3 kB
SEED = 20241120


def build_articles(megabytes: float, seed: int = SEED) -> list[str]:
    """Deterministic articles of shuffled real sentences, paragraphs of three, totalling `megabytes`."""
    rng = random.Random(seed)
    sentences = real_sentences()
    articles: list[str] = []
    total = 0
    while total < megabytes * 1e6:
        picked: list[str] = []
        size = 0
        while size < ARTICLE_BYTES:
            sentence = rng.choice(sentences)
            picked.append(sentence)
            size += len(sentence.encode()) + 1
        paragraphs = [" ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)]
        article = "\n\n".join(paragraphs)
        articles.append(article)
        total += len(article.encode())
    return articles


def measure(name: str, extract: Callable[[str], Sized], texts: list[str], unit: str) -> float:
    """Run `extract` over the texts on one core; print MB/s (CPU and wall) and texts/s.

    Returns MB/s on CPU time, which the other processes of a busy machine do not inflate."""
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    found = 0
    wall = time.perf_counter()
    started = time.process_time()
    for text in texts:
        found += len(extract(text))
    seconds = time.process_time() - started
    wall = time.perf_counter() - wall
    print(
        f"{name:36s} {megabytes:6.1f} MB {len(texts):6d} {unit:8s} "
        f"CPU {seconds:5.1f} s {megabytes / seconds:5.2f} MB/s {len(texts) / seconds:6.0f} {unit}/s | "
        f"wall {wall:5.1f} s {megabytes / wall:5.2f} MB/s | {found} figures"
    )
    return megabytes / seconds


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--megabytes", type=float, default=50.0)
    arguments.add_argument("--sample-articles", type=int, default=40)
    arguments.add_argument("--api-articles", type=int, default=2000)
    options = arguments.parse_args()
    articles = build_articles(options.megabytes)
    size = sum(len(a.encode()) for a in articles) / 1e6
    print(
        f"corpus: {len(articles)} articles of real sentences, {size:.1f} MB (seed {SEED}), "
        f"from {len(set(real_sentences()))} distinct sentences; one core, CPU and wall time"
    )
    ours = measure("figure_rows, number-dense articles", figure_rows, articles, "articles")
    measure(
        "extract_figures (DataFrame), dense",
        extract_figures,
        articles[: options.api_articles],
        "articles",
    )
    shipped = [a.raw_text for a in load_corpus(ROOT / "data" / "corpus").articles]
    measure("figure_rows, shipped articles x300", figure_rows, shipped * 300, "articles")
    measure("extract_figures (DataFrame), shipped", extract_figures, shipped * 300, "articles")
    tracemalloc.start()
    for article in articles[:500]:
        figure_rows(article)
    peak_traced = tracemalloc.get_traced_memory()[1] / 1e3
    tracemalloc.stop()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(
        f"peak memory: {peak_traced:.0f} kB allocated while extracting (tracemalloc, 500 articles); "
        f"process peak RSS {peak_rss:.0f} MB, including the {size:.0f} MB corpus held in memory"
    )
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 not installed (pip install -e '.[bench]'): baseline skipped")
        return
    sample = articles[: options.sample_articles]
    theirs = measure("quantulum3 parser.parse, dense", parser.parse, sample, "articles")
    print(f"figure_rows is {ours / theirs:.0f}x faster than quantulum3 on one core (CPU time)")


if __name__ == "__main__":
    main()
