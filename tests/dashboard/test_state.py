"""dashboard/state.py without Streamlit: filter options from the tables, the default state, the URL
round trip, hostile URLs dropped with notices, and the language filter."""

from __future__ import annotations

from datetime import date

from dashboard.filtered import apply_filters
from dashboard.state import (
    FilterOptions,
    from_query_params,
    options_from_tables,
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


def _with_registers(tables):
    """The fixture with a descriptive hit and each rate row in the three registers."""
    import pandas as pd

    hits = tables["escalation_hits"]
    described = hits.iloc[[0]].assign(term="strike", matched="strike", register="descriptive")
    rates = tables["escalation_rates"]
    evaluative = rates.assign(register="evaluative")
    descriptive = rates.assign(register="descriptive", hits=1, hits_narrator=1)
    every = rates.assign(register="all", hits=rates["hits"] + 1, hits_narrator=rates["hits"] + 1)
    return dict(
        tables,
        escalation_hits=pd.concat([hits, described], ignore_index=True),
        escalation_rates=pd.concat([every, evaluative, descriptive], ignore_index=True),
    )


def test_the_escalation_register_is_evaluative_by_default_and_switched_in_the_url(tables):
    tables = _with_registers(tables)
    options = options_from_tables(tables)
    default = options.default_state()
    assert default.register == "evaluative" and default.rate_register == "evaluative"
    filtered = apply_filters(tables, default)
    assert set(filtered["escalation_hits"]["register"]) == {"evaluative"}
    assert set(filtered["escalation_rates"]["register"]) == {"evaluative"}
    assert "register" not in to_query_params(default, options)  # the default is not written

    for value, rows, hits in (("descriptive", "descriptive", {"descriptive"}),
                              ("both", "all", {"evaluative", "descriptive"})):  # fmt: skip
        state, notices = from_query_params({"register": [value]}, options)
        assert notices == [] and state.register == value and state.rate_register == rows
        assert to_query_params(state, options) == {"register": [value]}
        assert from_query_params(to_query_params(state, options), options)[0] == state
        filtered = apply_filters(tables, state)
        assert set(filtered["escalation_rates"]["register"]) == {rows}
        assert set(filtered["escalation_hits"]["register"]) == hits


def test_a_bad_register_in_the_url_is_dropped_with_a_notice(tables):
    options = options_from_tables(tables)
    state, notices = from_query_params({"register": ["<script>"]}, options)
    assert state.register == "evaluative"
    assert len(notices) == 1 and "register" in notices[0]
