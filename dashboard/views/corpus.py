"""Corpus: the articles with the provenance of their metadata, uploads, and the lexicon editors.

The uploader and the editors are offered only when edits are allowed (dashboard/serving.py): a
dashboard shared on the network shows the lexicons read-only and says why."""

from __future__ import annotations

import streamlit as st

from analysis.escalation.lexicon import parse_lexicon
from analysis.ingest.readers.common import SUFFIX_FORMATS
from analysis.schema import columns
from analysis.world.story import parse_story
from analysis.world.toml_files import LexiconError
from dashboard import data, serving
from dashboard.ui import current_view, show_filtered, show_table

UPLOAD_TYPES = [suffix.lstrip(".") for suffix in SUFFIX_FORMATS] + ["gz", "zip"]
UPLOAD_WIDGET = "upload_widget"
EDITORS = {
    # kind: (title, session key of the saved text, parser, shipped text)
    "escalation": (
        "Escalation lexicon",
        data.LEXICON_KEY,
        parse_lexicon,
        data.default_lexicon_text,
    ),
    "actors": (
        "Story file (story.toml: actors, camps, claim, outlet groups)",
        data.ACTORS_KEY,
        lambda text: parse_story(text, name="<story file>"),
        data.default_actors_text,
    ),
}


def store_uploads() -> None:
    """Callback of the uploader: keep the files' bytes in memory for the analysis of the next run."""
    if not serving.edits_allowed():
        return
    files = st.session_state.get(UPLOAD_WIDGET) or []
    if files:
        st.session_state[data.UPLOADS_KEY] = [(f.name, f.getvalue()) for f in files]
    else:
        st.session_state.pop(data.UPLOADS_KEY, None)


def back_to_folder() -> None:
    """Callback: forget the uploads and show the shipped corpus again."""
    st.session_state.pop(data.UPLOADS_KEY, None)
    st.session_state.pop(UPLOAD_WIDGET, None)


def save_lexicon(kind: str) -> None:
    """Callback of an editor's save button: keep the text only if the one loader accepts it."""
    _, saved_key, parse, _ = EDITORS[kind]
    if not serving.edits_allowed():
        return
    text = st.session_state[f"editor_{kind}"]
    try:
        parse(text)
    except LexiconError as error:
        st.session_state[f"editor_{kind}_message"] = ("error", str(error))
        return
    st.session_state[saved_key] = text
    st.session_state[f"editor_{kind}_message"] = (
        "success",
        "Saved: the analysis now uses this lexicon.",
    )


def restore_lexicon(kind: str) -> None:
    """Callback: go back to the shipped lexicon."""
    _, saved_key, _, shipped = EDITORS[kind]
    st.session_state.pop(saved_key, None)
    st.session_state[f"editor_{kind}"] = shipped()
    st.session_state[f"editor_{kind}_message"] = ("success", "Restored the shipped lexicon.")


view = current_view()
st.title("Corpus")
st.caption(f"Showing {view.source}.")

st.subheader("Articles and where each metadata value came from")
st.caption(
    "*_source columns: manifest (sources.csv), header (the file's own header), text (found in the "
    "article text) or unknown (never guessed)."
)
# Each value beside the column that says where it came from; then the rest in schema order.
provenance_first = ["article_id", "outlet", "outlet_source", "published", "published_source"]
provenance_first += ["title", "title_source", "language", "language_source"]
article_columns = provenance_first + [c for c in columns("articles") if c not in provenance_first]
show_filtered(view, "articles", "articles.csv", "articles", columns=article_columns)

st.subheader("Load report")
show_table(
    view.tables["load_report"],
    "load_report.csv",
    "corpus_load_report",
    column_config={"reason": st.column_config.TextColumn(width="large")},
)

st.subheader("Analyse your own files")
st.caption(
    "Same formats as the command line: .txt and .md (optional header or YAML front matter), .html, "
    "tables of many articles (.csv, .json, .jsonl, .parquet; columns as in the README's column "
    "table), a .gz of any of them, or a .zip of such files. Files stay in memory (a zip is opened "
    "in memory, never unpacked to disk); bad files and bad rows are listed in the load report with "
    "the reason, the rest are analysed."
)
editable = serving.edits_allowed()
if editable:
    st.file_uploader(
        "Upload articles",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=UPLOAD_WIDGET,
        on_change=store_uploads,
    )
    if st.session_state.get(data.UPLOADS_KEY):
        st.button("Back to the shipped corpus", on_click=back_to_folder, icon=":material/undo:")
else:
    st.info(f"Uploads are turned off. {serving.READ_ONLY}", icon=":material/lock:")

st.subheader("Lexicons")
if editable:
    st.caption(
        "Edit and save: the analysis re-runs with the new lexicon. A bad edit is refused with the "
        "reason."
    )
else:
    st.info(f"The lexicons are shown, not editable. {serving.READ_ONLY}", icon=":material/lock:")
for kind, (title, saved_key, _, shipped) in EDITORS.items():
    with st.expander(title):
        if not editable:
            st.code(shipped(), language="toml")
            continue
        editor = f"editor_{kind}"
        if editor not in st.session_state:
            st.session_state[editor] = st.session_state.get(saved_key) or shipped()
        with st.form(f"form_{kind}"):
            st.text_area(f"{title} (TOML)", key=editor, height=360)
            st.form_submit_button(
                "Save and re-run", key=f"save_{kind}", on_click=save_lexicon, args=(kind,)
            )
        st.button(
            "Restore the shipped lexicon",
            key=f"restore_{kind}",
            on_click=restore_lexicon,
            args=(kind,),
        )
        message = st.session_state.pop(f"{editor}_message", None)
        if message and message[0] == "error":
            st.error(f"Not saved, the last good lexicon is still in use. {message[1]}")
        elif message:
            st.success(message[1])
