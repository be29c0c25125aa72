"""Any-story accuracy: the hand-written test stories analysed with no story file.

    python benchmarks/story_accuracy.py

Prints, per story under tests/data/stories/: the share of quoted words with a camp, the labelled
speakers with the right affiliation and the labelled actors found.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.ingest.corpus import load_corpus
from analysis.pipeline import analyse
from analysis.stance.measures import measures

STORIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "stories"


def main() -> None:
    for folder in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        labels = json.loads((STORIES / f"{folder.name}.labels.json").read_text(encoding="utf-8"))
        found = measures(analyse(load_corpus(folder)), labels)
        print(
            f"{folder.name}: quoted words with a camp {found['quoted_words_with_camp']:.0%}, "
            f"speakers with the right affiliation {found['speakers_right']:.0%} "
            f"({len(labels['speakers'])} labelled), actors found {found['actors_found']:.0%}"
        )


if __name__ == "__main__":
    main()
