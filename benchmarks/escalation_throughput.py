"""Escalation matcher throughput on >= 50 MB of real news sentences, on one core.

The text is made of real sentences (the shipped corpus and the NewsQuant news sentences copied to
benchmarks/data/), shuffled with a fixed seed into articles of a few paragraphs. It is matched
with the shipped lexicon, with 2,000 words of VADER's sentiment lexicon (a realistic large
lexicon) and, as a worst case, with 2,000 words and word pairs of the benchmark text itself (about
one hit every five words: the per-hit cost dominates). Prints MB/s of UTF-8 text, hits and peak
memory. Matching only: corpus loading and sentence splitting are measured elsewhere.
Run: python benchmarks/escalation_throughput.py [--mb 50]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import vaderSentiment
from realtext import real_sentences

from analysis.escalation.hits import Lexicon, find_hits, load_lexicon, parse_lexicon
from analysis.escalation.terms import term_forms

GENERATED_TERMS = 2000
GENERATED_CATEGORIES = 10
SEED = 20241120


def articles(sentences: list[str], megabytes: float, rng: random.Random) -> list[str]:
    """Shuffled articles of 4-8 paragraphs of 2-5 sentences until `megabytes` of UTF-8 text."""
    texts, size = [], 0
    while size < megabytes * 1e6:
        paragraphs = [
            " ".join(rng.choices(sentences, k=rng.randint(2, 5))) for _ in range(rng.randint(4, 8))
        ]
        text = "\n\n".join(paragraphs)
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def lexicon_of(terms: list[str], name: str) -> Lexicon:
    """A lexicon of `terms` spread over 10 categories, through the same validator as user files."""
    lines = []
    for category in range(GENERATED_CATEGORIES):
        chunk = ", ".join(json.dumps(term) for term in terms[category::GENERATED_CATEGORIES])
        lines += [f"[generated_{category}]", f"terms = [{chunk}]"]
    return parse_lexicon("\n".join(lines) + "\n", name=name)


def distinct_spellings(words: Iterable[str]) -> list[str]:
    """`words` without -ise/-ize doubles (the validator rightly rejects them in two categories)."""
    return sorted({term_forms(word)[0]: word for word in words}.values())


def sentiment_lexicon(rng: random.Random) -> Lexicon:
    """2,000 words sampled from VADER's sentiment lexicon: a real, larger lexicon of the same kind."""
    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    entries = [line.split("\t")[0] for line in path.read_text("utf-8", "replace").splitlines()]
    words = distinct_spellings(e for e in entries if re.fullmatch(r"[a-z]{3,}", e))
    return lexicon_of(rng.sample(words, GENERATED_TERMS), "vader-2000")


def dense_lexicon(sentences: list[str], rng: random.Random) -> Lexicon:
    """Worst case: 1,500 words and 500 word pairs of the benchmark text itself (100 commonest out)."""
    tokens = [re.findall(r"[a-z]+", s.lower()) for s in sentences]
    words = Counter(w for sentence in tokens for w in sentence if len(w) >= 3)
    vocabulary = distinct_spellings(w for w, _ in words.most_common()[100:])
    pairs = {
        f"{a} {b}"
        for sentence in tokens
        for a, b in zip(sentence, sentence[1:], strict=False)
        if len(a) > 3 and len(b) > 3
    }
    singles = rng.sample(vocabulary, GENERATED_TERMS * 3 // 4)
    terms = singles + rng.sample(sorted(pairs), GENERATED_TERMS - len(singles))
    rng.shuffle(terms)
    return lexicon_of(terms, "dense-2000")


def measure(texts: list[str], lexicon: Lexicon) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and hits of matching every text once (automaton built before).

    CPU time is what one core spends; it equals wall time on an idle machine.
    """
    find_hits("warm-up builds the automaton", lexicon)
    cpu, wall = time.process_time(), time.perf_counter()
    hits = sum(len(find_hits(text, lexicon)) for text in texts)
    return time.process_time() - cpu, time.perf_counter() - wall, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of text (default 50)")
    args = parser.parse_args()
    sentences = real_sentences()
    texts = articles(sentences, args.mb, random.Random(SEED))
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{megabytes:.1f} MB in {len(texts)} articles from {len(sentences)} real sentences")
    lexicons = [
        ("shipped lexicon", load_lexicon()),
        ("2,000 VADER words", sentiment_lexicon(random.Random(SEED))),
        ("2,000 words of the text (worst case)", dense_lexicon(sentences, random.Random(SEED))),
    ]
    for label, lexicon in lexicons:
        cpu, wall, hits = measure(texts, lexicon)
        print(
            f"{label} ({len(lexicon.terms)} terms): {megabytes / cpu:.1f} MB/s "
            f"({cpu:.2f} s CPU, {wall:.2f} s wall), {hits} hits ({hits / megabytes:.0f} per MB)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process, text included): {peak:.0f} MB")


if __name__ == "__main__":
    main()
