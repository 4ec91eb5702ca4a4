"""The demo organisation's departures: one in progress, completed ones with their documents,
loaded once."""

from __future__ import annotations

from datetime import date

import pytest

from effectif.demo.loading import load_demo
from effectif.departures.demo import load_departures_demo
from effectif.departures.models import Departure, Status
from effectif.documents.models import GeneratedDocument
from effectif.organisation.models import Employer

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)


def test_demo_departures(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert load_demo(today=TODAY) is True
    assert Departure.objects.filter(status=Status.IN_PROGRESS).count() == 1
    closed = Departure.objects.filter(status=Status.CLOSED)
    assert closed.count() == 3
    for departure in closed:
        assert departure.employee.is_closed
        kinds = set(
            GeneratedDocument.objects.filter(
                subject_type="depart", subject_id=str(departure.pk)
            ).values_list("kind", flat=True)
        )
        assert kinds == {"certificat_travail", "solde_tout_compte"}
    assert load_departures_demo(employers=Employer.objects.all(), today=TODAY, by=None) is False
