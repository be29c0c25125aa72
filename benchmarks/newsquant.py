"""Score `extract_figures` on NewsQuant (590 news sentences, 904 labelled quantities; CQE, EMNLP 2023).

Scoring as in the CQE paper and benchmarks/data/NewsQuant-README.md: per sentence, a predicted quantity is a true
positive when its value equals a labelled value (a range compares both ends; np.isclose), each label
matched once; precision = TP / predicted, recall = TP / labelled. A vague amount ("thousands") is
compared through its order-of-magnitude bounds (1,000..10,000), the convention of the labels.

    python benchmarks/newsquant.py [--errors] [--quantulum]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.figures.extract import extract_figures  # noqa: E402
from analysis.numbers.english import vague_bounds  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "NewsQuant.json"
_NUMBER = r"-?\d*\.?\d+(?:[eE][-+]?\d+)?"
_LABEL_RE = re.compile(rf"\s*({_NUMBER})\s*(?:-\s*({_NUMBER}))?\s*")

Value = tuple[float, float]


def label_value(value: str) -> Value:
    """A label's value string ('13000.0', '1000000-10000000', '-5.0', '2.998E-08') as sorted ends."""
    match = _LABEL_RE.fullmatch(value)
    if not match:
        raise ValueError(f"unreadable label value {value!r}")
    low = float(match.group(1))
    high = float(match.group(2)) if match.group(2) else low
    return (min(low, high), max(low, high))


def our_values(sentence: str) -> list[Value]:
    """Values `extract_figures` reports for a sentence (vague amounts as their bounds)."""
    values = []
    for row in extract_figures(sentence).to_dict("records"):
        bounds = (
            vague_bounds(row["vague"]) if row["vague"] else (row["value_low"], row["value_high"])
        )
        if bounds is not None:
            values.append((min(bounds), max(bounds)))
    return values


def quantulum_values(sentence: str) -> list[Value]:
    """Values quantulum3 reports for a sentence (its ranges keep both ends)."""
    from quantulum3 import parser

    values = []
    for quantity in parser.parse(sentence):
        uncertainty = getattr(quantity, "uncertainty", None)
        if uncertainty:
            values.append((quantity.value - uncertainty, quantity.value + uncertainty))
        else:
            values.append((float(quantity.value), float(quantity.value)))
    return values


def score(extract: Callable[[str], list[Value]], data: list[dict], errors: bool = False) -> dict:
    """Precision, recall and F1 of `extract` on the labelled sentences."""
    tp = fp = fn = 0
    for number, item in enumerate(data):
        gold = [label_value(q["value"]) for q in item["quantities"]]
        used = [False] * len(gold)
        wrong: list[str] = []
        for low, high in extract(item["text"]):
            match = next(
                (
                    i
                    for i, (g_low, g_high) in enumerate(gold)
                    if not used[i] and np.isclose(g_low, low) and np.isclose(g_high, high)
                ),
                None,
            )
            if match is None:
                fp += 1
                wrong.append(f"FP {low:g}..{high:g}" if low != high else f"FP {low:g}")
            else:
                used[match] = True
                tp += 1
        missed = [g for g, u in zip(gold, used, strict=True) if not u]
        fn += len(missed)
        wrong += [f"FN {lo:g}..{hi:g}" if lo != hi else f"FN {lo:g}" for lo, hi in missed]
        if errors and wrong:
            print(f"{number}: {item['text'][:160]}\n    {', '.join(wrong)}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--errors", action="store_true", help="list every miss and false hit")
    arguments.add_argument(
        "--no-quantulum", action="store_true", help="skip the quantulum3 baseline"
    )
    options = arguments.parse_args()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    labels = sum(len(item["quantities"]) for item in data)
    print(f"NewsQuant: {len(data)} sentences, {labels} labelled quantities (value F1)")
    systems: list[tuple[str, Callable[[str], list[Value]]]] = [("extract_figures", our_values)]
    if not options.no_quantulum:
        try:
            import quantulum3  # noqa: F401

            systems.append(("quantulum3", quantulum_values))
        except ImportError:
            print("quantulum3 not installed (pip install -e '.[bench]'): baseline skipped")
    for name, extract in systems:
        result = score(extract, data, errors=options.errors and name == "extract_figures")
        print(
            f"{name:16s} precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
            f"F1 {result['f1']:.3f}  (TP {result['tp']}, FP {result['fp']}, FN {result['fn']})"
        )


if __name__ == "__main__":
    main()
