"""Events across a corpus, the reduce: who each outlet shows doing what to whom (`event_links`),
how often it reports violence without naming who did it (`agentless_violence`), each actor's part
in the outlet's events (for the stance table), the corpus's main event and an outlet's clause for
its summary.
"""

from __future__ import annotations

import pandas as pd

from analysis import schema

EVIDENCE = 5  # event ids cited per row
QUAD_ORDER = ["material_conflict", "verbal_conflict", "material_cooperation", "verbal_cooperation"]
# How a summary says an event of PLOVER's in English ('shows Israel attacking Iran').
DOING = {
    "AGREE": "agreeing with",
    "CONSULT": "meeting",
    "SUPPORT": "supporting",
    "CONCEDE": "conceding to",
    "COOPERATE": "cooperating with",
    "AID": "aiding",
    "RETREAT": "pulling back from",
    "REQUEST": "making demands of",
    "ACCUSE": "accusing",
    "REJECT": "rejecting",
    "THREATEN": "threatening",
    "PROTEST": "protesting against",
    "SANCTION": "sanctioning",
    "MOBILIZE": "mobilising against",
    "COERCE": "coercing",
    "ASSAULT": "attacking",
}


def happening(events: pd.DataFrame) -> pd.DataFrame:
    """The events reported as happening: not negated (possible, threatened and planned count)."""
    return events[~events["negated"].astype(bool)]


def event_links(events: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """One row per outlet x doer x target x event type, outlets in `outlets` order, most first."""
    shown = happening(events)
    if shown.empty:
        return schema.empty("event_links")
    keys = ["outlet", "source", "target", "event", "quad"]
    grouped = shown.assign(_quoted=shown["voice"] == "quoted").groupby(keys, sort=False)
    table = grouped.agg(
        events=("event_id", "size"),
        quoted=("_quoted", "sum"),
        evidence_ids=("event_id", lambda ids: "; ".join(ids.iloc[:EVIDENCE])),
    ).reset_index()
    table["_o"] = table["outlet"].map({o: i for i, o in enumerate(outlets)})
    table = table.sort_values(["_o", "events"], ascending=[True, False], kind="stable")
    table["quoted"] = table["quoted"].astype("int64")
    return schema.conform(table.drop(columns="_o").reset_index(drop=True), "event_links")


def agentless_violence(events: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Per outlet: the violence it reports and how much of it with no doer named."""
    violent = happening(events)
    violent = violent[violent["event"] == "ASSAULT"]
    rows = []
    for outlet, own in violent.groupby("outlet", sort=False):
        counts = own["agency"].value_counts()
        agentless = own[own["agency"] == "agentless"]
        rows.append(
            {
                "outlet": outlet,
                "violent_events": len(own),
                "agentless": int(counts.get("agentless", 0)),
                "passive": int(counts.get("passive", 0)),
                "active": int(counts.get("active", 0)),
                "agentless_share": round(len(agentless) / len(own), 3),
                "evidence_ids": "; ".join(agentless["event_id"].iloc[:EVIDENCE]),
            }
        )
    if not rows:
        return schema.empty("agentless_violence")
    order = {o: i for i, o in enumerate(outlets)}
    rows.sort(key=lambda row: order.get(row["outlet"], len(order)))
    return schema.conform(pd.DataFrame(rows), "agentless_violence")


def actor_roles(events: pd.DataFrame) -> pd.DataFrame:
    """Per outlet x actor: events it does and has done to it, all and in conflict (the stance
    table's columns acts, acted_on, conflict_acts, conflict_acted_on)."""
    shown = happening(events)
    conflict = shown["quad"].str.endswith("conflict")
    parts = []
    for role, column in (("source", "acts"), ("target", "acted_on")):
        named = shown[shown[role] != ""]
        all_ = named.groupby(["outlet", role]).size().rename(column)
        hostile = named[conflict.loc[named.index]].groupby(["outlet", role]).size()
        parts += [all_, hostile.rename(f"conflict_{column}")]
    if not any(len(p) for p in parts):
        columns = ["outlet", "actor", "acts", "acted_on", "conflict_acts", "conflict_acted_on"]
        return pd.DataFrame(columns=columns)
    for part in parts:
        part.index = part.index.set_names(["outlet", "actor"])
    table = pd.concat(parts, axis=1).fillna(0).astype("int64").reset_index()
    return table


def main_event(events: pd.DataFrame) -> tuple[str, str, str, int] | None:
    """(doer, event, target, outlets) of the conflict event between two named actors that the most
    outlets report (then the most rows, then the first reported); None when there is none."""
    shown = happening(events)
    shown = shown[
        (shown["source"] != "") & (shown["target"] != "") & (shown["quad"] == "material_conflict")
    ]
    if shown.empty:
        return None
    keys = ["source", "event", "target"]
    grouped = shown.groupby(keys, sort=False)
    ranked = pd.DataFrame(
        {"outlets": grouped["outlet"].nunique(), "rows": grouped.size()}
    ).reset_index()
    ranked["_first"] = range(len(ranked))
    best = ranked.sort_values(["outlets", "rows", "_first"], ascending=[False, False, True]).iloc[0]
    return str(best["source"]), str(best["event"]), str(best["target"]), int(best["outlets"])


def event_label(source: str, event: str, target: str) -> str:
    """'Israel attacking Iran'."""
    return f"{source} {DOING[event]} {target}".strip()


def events_clause(links: pd.DataFrame, violence: pd.DataFrame) -> tuple[str, list[str]]:
    """'shows Israel attacking Iran (12 events) and Iran threatening Israel (3); reports 4 of 9
    attacks without naming who carried them out' for one outlet, with the event ids cited.
    Events between two named actors, the most reported first (conflict before cooperation on a
    tie); the agentless share only when there is some."""
    named = links[(links["source"] != "") & (links["target"] != "")]
    named = named.assign(_q=named["quad"].map(QUAD_ORDER.index))
    ranked = named.sort_values(["events", "_q"], ascending=[False, True], kind="stable")
    parts, evidence = [], []
    for row in ranked.head(2).itertuples():
        count = f"{row.events} event{'s' if row.events != 1 else ''}" if not parts else row.events
        parts.append(f"{event_label(row.source, row.event, row.target)} ({count})")
        evidence += [e for e in str(row.evidence_ids).split("; ") if e][:2]
    text = "shows " + " and ".join(parts) if parts else "shows no actor acting on another"
    if not violence.empty and violence.iloc[0]["agentless"]:
        row = violence.iloc[0]
        text += (
            f"; reports {row['agentless']} of {row['violent_events']} attacks "
            "without naming who carried them out"
        )
        evidence += [e for e in str(row["evidence_ids"]).split("; ") if e][:2]
    return text, evidence
