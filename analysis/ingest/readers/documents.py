"""Readers of one-article files: text (.txt, .md) and web pages (.html), from bytes to text.

`decode_text` refuses what is not text (binary, no fitting encoding, only white space) and says
when it had to guess the encoding; `html_text` keeps a page's main text and its metadata, by
trafilatura (made for news pages: menus, footers and comments left out).
"""

from __future__ import annotations

import re

import charset_normalizer
import trafilatura

from analysis.ingest import metadata
from analysis.ingest.readers.common import ReadError

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """The text of a file's bytes and warnings (an encoding detected because it is not UTF-8)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        text, warnings = data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ReadError("not text: no character encoding fits its bytes") from None
        text = str(best)
        warnings = [f"not UTF-8; decoded as {best.encoding}"]
    if _control_share(text) > 0.05:
        raise ReadError("binary file (mostly control characters), not text")
    if not text.strip():
        raise ReadError("no text (only white space)")
    return text, warnings


def _control_share(text: str) -> float:
    """Share of control characters (other than line breaks and tabs) in the first 8 KB."""
    sample = text[:8192]
    return len(_CONTROL_RE.findall(sample)) / max(len(sample), 1)


def html_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ReadError("no article text found in the HTML")
    values = {
        "title": getattr(document, "title", None),
        "outlet": getattr(document, "sitename", None),
        "published": metadata.normalise_date(getattr(document, "date", None)),
        "url": getattr(document, "url", None),
        "author": getattr(document, "author", None),
        "language": getattr(document, "language", None),
    }
    return text, {k: str(v) for k, v in values.items() if v}
