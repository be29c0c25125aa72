"""The corpus's main claim when no story file names one: the figure most outlets report.

A reduce over the `figures` rows and the per-figure `framing` rows: the firm figure (a value, not
"dozens"; troops, casualties, weapons or money) that the most outlets give, the same kind and value
whether or not they say whose it is, is the main claim (then the one in the most sentences, then the
earliest). It is labelled from its own figures ("100 drones", "71 Chinese military aircraft"), in
English when an English article carries it, and
each article that carries it gets a core-claim framing row (figure_ref '') with its strongest
framing. The summaries then frame the corpus's own claim, never one it does not contain.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.figures.context import VOCABULARY
from analysis.stance.framing import FIGURE_ROW, MAIN_CLAIM_ROW, PRECEDENCE

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _firm(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures with a value, of a countable kind, in sentences that are not repeats."""
    if figures.empty:
        return figures
    low = pd.to_numeric(figures["value_low"], errors="coerce")
    high = pd.to_numeric(figures["value_high"], errors="coerce")
    keep = (
        low.notna()
        & (figures["vague"].fillna("") == "")
        & (figures["kind"] != "other")
        & ~figures["is_repeat"].astype(str).str.lower().isin(("true", "1"))
    )
    return figures[keep].assign(low=low[keep], high=high[keep].fillna(low[keep]))


def main_claim(figures: pd.DataFrame) -> dict | None:
    """{kind, actor, low, high, subject, sentence_ids} of the figure most outlets give, else None.
    Groups of (kind, low, high) are read in order of first appearance (as groupby(sort=False))."""
    read = ["kind", "actor", "outlet", "published", "subject", "sentence_id", "status"]
    firm = _firm(
        figures[[*read, "value_low", "value_high", "vague", "is_repeat"]]
    )  # not every text
    if firm.empty:
        return None
    column = {name: firm[name].tolist() for name in ("low", "high", *read)}
    column["actor"] = firm["actor"].fillna("").tolist()
    groups: dict[tuple, list[int]] = {}
    for at, key in enumerate(zip(column["kind"], column["low"], column["high"], strict=True)):
        if key[0] == key[0]:  # groupby drops a missing kind
            groups.setdefault(key, []).append(at)
    best, best_key = None, None
    for (kind, low, high), rows in groups.items():
        owners = [a for a in map(column["actor"].__getitem__, rows) if a]
        # ties go to the first in corpus order (a set's order changes with every process's hashing)
        actor = max(dict.fromkeys(owners), key=owners.count) if owners else ""
        carrying = [i for i in rows if column["actor"][i] in ("", actor)]
        dates = [d for d in map(column["published"].__getitem__, carrying) if d == d]
        key = (
            len({o for o in map(column["outlet"].__getitem__, carrying) if o == o}),  # nunique
            len(carrying),
            "".join(chr(0x10FFFF - ord(c)) for c in str(min(dates) if dates else float("nan"))),
        )
        if best_key is None or key > best_key:
            # the wording of the figures that name the actor, the most common (then the longest);
            # in English when an English article carries it, as the summaries naming it are
            owned = [column["subject"][i] for i in carrying if column["actor"][i] == actor]
            subjects = [
                *owned,
                *(column["subject"][i] for i in carrying if column["actor"][i] != actor),
            ]
            subject = max(
                dict.fromkeys(subjects),
                key=lambda s: (_english(s), s in owned, owned.count(s), len(s)),
            )
            best_key = key
            statuses = [
                column["status"][i] for i in carrying if column["status"][i] == column["status"][i]
            ]
            best = {
                "kind": kind,
                "status": max(dict.fromkeys(statuses), key=statuses.count) if statuses else "",
                "actor": actor,
                "low": low,
                "high": high,
                "subject": subject,
                "sentence_ids": {column["sentence_id"][i] for i in carrying},
            }
    return best


def other_counts(
    figures: pd.DataFrame, claim: dict, carried: dict[str, list[str]]
) -> dict[str, list[tuple[str, str]]]:
    """Per outlet that does not give the main figure, its own figures of the same kind and status
    ('dozens (people killed)' where most give '47 civilians killed'): (label, sentence id) each, so
    its summary says what it reports instead of only what it leaves out."""
    same = figures[
        (figures["kind"] == claim["kind"])
        & (figures["status"].fillna("") == claim["status"])
        & ~figures["outlet"].isin(carried)
        & ~figures["is_repeat"].astype(str).str.lower().isin(("true", "1"))
    ]
    counts: dict[str, list[tuple[str, str]]] = {}
    for row in same.itertuples():
        value = row.vague if row.vague == row.vague and row.vague else row.value_text
        subject = row.subject if row.subject == row.subject else ""
        label = f"{value} ({subject})" if subject else str(value)
        counts.setdefault(row.outlet, []).append((label, row.sentence_id))
    return counts


def _english(subject: str) -> bool:
    """True when the subject names a noun the English figures vocabulary knows ('soldiers', not
    'Soldaten' or 'soldados')."""
    return any(VOCABULARY.noun(token)[0] for token in _WORD.findall(subject))


def claim_label(claim: dict) -> str:
    """'100 drones' / '8,000–12,000 troops': the value (a range when it is one) and the subject."""
    low, high = claim["low"], claim["high"]
    value = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    return f"{value} {claim['subject']}".strip()


def claim_framing(framing: pd.DataFrame, claim: dict, label: str) -> pd.DataFrame:
    """Core-claim framing rows for the main claim: per article carrying it, its figure framings
    relabelled as the claim (figure_ref ''), the strongest marked primary."""
    rows = framing[
        (framing["figure_ref"] != "") & framing["sentence_id"].isin(claim["sentence_ids"])
    ].copy()
    if rows.empty:
        return rows
    rows["claim"] = label
    rows["figure_ref"] = ""
    rows["framing_id"] = rows["framing_id"].str.replace(
        f":{FIGURE_ROW}", f":{MAIN_CLAIM_ROW}", n=1, regex=False
    )
    rows["rank"] = rows["framing"].map(PRECEDENCE.index)
    rows = rows.sort_values(["rank"], kind="stable").drop_duplicates(
        ["article_id", "framing", "by"]
    )
    rows["primary"] = ~rows.duplicated("article_id")
    order = {a: i for i, a in enumerate(pd.unique(framing["article_id"]).tolist())}  # first seen
    rows = rows.assign(position=rows["article_id"].map(order))
    rows = rows.sort_values(["position", "rank"], kind="stable")
    return rows.drop(columns=["rank", "position"])
