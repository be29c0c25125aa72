"""The sentences behind each clause of an outlet's summary (the summaries table's `clauses`), as the
Overview shows them under the summaries: each clause one click from its sentences."""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd

from dashboard.highlight import escape_text

SHOWN = 5  # sentences shown per clause; the CSV has every id


def sentence_texts(tables: dict[str, pd.DataFrame], summaries: pd.DataFrame) -> dict[str, str]:
    """Sentence id -> text of the sentences the summaries cite (one pass over the sentences)."""
    cited = {i for ids in summaries["evidence_ids"].fillna("") for i in ids.split("; ") if i}
    sentences = tables["sentences"]
    wanted = sentences[sentences["sentence_id"].isin(cited)]
    return dict(zip(wanted["sentence_id"], wanted["text"], strict=True))


def clause_sentences(
    clauses: str, text_of: Callable[[str], str | None]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(clause, [(sentence id, its text)]) for each clause of a summary's `clauses` JSON; a sentence
    no longer in the tables (filtered out) is left out, a malformed cell gives no clause."""
    try:
        parsed = json.loads(clauses) if clauses else []
    except (TypeError, ValueError):
        return []
    found = []
    for item in parsed if isinstance(parsed, list) else []:
        if not isinstance(item, dict):
            continue
        ids = [str(i) for i in item.get("sentence_ids", [])]
        sentences = [(i, text) for i in ids if (text := text_of(i)) is not None]
        found.append((str(item.get("clause", "")), sentences))
    return found


def clauses_html(clauses: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """The clauses and their sentences as HTML, every text escaped (article text is untrusted)."""
    parts = []
    for clause, sentences in clauses:
        items = "".join(
            f"<li>{escape_text(text)} <small style='color:#777;'>({escape_text(sentence_id)})"
            "</small></li>"
            for sentence_id, text in sentences[:SHOWN]
        )
        more = len(sentences) - SHOWN
        if more > 0:
            items += f"<li><small>… and {more} more (the CSV lists every id)</small></li>"
        if not sentences:
            items = "<li><small>no sentence: counted over the outlet's tables</small></li>"
        parts.append(
            f"<p style='margin:0.6em 0 0.2em;'><b>{escape_text(clause)}</b></p><ul>{items}</ul>"
        )
    return "".join(parts)
