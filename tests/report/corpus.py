"""A small corpus written for the report tests (not real reporting): a flood and a port strike told
by three outlets, one article carrying markup in its title and text that must show as text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import runner
from analysis.events import reduce as event_reduce
from analysis.ingest.corpus import read_folder
from analysis.pipeline import Rules

SCRIPT = "<script>alert(1)</script>"
ARTICLES = {
    "harbour_gazette.txt": (
        f"Title: Dockers walk out {SCRIPT}\nSource: Harbour Gazette\nDate: 2025-03-03\n\n"
        "About 4,000 dock workers walked off the job at the port of Valmora on Monday, the union "
        'said. "We will not unload a single ship until the contract is signed," said union '
        f"leader Ana Ribeiro. Managers called the stoppage reckless {SCRIPT} and warned of "
        "shortages.\n\nThe port authority said 37 ships were waiting offshore.\n"
    ),
    "river_times.txt": (
        "Title: Floods cut off valley towns\nSource: River Times\nDate: 2025-03-04\n\n"
        "Floodwater cut off three towns in the Arlen valley, and at least 1,200 people were "
        'displaced, the regional government said. "The water rose faster than anyone expected," '
        "said mayor Tomas Keller. Rescue teams reached the last stranded families by boat.\n"
    ),
    "river_times_2.txt": (
        "Title: Strike talks stall\nSource: River Times\nDate: 2025-03-06\n\n"
        "Talks between the Valmora dock union and port managers stalled on Thursday, with some "
        '4,000 workers still on strike. "Nobody wants this to drag on," said port manager Lena '
        "Brandt.\n"
    ),
    "coast_daily.txt": (
        "Title: Ships queue at Valmora\nSource: Coast Daily\nDate: 2025-03-05\n\n"
        "Forty ships queued outside Valmora as the strike entered a third day, according to "
        "harbour officials. Shipping firms said the dispute threatened a crisis for exporters.\n"
    ),
}


def write_corpus(folder: Path) -> Path:
    """The articles as .txt files in `folder`, plus one file that cannot be read (to be skipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"")
    return folder


def tables_of(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table of the corpus in `folder` (analysed here, no cache), with `events` added."""
    run = runner.run(read_folder(folder), Rules.from_files(None, None), cache_dir=None, jobs=1)
    events = events_of(run.tables["articles"])
    outlets = list(dict.fromkeys(run.tables["articles"]["outlet"]))
    return run.tables | {
        "events": events,
        "event_links": event_reduce.event_links(events, outlets),
        "agentless_violence": event_reduce.agentless_violence(events, outlets),
    }


EVENT_OF = {
    "verbal_conflict": "ACCUSE",
    "verbal_cooperation": "CONSULT",
    "material_conflict": "ASSAULT",
    "material_cooperation": "AID",
}


def events_of(articles: pd.DataFrame) -> pd.DataFrame:
    """A hand-made events table over these articles (their actors are in no gazetteer, so the
    events stage finds none): each outlet's first article gets the same few events, with markup
    in a sentence and in an actor's name."""
    rows = []
    firsts = articles.drop_duplicates("outlet")
    plan = [  # source, target, quad, agency, negated
        ("Dock union", "Port authority", "verbal_conflict", "active", False),
        ("Port authority", "Dock union", "verbal_cooperation", "active", False),
        ("Police", f"Strikers {SCRIPT}", "material_conflict", "active", False),
        ("", "Strikers", "material_conflict", "agentless", False),
        ("Shipping firms", "Exporters", "material_cooperation", "active", False),
        ("Police", "Strikers", "material_conflict", "active", True),
    ]
    for article in firsts.itertuples(index=False):
        for i, (source, target, quad, agency, negated) in enumerate(plan):
            rows.append(
                {
                    "event_id": f"{article.article_id}:e{i}",
                    "article_id": article.article_id,
                    "outlet": article.outlet,
                    "sentence_id": f"{article.article_id}:0",
                    "sentence": f"Sentence {i} of the event {SCRIPT}.",
                    "source": source,
                    "target": target,
                    "event": EVENT_OF[quad],
                    "quad": quad,
                    "words": "Sentence",
                    "agency": agency,
                    "negated": negated,
                    "modality": "asserted",
                    "voice": "narrator",
                    "speaker": "",
                    "char_start": 0,
                    "char_end": 10,
                }
            )
    return pd.DataFrame(rows)
