"""Escalation matching and quote attribution per language, on one core.

The text is the hand-written labelled items of tests/data/languages/<code>.jsonl (and the shipped
corpus for English), repeated to --mb megabytes for the matcher and to articles of about 3 KB for
the quotes. These items are written to be dense (about one escalation hit per 80 bytes, a quote in
every item), so the numbers are a floor for ordinary copy. Prints MB/s of UTF-8 text.
Run: python benchmarks/languages_throughput.py [--mb 2]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from analysis.escalation.hits import find_hits, load_lexicon
from analysis.ingest.article import article_from_text
from analysis.voices.attribution import quotes_of
from analysis.world.story import load_actors

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "fr", "de", "es", "ru", "uk", "ko", "zh", "tr", "pt", "it", "ar", "fa", "he")


def sample(code: str) -> str:
    """The benchmark text of one language."""
    if code == "en":
        return " ".join(
            p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("data/corpus/*.txt"))
        )
    lines = (ROOT / "tests" / "data" / "languages" / f"{code}.jsonl").read_text(encoding="utf-8")
    return "\n\n".join(json.loads(line)["text"] for line in lines.splitlines() if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes matched per language")
    args = parser.parse_args()
    lexicon, actors = load_lexicon(), load_actors()
    for code in LANGUAGES:
        text = sample(code)
        big = "\n\n".join([text] * max(1, int(args.mb * 1e6 / len(text.encode()))))
        pack = lexicon.for_language(code)
        find_hits(text, pack)  # build the matcher outside the timing
        started = time.perf_counter()
        hits = len(find_hits(big, pack))
        seconds = time.perf_counter() - started
        size = len(big.encode()) / 1e6
        article = article_from_text(text[:3000].rsplit("\n\n", 1)[0] if code != "en" else text)
        quotes_of(article, actors)
        started = time.perf_counter()
        rounds = 20
        for _ in range(rounds):
            found = quotes_of(article, actors)
        per_article = (time.perf_counter() - started) / rounds
        print(
            f"{code}: escalation {size / seconds:5.1f} MB/s ({hits:,} hits in {size:.1f} MB); "
            f"quotes {len(article.raw_text.encode()) / per_article / 1e6:4.2f} MB/s "
            f"({per_article * 1000:.1f} ms for {len(article.raw_text):,} characters, "
            f"{len(found)} quotes)"
        )


if __name__ == "__main__":
    main()
