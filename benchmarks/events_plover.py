"""Who did what to whom, scored on the PLOVER gold-standard records (benchmarks/data/plover/).

Each record is one sentence coded by hand with one event: its type, its source actors and target
actors. The events table of each sentence (read as a one-sentence English article) is compared:
- event recall: the coded type is among the sentence's event types (DEMAND is PLOVER's former name
  of REQUEST, DISAPPROVE of ACCUSE, FIGHT is counted as ASSAULT; INVESTIGATE and DOCUMENT, which
  the project does not code, are left out);
- source and target: among the rows of the coded type, one names an actor of the coded source
  (target), where the coded actor text names an actor of the gazetteer at all.
A record codes one event of its sentence, so other events found in it are not counted as errors.

    python benchmarks/events_plover.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.events.extract import event_rows  # noqa: E402
from analysis.ingest.article import article_from_text  # noqa: E402
from analysis.voices.attribution import quotes_of  # noqa: E402
from analysis.world.mentions import SentenceMentions  # noqa: E402
from analysis.world.story import load_actors  # noqa: E402

RECORDS = ROOT / "benchmarks" / "data" / "plover" / "gold_standard_records.jsonl"
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
NOT_CODED = {"INVESTIGATE", "DOCUMENT"}


def records() -> list[dict]:
    """The records that code a sentence with an event type the project codes."""
    rows = [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r.get("text") and r["event"] not in NOT_CODED]


def score() -> dict[str, float]:
    """Event recall, source and target accuracy (with their counts) over the gold records."""
    actors = load_actors()
    found = sources = sources_right = targets = targets_right = 0
    coded = records()
    for record in coded:
        article = article_from_text(record["text"] + "\n")
        rows = event_rows(article, quotes_of(article, actors), SentenceMentions(actors))
        wanted = RENAMED.get(record["event"], record["event"])
        mine = [r for r in rows if r["event"] == wanted]
        if not mine:
            continue
        found += 1
        for key, coded_actors in (("source", record["source"]), ("target", record["target"])):
            named = _actors(coded_actors, actors)
            if not named:
                continue
            right = any(r[key] in named for r in mine)
            if key == "source":
                sources, sources_right = sources + 1, sources_right + right
            else:
                targets, targets_right = targets + 1, targets_right + right
    return {
        "records": len(coded),
        "event_recall": found / len(coded),
        "source_accuracy": sources_right / max(sources, 1),
        "sources_scored": sources,
        "target_accuracy": targets_right / max(targets, 1),
        "targets_scored": targets,
    }


def _actors(coded: object, actors) -> set[str]:
    """Gazetteer actors named by the coded actor texts (empty when none is known)."""
    if not isinstance(coded, list):
        return set()
    return {m.actor for a in coded for m in actors.mentions(a.get("actorText") or "")}


if __name__ == "__main__":
    started = time.perf_counter()
    result = score()
    seconds = time.perf_counter() - started
    for name, value in result.items():
        print(f"{name:18} {value:.3f}" if isinstance(value, float) else f"{name:18} {value}")
    print(f"{result['records'] / seconds:.0f} records/s (with article building and quotes)")
