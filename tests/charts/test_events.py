"""Who acts on whom and violence without a named attacker, drawn from the events reduce of a
hand-made corpus (tests/events/test_reduce.py): what each chart counts, its hover and its CSV."""

from __future__ import annotations

from analysis import charts
from analysis.events.reduce import agentless_violence, event_links
from tests.events.test_reduce import ARTICLES, events


def test_conflict_between_named_actors_per_outlet_with_a_sentence_on_hover() -> None:
    frame = events()
    links = event_links(frame, list(ARTICLES))
    chart = charts.who_acts_on_whom(links, frame, "conflict")
    rows = {(r.outlet, r.source, r.target): r.events for r in chart.data.itertuples()}
    assert rows[("Gulf Wire", "Israel", "Iran")] == 1
    assert rows[("Tehran Daily", "Israel", "Iran")] == 1
    assert rows[("Delhi Ledger", "India", "Iran")] == 1
    assert ("Gulf Wire", "Israel", "Iraq") not in rows  # negated
    [heatmap] = chart.figure.data
    assert list(heatmap.x) == sorted(ARTICLES)
    assert "Israel → Iran" in heatmap.y
    assert any("Israeli jets struck" in text for row in heatmap.hovertext for text in row)
    assert chart.file_name == "who_acts_on_whom_conflict.csv"
    assert (heatmap.zmin, heatmap.zmax) == (0, 1)  # every count 1: the top colour, not mid-grey


def test_a_family_with_no_event_draws_an_empty_state() -> None:
    frame = events()
    chart = charts.who_acts_on_whom(event_links(frame, list(ARTICLES)), frame, "cooperation")
    assert chart.data.empty
    assert "No cooperation" in chart.figure.layout.annotations[0].text


def test_agentless_share_bars_with_counts_and_an_example() -> None:
    frame = events()
    table = agentless_violence(frame, list(ARTICLES))
    chart = charts.agentless_violence(table, frame)
    by = chart.data.set_index("outlet")
    assert (
        by.loc["Tehran Daily", "agentless"] == 2 and by.loc["Tehran Daily", "violent_events"] == 3
    )
    assert by.loc["Tehran Daily", "example"].startswith("Nine people were killed")
    [bars] = chart.figure.data
    assert list(bars.text) == [
        f"{r.agentless} of {r.violent_events}" for r in chart.data.itertuples()
    ]
