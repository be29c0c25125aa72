"""The sentences behind each clause of an outlet's summary (the summaries table's `clauses`), as the
Overview shows them under the summaries: each clause one click from its sentences."""

from __future__ import annotations

import json
from collections.abc import Callable

from dashboard.highlight import escape_text

SHOWN = 5  # sentences shown per clause; the CSV has every id
Cited = tuple[str, str]  # a sentence's text and 'title, outlet, date' of its article


def clause_sentences(
    clauses: str, cited: Callable[[str], Cited | None]
) -> list[tuple[str, list[tuple[str, Cited]]]]:
    """(clause, [(sentence id, (text, where))]) for each clause of a summary's `clauses` JSON
    (`cited`: FilteredTables.sentences_cited(...).get); a sentence not found is left out, a
    malformed cell gives no clause."""
    try:
        parsed = json.loads(clauses) if clauses else []
    except (TypeError, ValueError):
        return []
    shown = []
    for item in parsed if isinstance(parsed, list) else []:
        if not isinstance(item, dict):
            continue
        ids = [str(i) for i in item.get("sentence_ids", [])]
        sentences = [(i, hit) for i in ids if (hit := cited(i)) is not None]
        shown.append((str(item.get("clause", "")), sentences))
    return shown


def clauses_html(clauses: list[tuple[str, list[tuple[str, Cited]]]]) -> str:
    """The clauses and their sentences as HTML, every text escaped (article text is untrusted)."""
    parts = []
    for clause, sentences in clauses:
        items = "".join(
            f"<li>{escape_text(text)} <small style='color:#777;'>— {escape_text(where)} "
            f"({escape_text(sentence_id)})</small></li>"
            for sentence_id, (text, where) in sentences[:SHOWN]
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
