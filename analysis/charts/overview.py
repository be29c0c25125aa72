"""Overview charts: articles per outlet and over time."""

from __future__ import annotations

import html

import pandas as pd

from analysis.charts.common import (
    NO_DATA,
    UNKNOWN_GREY,
    Chart,
    _axis,
    _empty_chart,
    _end_of,
    _outlet_axis,
    dated,
    hover_text,
    titled,
)
from analysis.ingest.metadata import published_span


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
    shown = articles[dated(articles["published"])] if not articles.empty else articles
    if shown.empty:
        return _empty_chart(columns, "No article with a known publication date.", name)
    data = (
        shown.assign(title=shown["title"].fillna("").astype(str).replace("", "(untitled)"))
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
