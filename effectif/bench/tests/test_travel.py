"""The « frais » part of `make bench` keeps working: a small run, not timed."""

from __future__ import annotations

from collections import Counter

from effectif.bench.travel import describe, generate_lines, measure
from effectif.rules.travel.checks import CATEGORIES


def test_generated_lines_are_deterministic_and_varied() -> None:
    lines = generate_lines(3000)
    assert len(lines) == 3000
    assert lines == generate_lines(3000)
    assert len({line.key for line in lines}) == 3000
    categories = Counter(line.category for line in lines)
    assert set(categories) == set(CATEGORIES)
    assert len({line.employee_key for line in lines}) > 100
    assert any(not line.has_receipt for line in lines if line.category != "kilometres")
    assert any(line.expense_date.weekday() >= 5 for line in lines)


def test_the_part_measures_and_describes_a_small_run() -> None:
    figures = measure(3000, runs=1)
    assert figures["lines"] == 3000
    assert figures["flagged_lines"] > 0
    for code in ("au_dela_urssaf", "doublon", "sans_justificatif", "week_end"):
        assert figures["codes"].get(code, 0) > 0, code
    text = "\n".join(describe(figures))
    assert "3 000 lignes" in text
    assert "check_lines" in text
    assert "cinquième (600 lignes)" in text
    assert "split_exempt" in text
