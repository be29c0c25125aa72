"""The optional story file (`story.toml` next to `sources.csv`, `--story FILE`, the Corpus page).

Everything in it is optional; without one every country or body is its own camp and the claim the
summaries frame is chosen from the corpus (analysis/figures/claims.py).

    [story]                      # title = "…"
    [actors."Name"]              # extra aliases / people for a gazetteer actor, or a new actor
    [camps."West"]               # actors = ["United States", "NATO"], label = "Western"
    [core_claim]                 # label, subject, host, forces: the claim framed per article
    [outlets."Daily Express"]    # group = "UK tabloids", country = "United Kingdom"

One loader and validator: every problem is a LexiconError naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.world.actors import (
    Actors,
    actor_tables,
    build_actors,
    gazetteer_tables,
    merge_tables,
    parse_core_claim,
    strings,
    world,
)
from analysis.world.toml_files import DATA_DIR, LexiconError, find_line, read_text, read_toml

STORY_NAME = "story.toml"  # the corpus's story file, beside its articles (not an article)
SHIPPED_STORY = DATA_DIR / "corpus" / STORY_NAME
_TOP_KEYS = {"story", "actors", "camps", "core_claim", "outlets"}
_CAMP_KEYS = {"label", "actors"}
_OUTLET_KEYS = {"group", "country"}


@dataclass(frozen=True)
class Story:
    """A story file: its actors (over the gazetteer), camps, claim and outlet groups."""

    actors: Actors
    title: str = ""
    outlets: dict[str, dict[str, str]] = field(default_factory=dict)
    text: str = ""


def parse_story(text: str, *, name: str = "<editor>") -> Story:
    """A Story from TOML text; any problem is a LexiconError naming the line."""
    data = read_toml(text, name=name)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise LexiconError(
            name,
            f"unknown table {key!r} (known: {', '.join(sorted(_TOP_KEYS))})",
            find_line(text, key),
        )
    own = actor_tables(data, text, name)
    tables = merge_tables(gazetteer_tables(), own)
    camps, labels = _camps(data.get("camps", {}), tables, text, name)
    for actor_name, camp in camps.items():
        tables[actor_name] = {**tables[actor_name], "camp": camp}
    actors = build_actors(tables, first=list(own), camp_labels=labels)
    claim = parse_core_claim(data.get("core_claim"), actors, text, name)
    actors.core_claim = claim
    header = data.get("story", {})
    if not isinstance(header, dict) or not isinstance(header.get("title", ""), str):
        raise LexiconError(name, '[story] takes title = "…"', find_line(text, "[story]"))
    return Story(
        actors, header.get("title", ""), _outlets(data.get("outlets", {}), text, name), text
    )


def _camps(
    tables: object, actors: dict[str, dict], text: str, name: str
) -> tuple[dict[str, str], dict[str, str]]:
    """(actor -> camp, camp -> label) from the [camps."Name"] tables."""
    if not isinstance(tables, dict):
        raise LexiconError(name, 'camps must be [camps."Name"] tables', find_line(text, "camps"))
    camp_of: dict[str, str] = {}
    labels: dict[str, str] = {}
    for camp, table in tables.items():
        line = find_line(text, f'[camps."{camp}"]') or find_line(text, camp)
        if not isinstance(table, dict) or set(table) - _CAMP_KEYS:
            raise LexiconError(name, f"camp {camp!r} takes only the keys label and actors", line)
        for member in strings(table.get("actors", []), f"{camp}.actors", text, name):
            if member not in actors:
                raise LexiconError(name, f"camp {camp!r}: {member!r} is not an actor", line)
            if camp_of.setdefault(member, camp) != camp:
                raise LexiconError(
                    name, f"{member!r} is in the camps {camp_of[member]!r} and {camp!r}", line
                )
        if isinstance(table.get("label"), str) and table["label"].strip():
            labels[camp] = table["label"].strip()
    return camp_of, labels


def _outlets(tables: object, text: str, name: str) -> dict[str, dict[str, str]]:
    """outlet -> {group, country} from the [outlets."Name"] tables."""
    if not isinstance(tables, dict):
        raise LexiconError(
            name, 'outlets must be [outlets."Name"] tables', find_line(text, "outlets")
        )
    found = {}
    for outlet, table in tables.items():
        line = find_line(text, f'[outlets."{outlet}"]') or find_line(text, outlet)
        if not isinstance(table, dict) or set(table) - _OUTLET_KEYS:
            raise LexiconError(
                name, f"outlet {outlet!r} takes only the keys group and country", line
            )
        if not all(isinstance(v, str) for v in table.values()):
            raise LexiconError(name, f"outlet {outlet!r}: group and country must be strings", line)
        found[outlet] = {k: v.strip() for k, v in table.items()}
    return found


def load_story(path: str | Path | None) -> Story:
    """The story file at `path`; None: no story (the world gazetteer, each actor its own camp)."""
    if path is None:
        return Story(world())
    text, display = read_text(Path(path))
    return parse_story(text, name=display)


def story_in(folder: str | Path) -> Path | None:
    """The corpus folder's own story.toml, None when it has none."""
    candidate = Path(folder) / STORY_NAME
    return candidate if candidate.is_file() else None


def camps_text(camps: dict[str, list[str]], labels: dict[str, str] | None = None) -> str:
    """[camps."…"] tables for a grouping made on the dashboard, to save into a story file."""
    import json

    lines = []
    for camp, members in camps.items():
        lines.append(f"[camps.{json.dumps(camp, ensure_ascii=False)}]")
        if labels and labels.get(camp):
            lines.append(f"label = {json.dumps(labels[camp], ensure_ascii=False)}")
        lines.append(f"actors = {json.dumps(list(members), ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines)


def load_actors(path: str | Path | None = None) -> Actors:
    """The world gazetteer with the story file at `path` laid over it (None: the world alone)."""
    if path is None:
        return world()
    return load_story(path).actors


def parse_actors(text: str, name: str = "<editor>") -> Actors:
    """Actors from a story file's text (the world gazetteer plus what it adds)."""
    return parse_story(text, name=name).actors
