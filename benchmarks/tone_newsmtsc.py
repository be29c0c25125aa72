"""Tone toward a target on NewsMTSC's two dev sets: the learned model against VADER and a baseline.

Prints F1_m (the mean of the three classes' F1, the paper's measure) on dev-rw and dev-mt for
  - the shipped model (analysis/stance/model.py, data/models/tone_en.npz),
  - the stance table's lexical method: VADER's compound on the clause around the mention
    (analysis/stance/tone.py's clause cut and thresholds, without its escalation rule),
  - a plain linear baseline: logistic regression over the sentence's words (needs scikit-learn,
    in the `train` and `test` extras), trained here on the same training set,
then the model's targets/s on one core, caches cleared each round, on the dev sets and on the
shipped corpus's sentences with their actor mentions (tone_toward per target, tone_many per sentence) and the peak
memory of loading the model and scoring (tracemalloc) and of the process (ru_maxrss).
Run: python benchmarks/tone_newsmtsc.py
"""

from __future__ import annotations

import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import train_tone  # noqa: E402

from analysis.ingest.corpus import load_corpus  # noqa: E402
from analysis.stance import model as tone_model  # noqa: E402
from analysis.stance import (  # noqa: E402
    model_features,  # noqa: E402
    tone,
    vader,
)
from analysis.world import languages, story  # noqa: E402

DEV = ("dev-rw", "dev-mt")
ROUNDS = 5
CLASS = {"critical": 0, "neutral": 1, "favourable": 2}


def model_classes(items: list[dict]) -> np.ndarray:
    return np.array(
        [CLASS[tone_model.tone_toward(i["sentence"], i["from"], i["to"])[0]] for i in items]
    )


# the clause cut of the stance table's VADER tone (analysis/stance/tone.py before the model)
_CLAUSE_RE = re.compile(r"[^,;:—–“”\"«»]+")


def clause_around(text: str, offset: int) -> str:
    """The clause of `text` holding `offset` (cut at commas, semicolons, colons, dashes, quotes);
    the whole text for an offset on a cut."""
    for clause in _CLAUSE_RE.finditer(text):
        if clause.start() <= offset < clause.end():
            return clause.group(0)
    return text


def vader_classes(items: list[dict]) -> np.ndarray:
    """The stance table's old reading: VADER on the clause around the mention, -0.10 / +0.10."""
    found = []
    for item in items:
        score = vader.compound(clause_around(item["sentence"], item["from"]))
        found.append(0 if score <= tone.CRITICAL_AT else 2 if score >= tone.FAVOURABLE_AT else 1)
    return np.array(found)


def bag_of_words(items: list[dict]) -> list[dict[str, float]]:
    return [
        {"bias": 1.0, **{f"w:{w}": 1.0 for w in model_features.parse(i["sentence"]).words}}
        for i in items
    ]


def clear_caches() -> None:
    """Forget every sentence and word read: a real corpus rarely repeats a sentence."""
    model_features.parse.cache_clear()
    model_features._vader.cache_clear()
    model_features._action.cache_clear()
    tone_model.model().tables.cache_clear()


def targets_per_second(sentences: list[tuple[str, list[tuple[int, int]]]], many: bool) -> float:
    """Targets scored per CPU second, the best of a few rounds, caches cleared each round: one
    `tone_toward` call per target, or one `tone_many` call per sentence."""
    best = float("inf")
    for _ in range(ROUNDS):
        clear_caches()
        start = time.process_time()
        for sentence, spans in sentences:
            if many:
                tone_model.tone_many(sentence, spans)
            else:
                for begin, end in spans:
                    tone_model.tone_toward(sentence, begin, end)
        best = min(best, time.process_time() - start)
    return sum(len(spans) for _, spans in sentences) / best


def shipped_sentences() -> list[tuple[str, list[tuple[int, int]]]]:
    """The shipped corpus's English sentences naming an actor of its story, with the mentions."""
    actors = story.load_actors(story.SHIPPED_STORY)
    found = []
    for article in load_corpus(story.SHIPPED_STORY.parent).articles:
        if languages.code(article.language) not in ("en", ""):
            continue
        for sentence in article.counted_sentences:
            if mentions := actors.mentions(sentence.text):
                found.append((sentence.text, [(m.start, m.end) for m in mentions]))
    return found


def main() -> None:
    tracemalloc.start()
    loaded = tone_model.model()
    dev = {name: train_tone.read_items(name) for name in DEV}
    model_scores = {
        name: train_tone.f1_macro(train_tone.classes(d), model_classes(d))
        for name, d in dev.items()
    }
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    train = train_tone.read_items("train")
    bag = bag_of_words(train)
    vocab = train_tone.vocabulary(bag, 2)
    weights = train_tone.fit_lr(train_tone.matrix(bag, vocab), train_tone.classes(train), 0.3)
    print(
        f"model {loaded.version}: {len(loaded.index)} features, "
        f"{tone_model.MODEL_PATH.stat().st_size / 1e6:.2f} MB"
    )
    print(f"{'F1_m':<38}" + "".join(f"{name:>9}" for name in DEV))
    rows = {
        "tone model (stance/model.py)": model_scores,
        "VADER on the clause (stance/tone.py)": {
            n: train_tone.f1_macro(train_tone.classes(d), vader_classes(d)) for n, d in dev.items()
        },
        "bag-of-words logistic regression": {
            n: train_tone.f1_macro(
                train_tone.classes(d), train_tone.predict(vocab, weights, bag_of_words(d))
            )
            for n, d in dev.items()
        },
        "paper (test sets, not dev)": {"dev-rw": 0.831, "dev-mt": 0.825},
    }
    for label, scores in rows.items():
        print(f"{label:<38}" + "".join(f"{scores[n]:>9.3f}" for n in DEV))
    by_sentence: dict[str, list[tuple[int, int]]] = {}
    for item in (item for d in dev.values() for item in d):
        by_sentence.setdefault(item["sentence"], []).append((item["from"], item["to"]))
    for label, sentences in (
        ("dev sets", list(by_sentence.items())),
        ("shipped corpus", shipped_sentences()),
    ):
        count = sum(len(spans) for _, spans in sentences)
        print(
            f"speed on the {label} ({count} targets in {len(sentences)} sentences, one core, "
            f"best of {ROUNDS}): tone_toward {targets_per_second(sentences, False):,.0f} "
            f"targets/s, tone_many {targets_per_second(sentences, True):,.0f} targets/s"
        )
    print(
        f"peak traced memory loading the model and scoring the dev sets: {peak / 1e6:.1f} MB; "
        f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB"
    )


if __name__ == "__main__":
    main()
