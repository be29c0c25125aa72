"""Actors file: shipped lexicon, validation messages, matching and affiliation from titles."""

from __future__ import annotations

import pytest

from analysis.world.story import SHIPPED_STORY, load_actors, parse_actors
from analysis.world.toml_files import LexiconError

ACTORS = load_actors(SHIPPED_STORY)


def test_shipped_actors_cover_the_camps_of_the_story():
    camps = {a.name: a.camp for a in ACTORS.actors}
    assert camps["Russia"] == camps["North Korea"] == "Russia/DPRK"
    assert camps["Ukraine"] == "Ukraine"
    assert camps["NATO"] == camps["United Kingdom"] == camps["United States"] == "West"
    assert ACTORS.core_claim is not None and ACTORS.core_claim.subject == "North Korea"


def test_mentions_are_whole_words_and_case_sensitive():
    text = "The Kremlin said Russian troops and Nato met the West in western Russia's Kursk region."
    found = [(m.actor, m.matched) for m in ACTORS.mentions(text)]
    assert found == [
        ("Russia", "Kremlin"),
        ("Russia", "Russian"),
        ("NATO", "Nato"),
        ("the West", "the West"),
        ("Russia", "Russia"),
    ]
    assert ACTORS.mentions("Prussian usage, russian words") == []


@pytest.mark.parametrize(
    "name, title, actor",
    [
        ("Andrii Sybiha", "Ukrainian Foreign Minister", "Ukraine"),
        ("Mark Rutte", "", "NATO"),
        ("Oleksiy Reznikov", "Ukrainian Defence Minister", "Ukraine"),
        ("", "North Korean representative to the UN", "North Korea"),
        ("Jane Doe", "Nato Secretary-General", "NATO"),
        ("Sergei Lavrov", "", "Russia"),
    ],
)
def test_affiliation_from_list_or_title(name, title, actor):
    assert ACTORS.affiliation(name, title).name == actor


def test_full_name_of_a_listed_official_from_the_surname():
    assert ACTORS.person("Starmer")[0] == "Keir Starmer"
    assert ACTORS.person("Nobody") is None


@pytest.mark.parametrize(
    "text, problem",
    [
        ('[actors."X"]\naliases = ["X"]\nkind = 3\n', "kind must be a string"),
        ('[actors."X"]\ncamp = "A"\naliases = "X"\n', "list of non-empty strings"),
        ('[actors."X"]\ncamp = "A"\ncolour = "red"\n', "unknown keys"),
        (
            '[actors."X"]\ncamp = "A"\naliases = ["Y"]\n[actors."Z"]\ncamp = "B"\naliases = ["Y"]\n',
            "listed for",
        ),
        (
            '[actors."X"]\ncamp = "A"\n[core_claim]\nsubject = "Q"\nhost = "X"\n',
            "must name an actor",
        ),
        ('[actors."X"\ncamp = "A"\n', "TOML syntax error"),
        ("title = 'nothing'\n", "unknown table 'title'"),
        ('[camps."A"]\nactors = ["Atlantis"]\n', "'Atlantis' is not an actor"),
        ('[camps."A"]\nactors = ["Chad"]\n[camps."B"]\nactors = ["Chad"]\n', "in the camps"),
        ('[outlets."X"]\nregion = "Gulf"\n', "only the keys group and country"),
    ],
)
def test_bad_actor_files_name_the_problem(text, problem):
    with pytest.raises(LexiconError, match="editor") as error:
        parse_actors(text)
    assert problem in str(error.value)


def test_error_names_the_line():
    with pytest.raises(LexiconError) as error:
        parse_actors('[actors."A"]\ncamp = "West"\n\n[camps."B"]\nactors = ["Nowhere"]\n')
    assert error.value.line == 4


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_actors(tmp_path / "nope.toml")


WORLD = load_actors()


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Tehran denied it.", "Iran"),
        ("The IDF said two drones fell.", "Israel"),
        ("Israelis and Egyptians met.", "Israel"),
        ("RSF fighters shelled the town.", "Rapid Support Forces"),
        ("the Houthis fired again", "Houthis"),
        ("The Élysée said nothing.", "France"),
        ("a Taiwanese coast guard ship", "Taiwan"),
        ("Sudanese Armed Forces spokesman", "Sudan"),
        ("the Pentagon press secretary", "United States"),
        ("Congo's army retook Sake", "Democratic Republic of the Congo"),
        ("by the Democratic Republic of Congo", "Democratic Republic of the Congo"),
        ("the Republic of Congo's capital", "Republic of the Congo"),
    ],
)
def test_world_gazetteer_knows_countries_bodies_and_institutions(text, actor):
    assert WORLD.mentions(text)[0].actor == actor


def test_world_gazetteer_each_actor_its_own_camp_and_no_claim():
    assert WORLD.camp("Sudan") == "Sudan" and WORLD.camp("NATO") == "NATO"
    assert WORLD.core_claim is None
    assert WORLD.camp_label("Israel") == "Israeli"
    assert len(WORLD.actors) > 200


def test_matching_is_leftmost_longest_and_whole_word():
    found = [
        (m.actor, m.matched) for m in WORLD.mentions("South Sudanese and Sudanese; USAID, U.S.")
    ]
    assert found == [
        ("South Sudan", "South Sudanese"),
        ("Sudan", "Sudanese"),
        ("United States", "U.S."),
    ]


def test_regrouping_camps_shares_the_matcher():
    grouped = WORLD.regrouped({"Israel": "Axis A", "United States": "Axis A"})
    assert grouped.camp("Israel") == grouped.camp("United States") == "Axis A"
    assert WORLD.camp("Israel") == "Israel"
    assert grouped.mentions("Israel") == WORLD.mentions("Israel")


def test_matcher_finds_what_one_big_alternation_regex_finds(shipped_corpus):
    import re

    actors = load_actors(SHIPPED_STORY)
    names = sorted(actors._by_alias, key=len, reverse=True)
    regex = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")
    for article in shipped_corpus.articles:
        found = [(m.start, m.matched) for m in actors.mentions(article.raw_text)]
        assert found == [(m.start(), m.group(0)) for m in regex.finditer(article.raw_text)]


def test_a_language_pack_adds_its_name_forms_to_the_world_gazetteer_for_its_articles():
    from analysis.voices.packs import actors_for
    from analysis.world.actors import world as world_actors

    world = world_actors()
    russian = actors_for(world, "ru")
    russia, in_russian = world.get("Russia"), russian.get("Russia")
    assert "Россия" not in russia.aliases and "Россия" in in_russian.aliases
    assert (in_russian.kind, in_russian.demonym, in_russian.camp) == (
        russia.kind,
        russia.demonym,
        russia.camp,
    )  # only names are added: what the gazetteer says of the actor stays
    assert {m.actor for m in russian.mentions("Путин и Кремль")} == {"Russia"}
    assert actors_for(world, "sw") is world  # no names file: the gazetteer as it is


@pytest.mark.parametrize(
    "language, text, actor",
    [
        ("pt", "Ruanda negou a acusação.", "Rwanda"),
        ("it", "Il Ciad ha chiuso il confine.", "Chad"),
        ("tr", "Ruanda'yı suçladı.", "Rwanda"),
        ("zh", "卢旺达否认了这一指控。", "Rwanda"),
        ("ar", "وصل الوفد إلى الأردن.", "Jordan"),  # the article written onto the name
        ("ko", "르완다는 부인했다.", "Rwanda"),  # with the pack's particles
        ("he", "רואנדה הכחישה.", "Rwanda"),
    ],
)
def test_every_country_is_known_by_its_name_in_every_pack_language(language, text, actor):
    from analysis.voices.packs import actors_for
    from analysis.world.actors import world as world_actors

    assert [m.actor for m in actors_for(world_actors(), language).mentions(text)] == [actor]


@pytest.mark.parametrize(
    "language, text",
    [
        ("ar", "قدمت دعما مالي"),  # 'financial', not Mali
        ("fa", "کمک مالی به دولت"),
        ("fr", "Maurice Dupont a parlé."),  # a first name, not Mauritius
        ("ru", "Того же дня."),  # 'of that', not Togo
    ],
)
def test_a_country_name_that_is_an_everyday_word_in_that_language_is_left_out(language, text):
    from analysis.voices.packs import actors_for
    from analysis.world.actors import world as world_actors

    assert actors_for(world_actors(), language).mentions(text) == []


def test_officials_the_news_quotes_most_are_known_without_a_title_or_story_file():
    from analysis.ingest.article import article_from_text
    from analysis.voices.attribution import quotes_of
    from analysis.world.actors import world as world_actors

    article = article_from_text(
        "The talks stalled on Tuesday. But Putin said Moscow would not withdraw its forces. "
        "Netanyahu told reporters the offer still stood. Araghchi said Tehran would respond."
    )
    assert [(q.speaker, q.affiliation) for q in quotes_of(article, world_actors())] == [
        ("Vladimir Putin", "Russia"),  # 'But' opens the sentence; it is no part of the name
        ("Benjamin Netanyahu", "Israel"),
        ("Abbas Araghchi", "Iran"),
    ]


def test_text_without_a_capital_holds_no_capitalised_alias():
    assert ACTORS.mentions("troops from the north crossed the river at dawn") == []
    assert [m.matched for m in ACTORS.mentions("Lithuanian troops crossed")] == ["Lithuanian"]


def test_a_lower_case_alias_is_still_found_in_lower_case_text():
    actors = parse_actors('[actors."Grid"]\ncamp = "Grid"\naliases = ["grid operators"]\n')
    found = actors.mentions("power was cut by grid operators on monday")
    assert [(m.actor, m.matched, m.start) for m in found] == [("Grid", "grid operators", 17)]


def test_remembered_affiliations_belong_to_their_own_actor_list(monkeypatch):
    story = parse_actors('[actors."Sahel Relief Mission"]\npeople = ["Amina Toure"]\n')
    for _ in range(2):  # asked again: the remembered answer, each list its own
        assert WORLD.affiliation("Amina Toure", "mission chief") is None
        assert story.affiliation("Amina Toure", "mission chief").name == "Sahel Relief Mission"
    monkeypatch.setattr(
        "analysis.world.actors.MEMO_LIMIT", 2
    )  # a full memo starts afresh, same answers
    titles = ["Kenyan Foreign Minister", "the Brazilian envoy", "a French diplomat", "Amina Toure"]
    for title in titles * 2:
        expected = story._affiliation("", title)
        assert story.affiliation("", title) == expected
        assert len(story.memo("affiliation")) <= 2


@pytest.mark.parametrize(
    "name, title, actor",
    [
        ("Therese Kayikwamba Wagner", "", None),  # a surname, not the Wagner Group
        (
            "Therese Kayikwamba Wagner",
            "Congo's foreign minister",
            "Democratic Republic of the Congo",
        ),
        ("Richard Jordan", "", None),
        ("The Houthis", "", "Houthis"),
        ("Yemen's Houthis", "", "Yemen"),
        ("Wagner", "", "Wagner Group"),
        ("Pakistan Army", "", "Pakistan"),
    ],
)
def test_an_alias_ending_a_persons_name_is_no_affiliation(name, title, actor):
    found = WORLD.affiliation(name, title)
    assert (found.name if found else None) == actor


def test_a_pack_drops_an_alias_its_press_uses_for_something_else():
    from analysis.voices.packs import actors_for
    from analysis.world.actors import world as world_actors

    text = "Selon RSF, 54 journalistes ont été tués ; les FSR assiègent El Fasher."
    assert [m.matched for m in actors_for(world_actors(), "fr").mentions(text)] == ["FSR"]
    assert [m.actor for m in world_actors().mentions("The RSF shelled El Fasher.")] == [
        "Rapid Support Forces"
    ]
