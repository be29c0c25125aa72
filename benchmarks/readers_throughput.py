"""Reader throughput: a generated Media Cloud-style CSV (20,000 one-paragraph stories, ~76 MB) and
the same rows as Parquet, read only (no article is built or analysed).

Each measurement runs in a fresh process so its peak memory is its own: `readers` iterates
analysis.ingest.readers.read_table (rows -> record dicts); `records` is the whole reading step the
pipeline runs first (analysis.ingest.corpus.read_folder: file -> records + load report).
Prints records/s, MB/s, and the peak resident memory over the process's size after its imports.
Run: python benchmarks/readers_throughput.py [--rows 20000]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from realtext import real_sentences

HEADER = [
    "stories_id",
    "publish_date",
    "title",
    "url",
    "language",
    "media_name",
    "media_url",
    "text",
]
OUTLETS = ["Example Daily", "Wire Service", "Morning Herald", "Evening Post", "Radio News"]
TEXT_CHARS = 3_700  # ~76 MB for 20,000 rows with the metadata columns


def generate(folder: Path, rows: int) -> tuple[Path, Path]:
    """The CSV and the Parquet file of `rows` generated stories."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(11)
    sentences = real_sentences()
    columns: dict[str, list] = {name: [] for name in HEADER}
    for i in range(rows):
        parts, size = [], 0
        while size < TEXT_CHARS:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            size += len(sentence) + 1
        outlet = rng.choice(OUTLETS)
        values = [
            str(1_000_000 + i),
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:15:00",
            " ".join(parts[0].split()[:8]),
            f"https://news.example.org/story/{i}",
            "en",
            outlet,
            "https://news.example.org",
            " ".join(parts) + f" Report {i}.",
        ]
        for name, value in zip(HEADER, values, strict=True):
            columns[name].append(value)
    csv_path = folder / "csv" / "mediacloud.csv"
    csv_path.parent.mkdir()
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(zip(*columns.values(), strict=True))
    parquet_path = folder / "parquet" / "mediacloud.parquet"
    parquet_path.parent.mkdir()
    pq.write_table(pa.table(columns), parquet_path, row_group_size=2_000)
    return csv_path, parquet_path


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: its own, unlike ru_maxrss, which a child
    inherits from the parent that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(mode: str, path: Path) -> dict[str, float]:
    """One measurement in this process (called in a child process)."""
    from analysis.ingest.corpus import read_folder
    from analysis.ingest.readers import Limits, format_of, load_columns, read_table

    columns = load_columns()
    baseline = peak_mb()
    started = time.perf_counter()
    if mode == "readers":
        data = path.read_bytes()
        count = sum(
            1
            for _, row in read_table(path.name, data, format_of(path.name), Limits(), columns)
            if not isinstance(row, str)
        )
    else:
        count = len(read_folder(path.parent).records)
    seconds = time.perf_counter() - started
    peak = peak_mb()
    return {"records": count, "seconds": seconds, "baseline_mb": baseline, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--one", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], Path(args.one[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, parquet_path = generate(Path(tmp), args.rows)
        mb = {p: p.stat().st_size / 1e6 for p in (csv_path, parquet_path)}
        for path in (csv_path, parquet_path):
            for mode in ("readers", "records"):
                out = subprocess.run(
                    [sys.executable, __file__, "--one", mode, str(path)],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=Path(__file__).parent,
                ).stdout
                r = json.loads(out)
                print(
                    f"{path.suffix[1:]:>7} {mb[path]:6.1f} MB {mode:>7}: {r['records']:,} records in "
                    f"{r['seconds']:.2f} s = {r['records'] / r['seconds']:,.0f} records/s, "
                    f"{mb[csv_path] / r['seconds']:.1f} MB/s of CSV text; peak memory "
                    f"{r['peak_mb']:.0f} MB ({r['peak_mb'] - r['baseline_mb']:+.0f} MB over "
                    f"{r['baseline_mb']:.0f} MB after imports)"
                )


if __name__ == "__main__":
    main()
