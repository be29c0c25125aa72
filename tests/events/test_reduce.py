"""The events reduce: links per outlet, agentless violence, actor roles, the main event and the
summary clause, on a hand-made corpus of three outlets."""

from __future__ import annotations

import pandas as pd

from analysis import schema
from analysis.events.reduce import (
    actor_roles,
    agentless_violence,
    event_links,
    events_clause,
    main_event,
)
from tests.events.scoring import found

ARTICLES = {
    "Gulf Wire": [
        "Israeli jets struck Iranian air defences near Isfahan.",
        "Iran fired 40 missiles at Israel on Saturday.",
        "Israel did not strike Iraq, officials said.",
    ],
    "Tehran Daily": [
        "Nine people were killed in strikes on Isfahan.",
        "Residents said explosions were heard after the attacks.",
        "Israel struck Iran again on Sunday.",
    ],
    "Delhi Ledger": ["India urged Israel and Iran to show restraint."],
}


def events() -> pd.DataFrame:
    rows = []
    for outlet, sentences in ARTICLES.items():
        for n, sentence in enumerate(sentences):
            for row in found(sentence, "en"):
                rows.append({**row, "outlet": outlet, "event_id": f"{outlet[:4]}{n}"})
    return schema.from_rows(rows, "events")


def test_links_count_what_each_outlet_shows_happening() -> None:
    links = event_links(events(), list(ARTICLES))
    assert list(links.columns) == schema.columns("event_links")
    shown = {(r.outlet, r.source, r.event, r.target): r.events for r in links.itertuples()}
    assert shown[("Gulf Wire", "Israel", "ASSAULT", "Iran")] == 1
    assert shown[("Gulf Wire", "Iran", "ASSAULT", "Israel")] == 1
    assert ("Gulf Wire", "Israel", "ASSAULT", "Iraq") not in shown  # negated: not happening
    assert shown[("Tehran Daily", "Israel", "ASSAULT", "Iran")] == 1
    assert shown[("Delhi Ledger", "India", "REQUEST", "Israel")] == 1
    assert list(dict.fromkeys(links["outlet"])) == list(ARTICLES)


def test_agentless_share_per_outlet() -> None:
    table = agentless_violence(events(), list(ARTICLES))
    by = table.set_index("outlet")
    assert by.loc["Tehran Daily", "violent_events"] == 3
    assert by.loc["Tehran Daily", "agentless"] == 2
    assert by.loc["Tehran Daily", "agentless_share"] == round(2 / 3, 3)
    assert by.loc["Gulf Wire", "agentless"] == 0
    assert "Delhi Ledger" not in by.index  # no violence reported


def test_actor_roles_and_the_main_event() -> None:
    roles = actor_roles(events()).set_index(["outlet", "actor"])
    assert roles.loc[("Gulf Wire", "Israel"), "acts"] == 1
    assert roles.loc[("Gulf Wire", "Israel"), "acted_on"] == 1
    assert roles.loc[("Delhi Ledger", "India"), "conflict_acts"] == 2  # demands of both
    assert main_event(events()) == ("Israel", "ASSAULT", "Iran", 2)


def test_the_summary_clause_names_the_events_and_the_unnamed_attackers() -> None:
    frame = events()
    outlets = list(ARTICLES)
    links, violence = event_links(frame, outlets), agentless_violence(frame, outlets)
    text, ids = events_clause(
        links[links["outlet"] == "Tehran Daily"], violence[violence["outlet"] == "Tehran Daily"]
    )
    assert text == (
        "shows Israel attacking Iran (1 event); reports 2 of 3 attacks without naming who "
        "carried them out"
    )
    assert ids and all(i.startswith("Tehr") for i in ids)
    empty = events_clause(schema.empty("event_links"), schema.empty("agentless_violence"))
    assert empty == ("shows no actor acting on another", [])
