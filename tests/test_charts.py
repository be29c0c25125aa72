"""The dashboard's pure parts without Streamlit: filter state and URL, charts, highlighting, compare."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis import schema
from dashboard import charts, compare
from dashboard.filtered import apply_filters
from dashboard.highlight import Span, article_spans, highlight_html
from dashboard.state import (
    FilterOptions,
    from_query_params,
    options_from_tables,
    to_query_params,
)

RUTTE = (
    "Nato Secretary-General Mark Rutte confirmed on Monday that North Korean troops had been sent "
    "to Russia and that North Korean military units had been deployed to the Kursk region."
)
RANGE = (
    "South Korea's spy agency said 10,000 to 12,000 North Korean troops had been sent to Russia."
)
ZELENSKY = (
    "Intelligence from Ukrainian President Volodymyr Zelensky suggests that as many as 10,000 "
    "North Korean soldiers could be deployed to bolster Russian forces."
)


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A schema table from partial rows (missing columns empty)."""
    frame = pd.DataFrame(rows)
    text_columns = [c for c in frame.columns if frame[c].dtype == object]
    frame[text_columns] = frame[text_columns].fillna("")
    return frame.reindex(columns=schema.columns(name), fill_value="")


@pytest.fixture()
def tables() -> dict[str, pd.DataFrame]:
    """Two outlets, three articles (one undated), figures, escalation hits and rates, quotes."""
    articles = _table(
        "articles",
        [
            {"article_id": "a1", "outlet": "Wire", "published": "2024-10-28", "words": 300},
            {"article_id": "a2", "outlet": "Tabloid", "published": "2024-10-19", "words": 200},
            {"article_id": "a3", "outlet": "Tabloid", "published": "", "words": 100},
        ],
    )
    figures = _table(
        "figures",
        [
            {
                "article_id": "a1",
                "outlet": "Wire",
                "published": "2024-10-28",
                "kind": "troops",
                "value_low": 10000,
                "value_high": 12000,
                "value_text": "10,000 to 12,000",
                "subject": "North Korean troops",
                "sentence": RANGE,
                "is_repeat": False,
                "char_start": RANGE.index("10,000"),
                "char_end": RANGE.index(" North"),
            },
            {
                "article_id": "a2",
                "outlet": "Tabloid",
                "published": "2024-10-19",
                "kind": "troops",
                "value_low": 10000,
                "value_high": 10000,
                "value_text": "10,000",
                "approximator": "as many as",
                "subject": "North Korean soldiers",
                "sentence": ZELENSKY,
                "is_repeat": False,
                "char_start": ZELENSKY.index("10,000"),
                "char_end": ZELENSKY.index("10,000") + 6,
            },
            {
                "article_id": "a2",
                "outlet": "Tabloid",
                "published": "2024-10-19",
                "kind": "money",
                "value_low": float("nan"),
                "value_high": float("nan"),
                "vague": "billions",
                "value_text": "billions",
                "sentence": "It cost billions.",
                "is_repeat": False,
                "char_start": 0,
                "char_end": 0,
            },
        ],
    )
    hits = _table(
        "escalation_hits",
        [
            {
                "article_id": "a1",
                "outlet": "Wire",
                "category": "military",
                "term": "deploy*",
                "matched": "deployed",
                "negated": False,
                "voice": "narrator",
                "sentence": RUTTE,
                "sentence_id": "a1:0",
                "char_start": RUTTE.index("deployed"),
                "char_end": RUTTE.index("deployed") + 8,
            },
            {
                "article_id": "a2",
                "outlet": "Tabloid",
                "category": "military",
                "term": "deploy*",
                "matched": "deployed",
                "negated": True,
                "voice": "quoted",
                "speaker": "Volodymyr Zelensky",
                "sentence": ZELENSKY,
                "sentence_id": "a2:0",
                "char_start": ZELENSKY.index("deployed"),
                "char_end": ZELENSKY.index("deployed") + 8,
            },
        ],
    )
    rates = _table(
        "escalation_rates",
        [
            {
                "level": "article",
                "outlet": "Wire",
                "article_id": "a1",
                "category": "military",
                "hits": 3,
                "hits_narrator": 2,
                "words": 300,
            },
            {
                "level": "article",
                "outlet": "Tabloid",
                "article_id": "a2",
                "category": "military",
                "hits": 4,
                "hits_narrator": 1,
                "words": 200,
            },
            {
                "level": "article",
                "outlet": "Tabloid",
                "article_id": "a3",
                "category": "military",
                "hits": 1,
                "hits_narrator": 1,
                "words": 100,
            },
            {
                "level": "outlet",
                "outlet": "Wire",
                "category": "military",
                "hits": 3,
                "hits_narrator": 2,
                "words": 300,
            },
        ],
    )
    sentences = _table(
        "sentences",
        [
            {
                "article_id": "a1",
                "sentence_id": "a1:0",
                "index": 0,
                "char_start": 0,
                "char_end": len(RUTTE),
                "is_boilerplate": False,
                "is_repeat": False,
                "text": RUTTE,
            },
            {
                "article_id": "a2",
                "sentence_id": "a2:0",
                "index": 0,
                "char_start": 0,
                "char_end": len(ZELENSKY),
                "is_boilerplate": False,
                "is_repeat": False,
                "text": ZELENSKY,
            },
        ],
    )
    return {
        "articles": articles,
        "figures": figures,
        "claims_timeline": figures[schema.columns("claims_timeline")],
        "escalation_hits": hits,
        "escalation_rates": rates,
        "sentences": sentences,
        "load_report": _table(
            "load_report", [{"file": "x.bin", "status": "skipped", "reason": "binary"}]
        ),
    }


def test_options_and_default_state_select_everything(tables):
    options = options_from_tables(tables)
    assert options.outlets == ("Tabloid", "Wire")
    assert (options.first_date, options.last_date) == (date(2024, 10, 19), date(2024, 10, 28))
    assert options.figure_kinds == ("money", "troops")
    filtered = apply_filters(tables, options.default_state())
    assert len(filtered["articles"]) == 3  # the undated article too
    assert len(filtered["escalation_hits"]) == 1  # the negated hit is out by default


def test_url_round_trip_keeps_only_what_differs(tables):
    options = options_from_tables(tables)
    state, notices = from_query_params(
        {"outlet": ["Wire"], "from": ["2024-10-20"], "voice": ["narrator"], "negated": ["1"]},
        options,
    )
    assert notices == []
    assert state.outlets == ("Wire",) and state.date_from == date(2024, 10, 20)
    params = to_query_params(state, options)
    assert params == {
        "outlet": ["Wire"],
        "voice": ["narrator"],
        "from": ["2024-10-20"],
        "negated": ["1"],
    }
    assert from_query_params(params, options)[0] == state
    assert to_query_params(options.default_state(), options) == {}


def test_hostile_url_is_dropped_with_notices_never_a_crash(tables):
    options = options_from_tables(tables)
    state, notices = from_query_params(
        {
            "outlet": ["../../etc/passwd", "Wire"],
            "from": ["2024-13-45"],
            "to": ["<script>"],
            "negated": ["maybe"],
            "corpus": ["/etc"],
        },
        options,
    )
    assert state.outlets == ("Wire",)
    assert state.date_from is None and state.date_to is None and state.include_negated is False
    assert len(notices) == 5
    assert any("'../../etc/passwd'" in n for n in notices) and any("'corpus'" in n for n in notices)


def test_an_empty_selection_survives_the_url(tables):
    options = options_from_tables(tables)
    state, _ = from_query_params({"outlet": [""]}, options)
    assert state.outlets == ()
    filtered = apply_filters(tables, state)
    assert filtered["articles"].empty and filtered["figures"].empty
    assert len(filtered["load_report"]) == 1  # files, not articles: never filtered


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


def test_article_text_is_escaped_before_anything_is_marked():
    raw = (
        'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> 10,000 troops.'
    )
    start = raw.index("10,000")
    html = highlight_html(
        raw,
        [Span(start, start + 6, "figure", 'troops "10,000" <b>'), Span(0, len(raw), "quote", "q")],
        ["figure", "quote"],
    )
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="troops &quot;10,000&quot; &lt;b&gt;"' in html
    assert html.count('<mark class="hl-figure"') == 1 and ">10,000</mark>" in html


def test_disabled_layers_are_not_marked():
    html = highlight_html("Up to 12,000 soldiers.", [Span(6, 12, "figure", "f")], ["quote"])
    assert "<mark" not in html and "12,000" in html


def test_article_spans_come_from_the_tables(tables):
    spans = article_spans("a1", tables)
    layers = sorted(s.layer for s in spans)
    assert layers == ["escalation", "figure"]


def test_compare_lines_up_near_copied_sentences_and_shows_missing_figures(tables):
    reworded = RUTTE.replace("on Monday", "Monday")
    sentences = pd.concat(
        [
            tables["sentences"],
            _table(
                "sentences",
                [
                    {
                        "article_id": "a2",
                        "sentence_id": "a2:1",
                        "index": 1,
                        "text": reworded,
                        "is_boilerplate": False,
                        "is_repeat": False,
                    }
                ],
            ),
        ]
    )
    labels = {"a1": "Wire", "a2": "Tabloid"}
    shared = compare.shared_passages(sentences, schema.empty("quotes"), labels)
    assert (
        len(shared) == 1 and shared.loc[0, "Wire"] == RUTTE and shared.loc[0, "Tabloid"] == reworded
    )
    assert shared.loc[0, "similarity"] >= compare.SIMILARITY
    matrix = compare.figure_matrix(tables["figures"], labels)
    troops = matrix[matrix["value"] == "10,000–12,000"].iloc[0]
    assert troops["Wire"] == "10,000 to 12,000" and troops["Tabloid"] == compare.MISSING


def test_options_without_dates_disable_date_bounds():
    options = FilterOptions(("A",), None, None, (), ())
    state, notices = from_query_params({"from": ["2024-10-01"]}, options)
    assert state.date_from is None and notices


def test_the_language_filter_keeps_its_articles_and_lives_in_the_url(tables):
    tables["articles"]["language"] = ["en", "ko", ""]
    options = options_from_tables(tables)
    assert options.languages == ("en", "ko")
    assert apply_filters(tables, options.default_state())["articles"]["article_id"].tolist() == [
        "a1",
        "a2",
        "a3",
    ]  # every language, the unknown one too, until the filter is narrowed
    state, notices = from_query_params({"lang": ["ko", "xx"]}, options)
    assert state.languages == ("ko",) and notices == [
        "Ignored the language 'xx' from the link: it is not in this corpus."
    ]
    filtered = apply_filters(tables, state)
    assert filtered["articles"]["article_id"].tolist() == ["a2"]
    assert set(filtered["figures"]["article_id"]) <= {"a2"}
    assert to_query_params(state, options) == {"lang": ["ko"]}
    everything, _ = from_query_params({"lang": ["en", "ko"]}, options)
    assert everything.languages is None and to_query_params(everything, options) == {}


def test_highlighted_text_carries_its_language_and_reads_right_to_left_where_it_should():
    html = highlight_html("«لا نريد <b>الحرب</b>»", [], [], language="ar")
    assert 'lang="ar"' in html and 'dir="auto"' in html and "unicode-bidi:plaintext" in html
    assert "&lt;b&gt;" in html and "<b>" not in html


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


def test_date_filters_keep_a_partial_date_that_overlaps():
    from datetime import date

    from dashboard.state import FilterState

    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["X", "X"], "published": ["2024-11", "2024-10-02"]}
    )
    state = FilterState(("X",), (), (), date_from=date(2024, 11, 20), date_to=date(2024, 12, 1))
    assert list(apply_filters({"articles": articles}, state)["articles"]["article_id"]) == ["a"]


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
