"""Tone toward one target of a sentence, learned from labelled news (NewsMTSC).

`tone_toward(sentence, start, end)` reads how an English news sentence treats the mention at
characters start..end (end exclusive): ("critical" | "neutral" | "favourable", score -1 .. 1), the
score being P(favourable) - P(critical) of a multinomial logistic regression trained by
tools/train_tone.py on the NewsMTSC training set (Hamborg & Donnay, EACL 2021; MIT licence) and
shipped as plain arrays in data/models/tone_en.npz (read with allow_pickle=False, never a pickle).
`tone_many(sentence, spans)` scores several targets of one sentence, reading the sentence once;
`tone_sentences(items)` does it for each (sentence, spans) of an article (what the stance table
calls). A sentence's tables are cached (4,096 sentences) and each target scored is kept with them,
so a repeated sentence costs a lookup per target.

The features are defined in model_features.py (`features`, the name -> value vector the training
reads). Scoring does not build that vector: the word features' weights are looked up once per
sentence token (a word's rows as left / right / far / bag / beside-the-target context, a bigram's as
left / right pair) and kept as running sums over the sentence, so a target's context words cost a
subtraction per distance band (a band's words share one weight) and its far words one more; only
the dozen features about the target's place in the sentence are named; the sum is the same
(tests/stance/test_model.py).

English only: any other language raises ValueError (no labelled set there, tone is not measured).
Imports only numpy, the standard library and analysis.stance, so it runs in every worker.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

from analysis.stance.model_features import (
    BAG,
    BANDS,
    FAR,
    WINDOW,
    Parsed,
    features,
    parse,
    sentence_features,
    span,
    target_features,
)

__all__ = [
    "LABELS",
    "ToneModel",
    "ToneModelError",
    "features",
    "tone_many",
    "tone_sentences",
    "tone_toward",
]

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "models" / "tone_en.npz"
LABELS = ("critical", "neutral", "favourable")  # the model's classes, polarity -1, 0, 1
FORMAT = "tone-linear-2"  # the feature layout model_features.py computes; the file must name it

_ZERO = (0.0, 0.0, 0.0)
# a word's rows by the context it is in: left, right, far, bag, left beside the target (l1),
# right beside (r1), left pair with the target ('l2:word <t>'), right pair ('r2:<t> word')
_SLOTS = {"l": 0, "r": 1, "s": 2, "w": 3, "l1": 4, "r1": 5}
_NO_WORD = (_ZERO,) * 8
_NO_PAIR = (_ZERO, _ZERO)
# the context bands after the first: (distances done before it, its last distance, its weight)
_BANDS = ((0, 1, BANDS[0][1]),) + tuple(
    (done, upto, value) for (done, _), (upto, value) in zip(BANDS, BANDS[1:], strict=False)
)
# the bands after the first as the per-target sums read them: left (last distance, weight), right
# (distances done before it, last distance, weight)
_LEFT = tuple((upto, value) for _, upto, value in _BANDS[1:])
_RIGHT = _BANDS[1:]


class _Read(NamedTuple):
    """A sentence read for scoring (`ToneModel.tables`)."""

    parsed: Parsed
    bag: tuple[float, float, float]  # the scores of what does not depend on the target
    sums: list[float]  # running sums of what tokens add as context words (`ToneModel._tables`)
    ids: list[int]  # each token's word number (0: a word the model does not know)
    toned: dict[tuple[int, int], tuple[str, float]]  # the targets scored: (start, end) -> tone


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
        # for reading a sentence at once: each word's and each pair's number (0: none) and their
        # rows as arrays, the pairs by their first word, then their second
        self.word_ids = {word: i for i, word in enumerate(self.words, start=1)}
        self.follow: dict[str, dict[str, int]] = {}
        for i, pair in enumerate(self.pairs, start=1):
            first, _, second = pair.partition(" ")
            self.follow.setdefault(first, {})[second] = i
        by_word = np.array([_NO_WORD, *self.words.values()], dtype=np.float64).reshape(-1, 8, 3)
        by_pair = np.array([_NO_PAIR, *self.pairs.values()], dtype=np.float64).reshape(-1, 2, 3)
        # a word's left, right and far rows side by side; a pair's left and right ones
        self.context_rows = np.ascontiguousarray(by_word[:, :3].reshape(-1, 9))
        self.pair_rows = np.ascontiguousarray(by_pair.reshape(-1, 6))
        # what each word adds to the bag, by word number, one list a class (summed in Python: a
        # sentence's few dozen words cost less than a numpy gather and sum)
        self.bag_columns = (BAG * by_word[:, 3]).T.tolist()
        self.bias = self.named.get("bias", _ZERO)
        # what the word beside a target adds, by word number: near * (its context row + its row
        # paired with the target) + its beside-the-target row, left and right
        near = _BANDS[0][1]
        self.beside_left = [
            tuple(near * (v + w) + x for v, w, x in zip(rows[0], rows[6], rows[4], strict=True))
            for rows in (_NO_WORD, *self.words.values())
        ]
        self.beside_right = [
            tuple(near * (v + w) + x for v, w, x in zip(rows[1], rows[7], rows[5], strict=True))
            for rows in (_NO_WORD, *self.words.values())
        ]
        self.tables = lru_cache(maxsize=4096)(self._tables)

    def _tables(self, sentence: str):
        """The sentence read once, each token's rows (by word), the score of what does not depend
        on the target (the bias and the sentence's words as a bag), and running sums over the
        tokens of what a token adds as a left context word (its row plus its pair with the next
        word's), as a right one (its row plus its pair with the previous word's) and as a far one:
        a band of context words, or the far words, is then a difference of two running sums."""
        parsed = parse(sentence)
        words = parsed.words
        n = len(words)
        ids = [*map(self.word_ids.get, words, repeat(0, n))]
        follow = self.follow.get
        pairs = [
            (nexts.get(y, 0) if (nexts := follow(x)) else 0)
            for x, y in zip(words, words[1:], strict=False)
        ]
        rows = np.zeros((n + 1, 9))
        if not n:
            return _Read(parsed, self._bag(ids, parsed), rows.ravel().tolist(), ids, {})
        # running sums, token by token, of what a token adds as a left word (its row and its pair
        # with the next word), a right word (its row and its pair with the word before) and a far
        # word, side by side, flat: sums[9 * i : 9 * i + 9] is the sum over the tokens before i
        self.context_rows.take(ids, axis=0, out=rows[1:])
        if n > 1:
            pair_rows = self.pair_rows.take(pairs, axis=0)
            rows[1:n, 0:3] += pair_rows[:, 0:3]
            rows[2:, 3:6] += pair_rows[:, 3:6]
        return _Read(parsed, self._bag(ids, parsed), rows.cumsum(axis=0).ravel().tolist(), ids, {})

    def _bag(self, ids, parsed: Parsed) -> tuple[float, float, float]:
        """The score of what does not depend on the target: the bias, the sentence's words as a
        bag (each word once) and the sentence's VADER features."""
        a = b = c = 0.0  # each word once, in the order of their set: the sum numpy made
        bag_a, bag_b, bag_c = self.bag_columns
        for i in set(ids):
            a += bag_a[i]
            b += bag_b[i]
            c += bag_c[i]
        bias = self.bias
        a, b, c = bias[0] + a, bias[1] + b, bias[2] + c
        for name, value in sentence_features(parsed).items():
            if (row := self.named.get(name)) is not None:
                a, b, c = a + row[0] * value, b + row[1] * value, c + row[2] * value
        return a, b, c

    def scores(self, sentence: str, spans) -> list[tuple[float, float, float]]:
        """The three class scores (before the softmax) of each target start..end of `sentence`."""
        read = self.tables(sentence)
        parsed, target = read.parsed, self._target
        return [target(read, *span(parsed, start, end)) for start, end in spans]

    def tones(self, sentence: str, spans) -> list[tuple[str, float]]:
        """The label and score (`_label`) of each target start..end of `sentence`, each kept with
        the sentence's tables: a sentence read again (a repeated sentence, a wire copy in several
        outlets) costs a lookup per target."""
        read = self.tables(sentence)
        known, parsed, target = read.toned, read.parsed, self._target
        found = []
        for start, end in spans:
            tone = known.get((start, end))
            if tone is None:
                tone = known[start, end] = _label(target(read, *span(parsed, start, end)))
            found.append(tone)
        return found

    def _target(self, read: _Read, first: int, last: int) -> tuple[float, float, float]:
        """The class scores of the target at tokens first..last of a sentence read by `tables`."""
        sums, ids = read.sums, read.ids
        n = len(ids)
        a, b, c = read.bag
        if first:  # left: the word beside the target (its row, its pair with the target, the
            x = self.beside_left[ids[first - 1]]  # word-beside row), then the bands
            a += x[0]
            b += x[1]
            c += x[2]
            high = first - 1
            for upto, value in _LEFT:
                low = first - upto if first > upto else 0
                if low >= high:
                    break
                v, w = 9 * high, 9 * low
                a += value * (sums[v] - sums[w])
                b += value * (sums[v + 1] - sums[w + 1])
                c += value * (sums[v + 2] - sums[w + 2])
                high = low
        if last < n:  # right: the same, the pair with the previous word
            x = self.beside_right[ids[last]]
            a += x[0]
            b += x[1]
            c += x[2]
            for done, upto, value in _RIGHT:
                low, high = last + done, last + upto
                if high > n:
                    high = n
                if low >= high:
                    break
                v, w = 9 * high + 3, 9 * low + 3
                a += value * (sums[v] - sums[w])
                b += value * (sums[v + 1] - sums[w + 1])
                c += value * (sums[v + 2] - sums[w + 2])
        low, high = first - WINDOW, last + WINDOW
        if low > 0 or high < n:  # the words further away
            w = 9 * n + 6
            v = 9 * low + 6 if low > 0 else 6
            x = 9 * high + 6 if high < n else w
            a += FAR * (sums[v] + sums[w] - sums[x])
            b += FAR * (sums[v + 1] + sums[w + 1] - sums[x + 1])
            c += FAR * (sums[v + 2] + sums[w + 2] - sums[x + 2])
        get = self.named.get
        for name, value in target_features(read.parsed, first, last).items():
            if (w := get(name)) is not None:
                a += w[0] * value
                b += w[1] * value
                c += w[2] * value
        return a, b, c

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
    """The label of the most probable class and P(favourable) - P(critical), rounded."""
    critical, neutral, favourable = _softmax(scores)
    if critical >= neutral:
        label = LABELS[0] if critical >= favourable else LABELS[2]
    else:
        label = LABELS[1] if neutral >= favourable else LABELS[2]
    return label, round(favourable - critical, 4)


def _check_language(language: str) -> None:
    if language.lower().split("-")[0].split("_")[0] != "en":
        raise ValueError(
            f"tone is not measured for language {language!r}: the tone model is trained on "
            "English news only (NewsMTSC)"
        )


def _checked(sentence: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans as a list, ValueError for one outside the sentence."""
    spans = list(spans)
    for start, end in spans:
        if not 0 <= start <= end <= len(sentence):
            raise ValueError(
                f"target {start}..{end} is outside a sentence of {len(sentence)} chars"
            )
    return spans


def tone_many(
    sentence: str, spans: Iterable[tuple[int, int]], language: str = "en"
) -> list[tuple[str, float]]:
    """`tone_toward` for several targets (start, end) of one sentence, in their order, reading the
    sentence (tokens, per-token facts, word weights, VADER of the sentence and of each clause)
    once. Same errors as `tone_toward`; an empty list for no spans."""
    _check_language(language)
    spans = _checked(sentence, spans)
    if not spans:
        return []
    return model().tones(sentence, spans)


def tone_sentences(
    items: Iterable[tuple[str, Iterable[tuple[int, int]]]], language: str = "en"
) -> list[list[tuple[str, float]]]:
    """`tone_many` of each (sentence, spans) of `items`, in their order: what the stance table
    calls, once per article. Same errors as `tone_many`."""
    _check_language(language)
    items = [(sentence, _checked(sentence, spans)) for sentence, spans in items]
    tones = model().tones
    return [tones(sentence, spans) if spans else [] for sentence, spans in items]


def tone_toward(sentence: str, start: int, end: int, language: str = "en") -> tuple[str, float]:
    """How `sentence` treats the target at sentence[start:end] (end exclusive): the label
    "critical", "neutral" or "favourable" and a score -1 .. 1 (P(favourable) - P(critical)).

    Only English is measured: any other language raises ValueError naming it, so a caller says
    "tone not measured" rather than showing an English model's guess. Offsets outside the sentence
    or start > end raise ValueError too."""
    _check_language(language)
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"target {start}..{end} is outside a sentence of {len(sentence)} chars")
    return model().tones(sentence, [(start, end)])[0]
