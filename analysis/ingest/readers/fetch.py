"""urls.txt: a list of article addresses, fetched once into the corpus folder, never at load time.

`fetch_urls` downloads each page (timeouts, a size limit, a polite delay between two requests to the
same host) into `fetched/<hash>.html` and records every attempt in `fetched/fetch_log.csv` (url,
file, status, reason, fetched_at, bytes). Loading the folder reads the saved pages like any .html
(main text by trafilatura), takes each page's URL from the log, and reports every URL of urls.txt
that has no page yet, with the reason (never fetched, HTTP 404, timed out, not a URL).
"""

from __future__ import annotations

import csv
import hashlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pandas as pd
import urllib3

from analysis.export import to_csv_bytes

URLS_NAME = "urls.txt"
FETCHED_DIR = "fetched"
LOG_NAME = f"{FETCHED_DIR}/fetch_log.csv"
LOG_COLUMNS = ["url", "file", "status", "reason", "fetched_at", "bytes"]
FETCHED, FAILED = "fetched", "failed"
USER_AGENT = "coverage-dashboard/0.1 (fetching an analyst's urls.txt, once per URL)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how far a fetch goes."""

    timeout: float = 10.0  # seconds to connect, and between two bytes of the page
    deadline: float = 30.0  # seconds for a whole page
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 5 * 1024 * 1024  # a page larger than this is not saved
    retry_failed: bool = False  # fetch again the URLs whose last attempt failed


def url_lines(text: str) -> list[tuple[int, str, str]]:
    """(line number, URL, problem) for each non-empty, non-comment line of a urls.txt; the problem
    is '' for a usable http(s) URL."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        lines.append((number, url, url_problem(url)))
    return lines


def url_problem(url: str) -> str:
    """Why a string is not a URL that can be fetched ('' when it is one)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as error:
        return f"not a URL ({error})"
    if parts.scheme not in ("http", "https"):
        return "not a URL: it must start with http:// or https://"
    if not parts.hostname or " " in url:
        return "not a URL: no host name, or spaces in it"
    return ""


def page_file(url: str) -> str:
    """The corpus-relative file a URL's page is saved as."""
    return f"{FETCHED_DIR}/{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}.html"


def read_log(text: str) -> dict[str, dict[str, str]]:
    """The rows of a fetch log keyed by URL (the last attempt of each URL wins)."""
    rows: dict[str, dict[str, str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        url = (row.get("url") or "").strip()
        if url:
            rows[url] = {k: str(v or "") for k, v in row.items() if k}
    return rows


def url_report(urls_name: str, text: str, log: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """(report name, reason) for every URL of a urls.txt that has no fetched page."""
    rows = []
    for number, url, problem in url_lines(text):
        name = f"{urls_name}#line{number}"
        attempt = log.get(url)
        if problem:
            rows.append((name, f"{url}: {problem}"))
        elif attempt is None:
            rows.append(
                (
                    name,
                    f"{url}: not fetched yet (run: python -m analysis fetch {urls_name} "
                    f"--into CORPUS_DIR)",
                )
            )
        elif attempt.get("status") != FETCHED:
            when = attempt.get("fetched_at", "")
            rows.append((name, f"{url}: fetch failed ({attempt.get('reason', '')}) at {when}"))
    return rows


def fetch_urls(
    urls_file: str | Path,
    into: str | Path,
    settings: FetchSettings | None = None,
    progress: Callable[[str, dict[str, str]], None] | None = None,
) -> list[dict[str, str]]:
    """Fetch every URL of `urls_file` not fetched yet into `into/fetched/`; returns this run's log
    rows (also appended to `into/fetched/fetch_log.csv`, written after each URL)."""
    settings = settings or FetchSettings()
    folder = Path(into)
    log_path = folder / LOG_NAME
    log = read_log(log_path.read_text(encoding="utf-8")) if log_path.exists() else {}
    text = Path(urls_file).read_text(encoding="utf-8-sig", errors="replace")
    http = urllib3.PoolManager(
        headers={"User-Agent": USER_AGENT},
        retries=urllib3.Retry(total=3, connect=1, read=0, status=0, redirect=3),
        timeout=urllib3.Timeout(connect=settings.timeout, read=settings.timeout),
    )
    last_request: dict[str, float] = {}
    done: list[dict[str, str]] = []
    for _, url, problem in url_lines(text):
        previous = log.get(url, {}).get("status")
        if previous == FETCHED or (previous == FAILED and not settings.retry_failed):
            continue
        if problem:
            row = _log_row(url, "", FAILED, problem, 0)
        else:
            host = urlsplit(url).hostname or ""
            wait = last_request.get(host, -1e9) + settings.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            last_request[host] = time.monotonic()
            row = _fetch_one(http, url, folder, settings)
        log[url] = row
        done.append(row)
        log_path.parent.mkdir(parents=True, exist_ok=True)
        frame = pd.DataFrame(list(log.values()), columns=LOG_COLUMNS)
        log_path.write_bytes(to_csv_bytes(frame))
        if progress:
            progress(url, row)
    return done


def _log_row(url: str, file: str, status: str, reason: str, size: int) -> dict[str, str]:
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return {
        "url": url,
        "file": file,
        "status": status,
        "reason": reason,
        "fetched_at": stamp,
        "bytes": str(size),
    }


def _fetch_one(
    http: urllib3.PoolManager, url: str, folder: Path, settings: FetchSettings
) -> dict[str, str]:
    """Download one page; a log row saying what happened."""
    started = time.monotonic()
    try:
        response = http.request("GET", url, preload_content=False)
    except urllib3.exceptions.MaxRetryError as error:
        return _log_row(url, "", FAILED, _network_reason(error.reason, settings), 0)
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as error:
        return _log_row(url, "", FAILED, _network_reason(error, settings), 0)
    try:
        if response.status >= 400:
            return _log_row(
                url, "", FAILED, f"HTTP {response.status} {response.reason or ''}".strip(), 0
            )
        kind = (response.headers.get("Content-Type") or "text/html").split(";")[0].strip().lower()
        if kind not in PAGE_TYPES:
            return _log_row(url, "", FAILED, f"not a web page (content type {kind})", 0)
        chunks, size = [], 0
        for chunk in response.stream(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > settings.max_bytes:
                limit = settings.max_bytes / 1e6
                return _log_row(url, "", FAILED, f"page over the {limit:.1f} MB limit", size)
            if time.monotonic() - started > settings.deadline:
                return _log_row(url, "", FAILED, f"took over {settings.deadline:g} s", size)
    except (urllib3.exceptions.HTTPError, OSError) as error:
        return _log_row(url, "", FAILED, _network_reason(error, settings), 0)
    finally:
        response.release_conn()
    if not size:
        return _log_row(url, "", FAILED, "empty page", 0)
    name = page_file(url)
    if kind == "text/plain":
        name = str(PurePosixPath(name).with_suffix(".txt"))
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"".join(chunks))
    return _log_row(url, name, FETCHED, "", size)


def _network_reason(error: object, settings: FetchSettings) -> str:
    """A network failure in words."""
    if isinstance(error, (urllib3.exceptions.TimeoutError, TimeoutError)):
        return f"timed out (no answer within {settings.timeout:g} s)"
    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "no such host"
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        return "cannot connect (connection refused)"
    return f"network error: {error}"
