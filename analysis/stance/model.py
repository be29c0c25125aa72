"""Tone toward one target of a sentence, learned from labelled news (NewsMTSC).

`tone_toward(sentence, start, end)` reads how an English news sentence treats the mention at
characters start..end (end exclusive): ("critical" | "neutral" | "favourable", score -1 .. 1), the
score being P(favourable) - P(critical) of a multinomial logistic regression trained by
tools/train_tone.py on the NewsMTSC training set (Hamborg & Donnay, EACL 2021; MIT licence) and
shipped as plain arrays in data/models/tone_en.npz (read with allow_pickle=False, never a pickle).

The features are about the target, not the sentence: the words left and right of it (the target's
own words masked, weighted by distance, as words and bigrams), the words right beside it, whether it
is the subject (lexicon word after it in its clause) or object (before it) of a negative or positive
word, whether it is in quoted speech or the speaker of a quote, negation and hedges near it, whether
it is the agent of a passive ("by X") or a possessor ("X's"), and VADER scores (analysis/stance/vader.py)
of its clause, of the clause's part before and after it, and of the sentence; and the sentence's
words as a bag, for its overall tone.

English only: any other language raises ValueError (no labelled set there, tone is not measured).
Imports only numpy, the standard library and analysis.stance.vader, so it can move as it is.
"""

from __future__ import annotations

import math
import re
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.stance import vader

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "models" / "tone_en.npz"
LABELS = ("critical", "neutral", "favourable")  # the model's classes, polarity -1, 0, 1
FORMAT = "tone-linear-1"  # the feature layout this code computes; the model file must name it

WINDOW = 8  # words each side of the target read as context
_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_CLAUSE_CUT = frozenset(',;:—–“”"«»()')
_QUOTES_OPEN = frozenset("“«")
_QUOTES_CLOSE = frozenset("”»")
_SPEECH = frozenset(
    "said says say saying told tells added adds stated states wrote writes tweeted posted argued "
    "argues claimed claims insisted insists warned warns urged urges noted notes explained "
    "explains asked asks replied replies declared declares announced announces stressed stresses "
    "vowed vows acknowledged acknowledges admitted admits suggested suggests".split()
)
_NEGATION = frozenset(
    "not no never nor none nobody nothing neither without cannot n't didn't don't doesn't isn't "
    "wasn't aren't weren't won't wouldn't couldn't shouldn't hasn't haven't hadn't".split()
)
_HEDGES = frozenset(
    "allegedly alleged reportedly purportedly supposedly apparently accused accusing accusation "
    "accusations claimed claims suspected suspect may might could possibly perhaps seemingly "
    "rumored rumoured unconfirmed".split()
)
# conflict and cooperation verbs and nouns by stem (the lexicon misses much war vocabulary)
_CONFLICT_STEMS = tuple(
    "attack assault shell bomb strik struck shoot shot kill murder slaughter massacre invad "
    "occup raid destroy burn besieg target fire fired fires firing launch seiz captur abduct "
    "kidnap detain arrest jail imprison execut tortur threat accus blam condemn criticiz "
    "criticis denounc slam blast attack lambast rebuk attack sanction ban punish fine sue sued "
    "prosecut indict charg investigat probe fir oust defeat mock insult smear attack ridicul "
    "harass intimidat bully undermin sabotag reject oppos den refus violat lie lied lying".split()
)
_COOPERATION_STEMS = tuple(
    "support prais back endors help aid assist rescu protect defend save saved thank welcom "
    "agree cooperat ally allied partner negotiat mediat reconcil honor honour celebrat congratul "
    "applaud commend award elect win won victor trust admir".split()
)
_PRONOUNS = frozenset("he she him her his they them their it its i we you us".split())


def _weight(distance: int) -> float:
    """Weight of a context word `distance` words from the target (1 = right beside it)."""
    return 1.0 / math.sqrt(distance)


@lru_cache(maxsize=4096)
def _tokens(sentence: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Lower-cased tokens (words and single punctuation marks) and their start and end offsets;
    cached, since a sentence is often read for several targets."""
    words, starts, ends = [], [], []
    for match in _TOKEN_RE.finditer(sentence):
        words.append(match.group(0).lower().replace("’", "'"))
        starts.append(match.start())
        ends.append(match.end())
    return tuple(words), tuple(starts), tuple(ends)


def _lexicon(word: str) -> float:
    return vader.LEXICON.get(word, 0.0)


@lru_cache(maxsize=65536)
def _action(word: str) -> str:
    """'conflict', 'cooperation' or '' for a word, by stem."""
    if len(word) < 3:
        return ""
    if word.startswith(_CONFLICT_STEMS):
        return "conflict"
    if word.startswith(_COOPERATION_STEMS):
        return "cooperation"
    return ""


def features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The target-aware features of the mention at sentence[start:end], name -> value."""
    words, starts, ends = _tokens(sentence)
    first = next((i for i, e in enumerate(ends) if e > start), len(words))
    last = first
    while last < len(words) and starts[last] < end:
        last += 1
    if last == first:  # an empty or odd span: the token at start, if any
        last = min(first + 1, len(words))
    feats: dict[str, float] = {"bias": 1.0}
    target = words[first:last]
    if target and target[-1] in _PRONOUNS:
        feats["t:pronoun"] = 1.0
    if first == 0:
        feats["t:first"] = 1.0
    left = words[max(0, first - WINDOW) : first][::-1]  # nearest first
    right = words[last : last + WINDOW]
    for side, context in (("l", left), ("r", right)):
        previous = "<t>"
        for distance, word in enumerate(context, start=1):
            weight = _weight(distance)
            key = f"{side}:{word}"
            feats[key] = feats.get(key, 0.0) + weight
            pair = f"{side}2:{previous} {word}" if side == "r" else f"{side}2:{word} {previous}"
            feats[pair] = feats.get(pair, 0.0) + weight
            previous = word
        if context:
            feats[f"{side}1:{context[0]}"] = 1.0
    for word in words[: max(0, first - WINDOW)] + words[last + WINDOW :]:
        key = f"s:{word}"  # far from the target
        feats[key] = feats.get(key, 0.0) + 0.3
    for word in words:  # the whole sentence's words: its overall tone
        feats[f"w:{word}"] = 0.5
    # the clause holding the target, cut at commas, semicolons, colons, dashes, brackets, quotes
    low = first
    while low > 0 and words[low - 1] not in _CLAUSE_CUT:
        low -= 1
    high = last
    while high < len(words) and words[high] not in _CLAUSE_CUT:
        high += 1
    before = words[low:first]
    after = words[last:high]
    agent = first > 0 and words[first - 1] == "by"
    _roles(feats, before, after, agent)
    _speech(feats, words, first, last)
    near = words[max(0, first - 4) : first] + words[last : last + 4]
    if any(word in _NEGATION for word in near):
        feats["negation:near"] = 1.0
    if any(word in _NEGATION for word in words[low:high]):
        feats["negation:clause"] = 1.0
    if any(word in _HEDGES for word in words[low:high]):
        feats["hedge:clause"] = 1.0
    if first > 0 and words[first - 1] == "by":
        feats["t:agent"] = 1.0
    if last < len(words) and words[last] in ("'s", "'"):
        feats["t:possessor"] = 1.0
    clause_text = sentence[starts[low] : ends[high - 1]] if high > low else sentence
    before_text = sentence[starts[low] : start] if before else ""
    after_text = sentence[end : ends[high - 1]] if after else ""
    for name, text in (
        ("clause", clause_text),
        ("before", before_text),
        ("after", after_text),
        ("sentence", sentence),
    ):
        score = vader.compound(text) if text else 0.0
        if score:
            feats[f"vader:{name}"] = score
            feats[f"vader:{name}:{'pos' if score > 0 else 'neg'}"] = 1.0
    return feats


def _roles(
    feats: dict[str, float], before: tuple[str, ...], after: tuple[str, ...], agent: bool
) -> None:
    """Subject / object of a loaded word: the first lexicon word after the target in its clause
    (the target acts: 'X shelled', 'X praised'), the last one before it (the target is acted on:
    'shelled X', 'praised X'), each with its sign, its distance and a negation just before it,
    and the lexicon mass on each side weighted by distance; the same for the first conflict or
    cooperation verb or noun each side. The agent of a passive ('were shelled by X') acts on
    what comes before it."""
    for side, context in (("subj", after), ("obj", before[::-1])):
        for distance, word in enumerate(context, start=1):
            kind = _action(word)
            if kind:
                role = "subj" if agent else side
                feats[f"{role}:{kind}"] = 1.0
                feats[f"{role}:{kind}:near"] = _weight(distance)
                if any(w in _NEGATION for w in context[max(0, distance - 4) : distance - 1]):
                    feats[f"{role}:{kind}:negated"] = 1.0
                break
        positive = negative = 0.0
        found = False
        for distance, word in enumerate(context, start=1):
            valence = _lexicon(word)
            if not valence:
                continue
            weight = _weight(distance)
            if valence > 0:
                positive += valence * weight
            else:
                negative -= valence * weight
            if not found:
                found = True
                sign = "pos" if valence > 0 else "neg"
                feats[f"{side}:{sign}"] = 1.0
                feats[f"{side}:{sign}:value"] = valence / 4.0
                window = context[max(0, distance - 4) : distance - 1]
                if any(w in _NEGATION for w in window):
                    feats[f"{side}:{sign}:negated"] = 1.0
        if positive:
            feats[f"{side}:mass:pos"] = positive / 4.0
        if negative:
            feats[f"{side}:mass:neg"] = negative / 4.0


def _speech(feats: dict[str, float], words: tuple[str, ...], first: int, last: int) -> None:
    """Quoted speech: the target inside quote marks, or its speaker ('X said', 'said X',
    'according to X'), or a sentence holding a quote that the target is outside of."""
    opened = False
    quote_marks = 0
    for word in words[:first]:
        if word in _QUOTES_OPEN:
            opened = True
        elif word in _QUOTES_CLOSE:
            opened = False
        elif word == '"':
            opened = not opened
        else:
            continue
        quote_marks += 1
    if opened:
        feats["quote:inside"] = 1.0
    elif quote_marks or any(w in _QUOTES_OPEN or w == '"' for w in words[last:]):
        feats["quote:outside"] = 1.0
    after = words[last : last + 3]
    if any(word in _SPEECH for word in after) or (first >= 1 and words[first - 1] in _SPEECH):
        feats["quote:speaker"] = 1.0
    if first >= 2 and words[first - 2 : first] == ("according", "to"):
        feats["quote:speaker"] = 1.0


class ToneModelError(RuntimeError):
    """The shipped tone model is missing or malformed."""


class ToneModel:
    """Feature vocabulary (name -> row) and weights (rows x 3 classes) of the linear model."""

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

    def probabilities(self, sentence: str, start: int, end: int) -> tuple[float, float, float]:
        """P(critical), P(neutral), P(favourable) for the target at sentence[start:end]."""
        a = b = c = 0.0
        index, rows = self.index, self.rows
        for name, value in features(sentence, start, end).items():
            row = index.get(name)
            if row is not None:
                w = rows[row]
                a += w[0] * value
                b += w[1] * value
                c += w[2] * value
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


def tone_toward(sentence: str, start: int, end: int, language: str = "en") -> tuple[str, float]:
    """How `sentence` treats the target at sentence[start:end] (end exclusive): the label
    "critical", "neutral" or "favourable" and a score -1 .. 1 (P(favourable) - P(critical)).

    Only English is measured: any other language raises ValueError naming it, so a caller says
    "tone not measured" rather than showing an English model's guess. Offsets outside the sentence
    or start > end raise ValueError too."""
    if language.lower().split("-")[0].split("_")[0] != "en":
        raise ValueError(
            f"tone is not measured for language {language!r}: the tone model is trained on "
            "English news only (NewsMTSC)"
        )
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"target {start}..{end} is outside a sentence of {len(sentence)} chars")
    critical, neutral, favourable = model().probabilities(sentence, start, end)
    score = favourable - critical
    label = LABELS[max(range(3), key=(critical, neutral, favourable).__getitem__)]
    return label, round(score, 4)
