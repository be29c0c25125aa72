"""Time a full rerun of every dashboard page with Streamlit's AppTest.

Targets (issue 7): < 300 ms per page on the shipped corpus, < 1.5 s on a generated corpus of 10,000
articles (issue 10: <= 1.5 s at 100,000). The generated corpus recombines real sentences of the
shipped articles (JSONL files, with outlet and date columns) so the analysis sees real reporting
language; `--corpus DIR` measures an existing folder instead (e.g. one written by
pipeline_throughput.py's generator). Also prints the cold start (read + analyse on every core +
first page, empty per-article cache), the start after a restart (per-article cache on disk, nothing
in memory) and the peak memory of the process.

    python benchmarks/dashboard_rerun.py [--articles 10000] [--reruns 5] [--corpus DIR] [--cache DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from realtext import shipped_sentences

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(
    0, str(ROOT)
)  # measure this checkout's analysis/ and dashboard/, not an installed copy
APP = ROOT / "dashboard" / "app.py"
SHIPPED = ROOT / "data" / "corpus"
PAGES = ["overview", "figures", "escalation", "stance", "compare", "corpus"]
OUTLETS = [
    "Daily Express",
    "Reuters",
    "Le Monde (English)",
    "Korea JoongAng Daily",
    "Der Spiegel (English)",
    "The Guardian",
    "Yonhap",
    "TASS (English)",
    "Kyiv Independent",
    "Associated Press",
]


def generate_corpus(folder: Path, articles: int, per_file: int = 1000, seed: int = 7) -> Path:
    """JSONL files (`per_file` articles each, under the loader's size limit) of `articles` articles
    made of real sentences from the shipped corpus, with outlet, date and title columns."""
    sentences = shipped_sentences()
    rng = random.Random(seed)
    for first in range(0, articles, per_file):
        with (folder / f"generated_{first // per_file:03d}.jsonl").open(
            "w", encoding="utf-8"
        ) as out:
            for number in range(first, min(first + per_file, articles)):
                picked = rng.sample(sentences, rng.randint(8, 16))
                paragraphs = "\n\n".join(
                    " ".join(picked[i : i + 2]) for i in range(0, len(picked), 2)
                )
                row = {
                    "text": f"Article {number}.\n\n{paragraphs}",
                    "outlet": OUTLETS[number % len(OUTLETS)],
                    "published": f"2024-{10 + number % 3:02d}-{1 + number % 28:02d}",
                    "title": f"Generated article {number}",
                }
                out.write(json.dumps(row) + "\n")
    return folder


def peak_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def page_reruns(folder: Path, reruns: int) -> tuple[float, dict[str, tuple[float, float]]]:
    """Seconds of the cold first run (load + analyse + draw the Overview, nothing in memory), and per
    page the median seconds of a full rerun (analysis in memory, as for a user clicking around) and
    the median seconds of the first rerun after a filter changed (one more outlet left out each time)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["COVERAGE_CORPUS"] = str(folder)
    app = AppTest.from_file(str(APP), default_timeout=3600)
    start = time.perf_counter()
    app.run()
    cold = time.perf_counter() - start
    loaded = len(app.session_state["_view"].tables["articles"])
    print(f"{folder.name}: {loaded:,} articles loaded", flush=True)
    print(f"  peak memory after the first open: {peak_mb():,.0f} MB", flush=True)
    # as after a restart: nothing in memory (a server holds one analysis), the disk cache kept
    del app
    st.cache_resource.clear()
    gc.collect()
    app = AppTest.from_file(str(APP), default_timeout=3600)
    start = time.perf_counter()
    app.run()
    print(
        f"  start after a restart (per-article cache on disk): {time.perf_counter() - start:.1f} s"
    )
    outlets = app.sidebar.multiselect[0]
    every = list(outlets.value)
    timings = {}
    for page in PAGES:
        app.switch_page(f"views/{page}.py").run()
        assert not app.exception, [e.value for e in app.exception]
        samples, changed = [], []
        for number in range(reruns):
            start = time.perf_counter()
            app.run()
            samples.append(time.perf_counter() - start)
            left_out = every[number % len(every)] if every else None
            app.sidebar.multiselect[0].set_value([o for o in every if o != left_out])
            start = time.perf_counter()
            app.run()  # a filter never seen before on this page
            changed.append(time.perf_counter() - start)
            assert not app.exception, [e.value for e in app.exception]
            app.sidebar.multiselect[0].set_value(every).run()
        timings[page] = statistics.median(samples), statistics.median(changed)
    return cold, timings


def report(name: str, folder: Path, reruns: int, target: float) -> None:
    cold, timings = page_reruns(folder, reruns)
    print(f"{name}: cold start (read + analyse + first page) {cold:.1f} s", flush=True)
    for page, (seconds, changed) in timings.items():
        slowest = max(seconds, changed)
        verdict = "ok" if slowest < target else f"OVER the {target * 1000:.0f} ms target"
        print(
            f"  {page:<11} rerun {seconds * 1000:7.0f} ms, after a filter change "
            f"{changed * 1000:7.0f} ms  {verdict}",
            flush=True,
        )
    print(f"  peak memory of the app process so far: {peak_mb():,.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="size of the generated corpus")
    parser.add_argument("--reruns", type=int, default=5, help="reruns timed per page (median)")
    parser.add_argument("--corpus", help="measure this folder instead of a generated corpus")
    parser.add_argument(
        "--cache", help="per-article cache to use (default: a new empty one, so cold means cold)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["COVERAGE_CACHE"] = args.cache or str(Path(tmp, "cache"))
        report("shipped corpus", SHIPPED, args.reruns, 0.3)
        if args.corpus:
            report(Path(args.corpus).name, Path(args.corpus), args.reruns, 1.5)
            return
        folder = Path(tmp, "generated")
        folder.mkdir()
        generate_corpus(folder, args.articles)
        report("generated corpus", folder, args.reruns, 1.5)


if __name__ == "__main__":
    main()
