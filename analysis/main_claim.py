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


def claim_label(claim: pd.Series, figures: pd.DataFrame | None = None) -> str:
    """'100 drones' / '8,000–12,000 troops': the value the claim's firm figures give most often
    (a vague 'dozens' in the group never widens it) and the subject."""
    low, high = claim["value_low"], claim["value_high"]
    if figures is not None and not figures.empty:
        ids = set(str(claim["sentence_ids"]).split("; "))
        top = low if pd.isna(high) else high
        firm = figures[
            figures["sentence_id"].isin(ids)
            & (figures["vague"].fillna("") == "")
            & (figures["kind"] == claim["kind"])
            & (pd.to_numeric(figures["value_low"], errors="coerce") >= low)
            & (pd.to_numeric(figures["value_high"], errors="coerce") <= top)
        ]
        if not firm.empty:
            values = firm.groupby(["value_low", "value_high"], dropna=False).size()
            low, high = values.sort_values(ascending=False, kind="stable").index[0]
    value = _number(low) if pd.isna(high) or low == high else f"{_number(low)}–{_number(high)}"
    return f"{value} {claim['subject']}".strip()


def carrying(figures: pd.DataFrame, claim: pd.Series) -> set[str]:
    """Sentence ids of the figures that state the claim: its own, and any figure of the same kind
    whose value falls in the claim's range and whose actor is the claim's or not stated ('what
    Taiwan says were 71 aircraft' carries '71 Chinese military aircraft')."""
    ids = set(str(claim["sentence_ids"]).split("; "))
    low = claim["value_low"]
    high = low if pd.isna(claim["value_high"]) else claim["value_high"]
    same = figures[
        (figures["kind"] == claim["kind"])
        & figures["actor"].fillna("").isin({"", claim["actor"] if pd.notna(claim["actor"]) else ""})
        & (pd.to_numeric(figures["value_low"], errors="coerce") >= low)
        & (pd.to_numeric(figures["value_high"], errors="coerce") <= high)
    ]
    return ids | set(same["sentence_id"])


def claim_framing(
    framing: pd.DataFrame, figures: pd.DataFrame, claim: pd.Series, label: str
) -> pd.DataFrame:
    """Core-claim framing rows for the main claim: per article carrying it, its figure framings
    relabelled as the claim (figure_ref ''), the strongest marked primary."""
    ids = carrying(figures, claim)
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
