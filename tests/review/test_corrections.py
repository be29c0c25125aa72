"""Corrections on the shipped corpus: each line changes the tables exactly as it says (a value,
a drop, an affiliation that moves the voice balance and the summary), a bad line is refused with
its reason while every good line is applied, and the file reads back what the tool writes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.ingest.corpus import load_corpus
from analysis.pipeline import map_corpus, reduce_tables
from analysis.review import append_lines, parse_corrections, read_corrections
from analysis.world.story import load_story
from tests.paths import ROOT

STARMER = "cfad196031f2:q1"  # Daily Express: Keir Starmer, United Kingdom, its only voice


@pytest.fixture(scope="module")
def mapped():
    corpus = ROOT / "data" / "corpus"
    return map_corpus(load_corpus(corpus), story=load_story(corpus / "story.toml"))


@pytest.fixture(scope="module")
def plain(mapped) -> dict[str, pd.DataFrame]:
    return reduce_tables(*mapped)


def corrected(mapped, text: str) -> dict[str, pd.DataFrame]:
    return reduce_tables(*mapped, corrections=parse_corrections(text))


def test_no_corrections_changes_nothing_and_marks_no_row(plain):
    assert plain["corrections_report"].empty
    for name in ("figures", "quotes", "escalation_hits", "framing", "people", "tone"):
        assert not plain[name]["corrected"].any(), name


def test_an_affiliation_moves_the_voice_balance_and_the_summary(mapped, plain):
    fixed = corrected(mapped, f"table,id,column,value\nquotes,{STARMER},affiliation,Ukraine\n")
    quotes = fixed["quotes"].set_index("quote_id")
    assert quotes.loc[STARMER, ["affiliation", "camp", "corrected"]].tolist() == [
        "Ukraine", "Ukraine", True
    ]  # fmt: skip
    assert quotes["corrected"].sum() == 1
    before = plain["quotes"].set_index("quote_id").drop(index=STARMER)
    assert before.drop(columns="corrected").equals(
        quotes.drop(index=STARMER).drop(columns="corrected")
    )
    share = fixed["stance"].set_index(["outlet", "actor"])["quoted_share"]
    words = plain["quotes"].query("outlet == 'Daily Express'")
    moved = round(3 / words["words"].sum(), 3)  # Starmer's 3 words of that quote
    assert share["Daily Express", "Ukraine"] == moved
    assert (
        plain["stance"].set_index(["outlet", "actor"])["quoted_share"]["Daily Express", "Ukraine"]
        == 0
    )
    summary = fixed["summaries"].set_index("outlet").loc["Daily Express"]
    assert summary["summary"].startswith(
        "Quotes Western (98%: Keir Starmer) and Ukrainian (2%: Keir Starmer) voices;"
    )
    assert (
        plain["summaries"]
        .set_index("outlet")
        .loc["Daily Express", "summary"]
        .startswith("Quotes only Western voices (Keir Starmer);")
    )
    assert STARMER in summary["row_ids"].split("; ")
    assert fixed["corrections_report"][["line", "status", "reason"]].values.tolist() == [
        [2, "applied", ""]
    ]


def test_a_value_and_a_drop_change_exactly_their_rows(mapped, plain):
    figures = plain["figures"]
    first, second = figures["figure_id"].iloc[0], figures["figure_id"].iloc[1]
    fixed = corrected(
        mapped,
        f"table,id,column,value\nfigures,{first},value_low,12000\nfigures,{first},value_high,"
        f"12000\nfigures,{first},kind,casualties\nfigures,{second},drop,\n",
    )
    after = fixed["figures"].set_index("figure_id")
    assert second not in after.index and len(after) == len(figures) - 1
    assert after.loc[first, ["value_low", "value_high", "kind", "corrected"]].tolist() == [
        12000.0, 12000.0, "casualties", True
    ]  # fmt: skip
    untouched = figures[~figures["figure_id"].isin([first, second])].set_index("figure_id")
    assert untouched.equals(after.drop(index=first))
    timeline = fixed["claims_timeline"].set_index("figure_id")
    assert second not in timeline.index and timeline.loc[first, "value_low"] == 12000.0
    assert not fixed["who_reported_what"]["figure_ids"].str.contains(second).any()


def test_a_malformed_file_is_refused_line_by_line_and_the_good_lines_applied(mapped, plain):
    hit = plain["escalation_hits"]["hit_id"].iloc[0]
    tone = plain["tone"]["tone_id"].iloc[0]
    text = (
        "table,id,column,value\n"
        f"escalation_hits,{hit},negated,yes\n"  # 2 good
        "figures,nowhere:f1-2,kind,troops\n"  # 3 no such row
        f"figures,{plain['figures']['figure_id'].iloc[0]},kind,tanks\n"  # 4 not a kind
        f"quotes,{STARMER},camp,Ukraine\n"  # 5 derived column
        f"quotes,{STARMER},affiliation,Atlantis\n"  # 6 no such actor
        "maps,x,drop,\n"  # 7 unknown table
        f"tone,{tone},score,2.5\n"  # 8 out of range
        f"tone,{tone},colour,red\n"  # 9 unknown column
        "only,three,cells\n"  # 10
        f"tone,{tone},score,'-0.4\n"  # 11 good (the apostrophe the CSV writer adds)
    )
    fixed = corrected(mapped, text)
    report = fixed["corrections_report"].set_index("line")
    assert report["status"].to_dict() == {
        2: "applied", 3: "refused", 4: "refused", 5: "refused", 6: "refused", 7: "refused",
        8: "refused", 9: "refused", 10: "refused", 11: "applied",
    }  # fmt: skip
    reasons = report["reason"]
    assert reasons[3] == "no row of figures has the id 'nowhere:f1-2' in this corpus"
    assert reasons[4].startswith("kind: 'tanks' is not one of: 'troops', 'casualties'")
    assert reasons[5].startswith("camp is worked out from the affiliation")
    assert "'Atlantis' is not an actor" in reasons[6]
    assert reasons[7].startswith("unknown table 'maps'")
    assert reasons[8] == "score: '2.5' is not a number between -1 and 1"
    assert reasons[9].startswith("tone has no column 'colour' to correct")
    assert reasons[10] == "3 cells, expected 4: table,id,column,value"
    assert fixed["escalation_hits"].set_index("hit_id").loc[hit, "negated"]
    assert fixed["tone"].set_index("tone_id").loc[tone, "score"] == -0.4
    assert fixed["figures"].equals(plain["figures"])  # every figures line was refused


def test_a_corrected_event_takes_its_quad_class_with_it(mapped, plain):
    events = plain["events"]
    assault = events[events["event"] == "ASSAULT"]["event_id"].iloc[0]
    fixed = corrected(
        mapped,
        f"table,id,column,value\nevents,{assault},event,ACCUSE\nevents,{assault},quad,x\n",
    )
    row = fixed["events"].set_index("event_id").loc[assault]
    assert row[["event", "quad", "corrected"]].tolist() == ["ACCUSE", "verbal_conflict", True]
    report = fixed["corrections_report"].set_index("line")["reason"]
    assert report[3].startswith("quad is worked out from the event")
    others = plain["events"]["event_id"] != assault
    assert (
        fixed["events"][others.to_numpy()]
        .drop(columns="corrected")
        .equals(plain["events"][others].drop(columns="corrected"))
    )


def test_a_later_line_wins_and_a_dropped_row_takes_no_value(mapped, plain):
    person = plain["people"]["person_id"].iloc[0]
    figure = plain["figures"]["figure_id"].iloc[0]
    fixed = corrected(
        mapped,
        f"people,{person},affiliation,Russia\npeople,{person},affiliation,Ukraine\n"
        f"figures,{figure},drop,\nfigures,{figure},kind,money\n",
    )  # no header: the lines read the same
    report = fixed["corrections_report"].set_index("line")
    assert report["reason"].to_dict() == {
        1: "line 2 sets it again", 2: "", 3: "", 4: "the row is dropped by another line"
    }  # fmt: skip
    assert fixed["people"].set_index("person_id").loc[person, "affiliation"] == "Ukraine"


def test_the_file_reads_back_what_the_tool_appends_and_hand_lines_stay(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("table,id,column,value\nquotes,a:q1,speaker,Ana Costa", encoding="utf-8")
    append_lines(
        path, [("tone", "a:t1-5", "score", "-0.4"), ("quotes", "a:q2", "speaker", "=HYPERLINK(1)")]
    )
    lines = read_corrections(path).lines
    assert [(c.line, c.id, c.value) for c in lines] == [
        (2, "a:q1", "Ana Costa"), (3, "a:t1-5", "-0.4"), (4, "a:q2", "=HYPERLINK(1)")
    ]  # fmt: skip
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8")  # formula-safe on disk
    path.write_bytes(b"\xff\xfe not text")
    refused = read_corrections(path).refused
    assert len(refused) == 1 and refused[0]["reason"].startswith("file not read:")
