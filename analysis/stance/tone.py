"""Tone toward each actor and voice balance, per outlet: the `stance` table.

Tone: every analysed sentence that mentions an actor (alias, demonym or official's name) gives one
row per actor. In English the row is scored by the tone model trained on NewsMTSC, news sentences
labelled for their tone toward a named target (analysis/stance/model.py; F1_m about 0.69 on its
dev sets, where VADER on the clause around the mention reaches 0.54): P(favourable) -
P(critical) toward the actor's first mention in the sentence, -1 .. 1. An actor the sentence
shows only being attacked, threatened or accused, or only condemning or urging (analysis/events),
or whose side the sentence only quotes, is not held to be criticised for it: a negative score is raised to 0, so an outlet reporting its
own country's dead, or its government's protest, is not said to portray that country critically.
Other languages have no labelled data: their rows count mentions with no score (`method` 'not
measured'), and their events carry the stance. The actor's tone_score is the mean over its
measured sentences; critical at <= -0.10, favourable at >= +0.10. It points an analyst at
sentences, it is not a measure of intent.
Voice balance: the share of the outlet's quoted words (direct and reported, nested quotes counted
once, repeated sentences not at all) spoken by the actor's camp.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis import schema
from analysis.ingest.article import Article
from analysis.ingest.repeats import WORD_RE
from analysis.ingest.text import Sentence
from analysis.stance.model import tone_sentences
from analysis.voices.quotes import Quote
from analysis.world import languages
from analysis.world.actors import Actors, Mention
from analysis.world.mentions import SentenceMentions

CRITICAL_AT = -0.10
FAVOURABLE_AT = 0.10
EVIDENCE_SENTENCES = 3
MODEL, NOT_MEASURED = "newsmtsc model", "not measured"
# 'The United States condemned the attack' is not critical of the United States: the doer of these
# events is spared like a victim (the model reads the attack's words as tone toward every name)
SPEAKING_OUT = frozenset(("ACCUSE", "REQUEST"))


def tone_label(score: float) -> str:
    """critical / neutral / favourable from a mean tone score; 'not measured' for none (NaN)."""
    if score != score:
        return NOT_MEASURED
    if score <= CRITICAL_AT:
        return "critical"
    return "favourable" if score >= FAVOURABLE_AT else "neutral"


def quoted_words_by_quote(article: Article, quotes: list[Quote]) -> list[int]:
    """Quoted words owned by each quote (in `quotes` order): each word once, the innermost quote
    owning it, repeats and furniture left out. Camps are applied later, in the corpus reduce.
    A quote overlapping no other owns all its words: they are counted by regex, per sentence
    (`_counted_words`); only quotes nested in or overlapping others are read word by word."""
    sentences = sorted(article.sentences, key=lambda s: s.char_start)
    starts = [s.char_start for s in sentences]
    raw = article.raw_text
    words = [0] * len(quotes)
    by_start = sorted(range(len(quotes)), key=lambda i: quotes[i].char_start)
    group: list[int] = []
    reach = -1
    for index in [*by_start, None]:  # groups of quotes overlapping one another
        quote = quotes[index] if index is not None else None
        if quote is not None and group and quote.char_start < reach:
            group.append(index)
            reach = max(reach, quote.char_end)
            continue
        if len(group) == 1:
            words[group[0]] = _counted_words(raw, quotes[group[0]], sentences, starts)
        elif group:
            _owned_words(raw, [(i, quotes[i]) for i in group], sentences, starts, words)
        if quote is not None:
            group, reach = [index], quote.char_end
    return words


def _counted_words(raw: str, quote: Quote, sentences: list[Sentence], starts: list[int]) -> int:
    """Words of a quote overlapping no other that start in a counted sentence (a position belongs
    to the last sentence starting at or before it, if it ends after it). The quote's words are
    read from its start, as the word-by-word reading does: `before(x)` words start before x."""
    first, last = quote.char_start, quote.char_end

    def before(x: int) -> int:
        if x >= last:
            return quote.words  # its text is the span's, white space flattened: the same words
        return len(WORD_RE.findall(raw, first, x)) if x > first else 0

    total = 0
    at = max(bisect.bisect_right(starts, first) - 1, 0)
    while at < len(sentences) and starts[at] < last:
        sentence = sentences[at]
        at += 1
        if not sentence.counted:
            continue
        end = min(sentence.char_end, starts[at]) if at < len(sentences) else sentence.char_end
        low, high = max(first, sentence.char_start), min(last, end)
        if low < high:
            total += before(high) - before(low)
    return total


def _owned_words(
    raw: str,
    group: list[tuple[int, Quote]],
    sentences: list[Sentence],
    starts: list[int],
    words: list[int],
) -> None:
    """Words of quotes nested in or overlapping one another, read word by word: each word is
    owned by the shortest quote whose words start there (the later one among equals)."""
    owner: dict[int, int] = {}
    group = sorted(group)
    for index, quote in sorted(group, key=lambda item: item[1].char_start - item[1].char_end):
        for match in WORD_RE.finditer(raw, quote.char_start, quote.char_end):
            owner[match.start()] = index
    for position, index in owner.items():
        at = bisect.bisect_right(starts, position) - 1
        if at >= 0 and position < sentences[at].char_end and sentences[at].counted:
            words[index] += 1


def camp_words(quote_words: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The reduce's quoted words per (article, outlet, camp) from the words each quote owns and
    the camp the reduce gave its speaker ('' = unknown speaker)."""
    camp_of = dict(
        zip(quotes["quote_id"].tolist(), quotes["camp"].fillna("").tolist(), strict=True)
    )
    frame = quote_words.assign(camp=quote_words["quote_id"].map(camp_of).fillna(""))
    frame = frame[frame["words"] > 0]
    if frame.empty:
        return pd.DataFrame(columns=CAMP_WORD_COLUMNS)
    summed = frame.groupby(["article_id", "outlet", "camp"], sort=False)["words"].sum()
    return summed.reset_index()[CAMP_WORD_COLUMNS]


TONE_COLUMNS = schema.columns("tone")
CAMP_WORD_COLUMNS = ["article_id", "outlet", "camp", "words"]
QUOTE_WORD_COLUMNS = ["article_id", "outlet", "quote_id", "words"]


def tone_rows(
    article: Article,
    actors: Actors,
    quotes: list[Quote],
    hits: list[dict],
    mentions: SentenceMentions | None = None,
    events: list[dict] | None = None,
) -> tuple[list[dict], list[dict]]:
    """The per-article part of the stance table: one row per (sentence, actor it names), scored by
    the tone model in English (NaN elsewhere), an actor the sentence's events show only as a
    target of conflict never scored below 0; and the quoted words each quote owns (quote ids as
    in the quotes table)."""
    escalation: dict[str, int] = defaultdict(int)
    for hit in hits:
        if not hit["negated"]:
            escalation[str(hit["sentence_id"])] += 1
    doers, targets = _conflict_roles(events or [])
    scored = []
    mentions = mentions or SentenceMentions(actors)
    measured = languages.code(article.language) in ("en", "")  # the model reads English only
    article_id, outlet = article.article_id, article.outlet
    sides = [(q.char_start, q.char_end, q.affiliation) for q in quotes if q.affiliation]
    named: list[tuple[Sentence, dict[str, Mention]]] = []
    for sentence in article.counted_sentences:
        found = mentions.of(sentence)
        if not found:
            continue
        first: dict[str, Mention] = {}  # the actor's first mention: scored, and its row id
        for mention in found:
            first.setdefault(mention.actor, mention)
        named.append((sentence, first))
    # the model scores every sentence's actors at once
    toned = _scores(named) if measured else [{} for _ in named]
    for (sentence, first), scores in zip(named, toned, strict=True):
        sentence_id = article.sentence_id(sentence)
        hits_here = escalation.get(sentence_id, 0)
        speaking = {  # the sides whose words the sentence quotes: reporting them is no criticism
            side
            for start, end, side in sides
            if start < sentence.char_end and sentence.char_start < end
        }
        for actor in first:
            spared = actor in targets[sentence_id] or actor in speaking
            victim = spared and actor not in doers[sentence_id]
            score = scores.get(actor, math.nan)
            scored.append(
                {
                    "article_id": article_id,
                    "outlet": outlet,
                    "actor": actor,
                    "sentence_id": sentence_id,
                    "score": max(score, 0.0) if victim and score < 0 else score,
                    "escalation_hits": hits_here,
                    "tone_id": schema.row_id(
                        article_id,
                        "t",
                        sentence.char_start + first[actor].start,
                        sentence.char_start + first[actor].end,
                    ),
                    "corrected": False,
                    "method": MODEL if measured else NOT_MEASURED,
                    "only_acted_on": victim,
                }
            )
    owned = [
        {
            "article_id": article.article_id,
            "outlet": article.outlet,
            "quote_id": f"{article.article_id}:q{n}",
            "words": words,
        }
        for n, words in enumerate(quoted_words_by_quote(article, quotes), start=1)
    ]
    return scored, owned


def _scores(named: list[tuple[Sentence, dict[str, Mention]]]) -> list[dict[str, float]]:
    """Each actor's tone in each sentence: the model's score toward its first mention there."""
    found = tone_sentences(
        (sentence.text, [(mention.start, mention.end) for mention in first.values()])
        for sentence, first in named
    )
    return [
        dict(zip(first, (score for _, score in tones), strict=True))
        for (_, first), tones in zip(named, found, strict=True)
    ]


def _conflict_roles(events: list[dict]) -> tuple[defaultdict, defaultdict]:
    """Per sentence id: the actors its conflict events show doing something hostile, and those
    they show it done to or speaking out (condemning, urging: SPEAKING_OUT), negated events left
    out. The second are the actors a negative sentence is not held against."""
    doers: defaultdict[str, set[str]] = defaultdict(set)
    spared: defaultdict[str, set[str]] = defaultdict(set)
    for row in events:
        if row["negated"] or not str(row["quad"]).endswith("conflict"):
            continue
        sentence = row["sentence_id"]
        if row["event"] in SPEAKING_OUT:
            spared[sentence].add(row["source"])
        else:
            doers[sentence].add(row["source"])
        spared[sentence].add(row["target"])
    return doers, spared


def _evidence(
    rows: Sequence[int], ids: list[str], scores: Sequence[float], hits: Sequence[int], label: str
) -> list[int]:
    """The tone rows behind a label (`rows` index the tone rows' sentence ids, scores and hits):
    most negative / most positive / strongest either way. Only the rows that can be among the
    first few are sorted (those at or below the few-th smallest key, found by numpy): the same ids,
    in the same order, as sorting every row of an outlet that mentions an actor thousands of times."""
    at = np.asarray(rows, dtype=np.int64)
    score = np.asarray(scores, dtype=np.float64)[at]
    if label == "critical":
        keys = score - np.asarray(hits, dtype=np.float64)[at]
    elif label == "favourable":
        keys = -score
    else:
        keys = -np.abs(score)
    if len(at) > EVIDENCE_SENTENCES:
        kept = keys <= np.partition(keys, EVIDENCE_SENTENCES - 1)[EVIDENCE_SENTENCES - 1]
        at, keys = at[kept], keys[kept]
    by_key = dict(zip(at.tolist(), keys.tolist(), strict=True))
    if label == "critical":  # ties by sentence id; otherwise ties keep the rows' order
        ranked = sorted(by_key, key=lambda i: (by_key[i], ids[i]))
    else:
        ranked = sorted(by_key, key=by_key.__getitem__)
    return ranked[:EVIDENCE_SENTENCES]


_NO_ROWS = np.zeros(0, dtype=np.int64)


def _rows_by(tone: pd.DataFrame) -> dict[tuple[str, str], np.ndarray]:
    """The tone rows of each outlet x actor, in table order (a stable sort of factorized keys)."""
    outlet_codes, outlet_names = pd.factorize(tone["outlet"], use_na_sentinel=False)
    actor_codes, actor_names = pd.factorize(tone["actor"], use_na_sentinel=False)
    keys = outlet_codes.astype(np.int64) * max(len(actor_names), 1) + actor_codes
    order = np.argsort(keys, kind="stable")
    starts = np.flatnonzero(np.diff(keys[order])) + 1
    return {
        (outlet_names[outlet_codes[rows[0]]], actor_names[actor_codes[rows[0]]]): rows
        for rows in np.split(order, starts)
        if len(rows)
    }


ROLE_COLUMNS = ("acts", "acted_on", "conflict_acts", "conflict_acted_on")
_NO_ROLE = (0, 0, 0, 0)


def _roles_by(roles: pd.DataFrame | None) -> dict[tuple[str, str], tuple[int, ...]]:
    """(outlet, actor) -> the actor's counts of ROLE_COLUMNS in the outlet's events."""
    if roles is None or roles.empty:
        return {}
    keys = zip(roles["outlet"], roles["actor"], strict=True)
    values = zip(*(roles[c].astype(int).tolist() for c in ROLE_COLUMNS), strict=True)
    return dict(zip(keys, values, strict=True))


def _actor_names(actors: Actors, tone: pd.DataFrame, roles: pd.DataFrame | None) -> list[str]:
    """The actor list's names, then actors only the rows name (an article's language may add
    actors the list lacks: analysis/voices/packs.py actors_for)."""
    names = [actor.name for actor in actors.actors]
    extra = [*tone["actor"].tolist(), *([] if roles is None else roles["actor"].tolist())]
    known = set(names)
    return names + [n for n in dict.fromkeys(extra) if n and n not in known]


def stance_table(
    tone: pd.DataFrame,
    camp_words: pd.DataFrame,
    quotes: pd.DataFrame,
    actors: Actors,
    outlets: list[str],
    roles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The reduce: one row per outlet x actor mentioned, quoted or in an event (`outlets` in order,
    actors in lexicon order, then the others as the rows first name them): mentions, tone, label,
    escalation hits, quoted share, and the actor's part in the outlet's events (`roles`, from
    analysis/events/reduce.py actor_roles)."""
    ids, scores = tone["sentence_id"].tolist(), tone["score"].to_numpy(dtype=np.float64)
    row_ids = tone["tone_id"].tolist()
    hits_of = tone["escalation_hits"].to_numpy(dtype=np.int64)
    rows_by = _rows_by(tone)
    words_by = camp_words.groupby(["outlet", "camp"], sort=False)["words"].sum().to_dict()
    quoted_by: dict[str, set[str]] = defaultdict(set)  # affiliations quoted per outlet
    for outlet, affiliation in (
        quotes[["outlet", "affiliation"]].drop_duplicates().itertuples(index=False)
    ):
        quoted_by[outlet].add(affiliation)
    totals: dict[str, int] = defaultdict(int)  # quoted words per outlet (whole numbers)
    for (outlet, _), words in words_by.items():
        totals[outlet] += words
    role_of = _roles_by(roles)
    rows = []
    for outlet in outlets:
        total = totals.get(outlet, 0)
        quoted = quoted_by.get(outlet, set())
        for name in _actor_names(actors, tone, roles):
            mine = rows_by.get((outlet, name), _NO_ROWS)
            role = role_of.get((outlet, name), _NO_ROLE)
            if not len(mine) and name not in quoted and not any(role):
                continue
            camp = actors.camp(name) or name
            share = words_by.get((outlet, camp), 0) / total if total else 0.0
            values = [s for s in scores[mine].tolist() if s == s]  # the measured ones, in row order
            score = sum(values) / len(values) if values else math.nan
            hits = int(hits_of[mine].sum())
            # no sentence naming it (only quoted, or only in events): 'not measured'
            label = tone_label(score)
            if values:  # the measured sentences behind the label
                behind = _evidence(mine[~np.isnan(scores[mine])], ids, scores, hits_of, label)
            else:  # none measured: the first sentences naming the actor
                behind = mine[:EVIDENCE_SENTENCES].tolist()
            rows.append(
                {
                    "outlet": outlet,
                    "actor": name,
                    "mentions": len(mine),
                    "tone_score": round(score, 3),
                    "tone_label": label,
                    "escalation_hits": hits,
                    "quoted_share": round(share, 3),
                    "evidence_ids": "; ".join(ids[i] for i in behind),
                    **dict(zip(ROLE_COLUMNS, role, strict=True)),
                    "tone_ids": "; ".join(row_ids[i] for i in behind),
                }
            )
    if not rows:
        return schema.empty("stance")
    return schema.conform(pd.DataFrame(rows), "stance")
