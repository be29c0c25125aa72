"""Kinds and statuses as a reader gives them, scored on hand-written sentences of other stories."""

from __future__ import annotations

import json

import pytest

from analysis.figures.extract import figure_rows
from analysis.world.vocabulary import STATUSES
from tests.paths import DATA

LABELS = DATA / "figure_kinds_en.jsonl"


def labelled() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]


def matched(text: str, value: float | None) -> dict | None:
    """The figure of `text` with this value (a vague one when `value` is None)."""
    for row in figure_rows(text):
        if (value is None and row["vague"]) or (value is not None and row["value_low"] == value):
            return row
    return None


def kind_accuracy() -> tuple[float, float, list[str]]:
    """(kind accuracy, status accuracy, misses) over every labelled figure; a missed figure is wrong."""
    kinds = statuses = total = 0
    misses = []
    for item in labelled():
        for value, kind, status in item["figures"]:
            total += 1
            row = matched(item["text"], value)
            got = (row["kind"], row["status"]) if row else ("<none>", "<none>")
            kinds += got[0] == kind
            statuses += got[1] == status
            if got != (kind, status):
                misses.append(f"{value} {got} != {(kind, status)}: {item['text']}")
    return kinds / total, statuses / total, misses


def test_kind_accuracy_on_hand_labelled_sentences():
    kind, status, misses = kind_accuracy()
    print(f"kind accuracy {kind:.3f}, status accuracy {status:.3f}", *misses, sep="\n")
    assert kind >= 0.98, misses
    assert status >= 0.98, misses


@pytest.mark.parametrize(
    ("text", "value", "kind", "status"),
    [
        ("The unit includes 300 officers and four generals.", 300, "troops", ""),
        ("The unit includes 300 officers and four generals.", 4, "troops", ""),
        ("Dozens of officers joined the mutiny.", None, "troops", ""),
        ("They arrested six Guard officers, five of them colonels.", 5, "troops", ""),
        ("Kyiv sent 9,000 soldiers. He says 6,000 of them are at the front.", 6000, "troops", ""),
        ("Three soldiers captured by the other side were exchanged.", 3, "casualties", "captured"),
        ("Four soldiers are missing after the raid.", 4, "casualties", "missing"),
        ("One civilian killed, police say.", 1, "casualties", "killed"),
        ("One person was killed and two others injured.", 2, "casualties", "wounded"),
        ("300 soldiers were killed or wounded.", 300, "casualties", "killed or wounded"),
        ("Three Navy frigates sailed north.", 3, "weapons", ""),
        ("The navy moved 5 landing craft.", 5, "weapons", ""),
        ("Russia launched 36 drones overnight.", 36, "weapons", "fired"),
        ("Air defences shot down 30 drones.", 30, "weapons", "destroyed"),
        ("They drop glide bombs – up to 80 a day – on the town.", 80, "weapons", ""),
        ("A 45-year-old man was arrested.", 45, "other", ""),
        ("900 workers went on strike.", 900, "other", ""),
        ("They sent 900 workers to the plant.", 900, "other", ""),
        ("North Korea sent 10,000 people to Russia.", 10000, "troops", "deployed"),
        ("Moscow has deployed 50,000 troops.", 50000, "troops", "deployed"),
        ("The ministry reported 1,200 casualties.", 1200, "casualties", "killed or wounded"),
        ("Some 3,000 of the 11,000 troops were killed.", 3000, "casualties", "killed"),
        ("Some 3,000 of the 11,000 troops were killed.", 11000, "troops", ""),
        ("At least 19 people, including four children, were killed.", 19, "casualties", "killed"),
        ("At least 19 people, including four children, were killed.", 4, "casualties", "killed"),
        ("The raid killed three service members.", 3, "casualties", "killed"),
        # what happened decides, whatever the people are called
        ("The blast killed 17 pilgrims near the shrine.", 17, "casualties", "killed"),
        ("Police killed 4 gunmen and detained 30 suspects.", 30, "other", ""),
        ("The fire claimed 9 lives.", 9, "casualties", "killed"),
        ("A third of the population lives abroad.", 1 / 3, "other", ""),
        # parts of a total take its kind and status
        ("The raid killed 20 people, among them 6 boys and 2 teachers.", 2, "casualties", "killed"),
        ("They captured 50 fighters, including 4 officers.", 4, "casualties", "captured"),
        ("They fired 30 drones, and 12 of them were shot down.", 12, "weapons", "destroyed"),
        # aircraft, models, strikes and places
        ("Two airliners were shot down over the sea.", 2, "weapons", "destroyed"),
        ("Two airliners landed safely.", 2, "other", ""),
        ("The parade showed two J-10C fighters.", 2, "weapons", ""),
        ("It lost one of its Su-30s.", 1, "weapons", "destroyed"),
        ("Jets flew 35 sorties and carried out 12 air strikes.", 12, "weapons", "fired"),
        ("Missiles hit 4 locations in the port city.", 4, "other", ""),
        ("Drones struck two fuel depots at 3 sites.", 3, "other", ""),
    ],
)
def test_the_reader_kind_of_each_case(text, value, kind, status):
    row = matched(text, value)
    assert row is not None and (row["kind"], row["status"]) == (kind, status)
    assert row["status"] in ("", *STATUSES)


def test_a_pronoun_takes_its_subject_from_the_sentence_before():
    rows = figure_rows(
        "Kyiv sent 9,000 soldiers. The minister says 6,000 of them are at the front."
    )
    assert rows[1]["subject"] == "soldiers"
