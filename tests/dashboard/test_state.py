"""dashboard/state.py without Streamlit: filter options from the tables, the default state, the URL
round trip, hostile URLs dropped with notices, and the language filter."""

from __future__ import annotations

from datetime import date

from analysis.filters.state import FilterOptions, options_from_tables
from analysis.filters.tables import apply_filters
from dashboard.state import (
    from_query_params,
    to_query_params,
)


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
