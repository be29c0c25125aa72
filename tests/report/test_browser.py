"""The report file opened from disk in headless Chromium with every request off the file blocked:
nothing is asked of any server, every chart is drawn, every outlet has its summary, and article
markup shows as text (never run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cli import main
from analysis.filters import apply_filters, options_from_tables
from analysis.report import build_report
from tests.dashboard.test_browser import CHROMIUM, CHROMIUM_ARGS
from tests.paths import ROOT
from tests.report.corpus import SCRIPT, tables_of, write_corpus

pytestmark = pytest.mark.browser


def _report(corpus: Path, out: Path) -> Path:
    """`python -m analysis report CORPUS --out OUT`, in this process."""
    args = ["report", str(corpus), "--out", str(out), "--quiet", "--no-cache", "--jobs", "1"]
    assert main(args) == 0
    return out


def _open_offline(path: Path) -> dict:
    """Open `path` on a phone-sized screen with every request that is not the file itself aborted; what the page shows."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    blocked, dialogs = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone

            def route(request_route) -> None:
                if request_route.request.url.startswith("file://"):
                    request_route.continue_()
                else:
                    blocked.append(request_route.request.url)
                    request_route.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function(
                "Array.from(document.querySelectorAll('.plot'))"
                ".every(div => div.querySelector('svg.main-svg'))",
                timeout=60_000,
            )
            seen = {
                "plots": page.locator(".plot").count(),
                "drawn": page.evaluate(
                    "Array.from(document.querySelectorAll('.plot'))"
                    ".filter(div => div.querySelector('svg.main-svg')).length"
                ),
                "summaries": page.locator(".summary h3").all_inner_texts(),
                "text": page.inner_text("body"),
                "chart_text": page.locator(".plot svg text").all_text_contents(),
                "scripts": page.evaluate("document.querySelectorAll('script').length"),
                "wide": page.evaluate("document.documentElement.scrollWidth"),
            }
        finally:
            browser.close()
    return seen | {"blocked": blocked, "dialogs": dialogs}


def test_the_report_opens_offline_draws_every_chart_and_shows_markup_as_text(tmp_path):
    tables = tables_of(write_corpus(tmp_path / "corpus"))
    everything = options_from_tables(tables).default_state()
    out = tmp_path / "report.html"
    out.write_text(
        build_report(apply_filters(tables, everything), everything, source="the test corpus"),
        encoding="utf-8",
    )
    seen = _open_offline(out)
    assert seen["blocked"] == [] and seen["dialogs"] == []
    # overview 2, figures 2, escalation 1, stance 3, events: conflict, cooperation, agentless
    assert seen["plots"] == 11 and seen["drawn"] == 11
    assert sorted(seen["summaries"]) == ["Coast Daily", "Harbour Gazette", "River Times"]
    assert f"Dockers walk out {SCRIPT}" in seen["text"]  # the title, shown as written
    # an actor's name on the events chart, as written
    assert any(f"Strikers {SCRIPT}" in text for text in seen["chart_text"])
    assert "broken.txt" in seen["text"] and "empty file" in seen["text"]  # the skipped file
    assert seen["scripts"] == 2 + seen["plots"]  # Plotly, the drawing, one JSON per chart
    assert seen["wide"] <= 390 + 1  # no sideways scrolling on a phone


def test_the_shipped_corpus_report_has_every_outlet_and_its_evidence(tmp_path):
    out = _report(ROOT / "data" / "corpus", tmp_path / "report.html")
    seen = _open_offline(out)
    assert seen["blocked"] == [] and seen["drawn"] == seen["plots"]
    assert len(seen["summaries"]) == 5
    assert "No checks made yet" in seen["text"] and "0.955" in seen["text"]
