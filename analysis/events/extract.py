"""The events of one article: who is shown doing what to whom, sentence by sentence.

Each trigger (a verb or noun of data/languages/<code>/events.toml) gets a doer and a target from the
actor mentions of its sentence, read by the language's word order and grammar words:
- a verb: the doer is the nearest actor before it in the clause (SVO; the first one in SOV, the
  first after it in VSO) and the target the first actor after it ('Israel struck Iran'); after a
  passive auxiliary the doer is the actor after the agent word ('Iran was struck by Israel');
- a noun: the doer is the actor that modifies it or follows the agent word ('Israeli strikes',
  'strikes by Israel': agency `passive`), else the subject of the clause ('Israel launched
  strikes'), and the target the actor after a target or place word ('strikes on Iran');
- no doer in the sentence is `agentless` ('12 killed in strikes'); an actor named after a place word
  ('in Gaza') is where it happened, never the doer; 'X said it struck …' and a quote's 'we' stand
  for the speaker's side; a person acts for their actor (the actor list's officials).
Negation and modality come from the words just before the trigger; voice from the quote around it.
"""

from __future__ import annotations

from analysis import schema
from analysis.events.packs import QUADS, Trigger, event_pack
from analysis.events.sentence import UNNAMED, EventSentence
from analysis.ingest.article import Article
from analysis.ingest.text import Sentence
from analysis.voices.quotes import Quote, quote_at
from analysis.world.actors import Mention
from analysis.world.mentions import SentenceMentions


def event_rows(
    article: Article, quotes: list[Quote], mentions: SentenceMentions
) -> list[dict[str, object]]:
    """events rows of one article: one per sentence x doer x event x target (first trigger kept)."""
    pack = event_pack(article.language)
    if pack is None:
        return []
    rows: list[dict[str, object]] = []
    sentences = article.counted_sentences
    every = pack.find_each([sentence.text for sentence in sentences])  # one pass over the article
    for sentence, triggers in zip(sentences, every, strict=True):
        found_actors = mentions.of(sentence) if triggers else []
        if found_actors:  # a word of an actor's name is no event ('Rapid Support Forces')
            triggers = [t for t in triggers if not _inside(t, found_actors)]
        else:  # with no actor named, only violence (no doer) and 'Iran-backed'
            text = sentence.text
            triggers = [
                t for t in triggers if t.event in UNNAMED or text[t.start - 1 : t.start] == "-"
            ]
        if not triggers:
            continue
        reader = EventSentence(sentence, pack, found_actors, mentions.actors)
        reader.read_triggers(triggers)
        found: list[dict[str, object]] = []
        for trigger in triggers:
            seen = {(r["source"], r["target"]) for r in found if r["event"] == trigger.event}
            start = sentence.char_start
            quote = quote_at(quotes, start + trigger.start, start + trigger.end)
            links = [link for link in reader.links(trigger, quote) if link[:2] not in seen]
            if not links:
                continue
            first = _row(article, sentence, reader, trigger, quote)  # what its links share
            for n, (source, target, agency) in enumerate(links):
                row = first.copy()
                row["event_id"] += f".{n}" if n else ""
                row["source"], row["target"], row["agency"] = source, target, agency
                found.append(row)
        rows += _dominant(found)
    return rows


def _inside(trigger: Trigger, mentions: list[Mention]) -> bool:
    """Whether the trigger's words lie inside an actor's name."""
    start, end = trigger.start, trigger.end
    for mention in mentions:  # noqa: SIM110 - a loop: no generator made per trigger
        if mention.start <= start and end <= mention.end:
            return True
    return False


def _dominant(found: list[dict[str, object]]) -> list[dict[str, object]]:
    """A sentence's rows less those another row of the same event says more than: no doer-less
    row when a doer is named, no target-less row when that doer has a named target."""
    named = {r["event"] for r in found if r["source"]}
    aimed = {(r["event"], r["source"]) for r in found if r["target"]}
    return [
        r
        for r in found
        if (r["source"] or r["event"] not in named)
        and (r["target"] or (r["event"], r["source"]) not in aimed)
    ]


def _row(
    article: Article,
    sentence: Sentence,
    reader: EventSentence,
    trigger: Trigger,
    quote: Quote | None,
) -> dict[str, object]:
    """A trigger's events row, its doer, target and agency left to fill."""
    start = sentence.char_start + trigger.start
    end = sentence.char_start + trigger.end
    return {
        "event_id": schema.row_id(article.article_id, "e", start, end),
        "article_id": article.article_id,
        "outlet": article.outlet,
        "sentence_id": article.sentence_id(sentence),
        "sentence": sentence.text,
        "source": "",
        "target": "",
        "event": trigger.event,
        "quad": QUADS[trigger.event],
        "words": sentence.text[trigger.start : trigger.end],
        "agency": "",
        "negated": reader.negated(trigger),
        "modality": reader.modality(trigger),
        "voice": "quoted" if quote is not None else "narrator",
        "speaker": quote.speaker if quote is not None else "",
        "char_start": start,
        "char_end": end,
        "corrected": False,
    }
