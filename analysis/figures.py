"""Per-source figures: every numeric claim with its value, hedge, subject, actor, claimant and modality.

`extract_figures(text)` reads any text; `figure_rows(text)` gives the same rows as dicts without a
DataFrame (the fast path for bulk use). Numbers are found by analysis.numbers; the context rules
here run once per sentence that holds a number, and each cue pattern only after a cheap substring
check says it can match. `tables(articles, quotes)` builds the `figures` table of a corpus (one
DataFrame per corpus) plus the two cross-source views: `claims_timeline` (how an estimate grew, by
publication date) and `who_reported_what` (the same claim across outlets, and conflicting ones).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import chain, islice, pairwise

import numpy as np
import pandas as pd

from analysis import schema
from analysis.actors import Actors, load_actors
from analysis.corpus import Article
from analysis.numbers import Quantity, find_quantities, vague_bounds
from analysis.quotes import Quote, quote_at
from analysis.text import cut_long

TROOP_WORDS = frozenset(
    "troops troop soldiers soldier men forces personnel servicemen fighters mercenaries contingent "
    "brigades battalions divisions regiments sailors marines conscripts reservists recruits "
    "infantry paratroopers commandos militants".split()
)
CASUALTY_WORDS = frozenset(
    "killed wounded dead deaths died casualties injured injuries fatalities losses captured missing "
    "prisoners pows".split()
)
WEAPON_WORDS = frozenset(
    "missiles missile drones drone shells shell tanks tank rockets rocket artillery warheads aircraft "
    "jets fighters helicopters bombs munitions ammunition howitzers launchers atacms himars weapons "
    "guns rifles landmines torpedoes warships submarines f-16s interceptors".split()
)
_TROOP_OR_WEAPON_WORDS = TROOP_WORDS | WEAPON_WORDS
_COUNTED_NOUNS = TROOP_WORDS | WEAPON_WORDS | CASUALTY_WORDS
_PEOPLE_WORDS = TROOP_WORDS | {"people", "civilians", "children"}  # casualties when killed
_WEAPONS_NOT_FIGHTERS = WEAPON_WORDS - {"fighters"}  # 'fighters' are troops or jets
_CASUALTY_AFTER = re.compile(
    r"\s*(?:(?:have|has|had|were|was|are|is|been|being|reportedly|already|now|\s)+)?"
    r"((?:killed|wounded|injured|dead|captured|missing)(?:\s*(?:,|or|and)\s*"
    r"(?:killed|wounded|injured|dead|captured|missing))*)\b"
)
_CASUALTY_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|death toll|casualt(?:y|ies)|"
    r"losses|lost|dead|claimed the lives of)\b[^.;]{0,25}$",
    re.I,
)
_NP_TOKEN = re.compile(r"[A-Za-z][\w'’&.-]*|\d[\w,.]*|[^\w\s]")
_NP_STOP = frozenset(
    "to in on at for from with by into onto across near against among while as than that which who "
    "whom whose where when could may might will would should can must have has had were was are is be "
    "been being do does did including since after before during per over under about around within "
    "according said says told if because but so yet this these those its their his her our it they he "
    "she we i you not also already still now then there here a an inside outside went came fought "
    "left remain remained until unless till via amid despite through apiece each".split()
)
_PARTICIPLE_MODIFIERS = frozenset(
    "armed armored armoured unmanned guided advanced skilled allied united "
    "trained wounded killed injured".split()
)
_CUES = (
    r"said|says|say|told|tells|added|adds|warned|warns|claimed|claims|estimated|estimates|reported|"
    r"announced|stated|noted|described|insisted|confirmed|suggested|suggests|believes|believed|"
    r"wrote|tweeted|posted|alleged|alleges|accused|put the figure|puts the figure|deny|denied|"
    r"denies|dismissed|rejected"
)
_CUE_RE = re.compile(rf"\b(?:{_CUES})\b")
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s?){1,4})")
_WORD_RE = re.compile(r"[A-Za-z][\w-]*")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+((?:[^,.;:“”\"]|\.(?=\w)){2,80})")
_HEADLINE_RE = re.compile(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s")
_NAME_TOKEN = re.compile(r"([A-Z][\w'’.-]*|of|the|de|von|der|for|al-\w+)$")
_ADVERBS = frozenset(
    "also later previously earlier again had has have reportedly then further did does not never "
    "repeatedly recently now first".split()
)
_SOURCE_NOUNS = frozenset(
    "minister ministry officials official spokesman spokeswoman spokesperson intelligence military "
    "army police authorities government sources analysts experts report reports agency command "
    "service estimates statement president commander institute".split()
)
_UNNAMED = frozenset(["reports", "report", "media reports", "sources"])
_DETERMINERS = frozenset("a an the this that these those it its".split())
_PRONOUNS = frozenset("he she they it we i him her them who which".split())
_NOT_A_SOURCE = _PRONOUNS | _UNNAMED | _DETERMINERS
# Case-sensitive on purpose (an IGNORECASE alternation is several times slower in `re`).
_REPORTED_RE = re.compile(
    r"\b(?:[Rr]eportedly|[Aa]llegedly|[Rr]eports?\s+(?:say|said|says|suggest|suggested|suggests|of|"
    r"that|indicate)|[Aa]ccording to (?:media |news |unconfirmed |press )?reports|(?:is|are|was|were) "
    r"(?:said|reported|believed|thought|alleged) to|[Uu]nconfirmed reports|[Mm]edia reports)\b"
)
_DENIED_RE = re.compile(
    r"\b(?:[Dd]en(?:y|ied|ies|ying)|[Dd]ismiss(?:ed|es|ing)?|[Rr]eject(?:ed|s|ing)?|"
    r"[Rr]efut(?:ed|es|ing)|fake news|groundless|baseless)\b"
)
_NEGATION_RE = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+)?$", re.I)
_POSSIBLE_WORDS = (
    "could|may|might|would|possibly|potentially|perhaps|likely to|expected to|set to|planned to"
)
_POSSIBLE_RE = re.compile(rf"\b(?:{_POSSIBLE_WORDS})\b")
# Pieces of text every match of a cue pattern contains: a sentence without any of them skips the
# pattern (substring tests are far cheaper than a regex scan of the sentence).
_CUE_NEEDLES = (
    *"said say told tell add warn claim estimat report announced stated noted described".split(),
    *"insisted confirmed suggest believe wrote tweeted posted allege accused figure".split(),
    *"deny denie dismissed rejected".split(),
)
_ACCORDING_NEEDLES = ("ccording to",)
_REPORTED_NEEDLES = ("eport", "llegedly", "said to", "believed to", "thought to", "alleged to")
_DENIED_NEEDLES = ("eny", "enie", "ismiss", "eject", "efut", "fake news", "groundless", "baseless")
_POSSIBLE_NEEDLES = _POSSIBLE_WORDS.split("|")
_CASUALTY_NEEDLES = ("killed", "wounded", "injured", "dead", "captured", "missing")
# The two patterns scanned over every text and sentence start with a character class, so `re`
# jumps between the few characters that can start a match instead of trying every position.
_CLAUSE_BREAK = re.compile(r"[;:—–(“”\",](?:(?<=,)\s|(?<!,))")  # a comma only before a space
# Sentence ends for bare text: terminal punctuation, a blank line, or a line break before a capital
# that does not continue a clause (headlines and captions have no full stop).
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Gen Lt Col Sgt Capt Maj Adm Prof St Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "No Rep Sen Gov vs etc approx Inc Ltd Co Corp".split()
)
# Checked after the punctuation mark is read: not 'Mr.', 'Gen.', 'U.' (a single letter)
_NOT_AFTER_ABBREVIATION = r"(?<!\b[A-Za-z].)" + "".join(rf"(?<!\b{a}.)" for a in _ABBREVIATIONS)
_BOUNDARY_RE = re.compile(
    rf"[.!?…\n](?:(?<=[.!?…]){_NOT_AFTER_ABBREVIATION}[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|"
    r"(?<=\n)[ \t]*\n|(?<=\n)(?<![,;:(–—-]\n)(?=[\"“‘(\[]?[A-Z]))"
)
# An actor before the number owns what is counted only as the subject of a verb like these.
_OWNER_VERB_AFTER = re.compile(
    r"(?:\s+(?:has|have|had|now|already|also|reportedly|is|are|was|were|been|still|could|would|"
    r"may|might|will|can|plans? to|wants? to|is set to|is to)){0,3}\s+"
    r"(?:sent|sends|send|sending|deployed|deploys|deploy|deploying|amassed|amasses|has|had|have|"
    r"fired|fires|launched|launches|lost|loses|brought|moved|stationed|keeps|kept|mobili[sz]ed|"
    r"supplied|supplies|shipped|ships|provided|provides|delivered|transferred|spent|spends|"
    r"pledged|pledges|committed|commits|dispatched|massed|gathered|recruited|trained|"
    r"used|uses|produced|produces|received|receives|bought|buys|recruit|recruits|mobili[sz]e)\b"
)


@lru_cache(maxsize=1)
def _actors() -> Actors:
    """The shipped actors (countries, demonyms, capitals), loaded once."""
    return load_actors()


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Aliases that are people's names: they tell who speaks, not whose troops are counted."""
    actors = _actors()
    names = {p for a in actors.actors for p in a.people}
    return frozenset(names | {p.split()[-1] for p in names})


def _contains(text: str, needles: tuple[str, ...] | list[str]) -> bool:
    """True when `text` holds one of the needles (a pre-check before a regex scan)."""
    return any(map(text.__contains__, needles))  # map, not a generator: cheaper in the hot path


def extract_figures(text: str) -> pd.DataFrame:
    """Figures in any text (schema 'figures'; article fields empty): value, hedge, kind, claimant."""
    return frame(figure_rows(text))


def figure_rows(text: str) -> list[dict[str, object]]:
    """The rows of `extract_figures(text)` as dicts, without building a DataFrame (the hot path).

    Each dict holds the 'figures' columns plus 'source_at' (offset of the named source, -1 if none).
    """
    quantities = find_quantities(text)
    if not quantities:
        return []
    bounds = [0] + [m.end() for m in _BOUNDARY_RE.finditer(text)] + [len(text)]
    # an over-long 'sentence' (no stop in it) is read in pieces, so a row costs bounded time
    starts = [piece for start, end in pairwise(bounds) for piece, _ in cut_long(text, start, end)]
    rows: list[dict[str, object]] = []
    by_sentence: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        by_sentence.setdefault(bisect.bisect_right(starts, quantity.start) - 1, []).append(quantity)
    for index, found in by_sentence.items():
        begin = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        sentence = text[begin:end]
        rows.extend(_rows(sentence.rstrip(), _shifted(found, -begin), begin))
    return rows


_COLUMNS = schema.columns("figures")


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The figures table from row dicts, built column by column with the right dtypes (fast)."""
    if not rows:
        return schema.empty("figures")
    # object arrays rather than lists: pandas still infers its string dtype, a fifth faster
    return pd.DataFrame(
        {
            column: np.array([row[column] for row in rows], dtype=_DTYPES.get(column, object))
            for column in _COLUMNS
        },
        copy=False,
    )


_DTYPES = {
    "value_low": float,
    "value_high": float,
    "char_start": np.int64,
    "char_end": np.int64,
    "is_repeat": bool,
}


def _claimant(row: dict[str, object], quote: Quote | None, outlet: str) -> str:
    """The quote's speaker, unless an attribution inside the quoted span is nearer ('X claimed
    that ..., Kyiv also warned that ...'); else the sentence's own source; else the outlet."""
    own = str(row["claimant"])
    source_at = int(row["source_at"])  # type: ignore[call-overload]
    if (
        quote
        and quote.speaker
        and not (own and quote.char_start <= source_at < int(row["char_start"]))
    ):
        return quote.speaker
    return own or outlet


def _shifted(quantities: list[Quantity], offset: int) -> list[Quantity]:
    """The quantities with their offsets moved by `offset` (text offsets -> sentence offsets)."""
    for quantity in quantities:
        quantity.start += offset
        quantity.end += offset
        quantity.unit_end += offset
    return quantities


def _rows(sentence: str, quantities: list[Quantity], offset: int) -> list[dict[str, object]]:
    """One figures row per quantity of a sentence (offsets shifted by `offset`)."""
    context = _SentenceContext(sentence)
    evidence = sentence.strip()
    rows = []
    for quantity in quantities:
        subject, kind, actor = context.counted(quantity)
        claimant, reported, source_at = context.claimant(quantity.start)
        rows.append(
            {
                "article_id": "",
                "outlet": "",
                "published": "",
                "value_low": quantity.low,
                "value_high": quantity.high,
                "vague": quantity.vague,
                "value_text": quantity.text,
                "approximator": quantity.approximator,
                "kind": kind,
                "subject": subject,
                "actor": actor,
                "claimant": claimant,
                "modality": context.modality(quantity, reported),
                "sentence": evidence,
                "char_start": offset + quantity.start,
                "char_end": offset + quantity.end,
                "is_repeat": False,
                "sentence_id": "",
                "source_at": offset + source_at,
            }
        )
    return rows


class _SentenceContext:
    """Clauses, actor mentions and attribution cues of one sentence, shared by all its numbers."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._breaks: list[int] | None = None
        self.sources = _sources(sentence)
        self.reported = (
            _REPORTED_RE.search(sentence) if _contains(sentence, _REPORTED_NEEDLES) else None
        )
        denial = _DENIED_RE.search(sentence) if _contains(sentence, _DENIED_NEEDLES) else None
        self.denied = bool(denial) and not _NEGATION_RE.search(sentence[: denial.start()])
        self.casualty_cue = _contains(sentence, _CASUALTY_NEEDLES)
        self.possible = (
            [m.span() for m in _POSSIBLE_RE.finditer(sentence)]
            if _contains(sentence, _POSSIBLE_NEEDLES)
            else []
        )

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around [start, end) (commas, semicolons, dashes, quotes)."""
        if self._breaks is None:  # found on first use: many numbers never need their clause
            self._breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.sentence)]
        breaks = self._breaks
        i = bisect.bisect_right(breaks, start) - 1
        j = bisect.bisect_left(breaks, end + 1)
        clause_end = breaks[j] - 1 if j < len(breaks) else len(self.sentence)
        return (breaks[i] if i >= 0 else 0), clause_end

    def claimant(self, position: int) -> tuple[str, bool, int]:
        """(nearest named source, whether the figure is only 'reported', where the source stands)."""
        if self.sources:
            at, who = min(self.sources, key=lambda s: abs(s[0] - position))
            return who, False, at
        if self.reported:
            return "reports", True, self.reported.start()
        return "", False, -1

    def modality(self, quantity: Quantity, reported: bool) -> str:
        """denied / possible / reported / asserted for a number of this sentence."""
        if self.denied:
            return "denied"
        if self.possible:
            clause_start, clause_end = self.clause(quantity.start, quantity.end)
            # a cue word never spans a clause break, so 'inside the clause' is 'found in it'
            if any(clause_start <= at and end <= clause_end for at, end in self.possible):
                return "possible"
        return "reported" if reported or self.reported else "asserted"

    def counted(self, quantity: Quantity) -> tuple[str, str, str]:
        """(subject, kind, actor) of a number: what is counted and whose it is."""
        sentence = self.sentence
        words = quantity.unit.split() if quantity.unit and quantity.unit != "percent" else []
        phrase, phrase_end = _noun_phrase(sentence, quantity.unit_end)
        if not phrase and not words:
            clause_start = self.clause(quantity.start, quantity.end)[0]
            phrase = _noun_before(sentence[clause_start : quantity.start])
        casualty = (
            _CASUALTY_AFTER.match(sentence, phrase_end) if phrase and self.casualty_cue else None
        )
        casualty_words = casualty.group(1) if casualty else ""
        subject = "percent" if quantity.unit == "percent" else " ".join(words + phrase)
        if casualty_words:
            subject = f"{subject} {casualty_words}"
        kind = _kind(sentence, quantity, [w.lower() for w in phrase], bool(casualty_words))
        if kind == "other":
            return subject.strip(), kind, ""
        surnames = _surnames()
        in_subject = [
            m
            for m in _actors().mentions(sentence[quantity.end : phrase_end])
            if m.matched not in surnames
        ]
        if in_subject:
            return subject.strip(), kind, in_subject[0].actor
        clause = sentence[self.clause(quantity.start, quantity.end)[0] : quantity.start]
        before = [
            m
            for m in _actors().mentions(clause)
            if m.matched not in surnames
            and _OWNER_VERB_AFTER.match(clause, m.end)  # 'Russia had amassed', 'Kyiv sent'
        ]
        return subject.strip(), kind, before[-1].actor if before else ""


def _sources(sentence: str) -> list[tuple[int, str]]:
    """(position, source) of every attribution in a sentence: 'according to X', 'X said', 'X:'."""
    sources = (
        [(m.start(), _clean_source(m.group(1))) for m in _ACCORDING_RE.finditer(sentence)]
        if _contains(sentence, _ACCORDING_NEEDLES)
        else []
    )
    headline = _HEADLINE_RE.match(sentence)
    if headline:
        sources.append((headline.start(1), headline.group(1)))
    for cue in _CUE_RE.finditer(sentence) if _contains(sentence, _CUE_NEEDLES) else ():
        who = _speaker_before(sentence[max(0, cue.start() - 120) : cue.start()]) or _speaker_after(
            sentence[cue.end() : cue.end() + 60]
        )
        if who:
            sources.append((cue.start(), who))
    return [(p, s) for p, s in sources if s and s.lower() not in _NOT_A_SOURCE]


def _clean_source(phrase: str) -> str:
    """The source named after 'according to', without trailing clauses ('... on behalf of ...')."""
    phrase = re.sub(
        r"^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|post|message|interview)\s+"
        r"(?:published\s+|issued\s+|released\s+|posted\s+)?(?:by|from)\s+",
        "",
        phrase,
    )
    phrase = re.split(
        r"\s+(?:on behalf of|on|in|at|during|after|before|with|via|while|when)\s+", phrase
    )[0]
    words = phrase.split()[:8]
    while words and words[-1].lower() in _NP_STOP:
        words.pop()
    return " ".join(words)


def _speaker_before(before: str) -> str:
    """The name or source right before a speech verb ('Ukrainian President Volodymyr Zelensky')."""
    words = before.rstrip(" ,").split()
    while words and words[-1].lower() in _ADVERBS:
        words.pop()
    name: list[str] = []
    while words and _NAME_TOKEN.match(words[-1].rstrip(",")) and not words[-1].endswith(","):
        name.insert(0, words.pop())
    while (
        name
        and name[0].lower() in ("of", "de", "for", "von", "der")
        or name[:1] == ["the"]
        and (len(name) != 2)
    ):
        name.pop(0)
    if name:
        return " ".join(name).strip("“”\"'’")
    phrase: list[str] = []
    while words and len(phrase) < 4 and words[-1].lower() not in _NP_STOP:
        if words[-1].endswith((",", "”", '"', ":", ";")):
            break
        phrase.insert(0, words.pop())
    if not phrase:
        return ""
    if any(w[:1].isupper() for w in phrase) or phrase[-1].lower() in _SOURCE_NOUNS:
        return " ".join((["the"] if words and words[-1] == "the" else []) + phrase)
    last = phrase[-1]
    return last[:1].upper() + last[1:] if _actors().mentions(last[:1].upper() + last[1:]) else ""


def _speaker_after(after: str) -> str:
    """The name after an inverted speech verb (', said Ben Kaiser')."""
    match = _NAME_AFTER.match(after)
    return match.group(1).strip() if match else ""


def _noun_phrase(sentence: str, position: int) -> tuple[list[str], int]:
    """The noun phrase after a number ('North Korean soldiers') and where it ends."""
    limit = position + 120
    tokens = _NP_TOKEN.finditer(sentence, position, limit)  # read lazily: most phrases are short
    first = next(tokens, None)
    start = [first] if first else []
    if first and first.group() == "of":  # '10,000 of the troops', '38 of 45 drones'
        second = next(tokens, None)
        skip = second and (second.group() == "the" or second.group()[:1].isdigit())
        start = [] if skip or not second else [second]
    phrase: list[str] = []
    end = position
    head = False  # a plural noun closes the phrase, except for 'rounds of ammunition'
    for match in islice(chain(start, tokens), 8):
        written = match.group()
        token = written if "." in written[:-1] else written.rstrip(".")
        if not token:
            break
        low = token.lower()
        if head and not (low == "of" or phrase[-1] == "of" or low in _TROOP_OR_WEAPON_WORDS):
            break
        if low in ("and", "or"):
            following = _NP_TOKEN.search(sentence, match.end(), limit)
            if following and following.group()[:1].isupper():  # 'North and South Korean'
                phrase.append(token)
                continue
            break
        if (
            not token[0].isalpha()
            or low in _NP_STOP
            or (low.endswith(("ed", "ing")) and low not in _PARTICIPLE_MODIFIERS and phrase)
        ):
            break
        phrase.append(token)
        end = match.start() + len(token)
        head = head or (
            token[-1] == "s" and token[0].islower() and not low.endswith(("ss", "'s", "’s"))
        )
    while phrase and phrase[-1].lower() in ("and", "or", "of"):
        phrase.pop()
    return phrase, end


def _noun_before(clause: str) -> list[str]:
    """A counted noun earlier in the clause ('This contingent may grow to 100,000')."""
    nouns = [w for w in _WORD_RE.findall(clause) if w.lower() in _COUNTED_NOUNS]
    return nouns[-1:]


def _kind(sentence: str, quantity: Quantity, noun_words: list[str], casualty_after: bool) -> str:
    """troops / casualties / weapons / money / other from the counted noun and its context."""
    if quantity.money:
        return "money"
    if quantity.unit:
        return "other"
    nouns = set(noun_words)
    if nouns & CASUALTY_WORDS or (
        nouns & _PEOPLE_WORDS
        and (
            casualty_after
            or _CASUALTY_BEFORE.search(sentence, max(0, quantity.start - 40), quantity.start)
        )
    ):
        return "casualties"
    if nouns & TROOP_WORDS and not nouns & _WEAPONS_NOT_FIGHTERS:
        return "troops"
    if nouns & WEAPON_WORDS:
        return "weapons"
    return "other"


def article_rows(article: Article, quotes: list[Quote]) -> list[dict[str, object]]:
    """figures rows of one article (the per-article map): every quantity of its analysed sentences,
    with its claimant taken from the quote it stands in, if any."""
    rows: list[dict[str, object]] = []
    for sentence in article.sentences:
        if sentence.is_boilerplate:
            continue
        quantities = find_quantities(sentence.text)
        if not quantities:  # most sentences: no sentence context to build
            continue
        for row in _rows(sentence.text, quantities, sentence.char_start):
            quote = quote_at(quotes, int(row["char_start"]), int(row["char_end"]))
            row |= {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "published": article.published,
                "is_repeat": sentence.is_repeat,
                "sentence_id": article.sentence_id(sentence),
                "claimant": _claimant(row, quote, article.outlet),
            }
            rows.append(row)
    return rows


def corpus_tables(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The two cross-source views of a corpus's figures table (the reduce): timeline and claims."""
    return {
        "claims_timeline": claims_timeline(figures),
        "who_reported_what": who_reported_what(figures),
    }


def tables(articles: list[Article], quotes: dict[str, list[Quote]]) -> dict[str, pd.DataFrame]:
    """The figures table of a corpus and its two cross-source views, keyed by export name."""
    rows = [row for a in articles for row in article_rows(a, quotes.get(a.article_id, []))]
    figures = frame(rows)
    return {"figures": figures} | corpus_tables(figures)


def claims_timeline(
    figures: pd.DataFrame, kind: str | None = None, actor: str | None = None
) -> pd.DataFrame:
    """Non-repeated figures (optionally of one kind and actor) by publication date: estimate growth."""
    chosen = figures[~figures["is_repeat"].astype(bool)]
    if kind:
        chosen = chosen[chosen["kind"] == kind]
    if actor:
        chosen = chosen[chosen["actor"] == actor]
    undated = chosen["published"].fillna("").eq("")
    chosen = chosen.assign(_undated=undated).sort_values(
        ["_undated", "published", "outlet", "article_id", "char_start"], kind="stable"
    )
    return schema.conform(chosen, "claims_timeline")


_SUBJECT_SYNONYMS = {w: "troops" for w in TROOP_WORDS} | {w: "casualties" for w in CASUALTY_WORDS}


def _subject_key(subject: str, actor_words: set[str]) -> frozenset[str]:
    """Content words of a subject, actors removed and synonyms merged ('soldiers' = 'troops')."""
    words = {w.lower() for w in re.findall(r"[A-Za-z-]+", subject)} - actor_words - _NP_STOP
    return frozenset(_SUBJECT_SYNONYMS.get(w, w) for w in words if len(w) > 2)


def who_reported_what(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures grouped into claims (same kind and actor, overlapping values, any outlet), with conflicts.

    Vague amounts take order-of-magnitude bounds ('thousands' = 1,000..10,000). Two claims of the
    same kind and actor conflict when different outlets give non-overlapping estimates of a similar
    subject; figures framed as only possible or denied are grouped but never counted as conflicts.
    """
    chosen = figures[~figures["is_repeat"].astype(bool) & (figures["kind"] != "other")]
    items = []
    for row in chosen.to_dict("records"):
        bounds = (
            (row["value_low"], row["value_high"])
            if not row["vague"]
            else vague_bounds(row["vague"])
        )
        if bounds and pd.notna(bounds[0]) and pd.notna(bounds[1]):
            low, high = sorted((float(bounds[0]), float(bounds[1])))
            items.append((row["kind"], row["actor"], low, high, row))
    items.sort(key=lambda item: (item[0], item[1], item[2], item[3]))
    groups: list[list[tuple]] = []
    for item in items:
        last = groups[-1] if groups else None
        if last and last[0][:2] == item[:2] and item[2] <= max(i[3] for i in last) * 1.05:
            last.append(item)
        else:
            groups.append([item])
    ids = {id(group): f"C{n}" for n, group in enumerate(groups, start=1)}
    conflicts: dict[str, set[str]] = {ids[id(g)]: set() for g in groups}
    actor_words = {
        w.lower() for a in _actors().actors for alias in a.aliases for w in alias.split()
    }
    for a, b in _disagreeing(groups, actor_words):
        conflicts[ids[id(groups[a])]].add(ids[id(groups[b])])
        conflicts[ids[id(groups[b])]].add(ids[id(groups[a])])
    rows = [_claim_row(ids[id(g)], g, conflicts[ids[id(g)]]) for g in groups]
    return (
        schema.conform(pd.DataFrame(rows), "who_reported_what")
        if rows
        else schema.empty("who_reported_what")
    )


def _disagreeing(groups: list[list[tuple]], actor_words: set[str]) -> set[tuple[int, int]]:
    """Pairs of groups of the same kind and actor where two outlets give non-overlapping firm
    estimates of a similar subject (a content word in common). Found through a word index rather
    than by comparing every pair of groups, so a large corpus costs no quadratic time in figures."""
    keys: dict[str, frozenset[str]] = {}
    by_word: dict[tuple, dict[int, set[str]]] = {}  # (kind, actor, word) -> group -> outlets
    for number, group in enumerate(groups):
        for item in group:
            row = item[4]
            if row["modality"] not in ("asserted", "reported"):
                continue
            subject = row["subject"]
            if subject not in keys:
                keys[subject] = _subject_key(subject, actor_words)
            for word in keys[subject]:
                by_word.setdefault((*item[:2], word), {}).setdefault(number, set()).add(
                    row["outlet"]
                )
    pairs: set[tuple[int, int]] = set()
    for outlets_by_group in by_word.values():
        members = sorted(outlets_by_group.items())
        for i, (first, outlets) in enumerate(members):
            for second, others in members[i + 1 :]:
                if len(outlets | others) > 1:  # two different outlets, one in each group
                    pairs.add((first, second))
    return pairs


def _claim_row(claim_id: str, group: list[tuple], conflicts: set[str]) -> dict[str, object]:
    records = [item[4] for item in group]
    subjects = pd.Series([r["subject"] for r in records])
    dates = sorted(r["published"] for r in records if r["published"])
    outlets = list(dict.fromkeys(r["outlet"] for r in records))
    return {
        "claim_id": claim_id,
        "kind": group[0][0],
        "actor": group[0][1],
        "subject": subjects.mode().iloc[0] if not subjects.empty else "",
        "value_low": min(item[2] for item in group),
        "value_high": max(item[3] for item in group),
        "outlets": "; ".join(outlets),
        "n_outlets": len(outlets),
        "claimants": "; ".join(dict.fromkeys(r["claimant"] for r in records if r["claimant"])),
        "first_seen": dates[0] if dates else "",
        "conflict": bool(conflicts),
        "conflicts_with": "; ".join(sorted(conflicts, key=lambda c: int(c[1:]))),
        "sentence_ids": "; ".join(dict.fromkeys(r["sentence_id"] for r in records)),
    }
