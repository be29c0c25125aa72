"""Who acts on whom: event counts between actors per kind of event (quad), and how often an
outlet tells violence with no one doing it ("were killed", "shelling hit")."""

from __future__ import annotations

import html

import pandas as pd

from analysis.charts.common import (
    CIVIDIS,
    UNKNOWN_GREY,
    Chart,
    _axis,
    _empty_chart,
    _outlet_axis,
    hover_text,
    titled,
)
from analysis.filters.state import as_bool

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
VIOLENCE = "material_conflict"
NO_SOURCE, NO_TARGET = "(no agent named)", "(no target named)"


def _affirmed(events: pd.DataFrame) -> pd.DataFrame:
    """The events that happened as told: a negated event ("did not strike") is not counted."""
    return events[~as_bool(events["negated"])] if not events.empty else events


def who_acts_on_whom(events: pd.DataFrame, quad: str) -> Chart:
    """Heatmap of events of one quad, source (rows) × target (columns), negated ones left out; the
    first sentence of each cell on hover."""
    columns = ["source", "target", "events", "sentence"]
    name = f"events_{quad}_source_by_target.csv"
    shown = _affirmed(events)
    shown = shown[shown["quad"].astype(str) == quad] if not shown.empty else shown
    label = quad.replace("_", " ")
    if shown.empty:
        return _empty_chart(columns, f"No {label} event for the current filters.", name)
    named = shown.assign(
        source=shown["source"].fillna("").astype(str).replace("", NO_SOURCE),
        target=shown["target"].fillna("").astype(str).replace("", NO_TARGET),
    )
    data = (
        named.groupby(["source", "target"], as_index=False)
        .agg(events=("event_id", "count"), sentence=("sentence", "first"))
        .sort_values(["source", "target"])
        .reset_index(drop=True)
    )
    sources, targets = sorted(data["source"].unique()), sorted(data["target"].unique())
    cells = {(r.source, r.target): r for r in data.itertuples(index=False)}
    z, hover = [], []
    for source in sources:
        z.append([]), hover.append([])
        for target in targets:
            cell = cells.get((source, target))
            z[-1].append(None if cell is None else int(cell.events))
            hover[-1].append(
                "no event"
                if cell is None
                else f"<b>{html.escape(source)} → {html.escape(target)}</b>: {cell.events} "
                f"event(s)<br><i>{hover_text(cell.sentence)}</i>"
            )
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": targets,
        "y": sources,
        "colorscale": CIVIDIS,
        "texttemplate": "%{z}",
        "hovertext": hover,
        "hoverinfo": "text",
        "colorbar": {"title": {"text": "events"}},
    }
    layout = {
        "xaxis": _axis("target (acted on)"),
        "yaxis": _axis("source (acts)", autorange="reversed"),
    }
    title = f"Who acts on whom: {label} events, source × target (negated events not counted)"
    height = 220 + 36 * len(sources)
    return Chart(titled([heatmap], layout, title, height, legend=None), data, name)


def agentless_violence(events: pd.DataFrame, colors: dict[str, str]) -> Chart:
    """Bars: per outlet, the share of its violent (material conflict) events told without an
    agent, with the counts on hover."""
    columns = ["outlet", "violent_events", "agentless", "share"]
    name = "agentless_violence_by_outlet.csv"
    shown = _affirmed(events)
    shown = shown[shown["quad"].astype(str) == VIOLENCE] if not shown.empty else shown
    if shown.empty:
        return _empty_chart(columns, "No violent event for the current filters.", name)
    data = (
        shown.assign(agentless=shown["agency"].astype(str) == "agentless")
        .groupby("outlet", as_index=False)
        .agg(violent_events=("event_id", "count"), agentless=("agentless", "sum"))
        .sort_values("outlet")
        .reset_index(drop=True)
    )
    data["agentless"] = data["agentless"].astype(int)
    data["share"] = (data["agentless"] / data["violent_events"]).round(3)
    bars = {
        "type": "bar",
        "orientation": "h",
        "y": data["outlet"].tolist(),
        "x": data["share"].tolist(),
        "marker": {"color": [colors.get(o, UNKNOWN_GREY) for o in data["outlet"]]},
        "customdata": data[["agentless", "violent_events"]].values.tolist(),
        "hovertemplate": "%{y}<br>%{x:.0%} agentless: %{customdata[0]} of %{customdata[1]} violent "
        "event(s)<extra></extra>",
    }
    layout = {
        "xaxis": _axis(
            "share of the outlet's violent events with no agent", tickformat=".0%", range=[0, 1]
        ),
        "yaxis": _outlet_axis(data["outlet"]),
    }
    title = "Agentless violence: violent events told with no one doing them (share per outlet)"
    height = 140 + 32 * len(data)
    return Chart(titled([bars], layout, title, height, legend=None), data, name)
