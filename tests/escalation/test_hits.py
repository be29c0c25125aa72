"""Escalation matching on real reporting sentences, and the three tables on the shipped corpus."""

from __future__ import annotations

import pytest

from analysis import schema
from analysis.escalation.hits import find_hits, load_lexicon, parse_lexicon, tables
from analysis.ingest.article import Article, article_from_text, article_row
from analysis.voices.quotes import Quote, find_quotes
from analysis.world.story import SHIPPED_STORY, load_actors

LEXICON = load_lexicon()


def rutte_reports(article: Article, content: str) -> Quote:
    """A hand-built reported-speech quote by Mark Rutte over `content` (its first occurrence)."""
    start = article.raw_text.index(content)
    return Quote(
        article.article_id, "Mark Rutte", "NATO", "West", "said", "reported", content,
        start, start + len(content),
    )  # fmt: skip


def matches(text: str, lexicon=LEXICON) -> list[tuple[str, str, bool]]:
    """(term, text as matched, negated) for every hit in `text`."""
    return [
        (h.term.entry, text[h.char_start : h.char_end], h.negated) for h in find_hits(text, lexicon)
    ]


def matched_words(text: str) -> list[str]:
    return [found for _, found, _ in matches(text)]


@pytest.fixture(scope="module")
def shipped_tables(shipped_corpus):
    actors = load_actors(SHIPPED_STORY)
    quotes = {a.article_id: find_quotes(a, actors) for a in shipped_corpus.articles}
    return tables(shipped_corpus.articles, LEXICON, quotes)


# --- matching rules ---------------------------------------------------------------------------


def test_inflections_match_through_wildcard_and_plus():
    text = (
        "Moscow could escalate further; the West escalates its aid, escalating a conflict whose "
        "escalation ladder has an escalatory logic. Seoul said Pyongyang threatened Europe."
    )
    assert matched_words(text) == [
        "escalate",
        "escalates",
        "escalating",
        "escalation",
        "escalatory",
        "threatened",
    ]


def test_british_and_american_spellings_match_each_other():
    text = "Officials said it would destabilise Europe and destabilize the Korean peninsula."
    assert [term for term, _, _ in matches(text)] == ["destabilis*", "destabilis*"]


def test_case_insensitive():
    assert matched_words("A SIGNIFICANT ESCALATION, said Rutte.") == ["ESCALATION"]


def test_whole_words_only():
    # "strike" is an exact word: not inside "strikers"; "deploy*" needs a word start, so
    # "redeployed" (moving units already in the field) is not counted as a deployment.
    text = (
        "The strikers at the shipyard ignored the strike call. Russia redeployed units from "
        "Kherson before it deployed North Korean troops."
    )
    assert matched_words(text) == ["strike", "deployed"]


def test_hyphen_before_a_term_changes_it_hyphen_after_does_not():
    text = (
        "Calls for de-escalation grew at an anti-war rally, while escalation-prone rhetoric spread."
    )
    assert [(term, found) for term, found, _ in matches(text)] == [
        ("de-escalat*", "de-escalation"),
        ("escalat*", "escalation"),
    ]


def test_phrase_split_by_a_line_break_and_spaces():
    text = "Putin lowered the threshold for a nuclear\nstrike and tested a ballistic   missile."
    hits = find_hits(text, LEXICON)
    assert [(h.term.entry, text[h.char_start : h.char_end]) for h in hits] == [
        ("nuclear strike+", "nuclear\nstrike"),
        ("ballistic-missile+", "ballistic   missile"),
    ]


def test_windows_line_breaks_tabs_and_hostile_text():
    text = "A nuclear\r\n\tstrike.\u00a0Escalation\u200b; \x00threat\ufeff"
    assert matched_words(text) == ["nuclear\r\n\tstrike", "Escalation", "threat"]
    assert find_hits("", LEXICON) == []
    assert find_hits("!!! ... ---", LEXICON) == []


def test_phrase_does_not_cross_punctuation_and_longest_match_wins():
    text = "It was nuclear, strike teams said. A nuclear strike is not a strike."
    assert matches(text) == [
        ("nuclear", "nuclear", False),
        ("strike", "strike", False),
        ("nuclear strike+", "nuclear strike", False),
        ("strike", "strike", True),
    ]


def test_hyphenated_compound_and_joined_spelling_of_a_hyphenated_term():
    text = "The ceasefire broke down; a new cease-fire and a cease\nfire were proposed."
    assert matched_words(text) == ["ceasefire", "cease-fire", "cease\nfire"]


# --- negation ---------------------------------------------------------------------------------

DENY = parse_lexicon('[framing]\nterms = ["deny+", "deploy*"]\n', name="framing.toml")


@pytest.mark.parametrize(
    ("sentence", "word", "negated"),
    [
        ("There has been no escalation on the Korean peninsula, Seoul said.", "escalation", True),
        ("North Korean troops are not a threat to Europe, the minister argued.", "threat", True),
        ("Moscow has never threatened to use them, Peskov said.", "threatened", True),
        ("The talks ended without a ceasefire.", "ceasefire", True),
        ("Officials don't see an escalation yet.", "escalation", True),
        ("Officials don’t see an escalation yet.", "escalation", True),
        ("There is no ceasefire, but the escalation continues.", "ceasefire", True),
        ("There is no ceasefire, but the escalation continues.", "escalation", False),
        ("Lavrov did not rule out a nuclear strike.", "nuclear strike", False),  # double negative
        ("This is not only an escalation but a provocation.", "escalation", False),
        ("Nobody doubts the escalation, a diplomat said.", "escalation", False),
        ("There is no doubt this is an escalation.", "escalation", False),
        ("No one in Kyiv doubted that the summer offensive had begun.", "offensive", False),
        ("Seoul said it was a significant escalation.", "escalation", False),
    ],
)
def test_negation_within_the_clause(sentence: str, word: str, negated: bool):
    found = {sentence[h.char_start : h.char_end]: h.negated for h in find_hits(sentence, LEXICON)}
    assert found[word] is negated


def test_does_not_deny_negates_deny_but_not_what_is_not_denied():
    text = "The Kremlin does not deny the deployment. Pyongyang denied any deployment."
    assert [(found, negated) for _, found, negated in matches(text, DENY)] == [
        ("deny", True),
        ("deployment", False),
        ("denied", False),
        ("deployment", True),
    ]


# --- voice, boilerplate, repeats ----------------------------------------------------------------


def test_voice_from_quote_spans_narrator_otherwise():
    text = (
        "Rutte said the deployment represented a significant escalation. "
        "The deployment followed months of talks."
    )
    article = article_from_text(text, outlet="Wire")
    quote = rutte_reports(article, "the deployment represented a significant escalation")
    result = tables([article], LEXICON, {article.article_id: [quote]})
    hits = result["escalation_hits"]
    assert hits[["matched", "voice", "speaker"]].values.tolist() == [
        ["deployment", "quoted", "Mark Rutte"],
        ["escalation", "quoted", "Mark Rutte"],
        ["deployment", "narrator", ""],
        ["talks", "narrator", ""],
    ]


def test_direct_quote_found_by_the_quotes_module_is_quoted():
    text = (
        "“This is a dangerous expansion of the war,” NATO Secretary General Mark Rutte told "
        "reporters in Brussels on Monday.\n\nThe alliance met on Tuesday."
    )
    article = article_from_text(text, outlet="Wire")
    quotes = {article.article_id: find_quotes(article, load_actors(SHIPPED_STORY))}
    hits = tables([article], LEXICON, quotes)["escalation_hits"]
    assert hits[["matched", "voice"]].values.tolist() == [
        ["dangerous", "quoted"],
        ["expansion of the war", "quoted"],
    ]
    assert set(hits["speaker"]) == {"Mark Rutte"}


def test_boilerplate_and_repeated_sentences_are_not_counted():
    text = (
        "Rutte called it a significant escalation.\n\n"
        "Rutte called it a significant escalation.\n\n"
        "Missile strike on a Kyiv suburb (Image: Getty)\n"
    )
    article = article_from_text(text, outlet="Wire")
    hits = tables([article], LEXICON, {})["escalation_hits"]
    assert hits["char_start"].tolist() == [text.index("escalation")]


# --- tables -----------------------------------------------------------------------------------


def test_tables_have_the_schema_columns(shipped_tables):
    for name in ("escalation_hits", "escalation_rates", "keyness", "top_terms"):
        assert list(shipped_tables[name].columns) == schema.columns(name)


def test_every_hit_is_found_in_its_sentence_at_its_offsets(shipped_corpus, shipped_tables):
    articles = {a.article_id: a for a in shipped_corpus.articles}
    hits = shipped_tables["escalation_hits"]
    assert len(hits) > 40
    for hit in hits.itertuples():
        article = articles[hit.article_id]
        raw = article.raw_text[hit.char_start : hit.char_end]
        assert raw.split() == hit.matched.split()
        sentence = next(s for s in article.sentences if article.sentence_id(s) == hit.sentence_id)
        assert sentence.counted
        assert sentence.char_start <= hit.char_start < hit.char_end <= sentence.char_end
        offset = hit.char_start - sentence.char_start
        assert sentence.text[offset : offset + len(raw)].split() == hit.matched.split()
        assert hit.sentence == sentence.text


def test_every_category_appears_for_every_outlet_and_article(shipped_corpus, shipped_tables):
    everything = shipped_tables["escalation_rates"]
    n_categories = len(LEXICON.categories)
    outlets = {a.outlet for a in shipped_corpus.articles}
    for register in ("all", "evaluative", "descriptive"):
        rates = everything[everything["register"] == register]
        assert len(rates[rates["level"] == "outlet"]) == len(outlets) * n_categories
        assert (
            len(rates[rates["level"] == "article"]) == len(shipped_corpus.articles) * n_categories
        )
    assert set(everything["register"]) == {"all", "evaluative", "descriptive"}


def test_register_rows_split_the_all_rows(shipped_tables):
    rates = shipped_tables["escalation_rates"]
    keys = ["level", "outlet", "article_id", "category"]
    by = {
        r: rates[rates["register"] == r].set_index(keys)
        for r in ("all", "evaluative", "descriptive")
    }
    for column in ("hits", "hits_narrator"):
        assert (by["evaluative"][column] + by["descriptive"][column]).equals(by["all"][column])
    hits = shipped_tables["escalation_hits"]
    counted = hits[~hits["negated"]]
    assert (
        by["evaluative"]["hits"].xs("outlet").sum() == (counted["register"] == "evaluative").sum()
    )
    assert set(hits["register"]) == {"evaluative", "descriptive"}
    assert list(hits.columns)[-1] == "register"


def test_every_rate_has_its_interval_and_the_flag(shipped_tables):
    rates = shipped_tables["escalation_rates"]
    assert (rates["per_1000_words_low"] <= rates["per_1000_words"] + 1e-12).all()
    assert (rates["per_1000_words"] <= rates["per_1000_words_high"]).all()
    inside = (rates["per_1000_words_low"] <= rates["corpus_per_1000_words"]) & (
        rates["corpus_per_1000_words"] <= rates["per_1000_words_high"]
    )
    assert rates["like_corpus"].equals(inside | (rates["words"] <= 0))
    outlets = rates[(rates["level"] == "outlet") & (rates["register"] == "all")]
    corpus = outlets.groupby("category").apply(
        lambda g: g["hits"].sum() * 1000 / g["words"].sum(), include_groups=False
    )
    assert outlets["corpus_per_1000_words"].tolist() == pytest.approx(
        outlets["category"].map(corpus).tolist()
    )


def test_rates_exclude_negated_hits_and_split_narrator_from_quoted():
    text = (
        "There has been no escalation, the ministry said.\n\n"
        "The deployment is a significant escalation, Rutte said."
    )
    article = article_from_text(text, outlet="Wire")
    quote = rutte_reports(article, "The deployment is a significant escalation")
    rates = tables([article], LEXICON, {article.article_id: [quote]})["escalation_rates"]
    rates = rates[rates["register"] == "all"]
    military = rates[(rates["level"] == "article") & (rates["category"] == "Military escalation")]
    assert military["hits"].item() == 2  # "deployment", "escalation"; the negated one is left out
    assert military["hits_narrator"].item() == 0  # both are Rutte's words
    assert military["words"].item() == article.words == 16  # 8 + 8 words
    assert military["per_1000_words"].item() == pytest.approx(2 * 1000 / 16)
    assert military["per_1000_words_narrator"].item() == 0


def test_an_edited_lexicon_drives_the_tables():
    edited = LEXICON.text + '\n[manpower]\nlabel = "Manpower"\nterms = ["soldier+", "troop+"]\n'
    lexicon = parse_lexicon(edited)
    article = article_from_text("Pyongyang sent 10,000 soldiers and more troops.", outlet="Wire")
    result = tables([article], lexicon, {})
    rates = result["escalation_rates"]
    rates = rates[rates["register"] != "descriptive"]  # no register written: every term evaluative
    assert rates[rates["category"] == "Manpower"]["hits"].tolist() == [
        2,
        2,
        2,
        2,
    ]  # all, evaluative
    assert set(rates["category"]) == set(lexicon.labels)


def test_per_1000_words_by_hand_for_the_daily_express(shipped_corpus, shipped_tables):
    # Counted by hand in data/corpus/000_*.txt (Daily Express), category "Desperation and
    # weakness", sentence by sentence (boilerplate left out):
    #   "act of desperation" (headline)                      1
    #   "Putin's growing desperation"                        2
    #   "the mounting difficulties it faces"                 3
    #   "battlefield losses and resource shortages"          4, 5
    #   "significant weaknesses in Russia's war effort"      6
    #   "a level of desperation in relation to Russia"       7
    #   "struggling ... a shortage ... dwindling resources"  8, 9, 10
    #   "a difficult position ... casualties ... strain"     11, 12, 13
    #   "an act of desperation than anything else"           14
    hits_by_hand = 14
    article = next(a for a in shipped_corpus.articles if a.file.startswith("000_"))
    words = article_row(article)["words"]
    rates = shipped_tables["escalation_rates"]
    rates = rates[rates["register"] == "all"]
    row = rates[
        (rates["level"] == "article")
        & (rates["article_id"] == article.article_id)
        & (rates["category"] == "Desperation and weakness")
    ]
    assert row["hits"].item() == hits_by_hand
    assert row["words"].item() == words
    assert row["per_1000_words"].item() == pytest.approx(hits_by_hand * 1000 / words)
    outlet = rates[(rates["level"] == "outlet") & (rates["outlet"] == article.outlet)]
    assert outlet["words"].iloc[0] == words  # the outlet has this one article


def test_top_terms_are_ranked_per_outlet(shipped_tables):
    top = shipped_tables["top_terms"]
    for _, group in top.groupby("outlet"):
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
        assert group["hits"].is_monotonic_decreasing


def test_empty_input_gives_empty_tables():
    result = tables([], LEXICON, {})
    assert all(frame.empty for frame in result.values())
    assert list(result["escalation_hits"].columns) == schema.columns("escalation_hits")
