"""The corpus's main claim when no story file names one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHOOSE = """
import pandas as pd
from analysis.main_claim import main_claim
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
