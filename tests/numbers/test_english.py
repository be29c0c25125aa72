"""Reading quantities: the cheap check before the unit pattern agrees with the pattern."""

from __future__ import annotations

import pytest

from analysis.numbers.english import _UNIT_AFTER, _may_open_unit, find_quantities

AFTER = ["percent", "per cent", "dollars", "km", "troops", "USD", "pc", "", "-fold"]


@pytest.mark.parametrize("block", range(0, 0x3100, 0x100))
def test_a_unit_is_skipped_only_where_the_pattern_cannot_match(block):
    for code in range(block, block + 0x100):
        if not _may_open_unit(chr(code)):
            for word in AFTER:
                assert _UNIT_AFTER.match(f"5{chr(code)}{word}", 1) is None, (code, word)
    assert not _may_open_unit(",") and not _may_open_unit(")") and not _may_open_unit("")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Prices rose 5 percent, then 3%.", ["percent", "percent"]),
        ("The 40 km road cost 3 million dollars.", ["km", "dollars"]),
        ("They sent 40 ships, 12 jets.", ["", ""]),
    ],
)
def test_units_after_numbers(text, unit):
    assert [q.unit for q in find_quantities(text)] == unit
