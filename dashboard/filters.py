"""The sidebar filter widgets, kept in session state under explicit keys and mirrored in the URL.

On the first run of a session the URL's query parameters seed the widgets (validated by
`state.from_query_params`, with a notice for anything dropped); on every run the chosen state is
written back to the URL, so a reloaded or shared link opens the same view.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import data
from dashboard import state as filter_state
from dashboard.state import DEFAULT_REGISTER, REGISTERS, VOICES, FilterOptions, FilterState

KEYS = {
    "outlets": "f_outlets",
    "dates": "f_dates",
    "figure_kinds": "f_kinds",
    "categories": "f_categories",
    "voices": "f_voices",
    "include_negated": "f_negated",
    "languages": "f_languages",
    "register": "f_register",
}
_SEEDED = "_filters_seeded_for"
_NOTICES = "_filter_notices"


def _seed(state: FilterState, options: FilterOptions) -> None:
    """Put `state` into the widgets' session-state keys."""
    st.session_state[KEYS["outlets"]] = list(state.outlets)
    st.session_state[KEYS["figure_kinds"]] = list(state.figure_kinds)
    st.session_state[KEYS["categories"]] = list(state.categories)
    st.session_state[KEYS["voices"]] = list(state.voices)
    st.session_state[KEYS["include_negated"]] = state.include_negated
    st.session_state[KEYS["register"]] = state.register
    chosen_languages = options.languages if state.languages is None else state.languages
    st.session_state[KEYS["languages"]] = list(chosen_languages)
    if options.first_date is not None:
        st.session_state[KEYS["dates"]] = (
            state.date_from or options.first_date,
            state.date_to or options.last_date,
        )


def reset_filters() -> None:
    """Callback of the reset button: back to the unfiltered view on the next run."""
    st.session_state.pop(_SEEDED, None)
    st.query_params.clear()


def _seed_once(options: FilterOptions) -> None:
    """Seed the widgets from the URL when the session starts or the corpus changes."""
    if st.session_state.get(_SEEDED) == options:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    first_run = _SEEDED not in st.session_state
    wanted, notices = filter_state.from_query_params(params if first_run else {}, options)
    _seed(wanted, options)
    st.session_state[_SEEDED] = options
    st.session_state[_NOTICES] = notices


def _chosen_dates(options: FilterOptions) -> tuple:
    value = st.session_state.get(KEYS["dates"], ())
    value = tuple(value) if isinstance(value, (tuple, list)) else (value,)
    if len(value) != 2 or options.first_date is None:
        return None, None  # the user is still picking the second date
    return value[0], value[1]


def sidebar_filters(options: FilterOptions) -> FilterState:
    """Draw the filters in the sidebar and return the state they describe (also written to the URL)."""
    _seed_once(options)
    sidebar = st.sidebar
    sidebar.header("Filters")
    for notice in st.session_state.get(_NOTICES, []):
        sidebar.warning(notice, icon=":material/link_off:")
    sidebar.multiselect("Outlets", options.outlets, key=KEYS["outlets"], placeholder="No outlet")
    sidebar.multiselect(
        "Languages",
        options.languages,
        key=KEYS["languages"],
        placeholder="No language",
        help="The article's language (ISO 639-1), as given or detected; each is analysed with its "
        "own language pack. Narrowing leaves out articles whose language is unknown.",
    )
    if options.first_date is not None and options.first_date < options.last_date:
        sidebar.date_input(
            "Published between",
            min_value=options.first_date,
            max_value=options.last_date,
            key=KEYS["dates"],
            format="YYYY-MM-DD",
            help="Narrowing the range leaves out articles without a known date.",
        )
    sidebar.multiselect(
        "Figure kinds", options.figure_kinds, key=KEYS["figure_kinds"], placeholder="No kind"
    )
    sidebar.multiselect(
        "Escalation categories", options.categories, key=KEYS["categories"], placeholder="None"
    )
    sidebar.multiselect(
        "Voice",
        VOICES,
        key=KEYS["voices"],
        placeholder="No voice",
        help="narrator: the outlet's own words; quoted: words inside quoted or reported speech.",
    )
    sidebar.toggle("Include negated escalation hits", key=KEYS["include_negated"])
    sidebar.radio(
        "Escalation terms",
        REGISTERS,
        key=KEYS["register"],
        horizontal=True,
        help="evaluative: words that characterise the events (brutal, aggression, provocation); "
        "descriptive: words that name them (strike, missile, troops); both: every term.",
    )
    sidebar.radio(
        "Aggregate by",
        data.BY_CHOICES,
        key=data.BY_KEY,
        horizontal=True,
        help="outlet group: every chart and table sums the outlets of a group (from the manifest's "
        "outlet_group column or the story file's [outlets]); an outlet in no group stays itself.",
    )
    sidebar.button("Reset filters", on_click=reset_filters, icon=":material/restart_alt:")
    date_from, date_to = _chosen_dates(options)
    chosen = FilterState(
        outlets=tuple(o for o in options.outlets if o in st.session_state[KEYS["outlets"]]),
        figure_kinds=tuple(
            k for k in options.figure_kinds if k in st.session_state[KEYS["figure_kinds"]]
        ),
        categories=tuple(
            c for c in options.categories if c in st.session_state[KEYS["categories"]]
        ),
        voices=tuple(v for v in VOICES if v in st.session_state[KEYS["voices"]]),
        include_negated=bool(st.session_state[KEYS["include_negated"]]),
        register=st.session_state.get(KEYS["register"], DEFAULT_REGISTER),
        languages=tuple(
            code for code in options.languages if code in st.session_state[KEYS["languages"]]
        ),
    )
    chosen = filter_state.normalise(replace(chosen, date_from=date_from, date_to=date_to), options)
    _write_url(chosen, options)
    sidebar.caption("The link in the address bar keeps these filters: copy it to share this view.")
    return chosen


def _write_url(chosen: FilterState, options: FilterOptions) -> None:
    """Mirror the state in the query parameters, touching them only when they differ."""
    wanted = filter_state.to_query_params(chosen, options) | data.reduce_params()
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
