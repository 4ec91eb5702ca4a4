"""The « frais-db » benchmark keeps working: a smoke test on a small population."""

from __future__ import annotations

import pytest

from effectif.bench.travel_db import describe, measure
from effectif.core.models import AuditEntry
from effectif.travel.models import ExpenseLine

pytestmark = pytest.mark.django_db(transaction=True)


def test_measures_the_check_of_lines_from_the_database():
    figures = measure(employees=12, lines=400)
    assert figures["lines"] == figures["checked"] == 400
    assert 0 < figures["flagged"] < 400
    assert figures["written"] == figures["flagged"] == figures["stored"]
    assert figures["rewritten"] == 0  # a second pass finds nothing new to write
    assert ExpenseLine.objects.exclude(anomalies=[]).count() == figures["flagged"]
    assert AuditEntry.objects.filter(detail="Contrôle automatique des lignes").exists()
    assert "contrôle de 400 lignes" in describe("SQLite", figures)
