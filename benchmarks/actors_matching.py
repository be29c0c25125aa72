"""Actor matching speed: `Actors.mentions` on real news sentences, per sentence and on one long
text, with the world gazetteer plus the shipped story (~240 actors, ~1,600 aliases).

    python benchmarks/actors_matching.py
"""

from __future__ import annotations

import time

from realtext import real_sentences

from analysis.world.story import SHIPPED_STORY, load_actors


def main() -> None:
    actors = load_actors(SHIPPED_STORY)
    aliases = sum(len(a.aliases) + len(a.people) for a in actors.actors)
    sentences = real_sentences()
    text = " ".join(sentences) * 20
    started = time.perf_counter()
    found = actors.mentions(text)
    long_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(20):
        for sentence in sentences:
            actors.mentions(sentence)
    per_sentence = (time.perf_counter() - started) / (20 * len(sentences))
    print(
        f"{len(actors.actors)} actors, {aliases:,} aliases: one {len(text) / 1e6:.1f} MB text "
        f"{len(text) / 1e6 / long_seconds:.1f} MB/s ({len(found):,} mentions); "
        f"{per_sentence * 1e6:.1f} µs per sentence"
    )


if __name__ == "__main__":
    main()
