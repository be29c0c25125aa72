"""End to end in a real browser: `streamlit run` headless, driven by Playwright and Debian's Chromium.

Opens every page, changes a filter and reloads (the URL keeps it), puts two articles side by side,
downloads one CSV and checks its rows, and saves a screenshot of each page to docs/screenshots/.
The server is started here and stopped by its own process id.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.paths import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
PAGES = {  # url path -> screenshot name
    "": "overview",
    "figures": "figures",
    "escalation": "escalation",
    "stance": "stance",
    "compare": "compare",
    "corpus": "corpus",
}
# Two articles written for this test (not real reporting): Cyrillic, Hangul, and an Arabic
# sentence with markup in it that must show as text.
MULTILINGUAL = {
    "ru_wire.txt": (
        "Title: Москва предупредила о последствиях\nSource: Тестовое агентство\n"
        "Date: 2024-11-05\n\n"
        "Пресс-секретарь президента России Дмитрий Песков заявил журналистам, что Москва не "
        "допустит эскалации. «Мы не видим никаких оснований для паники», — сказал Песков.\n\n"
        "По данным Минобороны, около 2000 военных переброшены к границе. Угроза ядерной войны, "
        "по словам экспертов, остаётся низкой. В Каире сказали по-арабски: «لا نريد <b>الحرب</b>».\n"
    ),
    "ko_daily.txt": (
        "Title: 북한군 파병 확인\nSource: 테스트 일보\nDate: 2024-11-06\n\n"
        '윤석열 대통령은 이날 국무회의에서 "북한의 파병은 중대한 도발"이라고 말했다. '
        "국가정보원에 따르면 북한은 약 1만1000명의 병력을 러시아에 보냈다.\n\n"
        '"우리는 확전을 원하지 않는다"라고 드미트리 페스코프 크렘린궁 대변인이 말했다.\n'
    ),
}
TAGS = '[data-testid="stSidebar"] [data-testid="stMultiSelect"] >> nth=0 >> [data-tag]'


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url}/_stcore/health did not answer within {seconds} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    """A headless `streamlit run dashboard/app.py` on a free port, stopped by its pid afterwards."""
    yield from _serve(tmp_path_factory, corpus=None)


@pytest.fixture(scope="module")
def languages_url(tmp_path_factory) -> Iterator[str]:
    """The app on a corpus of a Russian and a Korean article (one with an Arabic sentence)."""
    corpus = tmp_path_factory.mktemp("languages_corpus")
    for name, text in MULTILINGUAL.items():
        (corpus / name).write_text(text, encoding="utf-8")
    yield from _serve(tmp_path_factory, corpus=corpus)


def _serve(tmp_path_factory, corpus: Path | None) -> Iterator[str]:
    if not CHROMIUM.exists():
        missing = "Debian's chromium is not installed at /usr/bin/chromium (./run test installs it)"
        if os.environ.get("CI"):
            pytest.fail(missing)  # CI must run the browser test, never skip it
        pytest.skip(missing)
    port = _free_port()
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("w")
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    command += ["--server.headless", "true", "--server.fileWatcherType", "none"]
    environment = dict(os.environ) | ({"COVERAGE_CORPUS": str(corpus)} if corpus else {})
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=environment
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def page(app_url):
    """One Chromium page for the whole module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": 1440, "height": 1300}, accept_downloads=True
            )
            yield context.new_page()
        finally:
            browser.close()


def _open(page, url: str) -> None:
    """Load a page and wait until its last element (a download button) and its charts are drawn."""
    page.goto(url)
    _settle(page)


def _settle(page) -> None:
    """Wait for the rerun to end, the last element to be drawn and every plotly chart to render."""
    page.wait_for_timeout(300)  # let a rerun start before waiting for it to end
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    # a download of the page itself (the sidebar's "Download report" is drawn before the page)
    page.wait_for_selector(
        '[data-testid="stMain"] [data-testid="stDownloadButton"]', timeout=60_000
    )
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(chart => chart.querySelector('.main-svg'))",
        timeout=60_000,
    )
    page.wait_for_timeout(300)


def _assert_no_failure(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def test_every_page_opens_and_is_screenshotted(page, app_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path, name in PAGES.items():
        _open(page, f"{app_url}/{path}")
        _assert_no_failure(page)
        if name not in ("corpus", "compare"):
            assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1, name
        assert page.locator('[data-testid="stDownloadButton"]').count() >= 1, name
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_a_filter_survives_a_reload_and_the_csv_has_its_rows(page, app_url):
    _open(page, app_url)
    tags = page.locator(TAGS)
    before = tags.count()
    assert before >= 2
    removed = tags.first.get_attribute("aria-label")
    page.get_by_role("button", name=f"Remove {removed}").click()
    _settle(page)
    assert "outlet=" in page.url
    page.reload()
    _settle(page)
    assert page.locator(TAGS).count() == before - 1

    with page.expect_download() as download:
        page.get_by_role("button", name="articles_per_outlet.csv").click()
    rows = pd.read_csv(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert len(rows) == before - 1
    assert removed not in set(rows["outlet"])


def test_two_articles_side_by_side(page, app_url):
    _open(page, f"{app_url}/compare")
    _assert_no_failure(page)
    columns = page.locator(".article-text")
    assert columns.count() == 2
    for index in range(2):
        assert columns.nth(index).locator("mark").count() > 0
    assert page.locator("script", has_text="alert").count() == 0


def test_russian_and_korean_articles_side_by_side(page, languages_url):
    _open(page, f"{languages_url}/compare")
    _assert_no_failure(page)
    columns = page.locator(".article-text")
    assert columns.count() == 2
    assert {columns.nth(i).get_attribute("lang") for i in range(2)} == {"ru", "ko"}
    text = " ".join(columns.nth(i).inner_text() for i in range(2))
    assert "Песков" in text and "페스코프" in text
    assert "لا نريد <b>الحرب</b>" in text  # the markup is shown as text, not applied
    assert page.locator(".article-text b").count() == 0
    for index in range(2):
        assert columns.nth(index).locator("mark").count() > 0
    page.screenshot(path=str(SCREENSHOTS / "compare_languages.png"))
    _open(page, f"{languages_url}/?lang=ko")
    _assert_no_failure(page)
    assert "lang=ko" in page.url
