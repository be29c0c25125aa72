"""Article metadata found in the file itself: a header block, YAML front matter, or the text.

Each finder returns only what the file states; anything it cannot find stays '' (unknown), never a
guess. The caller records where each value came from (manifest / header / text / unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import dateparser
import pycld2
import yaml
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from analysis.ingest.text import Sentence, dateline_length
from analysis.world import languages

LANGUAGE_SAMPLE = 1_000  # characters read to identify the language
MAX_DATE_LENGTH = 100  # no written date is longer; dateparser takes seconds on long text
SCALARS = (str, int, float, date)  # a list or mapping (or a YAML alias bomb) is no field value
FIELDS = ("title", "outlet", "published", "url", "language", "author")
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "outlet",
    "outlet": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "date": "published",
    "published": "published",
    "publication date": "published",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
    "author": "author",
    "byline": "author",
}
_HEADER_LINE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*?)\s*$")
_FRONT_MATTER_START_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DATE_SETTINGS = {
    # absolute dates only: "2 hours ago" cannot be resolved without knowing when the page was saved
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_DATE_LABEL_RE = re.compile(
    r"^\s*(?:date|published|updated|posted|last updated|first published)\s*:?\s*", re.I
)
_OUTLET_PATTERNS = [
    re.compile(r"[\"“]([^\"”]{2,60})[\"”] is a registered trade ?mark", re.I),
    re.compile(
        r"(?:copyright|©)\s*(?:©\s*)?(?:\d{4}\s*)?(?:by\s+)?([A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,5})"
    ),
    re.compile(r"^\s*([A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,4})\.\s+home of the\b", re.I | re.M),
    re.compile(r"^\s*(?:with|for) the ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,5})\s*$", re.M),
]
_TRAILING_WORDS = re.compile(r"\s+(?:All|Ltd|Limited|Inc|LLC|Plc|Group)\.?$")


@dataclass
class Found:
    """Metadata values and the text body that follows any header block."""

    values: dict[str, str] = field(default_factory=dict)
    body_start: int = 0
    warning: str = ""  # why a header the file seems to have was not read, '' otherwise


def normalise_date(value: object, *, partial: bool = True) -> str:
    """A date in any common written form as YYYY-MM-DD; with `partial`, a month or a year given
    alone ('2024-11', 'November 2024', '2024') as YYYY-MM or YYYY; '' when it is no date."""
    text = str(value or "").strip()
    if not text:
        return ""
    text = _DATE_LABEL_RE.sub("", text).split("|")[0].strip()
    if len(text) > MAX_DATE_LENGTH:
        return ""
    if partial:
        found = _partial_date(text)
        if found:
            return found
    iso = _ISO_DATE_RE.fullmatch(text)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return ""
    parsed = dateparser.parse(
        text, languages=["en", "de", "fr", "es", "it"], settings=_DATE_SETTINGS
    )
    return parsed.date().isoformat() if parsed else ""


_YEAR_MONTH_RE = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR_RE = re.compile(r"([A-Za-zÀ-ÿ]{3,}\.?)\s+(\d{4})")
_YEAR_RE = re.compile(r"(1[89]\d\d|2\d\d\d)")


def _partial_date(text: str) -> str:
    """'2024-11' / 'November 2024' -> '2024-11'; '2024' -> '2024'; '' for anything else."""
    match = _YEAR_MONTH_RE.fullmatch(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    match = _MONTH_YEAR_RE.fullmatch(text)
    if match:
        parsed = dateparser.parse(
            f"1 {match.group(1)} {match.group(2)}",
            languages=["en", "de", "fr", "es", "it"],
            settings=_DATE_SETTINGS,
        )
        return parsed.strftime("%Y-%m") if parsed else ""
    return text if _YEAR_RE.fullmatch(text) else ""


def date_precision(published: str) -> str:
    """day / month / year for a normalised date (YYYY-MM-DD / YYYY-MM / YYYY), '' when unknown."""
    return {10: "day", 7: "month", 4: "year"}.get(len(published), "") if published else ""


def published_span(published: object) -> tuple[date, date] | None:
    """The days a publication date may be: one day, a whole month ('2024-11') or a whole year
    ('2024'); None when unknown or malformed. Filters treat a partial date as overlapping."""
    text = str(published or "").strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return day, day
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            last = date(year + month // 12, month % 12 + 1, 1) - date.resolution
            return date(year, month, 1), last
        if len(text) == 4:
            return date(int(text), 1, 1), date(int(text), 12, 31)
    except ValueError:
        return None
    return None


def parse_header(text: str) -> Found:
    """Metadata from YAML front matter or a top block of `Key: value` lines ended by a blank line."""
    front = _FRONT_MATTER_RE.match(text)
    if front:
        try:
            data = yaml.safe_load(front.group(1))
        except (yaml.YAMLError, RecursionError):
            data = None
        if isinstance(data, dict):
            return Found(known_fields(data), front.end())
    if _FRONT_MATTER_START_RE.match(text):
        return Found(warning="the '---' front matter is not valid YAML: read as article text")
    raw_values: dict[str, str] = {}
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            if raw_values:
                return Found(known_fields(raw_values), offset + len(line) + 1)
            return Found()
        match = _HEADER_LINE_RE.match(line)
        if not match or match.group(1).strip().lower() not in HEADER_KEYS:
            return Found()
        raw_values[match.group(1)] = match.group(2)
        offset += len(line) + 1
    return Found()


def known_fields(data: dict) -> dict[str, str]:
    """The metadata fields among `data`'s keys (any header spelling), dates normalised."""
    values = {}
    for key, value in data.items():
        name = HEADER_KEYS.get(str(key).strip().lower())
        if name and isinstance(value, SCALARS) and value != "":
            values[name] = normalise_date(value) if name == "published" else str(value).strip()
    return {k: v for k, v in values.items() if v}


def date_in_text(raw_text: str, sentences: list[Sentence]) -> str:
    """The date of a date line near the top ('13:46, Sat, Oct 19, 2024', 'date 2024-10-28')."""
    for sentence in sentences[:12]:
        length = dateline_length(sentence.text)
        if length:
            found = normalise_date(sentence.text[:length], partial=False)
            if found:
                return found
    return ""


def outlet_in_text(raw_text: str) -> str:
    """The outlet named by a trademark, copyright, masthead or byline line ('' when none)."""
    for pattern in _OUTLET_PATTERNS:
        match = pattern.search(raw_text)
        if match:
            name = _TRAILING_WORDS.sub("", match.group(1).strip(" .,")).strip(" .,")
            if len(name) > 1:
                return name
    return ""


def title_in_text(sentences: list[Sentence], raw_text: str) -> str:
    """The first line when it reads as a headline: a whole line of 4–25 words with no full stop."""
    previous_end = 0
    for sentence in sentences[:4]:
        if sentence.is_boilerplate:
            previous_end = sentence.char_end
            continue
        line_start = raw_text.rfind("\n", 0, sentence.char_start) + 1
        line_end = raw_text.find("\n", sentence.char_end)
        line_end = len(raw_text) if line_end < 0 else line_end
        whole_line = not raw_text[max(line_start, previous_end) : sentence.char_start].strip()
        whole_line = whole_line and not raw_text[sentence.char_end : line_end].strip()
        words = len(sentence.text.split())
        if whole_line and 4 <= words <= 25 and not sentence.text.rstrip().endswith("."):
            return sentence.text.strip()
        if words > 3 or not whole_line:
            return ""
        previous_end = sentence.char_end
    return ""


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language from its first 1,000 characters (enough prose to tell).

    CLD2 (compiled, about 40 times faster than py3langid) answers when it is sure and names a
    language py3langid knows; otherwise py3langid decides, and when it too is unsure (a short text:
    its best guess under SURE_LANGUAGE) the most likely language among those with a language pack
    is taken: a one-line English wire is not Tagalog.
    """
    if not text.strip():
        return ""
    sample = text[:LANGUAGE_SAMPLE]
    try:
        reliable, _, guesses = pycld2.detect(sample, isPlainText=True)
    except (pycld2.error, UnicodeError, ValueError):  # unpaired surrogates, control bytes
        reliable, guesses = False, ()
    guess = languages.code(guesses[0][1]) if reliable else ""  # 'zh-Hant' is Chinese: 'zh'
    if guess in _identifier().nb_classes:
        return guess
    ranked = _identifier().rank(sample)
    if ranked[0][1] >= SURE_LANGUAGE:
        return ranked[0][0]
    with_pack = [code for code, _ in ranked if languages.has_pack(code)]
    return with_pack[0] if with_pack else ranked[0][0]


SURE_LANGUAGE = 0.5  # probability (py3langid, normalised) above which its first guess is kept


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities (loaded once per process)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
