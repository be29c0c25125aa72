"""Stance: who gets quoted, the tone toward each actor, how claims are framed, every quote; and the
camps editor (which actors' voices count together), kept in the URL."""

from __future__ import annotations

import streamlit as st

from analysis.charts import views
from analysis.world.story import camps_text
from dashboard import data, state
from dashboard.ui import available, current_view, show_chart, show_filtered

NEW_CAMPS = 2  # empty rows offered for new camps


def _camp_rows(count: int) -> list[tuple[str, list[str]]]:
    return [
        (st.session_state.get(f"camp_name_{i}", ""), st.session_state.get(f"camp_members_{i}", []))
        for i in range(count)
    ]


def _forget_rows() -> None:
    """Drop the editor's widget values so the next run draws the rows from the camps in use."""
    for key in [k for k in st.session_state if str(k).startswith(("camp_name_", "camp_members_"))]:
        del st.session_state[key]


def apply_camps(count: int, base: dict[str, str]) -> None:
    """Callback of the camps form: the analyst's grouping replaces the story's for this session."""
    st.session_state[data.CAMPS_KEY] = state.camps_from_rows(_camp_rows(count), base)
    _forget_rows()


def reset_camps() -> None:
    """Callback: back to the story file's camps."""
    st.session_state[data.CAMPS_KEY] = {}
    _forget_rows()


def camps_editor(actors: list[str]) -> None:
    """A multiselect per camp; applying re-runs only the corpus reduce (articles come from cache)."""
    base = data.current_actors().camps
    chosen = {**base, **st.session_state.get(data.CAMPS_KEY, {})}
    groups = state.camp_groups(actors, chosen)
    with st.expander("Camps: which actors' voices are counted together"):
        st.caption(
            "Without a story file every country or body is its own camp. Group actors here: the "
            "voice balance, quoted shares and summaries follow, and the link keeps the grouping. "
            "Download the camps to paste them into the corpus's story.toml."
        )
        rows = list(groups.items()) + [("", [])] * NEW_CAMPS
        with st.form("camps_form"):
            for i, (name, members) in enumerate(rows):
                left, right = st.columns([1, 3])
                left.text_input("Camp", value=name, key=f"camp_name_{i}")
                right.multiselect(
                    "Actors",
                    actors,
                    default=[m for m in members if m in actors],
                    key=f"camp_members_{i}",
                )
            st.form_submit_button(
                "Apply camps", on_click=apply_camps, args=(len(rows), base), key="apply_camps"
            )
        st.button("Back to the story's camps", on_click=reset_camps, key="reset_camps")
        st.download_button(
            "Download these camps (story.toml)",
            data=camps_text(groups),
            file_name="story.toml",
            mime="application/toml",
            key="download_camps",
            on_click="ignore",
            icon=":material/download:",
        )


def actors() -> list[str]:
    """Every actor the stance table or a quote's affiliation names: the camps editor's choices."""
    named = set(view.tables["stance"]["actor"].dropna().unique())
    return sorted(named | (set(view.tables["quotes"]["affiliation"].dropna().unique()) - {""}))


view = current_view()
st.title("Stance: voices, tone and framing")
if available(view, "quotes", "stance", "framing"):
    filtered = view.filtered
    show_chart(
        filtered.memo(
            "voice_balance",
            lambda: views.voices(filtered),
        ),
        "voice_balance",
    )
    if "event_links" in filtered:
        for family in views.EVENT_FAMILIES:
            show_chart(
                filtered.memo(("who_acts", family), lambda f=family: views.who_acts(filtered, f)),
                f"who_acts_{family}",
            )
        show_chart(filtered.memo("agentless", lambda: views.agentless(filtered)), "agentless")
        st.caption(
            "Events are read from each sentence's verbs and nouns (PLOVER event types): the doer "
            "is the actor the sentence makes its subject, or names as agent ('strikes by X', "
            '"X\'s strikes"); an attack with no doer named is agentless. Hover a cell for an '
            "example sentence; every event is in the events table (CSV) with its sentence."
        )
    show_chart(filtered.memo("tone", lambda: views.tone(filtered)), "tone")
    st.caption(
        "Tone toward an actor is measured in English articles by a model trained on NewsMTSC "
        "(news sentences labelled for their tone toward a named target; F1 about 0.69 on its dev "
        "sets, where word lists reach 0.54): it shows which sentences to read, not who is right. "
        "Articles in other languages have no tone measured: their actors' rows say so, and the "
        "events above carry their stance. Hover a cell for its evidence sentences."
    )
    if view.state.narrows_dates:
        st.caption(
            "Tone is computed per outlet over all its articles: the date filter does not apply."
        )
    show_chart(
        filtered.memo(
            "framing",
            lambda: views.framing(filtered),
        ),
        "framing",
    )

    st.subheader("Quotes")
    show_filtered(
        view,
        "quotes",
        "quotes.csv",
        "quotes",
        column_config={"text": st.column_config.TextColumn(width="large")},
    )

    st.subheader("Camps")
    camps_editor(filtered.index.memo("actors", actors))
