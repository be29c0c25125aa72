"""The filtered tables (dashboard/filtered.py) against plain pandas filtering of the full tables, on
tables the real pipeline makes from hand-written articles of other stories; and every chart drawn
from the narrow, coded columns equals the chart drawn from the whole filtered table. Then the
filters on the small hand-made tables: date ranges and undated articles, tables filtered only when
read, the negated and voice filters on escalation hits, partial dates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis import runner
from analysis.ingest.corpus import read_folder
from analysis.ingest.metadata import published_span
from analysis.pipeline import Rules
from dashboard import charts
from dashboard.filtered import (
    KEEP_SETTINGS,
    TableIndex,
    apply_filters,
    contiguous,
    filtered_tables,
)
from dashboard.state import FilterState, as_bool, from_query_params, options_from_tables

# The test's own reporting about three other stories: floods, a port strike, a grain deal.
SENTENCES = [
    "Floodwaters displaced about 12,000 people in the river delta, the relief agency said.",
    "At least 35 people were killed when the dam gave way, local officials said on Monday.",
    '"We need 400 more boats," the regional governor told reporters, warning of worse to come.',
    "The union said 4,000 dockworkers stayed off the job, escalating the strike at the port.",
    "Port officials denied that 45 ships were stranded, putting the number at 30.",
    "The ministry threatened to deploy troops to move urgent cargo if talks failed.",
    "Grain exports rose to 2.1 million tonnes in March, up from 1.6 million in February.",
    "Negotiators said the deal could collapse, a warning traders took seriously.",
    "Witnesses said the convoy came under attack near the border crossing.",
    "Copyright 2025 Example Wire. All rights reserved.",
]
OUTLETS = ["Coastline Wire", "Delmar Daily", "Island Herald", "River Post"]
DATES = ["2025-03-04", "2025-03-09", "2025-03", "2025-04-02", "", "2025-03-20"]


@pytest.fixture(scope="module")
def pipeline_tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("filtered")
    rows = []
    for n in range(24):
        picked = [SENTENCES[(n * 3 + i) % len(SENTENCES)] for i in range(4 + n % 4)]
        rows.append(
            {
                "text": f"Report {n}.\n\n" + "\n\n".join(picked),
                "outlet": OUTLETS[n % len(OUTLETS)],
                "published": DATES[n % len(DATES)],
                "title": f"Report {n}",
            }
        )
    (folder / "reports.jsonl").write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    run = runner.run(read_folder(folder), Rules(), jobs=1)
    return run.tables


def reference(tables: dict[str, pd.DataFrame], state: FilterState) -> dict[str, pd.DataFrame]:
    """The filters written plainly over whole frames (what the dashboard did before the index)."""
    articles = tables["articles"]
    spans = articles["published"].map(published_span)
    low, high = state.date_from or date.min, state.date_to or date.max
    keep = articles["outlet"].isin(state.outlets)
    if state.narrows_dates:
        keep &= spans.map(lambda s: s is not None and s[0] <= high and low <= s[1]).astype(bool)
    if state.languages is not None:
        keep &= articles["language"].isin(state.languages)
    kept_ids = set(articles.loc[keep, "article_id"])

    def by_article(f: pd.DataFrame) -> pd.Series:
        return pd.Series(True, index=f.index) if keep.all() else f["article_id"].isin(kept_ids)

    def outlets_named(f: pd.DataFrame) -> pd.Series:
        return f["outlets"].map(lambda s: bool(set(s.split("; ")) & set(state.outlets)))

    rules = {
        "articles": lambda f: keep,
        "sentences": by_article,
        "figures": lambda f: by_article(f) & f["kind"].isin(state.figure_kinds),
        "claims_timeline": lambda f: by_article(f) & f["kind"].isin(state.figure_kinds),
        "who_reported_what": lambda f: f["kind"].isin(state.figure_kinds) & outlets_named(f),
        "escalation_hits": lambda f: (
            by_article(f)
            & f["category"].isin(state.categories)
            & f["voice"].isin(state.voices)
            & (state.include_negated | ~as_bool(f["negated"]))
            & ((state.register == "both") | (f["register"] == state.register))
        ),
        "keyness": lambda f: (
            f["outlet"].isin(state.outlets)
            & (
                (f["kind"] == "word")
                | f["category"].isin(state.categories)
                & ((state.register == "both") | (f["register"] == state.register))
            )
            & (state.languages is None or f["language"].isin(state.languages or []))
        ),
        "escalation_rates": lambda f: (
            f["category"].isin(state.categories)
            & (f["register"] == state.rate_register)
            & (
                (f["level"] == "article") & by_article(f)
                | (f["level"] != "article") & f["outlet"].isin(state.outlets)
            )
        ),
        "top_terms": lambda f: (
            f["outlet"].isin(state.outlets) & f["category"].isin(state.categories)
        ),
        "quotes": by_article,
        "framing": by_article,
        "stance": lambda f: f["outlet"].isin(state.outlets),
        "summaries": lambda f: f["outlet"].isin(state.outlets),
    }
    return {
        name: frame[rules[name](frame)].reset_index(drop=True) if name in rules else frame
        for name, frame in tables.items()
    }


def states(tables: dict[str, pd.DataFrame]) -> list[FilterState]:
    options = options_from_tables(tables)
    every = options.default_state()
    return [
        every,
        replace(every, outlets=options.outlets[1:]),
        replace(every, outlets=()),
        replace(every, date_from=date(2025, 3, 5), date_to=date(2025, 3, 31)),
        replace(every, date_from=date(2025, 4, 1)),
        replace(every, figure_kinds=options.figure_kinds[:1], categories=options.categories[1:]),
        replace(every, voices=("quoted",), include_negated=True),
        replace(every, languages=("en",), outlets=options.outlets[:2]),
        replace(every, languages=()),
        replace(every, register="descriptive"),
        replace(every, register="both", outlets=options.outlets[1:]),
    ]


def test_the_pipeline_made_every_table_with_rows(pipeline_tables):
    for name in ("articles", "sentences", "figures", "escalation_hits", "quotes", "framing"):
        assert len(pipeline_tables[name]) > 0, name


def test_every_filtered_table_equals_the_plain_pandas_filter(pipeline_tables):
    index = TableIndex(pipeline_tables)
    for state in states(pipeline_tables):
        expected = reference(pipeline_tables, state)
        filtered = apply_filters(pipeline_tables, state, index)
        for name, frame in expected.items():
            assert filtered.count(name) == len(frame), (state, name)
            pd.testing.assert_frame_equal(filtered[name], frame, obj=f"{name} {state}")


def test_rows_are_made_only_as_asked_and_equal_the_whole_table(pipeline_tables):
    state = replace(states(pipeline_tables)[1], include_negated=True)
    filtered = apply_filters(pipeline_tables, state)
    whole = filtered["sentences"]
    pd.testing.assert_frame_equal(
        filtered.page("sentences", 3, 9), whole.iloc[3:9].reset_index(drop=True)
    )
    picked = np.array([0, 4, 5])
    pd.testing.assert_frame_equal(
        filtered.at("sentences", picked, ["text", "sentence_id"]),
        whole[["text", "sentence_id"]].iloc[picked].reset_index(drop=True),
    )
    ids = list(whole["article_id"].unique()[:2]) + ["not-an-article"]
    pd.testing.assert_frame_equal(
        filtered.of_articles("sentences", ids),
        whole[whole["article_id"].isin(ids)].reset_index(drop=True),
    )
    narrow = filtered.select("figures", ["outlet", "kind", "value_low"])
    assert isinstance(narrow["outlet"].dtype, pd.CategoricalDtype)  # coded, same values
    assert narrow.astype(str).equals(
        filtered["figures"][["outlet", "kind", "value_low"]].astype(str)
    )


def test_charts_from_coded_columns_equal_charts_from_the_whole_tables(pipeline_tables):
    colors = charts.outlet_colors(options_from_tables(pipeline_tables).outlets)
    for state in states(pipeline_tables):
        f = apply_filters(pipeline_tables, state)
        articles = f.select("articles", ["article_id", "outlet", "published", "title", "words"])
        rates = charts.escalation_rates(
            f.select("escalation_rates", ["level", "outlet", "category", "hits", "hits_narrator"]),
            f.select("articles", ["outlet", "words"]),
            state.categories,
            state.voices,
        )
        pairs = [
            (
                charts.articles_per_outlet(articles, colors),
                charts.articles_per_outlet(f["articles"], colors),
            ),
            (
                charts.articles_over_time(articles, colors),
                charts.articles_over_time(f["articles"], colors),
            ),
            (
                charts.claims_timeline(
                    f.select("claims_timeline", [*charts.TIMELINE_KEYS, "article_id"]),
                    colors,
                    lambda rows, f=f: f.at("claims_timeline", rows, charts.TIMELINE_FIRSTS),
                ),
                charts.claims_timeline(f["claims_timeline"], colors),
            ),
            (
                charts.figures_by_kind(
                    f.select("figures", ["outlet", "kind", "is_repeat", "value_text"]), colors
                ),
                charts.figures_by_kind(f["figures"], colors),
            ),
            (
                charts.escalation_heatmap(rates, state.voices),
                charts.escalation_heatmap(
                    charts.escalation_rates(
                        f["escalation_rates"], f["articles"], state.categories, state.voices
                    ),
                    state.voices,
                ),
            ),
            (
                charts.top_terms(
                    f.select("escalation_hits", ["outlet", "term", "category", "matched"]), colors
                ),
                charts.top_terms(f["escalation_hits"], colors),
            ),
            (
                charts.voice_balance(f.select("quotes", ["outlet", "camp", "words"])),
                charts.voice_balance(f["quotes"]),
            ),
            (
                charts.framing_by_outlet(f.select("framing", ["outlet", "framing", "claim"])),
                charts.framing_by_outlet(f["framing"]),
            ),
        ]
        for coded, whole in pairs:
            assert coded.figure.to_json() == whole.figure.to_json(), (state, whole.file_name)
            assert coded.data.astype(str).equals(whole.data.astype(str)), (state, whole.file_name)


def test_a_setting_is_filtered_once_and_only_the_last_few_are_kept(pipeline_tables):
    store: dict = {}
    every = states(pipeline_tables)
    first = filtered_tables(pipeline_tables, every[0], store)
    assert filtered_tables(pipeline_tables, every[0], store) is first
    assert first.memo("n", lambda: len(first["articles"])) == first.memo("n", lambda: -1)
    for state in every[1 : KEEP_SETTINGS + 1]:
        filtered_tables(pipeline_tables, state, store)
    assert filtered_tables(pipeline_tables, every[0], store) is not first  # the oldest was let go
    assert store["index"] is first.index  # the codes are made once per analysis


def test_contiguous_joins_the_chunks_and_keeps_every_value():
    part = pd.DataFrame({"text": pd.array(["a", None, "c"], dtype="str"), "n": [1, 2, 3]})
    chunked = pd.concat([part, part], ignore_index=True)
    assert chunked["text"].array.__arrow_array__().num_chunks == 2
    joined = contiguous(chunked)
    pd.testing.assert_frame_equal(joined, chunked)
    assert joined["text"].array.__arrow_array__().num_chunks == 1
    assert contiguous(part.head(0)).empty


def test_date_range_leaves_out_undated_articles_and_their_rows(tables):
    options = options_from_tables(tables)
    state, _ = from_query_params({"from": ["2024-10-20"]}, options)
    filtered = apply_filters(tables, state)
    assert list(filtered["articles"]["article_id"]) == ["a1"]
    assert set(filtered["figures"]["article_id"]) == {"a1"}


def test_a_table_is_filtered_only_when_a_page_reads_it(tables, monkeypatch):
    options = options_from_tables(tables)
    state, _ = from_query_params({"from": ["2024-10-20"]}, options)
    calls = []
    original = pd.DataFrame.reset_index

    def counting(frame, *args, **kwargs):
        calls.append(list(frame.columns))
        return original(frame, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "reset_index", counting)
    filtered = apply_filters(tables, state)
    assert "sentences" in filtered and len(filtered) == len(tables)
    sentence_filtering = [c for c in calls if "sentence_id" in c and "index" in c]
    assert not sentence_filtering  # asked for nothing yet
    assert set(filtered["sentences"]["article_id"]) == {"a1"}
    assert [c for c in calls if "sentence_id" in c and "index" in c]


def test_negated_and_voice_filters_apply_to_hits(tables):
    options = options_from_tables(tables)
    with_negated, _ = from_query_params({"negated": ["1"]}, options)
    assert len(apply_filters(tables, with_negated)["escalation_hits"]) == 2
    quoted_only, _ = from_query_params({"negated": ["1"], "voice": ["quoted"]}, options)
    assert list(apply_filters(tables, quoted_only)["escalation_hits"]["voice"]) == ["quoted"]


def test_date_filters_keep_a_partial_date_that_overlaps():
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["X", "X"], "published": ["2024-11", "2024-10-02"]}
    )
    state = FilterState(("X",), (), (), date_from=date(2024, 11, 20), date_to=date(2024, 12, 1))
    assert list(apply_filters({"articles": articles}, state)["articles"]["article_id"]) == ["a"]
