"""Chart builders: analysis tables in, a `Chart` (plotly figure + the exact rows behind it) out.

Pure functions without Streamlit, so they are tested directly. Every outlet keeps one colour on every
page (Okabe-Ito, colour-blind safe, assigned over the sorted outlet list of the whole corpus); titles
say what is counted and on which base; hover text carries the evidence sentence; a figure range is
drawn as an interval from its low to its high end. No data gives an explicit empty-state figure.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import get_colorscale

from analysis.metadata import published_span
from dashboard.state import VOICES, as_bool

# Okabe & Ito (2008), ordered so the first colours are the most distinct on white.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442")
UNKNOWN_GREY = "#999999"
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


def articles_per_outlet(articles: pd.DataFrame, colors: dict[str, str]) -> Chart:
    """Bar of loaded articles per outlet, words analysed on hover."""
    columns, name = ["outlet", "articles", "words"], "articles_per_outlet.csv"
    if articles.empty:
        return _empty_chart(columns, NO_DATA, name)
    data = (
        articles.assign(
            words=pd.to_numeric(articles["words"], errors="coerce").fillna(0).astype(int)
        )
        .groupby("outlet", as_index=False)
        .agg(articles=("article_id", "count"), words=("words", "sum"))
        .sort_values("outlet")
        .reset_index(drop=True)
    )
    bars = {
        "type": "bar",
        "orientation": "h",
        "y": data["outlet"].tolist(),
        "x": data["articles"].tolist(),
        "marker": {"color": [colors.get(o, UNKNOWN_GREY) for o in data["outlet"]]},
        "customdata": data["words"].tolist(),
        "hovertemplate": "%{y}<br>%{x} article(s), %{customdata:,} words analysed<extra></extra>",
    }
    layout = {
        "xaxis": _axis("articles loaded", rangemode="tozero")
        | ({"dtick": 1} if data["articles"].max() <= 10 else {}),
        "yaxis": _axis("", autorange="reversed"),
    }
    title = "Articles per outlet (count of loaded articles)"
    return Chart(titled([bars], layout, title, 120 + 32 * len(data), legend=None), data, name)


def outlet_places(articles: pd.DataFrame) -> dict[str, str]:
    """' (Bahrain · Gulf)' after an outlet's name: its country and group where the manifest or the
    story file gives them ('' when neither is known)."""
    places = {}
    for outlet, rows in articles.groupby("outlet", sort=False):
        known = [
            next((v for v in rows[column].fillna("").astype(str) if v and v != outlet), "")
            for column in ("outlet_country", "outlet_group")
            if column in rows.columns
        ]
        known = [k for k in known if k]
        places[outlet] = f" ({' · '.join(known)})" if known else ""
    return places


def articles_over_time(articles: pd.DataFrame, colors: dict[str, str]) -> Chart:
    """A dot per outlet and publication day (bigger for more articles), a bar over the month or
    year of an article dated only that precisely (never a made-up day); undated ones left out."""
    columns, name = ["published", "outlet", "articles", "titles"], "articles_per_day_by_outlet.csv"
    dated = (
        articles[articles["published"].map(published_span).notna()]
        if not articles.empty
        else articles
    )
    if dated.empty:
        return _empty_chart(columns, "No article with a known publication date.", name)
    data = (
        dated.assign(title=dated["title"].fillna("").astype(str).replace("", "(untitled)"))
        .groupby(["published", "outlet"], as_index=False)
        .agg(articles=("article_id", "count"), titles=("title", lambda t: "; ".join(t[:5])))
        .sort_values(["published", "outlet"])
        .reset_index(drop=True)
    )
    day = data["published"].astype(str).str.len() == 10
    traces = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": row.outlet,
            "x": [published_span(row.published)[0].isoformat(), _end_of(row.published)],
            "y": [row.outlet, row.outlet],
            "line": {"width": 10, "color": colors.get(row.outlet, UNKNOWN_GREY)},
            "opacity": 0.6,
            "hovertext": [hover_text(row.titles)] * 2,
            "hovertemplate": f"%{{y}}<br>{html.escape(str(row.published))} (date known to the "
            f"{'month' if len(str(row.published)) == 7 else 'year'} only): {row.articles} "
            "article(s)<br><i>%{hovertext}</i><extra></extra>",
            "showlegend": False,
        }
        for row in data[~day].itertuples()
    ]
    traces += [
        {
            "type": "scatter",
            "mode": "markers",
            "name": outlet,
            "x": rows["published"].tolist(),
            "y": rows["outlet"].tolist(),
            "marker": {
                "size": (10 + 6 * rows["articles"].clip(upper=8)).tolist(),
                "color": colors.get(outlet, UNKNOWN_GREY),
            },
            "customdata": rows["articles"].tolist(),
            "hovertext": [hover_text(t) for t in rows["titles"]],
            "hovertemplate": "%{y}<br>%{x|%d %b %Y}: %{customdata} article(s)"
            "<br><i>%{hovertext}</i><extra></extra>",
        }
        for outlet, rows in data[day].groupby("outlet", sort=True)
    ]
    layout = {
        "xaxis": _axis("publication date", type="date"),
        "yaxis": _outlet_axis(data["outlet"]),
    }
    title = (
        "Articles over time (one dot per outlet and day; size = articles, first titles on hover; "
        "a bar when only the month or year is known)"
        if (~day).any()
        else "Articles over time (one dot per outlet and day; size = articles, first titles on hover)"
    )
    height = 140 + 32 * data["outlet"].nunique()
    return Chart(titled(traces, layout, title, height, legend=None), data, name)


def _end_of(published: str) -> str:
    """The day after a partial date's span, so its bar covers the whole month or year."""
    return (published_span(published)[1] + timedelta(days=1)).isoformat()


def numeric_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with a numeric value and a known date, a day, a month or a year (vague
    quantities cannot be placed on a scale)."""
    if claims.empty:
        return claims
    low = pd.to_numeric(claims["value_low"], errors="coerce")
    high = pd.to_numeric(claims["value_high"], errors="coerce")
    dated = claims["published"].map(published_span).notna()
    return claims.assign(value_low=low, value_high=high.fillna(low))[low.notna() & dated]


def timeline_points(claims: pd.DataFrame, limit: int = MAX_INTERVALS) -> pd.DataFrame:
    """The marks of the claims timeline: identical claims (same day, outlet, kind and value) merged
    into one with a count; past `limit` marks, the most repeated ones (then the earliest)."""
    numeric = numeric_claims(claims)
    keys = ["published", "outlet", "kind", "value_low", "value_high"]
    firsts = ["approximator", "subject", "claimant", "modality", "sentence", "sentence_id"]
    points = (
        numeric.groupby(keys, as_index=False, sort=True)
        .agg(
            claims=("article_id", "size"),
            articles=("article_id", "nunique"),
            **{column: (column, "first") for column in firsts},
        )
        .sort_values(["claims", "published"], ascending=[False, True], kind="stable")
        .head(limit)
        .sort_values(keys)
        .reset_index(drop=True)
    )
    return points


def claims_timeline(claims: pd.DataFrame, colors: dict[str, str]) -> Chart:
    """Each figure claim at its publication date, one panel per kind, ranges drawn low→high.

    A panel whose values span more than two orders of magnitude uses a log scale.
    """
    name = "claims_timeline_numeric_figures.csv"
    data = timeline_points(claims) if not claims.empty else pd.DataFrame()
    if data.empty:
        columns = ["published", "outlet", "kind", "value_low", "value_high", "claims", "articles"]
        return _empty_chart(columns, "No numeric figure for the current filters.", name)
    kinds = sorted(data["kind"].astype(str).unique())
    layout, panels = stacked_panels([1.0] * len(kinds), 0.1 / len(kinds))
    rank = {outlet: i for i, outlet in enumerate(sorted(colors))}
    traces, shown = [], set()
    for (xref, yref), kind in zip(panels, kinds, strict=True):
        panel = data[data["kind"] == kind]
        for outlet, rows in panel.groupby("outlet", sort=True):
            xs, ys, texts = _intervals(rows)
            color = colors.get(outlet, UNKNOWN_GREY)
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "name": str(outlet),
                    "legendgroup": str(outlet),
                    "legendrank": rank.get(outlet, 0),
                    "showlegend": outlet not in shown,
                    "x": xs,
                    "y": ys,
                    "line": {"width": 4, "color": color},
                    "marker": {
                        "size": 12,
                        "color": color,
                        "symbol": "line-ew-open",
                        "line": {"width": 3},
                    },
                    "hovertext": texts,
                    "hoverinfo": "text",
                    "xaxis": xref,
                    "yaxis": yref,
                }
            )
            shown.add(outlet)
        values = pd.concat([panel["value_low"], panel["value_high"]])
        log = bool(values.min() > 0 and values.max() / values.min() > 100)
        label = f"<b>{html.escape(kind)}</b><br>value{' (log scale)' if log else ''}"
        layout["yaxis" + yref[1:]] |= _axis(
            label, type="log" if log else "linear", rangemode="normal" if log else "tozero"
        ) | ({"dtick": 1} if log else {})
    layout["xaxis" + panels[-1][0][1:]] |= _axis("publication date", type="date")
    for xref, _ in panels[:-1]:
        layout["xaxis" + xref[1:]]["type"] = "date"
    title = "Figures reported over time: a bar runs from the low to the high end of a range"
    return Chart(titled(traces, layout, title, 200 + 230 * len(kinds)), data, name)


def _intervals(rows: pd.DataFrame) -> tuple[list, list, list]:
    """x, y and hover text of vertical low→high segments (None-separated), one per mark; a claim
    dated only to the month or year is a box over that month or year, low to high.

    Marks of one outlet on one day are spread over ±1 day so they do not hide each other.
    """
    same_day = rows.groupby("published", sort=False)
    offsets, sizes = same_day.cumcount(), same_day["published"].transform("size")
    xs, ys, texts = [], [], []
    for claim, offset, size in zip(rows.itertuples(index=False), offsets, sizes, strict=True):
        if len(str(claim.published)) != 10:
            box_x, box_y, text = _month_box(claim)
            xs += box_x
            ys += box_y
            texts += [text] * len(box_x)
            continue
        when = pd.Timestamp(claim.published)
        repeated = f" ×{claim.claims} in {claim.articles} article(s)" if claim.claims > 1 else ""
        text = (
            f"<b>{html.escape(str(claim.outlet))}</b> · {when:%d %b %Y}{repeated}<br>"
            f"{_range_label(claim.value_low, claim.value_high, claim.approximator)} "
            f"{html.escape(str(claim.subject))}<br>"
            f"claimed by: {html.escape(str(claim.claimant) or 'the outlet')}"
            f" ({html.escape(str(claim.modality))})<br><i>{hover_text(claim.sentence)}</i>"
        )
        x = (when + pd.Timedelta(hours=_spread(size)[offset])).isoformat()
        xs += [x, x, None]
        ys += [float(claim.value_low), float(claim.value_high), None]
        texts += [text, text, ""]
    return xs, ys, texts


def _month_box(claim) -> tuple[list, list, str]:
    """The outline of a claim dated to a month or a year: its whole span, low to high."""
    start, end = published_span(claim.published)[0].isoformat(), _end_of(claim.published)
    low, high = float(claim.value_low), float(claim.value_high)
    precision = "month" if len(str(claim.published)) == 7 else "year"
    text = (
        f"<b>{html.escape(str(claim.outlet))}</b> · {html.escape(str(claim.published))} (date "
        f"known to the {precision} only)<br>"
        f"{_range_label(low, high, claim.approximator)} {html.escape(str(claim.subject))}<br>"
        f"claimed by: {html.escape(str(claim.claimant) or 'the outlet')}"
        f" ({html.escape(str(claim.modality))})<br><i>{hover_text(claim.sentence)}</i>"
    )
    return [start, end, end, start, start, None], [low, low, high, high, low, None], text


def _spread(count: int, width_hours: float = 24.0) -> list[float]:
    """Hour offsets that spread `count` claims of one article evenly over ±width_hours."""
    if count == 1:
        return [0.0]
    return [-width_hours + 2 * width_hours * i / (count - 1) for i in range(count)]


def _range_label(low: float, high: float, approximator: object) -> str:
    value = f"{low:,.0f}" if low == high else f"{low:,.0f}–{high:,.0f}"
    return html.escape(f"{approximator or ''} {value}".strip())


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


def figures_by_kind(figures: pd.DataFrame, colors: dict[str, str]) -> Chart:
    """Grouped bars: figures cited per outlet and kind, repeated sentences not counted again."""
    columns, name = ["outlet", "kind", "figures"], "figures_per_outlet_by_kind.csv"
    counted = figures[~as_bool(figures["is_repeat"])] if not figures.empty else figures
    if counted.empty:
        return _empty_chart(columns, NO_DATA, name)
    data = (
        counted.groupby(["outlet", "kind"], as_index=False)
        .agg(figures=("value_text", "count"))
        .sort_values(["outlet", "kind"])
        .reset_index(drop=True)
    )
    traces = _grouped_bars(data, "kind", "figures", colors, "%{x}: %{y} figure(s)")
    layout = {"barmode": "group", "xaxis": _axis("kind of figure"), "yaxis": _axis("figures cited")}
    title = "Figures cited per outlet, by kind (repeated sentences not counted)"
    return Chart(titled(traces, layout, title), data, name)


def _voice_hits(rates: pd.DataFrame, voices: tuple[str, ...]) -> pd.Series:
    """Hits counted for the chosen voices: narrator, quoted speech (all minus narrator), or both."""
    hits = pd.to_numeric(rates["hits"], errors="coerce").fillna(0)
    narrator = pd.to_numeric(rates["hits_narrator"], errors="coerce").fillna(0)
    if set(voices) >= set(VOICES):
        return hits
    if "narrator" in voices:
        return narrator
    if "quoted" in voices:
        return hits - narrator
    return hits * 0


def voice_label(voices: tuple[str, ...]) -> str:
    """How the chosen voices read in a chart title."""
    if set(voices) >= set(VOICES):
        return "narrator and quoted speech"
    return " and ".join(voices) + " only" if voices else "no voice selected"


def escalation_rates(
    rates: pd.DataFrame,
    articles: pd.DataFrame,
    categories: tuple[str, ...],
    voices: tuple[str, ...],
) -> pd.DataFrame:
    """Outlet × category escalation rates for the filtered articles: hits, words and hits per 1,000 words.

    Summed from the article-level rows of the escalation_rates table, so a date or outlet filter
    changes the numbers; every selected category appears for every outlet (zero when no hit).
    """
    columns = ["outlet", "category", "hits", "words", "per_1000_words"]
    if articles.empty or not categories or not voices:
        return pd.DataFrame(columns=columns)
    words = (
        articles.assign(words=pd.to_numeric(articles["words"], errors="coerce").fillna(0))
        .groupby("outlet")["words"]
        .sum()
    )
    grid = pd.MultiIndex.from_product(
        [sorted(words.index), categories], names=["outlet", "category"]
    )
    article_rows = rates[rates["level"] == "article"] if not rates.empty else rates
    hits = (
        article_rows.assign(counted=_voice_hits(article_rows, voices))
        .groupby(["outlet", "category"])["counted"]
        .sum()
        if not article_rows.empty
        else pd.Series(dtype=float)
    )
    data = pd.DataFrame(index=grid).reset_index()
    data["hits"] = [
        int(hits.get((o, c), 0)) for o, c in zip(data["outlet"], data["category"], strict=True)
    ]
    data["words"] = data["outlet"].map(words).astype(int)
    data["per_1000_words"] = (1000 * data["hits"] / data["words"].where(data["words"] > 0)).round(2)
    return data[columns]


def escalation_heatmap(data: pd.DataFrame, voices: tuple[str, ...]) -> Chart:
    """Heatmap of hits per 1,000 words, outlet × category."""
    name = "escalation_rates_per_1000_words.csv"
    if data.empty:
        return Chart(empty_figure(NO_DATA), data, name)
    grid = data.pivot(index="outlet", columns="category", values="per_1000_words")
    hits = data.pivot(index="outlet", columns="category", values="hits").loc[
        grid.index, grid.columns
    ]
    words = data.groupby("outlet")["words"].first().loc[grid.index]
    heatmap = {
        "type": "heatmap",
        "z": grid.astype(float).where(grid.notna(), None).values.tolist(),
        "x": list(grid.columns),
        "y": list(grid.index),
        "colorscale": CIVIDIS,
        "text": grid.map(lambda v: "" if pd.isna(v) else f"{v:.1f}").values.tolist(),
        "texttemplate": "%{text}",
        "customdata": [
            [[int(h), int(w)] for h in row]
            for row, w in zip(hits.values, words.values, strict=True)
        ],
        "hovertemplate": "%{y} · %{x}<br>%{z:.2f} hits per 1,000 words"
        "<br>(%{customdata[0]} hits in %{customdata[1]:,} words)<extra></extra>",
        "colorbar": {"title": {"text": "hits per<br>1,000 words"}},
    }
    layout = {"xaxis": _axis("escalation category"), "yaxis": _axis("", autorange="reversed")}
    title = f"Escalation language, hits per 1,000 words ({voice_label(voices)})"
    height = 230 + 45 * len(grid.index)
    return Chart(titled([heatmap], layout, title, height, legend=None), data, name)


def escalation_bars(data: pd.DataFrame, voices: tuple[str, ...], colors: dict[str, str]) -> Chart:
    """Grouped bars of hits per 1,000 words by category, one colour per outlet."""
    name = "escalation_rates_per_1000_words.csv"
    if data.empty:
        return Chart(empty_figure(NO_DATA), data, name)
    traces = _grouped_bars(
        data[["outlet", "category", "per_1000_words", "hits", "words"]],
        "category",
        "per_1000_words",
        colors,
        "%{x}: %{y:.2f} per 1,000 words<br>(%{customdata[0]} hits in %{customdata[1]:,} words)",
    )
    layout = {
        "barmode": "group",
        "xaxis": _axis("escalation category"),
        "yaxis": _axis(f"hits per 1,000 words ({voice_label(voices)})"),
    }
    return Chart(titled(traces, layout, "Escalation rate by category and outlet"), data, name)


def top_terms(hits: pd.DataFrame, colors: dict[str, str], per_outlet: int = 8) -> Chart:
    """The most frequent escalation terms of each outlet among the filtered hits, a panel per outlet."""
    columns = ["outlet", "term", "category", "hits", "rank"]
    name = "top_escalation_terms_per_outlet.csv"
    if hits.empty:
        return _empty_chart(columns, NO_DATA, name)
    counts = (
        hits.groupby(["outlet", "term", "category"], as_index=False)
        .agg(hits=("matched", "count"))
        .sort_values(["outlet", "hits", "term"], ascending=[True, False, True])
    )
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    data = counts[counts["rank"] <= per_outlet].reset_index(drop=True)[columns]
    outlets = sorted(data["outlet"].unique())
    bars = [int((data["outlet"] == o).sum()) for o in outlets]
    gap = 70  # pixels between panels, room for the panel title
    height = 90 + sum(28 * n for n in bars) + gap * len(outlets)
    layout, panels = stacked_panels(bars, gap / height)
    traces, annotations = [], []
    for (xref, yref), outlet in zip(panels, outlets, strict=True):
        rows = data[data["outlet"] == outlet]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": outlet,
                "y": rows["term"].tolist(),
                "x": rows["hits"].tolist(),
                "marker": {"color": colors.get(outlet, UNKNOWN_GREY)},
                "customdata": rows["category"].tolist(),
                "hovertemplate": "%{y} (%{customdata}): %{x} hit(s)<extra></extra>",
                "xaxis": xref,
                "yaxis": yref,
            }
        )
        axis = layout["yaxis" + yref[1:]]
        axis |= {"autorange": "reversed", "automargin": True, "type": "category"}
        layout["xaxis" + xref[1:]]["showticklabels"] = True  # each panel is read on its own
        annotations.append(
            {
                "text": f"<b>{html.escape(outlet)}</b>",
                "x": 0,
                "xref": "paper",
                "y": axis["domain"][1],
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
            }
        )
    layout["xaxis" + panels[-1][0][1:]] |= _axis("hits")
    layout["annotations"] = annotations
    title = "Most frequent escalation terms per outlet (hits)"
    return Chart(titled(traces, layout, title, height, legend=None), data, name)


def keyword_in_context(hits: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per escalation hit: left context, matched term, right context, outlet, voice, negated."""
    columns = ["outlet", "left", "matched", "right", "category", "term", "voice", "speaker"]
    columns += ["negated", "sentence_id"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    wanted = _in_ids(sentences["sentence_id"], set(hits["sentence_id"].tolist()))
    starts = dict(
        zip(
            sentences.loc[wanted, "sentence_id"].tolist(),
            sentences.loc[wanted, "char_start"].tolist(),
            strict=True,
        )
    )
    lefts, rights = [], []
    for sentence, matched, char_start, sentence_id in zip(
        hits["sentence"].astype(str).tolist(),
        hits["matched"].astype(str).tolist(),
        hits["char_start"].tolist(),
        hits["sentence_id"].tolist(),
        strict=True,
    ):
        offset = int(char_start) - int(starts.get(sentence_id, -1))
        if offset < 0 or sentence[offset : offset + len(matched)] != matched:
            offset = max(sentence.find(matched), 0)
        lefts.append(sentence[:offset])
        rights.append(sentence[offset + len(matched) :])
    kwic = hits.assign(left=lefts, right=rights, negated=as_bool(hits["negated"]))
    return kwic[columns].reset_index(drop=True)


def camp_colors(camps: Iterable[str]) -> dict[str, str]:
    """Colours for speaker camps (unattributed speech in grey), from the far end of the palette."""
    named = sorted({c for c in camps if c and c != "unattributed"})
    reverse = OKABE_ITO[::-1][1:]  # skip the pale yellow
    colors = {c: reverse[i % len(reverse)] for i, c in enumerate(named)}
    return colors | {"unattributed": UNKNOWN_GREY}


def voice_balance(quotes: pd.DataFrame) -> Chart:
    """100 % bars: share of each outlet's quoted words spoken by each camp."""
    columns = ["outlet", "camp", "quoted_words", "share"]
    name = "voice_balance_quoted_words_by_camp.csv"
    if quotes.empty:
        return _empty_chart(columns, "No quotation for the current filters.", name)
    data = (
        quotes.assign(
            camp=quotes["camp"].fillna("").astype(str).replace("", "unattributed"),
            quoted_words=pd.to_numeric(quotes["words"], errors="coerce").fillna(0).astype(int),
        )
        .groupby(["outlet", "camp"], as_index=False)["quoted_words"]
        .sum()
    )
    totals = data.groupby("outlet")["quoted_words"].transform("sum")
    data["share"] = (data["quoted_words"] / totals.where(totals > 0)).round(3)
    data = data.sort_values(["outlet", "camp"]).reset_index(drop=True)[columns]
    colors = camp_colors(data["camp"])
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": camp,
            "legendrank": list(colors).index(camp),
            "y": rows["outlet"].tolist(),
            "x": rows["share"].tolist(),
            "marker": {"color": colors[camp]},
            "customdata": rows["quoted_words"].tolist(),
            "hovertemplate": f"%{{y}}<br>{html.escape(camp)}: %{{x:.0%}} of quoted words"
            " (%{customdata} words)<extra></extra>",
        }
        for camp, rows in data.groupby("camp", sort=True)
    ]
    layout = {
        "barmode": "stack",
        "xaxis": _axis("share of the outlet's quoted words", tickformat=".0%", range=[0, 1]),
        "yaxis": _outlet_axis(data["outlet"]),
    }
    title = "Voice balance: who gets quoted (share of quoted words by the speaker's camp)"
    height = 200 + 32 * data["outlet"].nunique()
    return Chart(titled(traces, layout, title, height, legend="Speaker's camp"), data, name)


def _in_ids(ids: pd.Series, wanted: set[str]) -> pd.Series:
    return ids.astype(object).isin(wanted)


def _first_evidence(ids: object, sentence_text: dict[str, str]) -> str:
    for sentence_id in str(ids).split("; "):
        if sentence_id in sentence_text:
            return sentence_text[sentence_id]
    return ""


def tone_heatmap(stance: pd.DataFrame, sentences: pd.DataFrame) -> Chart:
    """Heatmap of the mean tone of sentences about each actor, per outlet; evidence on hover."""
    columns = ["outlet", "actor", "mentions", "tone_score", "tone_label", "evidence_ids"]
    name = "tone_toward_actors_by_outlet.csv"
    mentioned = pd.to_numeric(stance["mentions"], errors="coerce").fillna(0) > 0
    rows = stance[mentioned] if not stance.empty else stance
    if rows.empty:
        return _empty_chart(columns, "No actor mentioned for the current filters.", name)
    data = rows[columns].sort_values(["outlet", "actor"]).reset_index(drop=True)
    data["tone_score"] = pd.to_numeric(data["tone_score"], errors="coerce").round(3)
    first_ids = {str(ids).split("; ")[0] for ids in data["evidence_ids"]}
    evidence = sentences[_in_ids(sentences["sentence_id"], first_ids)]
    texts = dict(zip(evidence["sentence_id"].tolist(), evidence["text"].tolist(), strict=True))
    cells = {(r.outlet, r.actor): r for r in data.itertuples(index=False)}
    outlets, actors = sorted(data["outlet"].unique()), sorted(data["actor"].unique())
    z, hover, labels = [], [], []
    for outlet in outlets:
        z.append([]), hover.append([]), labels.append([])
        for actor in actors:
            cell = cells.get((outlet, actor))
            if cell is None:
                z[-1].append(None), hover[-1].append("not mentioned"), labels[-1].append("")
                continue
            z[-1].append(float(cell.tone_score))
            labels[-1].append(f"{cell.tone_score:+.2f}")
            hover[-1].append(
                f"<b>{html.escape(outlet)} → {html.escape(actor)}</b>: "
                f"{html.escape(str(cell.tone_label))} ({cell.tone_score:+.2f}, "
                f"{int(cell.mentions)} sentences)<br>"
                f"<i>{hover_text(_first_evidence(cell.evidence_ids, texts))}</i>"
            )
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": actors,
        "y": outlets,
        "zmin": -1,
        "zmax": 1,
        "zmid": 0,
        "colorscale": PURPLE_ORANGE,
        "text": labels,
        "texttemplate": "%{text}",
        "hovertext": hover,
        "hoverinfo": "text",
        "colorbar": {"title": {"text": "tone<br>−1 … +1"}},
    }
    layout = {"xaxis": _axis("actor"), "yaxis": _axis("", autorange="reversed")}
    title = "Tone toward each actor: mean sentiment of the sentences mentioning it (−1 critical, +1 favourable)"
    return Chart(titled([heatmap], layout, title, 200 + 50 * len(outlets), legend=None), data, name)


def framing_by_outlet(framing: pd.DataFrame) -> Chart:
    """Stacked bars: how many claims each outlet frames as confirmed, reported, alleged, denied …"""
    columns, name = ["outlet", "framing", "claims"], "claim_framing_by_outlet.csv"
    if framing.empty:
        return _empty_chart(columns, "No framed claim for the current filters.", name)
    data = (
        framing.groupby(["outlet", "framing"], as_index=False)
        .agg(claims=("claim", "count"))
        .sort_values(["outlet", "framing"])
        .reset_index(drop=True)
    )
    present = [f for f in FRAMING_ORDER if f in set(data["framing"])]
    present += sorted(set(data["framing"]) - set(present))
    traces = []
    for i, label in enumerate(present):
        rows = data[data["framing"] == label]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label,
                "y": rows["outlet"].tolist(),
                "x": rows["claims"].tolist(),
                "marker": {"color": OKABE_ITO[i % len(OKABE_ITO)]},
                "hovertemplate": f"%{{y}}<br>{html.escape(label)}: %{{x}} claim(s)<extra></extra>",
            }
        )
    layout = {
        "barmode": "stack",
        "xaxis": _axis("claims framed (core claim and figures)"),
        "yaxis": _outlet_axis(data["outlet"]),
    }
    title = "How each outlet frames the claims (number of framed claims)"
    height = 200 + 32 * data["outlet"].nunique()
    return Chart(titled(traces, layout, title, height, legend="Framing"), data, name)
