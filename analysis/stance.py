"""Stance per outlet: how each claim is framed, who is quoted, and a summary sentence with evidence.

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
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

import pandas as pd

from analysis import schema
from analysis.actors import Actors, CoreClaim
from analysis.article import Article
from analysis.patterns import may_match, required_literals
from analysis.quotes import Quote, quote_at
from analysis.text import Sentence, count_words, folded, lower_case_twin
from analysis.tone import QUOTE_WORD_COLUMNS, TONE_COLUMNS, camp_words, stance_table, tone_rows

PRECEDENCE = [
    "confirmed",
    "not denied",
    "asserted",
    "denied",
    "alleged",
    "reported",
    "not confirmed",
]
SUMMARY_FRAMINGS = 3  # framings a summary names; the others are counted
SUMMARY_EVIDENCE = 3  # evidence sentences a summary cites per framing it names
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
    masked, lowered = text, folded(text)  # lowered: `masked` lower-cased, for the fast twins
    for framing, pattern in _RULES:
        seen = {f for f, _ in found}
        if framing == "asserted" and seen - {"not confirmed"}:
            break
        if framing in ("alleged", "reported") and seen & {"denied", "not denied", "confirmed"}:
            continue  # "dismissed reports of …": the reports are what is denied
        twin = _TWINS[framing] if lowered is not None else None
        if twin is not None and not may_match(_HINTS[framing], lowered):
            match = None  # none of the words every cue of this framing holds: no cue
        elif twin is None:
            match = pattern.search(masked)
            spans = [m.span() for m in pattern.finditer(masked)] if match else []
        else:  # found where the twin finds it, read from the text itself (the cue as written)
            spans = [m.span() for m in twin.finditer(lowered)]
            match = pattern.search(masked, spans[0][0]) if spans else None
        if match:
            found.append((framing, match))
            masked = _blanked(masked, spans)
            lowered = _blanked(lowered, spans) if lowered is not None else None
    return found


_TWINS = {framing: lower_case_twin(pattern) for framing, pattern in _RULES}
_HINTS = {framing: twin and required_literals(twin) for framing, twin in _TWINS.items()}


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span turned into as many spaces."""
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    return "".join([*parts, text[at:]])


def claim_at(text: str, claim: CoreClaim, actors: Actors) -> int | None:
    """Offset of the claim in a sentence: its subject actor within a few words of a forces noun."""
    subject_at = [m.start for m in actors.mentions(text) if m.actor == claim.subject]
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


def frame_claim(article: Article, actors: Actors, quotes: list[Quote]) -> list[dict[str, object]]:
    """Framing rows of the core claim in one article; the decisive one first with primary=True."""
    claim = actors.core_claim
    if claim is None:
        return []
    found: dict[tuple[str, str], dict[str, object]] = {}
    previous_claim = -10
    for sentence in article.counted_sentences:
        claim_offset = claim_at(sentence.text, claim, actors)
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
            }
        )
    return rows


def framing_rows(
    article: Article, actors: Actors, quotes: list[Quote], figures: list[dict]
) -> list[dict[str, object]]:
    """framing rows of one article: its core-claim rows (decisive first), then one per figure."""
    return frame_claim(article, actors, quotes) + frame_figures(article, figures, quotes)


def framing_frame(rows: list[dict]) -> pd.DataFrame:
    """The framing table from its rows."""
    return schema.conform(pd.DataFrame(rows), "framing") if rows else schema.empty("framing")


def quote_rows(article: Article, quotes: list[Quote]) -> list[dict[str, object]]:
    """quotes rows of one article: every quote with its outlet, word count and the sentences it spans."""
    rows = []
    sentences = article.sentences
    starts, ends = [s.char_start for s in sentences], [s.char_end for s in sentences]
    in_order = starts == sorted(starts) and ends == sorted(ends)
    for n, quote in enumerate(quotes, start=1):
        if in_order:  # the sentences a quote overlaps are then one run of them
            low = bisect.bisect_right(ends, quote.char_start)
            high = bisect.bisect_left(starts, quote.char_end)
            overlapping = sentences[low:high]
        else:
            overlapping = [
                s
                for s in sentences
                if s.char_start < quote.char_end and quote.char_start < s.char_end
            ]
        spanned = [article.sentence_id(s) for s in overlapping]
        rows.append(
            {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "quote_id": f"{article.article_id}:q{n}",
                "speaker": quote.speaker,
                "affiliation": quote.affiliation,
                "camp": quote.camp,
                "cue": quote.cue,
                "kind": quote.kind,
                "text": quote.text,
                "words": count_words(quote.text),
                "char_start": quote.char_start,
                "char_end": quote.char_end,
                "sentence_ids": "; ".join(spanned),
            }
        )
    return rows


def quotes_frame(rows: list[dict]) -> pd.DataFrame:
    """The quotes table from its rows."""
    return schema.conform(pd.DataFrame(rows), "quotes") if rows else schema.empty("quotes")


def _voices_clause(
    quotes: pd.DataFrame, stance: pd.DataFrame, actors: Actors
) -> tuple[str, list[str]]:
    """'Quotes only Western voices (Keir Starmer)' / 'Quotes Western (60%: …) and … voices'.

    Shares are the stance table's quoted_share per camp (nested quotes once, repeats not at all).
    """
    named = quotes.loc[quotes["speaker"] != "", ["speaker", "camp", "words", "sentence_ids"]]
    shares: dict[str, float] = {}
    for row in stance.itertuples():
        shares[actors.camp(str(row.actor))] = float(row.quoted_share)
    shares = {camp: share for camp, share in shares.items() if camp and share > 0}
    if named.empty or not shares:
        return "Quotes no named speaker", []
    parts, evidence = [], []
    for camp, share in sorted(shares.items(), key=lambda item: -item[1]):
        in_camp = named[named["camp"] == camp]
        speakers = in_camp.groupby("speaker")["words"].sum().sort_values(ascending=False).index[:3]
        label = actors.camp_label(camp)
        names = ", ".join(speakers)
        parts.append(
            f"{label} voices ({names})" if len(shares) == 1 else f"{label} ({share:.0%}: {names})"
        )
        evidence += [
            str(in_camp[in_camp["speaker"] == s].iloc[0]["sentence_ids"]).split("; ")[0]
            for s in speakers
        ]
    if len(parts) == 1:
        return f"Quotes only {parts[0]}", evidence
    return f"Quotes {', '.join(parts[:-1])} and {parts[-1]} voices", evidence


def _framing_clause(framing: pd.DataFrame, claim: str | None) -> tuple[str, list[str]]:
    """'frames North Korean troops in Russia as confirmed (by Mark Rutte)'; with no claim in the
    corpus (no story claim, no figure reported) it says so and names none."""
    if claim is None:
        return "carries no claim the outlets share", []
    decisive = framing[(framing["figure_ref"] == "") & framing["primary"].astype(bool)]
    if decisive.empty:
        return f"does not state the claim of {claim}", []
    by_label: dict[str, list[str]] = {}
    for row in decisive.itertuples():
        label = f"{row.framing} (by {row.by})" if row.by else str(row.framing)
        by_label.setdefault(label, []).append(str(row.sentence_id))
    # the most frequent framings first (ties in order of appearance); past a few, a count, so an
    # outlet with thousands of articles still gets one readable sentence
    ranked = sorted(by_label.items(), key=lambda item: -len(item[1]))
    shown, rest = ranked[:SUMMARY_FRAMINGS], ranked[SUMMARY_FRAMINGS:]
    text = " and ".join(
        f"{label} in {len(ids)} articles" if len(ids) > 1 else label for label, ids in shown
    )
    if rest:
        others = sum(len(ids) for _, ids in rest)
        text += f" (and {len(rest)} other framings in {others} articles)"
    evidence = [i for _, ids in shown for i in ids[:SUMMARY_EVIDENCE]]
    return f"frames {claim} as {text}", evidence


def _tone_clause(stance: pd.DataFrame) -> tuple[str, list[str]]:
    """'portrays Russia critically (3 sentences)' for the clearest non-neutral actors."""
    marked = stance[(stance["tone_label"] != "neutral") & (stance["mentions"] >= 2)]
    if marked.empty:
        return "portrays no actor clearly critically or favourably", []
    marked = marked.assign(weight=marked["tone_score"].abs() * marked["mentions"])
    parts, evidence = [], []
    for row in marked.sort_values("weight", ascending=False).head(2).itertuples():
        adverb = "critically" if row.tone_label == "critical" else "favourably"
        parts.append(f"{row.actor} {adverb} ({row.mentions} sentences, tone {row.tone_score:+.2f})")
        evidence += [e for e in str(row.evidence_ids).split("; ") if e]
    return "portrays " + " and ".join(parts), evidence


def _by_outlet(table: pd.DataFrame) -> Callable[[str], pd.DataFrame]:
    """The rows of one outlet (as `table[table["outlet"] == outlet]`), the table split once rather
    than scanned again for every outlet of a corpus with thousands."""
    positions = table.groupby("outlet", sort=False).indices
    return lambda outlet: table.iloc[positions.get(outlet, [])]


def summaries_table(
    quotes: pd.DataFrame,
    framing: pd.DataFrame,
    stance: pd.DataFrame,
    outlets: list[str],
    actors: Actors,
    claim: str | None = None,
) -> pd.DataFrame:
    """One sentence per outlet built only from the tables above, with every clause's evidence;
    `claim` is the label of the claim framed (the story's, or the corpus's main claim)."""
    quotes_of, framing_of, stance_of = (_by_outlet(t) for t in (quotes, framing, stance))
    rows = []
    for outlet in outlets:
        clauses = [
            _voices_clause(quotes_of(outlet), stance_of(outlet), actors),
            _framing_clause(framing_of(outlet), claim),
            _tone_clause(stance_of(outlet)),
        ]
        text = "; ".join(c for c, _ in clauses) + "."
        evidence = list(dict.fromkeys(e for _, ids in clauses for e in ids))
        rows.append({"outlet": outlet, "summary": text, "evidence_ids": "; ".join(evidence)})
    return schema.conform(pd.DataFrame(rows), "summaries") if rows else schema.empty("summaries")


def tables(
    articles: list[Article],
    actors: Actors,
    quotes: dict[str, list[Quote]],
    figures: pd.DataFrame,
    escalation_hits: pd.DataFrame,
) -> dict[str, pd.DataFrame]:
    """The quotes, framing, stance and summaries tables of `articles` (figures / hits may be empty):
    the per-article rows of each, then the corpus reduce (analysis/pipeline.py does the same)."""
    figure_rows: dict[str, list[dict]] = defaultdict(list)  # grouped once, not per article
    for row in figures.to_dict("records"):
        figure_rows[row["article_id"]].append(row)
    hit_rows: dict[str, list[dict]] = defaultdict(list)
    for row in escalation_hits.to_dict("records"):
        hit_rows[row["article_id"]].append(row)
    quote_rows_, framing, tone, words = [], [], [], []
    for article in articles:
        own = quotes.get(article.article_id, [])
        quote_rows_ += quote_rows(article, own)
        framing += framing_rows(article, actors, own, figure_rows[article.article_id])
        scored, owned = tone_rows(article, actors, own, hit_rows[article.article_id])
        tone += scored
        words += owned
    outlets = list(dict.fromkeys(a.outlet for a in articles))
    return corpus_tables(
        quotes_frame(quote_rows_),
        framing_frame(framing),
        pd.DataFrame(tone, columns=TONE_COLUMNS),
        pd.DataFrame(words, columns=QUOTE_WORD_COLUMNS),
        actors,
        outlets,
        actors.core_claim.label if actors.core_claim else None,
    )


def corpus_tables(
    quotes: pd.DataFrame,
    framing: pd.DataFrame,
    tone: pd.DataFrame,
    quote_words: pd.DataFrame,
    actors: Actors,
    outlets: list[str],
    claim: str | None = None,
) -> dict[str, pd.DataFrame]:
    """The reduce: camps from each quote's affiliation (the camps of `actors`, so regrouping needs
    no per-article work), then stance and summaries from every article's rows."""
    quotes = quotes.assign(camp=quotes["affiliation"].fillna("").map(actors.camp).fillna(""))
    stance = stance_table(tone, camp_words(quote_words, quotes), quotes, actors, outlets)
    summaries = summaries_table(quotes, framing, stance, outlets, actors, claim)
    return {"quotes": quotes, "framing": framing, "stance": stance, "summaries": summaries}
