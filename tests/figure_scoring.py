"""Scoring of figures against hand labels in tests/data/figures_<lang>.jsonl (tests and benchmarks).

Each line: {"text": ..., "figures": [[value or null for a vague amount, kind, status, hedge], ...]}.
A figure found is right when its value is labelled in that sentence (value F1); its kind is then
compared with the label (kind accuracy over the labelled figures found).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from analysis.figures.extract import figure_rows

DATA = Path(__file__).parent / "data"


def labelled(language: str) -> list[dict]:
    """The hand-labelled sentences of one language."""
    path = DATA / f"figures_{language}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _key(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def score(language: str) -> dict[str, float]:
    """Value precision, recall and F1, and kind and status accuracy, of one language's labels."""
    tp = fp = fn = kinds = statuses = 0
    misses: list[str] = []
    for item in labelled(language):
        rows = figure_rows(item["text"], language)
        found = Counter(_key(None if r["vague"] else r["value_low"]) for r in rows)
        wanted = Counter(_key(f[0]) for f in item["figures"])
        hits = found & wanted
        tp += sum(hits.values())
        fp += sum((found - wanted).values())
        fn += sum((wanted - found).values())
        by_value = {_key(None if r["vague"] else r["value_low"]): r for r in rows}
        for value, kind, status, _hedge in item["figures"]:
            row = by_value.get(_key(value))
            kinds += bool(row) and row["kind"] == kind
            statuses += bool(row) and row["status"] == status
            if not row or (row["kind"], row["status"]) != (kind, status):
                got = (row["kind"], row["status"]) if row else None
                misses.append(f"{value}: {got} != {(kind, status)} in {item['text']}")
        if found - wanted:
            misses.append(f"not figures {sorted(map(str, (found - wanted)))} in {item['text']}")
    labels = sum(len(item["figures"]) for item in labelled(language))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "kind_accuracy": kinds / labels,
        "status_accuracy": statuses / labels,
        "misses": misses,  # type: ignore[dict-item]
    }
