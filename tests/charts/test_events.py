"""Who acts on whom and agentless violence, on a hand-made events table."""

from __future__ import annotations

import pandas as pd

from analysis import charts

COLUMNS = ["event_id", "outlet", "sentence", "source", "target", "quad", "agency", "negated"]


def events() -> pd.DataFrame:
    rows = [
        (
            "e1",
            "Wire",
            "Troops shelled the town.",
            "Army",
            "Rebels",
            "material_conflict",
            "active",
            False,
        ),
        (
            "e2",
            "Wire",
            "The army struck again.",
            "Army",
            "Rebels",
            "material_conflict",
            "active",
            False,
        ),
        (
            "e3",
            "Wire",
            "Houses were destroyed.",
            "",
            "Villagers",
            "material_conflict",
            "agentless",
            False,
        ),
        (
            "e4",
            "Wire",
            "The army did not attack.",
            "Army",
            "Villagers",
            "material_conflict",
            "active",
            True,
        ),
        (
            "e5",
            "Daily",
            "Shelling killed six.",
            "",
            "Villagers",
            "material_conflict",
            "agentless",
            False,
        ),
        (
            "e6",
            "Daily",
            "Envoys met in Geneva.",
            "Envoys",
            "Rebels",
            "verbal_cooperation",
            "active",
            False,
        ),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def test_counts_per_source_and_target_of_one_quad_leave_negated_events_out():
    chart = charts.who_acts_on_whom(events(), "material_conflict")
    data = chart.data.set_index(["source", "target"])["events"].to_dict()
    assert data == {("(no agent named)", "Villagers"): 2, ("Army", "Rebels"): 2}
    heatmap = chart.figure.to_dict()["data"][0]
    assert list(heatmap["y"]) == ["(no agent named)", "Army"]
    assert list(heatmap["x"]) == ["Rebels", "Villagers"]


def test_a_quad_without_events_says_so():
    chart = charts.who_acts_on_whom(events(), "verbal_conflict")
    assert chart.data.empty
    assert "No verbal conflict event" in chart.figure.layout.annotations[0].text


def test_agentless_violence_is_a_share_of_each_outlets_violent_events():
    chart = charts.agentless_violence(events(), {"Wire": "#000000"})
    assert chart.data.to_dict("records") == [
        {"outlet": "Daily", "violent_events": 1, "agentless": 1, "share": 1.0},
        {"outlet": "Wire", "violent_events": 3, "agentless": 1, "share": 0.333},
    ]
