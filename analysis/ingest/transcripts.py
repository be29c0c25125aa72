"""Broadcast and transcript formats: who speaks on a line that names its speaker.

Radio and TV transcripts put the speaker at the start of a turn, in capitals: `JANE DOE, HOST:`,
`JOHN ROE, BYLINE:`, then `ROE:` for the next turns of the same person. A turn runs until the next
speaker line. Hosts, bylines and correspondents are the outlet's own voice (narration); every
other turn is that person speaking. TV packages also caption a sound bite with a line such as
`Kim Min-jun / Democratic Party`: the paragraph after it is that person speaking, and the text
after the slash is their title. Pure text functions; analysis/voices/quotes.py turns them into quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TURN_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,[ \t]*(?P<role>[A-Z][A-Z ,'’.&/-]{1,40}?))?[ \t]*:[ \t]*",
    re.M,
)
_CAPTION_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})[ \t]*/[ \t]*"
    r"(?P<title>[^/\n]{2,80}?)[ \t]*$",
    re.M,
)
# Roles whose turns are the outlet's own reporting, not a quoted voice.
JOURNALIST_ROLES = frozenset(
    "host byline anchor correspondent reporter presenter narrator announcer moderator".split()
)


def line_matches(pattern: re.Pattern[str], text: str, start: int = 0) -> list[re.Match[str]]:
    """`pattern.finditer(text, start)` for a pattern that matches only at a line start (`^` with
    re.M) and within one line: tried at each line start, not at every character of the text."""
    at = start
    if start and text[start - 1] != "\n":
        at = text.find("\n", start) + 1
        if not at:
            return []
    found = []
    while True:
        match = pattern.match(text, at)
        if match:
            found.append(match)
        at = text.find("\n", at) + 1
        if not at:
            return found


@dataclass(frozen=True)
class Turn:
    """A stretch of raw text spoken by one named speaker (name as written, e.g. 'ROE')."""

    written: str
    role: str
    start: int
    end: int
    journalist: bool


def turns(raw: str, body_start: int = 0) -> list[Turn]:
    """The speaker turns of a transcript after `body_start`: [] unless the text has two speaker
    lines or more, one of them with a role (`JANE DOE, HOST:`), so 'URL:' or 'EXCLUSIVE:' lines
    never make a transcript."""
    lines = [
        m
        for m in line_matches(_TURN_RE, raw, body_start)
        if len(m.group("name").replace(" ", "")) >= 2
    ]
    if len(lines) < 2 or not any(m.group("role") for m in lines):
        return []
    found = []
    for i, match in enumerate(lines):
        end = lines[i + 1].start() if i + 1 < len(lines) else len(raw)
        role = (match.group("role") or "").strip()
        journalist = any(word in JOURNALIST_ROLES for word in re.findall(r"[a-z]+", role.lower()))
        found.append(Turn(match.group("name"), role, match.end(), end, journalist))
    return found


def captions(raw: str) -> list[tuple[str, str, int, int]]:
    """(name, title, start, end) of each captioned sound bite: the quoted paragraph after the
    caption line (a line 'Name / Agency' before ordinary text is a photo credit, not a caption)."""
    found = []
    for match in line_matches(_CAPTION_RE, raw):
        after = raw[match.end() :]
        paragraph = re.match(r"[ \t]*\n\s*(?P<text>[“\"«„][^\n]+)", after)
        if paragraph:
            start = match.end() + paragraph.start("text")
            found.append(
                (
                    match.group("name"),
                    match.group("title"),
                    start,
                    start + len(paragraph.group("text")),
                )
            )
    return found


def display_name(written: str, known: dict[str, str]) -> str:
    """'MOHAMED HAMDAN DAGALO' -> 'Mohamed Hamdan Dagalo'; 'ROE' -> the full name of the earlier
    turn or the article's full name ending in Roe (`known`: surname -> full name)."""
    name = " ".join(part.title() if part.isupper() else part for part in written.split())
    if " " not in name:
        return known.get(name, name)
    return name
