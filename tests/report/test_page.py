"""The report page's pieces: JSON safe inside <script>, tables escaped and cut with a note."""

from __future__ import annotations

import json

import pandas as pd

from analysis.report.page import script_json, table


def test_json_in_a_script_cannot_close_it_and_reads_back_the_same():
    value = {"text": "</script><!-- <b>&amp; </SCRIPT >"}
    safe = script_json(json.dumps(value))
    assert not any(mark in safe for mark in ("<", ">", "&"))
    assert json.loads(safe) == value


def test_a_table_escapes_its_cells_and_counts_what_it_leaves_out():
    frame = pd.DataFrame({"title": ["<img src=x onerror=alert(1)>", "b", "c"], "n": [1, 2, 3]})
    page = table(frame, ["title"], 2, "articles")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<td>b</td>" in page and "<td>c</td>" not in page
    assert "… and 1 more articles" in page
