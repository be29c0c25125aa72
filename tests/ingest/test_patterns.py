"""analysis/ingest/patterns.py: the faster forms of a pattern match exactly what the pattern matches."""

import random
import re

from analysis.ingest import transcripts
from analysis.ingest.patterns import by_first_letter, folded, may_match, required_literals
from analysis.stance import framing
from analysis.voices import people, phrases, quotes, reported
from analysis.voices.phrases import WORDS

CUE_WORDS = sorted(WORDS.cues, key=lambda w: (-len(w), w))  # longer first, as phrases.py reads them
FLAT_CUES = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in CUE_WORDS)

SENTENCES = [
    "The finance minister said on Tuesday that the budget would not be cut.",
    "Officials in Nairobi declined to deny reports that the convoy had been stopped.",
    "According to the port authority, 40 ships were turned away, a spokeswoman told reporters.",
    "The mayor, who was re-elected last year, dismissed the allegations as baseless rumours.",
    "Satellite imagery shows new trenches, analysts claimed, but the army has not confirmed it.",
    "Neither the ministry nor the rebels have acknowledged the ceasefire's collapse.",
    "Protesters gathered outside parliament; none of them was quoted as saying anything.",
    "IT Minister Ana Costa: the outage was caused by a faulty update",
    "He went on to say the unsaid parts were, in his words, untold.",
    "Lawmakers reportedly asked whether the deal could be signed before the summit.",
]


def test_by_first_letter_matches_what_the_flat_alternation_matches():
    words = "told reporters|told|tells|said|says|say|went on to say|warned|sayings"
    flat = re.compile(rf"\b(?:{words})\b")
    grouped = re.compile(rf"\b(?:{by_first_letter(words)})\b")
    assert by_first_letter("said|says|told") == "s(?:aid|ays)|t(?:old)"
    pieces = [*words.split("|"), "un", "x", "reporters", "Said", "_", "-", "é", ".", "to say"]
    rng = random.Random(7)
    texts = SENTENCES + [
        "".join(rng.choice(pieces) + rng.choice([" ", "", ".", "\n", "  "]) for _ in range(9))
        for _ in range(3000)
    ]
    for text in texts:
        expected = [(m.span(), m.group(0)) for m in flat.finditer(text)]
        assert [(m.span(), m.group(0)) for m in grouped.finditer(text)] == expected, text


def test_speech_verbs_keep_their_matches():
    flat = re.compile(rf"\b(?:{FLAT_CUES})\b")
    for text in SENTENCES:
        expected = [m.span() for m in flat.finditer(text)]
        assert [m.span() for m in phrases.CUE_RE.finditer(text)] == expected


def test_required_literals_are_in_every_match():
    assert required_literals(re.compile(r"\bden(?:y|ied)\b|\bdismiss\w*")) == ("den", "dismiss")
    assert required_literals(re.compile(r"(?:ab)+c?")) == ("ab",)
    assert required_literals(re.compile("said|says|saying")) == ("said", "saying", "says")
    # nothing fixed in every match, or case ignored: no literals, never a wrong shortcut
    assert required_literals(re.compile(r"a|b*")) is None
    assert required_literals(re.compile(r"\w+")) is None
    assert required_literals(re.compile("said", re.I)) is None
    assert required_literals(re.compile(r"x(?i:said)")) == ("x",)
    assert may_match(None, "anything") and not may_match(("den",), "the dam")


def test_a_text_without_the_literals_never_matches():
    patterns = [twin for twin in framing._TWINS.values() if twin is not None]
    patterns += [reported._TRAILING_RE, reported._HEADLINE_RE, quotes._QUOTED_AS_RE]
    fragments = sorted({w for p in patterns for w in required_literals(p) or ()})
    fragments += ["not ", "n't ", " ", ", ", "the army ", "x", "-", "."]
    rng = random.Random(11)
    texts = [s.lower() for s in SENTENCES] + SENTENCES
    texts += ["".join(rng.choice(fragments) for _ in range(12)) for _ in range(3000)]
    for pattern in patterns:
        literals = required_literals(pattern)
        assert literals, pattern.pattern
        for text in texts:
            if pattern.search(text):
                assert may_match(literals, text), (pattern.pattern, text)


def test_clause_boundaries_keep_the_matches_of_the_flat_pattern():
    mask = phrases.MASK
    flat = re.compile(
        rf"[;:—–()\[\]{mask}\"“”«»„]|,\s|\b(?:that|while|when|because|if|although|whereas|since|"
        rf"after|before|(?<!known )(?<!such )as|where|which|what|But|And|{FLAT_CUES})\b"
    )
    words = [*CUE_WORDS, "as", "known as", "such as", "asked", "Ras", "and", "x"]
    words += ["that", "thats", "But", "while", "whilst", "reporters"]
    rng = random.Random(5)
    texts = SENTENCES + [
        "".join(
            rng.choice(words) + rng.choice([" ", "", ", ", ";", "\n", "“", mask]) for _ in range(8)
        )
        for _ in range(3000)
    ]
    for text in texts:
        expected = [(m.span(), m.group(0)) for m in flat.finditer(text)]
        assert [
            (m.span(), m.group(0)) for m in phrases._CLAUSE_BOUNDARY_RE.finditer(text)
        ] == expected


def test_every_trailing_report_has_a_speech_verb():
    """reported.py reads trailing and fronted reports only in sentences with a speech verb."""
    verbs = [*CUE_WORDS, "unsaid", "saidx", "retold", "says_", "wrote-"]
    rng = random.Random(13)
    texts = SENTENCES + [
        f"The bridge {rng.choice(['was', 'is'])} closed, {rng.choice(['the ministry', 'Ana Costa'])}"
        f"{rng.choice([' ', ' also ', '  '])}{rng.choice(verbs)}"
        f"{rng.choice(['', '.', ' on Friday.', ' in Lima', ', adding', '!'])}"
        for _ in range(4000)
    ]
    matched = 0
    for text in texts:
        if reported._TRAILING_RE.match(text):
            matched += 1
            assert phrases.CUE_RE.search(text), text
    assert matched > 500


def test_the_title_before_a_name_is_found_as_without_the_look_behind():
    plain = re.compile(people._LEAD_RE.pattern.replace(r"(?<![\w.'’-])", "", 1))
    assert plain.pattern != people._LEAD_RE.pattern
    clauses = [
        "The RSF commander ",
        "a spokesman for the Sudanese army, Brig. Gen. ",
        "Le porte-parole du ministère ",
        "the U.S. special envoy for Sudan ",
        "Kenya's opposition leader and former prime minister ",
        "o ministro da Defesa do Brasil ",
        "der Sprecher des Auswärtigen Amts ",
        "In a statement released on Tuesday evening in Nairobi, the ",
        "   ",
        "",
        "word\n",
    ]
    rng = random.Random(11)
    pieces = ["army", "Brig.", "O’Neil", "re-elected", "_", "9", "é", "(", ",", "-", "'"]
    for _ in range(4000):
        clauses.append(
            "".join(rng.choice(pieces) + rng.choice([" ", "", "  ", "\n", "\t"]) for _ in range(9))
        )
    for clause in clauses:
        found, expected = people._LEAD_RE.search(clause), plain.search(clause)
        assert (found and found.span("title")) == (expected and expected.span("title")), clause


TRANSCRIPT = """Flood talks resume
AMINA YUSUF, HOST:
Good morning. Rain fell again overnight in Maiduguri.
PETER OKAFOR, BYLINE: The river rose two metres, officials said.
OKAFOR: Residents waited on roofs.
GOV. BABAGANA ZULUM: "We have asked for boats."
URL: example.org/floods
Chioma Eze / Red Cross spokeswoman
"Nous manquons de tentes et d'eau potable."
Foto: AP / Sunday Alamba
  MARÍA LÓPEZ, CORRESPONSAL:\tLas lluvias no cesan.
"""


def test_line_matches_finds_what_a_scan_of_every_character_finds():
    rng = random.Random(5)
    lines = TRANSCRIPT.split("\n")
    texts = [TRANSCRIPT, "", "\n", "ROE: yes", "x\nROE, HOST: yes\n"]
    for _ in range(1500):
        picked = [rng.choice(lines) for _ in range(rng.randint(0, 8))]
        texts.append(rng.choice(["", " ", "\n"]) + rng.choice(["\n", "\n\n", " \n"]).join(picked))
    for text in texts:
        for pattern in (transcripts._TURN_RE, transcripts._CAPTION_RE):
            for start in sorted({0, 1, len(text) // 2, len(text)}):
                if start > len(text):
                    continue
                expected = [m.span() for m in pattern.finditer(text, start)]
                found = [m.span() for m in transcripts.line_matches(pattern, text, start)]
                assert found == expected, (pattern.pattern, text, start)


def test_folded_is_the_lower_case_text_unless_it_holds_a_case_trap():
    rng = random.Random(7)
    alphabet = list("aZ é.,Σß") + ["İ", "ı", "ſ", "\u212a", "Ǆ"]
    texts = ["", "Plain ASCII text.", "Ünïcode but no trap", "KELVIN \u212a", "İstanbul"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(500)]
    for text in texts:
        trapped = re.search("[\u0130\u0131\u017f\u212a]", text)
        assert folded(text) == (None if trapped else text.lower()), text
