"""The corpus's main claim when no story file names one: the figure most outlets report.

A reduce over the `figures` rows and the per-figure `framing` rows: the firm figure (a value, not
"dozens"; troops, casualties, weapons or money) that the most outlets give, the same kind and value
whether or not they say whose it is, is the main claim (then the one in the most sentences, then the
earliest). It is labelled from its own figures ("100 drones", "71 Chinese military aircraft"), and
each article that carries it gets a core-claim framing row (figure_ref '') with its strongest
framing. The summaries then frame the corpus's own claim, never one it does not contain.
"""

from __future__ import annotations

import pandas as pd

from analysis.framing import PRECEDENCE


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
    """{kind, actor, low, high, subject, sentence_ids} of the figure most outlets give, else None."""
    firm = _firm(figures)
    if firm.empty:
        return None
    best, best_key = None, None
    for (kind, low, high), rows in firm.groupby(["kind", "low", "high"], sort=False):
        owners = [a for a in rows["actor"].fillna("") if a]
        # ties go to the first in corpus order (a set's order changes with every process's hashing)
        actor = max(dict.fromkeys(owners), key=owners.count) if owners else ""
        carrying = rows[rows["actor"].fillna("").isin({"", actor})]
        key = (
            carrying["outlet"].nunique(),
            len(carrying),
            "".join(chr(0x10FFFF - ord(c)) for c in str(carrying["published"].min())),
        )
        if best_key is None or key > best_key:
            subjects = list(carrying.loc[carrying["actor"].fillna("") == actor, "subject"])
            subject = max(dict.fromkeys(subjects), key=lambda s: (subjects.count(s), len(s)))
            best_key = key
            best = {
                "kind": kind,
                "actor": actor,
                "low": low,
                "high": high,
                "subject": subject,
                "sentence_ids": set(carrying["sentence_id"]),
            }
    return best


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
    rows["rank"] = rows["framing"].map(PRECEDENCE.index)
    rows = rows.sort_values(["rank"], kind="stable").drop_duplicates(
        ["article_id", "framing", "by"]
    )
    rows["primary"] = ~rows.duplicated("article_id")
    order = {a: i for i, a in enumerate(dict.fromkeys(framing["article_id"]))}
    rows = rows.assign(position=rows["article_id"].map(order))
    rows = rows.sort_values(["position", "rank"], kind="stable")
    return rows.drop(columns=["rank", "position"])
