"""dashboard/highlight.py: article text escaped before anything is marked, spans from the tables,
disabled layers, and the language and reading direction of the highlighted text."""

from __future__ import annotations

from analysis.ingest.corpus import load_uploads
from analysis.pipeline import analyse
from dashboard.highlight import Span, article_spans, highlight_html


def test_article_text_is_escaped_before_anything_is_marked():
    raw = (
        'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> 10,000 troops.'
    )
    start = raw.index("10,000")
    html = highlight_html(
        raw,
        [Span(start, start + 6, "figure", 'troops "10,000" <b>'), Span(0, len(raw), "quote", "q")],
        ["figure", "quote"],
    )
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="troops &quot;10,000&quot; &lt;b&gt;"' in html
    assert html.count('<mark class="hl-figure"') == 1 and ">10,000</mark>" in html


def test_disabled_layers_are_not_marked():
    html = highlight_html("Up to 12,000 soldiers.", [Span(6, 12, "figure", "f")], ["quote"])
    assert "<mark" not in html and "12,000" in html


def test_article_spans_come_from_the_tables(tables):
    spans = article_spans("a1", tables)
    layers = sorted(s.layer for s in spans)
    assert layers == ["escalation", "figure"]


def test_highlighted_text_carries_its_language_and_reads_right_to_left_where_it_should():
    html = highlight_html("«لا نريد <b>الحرب</b>»", [], [], language="ar")
    assert 'lang="ar"' in html and 'dir="auto"' in html and "unicode-bidi:plaintext" in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_an_arabic_article_is_marked_on_the_right_characters():
    """The real pipeline on an Arabic article (diacritics, prefixes, Arabic-Indic digits): every
    mark's text is the raw text at the row's offsets, and the container reads right to left."""
    raw = (
        "وقالت وزارة الدفاع السورية إن الدفاعات الجوية أسقطت ١٤ صاروخاً من أصل ١٦. "
        "وحذّر وزير الخارجية من «التصعيدِ الخطير» في المنطقة، مؤكداً أن دمشق لا تريد الحرب."
    )
    tables = analyse(load_uploads([("sana.txt", raw.encode())]))
    article_id = tables["articles"]["article_id"].iloc[0]
    spans = article_spans(article_id, tables)
    marked = {(s.layer, raw[s.start : s.end]) for s in spans}
    assert {("figure", "١٤"), ("figure", "١٦"), ("escalation", "وحذّر")} <= marked
    assert ("escalation", "التصعيدِ") in marked  # the kasra on its last letter comes along
    html = highlight_html(raw, spans, ["figure", "escalation", "quote"], language="ar")
    assert 'lang="ar"' in html and 'dir="auto"' in html
    assert ">١٤</mark>" in html and ">وحذّر</mark>" in html
