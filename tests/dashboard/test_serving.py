"""Who can reach the dashboard (issue 23): this machine only by default, the network on purpose and
then read-only; Streamlit's cross-site request protection on and no telemetry.

The two server tests start the app exactly as `./run app` does (the same script, so the same command
line and .streamlit/config.toml) on a free port, read the listening sockets from /proc/net/tcp{,6}
and try the machine's own non-loopback address. Every connection goes to 127.0.0.1 or to one of this
machine's own interface addresses, nowhere else. Each server is stopped by its process group id.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import data, serving
from tests.paths import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


APP = str(ROOT / "dashboard" / "app.py")
CONFIG = ROOT / ".streamlit" / "config.toml"
START_SECONDS = 90
ARTICLE = "Title: Uploaded\nOutlet: Test Wire\nDate: 2024-11-02\n\nA test article, never shown.\n"


# --- configuration ------------------------------------------------------------------------------


def test_the_streamlit_config_serves_locally_with_xsrf_on_and_no_telemetry():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert serving.is_loopback(config["server"]["address"])
    assert config["server"].get("enableXsrfProtection", True) is True
    assert config["server"].get("enableCORS", True) is True
    assert config["browser"]["gatherUsageStats"] is False
    assert st.get_option("server.enableXsrfProtection") is True  # as the app sees it


def test_nothing_in_the_repository_turns_xsrf_protection_or_cors_off():
    files = [ROOT / "run", ROOT / ".ci" / "run", ROOT / "pyproject.toml"]
    files += sorted((ROOT / ".streamlit").glob("*"))
    files += sorted((ROOT / "dashboard").rglob("*.py")) + sorted((ROOT / "docs").rglob("*.md"))
    off = re.compile(
        r"(enableXsrfProtection|enableCORS)\W{0,3}\s*(=|\s)\s*[\"']?false"
        r"|STREAMLIT_SERVER_ENABLE_(XSRF_PROTECTION|CORS)\s*=\s*[\"']?(false|0)",
        re.IGNORECASE,
    )
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in files
        if path.is_file()
        for match in off.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not found


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("", False),
        ("0.0.0.0", False),
        ("::", False),
        ("192.0.2.2", False),
        ("example.org", False),
    ],
)
def test_only_loopback_addresses_count_as_this_machine_only(address, loopback):
    assert serving.is_loopback(address) is loopback


def test_the_mode_follows_the_environment_and_the_address(monkeypatch):
    address = {"value": "localhost"}
    monkeypatch.setattr(st, "get_option", lambda name: address["value"])
    monkeypatch.delenv(serving.SHARE_ENV, raising=False)
    monkeypatch.delenv(serving.EDITS_ENV, raising=False)
    assert not serving.shared() and serving.edits_allowed()
    monkeypatch.setenv(serving.SHARE_ENV, "1")
    assert serving.shared() and not serving.edits_allowed()
    monkeypatch.setenv(serving.EDITS_ENV, "1")
    assert serving.shared() and serving.edits_allowed()
    # Started on every interface some other way: shared, so read-only, whatever ./run would say.
    monkeypatch.setenv(serving.SHARE_ENV, "0")
    monkeypatch.delenv(serving.EDITS_ENV)
    address["value"] = "0.0.0.0"
    assert serving.shared() and not serving.edits_allowed()


# --- the read-only dashboard (AppTest) ----------------------------------------------------------


def _corpus_page(monkeypatch, share: str, edits: str = "0") -> AppTest:
    monkeypatch.setenv(serving.SHARE_ENV, share)
    monkeypatch.setenv(serving.EDITS_ENV, edits)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.switch_page("views/corpus.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_shared_the_corpus_page_offers_no_upload_and_no_editor_and_says_why(monkeypatch):
    app = _corpus_page(monkeypatch, share="1")
    assert not app.get("file_uploader")
    assert not app.text_area
    assert not [b for b in app.button if "lexicon" in b.label.lower()]
    notices = " ".join(info.value for info in app.info)
    assert "Uploads are turned off" in notices and "not editable" in notices
    assert "read-only" in notices and "--allow-edits" in notices
    # The lexicons are still shown, as text.
    assert any("[" in code.value for code in app.code)
    assert any("read-only" in caption.value for caption in app.sidebar.caption)


def test_shared_the_analysis_ignores_uploads_and_edits_held_in_the_session(monkeypatch):
    app = _corpus_page(monkeypatch, share="1")
    app.session_state[data.UPLOADS_KEY] = [("uploaded.txt", ARTICLE.encode())]
    app.session_state[data.LEXICON_KEY] = "this is not a lexicon ["
    app.session_state[data.ACTORS_KEY] = "this is not a story file ["
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert "Showing the shipped corpus." in [c.value for c in app.caption]


def test_locally_and_when_the_analyst_allows_edits_the_uploader_and_editors_are_there(monkeypatch):
    for share, edits in (("0", "0"), ("1", "1")):
        app = _corpus_page(monkeypatch, share=share, edits=edits)
        assert [uploader.key for uploader in app.get("file_uploader")] == ["upload_widget"]
        assert {t.key for t in app.text_area} == {"editor_escalation", "editor_actors"}
        assert not app.info


# --- the server as ./run app starts it ----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _own_address() -> str | None:
    """One of this machine's non-loopback IPv4 addresses, or None when it has none."""
    candidates: list[str] = []
    try:
        result = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5)
        candidates += result.stdout.split()
    except (OSError, subprocess.SubprocessError):
        pass
    with contextlib.suppress(OSError):
        candidates.append(socket.gethostbyname(socket.gethostname()))
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        if address.version == 4 and not address.is_loopback and not address.is_unspecified:
            return candidate
    return None


def _hex_address(text: str) -> str:
    """An address of /proc/net/tcp{,6} (each 32-bit word in host order, little-endian) as text."""
    raw = bytes.fromhex(text)
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(words))


def listening_addresses(port: int) -> set[str]:
    """The local addresses of every TCP socket listening on `port` (any process)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(_hex_address(address))
    return found


def _ss(port: int) -> str:
    try:
        result = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return "(ss is not available)"
    return "\n".join(line for line in result.stdout.splitlines() if f":{port} " in line)


def _venv_ready() -> None:
    """`./run app` must find this virtual environment set up, or it would install into it."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    venv = Path(sys.prefix)
    ready = (venv / "bin" / "streamlit").exists() and any(venv.glob(f".installed-{digest}-*"))
    if not ready:
        reason = f"{venv} was not set up by ./run (run the tests with ./run test)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


class Server:
    def __init__(self, process: subprocess.Popen, port: int, log: Path) -> None:
        self.process, self.port, self.log = process, port, log

    def output(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


def _start_app(tmp_path: Path, *flags: str) -> Iterator[Server]:
    """`./run app FLAGS` on a free port with this virtual environment; stopped at the end."""
    _venv_ready()
    port = _free_port()
    log = tmp_path / "app.log"
    environment = {
        k: v for k, v in os.environ.items() if k not in (serving.SHARE_ENV, serving.EDITS_ENV)
    }
    environment["VENV"] = sys.prefix
    command = ["bash", str(ROOT / "run"), "app", *flags, "--server.port", str(port)]
    command += ["--server.fileWatcherType", "none"]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=environment,
            start_new_session=True,  # its own process group, stopped by its id below
        )
    server = Server(process, port, log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"./run app exited ({process.returncode}): {server.output()}")
            try:
                url = f"http://127.0.0.1:{port}/_stcore/health"
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"./run app did not answer in {START_SECONDS} s")
            time.sleep(0.3)
        yield server
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


@pytest.fixture(scope="module")
def local_app(tmp_path_factory) -> Iterator[Server]:
    yield from _start_app(tmp_path_factory.mktemp("local_app"))


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory) -> Iterator[Server]:
    yield from _start_app(tmp_path_factory.mktemp("shared_app"), "--network")


@pytest.mark.server
def test_run_app_listens_on_loopback_only_and_says_so_first(local_app):
    port = local_app.port
    assert local_app.output()[0] == (
        f"Serving on http://localhost:{port} (this machine only; ./run app --network to share "
        "read-only)"
    )
    addresses = listening_addresses(port)
    assert addresses, _ss(port)
    assert all(ipaddress.ip_address(a).is_loopback for a in addresses), (addresses, _ss(port))


@pytest.mark.server
def test_run_app_refuses_a_connection_to_a_non_loopback_address(local_app):
    address = _own_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address: there is nothing else to refuse")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address, local_app.port), timeout=5).close()


@pytest.mark.server
def test_run_app_network_listens_on_every_interface_and_warns_naming_the_address(shared_app):
    port = shared_app.port
    first = shared_app.output()[0]
    assert first.startswith(f"WARNING: serving on every network interface (0.0.0.0:{port})")
    assert "READ-ONLY" in first and "--allow-edits" in first
    assert listening_addresses(port) == {"0.0.0.0"}, _ss(port)
    address = _own_address()
    if address is not None:  # this machine's own address: reachable now, and named in the warning
        assert f"http://{address}:{port}" in first
        with urllib.request.urlopen(f"http://{address}:{port}/_stcore/health", timeout=5) as r:
            assert r.status == 200


def test_run_app_refuses_to_be_given_an_address():
    result = subprocess.run(
        ["bash", str(ROOT / "run"), "app", "--server.address", "0.0.0.0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        env=os.environ | {"VENV": sys.prefix},
    )
    assert result.returncode == 2 and "--network" in result.stderr
