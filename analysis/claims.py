"""The corpus's main claim when no story file names one: the figure most outlets report.

A reduce over `who_reported_what` (claims grouped across outlets) and the per-figure `framing`
rows: the claim carried by the most outlets (then by the most sentences, then the earliest) is the
main claim, labelled from its own figures ("40 drones launched at Israel"), and each article that
carries it gets a core-claim framing row (figure_ref '') with its strongest framing. The summaries
then frame the corpus's own claim, never one it does not contain.
"""

from __future__ import annotations

import pandas as pd

_STRENGTH = [
    "confirmed",
    "not denied",
    "asserted",
    "denied",
    "alleged",
    "reported",
    "not confirmed",
]


def _number(value: object) -> str:
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,g}"


def main_claim(who: pd.DataFrame) -> pd.Series | None:
    """The who_reported_what row most outlets carry (countable figures only), None when none."""
    counted = who[(who["kind"] != "other") & who["value_low"].notna()] if not who.empty else who
    if counted.empty:
        return None
    ranked = counted.assign(
        sentences=counted["sentence_ids"].astype(str).str.count(";") + 1,
        first=counted["first_seen"].fillna("").astype(str).replace("", "9999"),
    ).sort_values(
        ["n_outlets", "sentences", "first"], ascending=[False, False, True], kind="stable"
    )
    return ranked.iloc[0]


def claim_label(claim: pd.Series) -> str:
    """'40 drones launched at Israel' / '8,000–12,000 troops': the value as a range and the subject."""
    low, high = claim["value_low"], claim["value_high"]
    value = _number(low) if pd.isna(high) or low == high else f"{_number(low)}–{_number(high)}"
    return f"{value} {claim['subject']}".strip()


def claim_framing(framing: pd.DataFrame, claim: pd.Series, label: str) -> pd.DataFrame:
    """Core-claim framing rows for the main claim: per article carrying it, its figure framings
    relabelled as the claim (figure_ref ''), the strongest marked primary."""
    ids = set(str(claim["sentence_ids"]).split("; "))
    rows = framing[(framing["figure_ref"] != "") & framing["sentence_id"].isin(ids)].copy()
    if rows.empty:
        return rows
    rows["claim"] = label
    rows["figure_ref"] = ""
    rows["rank"] = rows["framing"].map(_STRENGTH.index)
    rows = rows.sort_values(["rank"], kind="stable").drop_duplicates(
        ["article_id", "framing", "by"]
    )
    rows["primary"] = ~rows.duplicated("article_id")
    order = {a: i for i, a in enumerate(dict.fromkeys(framing["article_id"]))}
    rows = rows.assign(position=rows["article_id"].map(order))
    rows = rows.sort_values(["position", "rank"], kind="stable")
    return rows.drop(columns=["rank", "position"])
