"""Train the tone-toward-a-target model on NewsMTSC and write data/models/tone_en.npz.

A multinomial logistic regression (scikit-learn's lbfgs solver, deterministic: no random state is
used) over the target-aware features of analysis/stance/model_features.py, on the training set
shipped in benchmarks/data/newsmtsc/ (Hamborg & Donnay, EACL 2021; MIT licence). The
regularisation strength is chosen by 5-fold cross-validation on the training set alone, with folds by sentence (a sentence's targets stay in one fold) assigned by a
hash of the sentence, so every run picks the same; the dev sets are never read here. The model is
written as plain arrays (vocabulary, weights, labels, format and version strings), never a pickle.

Needs the `train` extra (scikit-learn). About a minute on one core (10 s with --no-search).
Run: python tools/train_tone.py [--out data/models/tone_en.npz] [--no-search]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.stance import model as tone_model  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "newsmtsc"
VERSION = "newsmtsc-train-lr-2"
FOLDS = 5
MIN_COUNT = 2  # a feature seen in fewer training items is dropped
# searched by cross-validation; the defaults are the values the search picked on the full set
C_GRID = (0.1, 0.2, 0.4)
DEFAULT_C = 0.2


def read_items(name: str) -> list[dict]:
    """The items of one shipped NewsMTSC file (train, dev-rw, dev-mt)."""
    with gzip.open(DATA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def featurize(items: list[dict]) -> list[dict[str, float]]:
    return [tone_model.features(i["sentence"], i["from"], i["to"]) for i in items]


def classes(items: list[dict]) -> np.ndarray:
    """Class index per item: 0 critical (-1), 1 neutral (0), 2 favourable (1)."""
    return np.array([int(item["polarity"]) + 1 for item in items], dtype=np.int64)


def vocabulary(feats: list[dict[str, float]], min_count: int) -> list[str]:
    """Feature names present in at least `min_count` items, sorted (bias always kept)."""
    counts = Counter(name for row in feats for name in row)
    return sorted(name for name, n in counts.items() if n >= min_count or name == "bias")


def matrix(feats: list[dict[str, float]], vocab: list[str]):
    """The sparse item x feature matrix over `vocab` (unknown features dropped)."""
    from scipy.sparse import csr_matrix

    index = {name: i for i, name in enumerate(vocab)}
    rows, cols, values = [], [], []
    for r, row in enumerate(feats):
        for name, value in row.items():
            c = index.get(name)
            if c is not None:
                rows.append(r)
                cols.append(c)
                values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(feats), len(vocab)), dtype=np.float64)


def fit_lr(x, y: np.ndarray, c: float) -> np.ndarray:
    """Weights (features x 3) of the multinomial logistic regression; 'bias' is a feature of every
    row, so the intercept is learnt (regularised) as its weight."""
    from sklearn.linear_model import LogisticRegression

    learner = LogisticRegression(
        C=c, solver="lbfgs", max_iter=2000, tol=1e-4, fit_intercept=False, class_weight="balanced"
    )
    return learner.fit(x, y).coef_.T.copy()


def fit(feats: list[dict[str, float]], y: np.ndarray, c: float):
    """(vocabulary, weights features x 3) fitted on `feats`."""
    vocab = vocabulary(feats, MIN_COUNT)
    return vocab, fit_lr(matrix(feats, vocab), y, c)


def predict(vocab: list[str], weights: np.ndarray, feats: list[dict[str, float]]) -> np.ndarray:
    return np.asarray(matrix(feats, vocab) @ weights).argmax(axis=1)


def f1_macro(y: np.ndarray, predicted: np.ndarray) -> float:
    """F1_m: the mean of the three classes' F1."""
    scores = []
    for k in range(3):
        tp = int(np.sum((predicted == k) & (y == k)))
        fp = int(np.sum((predicted == k) & (y != k)))
        fn = int(np.sum((predicted != k) & (y == k)))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def fold_of(items: list[dict]) -> np.ndarray:
    """Fold of each item, by a hash of its sentence (the same every run)."""
    return np.array([zlib.crc32(i["sentence"].encode("utf-8")) % FOLDS for i in items])


def held_out_scores(feats: list[dict[str, float]], y: np.ndarray, folds: np.ndarray, c: float):
    """Each item's class scores from the model fitted without its fold."""
    found = np.zeros((len(y), 3))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        chosen = [f for f, t in zip(feats, train, strict=True) if t]
        vocab = vocabulary(chosen, MIN_COUNT)
        held = [f for f, t in zip(feats, test, strict=True) if t]
        found[test] = np.asarray(matrix(held, vocab) @ fit_lr(matrix(chosen, vocab), y[train], c))
    return found


def search(feats: list[dict[str, float]], y: np.ndarray, folds: np.ndarray) -> float:
    """The C of the best cross-validated F1_m (the smaller C wins a tie)."""
    results = {}
    for c in C_GRID:
        results[c] = f1_macro(y, held_out_scores(feats, y, folds, c).argmax(1))
        print(f"cv C={c}: F1_m {results[c]:.4f}", flush=True)
    c = max(results, key=lambda key: (results[key], -key))
    print(f"picked C={c}")
    return c


def train(items: list[dict], c: float = DEFAULT_C):
    """(vocabulary, weights) fitted on `items`."""
    return fit(featurize(items), classes(items), c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=tone_model.MODEL_PATH)
    parser.add_argument("--no-search", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    started = time.perf_counter()
    items = read_items("train")
    feats, y = featurize(items), classes(items)
    c = DEFAULT_C if args.no_search else search(feats, y, fold_of(items))
    vocab, weights = fit(feats, y, c)
    version = f"{VERSION} C={c}"
    tone_model.save_model(args.out, vocab, weights, version)
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({len(vocab)} features, {size / 1e6:.2f} MB, {version}) "
        f"in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
