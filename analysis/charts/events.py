"""Events charts: who each outlet shows acting on whom (conflict and cooperation), and how much
of the violence it reports names no one as doing it."""

from __future__ import annotations

import html

import pandas as pd

from analysis.charts.common import (
    CIVIDIS,
    OKABE_ITO,
    Chart,
    _axis,
    _empty_chart,
    _outlet_axis,
    hover_text,
    titled,
)

TOP_PAIRS = 15  # doer -> target pairs a chart shows (the most reported over the outlets shown)
FAMILIES = {"conflict": ("verbal_conflict", "material_conflict"),
            "cooperation": ("verbal_cooperation", "material_cooperation")}  # fmt: skip


def _first_sentences(ids: pd.Series, events: pd.DataFrame) -> list[str]:
    """The sentence of the first event id of each cell."""
    text = dict(zip(events["event_id"], events["sentence"], strict=True))
    return [text.get(str(i).split("; ")[0], "") for i in ids]


def who_acts_on_whom(links: pd.DataFrame, events: pd.DataFrame, family: str) -> Chart:
    """Heatmap of events between named actors: rows doer → target, columns outlets, cells the
    number of events of the `family` ('conflict' or 'cooperation'); a sentence on hover."""
    columns = ["outlet", "source", "target", "events", "quoted", "example"]
    name = f"who_acts_on_whom_{family}.csv"
    rows = links[
        links["quad"].isin(FAMILIES[family]) & (links["source"] != "") & (links["target"] != "")
    ]
    if rows.empty:
        return _empty_chart(columns, f"No {family} between named actors for these filters.", name)
    data = rows.groupby(["outlet", "source", "target"], as_index=False, sort=False).agg(
        events=("events", "sum"), quoted=("quoted", "sum"), first=("evidence_ids", "first")
    )
    data["example"] = _first_sentences(data.pop("first"), events)
    data = data.sort_values(["outlet", "events"], ascending=[True, False]).reset_index(drop=True)
    pairs = data.groupby(["source", "target"])["events"].sum().sort_values(ascending=False)
    shown = [f"{s} → {t}" for s, t in pairs.index[:TOP_PAIRS]]
    outlets = sorted(data["outlet"].unique())
    cells = {(r.outlet, f"{r.source} → {r.target}"): r for r in data.itertuples(index=False)}
    z, hover = [], []
    for pair in shown:
        z.append([]), hover.append([])
        for outlet in outlets:
            cell = cells.get((outlet, pair))
            z[-1].append(int(cell.events) if cell else None)
            hover[-1].append(
                f"<b>{html.escape(outlet)}: {html.escape(pair)}</b> — {cell.events} events"
                f" ({cell.quoted} quoted)<br><i>{hover_text(cell.example)}</i>"
                if cell
                else f"{html.escape(outlet)}: not reported"
            )
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": outlets,
        "y": shown,
        "colorscale": CIVIDIS,
        "zmin": 0,  # both ends set: with one alone plotly scales to the data (all 1s were grey)
        "zmax": max(int(data["events"].max()), 1),
        "text": [[str(v) if v else "" for v in row] for row in z],
        "texttemplate": "%{text}",
        "hovertext": hover,
        "hoverinfo": "text",
        "colorbar": {"title": {"text": "events"}},
    }
    layout = {"xaxis": _axis("outlet"), "yaxis": _axis("doer → target", autorange="reversed")}
    words = (
        "accusing, threatening, sanctioning, attacking …"
        if family == "conflict"
        else ("meeting, supporting, agreeing, aiding …")
    )
    title = f"Who each outlet shows acting on whom: {family} ({words}), events per outlet"
    height = 220 + 28 * len(shown)
    return Chart(titled([heatmap], layout, title, height, legend=None), data[columns], name)


def agentless_violence(table: pd.DataFrame, events: pd.DataFrame) -> Chart:
    """Bars per outlet: the share of the attacks it reports with no doer named, counts on hover."""
    columns = ["outlet", "violent_events", "agentless", "passive", "active", "agentless_share"]
    name = "agentless_violence_by_outlet.csv"
    rows = table[pd.to_numeric(table["violent_events"], errors="coerce").fillna(0) > 0]
    if rows.empty:
        return _empty_chart(columns + ["example"], "No reported attack for these filters.", name)
    data = rows.sort_values("outlet").reset_index(drop=True)
    data["example"] = _first_sentences(data["evidence_ids"], events)
    hover = [
        f"<b>{html.escape(r.outlet)}</b>: {r.agentless} of {r.violent_events} attacks with no doer"
        f" named ({r.passive} naming it as agent or modifier, {r.active} as subject)"
        + (f"<br><i>{hover_text(r.example)}</i>" if r.example else "")
        for r in data.itertuples(index=False)
    ]
    bars = {
        "type": "bar",
        "orientation": "h",
        "y": data["outlet"].tolist(),
        "x": data["agentless_share"].tolist(),
        "marker": {"color": OKABE_ITO[3]},
        "text": [f"{r.agentless} of {r.violent_events}" for r in data.itertuples(index=False)],
        "textposition": "auto",
        "hovertext": hover,
        "hoverinfo": "text",
    }
    layout = {
        "xaxis": _axis("share of reported attacks with no doer named", tickformat=".0%",
                       range=[0, 1]),
        "yaxis": _outlet_axis(data["outlet"]),
    }  # fmt: skip
    title = "Violence without a named attacker ('12 killed in strikes' rather than 'X's strikes killed 12')"
    height = 200 + 32 * len(data)
    return Chart(
        titled([bars], layout, title, height, legend=None), data[columns + ["example"]], name
    )
