"""Figures charts: the claims timeline and figures per outlet by kind."""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.charts.common import (
    MAX_INTERVALS,
    NO_DATA,
    UNKNOWN_GREY,
    Chart,
    _axis,
    _empty_chart,
    _end_of,
    _grouped_bars,
    dated,
    hover_text,
    stacked_panels,
    titled,
)
from analysis.filters.state import as_bool
from analysis.ingest.metadata import published_span


def numeric_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with a numeric value and a known date, a day, a month or a year (vague
    quantities cannot be placed on a scale)."""
    if claims.empty:
        return claims
    low = pd.to_numeric(claims["value_low"], errors="coerce")
    high = pd.to_numeric(claims["value_high"], errors="coerce")
    known = dated(claims["published"])
    return claims.assign(value_low=low, value_high=high.fillna(low))[low.notna() & known]


TIMELINE_KEYS = ["published", "outlet", "kind", "value_low", "value_high"]
TIMELINE_FIRSTS = ["approximator", "subject", "claimant", "modality", "sentence", "sentence_id"]
Describe = Callable[[np.ndarray], pd.DataFrame]  # claim positions -> their TIMELINE_FIRSTS


def timeline_points(
    claims: pd.DataFrame, limit: int = MAX_INTERVALS, describe: Describe | None = None
) -> pd.DataFrame:
    """The marks of the claims timeline: identical claims (same day, outlet, kind and value) merged
    into one with a count; past `limit` marks, the most repeated ones (then the earliest).

    Claims are counted on their keys alone; the descriptive columns (the first of each mark's
    claims) are read only for the marks kept, from `claims` or from `describe` (then `claims`
    needs only the keys and article_id), so a million claims cost no more than their keys."""
    keys, firsts = TIMELINE_KEYS, TIMELINE_FIRSTS
    describe = describe or (lambda rows: claims[firsts].iloc[rows])
    numeric = numeric_claims(claims[[*keys, "article_id"]].reset_index(drop=True))
    groups = numeric.groupby(keys, sort=True)
    counts = groups.agg(claims=("article_id", "size"), articles=("article_id", "nunique"))
    chosen = counts.reset_index().sort_values(
        ["claims", "published"], ascending=[False, True], kind="stable"
    )
    chosen = chosen.head(limit).index  # group numbers: the groups are numbered in key order
    number = groups.ngroup()
    kept = number[number.isin(chosen)]
    first = kept[~kept.duplicated()]  # each mark's first claim: enough unless a value is missing
    described = describe(first.index.to_numpy()).set_axis(first.to_numpy()).sort_index()
    missing = described.index[described.isna().any(axis=1).to_numpy()]
    if len(missing):  # the first value present, as groupby's first() takes it
        rest = kept[kept.isin(missing)]
        described.loc[missing] = describe(rest.index.to_numpy()).groupby(rest.to_numpy()).first()
    points = counts.reset_index().loc[described.index]
    points[firsts] = described.to_numpy()
    return points.sort_values(keys).reset_index(drop=True)


def claims_timeline(
    claims: pd.DataFrame, colors: dict[str, str], describe: Describe | None = None
) -> Chart:
    """Each figure claim at its publication date, one panel per kind, ranges drawn low→high
    (`describe`: as for `timeline_points`).

    A panel whose values span more than two orders of magnitude uses a log scale.
    """
    name = "claims_timeline_numeric_figures.csv"
    data = timeline_points(claims, describe=describe) if not claims.empty else pd.DataFrame()
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
