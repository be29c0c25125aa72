"""Sentence splitting, hard-wrap joining, boilerplate and repeats on real news text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ingest import text as text_module
from analysis.ingest.text import boilerplate_reason, count_words, dateline_length, split_sentences


def texts(raw: str, *, counted_only: bool = False) -> list[str]:
    return [s.text for s in split_sentences(raw) if s.counted or not counted_only]


def test_offsets_map_back_to_raw_text(shipped_corpus):
    for article in shipped_corpus.articles:
        for sentence in article.sentences:
            span = article.raw_text[sentence.char_start : sentence.char_end]
            assert span.replace("\n", " ") == sentence.text


def test_abbreviations_do_not_end_a_sentence():
    raw = (
        "Published on Nov. 20 by the U.S. Department of Defense. Gen. Charles Brown said the "
        "U.S. would respond. Mr. Blinken agreed. It was 3 p.m. in Washington."
    )
    assert texts(raw) == [
        "Published on Nov. 20 by the U.S. Department of Defense.",
        "Gen. Charles Brown said the U.S. would respond.",
        "Mr. Blinken agreed.",
        "It was 3 p.m. in Washington.",
    ]


def test_acronym_at_the_end_of_a_sentence_still_splits():
    assert texts("The aid came from the U.S. The Kremlin objected.") == [
        "The aid came from the U.S.",
        "The Kremlin objected.",
    ]


def test_quotes_and_question_marks_end_sentences():
    raw = "“Is this escalation?” he asked. “Yes,” she said! Then they left."
    assert texts(raw) == ["“Is this escalation?” he asked.", "“Yes,” she said!", "Then they left."]


def test_hard_wrapped_lines_are_joined_but_headlines_are_not():
    raw = (
        "Kyiv warned that Russia had amassed some 50,000 troops, including\n"
        "several thousand North Korean soldiers, to regain control of areas\n"
        "occupied by the Ukrainian army.\n"
        "Strategic partnership agreement with North Korea\n"
        "Putin responded evasively to questions."
    )
    assert texts(raw) == [
        "Kyiv warned that Russia had amassed some 50,000 troops, including several thousand North "
        "Korean soldiers, to regain control of areas occupied by the Ukrainian army.",
        "Strategic partnership agreement with North Korea",
        "Putin responded evasively to questions.",
    ]


def test_wrapped_quote_after_a_comma_is_joined():
    raw = "He stressed the danger represented, according to him,\n“the growing alignment”\nin this war."
    assert texts(raw) == [
        "He stressed the danger represented, according to him, “the growing alignment” in this war."
    ]


def test_page_furniture_is_boilerplate():
    for line in [
        "Putin has turned to North Korea for additional troops (Image: Getty)",
        "Nato Secretary-General Mark Rutte. Picture: YVES HERMAN/REUTERS",
        "Bild: AP/Alexander Kazakov",
        "Vladimir Putin and Kim Jong Un in Pyongyang, June 19, 2024. (POOL / VLADIMIR SMIRNOV)",
        "IPSO Regulated Copyright ©2024 Express Newspapers. All rights reserved.",
        "To write comments, please log in to one of the accounts.",
        "Standards Board Policy (0/250자)",
        "BY WOO JI-WON [[email protected]]",
        "Troops gather near the border. Photo: Anatolii Stepanov/AFP",
    ]:
        assert boilerplate_reason(line), line
    for line in [
        "Rutte said the deployment represented a significant escalation.",
        "The Kremlin had dismissed reports as fake news.",
        "Russia fired 90 missiles (and 60 drones) overnight, the air force said.",
    ]:
        assert not boilerplate_reason(line), line


def test_date_lines_are_recognised_and_left_out():
    assert dateline_length("13:46, Sat, Oct 19, 2024 | UPDATED: 13:48, Sat, Oct 19, 2024") > 20
    assert dateline_length("Published: 20 Nov. 2024, 15:57") == len(
        "Published: 20 Nov. 2024, 15:57"
    )
    assert dateline_length(" date 2024-10-28 Nato chief speaks") == len(" date 2024-10-28 ")
    assert dateline_length("2000 Ukrainian soldiers encircled in Kursk") == 0
    assert dateline_length("10,000 troops by 2025") == 0
    sentences = split_sentences(" date 2024-10-24 North Korea effect?\nPutin spoke in Kazan.")
    assert [(s.text.strip(), s.is_boilerplate) for s in sentences] == [
        ("date 2024-10-24", True),
        ("North Korea effect?", False),
        ("Putin spoke in Kazan.", False),
    ]


def test_repeated_and_reworded_ledes_are_marked_repeats():
    raw = (
        "North Korea sent between 10,000 and 12,000 men to Russia, according to the West\n"
        "Rutte spoke in Brussels on Wednesday.\n"
        "North Korea sent to Russia\nbetween 10,000 and 12,000 men, according to the West.\n"
    )
    sentences = split_sentences(raw)
    assert [s.is_repeat for s in sentences] == [False, False, True]


def test_pull_quote_is_counted_once():
    raw = (
        "We have never doubted that the North Korean leadership takes our agreements seriously.\n"
        "Wladimir Putin\n"
        'Putin spoke in Kazan. "We have never doubted that the North Korean leadership takes our '
        'agreements seriously," said Putin.\n'
    )
    sentences = split_sentences(raw)
    counted = [s.text for s in sentences if s.counted]
    assert counted == [
        "We have never doubted that the North Korean leadership takes our agreements seriously.",
        "Putin spoke in Kazan.",
    ]
    assert sentences[1].is_boilerplate  # the lone name under the pull-quote


def test_similar_but_different_sentences_are_not_repeats():
    raw = "Russia fired 10 missiles at Kyiv on Monday. Russia fired 12 drones at Odesa on Tuesday."
    assert not any(s.is_repeat for s in split_sentences(raw))


def test_word_count():
    assert count_words("Over 600,000 Russian soldiers — killed or wounded — in Putin’s war.") == 10


def test_a_lower_case_sentence_start_after_a_word_still_splits():
    raw = (
        "Seoul and Washington accuse North Korea of sending them. kyiv also warned that Russia had "
        "amassed some 50,000 troops. It was 3 p.m. on Monday, approx. five hours later, e.g. at dusk."
    )
    assert texts(raw) == [
        "Seoul and Washington accuse North Korea of sending them.",
        "kyiv also warned that Russia had amassed some 50,000 troops.",
        "It was 3 p.m. on Monday, approx. five hours later, e.g. at dusk.",
    ]


def furniture(raw: str) -> list[str]:
    return [s.text for s in split_sentences(raw) if s.is_boilerplate]


def test_furniture_inside_a_one_paragraph_body_is_cut_out_as_spans():
    raw = (
        "Flooding forced 12,000 people from their homes in Bavaria, officials said on Sunday. "
        "Rescuers work near Passau (Photo: Lukas Brandt/dpa) Regional police said two bridges "
        "were closed. Copyright 2024 Reuters. All rights reserved."
    )
    kept = texts(raw, counted_only=True)
    assert (
        "Flooding forced 12,000 people from their homes in Bavaria, officials said on Sunday."
        in kept
    )
    assert "Regional police said two bridges were closed." in kept
    assert furniture(raw) == [
        "Rescuers work near Passau (Photo: Lukas Brandt/dpa)",
        "Copyright 2024 Reuters.",
        "All rights reserved.",
    ]


def test_labelled_credit_and_date_line_inside_a_paragraph_end_where_the_text_resumes():
    raw = (
        "Chile election count enters final day Published: 3 Dec. 2023, 09:10 Election officials "
        "counted 1.2 million postal ballots. Foto: AP/Esteban Felix Turnout reached 85 percent, "
        "the electoral service said."
    )
    assert furniture(raw) == ["Published: 3 Dec. 2023, 09:10", "Foto: AP/Esteban Felix"]
    assert texts(raw, counted_only=True) == [
        "Chile election count enters final day",
        "Election officials counted 1.2 million postal ballots.",
        "Turnout reached 85 percent, the electoral service said.",
    ]


def test_a_furniture_line_and_a_caption_line_stay_one_block_each():
    raw = (
        "Harbour workers unload grain in Odesa. Picture: OLEKSANDR GIMANOV/AFP\n"
        "Ships left the port with 40,000 tonnes of wheat.\n"
        "Herald. Home of the Sunday Herald.\n"
    )
    assert furniture(raw) == [
        "Harbour workers unload grain in Odesa. Picture: OLEKSANDR GIMANOV/AFP",
        "Herald. Home of the Sunday Herald.",
    ]
    assert texts(raw, counted_only=True) == ["Ships left the port with 40,000 tonnes of wheat."]


def test_upper_case_brackets_in_running_text_are_not_credits():
    raw = "The alliance (NATO) met in Vilnius. The fund (IMF / World Bank) lent more."
    assert furniture(raw) == []


def _reason_by_definition(line: str) -> str:
    """boilerplate_reason as first written: every pattern searched in the line as it is."""
    for reason, pattern in text_module.BOILERPLATE_PATTERNS:
        if pattern.search(line):
            return reason
    if text_module._LONE_NAME_RE.match(line) and len(line.strip()) < 40:
        return "pull-quote attribution"
    return ""


FURNITURE_LINES = [
    "COPYRIGHT 2025 Harbour Times. All Rights Reserved.",
    "© Island Herald",
    "Photo: Ana Ferreira/REUTERS",
    "A ferry burns near the port (Image: Coast Guard)",
    "The ferry was towed away / AFP",
    "To Leave A Comment, log in to one of your accounts",
    "Sign Up For our newsletter. Follow Us On social media. Read More: the strike",
    "Harbour Times, Home Of The Coast.",
    "[email protected]",
    "Related Articles:",
    "(3/12) Dockworkers on the picket line",
    "İstanbul'da grev sürüyor: ALL RİGHTS RESERVED",  # dotted capital I: matched as i by re
    "ſubscribe to our newsletter",  # long s: matched as s by re
    "Home of the \u212aing's harbour.",  # Kelvin sign: matched as k by re
    "Read more: ıt is what ıt is",
    "The union said 4,000 dockworkers stayed off the job on Tuesday.",
    "Ölçüm: Straße, ÆØÅ, Ǆemal — ΣΟΦΙΑ said “no”.",
    "",
]


def test_furniture_found_in_the_lower_cased_line_as_in_the_line():
    for line in FURNITURE_LINES + [line.upper() for line in FURNITURE_LINES]:
        assert text_module.boilerplate_reason(line) == _reason_by_definition(line), line


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([line for line in FURNITURE_LINES if line]),
            st.text(alphabet=st.sampled_from(list("aAsSkKiI İıſ\u212a©/()[]:.,!?0123456789éÉß"))),
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_furniture_found_alike_in_any_mix_of_text(pieces, upper):
    line = " ".join(pieces)
    line = line.upper() if upper else line
    assert text_module.boilerplate_reason(line) == _reason_by_definition(line)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["(Image: Getty)", "(YVES HERMAN / REUTERS)", "Picture: AP", "Bild:"]),
            st.sampled_from(["Published:", "Updated :", "photo", "(", ")", "/", ":", "Foto"]),
            st.text(alphabet=st.sampled_from(list("aAzZ .'’&-(/):0"))),
        ),
        max_size=5,
    )
)
def test_inline_furniture_always_holds_a_colon_or_a_slash(pieces):
    line = " ".join(pieces)
    if text_module._INLINE_FURNITURE_RE.search(line):  # what _blocks relies on to skip the search
        assert ":" in line or "/" in line


@given(st.text(alphabet=st.sampled_from(list("ab ’é\n\r\t\f\v\x0b\x0c\u2028"))))
def test_flatten_turns_each_break_into_one_space(span):
    table = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
    assert text_module.flatten(span) == span.translate(table)
    assert text_module.flatten(span, "\n\r\t") == span.translate(str.maketrans("\n\r\t", "   "))


def test_boilerplate_reason_with_its_pre_checks_equals_searching_every_pattern():
    import random

    from analysis.ingest.text import BOILERPLATE_PATTERNS, boilerplate_reason

    def searched(line: str) -> str:  # the definition: every pattern searched as written, in order
        found = next((why for why, pattern in BOILERPLATE_PATTERNS if pattern.search(line)), "")
        lone = text_module._LONE_NAME_RE.match(line) and len(line.strip()) < 40
        return found or ("pull-quote attribution" if lone else "")

    lines = [
        "Copyright 2025 Harbour Times. All rights reserved.",
        "© Delmar Daily 2024",
        "Photo: Maria Ortega/Reuters",
        "Soldiers cross the river at dawn (Image: Getty)",
        "The ceasefire held for a third day. PICTURE: AP",
        "Crowds gather outside parliament (PHOTO BY STAFF)",
        "[email protected]",
        "To leave a comment, log in to your account.",
        "Follow us on social media for live updates",
        "The Coastline Wire. Home of the coastal news.",
        "BY ANNA KOWALSKA",
        "By the time the convoy arrived, the bridge was gone.",
        "The minister said 400 families had been moved from the valley.",
        "ALL RİGHTS RESERVED by the İstanbul bureau",  # a case trap: searched as written
        "Kopyright © ſource: K news",
    ]
    rng = random.Random(5)
    pieces = "© copyright photo image: reuters / ( ) [ ] e-mail protected home of the by AP İ ı ſ K"
    pieces = pieces.split()
    for _ in range(400):
        lines.append(" ".join(rng.choice(pieces + ["word", "Word", "said", "."]) for _ in range(8)))
    assert sum(bool(searched(line)) for line in lines[:12]) == 11  # the furniture is found
    for line in lines:
        assert boilerplate_reason(line) == searched(line), line


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["(Image: Getty)", "(YVES HERMAN / REUTERS)", "Picture: AP", "Bild:"]),
            st.sampled_from(["PUBLISHED:", "Last Updated :", "posted", "FOTO", "Source", "ſource"]),
            st.sampled_from(["(", ")", "/", ":", "Σ", "İmage", "\u212a", "credit", "Quelle"]),
            st.text(alphabet=st.sampled_from(list("aAzZ .'’&-(/):0"))),
        ),
        max_size=6,
    )
)
def test_a_line_with_inline_furniture_passes_its_pre_check(pieces):
    from analysis.ingest.patterns import folded

    line = " ".join(pieces)
    if text_module._INLINE_FURNITURE_RE.search(line):
        assert text_module.may_hold_inline(line, folded(line)), line
        assert text_module.may_hold_inline(line, None), line
