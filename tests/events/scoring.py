"""Scoring the events table against hand-labelled sentences (tests/data/events_<lang>.jsonl): each
line is a sentence and its events as [source, event, target, agency(, negated)]; '' = not named."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.events.extract import event_rows
from analysis.ingest.article import article_from_text
from analysis.voices.attribution import article_mentions, quotes_of
from analysis.voices.packs import actors_for
from analysis.world.story import load_actors
from tests.paths import DATA


def labelled(language: str) -> list[dict]:
    path = Path(DATA, f"events_{language}.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def found(text: str, language: str) -> list[dict]:
    """The events rows of one sentence read as an article in `language`."""
    article = article_from_text(f"Headline.\n\n{text}\n")
    article = article.__class__(**{**article.__dict__, "language": language})
    actors = actors_for(load_actors(), language)
    quotes = quotes_of(article, load_actors())
    return event_rows(article, quotes, article_mentions(actors, article, quotes))  # as the map


def score(language: str) -> dict[str, float]:
    """Precision and recall of (source, event, target) and the share of agency right on matches."""
    wanted_n = found_n = right = agency_right = 0
    for item in labelled(language):
        rows = found(item["text"], language)
        mine = {(r["source"], r["event"], r["target"]): r for r in rows}
        wanted = {tuple(e[:3]): e for e in item["events"]}
        wanted_n, found_n = wanted_n + len(wanted), found_n + len(mine)
        for key, label in wanted.items():
            if key in mine:
                right += 1
                agency_right += mine[key]["agency"] == label[3]
    return {
        "precision": right / max(found_n, 1),
        "recall": right / max(wanted_n, 1),
        "agency": agency_right / max(right, 1),
        "events": wanted_n,
    }
