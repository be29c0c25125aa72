"""The map/reduce seam: the reduce as a stream gives the same tables and lets go of the map's."""

from __future__ import annotations

from pathlib import Path

from analysis import schema
from analysis.ingest.corpus import load_corpus
from analysis.pipeline import map_corpus, reduce_stream, reduce_tables

STORIES = Path(__file__).parent / "data" / "stories"


def test_the_stream_yields_every_table_once_as_reduce_tables_does_and_empties_the_map():
    mapped, report, rules = map_corpus(load_corpus(STORIES / "taiwan"))
    whole = reduce_tables(mapped, report, rules)
    assert list(whole) == list(schema.TABLES)
    assert set(mapped) == {*schema.TABLES, "tone", "quote_words"} - {
        "load_report", "claims_timeline", "who_reported_what", "escalation_rates", "keyness",
        "top_terms", "stance", "summaries", "event_links", "agentless_violence",
    }  # fmt: skip
    given = dict(mapped)
    streamed = list(reduce_stream(given, report, rules))
    assert sorted(name for name, _ in streamed) == sorted(schema.TABLES)
    for name, frame in streamed:
        assert frame.equals(whole[name]), name
    assert given == {}  # nothing of the map is held once the stream is done
    assert all(not frame.empty for frame in mapped.values())  # reduce_tables left its input be


def test_the_stream_regroups_camps_and_outlets_as_reduce_tables_does():
    mapped, report, rules = map_corpus(load_corpus(STORIES / "sudan"))
    camps = {"Saudi Arabia": "Mediators", "United States": "Mediators"}
    whole = reduce_tables(mapped, report, rules, camps, by_group=True)
    for name, frame in reduce_stream(dict(mapped), report, rules, camps, by_group=True):
        assert frame.equals(whole[name]), name
