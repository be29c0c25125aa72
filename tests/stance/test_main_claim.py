"""The corpus's main claim when no story file names one."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd

from analysis.stance.main_claim import _english, _firm, main_claim
from tests.figures.test_claims import random_figures
from tests.paths import ROOT

CHOOSE = """
import pandas as pd
from analysis.stance.main_claim import main_claim
rows = []
for n, (outlet, actor, subject) in enumerate([
    ("Harbour Times", "Chad", "soldiers"), ("Delmar Daily", "Niger", "Soldaten"),
    ("Island Herald", "Chad", "soldados"), ("Radio Meridian", "Niger", "troupes"),
]):
    rows.append({"article_id": f"a{n}", "outlet": outlet, "published": "2025-03-0" + str(n + 1),
                 "value_low": 1200.0, "value_high": 1200.0, "vague": "", "kind": "troops",
                 "subject": subject, "actor": actor, "modality": "asserted", "is_repeat": False,
                 "sentence_id": f"a{n}:1", "claimant": "", "status": ""})
claim = main_claim(pd.DataFrame(rows))
print(claim["actor"], claim["subject"])
"""


def test_ties_between_actors_and_subjects_go_to_the_first_in_corpus_order_in_every_process():
    """Two actors and four subjects tie: the first in corpus order wins, whatever the process's
    string hashing (a set's order would change with PYTHONHASHSEED, and so would the export)."""
    chosen = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", CHOOSE], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        chosen.add(done.stdout.strip())
    assert chosen == {"Chad soldiers"}


def _main_claim_by_groupby(figures: pd.DataFrame) -> dict | None:
    """The definition main_claim must equal: pandas groups of (kind, low, high) in corpus order."""
    firm = _firm(figures)
    best, best_key = None, None
    for (kind, low, high), rows in firm.groupby(["kind", "low", "high"], sort=False):
        owners = [a for a in rows["actor"].fillna("") if a]
        actor = max(dict.fromkeys(owners), key=owners.count) if owners else ""
        carrying = rows[rows["actor"].fillna("").isin({"", actor})]
        key = (
            carrying["outlet"].nunique(),
            len(carrying),
            "".join(chr(0x10FFFF - ord(c)) for c in str(carrying["published"].min())),
        )
        if best_key is None or key > best_key:
            mine = carrying["actor"].fillna("") == actor
            owned = list(carrying.loc[mine, "subject"])
            subjects = owned + list(carrying.loc[~mine, "subject"])
            subject = max(
                dict.fromkeys(subjects),
                key=lambda s: (_english(s), s in owned, owned.count(s), len(s)),
            )
            best_key, best = key, (kind, actor, low, high, subject, set(carrying["sentence_id"]))
    return best


def test_main_claim_equals_the_groupby_definition():
    for seed, size in ((1, 1), (2, 12), (3, 300), (4, 1500), (6, 40)):
        figures = random_figures(seed, size)
        claim = main_claim(figures)
        found = tuple(claim[k] for k in ("kind", "actor", "low", "high", "subject", "sentence_ids"))
        assert found == _main_claim_by_groupby(figures), (seed, size)
    assert main_claim(random_figures(7, 0)) is None


def test_the_claim_is_worded_in_english_when_an_english_article_carries_it():
    """Only the German article names whose soldiers they are; the English wording still labels the
    claim the English summaries name (an analyst reading '2,000 Soldaten' there is lost)."""
    rows = [
        ("Berliner Rundschau", "Venezuela", "Soldaten", "2.000"),
        ("El Diario de Bogotá", "", "soldados", "2.000"),
        ("Le Quotidien International", "", "soldats", "2 000"),
        ("Atlantic Wire Service", "", "soldiers", "2,000"),
    ]
    figures = pd.DataFrame(
        [
            {"article_id": f"a{n}", "outlet": outlet, "published": "2025-02-11",
             "value_low": 2000.0, "value_high": 2000.0, "vague": "", "value_text": text,
             "kind": "troops", "subject": subject, "actor": actor, "modality": "asserted",
             "is_repeat": False, "sentence_id": f"a{n}:1", "claimant": "", "status": ""}
            for n, (outlet, actor, subject, text) in enumerate(rows)
        ]
    )  # fmt: skip
    claim = main_claim(figures)
    assert (claim["actor"], claim["subject"]) == ("Venezuela", "soldiers")
    assert main_claim(figures.iloc[:3])["subject"] == "Soldaten"  # no English one: the actor's
