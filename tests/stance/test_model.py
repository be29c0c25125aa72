"""The learned tone-toward-a-target model: accuracy on NewsMTSC's dev sets, targets of one sentence
told apart, the model file as plain arrays, deterministic training, clear errors."""

from __future__ import annotations

import gzip
import json
import math
import subprocess
import sys

import numpy as np
import pytest

from analysis.stance import model as tone_model
from analysis.stance.model import (
    ToneModelError,
    features,
    read_model,
    save_model,
    tone_many,
    tone_toward,
)
from tests.paths import ROOT

DATA = ROOT / "benchmarks" / "data" / "newsmtsc"
CLASS = {"critical": -1, "neutral": 0, "favourable": 1}


def read(name: str) -> list[dict]:
    with gzip.open(DATA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def f1_macro(gold: list[int], found: list[int]) -> float:
    scores = []
    for k in (-1, 0, 1):
        tp = sum(g == k and f == k for g, f in zip(gold, found, strict=True))
        fp = sum(g != k and f == k for g, f in zip(gold, found, strict=True))
        fn = sum(g == k and f != k for g, f in zip(gold, found, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 3


# measured with benchmarks/tone_newsmtsc.py (its scoring, used here): 0.696 (dev-rw) and 0.686
# (dev-mt); VADER on the clause reaches 0.538 and 0.551. A model a little worse fails.
@pytest.mark.parametrize("name, floor", [("dev-rw", 0.685), ("dev-mt", 0.675)])
def test_f1_on_the_dev_sets(name, floor):
    sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "benchmarks")]
    import tone_newsmtsc
    import train_tone

    items = train_tone.read_items(name)
    found = tone_newsmtsc.model_classes(items)
    assert train_tone.f1_macro(train_tone.classes(items), found) >= floor
    assert f1_macro([i["polarity"] for i in items], [int(k) - 1 for k in found]) >= floor


def tone_of(sentence: str, target: str) -> tuple[str, float]:
    start = sentence.index(target)
    return tone_toward(sentence, start, start + len(target))


# sentences written for this test, about stories not in NewsMTSC
@pytest.mark.parametrize(
    "sentence, worse, better",
    [
        (
            "Rebels loyal to Commander Vance executed prisoners, while the medics of Dr. Imre Sato"
            " worked to save the wounded.",
            "Commander Vance",
            "Dr. Imre Sato",
        ),
        (
            "Critics accused Chancellor Brenn of lying to parliament, while his deputy Mira Holm"
            " won praise for her honesty.",
            "Chancellor Brenn",
            "Mira Holm",
        ),
        (
            "Mayor Lena Fisk was widely praised for her calm leadership, but police chief Brand"
            " faces an inquiry over the deaths.",
            "Brand",
            "Lena Fisk",
        ),
        (
            "Northland's navy rescued dozens of fishermen after Southport's coast guard abandoned"
            " them at sea.",
            "Southport",
            "Northland",
        ),
    ],
)
def test_two_targets_of_one_sentence_get_opposite_labels(sentence, worse, better):
    assert tone_of(sentence, worse)[0] == "critical"
    assert tone_of(sentence, better)[0] == "favourable"
    assert tone_of(sentence, worse)[1] < 0 < tone_of(sentence, better)[1]


@pytest.mark.parametrize(
    "sentence, worse, better",
    [
        (
            "The judge praised Ms. Okafor's courage and sentenced Mr. Lutz to twelve years for"
            " the fraud.",
            "Mr. Lutz",
            "Ms. Okafor",
        ),
        (
            "Governor Alma Ruiz praised the volunteers who rebuilt the flooded school, while"
            " Senator Dane Holt was booed for blocking the relief bill.",
            "Dane Holt",
            "Alma Ruiz",
        ),
    ],
)
def test_the_score_orders_two_targets_of_one_sentence(sentence, worse, better):
    assert tone_of(sentence, worse)[1] < tone_of(sentence, better)[1] - 0.2


def test_score_is_in_range_and_follows_the_label():
    sentence = "Observers said the talks between Arden and Voss ended without a statement."
    label, score = tone_of(sentence, "Arden")
    assert label in CLASS and -1.0 <= score <= 1.0


def test_other_languages_are_not_measured():
    with pytest.raises(ValueError, match="not measured.*'fr'"):
        tone_toward("Le ministre a salué les secouristes.", 3, 11, language="fr")
    assert tone_toward("The minister thanked the rescuers.", 4, 12, language="en-GB")[0]


def test_offsets_outside_the_sentence_are_refused():
    with pytest.raises(ValueError, match="outside"):
        tone_toward("Short.", 2, 40)


def test_the_shipped_model_is_plain_arrays():
    path = tone_model.MODEL_PATH
    assert path.read_bytes()[:2] == b"PK"  # a zip of .npy arrays, not a pickle stream
    assert path.stat().st_size < 5_000_000
    with np.load(path, allow_pickle=False) as arrays:
        assert set(arrays.files) == {"vocabulary", "weights", "labels", "format", "version"}
        assert all(arrays[key].dtype != object for key in arrays.files)
    loaded = read_model(path)
    assert loaded.version.startswith("newsmtsc-train")
    assert len(loaded.index) > 1000 and "bias" in loaded.index


def test_training_is_deterministic():
    pytest.importorskip("sklearn")  # the `train` extra; the test extra installs it too
    sys.path.insert(0, str(ROOT / "tools"))
    import train_tone

    items = train_tone.read_items("train")[:300]
    vocab_a, weights_a = train_tone.train(items)
    vocab_b, weights_b = train_tone.train(items)
    assert vocab_a == vocab_b
    assert np.array_equal(weights_a, weights_b)


def test_a_saved_model_reads_back(tmp_path):
    path = tmp_path / "model.npz"
    weights = np.arange(6, dtype=np.float32).reshape(2, 3)
    save_model(path, ["bias", "l:war"], weights, "test-1")
    loaded = read_model(path)
    assert loaded.version == "test-1" and loaded.index == {"bias": 0, "l:war": 1}
    assert np.array_equal(loaded.weights, weights)


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ToneModelError, match="not found.*train_tone.py"):
        read_model(tmp_path / "absent.npz")


def test_a_malformed_model_is_a_clear_error(tmp_path):
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip at all")
    with pytest.raises(ToneModelError, match="malformed"):
        read_model(garbage)
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, vocabulary=np.array([{"bias": 0}], dtype=object))
    with pytest.raises(ToneModelError, match="malformed"):  # object arrays need pickle: refused
        read_model(pickled)
    wrong = tmp_path / "wrong.npz"
    save_model(wrong, ["bias", "l:war"], np.zeros((3, 3)), "test-1")
    with pytest.raises(ToneModelError, match="shape"):
        read_model(wrong)


def reference_tone(sentence: str, start: int, end: int) -> tuple[str, float]:
    """The model's definition, slowly: the named feature vector times the weights, then the
    softmax (what the runtime computed before it summed word weights without naming them)."""
    loaded = tone_model.model()
    totals = [0.0, 0.0, 0.0]
    for name, value in features(sentence, start, end).items():
        row = loaded.index.get(name)
        if row is not None:
            for k in range(3):
                totals[k] += loaded.rows[row][k] * value
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    probs = [e / sum(exps) for e in exps]
    return tone_model.LABELS[probs.index(max(probs))], round(probs[2] - probs[0], 4)


@pytest.mark.parametrize("name", ["dev-rw", "dev-mt"])
def test_the_fast_scores_equal_the_feature_vector_scores(name):
    for item in read(name):
        sentence, start, end = item["sentence"], item["from"], item["to"]
        assert tone_toward(sentence, start, end) == reference_tone(sentence, start, end)


def test_odd_spans_score_as_the_feature_vector_says():
    sentences = [
        "“We will not back down,” said O’Neill, whose forces—allegedly—shelled Tavri (again).",
        "ΣΟΦΙΑ said the İzmir talks failed; Voss's envoy wasn't there.",
        "   ",
        "",
        "by Arden",
    ]
    for sentence in sentences:
        for start in range(len(sentence) + 1):
            for end in (start, min(len(sentence), start + 1), min(len(sentence), start + 7)):
                assert tone_toward(sentence, start, end) == reference_tone(sentence, start, end)


def test_tone_many_scores_each_target_as_tone_toward():
    sentence = (
        "Critics accused Chancellor Brenn of lying to parliament, while his deputy Mira Holm won"
        " praise for her honesty, according to Reuters."
    )
    spans = [
        (sentence.index(t), sentence.index(t) + len(t)) for t in ("Brenn", "Mira Holm", "Reuters")
    ]
    assert tone_many(sentence, spans) == [tone_toward(sentence, s, e) for s, e in spans]
    assert tone_many(sentence, []) == []
    with pytest.raises(ValueError, match="outside"):
        tone_many(sentence, [(0, 5), (3, 999)])
    with pytest.raises(ValueError, match="not measured"):
        tone_many(sentence, spans, language="de")


def test_the_package_reads_the_model_only_when_asked():
    import analysis

    assert analysis.tone_toward is tone_toward and analysis.tone_many is tone_many
    with pytest.raises(AttributeError):
        analysis.no_such_name  # noqa: B018
    code = "import sys, analysis; print('analysis.stance.model' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_model_of_another_feature_format_is_refused(tmp_path):
    old = tmp_path / "old.npz"
    save_model(old, ["bias", "l:war"], np.zeros((2, 3)), "test-1")
    with np.load(old, allow_pickle=False) as arrays:
        kept = {key: arrays[key] for key in arrays.files}
    kept["format"] = np.frombuffer(b"tone-linear-1", dtype=np.uint8)
    np.savez(old, **kept)
    with pytest.raises(ToneModelError, match="format 'tone-linear-1'.*retrain"):
        read_model(old)


def test_context_weights_are_constant_within_a_band():
    from analysis.stance.model_features import BANDS, WINDOW, weight

    done = 0
    for upto, value in BANDS:
        assert [weight(d) for d in range(done + 1, upto + 1)] == [value] * (upto - done)
        done = upto
    assert done == WINDOW and weight(WINDOW + 5) == BANDS[-1][1]
