"""Keyness on hand-made corpora: an outlet that calls the strikes barbaric far more than the others
is found (small p), outlets that share the event words show no keyness, and words of another
language are compared within their language only. Stop words are data, validated."""

from __future__ import annotations

import json

import pytest

from analysis import schema
from analysis.escalation.hits import load_lexicon, tables
from analysis.escalation.keyness import WORD_G2, count_words, keyness_table, tokens
from analysis.ingest.article import article_from_text
from analysis.ingest.boundaries import pack_stopwords
from analysis.world.toml_files import LexiconError, parse_toml
from analysis.world.writing import parse_writing
from tests.paths import ROOT

LEXICON = load_lexicon()
EVENT = (
    "The strike hit a fuel depot near the border on Tuesday night. Officials said the attack "
    "destroyed two warehouses and a rail bridge. Drone footage showed the shelling continued "
    "until dawn, and troops were deployed to the area. Residents described loud explosions and "
    "long queues at the checkpoints. Engineers inspected the bridge on Wednesday morning."
)
EVALUATIVE = (
    "It was a barbaric act. Critics called the barbaric strike a brutal provocation and a "
    "barbaric assault on civilians."
)


def corpus(extra: dict[str, str], outlets=("Alpha", "Beta", "Gamma", "Delta"), per_outlet=6):
    """`per_outlet` articles for each outlet: the event report, plus `extra[outlet]` if given."""
    articles = []
    for number, outlet in enumerate(outlets):
        for n in range(per_outlet):
            text = f"Report {number}-{n}.\n\n{EVENT}"  # digits: no word of keyness
            if outlet in extra:
                text += "\n\n" + extra[outlet]
            articles.append(article_from_text(text, outlet=outlet))
    return articles


def keyness_of(articles):
    return tables(articles, LEXICON, {})["keyness"]


def test_an_outlet_far_more_evaluative_than_the_others_is_found():
    keyness = keyness_of(corpus({"Alpha": EVALUATIVE}))
    assert list(keyness.columns) == schema.columns("keyness")
    row = keyness[
        (keyness["outlet"] == "Alpha")
        & (keyness["kind"] == "lexicon")
        & (keyness["term"] == "barbar*")
    ].iloc[0]
    assert row["register"] == "evaluative"
    assert row["category"] == "Hostility and aggression"
    assert row["hits"] == 18 and row["hits_rest"] == 0
    assert row["direction"] == "more"
    assert row["p_value"] < 1e-6
    assert row["g2"] > 25
    assert row["log_ratio"] > 4
    assert row["expected"] == pytest.approx(18 * row["words"] / (row["words"] + row["words_rest"]))
    # the others use it less than the corpus would lead one to expect
    others = keyness[(keyness["term"] == "barbar*") & (keyness["outlet"] != "Alpha")]
    assert set(others["direction"]) == {"less"}
    # the content word is found too, for Alpha only
    words = keyness[(keyness["kind"] == "word") & (keyness["direction"] == "more")]
    assert "barbaric" in set(words[words["outlet"] == "Alpha"]["term"])
    assert "barbaric" not in set(words[words["outlet"] != "Alpha"]["term"])
    assert (words["g2"] >= WORD_G2).all()
    assert set(words["register"]) == {""}


def test_outlets_sharing_the_event_words_show_no_keyness():
    keyness = keyness_of(corpus({}))
    lexicon = keyness[keyness["kind"] == "lexicon"]
    assert {"strike", "attack+", "shelling+", "deploy*"} <= set(lexicon["term"])
    assert (lexicon["g2"] < 1e-9).all()
    assert (lexicon["p_value"] > 0.5).all()
    assert set(lexicon["direction"]) == {"same"}
    assert keyness[keyness["kind"] == "word"].empty


def test_event_words_stay_unremarkable_when_one_outlet_adds_evaluation():
    keyness = keyness_of(corpus({"Alpha": EVALUATIVE}))
    descriptive = keyness[
        (keyness["kind"] == "lexicon") & (keyness["term"].isin(["shelling+", "deploy*"]))
    ]
    assert (descriptive["p_value"] > 0.05).all()


GERMAN = (
    "Der Angriff auf das Treibstofflager an der Grenze dauerte die ganze Nacht. Die Behörden "
    "sagten, der Beschuss habe zwei Lagerhallen und eine Brücke zerstört. Die Truppen wurden in "
    "das Gebiet verlegt, und die Anwohner berichteten von lauten Explosionen."
)


def test_words_of_another_language_are_compared_within_it():
    articles = corpus({"Alpha": EVALUATIVE}, per_outlet=4)
    for outlet in ("Beta", "Gamma"):
        for n in range(3):
            extra = " Es war ein brutaler, barbarischer Angriff." if outlet == "Beta" else ""
            text = f"Bericht {len(outlet)}-{n}.\n\n{GERMAN}{extra}"  # Beta 4, Gamma 5
            articles.append(article_from_text(text, outlet=outlet))
    assert {a.language for a in articles} == {"en", "de"}
    keyness = keyness_of(articles)
    german = keyness[keyness["language"] == "de"]
    assert set(german["outlet"]) == {"Beta", "Gamma"}
    german_words = {a.outlet: a.words for a in articles if a.language == "de"}
    lexicon = german[german["kind"] == "lexicon"]
    beta = lexicon[lexicon["outlet"] == "Beta"].iloc[0]
    assert beta["words"] + beta["words_rest"] == sum(
        a.words for a in articles if a.language == "de"
    )
    assert german_words  # every German word base is German text only
    english = keyness[(keyness["language"] == "en") & (keyness["kind"] == "lexicon")]
    assert "barbarisch*" not in set(english["term"])
    assert "barbar*" not in set(lexicon["term"])


def test_a_language_of_one_outlet_has_no_keyness_rows():
    articles = corpus({}, outlets=("Alpha", "Beta"), per_outlet=2)
    articles.append(article_from_text(f"Bericht.\n\n{GERMAN}", outlet="Alpha"))
    keyness = keyness_of(articles)
    assert "de" not in set(keyness["language"])


def test_word_counts_come_from_counted_sentences_per_outlet_and_language():
    articles = corpus({}, outlets=("Alpha", "Beta"), per_outlet=1)
    units = tables(articles, LEXICON, {})  # noqa: F841 - the same path the reduce takes
    import pandas as pd

    frame = pd.DataFrame(
        [(a.outlet, a.article_id, a.words, a.language) for a in articles],
        columns=["outlet", "article_id", "words", "language"],
    )
    counts = count_words(
        ((a.article_id, s.text) for a in articles for s in a.counted_sentences), frame
    )
    assert set(counts) == {("Alpha", "en"), ("Beta", "en")}
    assert counts[("Alpha", "en")]["bridge"] == 2
    assert tokens("Russia’s 10,000 troops") == ["russia", "s", "10", "000", "troops"]
    assert tokens("Удар по Києву") == ["удар", "по", "києву"]


def test_empty_input_gives_an_empty_keyness_table():
    import pandas as pd

    empty = keyness_table(
        pd.DataFrame(columns=["article_id", "term", "category", "register"]),
        pd.DataFrame(columns=["outlet", "article_id", "words", "language"]),
        {},
    )
    assert empty.empty and list(empty.columns) == schema.columns("keyness")


# --- stop words: data, validated ---------------------------------------------------------------

PACKS = sorted(p.parent.name for p in (ROOT / "data" / "languages").glob("*/text.toml"))


@pytest.mark.parametrize("code", PACKS)
def test_every_pack_lists_stop_words_none_of_them_a_lexicon_term(code):
    from analysis.escalation.hits import find_hits

    stop = pack_stopwords(code)
    assert len(stop) >= 40
    lexicon = LEXICON.for_language(code)
    assert [w for w in sorted(stop) if find_hits(f" {w} ", lexicon)] == []


def test_english_stop_words_include_the_function_words():
    assert {"the", "and", "of", "said", "was"} <= pack_stopwords("en")
    assert "strike" not in pack_stopwords("en")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"stopwords": "the"}, "stopwords must be a list"),
        ({"stopwords": ["the", ""]}, "stopwords must be a list"),
        ({"stopwords": ["the", "of the"]}, "not one word"),
    ],
)
def test_a_malformed_stop_word_list_is_refused(data, problem):
    text = "\n".join(
        f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()
    )
    with pytest.raises(LexiconError, match=problem):
        parse_writing(data, text, name="data/languages/de/text.toml", language="de")


def test_a_malformed_stop_word_names_its_line():
    text = 'abbreviations = ["bzw"]\nstopwords = [\n  "der",\n  "die Welt",\n]\n'
    with pytest.raises(LexiconError) as caught:
        parse_writing(parse_toml(text, name="xx"), text, name="xx/text.toml", language="xx")
    assert caught.value.line == 4
