"""Stance per outlet, the reduce: who each outlet quotes (quotes rows, camps), its tone toward each
actor, and one summary sentence per outlet with its evidence. How each article frames the claim is
analysis/stance/framing.py.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable

import pandas as pd

from analysis import schema
from analysis.events import reduce as events_reduce
from analysis.events.extract import event_rows
from analysis.ingest.article import Article
from analysis.stance.framing import framing_rows
from analysis.stance.tone import (
    NOT_MEASURED,
    QUOTE_WORD_COLUMNS,
    TONE_COLUMNS,
    camp_words,
    stance_table,
    tone_rows,
)
from analysis.voices.attribution import article_mentions
from analysis.voices.quotes import Quote
from analysis.world.actors import Actors

SUMMARY_FRAMINGS = 3  # framings a summary names; the others are counted
SUMMARY_EVIDENCE = 3  # evidence sentences a summary cites per framing it names


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
                "words": quote.words,
                "char_start": quote.char_start,
                "char_end": quote.char_end,
                "sentence_ids": "; ".join(spanned),
                "corrected": False,
            }
        )
    return rows


# camp -> (top speakers, their first sentences, their first quotes)
_Voices = dict[str, tuple[list[str], list[str], list[str]]]


def camp_voices(quotes: pd.DataFrame) -> dict[str, _Voices]:
    """Per outlet with a named speaker, per camp: its three most quoted speakers by words (as
    `groupby("speaker")["words"].sum().sort_values(ascending=False)`, the same sort on the same
    values) and the first sentence each is quoted in; one groupby for the whole corpus."""
    named = quotes.loc[quotes["speaker"] != "", ["outlet", "camp", "speaker", "words"]]
    keys = ["outlet", "camp", "speaker"]
    first = quotes.loc[named.index, [*keys, "sentence_ids", "quote_id"]].drop_duplicates(keys)
    first_of = dict(
        zip(
            first[keys].itertuples(index=False),
            zip(first["sentence_ids"], first["quote_id"], strict=True),
            strict=True,
        )
    )
    voices: dict[str, _Voices] = {outlet: {} for outlet in named["outlet"].unique()}
    words = named.groupby(keys)["words"].sum()
    for (outlet, camp), sums in words.groupby(level=[0, 1], sort=False):
        top = [key[2] for key in sums.sort_values(ascending=False).index[:3]]
        evidence = [str(first_of[outlet, camp, s][0]).split("; ")[0] for s in top]
        voices[outlet][camp] = (top, evidence, [str(first_of[outlet, camp, s][1]) for s in top])
    return voices


def _voices_clause(
    voices: _Voices | None, stance: pd.DataFrame, actors: Actors
) -> tuple[str, list[str], list[str]]:
    """'Quotes only Western voices (Keir Starmer)' / 'Quotes Western (60%: …) and … voices'
    from an outlet's `camp_voices` (None: no named speaker).

    Shares are the stance table's quoted_share per camp (nested quotes once, repeats not at all).
    """
    shares: dict[str, float] = {}
    for row in stance.itertuples():
        shares[actors.camp(str(row.actor))] = float(row.quoted_share)
    shares = {camp: share for camp, share in shares.items() if camp and share > 0}
    if voices is None or not shares:
        return "Quotes no named speaker", [], []
    parts, evidence, quote_ids = [], [], []
    for camp, share in sorted(shares.items(), key=lambda item: -item[1]):
        speakers, first, first_quotes = voices.get(camp, ([], [], []))
        label = actors.camp_label(camp)
        names = ", ".join(speakers)
        parts.append(
            f"{label} voices ({names})" if len(shares) == 1 else f"{label} ({share:.0%}: {names})"
        )
        evidence += first
        quote_ids += first_quotes
    if len(parts) == 1:
        return f"Quotes only {parts[0]}", evidence, quote_ids
    return f"Quotes {', '.join(parts[:-1])} and {parts[-1]} voices", evidence, quote_ids


def _framing_clause(framing: pd.DataFrame, claim: str | None) -> tuple[str, list[str], list[str]]:
    """'frames North Korean troops in Russia as confirmed (by Mark Rutte)'; with no claim in the
    corpus (no story claim, no figure reported) it says so and names none."""
    if claim is None:
        return "carries no claim the outlets share", [], []
    decisive = framing[(framing["figure_ref"] == "") & framing["primary"].astype(bool)]
    if decisive.empty:
        return f"does not state the claim of {claim}", [], []
    by_label: dict[str, list[str]] = {}
    rows_of: dict[str, list[str]] = {}
    for row in decisive.itertuples():
        label = f"{row.framing} (by {row.by})" if row.by else str(row.framing)
        by_label.setdefault(label, []).append(str(row.sentence_id))
        rows_of.setdefault(label, []).append(str(row.framing_id))
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
    row_ids = [i for label, _ in shown for i in rows_of[label][:SUMMARY_EVIDENCE]]
    return f"frames {claim} as {text}", evidence, row_ids


def _claim_clause(
    framing: pd.DataFrame, claim: str | None, shown: _Shown | None, outlet: str
) -> tuple[str, list[str], list[str]]:
    """How the outlet treats the corpus's main claim: framed (a figure or the story's claim), or,
    when it does not state that claim but reports the main event, the event it reports; with no
    claim at all, the main event itself ('reports Israel attacking Iran in 3 sentences')."""
    reported = shown.reporting.get(outlet, []) if shown is not None and shown.main else []
    sentences = [sentence for sentence, _ in reported][:SUMMARY_EVIDENCE]
    events = [event for _, event in reported][:SUMMARY_EVIDENCE]
    if claim is None and shown is not None and shown.main is not None:
        label = shown.main_label()
        if not reported:
            return f"does not report {label}", [], []
        return f"reports {label} in {len(reported)} sentences", sentences, events
    text, evidence, row_ids = _framing_clause(framing, claim)
    giving = shown.carried.get(outlet, []) if shown is not None else []
    if not evidence and claim is not None and giving:  # in a language its framing is not read in
        return f"gives {claim} ({len(giving)} sentences)", giving[:SUMMARY_EVIDENCE], []
    if not evidence and claim is not None and reported:
        label = shown.main_label()
        text = f"reports {label} ({len(reported)} sentences) without the figure of {claim}"
        return text, sentences, events
    own = shown.counts.get(outlet, []) if shown is not None else []
    if not evidence and claim is not None and own:  # a count of its own, not silence
        labels = list(dict.fromkeys(label for label, _ in own))[:SUMMARY_FRAMINGS]
        text = f"gives {' and '.join(labels)} where most outlets give {claim}"
        return text, list(dict.fromkeys(s for _, s in own))[:SUMMARY_EVIDENCE], []
    return text, evidence, row_ids


def _tone_clause(stance: pd.DataFrame) -> tuple[str, list[str], list[str]]:
    """'portrays Russia critically (3 sentences)' for the clearest non-neutral actors; an outlet
    whose sentences are all in languages the tone model does not read is said to be unmeasured."""
    marked = stance[
        stance["tone_label"].isin(("critical", "favourable")) & (stance["mentions"] >= 2)
    ]
    if marked.empty and len(stance) and (stance["tone_label"] == NOT_MEASURED).all():
        return "tone not measured (the tone model reads English only)", [], []
    if marked.empty:
        return "portrays no actor clearly critically or favourably", [], []
    marked = marked.assign(weight=marked["tone_score"].abs() * marked["mentions"])
    parts, evidence, row_ids = [], [], []
    for row in marked.sort_values("weight", ascending=False).head(2).itertuples():
        adverb = "critically" if row.tone_label == "critical" else "favourably"
        parts.append(f"{row.actor} {adverb} ({row.mentions} sentences, tone {row.tone_score:+.2f})")
        evidence += [e for e in str(row.evidence_ids).split("; ") if e]
        row_ids += [e for e in str(row.tone_ids).split("; ") if e]
    return "portrays " + " and ".join(parts), evidence, row_ids


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
    shown: _Shown | None = None,
) -> pd.DataFrame:
    """One sentence per outlet built only from the tables above, with every clause's evidence;
    `claim` is the label of the claim framed (the story's, or the corpus's main claim)."""
    voices = camp_voices(quotes)
    framing_of = _by_outlet(
        framing[["outlet", "figure_ref", "primary", "framing", "by", "sentence_id", "framing_id"]]
    )
    stance_of = _by_outlet(stance)
    rows = []
    for outlet in outlets:
        clauses = [
            _voices_clause(voices.get(outlet), stance_of(outlet), actors),
            _claim_clause(framing_of(outlet), claim, shown, outlet),
            *([shown.clause(outlet)] if shown is not None else []),
            _tone_clause(stance_of(outlet)),
        ]
        text = "; ".join(c for c, _, _ in clauses) + "."
        evidence = list(dict.fromkeys(e for _, ids, _ in clauses for e in ids))
        row_ids = list(dict.fromkeys(e for _, _, ids in clauses for e in ids))
        each = [{"clause": c, "sentence_ids": list(dict.fromkeys(ids))} for c, ids, _ in clauses]
        rows.append(
            {
                "outlet": outlet,
                "summary": text,
                "evidence_ids": "; ".join(evidence),
                "row_ids": "; ".join(row_ids),
                "clauses": json.dumps(each, ensure_ascii=False),
            }
        )
    return schema.conform(pd.DataFrame(rows), "summaries") if rows else schema.empty("summaries")


def tables(
    articles: list[Article],
    actors: Actors,
    quotes: dict[str, list[Quote]],
    figures: pd.DataFrame,
    escalation_hits: pd.DataFrame,
) -> dict[str, pd.DataFrame]:
    """The quotes, framing, event_links, agentless_violence, stance and summaries tables of
    `articles` (figures / hits may be empty): the per-article rows of each, then the corpus reduce
    (analysis/pipeline.py does the same)."""
    figure_rows: dict[str, list[dict]] = defaultdict(list)  # grouped once, not per article
    for row in figures.to_dict("records"):
        figure_rows[row["article_id"]].append(row)
    hit_rows: dict[str, list[dict]] = defaultdict(list)
    for row in escalation_hits.to_dict("records"):
        hit_rows[row["article_id"]].append(row)
    quote_rows_, framing, tone, words, events = [], [], [], [], []
    for article in articles:
        own = quotes.get(article.article_id, [])
        quote_rows_ += quote_rows(article, own)
        mentions = article_mentions(actors, article, own)
        framing += framing_rows(article, actors, own, figure_rows[article.article_id], mentions)
        found = event_rows(article, own, mentions)
        hits = hit_rows[article.article_id]
        scored, owned = tone_rows(article, actors, own, hits, mentions, found)
        events += found
        tone += scored
        words += owned
    outlets = list(dict.fromkeys(a.outlet for a in articles))
    with_camp = with_camps(schema.from_rows(quote_rows_, "quotes"), actors)
    framed = schema.from_rows(framing, "framing")
    return {"quotes": with_camp, "framing": framed} | stance_tables(
        with_camp,
        framed,
        pd.DataFrame(tone, columns=TONE_COLUMNS),
        pd.DataFrame(words, columns=QUOTE_WORD_COLUMNS),
        actors,
        outlets,
        actors.core_claim.label if actors.core_claim else None,
        schema.from_rows(events, "events"),
    )


def with_camps(quotes: pd.DataFrame, actors: Actors) -> pd.DataFrame:
    """Quotes with the camp of each speaker's affiliation (the camps of `actors`, applied in the
    reduce, so regrouping camps needs no per-article work)."""
    return quotes.assign(camp=quotes["affiliation"].fillna("").map(actors.camp).fillna(""))


def stance_tables(
    quotes: pd.DataFrame,
    framing: pd.DataFrame,
    tone: pd.DataFrame,
    quote_words: pd.DataFrame,
    actors: Actors,
    outlets: list[str],
    claim: str | None = None,
    events: pd.DataFrame | None = None,
    main: tuple[str, str, str, int] | None = None,
    carried: dict[str, list[str]] | None = None,
    counts: dict[str, list[tuple[str, str]]] | None = None,
) -> dict[str, pd.DataFrame]:
    """The event_links, agentless_violence, stance and summaries tables from the quotes
    (`with_camps`), framing, tone and event rows (`main`: the corpus's main event,
    analysis/events/reduce.py main_event; `carried`: per outlet, its sentences giving the main
    figure when that is the claim; `counts`: per outlet that does not give it, its own figures of
    the same kind, main_claim.other_counts). The event tables are made once, for themselves and the
    summaries."""
    events = schema.empty("events") if events is None else events
    links = events_reduce.event_links(events, outlets)
    violence = events_reduce.agentless_violence(events, outlets)
    roles = events_reduce.actor_roles(events)
    stance = stance_table(tone, camp_words(quote_words, quotes), quotes, actors, outlets, roles)
    shown = _Shown(events, links, violence, main, carried or {}, counts or {})
    return {
        "event_links": links,
        "agentless_violence": violence,
        "stance": stance,
        "summaries": summaries_table(quotes, framing, stance, outlets, actors, claim, shown),
    }


class _Shown:
    """What each outlet's events show, for its summary: its event_links and agentless_violence
    rows, the sentence of every event (summaries cite sentences) and whether it reports the main
    event."""

    def __init__(
        self,
        events: pd.DataFrame,
        links: pd.DataFrame,
        violence: pd.DataFrame,
        main,
        carried: dict[str, list[str]],
        counts: dict[str, list[tuple[str, str]]],
    ) -> None:
        self.carried = carried
        self.counts = counts
        self.links = _by_outlet(links)
        self.violence = _by_outlet(violence)
        self.sentence_of = dict(zip(events["event_id"], events["sentence_id"], strict=True))
        self.main = main
        reporting: dict[str, list[str]] = {}
        if main is not None:
            source, event, target, _ = main
            shown = events_reduce.happening(events)
            hit = shown[
                (shown["source"] == source)
                & (shown["event"] == event)
                & (shown["target"] == target)
            ]
            for outlet, sentence_id, event_id in zip(
                hit["outlet"], hit["sentence_id"], hit["event_id"], strict=True
            ):
                reporting.setdefault(outlet, []).append((sentence_id, event_id))
        self.reporting = reporting

    def clause(self, outlet: str) -> tuple[str, list[str], list[str]]:
        """The events clause of an outlet's summary: its sentences and the event ids cited."""
        text, ids = events_reduce.events_clause(self.links(outlet), self.violence(outlet))
        return text, [self.sentence_of.get(i, i) for i in ids], ids

    def main_label(self) -> str:
        return events_reduce.event_label(self.main[0], self.main[1], self.main[2])
