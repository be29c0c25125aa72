"""Who can reach the dashboard, and whether they may change what it analyses.

`./run app` serves on this machine only (localhost) and the analyst may upload files and edit the
lexicon and the story file. `./run app --network` (or COVERAGE_SHARE=1) serves on every network
interface: the dashboard is then read-only (the views, the filters, the camps kept in the link and
the downloads, but no uploads and no lexicon or story edits) unless the analyst also passes
`--allow-edits` (COVERAGE_ALLOW_EDITS=1). See docs/security.md.

The mode is read from the environment `./run` sets and, whatever the environment says, from the
address the server was told to listen on: a dashboard started some other way on a non-loopback
address (`streamlit run ... --server.address 0.0.0.0`, or from outside the repository, where its
.streamlit/config.toml is not read and Streamlit binds every interface) is shared, so read-only.
"""

from __future__ import annotations

import ipaddress
import os

import streamlit as st

SHARE_ENV = "COVERAGE_SHARE"
EDITS_ENV = "COVERAGE_ALLOW_EDITS"
_TRUE = {"1", "true", "yes", "on"}
READ_ONLY = (
    "This dashboard is shared on the network, so it is read-only: no uploads and no lexicon or "
    "story edits. The analyst who started it can allow them with `./run app --network "
    "--allow-edits`, or use them on their own machine (`./run app`)."
)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in _TRUE


def is_loopback(address: str) -> bool:
    """True for an address that only this machine can reach ('' binds every interface)."""
    address = address.strip().strip("[]")
    if address == "localhost":
        return True
    if address.startswith("unix://"):
        return True  # a socket file: reached through the file system, not the network
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # '', a host name or anything else: other machines may reach it


def shared() -> bool:
    """True when other machines may reach the dashboard."""
    return _flag(SHARE_ENV) or not is_loopback(str(st.get_option("server.address") or ""))


def edits_allowed() -> bool:
    """True when uploads and lexicon/story edits are offered: served locally, or shared with the
    analyst's explicit --allow-edits."""
    return not shared() or _flag(EDITS_ENV)
