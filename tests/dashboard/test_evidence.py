"""The sentences behind each clause of a summary: from the real tables of a corpus written for it,
escaped, and a malformed cell shown as nothing rather than an error."""

from __future__ import annotations

import json

from analysis.filters import apply_filters
from analysis.filters.state import options_from_tables
from analysis.ingest.corpus import load_corpus
from analysis.pipeline import analyse
from dashboard.evidence import clause_sentences, clauses_html


def test_each_clause_lists_the_sentences_behind_it(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Source: Lakeside Post\n\nIsrael struck Iran on Sunday, the army said.\n\n"
        '"We will respond <script>alert(1)</script>," Iran\'s foreign minister Abbas Araghchi said.\n',
        encoding="utf-8",
    )
    tables = analyse(load_corpus(tmp_path))
    summaries = tables["summaries"]
    row = summaries.iloc[0]
    filtered = apply_filters(tables, options_from_tables(tables).default_state())
    cited = filtered.sentences_cited(row["evidence_ids"].split("; "))
    clauses = clause_sentences(row["clauses"], cited.get)
    assert [c for c, _ in clauses] == row["summary"].rstrip(".").split("; ")
    voices = dict(clauses)[next(c for c, _ in clauses if c.startswith("Quotes"))]
    assert any("We will respond" in text for _, (text, _) in voices)
    assert all("Lakeside Post" in where for _, (_, where) in voices)
    cited = {i for _, sentences in clauses for i, _ in sentences}
    assert cited == set(row["evidence_ids"].split("; "))
    html = clauses_html(clauses)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_malformed_or_filtered_cell_gives_what_it_can():
    assert clause_sentences("not json", {}.get) == []
    assert clause_sentences("", {}.get) == []
    cell = json.dumps([{"clause": "shows X", "sentence_ids": ["a:1", "gone:2"]}, "junk"])
    found = {"a:1": ("X struck Y.", "Post")}
    assert clause_sentences(cell, found.get) == [("shows X", [("a:1", ("X struck Y.", "Post"))])]
