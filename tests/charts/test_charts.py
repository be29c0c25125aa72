"""analysis/charts/ without Streamlit: outlet colours, the claims timeline, escalation rates and
heatmap, empty-state figures, keyword in context, hover text, month-dated articles and claims."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import charts, schema
from tests.dashboard_tables import RUTTE, ZELENSKY


def test_outlet_colours_are_fixed_by_the_sorted_outlet_list():
    colours = charts.outlet_colors(["Wire", "Tabloid", "Broadsheet"])
    assert colours == charts.outlet_colors(["Broadsheet", "Tabloid", "Wire", "Wire"])
    assert len(set(colours.values())) == 3 and set(colours.values()) <= set(charts.OKABE_ITO)


def test_range_is_drawn_from_low_to_high_not_at_its_midpoint(tables):
    chart = charts.claims_timeline(
        tables["claims_timeline"], charts.outlet_colors(["Tabloid", "Wire"])
    )
    wire = next(t for t in chart.figure.data if t.name == "Wire")
    assert [y for y in wire.y if y is not None] == [10000, 12000]
    assert 11000 not in wire.y
    assert wire.x[0] == wire.x[1]  # a vertical interval at the publication date
    assert (
        "as many as 10,000"
        in next(t for t in chart.figure.data if t.name == "Tabloid").hovertext[0]
    )
    assert len(chart.data) == 2  # the vague 'billions' is not on a numeric axis


def test_rates_follow_voice_and_use_the_words_of_the_filtered_articles(tables):
    articles = tables["articles"]
    both = charts.escalation_rates(
        tables["escalation_rates"], articles, ("military",), ("narrator", "quoted")
    )
    tabloid = both.set_index("outlet").loc["Tabloid"]
    assert (tabloid["hits"], tabloid["words"]) == (5, 300)
    assert tabloid["per_1000_words"] == pytest.approx(16.67, abs=0.01)
    narrator = charts.escalation_rates(
        tables["escalation_rates"], articles, ("military",), ("narrator",)
    )
    assert narrator.set_index("outlet").loc["Tabloid", "hits"] == 2
    quoted = charts.escalation_rates(
        tables["escalation_rates"], articles, ("military",), ("quoted",)
    )
    assert quoted.set_index("outlet").loc["Wire", "hits"] == 1
    chart = charts.escalation_heatmap(both, ("narrator", "quoted"))
    assert "per 1,000 words" in chart.figure.layout.title.text
    assert chart.file_name == "escalation_rates_per_1000_words.csv"


def test_empty_data_gives_an_empty_state_figure_and_an_empty_csv(tables):
    nothing = {name: frame.iloc[0:0] for name, frame in tables.items()}
    colours = charts.outlet_colors([])
    built = [
        charts.articles_per_outlet(nothing["articles"], colours),
        charts.articles_over_time(nothing["articles"], colours),
        charts.claims_timeline(nothing["claims_timeline"], colours),
        charts.figures_by_kind(nothing["figures"], colours),
        charts.escalation_heatmap(
            charts.escalation_rates(nothing["escalation_rates"], nothing["articles"], (), ()), ()
        ),
        charts.top_terms(nothing["escalation_hits"], colours),
        charts.voice_balance(schema.empty("quotes")),
        charts.tone_heatmap(schema.empty("stance"), nothing["sentences"]),
        charts.framing_by_outlet(schema.empty("framing")),
    ]
    for chart in built:
        assert chart.data.empty and len(chart.data.columns) > 0
        assert chart.figure.layout.annotations and chart.figure.layout.annotations[0].text
        assert chart.file_name.endswith(".csv")


def test_keyword_in_context_splits_the_sentence_around_the_term(tables):
    kwic = charts.keyword_in_context(tables["escalation_hits"], tables["sentences"])
    for row, sentence in zip(kwic.itertuples(), [RUTTE, ZELENSKY], strict=True):
        assert row.left + row.matched + row.right == sentence
        assert row.matched == "deployed"
    assert list(kwic["negated"]) == [False, True]


def test_hover_text_is_escaped():
    assert "<img" not in charts.hover_text('<img src=x onerror="alert(1)">')


def test_a_month_dated_article_is_a_bar_over_its_month_not_a_day():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["Radio One", "Daily Two"],
            "published": ["2024-11", "2024-11-05"],
            "title": ["Truce talks", "Talks resume"],
        }
    )
    chart = charts.articles_over_time(articles, charts.outlet_colors(articles["outlet"]))
    bars = [t for t in chart.figure.to_dict()["data"] if t["mode"] == "lines"]
    assert len(bars) == 1 and list(bars[0]["x"]) == ["2024-11-01", "2024-12-01"]
    assert "month" in bars[0]["hovertemplate"]
    assert set(chart.data["published"]) == {"2024-11", "2024-11-05"}


def test_outlet_places_give_country_and_group_where_known():
    articles = pd.DataFrame(
        {
            "outlet": ["Gulf Daily Herald", "Radio One"],
            "outlet_country": ["Bahrain", ""],
            "outlet_group": ["Gulf", ""],
        }
    )
    assert charts.outlet_places(articles) == {
        "Gulf Daily Herald": " (Bahrain · Gulf)",
        "Radio One": "",
    }


def test_a_month_dated_claim_is_a_box_over_its_month():
    claims = pd.DataFrame(
        [
            {
                "published": "2024-11",
                "outlet": "Radio One",
                "article_id": "a",
                "kind": "troops",
                "actor": "",
                "subject": "soldiers",
                "value_low": 10_000,
                "value_high": 12_000,
                "approximator": "",
                "modality": "asserted",
                "claimant": "",
                "sentence": "Between 10,000 and 12,000 soldiers.",
                "sentence_id": "a:0",
            }
        ]
    )
    chart = charts.claims_timeline(claims, charts.outlet_colors(["Radio One"]))
    trace = chart.figure.to_dict()["data"][0]
    assert list(trace["x"])[:5] == [
        "2024-11-01",
        "2024-12-01",
        "2024-12-01",
        "2024-11-01",
        "2024-11-01",
    ]
    assert list(trace["y"])[:5] == [10_000, 10_000, 12_000, 12_000, 10_000]
    assert "month only" in trace["hovertext"][0]


def test_timeline_marks_take_the_first_value_present_as_groupby_first_does():
    claims = pd.DataFrame(
        {
            "published": ["2025-03-04"] * 3 + ["2025-03-05"],
            "outlet": ["Wire", "Wire", "Wire", "Daily"],
            "article_id": ["a", "b", "c", "d"],
            "kind": ["people"] * 4,
            "value_low": [400.0, 400.0, 400.0, 35.0],
            "value_high": [400.0, 400.0, 400.0, 35.0],
            "approximator": [None, "about", "nearly", ""],
            "subject": ["boats", "boats", "boats", "killed"],
            "claimant": ["governor", "", "", "officials"],
            "modality": ["asserted"] * 4,
            "sentence": ["s1", "s2", "s3", "s4"],
            "sentence_id": ["a:0", "b:0", "c:0", "d:0"],
        }
    )
    points = charts.timeline_points(claims)
    mark = points[points["outlet"] == "Wire"].iloc[0]
    assert (mark["claims"], mark["articles"], mark["approximator"]) == (3, 3, "about")
    assert (mark["claimant"], mark["sentence"]) == ("governor", "s1")
    numeric = charts.numeric_claims(claims)
    plain = numeric.groupby(charts.TIMELINE_KEYS, as_index=False).agg(
        **{c: (c, "first") for c in charts.TIMELINE_FIRSTS}
    )
    assert (
        points[charts.TIMELINE_FIRSTS].astype(str).equals(plain[charts.TIMELINE_FIRSTS].astype(str))
    )
