"""Number candidates: found from anchors, each pattern tried only where a candidate can start."""

from __future__ import annotations

import random

import pytest

from analysis.numbers.candidates import _DIGIT_LED_RE, CANDIDATE_RE, _leftmost, candidates

PIECES = [
    "US$5",
    "$US 12",
    "A$3.5bn",
    "Rs. 40",
    "Rs5",
    "Y=120",
    "minus 5",
    "-7",
    "−3",
    "+12",
    ".5",
    "a couple of hundred",
    "several thousand",
    "tens of thousands",
    "one in 5",
    "3/4",
    "1⁄2",
    "2024-03-01",
    "10:45",
    "5,000",
    "KN-23",
    "x5",
    "_5",
    "(7)",
    "ſix",
    "K9",
    "İ",
    "ı",
    "€40",
    "USD 300",
    "some 40",
    "of 12",
    "a dozen",
    "\u00a05",
    "12\u202f000",
]


def _texts(count: int) -> list[str]:
    rng = random.Random(11)
    separators = [" ", "", "  ", "\n", "-", "(", "$", ".", ",", "/"]
    return [
        "".join(rng.choice(separators) + rng.choice(PIECES) for _ in range(rng.randint(2, 8)))
        for _ in range(count)
    ]


def _searched(pattern, text, lowest, at, endpos):
    """The first definition: a search from `lowest`, kept only when it starts by `at`."""
    match = pattern.search(text, lowest, endpos)
    return match if match and match.start() <= at else None


@pytest.mark.parametrize("text", _texts(400))
def test_trying_only_where_a_candidate_can_start_finds_what_a_search_finds(text):
    for pattern in (CANDIDATE_RE, _DIGIT_LED_RE):
        for at in range(len(text)):
            for lowest in (max(0, at - 6), max(0, at - 14)):
                want = _searched(pattern, text, lowest, at, at + 60)
                got = _leftmost(pattern, text, lowest, at, at + 60)
                assert (got and got.span()) == (want and want.span()), (text, lowest, at)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It cost US$5 million and minus 5 degrees.", ["US$5 million", "minus 5"]),
        ("A couple of hundred boats, one in 5 ships.", ["A couple of hundred", "one in 5"]),
        ("The 12,000 troops left at 10:45 on 2024-03-01.", ["12,000", "10:45", "2024-03-01"]),
    ],
)
def test_candidates_are_read_with_what_stands_before_their_anchor(text, found):
    assert [m.group() for m in candidates(text)] == found
