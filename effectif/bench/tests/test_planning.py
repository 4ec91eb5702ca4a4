"""The « planning » benchmark keeps working: a smoke test on a small establishment, page and
PDF."""

from __future__ import annotations

import pytest

from effectif.bench.planning import describe, describe_pdf, measure

pytestmark = pytest.mark.django_db


def test_measures_the_month_page_and_its_pdf():
    figures = measure(employees=12, requests=2, pdf_requests=1)
    assert figures["rows"] >= 12
    assert figures["cells"] == figures["rows"] * 31
    assert figures["pdf_pages"] >= 1
    assert 0 < figures["pdf_median_s"] < 60
    assert "planning du mois (05/2026)" in describe("SQLite", figures)
    assert "PDF du même mois" in describe_pdf("SQLite", figures)
