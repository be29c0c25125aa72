"""Sentence ends: the fast reading of most stops (analysis/ingest/boundaries.py `split_block`) gives the
spans the general rule gives when every stop is decided by reading the words next to it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ingest import boundaries
from analysis.ingest.boundaries import pack_abbreviations, split_block

# the pattern and the loop as first written: every stop read by the general path
_FIRST_RE = re.compile(
    r"(?:(?<![.!?])[.!?]+|…)[\"”’»“)\]]*(?=\s+(?:«\s?|[\"“‘„(\[])?[^\W_])"  # « Oui » : French spacing
)


def _ends_with_abbreviation(text: str, extra: frozenset[str]) -> bool:
    word = text.rsplit(None, 1)[-1].lstrip('("“‘«„') if text.strip() else ""
    bare = word.rstrip(".").lower()
    if bare in boundaries._ABBREVIATIONS or bare in extra or (len(bare) == 1 and bare.isalpha()):
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare))


def _is_lowercase_continuation(before: str, block: str, match: re.Match, extra) -> bool:  # noqa: ANN001
    following = block[match.end() : match.end() + 100].lstrip().lstrip('"“‘«([')
    if not following[:1].islower():
        return False
    if block[match.start() : match.end()].rstrip('"”’»)]') != ".":
        return True
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return len(word) < 3 or not word.isalpha() or _ends_with_abbreviation(before + ".", extra)


def split_by_definition(raw: str, start: int, end: int, extra=frozenset()) -> list[tuple[int, int]]:  # noqa: ANN001
    spans: list[tuple[int, int]] = []
    block = raw[start:end]
    cursor = 0
    for match in _FIRST_RE.finditer(block):
        before = block[max(cursor, match.start() - 100) : match.start()]
        if _is_lowercase_continuation(before, block, match, extra):
            continue
        if block[match.start()] == "." and _ends_with_abbreviation(before + ".", extra):
            following = block[match.end() : match.end() + 100].lstrip().lstrip('"“‘«(').split()
            acronym = "." in before.rsplit(None, 1)[-1] if before.strip() else False
            if not (
                acronym and following and following[0].lower() in boundaries._SENTENCE_STARTERS
            ):
                continue
        spans.append((start + cursor, start + match.end()))
        cursor = match.end()
        while cursor < len(block) and block[cursor].isspace():
            cursor += 1
    if cursor < len(block):
        spans.append((start + cursor, end))
    return [(s, e) for s, e in spans if raw[s:e].strip()]


TEXTS = [
    "The ferry left at 6 a.m. on Tuesday. Dr. Okafor said the U.S. Navy would help. It did not.",
    "Gen. Ruiz met Lt. Col. Brandt in Feb. last year. The talks ended in the U.S. The next day, rain.",
    "Prices rose 3.5 per cent in Q2... Analysts (e.g. at Fitch) expected 2.1. approx. five banks agreed.",
    "“We will not leave,” she said. “Not now.” He replied: «Jamais !» Then silence… Nobody moved.",
    "Is it over? Nobody knows! The mayor, J. R. Ellison, said: ‘Wait.’ [Edited.] (See below.) Fine.",
    "Der Kanzler sagte, d.h. im Grunde, nichts. Die Bahn fährt bzw. fuhr um 8 Uhr. Am 3. Mai kam sie.",
    "El Sr. Gómez llegó a las 9. La Sra. Pérez no. «Ya basta», dijo. Fin del acto.",
    "Le président a dit : « Non. » Les syndicats, etc. ont répondu. M. Dubois est parti.",
    "В 2024 г. цены выросли, т.е. на 5 %. Глава ведомства сказал: «Нет». Всё.",
    "Уряд заявив, що т. зв. реформа відкладена. Прем'єр мовчав. Кінець.",
    "서울에서 회담이 열렸다. 양측은 합의했다. 끝.",
    "He sent it to him. kyiv also warned that the deal... was off. U.S. officials declined.",
    "A. B. Smith, Jr. and Mrs. Lee arrived. No. 10 said nothing. St. Louis won 4.2 to 3.9 in 2.5 hrs.",
    "Wait.... what? Yes!!! No?! Fine…. «  Non », dit-il. „Ja“, sagte sie. ( Oh. ) Done.",
    "short. x. Y. 1. 2. (a) [b] “c” ‘d’ e.g. The end",
    "   . Leading stop. . Lone stop.  Double  space.\tTab. Newline.\nNext.",
    "Nothing to split here at all",
    "It ended." + " " * 120 + "then it began. Again." + "\n" * 101 + "but once more.",
    "See " + "x" * 150 + ". The end. See " + "U.S." * 40 + " The end.",
    "",
]


def test_split_block_equals_the_general_rule_on_written_text():
    packs = [frozenset(), *(pack_abbreviations(code) for code in ("de", "es", "fr", "ru", "uk"))]
    for text in TEXTS:
        for extra in packs:
            assert split_block(text, 0, len(text), extra) == split_by_definition(
                text, 0, len(text), extra
            ), (text, sorted(extra)[:3])
            if len(text) > 10:  # a block inside a longer text
                assert split_block(text, 3, len(text) - 2, extra) == split_by_definition(
                    text, 3, len(text) - 2, extra
                )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(TEXTS),
            st.sampled_from(["Mr.", "U.S.", "e.g.", "a.m.", "...", "…", "?!", "« ", "„", "”", "’"]),
            st.text(alphabet=st.sampled_from(list('aZé1 .!?…"“”‘’«»„()[]\n\t\u00a0ΣİxY'))),
        ),
        max_size=6,
    ),
    st.sampled_from([frozenset(), frozenset({"bzw", "sr", "т.е", "x", ""})]),
)
def test_split_block_equals_the_general_rule_on_any_text(pieces, extra):
    text = " ".join(pieces)
    assert split_block(text, 0, len(text), extra) == split_by_definition(text, 0, len(text), extra)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(TEXTS),
            st.sampled_from(["bzw.", "BZW.", "z.B.", "Sr.", "т.е.", "Т.Е.", "г.", "ca", "sr"]),
            st.sampled_from(["Die Lage", "el acuerdo", "завод", "“Bzw.", "(sr.", "ΣR."]),
            st.text(alphabet=st.sampled_from(list('aZé1 .!?…"“”(\n\u00a0ΣİxY'))),
        ),
        max_size=8,
    ),
    st.sampled_from(["de", "es", "ru"]),
)
def test_a_text_without_the_packs_abbreviations_splits_alike_with_them(pieces, language):
    text = " ".join(pieces)
    extra = pack_abbreviations(language)
    if not boundaries.may_split_otherwise(text, extra):  # then the second split is skipped
        assert split_block(text, 0, len(text), extra) == split_block(text, 0, len(text))


def test_a_text_with_a_packs_abbreviation_is_split_with_it():
    text = "Die Zahl stieg bzw. Sie fiel."
    assert boundaries.may_split_otherwise(text, pack_abbreviations("de"))
    assert not boundaries.may_split_otherwise("Die Zahl stieg. Sie fiel.", pack_abbreviations("de"))
    assert split_block(text, 0, len(text), pack_abbreviations("de")) != split_block(
        text, 0, len(text)
    )


def test_the_english_lists_are_the_base_every_pack_adds_to():
    assert {"gen", "nov", "approx"} <= boundaries._ABBREVIATIONS
    assert "the" in boundaries._SENTENCE_STARTERS
    assert pack_abbreviations("en") == frozenset()  # nothing to add: English is split once
    assert "bzw" in pack_abbreviations("de") and "gen" not in pack_abbreviations("de")


def test_a_full_width_stop_ends_a_sentence_with_no_space_after_it():
    text = "解放军举行演习。外交部表示：“这是警告。”美方表示关切！Talks resume. 他说？"
    spans = split_block(text, 0, len(text))
    assert [text[s:e].strip() for s, e in spans] == [
        "解放军举行演习。",
        "外交部表示：“这是警告。”",
        "美方表示关切！",
        "Talks resume.",
        "他说？",
    ]
