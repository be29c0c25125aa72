"""Loading and analysing the corpus for the dashboard, cached so it runs once per content version.

The corpus is the shipped folder (or the folder in $COVERAGE_CORPUS, set by whoever starts the app;
never taken from the URL) unless the analyst uploaded files on the Corpus page. Uploaded files stay in
memory. The analysis is cached on the corpus content hash and the lexicon texts, so a rerun only
filters and draws.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.corpus import Corpus, load_corpus, load_uploads
from analysis.lexicon import SHIPPED_LEXICON, parse_lexicon
from analysis.pipeline import map_corpus, reduce_tables
from analysis.story import parse_story, story_in

SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
CORPUS_ENV = "COVERAGE_CORPUS"
UPLOADS_KEY = "uploaded_files"
LEXICON_KEY = "escalation_lexicon_text"
ACTORS_KEY = "story_file_text"
CAMPS_KEY = "camps_regrouped"  # actor -> camp set on the Stance page (kept in the URL)
STORY_TEMPLATE = """# No story file: every country or body is its own camp and the claim is the one most
# outlets report. Group actors and name a claim here, e.g.
# [camps."West"]
# actors = ["United States", "United Kingdom", "NATO"]
# label = "Western"
"""


@dataclass(frozen=True)
class Analysis:
    """The tables of one corpus + lexicon version, and each article's raw text (for highlighting)."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]


def corpus_folder() -> Path:
    """The folder analysed when nothing is uploaded: $COVERAGE_CORPUS or the shipped corpus."""
    return Path(os.environ.get(CORPUS_ENV) or SHIPPED_CORPUS)


def _folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file: a change reloads the folder."""
    if not folder.is_dir():
        return ()
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )


@st.cache_resource(max_entries=2, show_spinner="Reading the corpus…")
def _load_folder(folder: str, stamp_key: str) -> Corpus:
    return load_corpus(folder)


@st.cache_resource(max_entries=2, show_spinner="Reading your files…")
def _load_uploaded(content_key: str, _files: tuple[tuple[str, bytes], ...]) -> Corpus:
    """The uploads as a corpus; one size limit per file, the uploader's (.streamlit/config.toml)."""
    return load_uploads(list(_files), max_bytes=st.get_option("server.maxUploadSize") * 1024 * 1024)


def content_key(corpus: Corpus) -> str:
    """Hash of the articles' SHA-256s and the load report: equal for equal corpus content."""
    digest = hashlib.sha256()
    for article in corpus.articles:
        digest.update(article.sha256.encode())
    digest.update(corpus.report.to_csv(index=False).encode())
    return digest.hexdigest()


def default_lexicon_text() -> str:
    """The shipped escalation lexicon, as the editor shows it."""
    return SHIPPED_LEXICON.read_text(encoding="utf-8")


def default_actors_text() -> str:
    """The corpus folder's story.toml as the editor shows it (a commented template if none)."""
    path = None if st.session_state.get(UPLOADS_KEY) else story_in(corpus_folder())
    return path.read_text(encoding="utf-8") if path else STORY_TEMPLATE


@st.cache_resource(max_entries=4, show_spinner="Analysing the corpus…")
def _map(key: str, lexicon_text: str, story_text: str, _corpus: Corpus):
    """The per-article map once per (corpus content, lexicon and story texts)."""
    lexicon = parse_lexicon(lexicon_text) if lexicon_text else None
    story = parse_story(story_text) if story_text.strip() else None
    return map_corpus(_corpus, lexicon=lexicon, story=story)


@st.cache_data(max_entries=6, show_spinner="Analysing the corpus…")
def _analyse(
    key: str, lexicon_text: str, story_text: str, camps: tuple, _corpus: Corpus
) -> Analysis:
    """The reduce once per (corpus content, lexicon and story texts, camps from the URL), over the
    cached map: regrouping camps never re-analyses an article.

    A data cache: each rerun gets its own copy of the tables, so nothing a page does can change
    another page's data (the copy costs 0.1-0.3 s on 10,000 articles, inside the rerun budget).
    """
    mapped, report, rules = _map(key, lexicon_text, story_text, _corpus)
    tables = reduce_tables(mapped, report, rules, dict(camps) or None)
    return Analysis(tables, {a.article_id: a.raw_text for a in _corpus.articles})


def current_corpus() -> tuple[Corpus, str]:
    """The corpus to show (uploads if any, else the folder) and a one-line description of it."""
    uploads = st.session_state.get(UPLOADS_KEY)
    if uploads:
        key = hashlib.sha256(
            b"".join(hashlib.sha256(data).digest() for _, data in uploads)
        ).hexdigest()
        return _load_uploaded(key, tuple(uploads)), f"your {len(uploads)} uploaded file(s)"
    folder = corpus_folder()
    stamp = _folder_stamp(folder)
    corpus = _load_folder(str(folder), hashlib.sha256(repr(stamp).encode()).hexdigest())
    name = "the shipped corpus" if folder == SHIPPED_CORPUS else f"the folder {folder.name}"
    return corpus, name


def current_analysis() -> tuple[Analysis, str]:
    """The analysis of the current corpus with the lexicons saved in the editors."""
    corpus, description = current_corpus()
    story_text = st.session_state.get(ACTORS_KEY)
    if story_text is None:
        story_text = default_actors_text()
    result = _analyse(
        content_key(corpus),
        st.session_state.get(LEXICON_KEY, ""),
        "" if story_text == STORY_TEMPLATE else story_text,
        tuple(sorted(st.session_state.get(CAMPS_KEY, {}).items())),
        corpus,
    )
    return result, description
