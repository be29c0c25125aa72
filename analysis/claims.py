"""Claims across articles: the reduce over the figures table of a corpus (DataFrame in, DataFrame out).

`claims_timeline` lists the estimates by publication date (how a figure grew); `who_reported_what`
groups the same claim across outlets and flags the estimates that disagree.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis import schema
from analysis.figure_packs import english
from analysis.figures import VOCABULARY, shipped_actors
from analysis.numbers import vague_bounds


def corpus_tables(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The two cross-source views of a corpus's figures table (the reduce): timeline and claims."""
    return {
        "claims_timeline": claims_timeline(figures),
        "who_reported_what": who_reported_what(figures),
    }


def claims_timeline(
    figures: pd.DataFrame, kind: str | None = None, actor: str | None = None
) -> pd.DataFrame:
    """Non-repeated figures (optionally of one kind and actor) by publication date: estimate growth."""
    chosen = figures[~figures["is_repeat"].astype(bool)]
    if kind:
        chosen = chosen[chosen["kind"] == kind]
    if actor:
        chosen = chosen[chosen["actor"] == actor]
    undated = chosen["published"].fillna("").eq("")
    chosen = chosen.assign(_undated=undated).sort_values(
        ["_undated", "published", "outlet", "article_id", "char_start"], kind="stable"
    )
    return schema.conform(chosen, "claims_timeline")


_STOP = english("figures.toml").words("phrase", "stop")


def _synonym(word: str) -> str:
    """'soldiers' and 'officers' are 'troops', 'killed' and 'dead' are 'casualties'."""
    noun_class = VOCABULARY.noun_class(word)
    return noun_class if noun_class in ("troops", "casualties") else word


def _subject_key(subject: str, actor_words: set[str]) -> frozenset[str]:
    """Content words of a subject, actors removed and synonyms merged ('soldiers' = 'troops')."""
    words = {w.lower() for w in re.findall(r"[A-Za-z-]+", subject)} - actor_words - _STOP
    return frozenset(_synonym(w) for w in words if len(w) > 2)


def who_reported_what(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures grouped into claims (same kind and actor, overlapping values, any outlet), with conflicts.

    Vague amounts take order-of-magnitude bounds ('thousands' = 1,000..10,000). Two claims of the
    same kind and actor conflict when different outlets give non-overlapping estimates of a similar
    subject; figures framed as only possible or denied are grouped but never counted as conflicts.
    """
    chosen = figures[~figures["is_repeat"].astype(bool) & (figures["kind"] != "other")]
    items = []
    for row in chosen.to_dict("records"):
        bounds = (
            (row["value_low"], row["value_high"])
            if not row["vague"]
            else vague_bounds(row["vague"])
        )
        if bounds and pd.notna(bounds[0]) and pd.notna(bounds[1]):
            low, high = sorted((float(bounds[0]), float(bounds[1])))
            items.append((row["kind"], row["actor"], low, high, row))
    items.sort(key=lambda item: (item[0], item[1], item[2], item[3]))
    groups: list[list[tuple]] = []
    for item in items:
        last = groups[-1] if groups else None
        if last and last[0][:2] == item[:2] and item[2] <= max(i[3] for i in last) * 1.05:
            last.append(item)
        else:
            groups.append([item])
    ids = {id(group): f"C{n}" for n, group in enumerate(groups, start=1)}
    conflicts: dict[str, set[str]] = {ids[id(g)]: set() for g in groups}
    actor_words = {
        w.lower() for a in shipped_actors().actors for alias in a.aliases for w in alias.split()
    }
    for i, group in enumerate(groups):
        for other in groups[i + 1 :]:
            if other[0][:2] == group[0][:2] and _disagree(group, other, actor_words):
                conflicts[ids[id(group)]].add(ids[id(other)])
                conflicts[ids[id(other)]].add(ids[id(group)])
    rows = [_claim_row(ids[id(g)], g, conflicts[ids[id(g)]]) for g in groups]
    return (
        schema.conform(pd.DataFrame(rows), "who_reported_what")
        if rows
        else schema.empty("who_reported_what")
    )


def _disagree(group: list[tuple], other: list[tuple], actor_words: set[str]) -> bool:
    """True when two outlets give non-overlapping firm estimates of a similar subject."""
    firm = [i[4] for i in group if i[4]["modality"] in ("asserted", "reported")]
    firm_other = [i[4] for i in other if i[4]["modality"] in ("asserted", "reported")]
    return any(
        a["outlet"] != b["outlet"]
        and (_subject_key(a["subject"], actor_words) & _subject_key(b["subject"], actor_words))
        for a in firm
        for b in firm_other
    )


def _claim_row(claim_id: str, group: list[tuple], conflicts: set[str]) -> dict[str, object]:
    records = [item[4] for item in group]
    subjects = pd.Series([r["subject"] for r in records])
    dates = sorted(r["published"] for r in records if r["published"])
    outlets = list(dict.fromkeys(r["outlet"] for r in records))
    return {
        "claim_id": claim_id,
        "kind": group[0][0],
        "actor": group[0][1],
        "subject": subjects.mode().iloc[0] if not subjects.empty else "",
        "value_low": min(item[2] for item in group),
        "value_high": max(item[3] for item in group),
        "outlets": "; ".join(outlets),
        "n_outlets": len(outlets),
        "claimants": "; ".join(dict.fromkeys(r["claimant"] for r in records if r["claimant"])),
        "first_seen": dates[0] if dates else "",
        "conflict": bool(conflicts),
        "conflicts_with": "; ".join(sorted(conflicts, key=lambda c: int(c[1:]))),
        "sentence_ids": "; ".join(dict.fromkeys(r["sentence_id"] for r in records)),
    }
