"""Speaker accuracy on hand-labelled articles about stories other than the shipped one.

    python benchmarks/speaker_accuracy.py [batch_a|batch_b ...] [--show]

Prints, per batch and language: the labelled speakers found, found with the right affiliation,
and false speakers per 100 quotes with a speaker (tests/speaker_scoring.py). --show lists the
misses and the false speakers.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.speaker_scoring import BATCHES, articles, score  # noqa: E402


def main() -> None:
    show = "--show" in sys.argv
    batches = [a for a in sys.argv[1:] if not a.startswith("--")]
    for batch in batches or sorted(p.stem for p in BATCHES.glob("*.toml")):
        languages = sorted({a["language"] for a in articles(batch)})
        for language in [None, *languages]:
            found = score(batch, language)
            print(
                f"{batch} {language or 'all':>3}: {found.right}/{found.labelled} right "
                f"({found.right_share:.0%}), {found.found} found, "
                f"false speakers {found.false}/{found.quotes} quotes "
                f"({found.false_per_100:.1f} per 100)"
            )
            if show and language is None:
                print("  misses:", *found.misses, sep="\n    ")
                print("  false speakers:", *found.false_speakers, sep="\n    ")


if __name__ == "__main__":
    main()
