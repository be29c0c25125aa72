"""Any story: hand-written corpora about other stories (a Sudan truce, Taiwan strait drills, an
Iranian drone strike on Israel: written after the rules, scored once before any fix) analysed with
no story file, and the story file's loader and validator."""

from __future__ import annotations

import json

import pytest

from analysis.cli import main
from analysis.ingest.corpus import load_corpus
from analysis.pipeline import analyse, map_corpus, reduce_tables
from analysis.stance.measures import measures
from analysis.world.story import SHIPPED_STORY, camps_text, load_story, parse_story, story_in
from analysis.world.toml_files import LexiconError
from tests.paths import DATA

STORIES = DATA / "stories"
NAMES = ["sudan", "taiwan", "strike"]
SHIPPED_WORDS = ["North Korea", "Pyongyang", "Kursk", "DPRK", "Russia/DPRK", "Western"]


@pytest.fixture(scope="module", params=NAMES)
def story(request) -> tuple[dict, dict]:
    folder = STORIES / request.param
    assert story_in(folder) is None  # these corpora have no story file
    labels = json.loads((STORIES / f"{request.param}.labels.json").read_text(encoding="utf-8"))
    return analyse(load_corpus(folder)), labels


def test_no_trace_of_the_shipped_story(story):
    tables, _ = story
    text = " ".join(tables["summaries"]["summary"]) + " ".join(tables["framing"]["claim"])
    camps = set(tables["quotes"]["camp"]) | set(tables["stance"]["actor"])
    for word in SHIPPED_WORDS:
        assert word not in text
        assert word not in camps


def test_the_storys_own_actors_are_camps(story):
    tables, labels = story
    assert set(labels["actors"]) <= set(tables["stance"]["actor"])
    named = tables["quotes"][tables["quotes"]["affiliation"] != ""]
    assert (named["camp"] == named["affiliation"]).all()  # each actor its own camp


def test_named_officials_are_attributed(story):
    tables, labels = story
    quotes = tables["quotes"]
    right = measures(tables, labels)["speakers_right"]
    assert right >= 0.6, quotes[["speaker", "affiliation"]].to_string()
    for speaker in labels["speakers"]:
        assert (quotes["speaker"] == speaker).any(), speaker


def test_summaries_frame_the_corpus_own_main_claim(story):
    tables, labels = story
    claims = set(tables["framing"].query("figure_ref == ''")["claim"])
    assert len(claims) == 1 and labels["main_claim"] in claims.pop()
    framed = [s for s in tables["summaries"]["summary"] if f"frames {labels['main_claim']}" in s]
    assert len(framed) >= 3


def test_measures_per_story(story):
    tables, labels = story
    found = measures(tables, labels)
    assert found["actors_found"] == 1.0
    assert found["quoted_words_with_camp"] >= 0.6


def test_a_bare_surname_resolves_through_another_article(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Egypt's Foreign Minister Badr Abdelatty flew to Port Sudan on Monday.\n\n"
        "He met army leaders there for two hours.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Aid trucks crossed the border at dawn.\n\n"
        "“The crossings must stay open,” Abdelatty said after the meeting.\n",
        encoding="utf-8",
    )
    quotes = analyse(load_corpus(tmp_path))["quotes"]
    said = quotes[quotes["text"].str.contains("crossings")].iloc[0]
    assert (said["speaker"], said["affiliation"], said["camp"]) == (
        "Badr Abdelatty",
        "Egypt",
        "Egypt",
    )


def test_an_outlet_with_its_own_count_is_told_so_not_that_it_says_nothing(tmp_path):
    wire = "Source: {outlet}\n\nAt least 47 civilians were killed in shelling near Goma, officials said.\n"
    for outlet in ("Meridian Wire", "Coastal Herald", "Lakeside Post"):
        (tmp_path / f"{outlet[:4]}.txt").write_text(wire.format(outlet=outlet), encoding="utf-8")
    (tmp_path / "own.txt").write_text(
        "Source: Kigali Daily\n\nHealth officials said dozens of people had been killed near "
        "Goma.\n\nTalks resumed on Friday.\n",
        encoding="utf-8",
    )
    (tmp_path / "none.txt").write_text(
        "Source: Hill Times\n\nTalks resumed on Friday in Doha.\n", encoding="utf-8"
    )
    summaries = analyse(load_corpus(tmp_path))["summaries"].set_index("outlet")["summary"]
    assert "frames 47 civilians killed as" in summaries["Meridian Wire"]
    own = summaries["Kigali Daily"]
    assert "gives dozens (people killed) where most outlets give 47 civilians killed" in own
    assert "does not state the claim of 47 civilians killed" in summaries["Hill Times"]


def test_a_name_with_two_surnames_resolves_but_not_to_a_title_glued_to_a_name(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Peru's Interior Minister Carmen Rojas Villanueva visited the border post on Friday.\n\n"
        "President Irfaan Ali said the talks would go on.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Police reinforcements arrived overnight.\n\n"
        "“The checkpoints will stay,” Rojas Villanueva said on Saturday.\n\n"
        "“We want calm,” Rojas said later.\n\n"
        "“Nobody wants a closed border,” Irfaan Ali told reporters.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Guyanas Präsident Irfaan Ali kam am Montag an.\n", encoding="utf-8"
    )
    quotes = analyse(load_corpus(tmp_path))["quotes"].set_index("text")
    for text in ("The checkpoints will stay", "We want calm"):
        assert (quotes.loc[text, "speaker"], quotes.loc[text, "affiliation"]) == (
            "Carmen Rojas Villanueva",
            "Peru",
        )
    assert quotes.loc["Nobody wants a closed border", "speaker"] == "Irfaan Ali"


def test_camps_regroup_in_the_reduce_only():
    corpus = load_corpus(STORIES / "sudan")
    mapped, report, rules = map_corpus(corpus)
    grouped = reduce_tables(
        mapped, report, rules, {"Saudi Arabia": "Mediators", "United States": "Mediators"}
    )
    quotes = grouped["quotes"].set_index("speaker")
    assert quotes.loc["Tom Perriello", "camp"].iloc[0] == "Mediators"
    assert quotes.loc["Faisal bin Farhan", "camp"].iloc[0] == "Mediators"
    assert grouped["framing"].equals(reduce_tables(mapped, report, rules)["framing"])


def test_shipped_story_file_restores_the_camps_and_claim():
    story = load_story(SHIPPED_STORY)
    assert story.actors.camp("South Korea") == "West"
    assert story.actors.camp_label("Russia/DPRK") == "Russian/North Korean"
    assert story.actors.core_claim.subject == "North Korea"
    assert story.actors.camp("Sudan") == "Sudan"  # the rest of the world stays its own camp


def test_story_file_outlets_and_camps_text_round_trip():
    text = camps_text({"Mediators": ["Saudi Arabia", "United States"]}, {"Mediators": "mediators'"})
    text += '\n[outlets."Gulf Daily Herald"]\ngroup = "Gulf"\ncountry = "Bahrain"\n'
    story = parse_story(text)
    assert story.actors.camp("United States") == "Mediators"
    assert story.outlets["Gulf Daily Herald"] == {"group": "Gulf", "country": "Bahrain"}


def test_outlet_groups_from_the_story_file(tmp_path):
    for name in ("wire.txt", "gulf_paper.txt"):
        (tmp_path / name).write_bytes((STORIES / "sudan" / name).read_bytes())
    story = parse_story('[outlets."Gulf Daily Herald"]\ngroup = "Gulf"\ncountry = "Bahrain"\n')
    articles = analyse(load_corpus(tmp_path), story=story)["articles"].set_index("outlet")
    assert articles.loc["Gulf Daily Herald", "outlet_group"] == "Gulf"
    assert articles.loc["Gulf Daily Herald", "outlet_country"] == "Bahrain"
    assert articles.loc["Global Wire Service", "outlet_group"] == ""


def test_bad_story_file_names_the_line(tmp_path):
    bad = tmp_path / "story.toml"
    bad.write_text('[story]\ntitle = "x"\n\n[camps."A"]\nactors = ["Atlantis"]\n', "utf-8")
    with pytest.raises(LexiconError) as error:
        load_story(bad)
    assert error.value.line == 4 and "Atlantis" in str(error.value)


def test_cli_story_flag_and_the_corpus_own_story_file(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("wire.txt", "gulf_paper.txt"):
        (corpus / name).write_bytes((STORIES / "sudan" / name).read_bytes())
    story = tmp_path / "mine.toml"
    story.write_text('[camps."Mediators"]\nactors = ["Saudi Arabia", "United States"]\n', "utf-8")
    assert main(["export", str(corpus), "--out", str(tmp_path / "a"), "--story", str(story)]) == 0
    assert "Mediators" in (tmp_path / "a" / "quotes.csv").read_text(encoding="utf-8")
    (corpus / "story.toml").write_text('[camps."Gulf"]\nactors = ["Saudi Arabia"]\n', "utf-8")
    assert main(["export", str(corpus), "--out", str(tmp_path / "b"), "--no-cache"]) == 0
    out = tmp_path / "b"
    assert "Gulf" in (out / "quotes.csv").read_text(encoding="utf-8")
    assert "story.toml" not in (out / "load_report.csv").read_text(encoding="utf-8")
    (corpus / "story.toml").write_text('[camps."Gulf"]\nactors = "Saudi Arabia"\n', "utf-8")
    assert main(["export", str(corpus), "--out", str(tmp_path / "c")]) == 2
    assert "story.toml, line 2" in capsys.readouterr().err


def test_every_table_sums_outlets_by_group():
    corpus = load_corpus(STORIES / "sudan")
    story = parse_story(
        '[outlets."Global Wire Service"]\ngroup = "wires and radio"\n'
        '[outlets."Continental Radio"]\ngroup = "wires and radio"\n'
    )
    mapped, report, rules = map_corpus(corpus, story=story)
    tables = reduce_tables(mapped, report, rules, by_group=True)
    expected = {"wires and radio", "Gulf Daily Herald", "Sudan News Agency"}
    for name in ("articles", "quotes", "stance", "summaries", "escalation_rates", "framing"):
        assert set(tables[name]["outlet"]) <= expected, name
    assert set(tables["summaries"]["outlet"]) == expected


def test_a_month_date_is_kept_with_its_precision(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Title: Talks resume\nDate: 2024-11\n\nMediators met in Jeddah on Monday.\n", "utf-8"
    )
    (tmp_path / "sources.csv").write_text(
        "file,outlet,outlet_group,outlet_country\na.txt,Radio One,broadcasters,Kenya\n", "utf-8"
    )
    row = analyse(load_corpus(tmp_path))["articles"].iloc[0]
    assert (row["published"], row["published_precision"]) == ("2024-11", "month")
    assert (row["outlet_group"], row["outlet_country"]) == ("broadcasters", "Kenya")


@pytest.mark.parametrize(
    "sentence, speaker, affiliation",
    [
        ("Russia's defence ministry spokesman Igor Konashenkov said the strikes hit depots.",
         "Igor Konashenkov", "Russia"),
        ("Houthi military spokesman Yahya Saree said the group fired two missiles at the ship.",
         "Yahya Saree", "Houthis"),
        ("Hezbollah leader Naim Qassem said in a televised speech that it would not disarm.",
         "Naim Qassem", "Hezbollah"),
        ("WHO Director-General Tedros Adhanom Ghebreyesus said hospitals were overwhelmed.",
         "Tedros Adhanom Ghebreyesus", "World Health Organization"),
        ("Venezuelan President Nicolás Maduro said the country would defend its sovereignty.",
         "Nicolás Maduro", "Venezuela"),
        ('"We will not accept this," said Mexican President Claudia Sheinbaum.',
         "Claudia Sheinbaum", "Mexico"),
        ("Pakistan's military said Indian jets had violated its airspace.",
         "Pakistan's military", "Pakistan"),
        ("A spokesman for the Iranian defence ministry said the drones hit military targets.",
         "spokesman for the Iranian defence ministry", "Iran"),
        ("The province's governor Ali Salehi said three people had died.", "Ali Salehi", ""),
        ("Russia has lost 700,000 soldiers, according to the latest U.K. estimates.",
         "U.K. estimates", "United Kingdom"),
    ],
)  # fmt: skip
def test_officials_of_any_country_or_body_get_their_side(sentence, speaker, affiliation):
    from analysis.ingest.article import article_from_text
    from analysis.voices.quotes import find_quotes
    from analysis.world.story import load_actors

    found = find_quotes(article_from_text(f"Fighting went on.\n\n{sentence}\n"), load_actors())
    assert [(q.speaker, q.affiliation) for q in found] == [(speaker, affiliation)]


def test_a_broadcast_transcript_quotes_guests_not_hosts():
    from analysis.ingest.article import article_from_text
    from analysis.voices.quotes import find_quotes
    from analysis.world.story import load_actors

    text = (
        "JANE DOE, HOST:\n\nThe ceasefire held overnight.\n\nJOHN ROE, BYLINE:\n\nI am in the "
        "border town.\n\nAMINA YUSUF: We want to go home.\n\nROE: She fled in March.\n\n"
        "YUSUF: Nobody helps us.\n"
    )
    found = find_quotes(article_from_text(text), load_actors())
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Amina Yusuf", "transcript", "We want to go home."),
        ("Amina Yusuf", "transcript", "Nobody helps us."),
    ]


def test_a_caption_line_names_the_sound_bite_not_a_photo_credit():
    from analysis.ingest.article import article_from_text
    from analysis.voices.quotes import find_quotes
    from analysis.world.story import load_actors

    text = (
        "The budget vote was close.\n\nKim Min-jun / Democratic Party\n“We will block this "
        "budget in the Assembly.”\n\nJohn Smith / Reuters\nProtesters outside the Assembly.\n"
    )
    found = find_quotes(article_from_text(text), load_actors())
    assert [(q.speaker, q.cue) for q in found] == [("Kim Min-jun", "caption")]


def test_an_outlet_in_another_language_is_never_given_a_tone(tmp_path):
    (tmp_path / "en.txt").write_text(
        'Source: Lakeside Post\n\n"We will not sign," Congo\'s foreign minister Thérèse '
        "Kayikwamba Wagner said in Doha.\n",
        encoding="utf-8",
    )
    (tmp_path / "it.txt").write_text(
        "Source: Corriere del Lago\n\n«Non firmeremo», ha detto Thérèse Kayikwamba Wagner a "
        "Doha, dove i colloqui con il Ruanda sono ripresi.\n",
        encoding="utf-8",
    )
    tables = analyse(load_corpus(tmp_path))
    stance = tables["stance"].set_index(["outlet", "actor"])
    # the Italian outlet quotes the DRC (its speaker's side comes from the English article), but
    # no sentence of it is read for tone
    assert stance.loc[("Corriere del Lago", "Democratic Republic of the Congo"), "tone_label"] == (
        "not measured"
    )
    summary = tables["summaries"].set_index("outlet").loc["Corriere del Lago", "summary"]
    assert "tone not measured" in summary
