"""Repeated sentences: `mark_repeats` (sorted words only when length and words match, words
lower-cased once per sentence) marks what the rule marks when every key is built for every sentence."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ingest.repeats import WORD_RE, lower_words, mark_repeats, repeats_and_words, words_of

RECENT = 64  # analysis.ingest.repeats._RECENT, written out: the test states the rule, not the code


def repeats_by_definition(texts: list[str], eligible: list[bool]) -> list[bool]:
    """mark_repeats as first written: every word lower-cased alone, a sorted key per sentence;
    a look-up reads the latest RECENT earlier sentences holding each probe word (the bound that
    keeps a huge text of similar sentences from taking quadratic time)."""
    repeats = [False] * len(texts)
    exact: set[tuple[str, ...]] = set()
    index: dict[str, list[int]] = {}
    token_sets: list[frozenset[str]] = []
    for i, text in enumerate(texts):
        tokens = [w.lower() for w in WORD_RE.findall(text)]
        words = frozenset(tokens)
        token_sets.append(words)
        if not eligible[i] or len(tokens) < 4:
            continue
        key = tuple(sorted(tokens))
        if key in exact:
            repeats[i] = True
            continue
        if len(words) >= 6:
            probes = sorted(sorted(words), key=len, reverse=True)[:3]  # ties alphabetical
            candidates = {j for word in probes for j in index.get(word, [])[-RECENT:]}
            repeats[i] = any(
                len(words & token_sets[j]) / len(words | token_sets[j]) >= 0.8 for j in candidates
            )
        if not repeats[i]:
            exact.add(key)
            for word in words:
                index.setdefault(word, []).append(i)
    return repeats


SENTENCES = [
    "The port reopened on Monday after a three-day strike by dockworkers.",
    "After a three-day strike by dockworkers, the port reopened on Monday.",
    "The port reopened on Monday after a three-day strike by the dockworkers.",
    "On Monday the port reopened after dockworkers ended a three-day strike.",
    "Dockworkers ended the strike.",
    "Strike ended the dockworkers.",
    "the the port port",
    "port the port the",
    "port port the the",
    "Yes.",
    "ΟΔΟΣ ΣΤΑ ΣΚΑΦΗ ΤΟΥ ΛΙΜΑΝΙΟΥ ΣΗΜΕΡΑ.",
    "οδος στα σκαφη του λιμανιου σημερα.",
    "İSTANBUL'da grev sürüyor, liman kapalı kaldı.",
    "istanbul'da grev sürüyor, liman kapalı kaldı.",
    "Straße gesperrt, Hafen geschlossen, Streik dauert an.",
    "STRASSE GESPERRT, HAFEN GESCHLOSSEN, STREIK DAUERT AN.",
    "Порт открылся в понедельник после трёхдневной забастовки.",
    "После трёхдневной забастовки порт открылся в понедельник.",
    "Σ'Α Σ''Β ΑΣ''Β ΑΣ'Β test words here",
    "Ferries, trucks and trains stopped while unions met.",
    "Ferries, trucks and trains stopped while unions met on Friday.",  # 8 of 10 words: 0.8
]


def test_mark_repeats_equals_the_rule_on_written_sentences():
    for count in range(1, len(SENTENCES) + 1):
        texts = SENTENCES[:count] + SENTENCES[:count]
        for eligible in ([True] * len(texts), [i % 3 != 1 for i in range(len(texts))]):
            assert mark_repeats(texts, eligible) == repeats_by_definition(texts, eligible)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(SENTENCES),
            st.lists(
                st.sampled_from(["port", "Port", "the", "ΑΣ", "İ", "İa", "a.b", "x-y", "’s", "K"]),
                max_size=9,
            ).map(" ".join),
        ),
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_mark_repeats_equals_the_rule_on_any_sentences(texts, rng):
    eligible = [rng.random() < 0.8 for _ in texts]
    repeats, words = repeats_and_words(texts, eligible)
    assert repeats == repeats_by_definition(texts, eligible)
    # the words counted on the way are the words of each text as it is
    assert words == [
        len(WORD_RE.findall(t)) if ok else -1 for t, ok in zip(texts, eligible, strict=True)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["war", "5", ",", ".", "’", "'", "-", " ", "_", "é", "…", "..", "3,000"]),
        max_size=20,
    ).map("".join)
)
def test_the_words_are_those_of_the_pattern_without_possessive_quantifiers(text):
    # WORD_RE is written possessive for speed; the words are those of the plain pattern
    assert WORD_RE.findall(text) == re.findall(r"\w+(?:[.,'’-]\w+)*", text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "war",
                "5",
                "٣",
                "_",
                ",",
                ".",
                "’",
                "'",
                "-",
                " ",
                "\n",
                "\xa0",
                "\x1c",
                "é",
                "ß",
                "—",
            ]
        ),
        max_size=24,
    ).map("".join)
)
def test_words_of_finds_the_words_of_the_pattern(text):
    assert words_of(text) == WORD_RE.findall(text)


def test_lower_words_are_the_words_each_lower_cased():
    for text in SENTENCES:
        assert lower_words(text) == [w.lower() for w in WORD_RE.findall(text)]


def test_a_sentence_sharing_exactly_four_fifths_of_the_words_is_a_repeat():
    shorter, longer = SENTENCES[-2], SENTENCES[-1]  # 8 words, the same 8 and 2 more: 0.8
    assert mark_repeats([shorter, longer], [True, True]) == [False, True]
    assert mark_repeats([longer, shorter], [True, True]) == [False, True]
    assert mark_repeats([shorter, longer + " Again."], [True, True]) == [False, False]


# the longest words tie: alpha, bravo, delta and gamma; the earlier sentence holds only alpha
TIED = [
    "Alpha and the one big ox was on a hot day in the red sun at sea.",
    "Alpha bravo delta gamma and the one big ox was on a hot day in the red sun at sea.",
]


def test_ties_between_the_longest_words_go_alphabetical():
    assert mark_repeats(TIED, [True, True]) == [False, True]


def test_repeats_are_the_same_whatever_the_string_hashing():
    code = (
        "from analysis.ingest.repeats import mark_repeats; import sys; "
        f"print(mark_repeats({TIED!r}, [True, True]))"
    )
    results = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": str(seed), "PYTHONPATH": "."},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(12)
    }
    assert results == {"[False, True]\n"}


def test_a_long_article_gives_the_same_marks_with_its_index_by_word():
    import random

    rng = random.Random(5)
    vocabulary = "port strike union ferry crane dockworkers wage talks harbour night".split()
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(3, 12))) for _ in range(400)]
    eligible = [rng.random() < 0.9 for _ in texts]
    assert mark_repeats(texts, eligible) == repeats_by_definition(texts, eligible)


def test_a_huge_text_of_similar_sentences_is_marked_in_bounded_time():
    """20,000 sentences each sharing 7 of its 8 words with every other (no two near-copies) used to
    compare each with all the earlier ones: a minute for 0.8 MB; now each reads a bounded few."""
    import time

    texts = [f"The cat sat on the mat number {n} today." for n in range(20_000)]
    started = time.process_time()
    marks = mark_repeats(texts, [True] * len(texts))
    assert time.process_time() - started < 5  # as tests/test_hostile_text.py bounds an article
    assert not any(marks)
    copies = texts + texts[:5]  # a repeat of an early sentence is still found, as an exact copy
    assert mark_repeats(copies, [True] * len(copies))[-5:] == [True] * 5
