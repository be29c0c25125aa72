"""The filter state an explicit choice asks for (the report command): unknown values and bad dates
are errors that name them; long values are shortened in every message."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.filters.state import FilterError, FilterOptions, narrowed, quoted_list

OPTIONS = FilterOptions(
    outlets=("Coast Daily", "River Times"),
    first_date=date(2025, 3, 1),
    last_date=date(2025, 3, 9),
    figure_kinds=("displaced",),
    categories=("crisis",),
    languages=("en", "fr"),
)


def test_a_choice_narrows_outlets_languages_and_dates():
    state = narrowed(
        OPTIONS, outlets=["River Times"], languages=["fr"], date_from="2025-03-02", date_to=None
    )
    assert state.outlets == ("River Times",) and state.languages == ("fr",)
    assert (state.date_from, state.date_to) == (date(2025, 3, 2), None)
    assert narrowed(OPTIONS) == OPTIONS.default_state()


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (
            {"outlets": ["Harbour Gazette"]},
            "no outlet 'Harbour Gazette' in this corpus (it has: 'Coast Daily', 'River Times')",
        ),
        ({"languages": ["de"]}, "no language 'de'"),
        ({"date_from": "2025-02-30"}, "the start date '2025-02-30' is not a date"),
        ({"date_to": "March 3"}, "the end date 'March 3' is not a date"),
        (
            {"date_from": "2025-03-05", "date_to": "2025-03-02"},
            "ends (2025-03-02) before it starts",
        ),
    ],
)
def test_what_the_corpus_cannot_meet_is_an_error_naming_it(choice, message):
    with pytest.raises(FilterError) as error:
        narrowed(OPTIONS, **choice)
    assert message in str(error.value)


def test_quoted_values_are_cut_and_the_rest_counted():
    assert quoted_list(["a" * 3000, "b", "c", "d", "e"]) == f"'{'a' * 39}…', 'b', 'c' and 2 more"
    assert quoted_list(["x" * 50], width=None) == repr("x" * 50)
