"""File-format readers: from a file's name and bytes to records (text + given metadata + the name
of the file or row they came from), never to Articles: building an article happens per article in
the analysis map (analysis/ingest/corpus.py `build_article`).

- documents.py: one article per file (.txt/.md text, .html main text by trafilatura)
- tables.py: CSV, JSON, JSON Lines, Parquet (one record per row; a bad row is reported as that row)
- archives.py: .gz of any supported file, .zip of files (in memory, bombs and unsafe names refused)
- columns.py: the one column table (data/formats/columns.toml) mapping input columns to fields
- fetch.py: urls.txt, fetched once into the corpus folder (`python -m analysis fetch`)
"""

from analysis.ingest.readers.archives import gunzip, zip_members
from analysis.ingest.readers.columns import Columns, load_columns
from analysis.ingest.readers.common import (
    DOCUMENT_FORMATS,
    TABLE_FORMATS,
    Limits,
    ReadError,
    Row,
    format_of,
    size_text,
    supported_suffixes,
)
from analysis.ingest.readers.documents import decode_text, html_text
from analysis.ingest.readers.tables import read_table

__all__ = [
    "DOCUMENT_FORMATS",
    "TABLE_FORMATS",
    "Columns",
    "Limits",
    "ReadError",
    "Row",
    "decode_text",
    "format_of",
    "gunzip",
    "html_text",
    "load_columns",
    "read_table",
    "size_text",
    "supported_suffixes",
    "zip_members",
]
