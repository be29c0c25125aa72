"""Loading and analysing the corpus for the dashboard, once per content version.

The corpus is the shipped folder (or the folder in $COVERAGE_CORPUS, set by whoever starts the app;
never taken from the URL) unless the analyst uploaded files on the Corpus page (not while the dashboard
is shared read-only, dashboard/serving.py). Uploaded files stay in memory. Analysis goes through
analysis/runner.py: every core, and the per-article cache on disk (analysis/cache.py), so re-opening
a corpus after a restart reads its rows instead of analysing it again; the first open of a large
corpus shows a progress bar with counts. The result is kept in memory per (corpus content, lexicon
texts), so a rerun only filters and draws.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow
import streamlit as st

from analysis import review, runner
from analysis.cache import default_dir, record_key
from analysis.escalation.lexicon import SHIPPED_LEXICON
from analysis.filters.tables import contiguous
from analysis.ingest.corpus import (
    CHECKS_NAME,
    CORRECTIONS_NAME,
    Reading,
    read_folder,
    read_uploads,
)
from analysis.pipeline import Rules
from analysis.world.actors import Actors
from analysis.world.story import load_story, parse_story, story_in
from dashboard import serving, state

SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
CORPUS_ENV = "COVERAGE_CORPUS"
UPLOADS_KEY = "uploaded_files"
LEXICON_KEY = "escalation_lexicon_text"
ACTORS_KEY = "story_file_text"
CAMPS_KEY = "camps_regrouped"  # actor -> camp chosen on the Stance page (kept in the URL)
BY_KEY = "aggregate_by"  # "outlet" or "outlet group" (kept in the URL as by=group)
BY_CHOICES = ("outlet", "outlet group")
_REDUCE_SEEDED = "_reduce_settings_seeded"
STORY_TEMPLATE = """# No story file: every country or body is its own camp and the claim is the one most
# outlets report. Group actors and name a claim here, e.g.
# [camps."West"]
# actors = ["United States", "United Kingdom", "NATO"]
# label = "Western"
"""


@dataclass(frozen=True)
class Analysis:
    """The tables of one corpus + lexicon version, and each article's raw text (for highlighting).

    Shared by every rerun and session without a copy (a copy of 100,000 articles' tables costs
    seconds per rerun): pages filter into new frames and never change these in place. `derived`
    keeps what is computed from them once (analysis/filters/tables.py: the index, the filtered views)."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    derived: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass
class _Store:
    """The analysis kept in memory (the most recent: one of 100,000 articles takes gigabytes), and
    a lock so one corpus is analysed once even when several sessions open it together."""

    results: OrderedDict[tuple[str, str, str], Analysis] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    keep: int = 1


@st.cache_resource
def _store() -> _Store:
    return _Store()


def _edit(key: str):
    """What the analyst set on the Corpus page (uploads, lexicon or story text), or None. Ignored
    while the dashboard is shared read-only (dashboard/serving.py), whatever the session holds."""
    return st.session_state.get(key) if serving.edits_allowed() else None


def corpus_folder() -> Path:
    """The folder analysed when nothing is uploaded: $COVERAGE_CORPUS or the shipped corpus."""
    return Path(os.environ.get(CORPUS_ENV) or SHIPPED_CORPUS)


def _folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file: a change reloads the folder (the checks
    and corrections beside the articles are no articles: a mark saved reloads nothing)."""
    if not folder.is_dir():
        return ()
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() not in (CHECKS_NAME, CORRECTIONS_NAME)
    )


@st.cache_resource(max_entries=2, show_spinner="Reading the corpus…")
def _read_folder(folder: str, stamp_key: str) -> tuple[Reading, str]:
    """The folder read, and its content key (hashed once, not on every rerun)."""
    reading = read_folder(folder)
    return reading, content_key(reading)


@st.cache_resource(max_entries=2, show_spinner="Reading your files…")
def _read_uploaded(upload_key: str, _files: tuple[tuple[str, bytes], ...]) -> tuple[Reading, str]:
    """The uploads read in memory; one size limit per file, the uploader's (.streamlit/config.toml)."""
    reading = read_uploads(
        list(_files), max_bytes=st.get_option("server.maxUploadSize") * 1024 * 1024
    )
    return reading, content_key(reading)


def content_key(reading: Reading) -> str:
    """Hash of every record's cache key and the load report so far: equal for equal content."""
    digest = hashlib.sha256()
    for record in reading.records:
        digest.update(record_key(record).encode())
    digest.update(repr(reading.entries).encode())
    return digest.hexdigest()


def default_lexicon_text() -> str:
    """The shipped escalation lexicon, as the editor shows it."""
    return SHIPPED_LEXICON.read_text(encoding="utf-8")


def default_actors_text() -> str:
    """The corpus folder's story.toml as the editor shows it (a commented template if none)."""
    path = None if _edit(UPLOADS_KEY) else story_in(corpus_folder())
    return path.read_text(encoding="utf-8") if path else STORY_TEMPLATE


def current_corpus() -> tuple[Reading, str, str]:
    """The corpus to show (uploads if any, else the folder), its content key and a one-line
    description of it."""
    uploads = _edit(UPLOADS_KEY)
    if uploads:
        key = hashlib.sha256(
            b"".join(hashlib.sha256(data).digest() for _, data in uploads)
        ).hexdigest()
        reading, content = _read_uploaded(key, tuple(uploads))
        return reading, content, f"your {len(uploads)} uploaded file(s)"
    folder = corpus_folder()
    stamp = _folder_stamp(folder)
    reading, content = _read_folder(str(folder), hashlib.sha256(repr(stamp).encode()).hexdigest())
    name = "the shipped corpus" if folder == SHIPPED_CORPUS else f"the folder {folder.name}"
    return reading, content, name


@st.cache_resource(max_entries=4)
def _story_actors(story_text: str) -> Actors:
    return (parse_story(story_text) if story_text else load_story(None)).actors


def current_actors() -> Actors:
    """The actors and camps of the story file in use (the world gazetteer when there is none)."""
    story_text = _edit(ACTORS_KEY)
    if story_text is None:
        story_text = default_actors_text()
    return _story_actors("" if story_text == STORY_TEMPLATE else story_text)


def _seed_reduce_settings() -> None:
    """On a session's first run, the camps and the aggregation the link asks for."""
    if st.session_state.get(_REDUCE_SEEDED):
        return
    st.session_state[_REDUCE_SEEDED] = True
    st.session_state[CAMPS_KEY] = state.camps_from_params(st.query_params.get_all(state.CAMP))
    by = st.query_params.get_all(state.BY)
    st.session_state[BY_KEY] = BY_CHOICES[1] if by[-1:] == ["group"] else BY_CHOICES[0]


def reduce_params() -> dict[str, list[str]]:
    """The URL parameters of the camps and the aggregation now in use."""
    params = {}
    camps = st.session_state.get(CAMPS_KEY) or {}
    if camps:
        params[state.CAMP] = state.camps_to_params(camps)
    if st.session_state.get(BY_KEY) == BY_CHOICES[1]:
        params[state.BY] = ["group"]
    return params


def review_dir(content: str) -> Path:
    """Where this corpus's checks.csv and corrections.csv live: the corpus folder when it can be
    written, else the cache folder under a key of the corpus (uploads: their content)."""
    uploaded = _edit(UPLOADS_KEY)
    return review.review_folder(None if uploaded else corpus_folder(), default_dir(), content)


def current_analysis() -> tuple[Analysis, str]:
    """The analysis of the current corpus with the lexicons saved in the editors: from memory, else
    from the per-article cache and the process pool, with a progress bar while articles are
    analysed. A bad lexicon text never reaches here (the editors refuse it)."""
    reading, content, description = current_corpus()
    lexicon_text = _edit(LEXICON_KEY) or ""
    story_text = _edit(ACTORS_KEY)
    if story_text is None:  # the corpus folder's own story file, if it has one
        story_text = default_actors_text()
    story_text = "" if story_text == STORY_TEMPLATE else story_text
    _seed_reduce_settings()
    camps = tuple(sorted(st.session_state.get(CAMPS_KEY, {}).items()))
    by_group = st.session_state.get(BY_KEY) == BY_CHOICES[1]
    corrections = review.read_corrections(review_dir(content) / CORRECTIONS_NAME)
    key = (content, lexicon_text, story_text, camps, by_group, repr(corrections))
    store = _store()
    with store.lock:
        found = store.results.get(key)
        if found is None:  # new camps only: every article from the cache, then the reduce
            story_name = "story.toml" if _edit(ACTORS_KEY) is None else "<story file>"
            rules = Rules(lexicon_text, story_text, ("<escalation lexicon>", story_name))
            while len(store.results) >= store.keep:  # freed before the next one is made
                store.results.popitem(last=False)
            found = _analyse(reading, rules, dict(camps), by_group, corrections)
            store.results[key] = found
        store.results.move_to_end(key)
    return found, description


def _analyse(
    reading: Reading,
    rules: Rules,
    camps: dict[str, str],
    by_group: bool,
    corrections: review.Corrections,
) -> Analysis:
    bar = st.progress(0.0, text="Analysing the corpus…")

    def show(done: int, total: int) -> None:
        bar.progress(
            done / total if total else 1.0, text=f"Analysing articles: {done:,} of {total:,}"
        )

    result = runner.run(
        reading,
        rules,
        cache_dir=default_dir(),
        progress=show,
        camps=camps or None,
        by_group=by_group,
        corrections=corrections,
    )
    bar.empty()
    for name in list(result.tables):  # one table at a time, the chunked one freed before the next
        result.tables[name] = contiguous(result.tables[name])
    gc.collect()
    pyarrow.default_memory_pool().release_unused()  # the run's freed buffers, back to the system
    return Analysis(result.tables, result.texts)
