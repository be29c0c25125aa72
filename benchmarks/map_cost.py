"""The per-article map's CPU cost, whole and by stage, on one core (the 15 % budget of new analysis).

Builds `--articles` generated articles (benchmarks/pipeline_throughput.py's generator: shipped and
NewsQuant sentences recombined into ~3.8 kB articles) and times `analyse_article` on each, the best
of `--rounds` rounds (CPU time, so other processes on the machine matter less), then the stages the
map runs, each timed alone on the same articles: quotes, figures, escalation hits, events, tone
(the NewsMTSC model), framing and people. Prints ms/article and peak memory.

    python benchmarks/map_cost.py [--articles 2000] [--rounds 3]
    python benchmarks/map_cost.py --unseen [--articles 200]

The generator repeats its sentences, so the per-sentence caches (tone tables, speaker phrases)
hit far more often than on real reporting. `--unseen` times one pass instead over articles of 25
distinct NewsMTSC training sentences each (benchmarks/data/newsmtsc, English news), after a
warm-up on 20 others: the cost on text the process has not seen.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline_throughput import write_articles

from analysis.escalation import hit_rows
from analysis.events.extract import event_rows
from analysis.figures import article_rows
from analysis.ingest.article import article_from_text, build_article
from analysis.ingest.corpus import read_folder
from analysis.pipeline import Rules, analyse_article
from analysis.stance.framing import framing_rows
from analysis.stance.tone import tone_rows
from analysis.voices import attribution, people
from analysis.world.mentions import SentenceMentions

NEWSMTSC = Path(__file__).resolve().parent / "data" / "newsmtsc" / "train.jsonl.gz"


def best_ms(run: Callable[[], None], count: int, rounds: int) -> float:
    """CPU ms per article of `run` over `count` articles, the best of `rounds`."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--unseen", action="store_true", help="distinct sentences, one pass")
    args = parser.parse_args()
    if args.unseen:
        unseen_cost(args.articles if args.articles != 2000 else 200)
        return
    with tempfile.TemporaryDirectory() as folder:
        write_articles(Path(folder), 0, args.articles, seed=7)
        records = read_folder(folder).records
    rules = Rules()
    actors, lexicon = rules.actors, rules.lexicon
    built = [build_article(record) for record in records]
    count = len(built)
    print(f"{count} generated articles, CPU ms/article, best of {args.rounds}, one core")
    whole = best_ms(lambda: [analyse_article(a, rules) for a in built], count, args.rounds)
    print(f"  the whole map (analyse_article)  {whole:6.3f}")
    build = best_ms(lambda: [build_article(r) for r in records], count, args.rounds)
    print(f"  building the articles             {build:6.3f}")
    quotes = [attribution.quotes_of(a, actors, {}) for a in built]
    mentions = [SentenceMentions(actors) for _ in built]
    figures = [article_rows(a, q) for a, q in zip(built, quotes, strict=True)]
    hits = [hit_rows(a, lexicon, q) for a, q in zip(built, quotes, strict=True)]
    events = [event_rows(a, q, m) for a, q, m in zip(built, quotes, mentions, strict=True)]
    both = list(zip(built, quotes, mentions, strict=True))
    stages = {
        "quotes and speakers": lambda: [attribution.quotes_of(a, actors, {}) for a in built],
        "figures": lambda: [article_rows(a, q) for a, q, _ in both],
        "escalation hits": lambda: [hit_rows(a, lexicon, q) for a, q, _ in both],
        "events": lambda: [event_rows(a, q, SentenceMentions(actors)) for a, q, _ in both],
        "tone (model)": lambda: [
            tone_rows(a, actors, q, h, SentenceMentions(actors), e)
            for (a, q, _), h, e in zip(both, hits, events, strict=True)
        ],
        "framing": lambda: [
            framing_rows(a, actors, q, f, SentenceMentions(actors))
            for (a, q, _), f in zip(both, figures, strict=True)
        ],
        "people": lambda: [people.people_rows(a, actors, {}) for a in built],
    }
    for name, run in stages.items():
        print(f"  {name:33} {best_ms(run, count, args.rounds):6.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


def unseen_cost(count: int, per_article: int = 25) -> None:
    """CPU ms per article of one pass over articles of distinct NewsMTSC sentences."""
    sentences: dict[str, None] = {}
    with gzip.open(NEWSMTSC, "rt", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            text = (item.get("sentence_normalized") or item.get("sentence") or "").strip()
            if text:
                sentences.setdefault(text, None)
    pool = list(sentences)
    needed = (count + 20) * per_article
    if len(pool) < needed:
        raise SystemExit(f"{len(pool)} distinct sentences: too few for {count} articles")
    built = [
        article_from_text("Headline\n\n" + "\n\n".join(pool[k : k + per_article]) + "\n")
        for k in range(0, needed, per_article)
    ]
    rules = Rules()
    for article in built[:20]:  # warm-up: imports, compiled patterns, the model loaded
        analyse_article(article, rules)
    start = time.process_time()
    for article in built[20:]:
        analyse_article(article, rules)
    spent = (time.process_time() - start) / count * 1000
    print(f"{count} articles of {per_article} distinct NewsMTSC sentences, one pass, one core")
    print(f"  the whole map (analyse_article)  {spent:6.3f} CPU ms/article")


if __name__ == "__main__":
    main()
