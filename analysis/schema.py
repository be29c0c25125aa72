"""The column names of every table the analysis produces, in one place.

These names are the export contract: `python -m analysis export` writes one CSV per table with exactly
these columns, and the dashboard reads them. Add columns at the end; never rename or drop one.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "stable id from the article's text (first 12 hex digits of its SHA-256)",
        "file": "path of the source file relative to the corpus folder (#row N inside CSV/JSONL)",
        "outlet": "publishing outlet, '' when unknown",
        "outlet_source": "where the outlet came from: manifest / header / text / unknown",
        "published": "publication date as YYYY-MM-DD, '' when unknown",
        "published_source": "manifest / header / text / unknown",
        "language": "ISO 639-1 code of the article text",
        "title": "headline, '' when unknown",
        "url": "URL, '' when unknown",
        "words": "word count of the analysed (clean) text",
        "sha256": "SHA-256 of the file's bytes (of the row's text for CSV/JSONL rows)",
        "language_source": "manifest / header / text (detected) / unknown",
        "title_source": "manifest / header / text / unknown",
        "origin_language": "language the article was first published in (manifest), '' when unknown",
        "author": "author or byline, '' when unknown",
        "credit_line": "photo or wire credit from the manifest, '' when unknown",
        "sentences": "number of sentences analysed (boilerplate and repeats excluded)",
        "boilerplate_sentences": "sentences marked as page furniture and left out",
        "repeated_sentences": "sentences repeated inside the article and counted once",
        "warnings": "load warnings for this article, '; '-separated",
        "outlet_group": "the outlet's group (state media, wire, Gulf ...) from the manifest or the "
        "story file, '' when none is given",
        "outlet_country": "the outlet's country from the manifest or the story file, '' when unknown",
        "published_precision": "how much of `published` is known: day / month / year ('' when "
        "unknown); 2024-11 is a month",
    },
    "load_report": {
        "file": "path relative to the corpus folder",
        "status": "loaded / loaded with warnings / skipped",
        "reason": "why it was skipped, or its warnings; '' when loaded cleanly",
        "article_id": "id of the article loaded from it ('' when skipped)",
    },
    "sentences": {
        "article_id": "article the sentence belongs to",
        "sentence_id": "'<article_id>:<index>', the id evidence columns point at",
        "index": "0-based position in the article",
        "char_start": "offset of the first character in the article's raw text",
        "char_end": "offset after the last character in the raw text",
        "is_boilerplate": "page furniture (credits, captions, copyright, comment box): not analysed",
        "is_repeat": "repeats an earlier sentence of the same article: not counted again",
        "text": "the sentence, line breaks replaced by spaces",
    },
    "figures": {
        "article_id": "article ('' from extract_figures on bare text)",
        "outlet": "outlet of the article",
        "published": "publication date of the article",
        "value_low": "lower end of the value (== value_high for a single value); empty when vague",
        "value_high": "upper end of the value; empty when vague",
        "vague": "vague quantity as written ('several thousand', 'dozens'); '' otherwise",
        "value_text": "the number as written",
        "approximator": "as many as / up to / over / more than / at least / around / between ...",
        "kind": "troops / casualties (killed, wounded, captured or missing people) / weapons / "
        "money / other",
        "subject": "what is counted ('Sudanese soldiers', 'drones')",
        "actor": "country or side the counted thing belongs to, '' when not stated",
        "claimant": "who the article credits with the figure, else the outlet",
        "modality": "asserted / possible / reported / denied",
        "sentence": "evidence sentence",
        "char_start": "offset of the number in the raw text",
        "char_end": "offset after the number",
        "is_repeat": "the sentence repeats an earlier one",
        "sentence_id": "evidence sentence id",
        "status": "what happened to what is counted: killed / wounded / killed or wounded / "
        "captured / missing / deployed / fired / destroyed, '' when not stated",
        "figure_id": "stable row id: '<article_id>:f<start>-<end>' (offsets of the number)",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
    },
    "claims_timeline": {
        "published": "publication date of the article",
        "outlet": "outlet",
        "article_id": "article",
        "kind": "figure kind",
        "actor": "actor",
        "subject": "what is counted",
        "value_low": "lower end",
        "value_high": "upper end",
        "approximator": "hedge",
        "modality": "asserted / possible / reported / denied",
        "claimant": "who is credited",
        "sentence": "evidence sentence",
        "sentence_id": "evidence sentence id",
        "status": "what happened to what is counted (see figures.status)",
        "figure_id": "the figure's row id (figures.figure_id)",
    },
    "who_reported_what": {
        "claim_id": "id of the grouped claim",
        "kind": "figure kind",
        "actor": "actor",
        "subject": "representative subject",
        "value_low": "lowest value in the group",
        "value_high": "highest value in the group",
        "outlets": "outlets carrying the claim, '; '-separated",
        "n_outlets": "number of outlets",
        "claimants": "claimants, '; '-separated",
        "first_seen": "earliest publication date",
        "conflict": "another outlet gives a non-overlapping firm estimate of the same quantity (kind, "
        "actor, what is counted, what happened to it, total or part) within 7 days",
        "conflicts_with": "claim ids it conflicts with, '; '-separated",
        "sentence_ids": "evidence sentence ids, '; '-separated",
        "status": "what happened to what is counted (see figures.status)",
        "label": "readable name of the quantity ('Sudanese soldiers killed or wounded')",
        "figure_ids": "row ids of the figures in the group (figures.figure_id), '; '-separated",
    },
    "escalation_hits": {
        "article_id": "article",
        "outlet": "outlet",
        "category": "lexicon category",
        "term": "lexicon entry that matched",
        "matched": "text as written",
        "negated": "negated within the clause ('no escalation', 'does not deny')",
        "voice": "narrator / quoted",
        "speaker": "speaker when quoted, '' otherwise",
        "sentence": "evidence sentence",
        "char_start": "offset of the match in the raw text",
        "char_end": "offset after the match",
        "weight": "lexicon weight of the term",
        "sentence_id": "evidence sentence id",
        "hit_id": "stable row id: '<article_id>:h<start>-<end>' (offsets of the match)",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
        "register": "descriptive (names the event) / evaluative (characterises it); evaluative "
        "for every term of a lexicon written without registers",
    },
    "escalation_rates": {
        "level": "outlet / article",
        "outlet": "outlet",
        "article_id": "article ('' at outlet level)",
        "category": "lexicon category",
        "hits": "non-negated hits, quoted speech included",
        "hits_narrator": "non-negated hits in the outlet's own words",
        "words": "words analysed (the base of the rates)",
        "per_1000_words": "hits per 1,000 words, quoted speech included",
        "per_1000_words_narrator": "narrator hits per 1,000 words",
        "weighted_per_1000_words": "sum of term weights per 1,000 words",
        "register": "which hits are counted: all (every term: the rows the table had before "
        "registers) / evaluative / descriptive",
        "per_1000_words_low": "low end of the exact Poisson 95 % interval of per_1000_words",
        "per_1000_words_high": "high end of the exact Poisson 95 % interval of per_1000_words",
        "corpus_per_1000_words": "the rate of every outlet together, same category and register",
        "like_corpus": "the corpus rate lies inside the 95 % interval: this count cannot be told "
        "apart from the corpus rate",
    },
    "keyness": {
        "outlet": "outlet (outlet group when the tables are summed by group)",
        "language": "ISO 639-1 code: the outlet's text in this language against the rest of the "
        "corpus in the same language",
        "kind": "lexicon (a term of the escalation lexicon) / word (a content word of the text)",
        "term": "lexicon entry, or the word in lower case",
        "category": "lexicon category ('' for words)",
        "register": "descriptive / evaluative for lexicon terms ('' for words)",
        "hits": "uses in the outlet's text (lexicon: non-negated hits)",
        "hits_rest": "uses in the rest of the corpus, same language",
        "words": "words of the outlet's text in this language (lexicon: the rates' base; words: "
        "word tokens)",
        "words_rest": "words of the rest of the corpus in this language",
        "expected": "hits expected if the outlet used it at the corpus rate",
        "log_ratio": "log2 of the outlet's rate over the rest's (a zero count taken as 0.5): +1 = "
        "twice as often",
        "g2": "log-likelihood G² of the difference (Dunning)",
        "p_value": "chance of a G² this large if the outlet used it like the rest (chi-square, 1 "
        "df); many terms are tested, so expect some small p by chance",
        "direction": "more / less / same: used more or less than expected",
    },
    "top_terms": {
        "outlet": "outlet",
        "term": "lexicon entry",
        "category": "lexicon category",
        "hits": "non-negated hits",
        "rank": "1 = most frequent in the outlet",
    },
    "quotes": {
        "article_id": "article",
        "outlet": "outlet",
        "quote_id": "'<article_id>:q<n>'",
        "speaker": "who is quoted, '' when unknown",
        "affiliation": "speaker's actor (Russia, Ukraine, NATO ...), '' when unknown",
        "camp": "speaker's camp: the story file's or the analyst's grouping, else the affiliation "
        "itself (each actor its own camp); '' when unknown",
        "cue": "attribution cue (said, told reporters, according to ...)",
        "kind": "direct / reported",
        "text": "quoted or reported text",
        "words": "words in the quoted text",
        "char_start": "offset of the quoted text in the raw text",
        "char_end": "offset after the quoted text",
        "sentence_ids": "sentences it spans, '; '-separated",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
    },
    "framing": {
        "article_id": "article",
        "outlet": "outlet",
        "claim": "the claim framed (core claim or a figure)",
        "figure_ref": "'' for the core claim; the figure's sentence_id and value for a figure",
        "framing": "confirmed / asserted / reported / alleged / denied / not denied / not confirmed",
        "by": "who confirms / asserts / denies, '' when the outlet itself",
        "cue": "the words that decide the framing",
        "sentence": "evidence sentence",
        "sentence_id": "evidence sentence id",
        "primary": "True on the row that decides the article's framing of the claim (the strongest)",
        "framing_id": "stable row id: '<article_id>:c<start>-<end>' (the cue of a claim row), "
        "':r<start>-<end>' (the figure of a figure row), ':m<start>-<end>' (the figure a main-claim "
        "row is read from)",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
    },
    "stance": {
        "outlet": "outlet",
        "actor": "actor: a country, international body or armed group (Sudan, NATO, Hamas ...)",
        "mentions": "sentences mentioning the actor",
        "tone_score": "mean tone of the measured sentences (the tone model, English), -1 .. 1; "
        "empty when none is measured",
        "tone_label": "critical / neutral / favourable; 'not measured' when no sentence about the "
        "actor is in a language the tone model reads",
        "escalation_hits": "escalation hits in sentences about the actor",
        "quoted_share": "share of the outlet's quoted words spoken by this actor's camp",
        "evidence_ids": "sentence ids behind the label, '; '-separated",
        "acts": "events the outlet shows the actor doing (analysis/events; not negated)",
        "acted_on": "events the outlet shows being done to the actor",
        "conflict_acts": "of acts, conflict events (accusing, threatening, sanctioning, attacking …)",
        "conflict_acted_on": "of acted_on, conflict events",
        "tone_ids": "row ids of the tone rows behind the label (tone.tone_id), '; '-separated",
    },
    "summaries": {
        "outlet": "outlet",
        "summary": "one sentence generated from the tables",
        "evidence_ids": "sentence ids behind every clause, '; '-separated",
        "row_ids": "ids of the rows behind every clause (quotes, framing, tone), '; '-separated",
        "clauses": "the summary clause by clause with the sentences behind each, as JSON: "
        '[{"clause": "...", "sentence_ids": ["..."]}, ...]',
    },
    "people": {
        "article_id": "article naming the person",
        "outlet": "outlet",
        "name": "the person's full name as the article gives it",
        "title": "the title or description beside the name ('Egypt's Foreign Minister')",
        "affiliation": "the actor the title or the story file gives, '' when unknown (never guessed "
        "from the outlet)",
        "sentence_id": "sentence first naming the person with this title",
        "person_id": "stable row id: '<article_id>:p<start>-<end>' (offsets of the name where "
        "first named with this title)",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
    },
    "tone": {
        "article_id": "article",
        "outlet": "outlet",
        "actor": "actor the sentence names",
        "sentence_id": "evidence sentence id",
        "score": "the tone model's P(favourable) - P(critical) toward the actor's first mention in "
        "the sentence, -1 .. 1 (English; empty where tone is not measured); never below 0 for an "
        "actor the sentence shows only being acted on in conflict",
        "escalation_hits": "non-negated escalation hits in the sentence",
        "tone_id": "stable row id: '<article_id>:t<start>-<end>' (the actor's first mention in the "
        "sentence)",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
        "method": "newsmtsc model (English) / not measured (other languages: no labelled data)",
        "only_acted_on": "the sentence's conflict events show the actor only as their target, or "
        "only condemning or urging, or the sentence only quotes the actor's side (its score is then "
        "never below 0)",
    },
    "corrections_report": {
        "line": "line of the corrections file (1 = the header)",
        "table": "table the line corrects",
        "id": "row id it corrects",
        "column": "column it sets, or 'drop'",
        "value": "the value it gives",
        "status": "applied / refused",
        "reason": "why it was refused, '' when applied",
        "file": "the corrections file",
    },
    "events": {
        "event_id": "stable row id: '<article_id>:e<start>-<end>' (offsets of the event words; "
        "'.<n>' for the n-th doer x target of the same words)",
        "article_id": "article",
        "outlet": "outlet",
        "sentence_id": "evidence sentence id",
        "sentence": "evidence sentence",
        "source": "actor shown doing it (a person acts for their actor), '' when not named",
        "target": "actor it is done to (a place named counts for its country), '' when not named",
        "event": "PLOVER event type: AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
        "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT",
        "quad": "verbal_cooperation / material_cooperation / verbal_conflict / material_conflict",
        "words": "the words that carry the event, as written",
        "agency": "active (the doer is the subject) / passive (named as agent or modifier: "
        "'strikes by X', \"X's strikes\") / agentless (no doer in the sentence)",
        "negated": "the event is negated or denied ('did not attack', 'denied striking')",
        "modality": "asserted / possible / threatened / planned / alleged (in an accusation's "
        "clause: 'accused X of shelling')",
        "voice": "narrator / quoted",
        "speaker": "the speaker when quoted, '' otherwise",
        "char_start": "offset of the event words in the raw text",
        "char_end": "offset after the event words",
        "corrected": "True when a line of corrections.csv changed this row (docs/checking.md)",
    },
    "event_links": {
        "outlet": "outlet (or outlet group)",
        "source": "actor shown doing it ('' when not named)",
        "target": "actor it is done to ('' when not named)",
        "event": "PLOVER event type",
        "quad": "quad class of the event",
        "events": "events of this kind the outlet reports as happening (not negated)",
        "quoted": "of those, how many are in quoted speech",
        "evidence_ids": "event ids behind the count (the first five), '; '-separated",
    },
    "agentless_violence": {
        "outlet": "outlet (or outlet group)",
        "violent_events": "ASSAULT events reported as happening (not negated)",
        "agentless": "of those, reported with no one named as doing it ('12 killed in strikes')",
        "passive": "of those, with the doer named only as agent or modifier ('Israeli strikes')",
        "active": "of those, with the doer as subject ('Israel struck')",
        "agentless_share": "agentless / violent_events (0 when none)",
        "evidence_ids": "event ids of agentless events (the first five), '; '-separated",
    },
}


def row_id(article_id: str, prefix: str, char_start: int, char_end: int) -> str:
    """The stable id of a per-article row: its article and the raw-text offsets it stands on
    ('3f2a9c1b7d4e:f120-125'), so the same text gives the same id on every run and machine and a
    check or correction made on one run finds its row on the next."""
    return f"{article_id}:{prefix}{char_start}-{char_end}"


def columns(table: str) -> list[str]:
    """Column names of `table`, in export order."""
    return list(TABLES[table])


def empty(table: str) -> pd.DataFrame:
    """An empty table with the right columns, for 'nothing found' results."""
    return pd.DataFrame(columns=columns(table))


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return `frame` with exactly the schema's columns in order; a missing column is an error."""
    missing = [c for c in columns(table) if c not in frame.columns]
    if missing:
        raise ValueError(f"table {table!r} lacks columns {missing}")
    return frame[columns(table)].reset_index(drop=True)


def records(frame: pd.DataFrame) -> list[dict]:
    """`frame.to_dict("records")` (Python values, missing text as NaN) built column-wise: pandas
    boxes every cell of an Arrow text column one by one, ten times slower on large tables."""
    names = list(frame.columns)
    values = [frame.iloc[:, i].tolist() for i in range(len(names))]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


# What pandas infers for a column of str values (Arrow-backed text with pyarrow installed).
_TEXT = pd.Series(["text"]).dtype
_NUMBERS = {int: np.int64, float: np.float64, bool: np.bool_}


def text_array(
    values: Sequence[object], checked: bool = False
) -> pd.api.extensions.ExtensionArray | None:
    """`values`, all str, as the Arrow text array pandas infers for them (built directly: pandas
    checks every value again first); None when one is not a str (`checked`: the caller knows each
    is) or text is not Arrow-backed."""
    if getattr(_TEXT, "storage", "") != "pyarrow" or not (
        checked or set(map(type, values)) == {str}
    ):
        return None
    try:
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_TEXT)
    except (UnicodeError, pa.ArrowException):  # (a lone surrogate): pandas' way decides
        return None


def from_rows(rows: list[dict], table: str) -> pd.DataFrame:
    """`table` from its row dicts: built column by column (`typed_columns`) when it can be, else
    by pandas, conformed to the schema (a missing column is an error); empty when no rows."""
    if not rows:
        return empty(table)
    typed = typed_columns(rows, columns(table))
    if typed is None:
        return conform(pd.DataFrame(rows), table)
    return pd.DataFrame(typed, copy=False)


def typed_columns(rows: list[dict], names: list[str]) -> dict[str, object] | None:
    """The columns `names` of row dicts, each built straight into the dtype pandas infers for it
    (`pd.DataFrame(rows)` goes through an object array per column and checks text twice: a fifth
    slower), for DataFrame(columns, copy=False); None when a row lacks a key or a column is not all
    str, all int, all float or all bool (then the caller lets pandas infer)."""
    if not rows:
        return None
    built: dict[str, object] = {}
    for name in names:
        try:
            values = [row[name] for row in rows]
        except KeyError:
            return None
        kinds = set(map(type, values))
        kind = kinds.pop() if len(kinds) == 1 else None
        try:
            column = np.array(values, dtype=_NUMBERS[kind]) if kind in _NUMBERS else None
        except OverflowError:  # an int past int64: pandas' way decides
            column = None
        column = text_array(values, checked=True) if kind is str else column
        if column is None:
            return None
        built[name] = column
    return built
