"""build_report on the shipped corpus and on a hand-made one: one summary per outlet with its
evidence, the filters honoured, article text escaped everywhere, the events and checks sections."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from analysis import runner
from analysis.filters import apply_filters, narrowed, options_from_tables
from analysis.ingest.corpus import read_folder
from analysis.pipeline import Rules
from analysis.report import build_report
from analysis.world.story import story_in
from tests.paths import ROOT
from tests.report.corpus import SCRIPT, tables_of, write_corpus

SHIPPED = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def shipped() -> dict[str, pd.DataFrame]:
    rules = Rules.from_files(None, story_in(SHIPPED))
    return runner.run(read_folder(SHIPPED), rules, cache_dir=None, jobs=1).tables


def report_of(tables, **filters) -> str:
    state = narrowed(options_from_tables(tables), **filters)
    return build_report(apply_filters(tables, state), state, source="a test")


def test_one_summary_per_outlet_with_its_evidence_sentences(shipped):
    page = report_of(shipped)
    outlets = sorted(shipped["articles"]["outlet"].unique())
    assert sorted(re.findall(r'<div class="summary"[^>]*><h3>([^<]*)</h3>', page)) == [
        html.escape(o) for o in outlets
    ]
    sentences = dict(
        zip(shipped["sentences"]["sentence_id"], shipped["sentences"]["text"], strict=True)
    )
    for row in shipped["summaries"].itertuples():
        first = str(row.evidence_ids).split("; ")[0]
        assert html.escape(row.summary) in page
        assert f"“{html.escape(sentences[first])}”" in page
    assert page.count("get_plotlyjs") == 0 and page.count("Plotly.newPlot") == 1  # JS inlined once


def test_the_filters_narrow_the_report(shipped):
    outlet = sorted(shipped["articles"]["outlet"].unique())[1]
    page = report_of(shipped, outlets=[outlet])
    assert page.count('<div class="summary"') == 1 and f"<h3>{html.escape(outlet)}</h3>" in page
    assert "1 of the 5 articles loaded" in page
    assert f"Outlets: {html.escape(repr(outlet))}" in page


def test_article_text_is_escaped_everywhere_and_events_are_drawn(tmp_path):
    tables = tables_of(write_corpus(tmp_path))
    page = report_of(tables)
    assert SCRIPT not in page and "<script>alert" not in page
    assert html.escape(SCRIPT) in page  # the title in the articles table, as text
    # inside the charts' JSON: no '<' at all, so no '</script>' or '<!--'
    for payload in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S):
        assert "<" not in payload and ">" not in payload
    assert "Who each outlet shows acting on whom: conflict" in page
    assert "Violence without a named attacker" in page
    assert "No checks made yet" in page


def test_without_an_events_table_the_section_says_so(shipped):
    assert "This analysis has no events table." not in report_of(shipped)
    older = {k: v for k, v in shipped.items() if k not in ("events", "event_links")}
    assert "This analysis has no events table." in report_of(older)


def test_checks_are_shown_with_their_intervals(shipped):
    checks = pd.DataFrame(
        [
            ["figures", "value", 40, 37, 0.925, 0.801, 0.974],
            ["quotes", "speaker", 0, 0, None, None, None],
        ],
        columns=["table", "field", "checked", "right", "precision", "low", "high"],
    )
    state = options_from_tables(shipped).default_state()
    page = build_report(apply_filters(shipped, state), state, source="x", checks=checks)
    assert (
        "<td>figures</td><td>value</td><td>40</td><td>37</td><td>92%</td><td>80%</td><td>97%</td>"
        in page
    )
    assert "<td>quotes</td><td>speaker</td><td>0</td><td>0</td><td></td>" in page
    assert "No checks made yet" not in page
    with pytest.raises(ValueError, match="low, high"):
        build_report(
            apply_filters(shipped, state),
            state,
            source="x",
            checks=checks[["table", "field", "checked", "right", "precision"]],
        )
