"""What every chart shares: the `Chart` value, colours, layout helpers and the empty state."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import get_colorscale

from analysis.ingest.metadata import published_span

# Okabe & Ito (2008), ordered so the first colours are the most distinct on white.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442")
UNKNOWN_GREY = "#999999"
# Twenty colours for camps told apart by colour-blind readers as far as twenty can be: Okabe & Ito
# without black, then Paul Tol's muted scheme and four of his light colours (Tol, "Colour Schemes",
# SRON/EPS/TN/09-002, 2021). Camps past the twentieth are grey.
CAMP_PALETTE = (
    *(c for c in OKABE_ITO if c != "#000000"),
    *("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255"),
    *("#AA4499", "#BBCC33", "#EE8866", "#77AADD", "#FFAABB"),
)
FRAMING_ORDER = (
    "confirmed",
    "asserted",
    "reported",
    "alleged",
    "not confirmed",
    "not denied",
    "denied",
)
# The white template's layout, resolved once: figures are built from plain dicts without
# validation, so a template name (or a colour-scale name) would not be expanded for plotly.js.
TEMPLATE = {"layout": pio.templates["plotly_white"].layout.to_plotly_json()}
CIVIDIS = get_colorscale("Cividis")  # sequential, colour-blind safe
PURPLE_ORANGE = get_colorscale("PuOr")  # diverging, colour-blind safe


@dataclass(frozen=True)
class Chart:
    """A figure with exactly the rows and columns it draws, and the CSV name for them."""

    figure: go.Figure
    data: pd.DataFrame
    file_name: str


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One palette colour per outlet, assigned over the sorted list so it never changes with filters."""
    names = sorted({str(o) for o in outlets})
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def figure(traces: list[dict], layout: dict) -> go.Figure:
    """A plotly figure from plain trace and layout dicts, built without plotly's per-property
    validation: building through the object API costs 100+ ms a chart, this costs about 1 ms."""
    return go.Figure(data=traces, layout={"template": TEMPLATE} | layout, _validate=False)


def stacked_panels(weights: list[float], gap: float) -> tuple[dict, list[tuple[str, str]]]:
    """Layout axes for panels stacked top to bottom sharing the x axis, and their (xref, yref).

    `weights` give the panels' relative heights; `gap` is the space between panels as a share of
    the plot height. Only the bottom panel shows x tick labels.
    """
    usable = 1 - gap * (len(weights) - 1)
    top, axes, refs = 1.0, {}, []
    for i, weight in enumerate(weights, start=1):
        bottom = max(top - usable * weight / sum(weights), 0.0)
        suffix = "" if i == 1 else str(i)
        axes[f"yaxis{suffix}"] = {"domain": [bottom, top], "anchor": f"x{suffix}"}
        axes[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "showticklabels": i == len(weights)}
        if i > 1:
            axes[f"xaxis{suffix}"]["matches"] = "x"
        refs.append((f"x{suffix}", f"y{suffix}"))
        top = bottom - gap
    return axes, refs


def empty_figure(message: str, height: int = 240) -> go.Figure:
    """A figure that says why there is nothing to draw (instead of a blank box)."""
    return figure(
        [],
        {
            "annotations": [
                {
                    "text": html.escape(message),
                    "showarrow": False,
                    "x": 0.5,
                    "y": 0.5,
                    "xref": "paper",
                    "yref": "paper",
                    "font": {"size": 15, "color": "#555555"},
                }
            ],
            "height": height,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "margin": {"l": 20, "r": 20, "t": 30, "b": 20},
        },
    )


def hover_text(text: object, width: int = 90, max_lines: int = 8) -> str:
    """Article text made safe and readable in a hover box: HTML-escaped and wrapped at spaces."""
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    cut = len(lines) > max_lines
    return "<br>".join(html.escape(part) for part in lines[:max_lines]) + ("<br>…" if cut else "")


def titled(
    traces: list[dict],
    layout: dict,
    title: str,
    height: int = 380,
    *,
    legend: str | None = "Outlet",
) -> go.Figure:
    """The shared look: title top left, the legend (if any) in a row under it, white template."""
    base = {
        "height": height,
        "showlegend": legend is not None,
        "title": {
            "text": html.escape(title),
            "font": {"size": 15},
            "x": 0.01,
            "xref": "container",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 12},
        },
        "margin": {"l": 10, "r": 10, "t": 105 if legend else 50, "b": 10},
        "legend": {
            "title": {"text": legend or ""},
            "orientation": "h",
            "traceorder": "normal",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "xanchor": "left",
        },
    }
    return figure(traces, base | layout)


def _axis(title: str, **settings: object) -> dict:
    return {"title": {"text": title}, "automargin": True} | settings


def _outlet_axis(outlets: pd.Series) -> dict:
    """A y axis listing the outlets alphabetically from the top, whichever trace mentions them first."""
    return _axis(
        "",
        type="category",
        categoryorder="array",
        categoryarray=sorted(set(outlets), reverse=True),
    )


def _empty_chart(columns: list[str], message: str, file_name: str) -> Chart:
    return Chart(empty_figure(message), pd.DataFrame(columns=columns), file_name)


NO_DATA = "Nothing to show for the current filters."
MAX_INTERVALS = 600  # marks on the claims timeline; more is unreadable and slow to send


def dated(published: pd.Series) -> pd.Series:
    """Which publication dates are known (a day, a month or a year), each distinct value parsed
    once: a corpus of 100,000 articles has a few hundred dates, not 100,000."""
    known = [value for value in published.dropna().unique() if published_span(value) is not None]
    return published.isin(known)


def _end_of(published: str) -> str:
    """The day after a partial date's span, so its bar covers the whole month or year."""
    return (published_span(published)[1] + timedelta(days=1)).isoformat()


def _grouped_bars(
    data: pd.DataFrame, x: str, y: str, colors: dict[str, str], hover: str
) -> list[dict]:
    """One bar trace per outlet (its palette colour), `hover` as the per-bar template."""
    return [
        {
            "type": "bar",
            "name": outlet,
            "x": rows[x].tolist(),
            "y": rows[y].tolist(),
            "marker": {"color": colors.get(outlet, UNKNOWN_GREY)},
            "customdata": rows.drop(columns=["outlet", x, y]).values.tolist(),
            "hovertemplate": f"{html.escape(str(outlet))}<br>{hover}<extra></extra>",
        }
        for outlet, rows in data.groupby("outlet", sort=True)
    ]


def _in_ids(ids: pd.Series, wanted: set[str]) -> pd.Series:
    return ids.astype(object).isin(wanted)
