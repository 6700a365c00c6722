"""Peak memory of one parse of the inputs that blew it up (issue #13: 1 MB of line ends
took 801 MB, a 10 MB line of ``SECTION 01 OF `` 1.9 GB), each in a fresh process.

The budget is 100 MB + 30 MB for each MB of input. Where the lines are shorter than what
the model keeps for each of them (one part with its span), each line may add its share
(tests/memory_shapes.py, PER_LINE_BYTES). benchmarks/bench_memory.py prints the table.
"""

from __future__ import annotations

import pytest

from tests.memory_shapes import budget_mb, measure


@pytest.mark.parametrize("shape", ["section", "end", "cable"])
def test_a_megabyte_of_input_parses_within_the_budget(shape: str) -> None:
    peak = measure(shape, 1_000_000)
    assert peak.outcome == "Cable"
    assert peak.peak_mb <= budget_mb(peak.megabytes), peak


@pytest.mark.parametrize(("shape", "lines"), [("newlines", 999_619), ("lines", 500_016)])
def test_a_megabyte_of_short_lines_costs_at_most_its_share_for_each_line(
    shape: str, lines: int
) -> None:
    peak = measure(shape, 1_000_000)
    assert (peak.outcome, peak.lines) == ("Cable", lines)
    assert peak.peak_mb <= budget_mb(peak.megabytes, peak.lines), peak
