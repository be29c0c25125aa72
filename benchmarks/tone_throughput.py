"""VADER scoring cost: vaderSentiment's polarity_scores against analysis/stance/vader.py, on one core.

Prints CPU microseconds per clause for both on every clause (the text tone scores) of the shipped
corpus and the NewsQuant sentences, then the per-article map's ms/article on a corpus with the tone
cache cleared before each article (a real corpus rarely repeats a clause), scored by each.
Run: python benchmarks/tone_throughput.py [--corpus FOLDER] [--articles 2000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from realtext import ROOT, real_sentences
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.ingest.article import build_article
from analysis.ingest.corpus import read_folder
from analysis.pipeline import Rules, analyse_article
from analysis.stance import tone, vader

ROUNDS = 5


def library_scorer() -> Callable[[str], float]:
    """vaderSentiment's own compound score."""
    analyzer = SentimentIntensityAnalyzer()
    return lambda text: analyzer.polarity_scores(text)["compound"]


def per_clause_us(score: Callable[[str], float], clauses: list[str]) -> float:
    """CPU microseconds per clause, the best of a few rounds."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        for clause in clauses:
            score(clause)
        best = min(best, time.process_time() - start)
    return best / len(clauses) * 1e6


def map_ms(folder: Path, count: int, score: Callable[[str], float]) -> float:
    """CPU ms per article of the map with `score` as the tone scorer, its cache cleared per article."""
    rules = Rules()
    articles = [build_article(record) for record in read_folder(folder).records[:count]]
    ours = vader.compound
    vader.compound = score  # tone.sentence_tone calls vader.compound
    try:
        for article in articles[:20]:
            analyse_article(article, rules)
        start = time.process_time()
        for article in articles:
            tone.sentence_tone.cache_clear()
            analyse_article(article, rules)
        return (time.process_time() - start) / len(articles) * 1000
    finally:
        vader.compound = ours
        tone.sentence_tone.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus")
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    clauses = [m.group(0) for s in real_sentences() for m in tone._CLAUSE_RE.finditer(s)]
    library = library_scorer()
    before, after = per_clause_us(library, clauses), per_clause_us(vader.compound, clauses)
    print(f"{len(clauses)} clauses (shipped corpus + NewsQuant), CPU, one core")
    print(f"  vaderSentiment  {before:6.2f} us/clause")
    print(f"  analysis.stance.vader  {after:6.2f} us/clause  ({before / after:.1f}x)")
    print(f"map on {args.corpus}, tone cache cleared per article")
    old, new = (
        map_ms(args.corpus, args.articles, library),
        map_ms(args.corpus, args.articles, vader.compound),
    )
    print(f"  vaderSentiment  {old:6.2f} ms/article")
    print(f"  analysis.stance.vader  {new:6.2f} ms/article")


if __name__ == "__main__":
    main()
