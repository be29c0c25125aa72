"""How each article frames the core claim and its figures (the per-article part of stance).

A sentence states the core claim (actors.toml [core_claim]) when it names the subject actor within a
few words of a forces noun ("North Korean troops", "North Korea sent … men"). Its framing comes from
attribution verbs and hedges: not denied ("does not deny", "refused to deny" — a negation a naive
matcher reads as a denial), not confirmed ("neither X nor Y have confirmed", "could not be
verified"), denied ("dismissed … as fake news", "groundless rumours", "rejected"), confirmed
("confirmed", "satellite images show", "verified"), alleged ("allegedly", "accused", "claimed"),
reported ("reports", "reportedly", "could", "may", "if", "would"), and asserted when it is stated
as fact with none of these. A denial in the sentence after the claim ("called the reports
'groundless rumours'") counts too. The article's framing is the strongest it carries: confirmed >
not denied > asserted > denied > alleged > reported > not confirmed (the row with primary=True);
every other framing stays in the table with who frames it and the evidence sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import ahocorasick

from analysis import schema
from analysis.ingest.article import Article
from analysis.ingest.patterns import required_literals
from analysis.ingest.text import Sentence, folded, lower_case_twin
from analysis.voices.quotes import Quote, quote_at
from analysis.world.actors import Actors, CoreClaim, Mention
from analysis.world.mentions import SentenceMentions

PRECEDENCE = [
    "confirmed",
    "not denied",
    "asserted",
    "denied",
    "alleged",
    "reported",
    "not confirmed",
]
# framing_id prefixes: a core-claim row (offsets of its cue), a figure row (of its figure), and a
# main-claim row the reduce reads from a figure row (stance/main_claim.py)
CLAIM_ROW, FIGURE_ROW, MAIN_CLAIM_ROW = "c", "r", "m"
FIGURE_PRECEDENCE = ["denied", "alleged", "reported", "confirmed", "asserted"]  # hedges first
CLAIM_WINDOW = 10  # words between the subject actor and a forces noun ("North Korea sent … men")
_NOT_DENIED_RE = re.compile(
    r"\b(?:(?:do|does|did|has|have|had|would|could|will)\s*(?:not|n't)|never)\s+den(?:y|ied)\b|"
    r"\b(?:refus|declin)\w*\s+to\s+deny\b|\bstopp\w*\s+short\s+of\s+denying\b|\bnot\s+denied\b|"
    r"\bwithout\s+denying\b|\bno\s+denial\b",
    re.I,
)
_DENIED_RE = re.compile(
    r"\bden(?:y|ied|ies|ial|ying)\b|\bdismiss\w*|\breject\w*|\brefut\w+|\bfake\s+news\b|"
    r"\bgroundless\b|\bbaseless\b|\brumou?rs?\b|\bfabricat\w+|\bnonsense\b",
    re.I,
)
_NOT_CONFIRMED_RE = re.compile(
    r"\bneither\s+confirm\w*\s+nor\s+den\w*|"  # "neither confirmed nor denied"
    r"\bneither\b.{0,60}?\bnor\b.{0,60}?\b(?:confirm\w*|acknowledg\w*|verif\w*)|"
    r"\b(?:not|n't|never|cannot|unable\s+to)\s+(?:yet\s+)?(?:be\s+|been\s+)?(?:independently\s+)?"
    r"(?:confirm\w*|verif\w*|acknowledg\w*)|\bunconfirmed\b|\bunverified\b",
    re.I,
)
_CONFIRMED_RE = re.compile(
    r"\bconfirm(?:ed|s|ing)?\b|\bverified\b|\backnowledg\w+|\badmitted\b|"
    r"\bsatellite\s+(?:images|imagery|photos)\s+(?:show|showed|shows|reveal\w*|indicate\w*)",
    re.I,
)
_ALLEGED_RE = re.compile(r"\balleg\w+|\baccus\w+|\bclaim(?:ed|s|ing)?\b|\bpurported\w*", re.I)
_REPORTED_RE = re.compile(
    r"\breports?\b|\breported(?:ly)?\b|\bcould\b|\bmay\b|\bmight\b|\bsuggest\w*|\bpossib\w+|"
    r"\bspeculat\w+|\bif\b|\bwould\b|\bunclear\b|\bsaid\s+to\s+be\b|\bbelieved\s+to\b",
    re.I,
)
_STATED_RE = re.compile(
    r"\b(?:sent|send|sends|deployed|deploys|brought|dispatched|arrived|are|were|is|was|say|says|said|"
    r"have\s+been|has\s+been|had\s+been|fighting|fought|located|stationed|amassed|based)\b",
    re.I,
)
_RULES = [
    ("not denied", _NOT_DENIED_RE),
    ("not confirmed", _NOT_CONFIRMED_RE),
    ("denied", _DENIED_RE),
    ("confirmed", _CONFIRMED_RE),
    ("alleged", _ALLEGED_RE),
    ("reported", _REPORTED_RE),
    ("asserted", _STATED_RE),
]
_NON_SPACE_RE = re.compile(r"\S+")
_THE_RE = re.compile(r"^[Tt]he ")
_ECHO_RE = re.compile(r"\b(?:reports?|claims?|allegations?)\b", re.I)  # what a denial echoes
_NEITHER_RE = re.compile(
    r"\bneither\s+(?P<a>[\w'’ -]{1,60}?)\s+nor\s+(?P<b>[\w'’ -]{1,60}?)\s+(?:has|have)\b", re.I
)


def classify(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every framing cue of a sentence, each with its first cue. Negated cues are read first and
    blanked, so 'did not deny' is not also a denial; 'asserted' only when no other cue is found
    (a 'neither X nor Y has confirmed' beside a plain statement still leaves it asserted)."""
    found: list[tuple[str, re.Match[str]]] = []
    seen: set[str] = set()
    masked, lowered = text, folded(text)  # lowered: `masked` lower-cased, for the fast twins
    possible = _possible(lowered) if lowered is not None else 0
    cued = None  # the pattern and text of the last cue: blanked only before a later search
    for framing, pattern in _RULES:
        if framing == "asserted" and seen - {"not confirmed"}:
            break
        if framing in ("alleged", "reported") and seen & {"denied", "not denied", "confirmed"}:
            continue  # "dismissed reports of …": the reports are what is denied
        twin = _TWINS[framing] if lowered is not None else None
        if twin is not None and not possible & _BITS[framing]:
            continue  # none of the words every cue of this framing holds: no cue
        if cued is not None:
            spans = [m.span() for m in cued[0].finditer(cued[1])]
            masked = _blanked(masked, spans)
            lowered = _blanked(lowered, spans) if lowered is not None else None
            cued = None
        if twin is None:
            match = pattern.search(masked)
            cued = pattern, masked
        else:  # found where the twin finds it, read from the text itself (the cue as written)
            first = twin.search(lowered)
            match = pattern.search(masked, first.start()) if first else None
            cued = twin, lowered
        if match:
            found.append((framing, match))
            seen.add(framing)
        else:
            cued = None
    return found


_TWINS = {framing: lower_case_twin(pattern) for framing, pattern in _RULES}
_HINTS = {framing: twin and required_literals(twin) for framing, twin in _TWINS.items()}


def _literal_automaton() -> tuple[ahocorasick.Automaton, int]:
    """One Aho-Corasick automaton of every framing's literals, each giving the bits of the framings
    it belongs to; and the bits of the framings always possible (no literals known, or one holding
    a space: blanking adds spaces)."""
    automaton, always, bits = ahocorasick.Automaton(), 0, {}
    for position, hints in enumerate(_HINTS.values()):
        if hints is None or any(" " in hint for hint in hints):
            always |= 1 << position
            continue
        for hint in hints:
            bits[hint] = bits.get(hint, 0) | 1 << position
    for hint, mask in bits.items():
        automaton.add_word(hint, mask)
    automaton.make_automaton()
    return automaton, always


_LITERALS, _ALWAYS = _literal_automaton()
_BITS = {framing: 1 << position for position, framing in enumerate(_HINTS)}


def _possible(lowered: str) -> int:
    """Bits (see _BITS) of the framings a lower-cased sentence may hold: a framing none of whose
    literals it holds cannot match it, nor any blanked copy of it (blanking adds only spaces)."""
    possible = _ALWAYS
    for _, mask in _LITERALS.iter(lowered):
        possible |= mask
    return possible


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span turned into as many spaces."""
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    return "".join([*parts, text[at:]])


def claim_at(text: str, claim: CoreClaim, found: list[Mention]) -> int | None:
    """Offset of the claim in a sentence (`found`: its actor mentions): its subject actor within a
    few words of a forces noun."""
    subject_at = [m.start for m in found if m.actor == claim.subject]
    if not subject_at:
        return None
    forces = _forces_re(claim.forces)
    words = [m.start() for m in _NON_SPACE_RE.finditer(text)]
    for force in forces.finditer(text):
        force_word = bisect.bisect_right(words, force.start())
        for start in subject_at:
            if abs(bisect.bisect_right(words, start) - force_word) <= CLAIM_WINDOW:
                return start
    return None


@lru_cache(maxsize=16)
def _forces_re(forces: tuple[str, ...]) -> re.Pattern[str]:
    """The story's forces nouns as one whole-word pattern (compiled once per story)."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, forces))})\b", re.I)


def _by(
    sentence: Sentence, cue: re.Match[str], claim: int, quotes: list[Quote], actors: Actors
) -> str:
    """Who frames the claim: the sides in 'neither X nor Y', the speaker quoted at the cue or at the
    claim, a speaker reported in the sentence, or the actor named before the cue."""
    neither = _NEITHER_RE.search(sentence.text)
    if neither and cue.start() >= neither.start():
        return f"{neither.group('a')}; {neither.group('b')}"
    cue_at, claim_at_raw = sentence.char_start + cue.start(), sentence.char_start + claim
    quote = quote_at(quotes, cue_at, cue_at + len(cue.group(0))) or quote_at(
        quotes, claim_at_raw, claim_at_raw + 1
    )
    if quote is None:
        inside = [q for q in quotes if sentence.char_start <= q.char_start < sentence.char_end]
        quote = next((q for q in inside if q.speaker and q.kind == "reported"), None)
    if quote is not None and quote.speaker:
        return quote.speaker
    before = actors.mentions(sentence.text[: cue.start()])
    if before and not _STATED_RE.fullmatch(cue.group(0)):
        listed = actors.person(before[-1].matched)
        return listed[0] if listed else _THE_RE.sub("", before[-1].matched)
    return ""


def frame_claim(
    article: Article,
    actors: Actors,
    quotes: list[Quote],
    mentions: SentenceMentions | None = None,
) -> list[dict[str, object]]:
    """Framing rows of the core claim in one article; the decisive one first with primary=True."""
    claim = actors.core_claim
    if claim is None:
        return []
    mentions = mentions or SentenceMentions(actors)
    found: dict[tuple[str, str], dict[str, object]] = {}
    previous_claim = -10
    for sentence in article.counted_sentences:
        claim_offset = claim_at(sentence.text, claim, mentions.of(sentence))
        stated = claim_offset is not None
        # "X called the reports 'groundless rumours'": a denial right after the claim denies it.
        echoed = (
            not stated
            and sentence.index - previous_claim <= 2
            and bool(_ECHO_RE.search(sentence.text))
        )
        if stated:
            previous_claim = sentence.index
        if not (stated or echoed):
            continue
        for framing, cue in classify(sentence.text):
            if echoed and framing not in ("denied", "not denied"):
                continue
            by = _by(sentence, cue, claim_offset or 0, quotes, actors)
            start = sentence.char_start + cue.start()
            found.setdefault(
                (framing, by),
                {
                    "article_id": article.article_id,
                    "outlet": article.outlet,
                    "claim": claim.label,
                    "figure_ref": "",
                    "framing": framing,
                    "by": by,
                    "cue": cue.group(0),
                    "sentence": sentence.text,
                    "sentence_id": article.sentence_id(sentence),
                    "framing_id": schema.row_id(
                        article.article_id, CLAIM_ROW, start, start + len(cue.group(0))
                    ),
                    "corrected": False,
                },
            )
    rows = sorted(found.values(), key=lambda r: PRECEDENCE.index(str(r["framing"])))
    for i, row in enumerate(rows):
        row["primary"] = i == 0
    return rows


def frame_figures(article: Article, figures: list[dict], quotes: list[Quote]) -> list[dict]:
    """One framing row per figure (rows of the figures table) of the article: its cue, or asserted."""
    rows = []
    framed_by_sentence: dict[str, dict[str, str]] = {}  # a sentence may hold many figures
    for figure in figures:
        sentence = str(figure["sentence"])
        if sentence not in framed_by_sentence:
            framed_by_sentence[sentence] = {f: m.group(0) for f, m in classify(sentence)}
        framed = framed_by_sentence[sentence]
        framing = next((f for f in FIGURE_PRECEDENCE if f in framed), "asserted")
        cue = framed.get(framing, "")
        quote = quote_at(quotes, int(figure["char_start"]), int(figure["char_end"]))
        by = quote.speaker if quote and quote.speaker else str(figure.get("claimant") or "")
        rows.append(
            {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "claim": f"{figure['value_text']} {figure['subject']}".strip(),
                "figure_ref": f"{figure['sentence_id']} {figure['value_text']}",
                "framing": framing,
                "by": "" if by == article.outlet else by,
                "cue": cue,
                "sentence": figure["sentence"],
                "sentence_id": figure["sentence_id"],
                "primary": True,
                "framing_id": schema.row_id(
                    article.article_id,
                    FIGURE_ROW,
                    int(figure["char_start"]),
                    int(figure["char_end"]),
                ),
                "corrected": False,
            }
        )
    return rows


def framing_rows(
    article: Article,
    actors: Actors,
    quotes: list[Quote],
    figures: list[dict],
    mentions: SentenceMentions | None = None,
) -> list[dict[str, object]]:
    """framing rows of one article: its core-claim rows (decisive first), then one per figure."""
    return frame_claim(article, actors, quotes, mentions) + frame_figures(article, figures, quotes)
