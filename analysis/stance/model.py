"""Tone toward one target of a sentence, learned from labelled news (NewsMTSC).

`tone_toward(sentence, start, end)` reads how an English news sentence treats the mention at
characters start..end (end exclusive): ("critical" | "neutral" | "favourable", score -1 .. 1), the
score being P(favourable) - P(critical) of a multinomial logistic regression trained by
tools/train_tone.py on the NewsMTSC training set (Hamborg & Donnay, EACL 2021; MIT licence) and
shipped as plain arrays in data/models/tone_en.npz (read with allow_pickle=False, never a pickle).
`tone_many(sentence, spans)` scores several targets of one sentence, reading the sentence once.

The features are defined in model_features.py (`features`, the name -> value vector the training
reads). Scoring does not build that vector: the word features' weights are looked up once per
sentence token (a word's rows as left / right / far / bag / beside-the-target context, a bigram's as
left / right pair) and summed per target by distance, and only the dozen features about the
target's place in the sentence are named; the sum is the same (tests/stance/test_model.py).

English only: any other language raises ValueError (no labelled set there, tone is not measured).
Imports only numpy, the standard library and analysis.stance, so it runs in every worker.
"""

from __future__ import annotations

import math
import zipfile
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.stance.model_features import (
    WEIGHTS,
    WINDOW,
    features,
    parse,
    span,
    target_features,
)

__all__ = ["LABELS", "ToneModel", "ToneModelError", "features", "tone_many", "tone_toward"]

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "models" / "tone_en.npz"
LABELS = ("critical", "neutral", "favourable")  # the model's classes, polarity -1, 0, 1
FORMAT = "tone-linear-1"  # the feature layout model_features.py computes; the file must name it

_ZERO = (0.0, 0.0, 0.0)
# a word's rows by the context it is in: left, right, far, bag, left beside the target (l1),
# right beside (r1), left pair with the target ('l2:word <t>'), right pair ('r2:<t> word')
_SLOTS = {"l": 0, "r": 1, "s": 2, "w": 3, "l1": 4, "r1": 5}
_NO_WORD = (_ZERO,) * 8
_NO_PAIR = (_ZERO, _ZERO)


class _Rows(dict):
    """Word -> its rows; a word the model has no feature for has none (all zero)."""

    def __missing__(self, word: str):
        return _NO_WORD


class ToneModelError(RuntimeError):
    """The shipped tone model is missing or malformed."""


class ToneModel:
    """Feature vocabulary (name -> row) and weights (rows x 3 classes) of the linear model, and
    the word features' rows by word and by word pair, for scoring without naming them."""

    def __init__(self, vocabulary: list[str], weights: np.ndarray, version: str) -> None:
        if weights.ndim != 2 or weights.shape != (len(vocabulary), len(LABELS)):
            raise ToneModelError(
                f"tone model: weights of shape {weights.shape} for {len(vocabulary)} features"
            )
        self.index = {name: row for row, name in enumerate(vocabulary)}
        if len(self.index) != len(vocabulary):
            raise ToneModelError("tone model: a feature name appears twice in the vocabulary")
        self.weights = weights.astype(np.float64)
        self.rows = [tuple(row) for row in self.weights.tolist()]
        self.version = version
        self.named = {name: self.rows[i] for name, i in self.index.items()}
        words: dict[str, list] = {}
        pairs: dict[str, list] = {}
        for name, row in self.named.items():
            family, _, rest = name.partition(":")
            if family in _SLOTS:
                words.setdefault(rest, list(_NO_WORD))[_SLOTS[family]] = row
            elif family == "l2" and rest.endswith(" <t>"):
                words.setdefault(rest[:-4], list(_NO_WORD))[6] = row
            elif family == "r2" and rest.startswith("<t> "):
                words.setdefault(rest[4:], list(_NO_WORD))[7] = row
            elif family in ("l2", "r2"):
                pairs.setdefault(rest, list(_NO_PAIR))[family == "r2"] = row
        self.words = {word: tuple(rows) for word, rows in words.items()}
        self.pairs = {pair: tuple(rows) for pair, rows in pairs.items()}
        self.bias = self.named.get("bias", _ZERO)
        # the sentence's words as a bag, each 0.5: those rows halved once
        self.bag = {
            word: (0.5 * rows[3][0], 0.5 * rows[3][1], 0.5 * rows[3][2])
            for word, rows in self.words.items()
            if rows[3] is not _ZERO
        }
        self.found = _Rows(self.words).__getitem__
        self.tables = lru_cache(maxsize=4096)(self._tables)

    def _tables(self, sentence: str):
        """The sentence read once, each token's rows (by word), the score of what does not depend
        on the target (the bias and the sentence's words as a bag), and per token what a target
        adds for it: as a left context word (its row plus its pair with the next word's, summed
        once here as scoring sums them), as a right one, and as a far one (the tokens with a
        non-zero far row and the running sums of those rows, in token order)."""
        parsed = parse(sentence)
        words = parsed.words
        found = list(map(self.found, words))
        a, b, c = self.bias
        for row in map(self.bag.get, set(words)):
            if row is not None:
                a, b, c = a + row[0], b + row[1], c + row[2]
        get = self.pairs.get
        pairs = [get(f"{x} {y}", _NO_PAIR) for x, y in zip(words[:-1], words[1:], strict=True)]
        left = [
            (v[0] + w[0], v[1] + w[1], v[2] + w[2])
            for v, w in zip(
                [rows[0] for rows in found[:-1]], [pair[0] for pair in pairs], strict=True
            )
        ]
        right = [(0.0, 0.0, 0.0)] + [
            (v[0] + w[0], v[1] + w[1], v[2] + w[2])
            for v, w in zip(
                [rows[1] for rows in found[1:]], [pair[1] for pair in pairs], strict=True
            )
        ]
        far_at, far_rows, far_sums = [], [], [_ZERO]
        p = q = r = 0.0
        for k, rows in enumerate(found):
            v = rows[2]
            if v[0] or v[1] or v[2]:  # adding a zero row changes no sum
                far_at.append(k)
                far_rows.append(v)
                p, q, r = p + v[0], q + v[1], r + v[2]
                far_sums.append((p, q, r))
        return parsed, found, (a, b, c), left, right, (far_at, far_rows, far_sums)

    def scores(self, sentence: str, spans) -> list[tuple[float, float, float]]:
        """The three class scores (before the softmax) of each target start..end of `sentence`."""
        parsed, found, bag, left, right, far = self.tables(sentence)
        n = len(parsed.words)
        far_at, far_rows, far_sums = far
        named = self.named
        result = []
        for start, end in spans:
            first, last = span(parsed, start, end)
            a, b, c = bag
            if first:  # left: the word, its pair with the next word, the word beside the target
                rows = found[first - 1]
                v, w, x = rows[0], rows[6], rows[4]
                a, b, c = a + v[0] + w[0] + x[0], b + v[1] + w[1] + x[1], c + v[2] + w[2] + x[2]
                for k in range(first - 2, max(0, first - WINDOW) - 1, -1):
                    v, x = left[k], WEIGHTS[first - k]
                    a, b, c = a + x * v[0], b + x * v[1], c + x * v[2]
            if last < n:  # right: the same, the pair with the previous word
                rows = found[last]
                v, w, x = rows[1], rows[7], rows[5]
                a, b, c = a + v[0] + w[0] + x[0], b + v[1] + w[1] + x[1], c + v[2] + w[2] + x[2]
                for k in range(last + 1, min(n, last + WINDOW)):
                    v, x = right[k], WEIGHTS[k - last + 1]
                    a, b, c = a + x * v[0], b + x * v[1], c + x * v[2]
            low, high = max(0, first - WINDOW), last + WINDOW
            if low or high < n:  # the words further away, 0.3 each
                p, q, r = far_sums[bisect_left(far_at, low)]
                for k in range(bisect_left(far_at, high), len(far_at)):
                    v = far_rows[k]
                    p, q, r = p + v[0], q + v[1], r + v[2]
                a, b, c = a + 0.3 * p, b + 0.3 * q, c + 0.3 * r
            for name, value in target_features(parsed, start, end, first, last).items():
                w = named.get(name)
                if w is not None:
                    a, b, c = a + w[0] * value, b + w[1] * value, c + w[2] * value
            result.append((a, b, c))
        return result

    def probabilities(self, sentence: str, start: int, end: int) -> tuple[float, float, float]:
        """P(critical), P(neutral), P(favourable) for the target at sentence[start:end]."""
        return _softmax(self.scores(sentence, [(start, end)])[0])


def _softmax(scores: tuple[float, float, float]) -> tuple[float, float, float]:
    a, b, c = scores
    top = max(a, b, c)
    ea, eb, ec = math.exp(a - top), math.exp(b - top), math.exp(c - top)
    total = ea + eb + ec
    return ea / total, eb / total, ec / total


def save_model(path: Path, vocabulary: list[str], weights: np.ndarray, version: str) -> None:
    """Write the model as plain arrays: the vocabulary as one UTF-8 blob of newline-separated
    names, the weights as float32 rows x 3, the format and version strings as UTF-8 bytes."""
    blob = "\n".join(vocabulary).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:  # np.savez would add '.npz' to a name without it
        np.savez_compressed(
            handle,
            vocabulary=np.frombuffer(blob, dtype=np.uint8),
            weights=np.asarray(weights, dtype=np.float32),
            labels=np.frombuffer("\n".join(LABELS).encode("utf-8"), dtype=np.uint8),
            format=np.frombuffer(FORMAT.encode("utf-8"), dtype=np.uint8),
            version=np.frombuffer(version.encode("utf-8"), dtype=np.uint8),
        )


def _text(arrays, key: str) -> str:
    array = arrays[key]
    if array.dtype != np.uint8 or array.ndim != 1:
        raise ToneModelError(f"tone model: '{key}' is not a UTF-8 byte array")
    return array.tobytes().decode("utf-8")


def read_model(path: Path) -> ToneModel:
    """The model stored at `path`; ToneModelError naming the file when it is missing, is not a
    plain-array .npz (a pickle is refused), or does not match this code's feature format."""
    if not path.is_file():
        raise ToneModelError(
            f"tone model not found: {path} (build it with: python tools/train_tone.py)"
        )
    try:
        with np.load(path, allow_pickle=False) as arrays:
            names = set(arrays.files)
            missing = {"vocabulary", "weights", "labels", "format", "version"} - names
            if missing:
                raise ToneModelError(f"tone model {path}: missing {', '.join(sorted(missing))}")
            if _text(arrays, "format") != FORMAT:
                raise ToneModelError(
                    f"tone model {path}: format {_text(arrays, 'format')!r}, this code reads "
                    f"{FORMAT!r} (retrain with tools/train_tone.py)"
                )
            if tuple(_text(arrays, "labels").split("\n")) != LABELS:
                raise ToneModelError(f"tone model {path}: labels are not {', '.join(LABELS)}")
            blob = _text(arrays, "vocabulary")
            vocabulary = blob.split("\n") if blob else []
            weights = arrays["weights"]
            version = _text(arrays, "version")
    except ToneModelError:
        raise
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as error:
        raise ToneModelError(f"tone model {path} is malformed: {error}") from error
    if not np.issubdtype(weights.dtype, np.floating) or not np.all(np.isfinite(weights)):
        raise ToneModelError(f"tone model {path}: weights are not finite floats")
    return ToneModel(vocabulary, weights, version)


@lru_cache(maxsize=1)
def model() -> ToneModel:
    """The shipped English model, read once."""
    return read_model(MODEL_PATH)


def _label(scores: tuple[float, float, float]) -> tuple[str, float]:
    critical, neutral, favourable = _softmax(scores)
    label = LABELS[max(range(3), key=(critical, neutral, favourable).__getitem__)]
    return label, round(favourable - critical, 4)


def _check_language(language: str) -> None:
    if language.lower().split("-")[0].split("_")[0] != "en":
        raise ValueError(
            f"tone is not measured for language {language!r}: the tone model is trained on "
            "English news only (NewsMTSC)"
        )


def tone_many(
    sentence: str, spans: Iterable[tuple[int, int]], language: str = "en"
) -> list[tuple[str, float]]:
    """`tone_toward` for several targets (start, end) of one sentence, in their order, reading the
    sentence (tokens, per-token facts, word weights, VADER of the sentence and of each clause)
    once. Same errors as `tone_toward`; an empty list for no spans."""
    _check_language(language)
    spans = list(spans)
    for start, end in spans:
        if not 0 <= start <= end <= len(sentence):
            raise ValueError(
                f"target {start}..{end} is outside a sentence of {len(sentence)} chars"
            )
    if not spans:
        return []
    return [_label(scores) for scores in model().scores(sentence, spans)]


def tone_toward(sentence: str, start: int, end: int, language: str = "en") -> tuple[str, float]:
    """How `sentence` treats the target at sentence[start:end] (end exclusive): the label
    "critical", "neutral" or "favourable" and a score -1 .. 1 (P(favourable) - P(critical)).

    Only English is measured: any other language raises ValueError naming it, so a caller says
    "tone not measured" rather than showing an English model's guess. Offsets outside the sentence
    or start > end raise ValueError too."""
    _check_language(language)
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"target {start}..{end} is outside a sentence of {len(sentence)} chars")
    return _label(model().scores(sentence, [(start, end)])[0])
