"""The Check page's settings and files: which sample is drawn (kept in the link: table, size,
seed, per outlet), where the marks and corrections of this corpus are kept, and whether they may be
written (never while the dashboard is shared read-only: dashboard/serving.py).

The computation (sampling, Wilson intervals, reading and validating the files) is analysis/review/;
this module only ties it to the session and the URL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import review
from analysis.ingest.corpus import CHECKS_NAME, CORRECTIONS_NAME
from dashboard import data, serving, state
from dashboard.highlight import Span, escape_text, highlight_html

# URL parameters of the sample (short, stable: they appear in shared links)
PARAMS = TABLE, SIZE, SEED, STRATA = state.CHECK_PARAMS
KEYS = {name: f"check_{name}" for name in PARAMS}
DEFAULT_SIZE, MAX_SIZE = 20, 200
_SEEDED = "_check_seeded"


@dataclass(frozen=True)
class Sample:
    """What the analyst asked to draw."""

    table: str
    size: int
    seed: int
    by_outlet: bool


def _number(values: list[str], default: int, low: int, high: int) -> int:
    try:
        return min(max(int(values[-1]), low), high) if values else default
    except ValueError:
        return default


def seed_from_url() -> None:
    """On a session's first run, the sample the link asks for, if it asks for one (a bad number:
    the default; the table is checked against the corpus's on the page, `settle`)."""
    if st.session_state.get(_SEEDED):
        return
    st.session_state[_SEEDED] = True
    if not any(name in st.query_params for name in PARAMS):
        return
    st.session_state[KEYS[TABLE]] = (st.query_params.get_all(TABLE) or [""])[-1]
    st.session_state[KEYS[SIZE]] = _number(st.query_params.get_all(SIZE), DEFAULT_SIZE, 1, MAX_SIZE)
    st.session_state[KEYS[SEED]] = _number(st.query_params.get_all(SEED), 1, 0, 2**31 - 1)
    st.session_state[KEYS[STRATA]] = st.query_params.get_all(STRATA)[-1:] == ["outlet"]


def settle(tables: tuple[str, ...]) -> None:
    """The Check page's settings made whole: defaults for what the link did not give, and the
    first table when the link names none of `tables`."""
    st.session_state.setdefault(KEYS[SIZE], DEFAULT_SIZE)
    st.session_state.setdefault(KEYS[SEED], 1)
    st.session_state.setdefault(KEYS[STRATA], False)
    if st.session_state.get(KEYS[TABLE]) not in tables:
        st.session_state[KEYS[TABLE]] = tables[0]


def chosen() -> Sample | None:
    """The sample set on the Check page (None before the page was opened)."""
    if any(KEYS[name] not in st.session_state for name in PARAMS):
        return None
    return Sample(
        str(st.session_state[KEYS[TABLE]]),
        int(st.session_state[KEYS[SIZE]]),
        int(st.session_state[KEYS[SEED]]),
        bool(st.session_state[KEYS[STRATA]]),
    )


def url_params() -> dict[str, list[str]]:
    """The URL parameters of the sample in use (none unless the link gave one or the Check page
    was opened)."""
    seed_from_url()
    sample = chosen()
    if sample is None:
        return {}
    params = {TABLE: [sample.table], SIZE: [str(sample.size)], SEED: [str(sample.seed)]}
    return params | ({STRATA: ["outlet"]} if sample.by_outlet else {})


def folder() -> Path:
    """The folder of this corpus's checks.csv and corrections.csv."""
    _, content, _ = data.current_corpus()
    return data.review_dir(content)


def checks_file() -> Path:
    return folder() / CHECKS_NAME


def corrections_file() -> Path:
    return folder() / CORRECTIONS_NAME


def why_read_only() -> str:
    """'' when marks and corrections may be saved, else why not."""
    if not serving.edits_allowed():
        return (
            "This dashboard is shared on the network, so it is read-only: marks and corrections "
            "are shown but not saved. Check on your own machine (`./run app`)."
        )
    place = folder()
    writable = place if place.exists() else place.parent
    while not writable.exists() and writable != writable.parent:
        writable = writable.parent
    if not os.access(writable, os.W_OK):
        return f"The folder {place} cannot be written, so marks and corrections cannot be saved."
    return ""


def save_marks(rows: list[tuple[str, str, str, str]]) -> None:
    """Add marks to checks.csv (never while read-only)."""
    if rows and not why_read_only():
        review.append_checks(checks_file(), rows)


def save_correction(row: tuple[str, str, str, str]) -> None:
    """Add a line to corrections.csv (never while read-only); the next run applies it."""
    if not why_read_only():
        review.append_lines(corrections_file(), [row])


def sentence_html(row: pd.Series, where: pd.Series, texts: dict[str, str]) -> str:
    """The row's sentence, escaped, with the row's own words marked."""
    raw = texts.get(str(row["article_id"]), "")
    begin, stop = int(where["sentence_start"]), int(where["sentence_end"])
    if not raw or begin < 0 or stop > len(raw):
        return f'<div class="article-text">{escape_text(str(row["sentence"]))}</div>'
    span = Span(int(where["start"]) - begin, int(where["end"]) - begin, "figure", "the row checked")
    return highlight_html(raw[begin:stop], [span], ["figure"])
